#include "validator.h"

#include "validationcontext.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <thread>

namespace heiiki::model {

std::string_view toString(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "error";
}

std::vector<Finding> validate(const Design &design, const RuleRegistry &registry,
                              unsigned threads)
{
    const ValidationContext context(design);
    return validate(context, registry, threads);
}

unsigned validationThreads()
{
    // One hardware thread is left to the designer's UI thread, which paints while a
    // validation runs in the background; on two cores that means one validation thread.
    const unsigned hardware = std::thread::hardware_concurrency();
    return std::clamp(hardware > 1 ? hardware - 1 : 1u, 1u, 4u);
}

std::vector<Finding> validate(const ValidationContext &context, const RuleRegistry &registry,
                              unsigned threads)
{
    const std::vector<const Rule *> rules = registry.rules();
    // The work list: the scenarios first when a rule reads them (playing them is the largest
    // single task, and every SCN rule waits for it), then the rules in id order. Each thread
    // takes the next task until none is left; each rule writes its own list, so the findings
    // come out in the same order whatever thread ran what.
    const bool scenarios = std::any_of(rules.begin(), rules.end(),
                                       [](const Rule *r) { return r->readsScenarios(); });
    const size_t first = scenarios ? 1 : 0; // the first task that is a rule
    const size_t tasks = first + rules.size();
    std::vector<std::vector<Finding>> perRule(rules.size());
    std::atomic<size_t> next{0};
    std::mutex errorMutex;
    std::exception_ptr error;
    auto work = [&] {
        for (size_t task; (task = next.fetch_add(1)) < tasks;) {
            try {
                if (task < first) {
                    // The topology first, while the other threads start on the IAM rules,
                    // which do not need it.
                    context.topology();
                    context.scenarios();
                }
                else
                    rules[task - first]->check(context, perRule[task - first]);
            } catch (...) {
                const std::lock_guard lock(errorMutex);
                if (!error)
                    error = std::current_exception();
            }
        }
    };
    threads = std::min<size_t>(threads ? threads : validationThreads(), tasks);
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (auto &h : helpers)
        h.join();
    if (error)
        std::rethrow_exception(error);

    std::vector<Finding> findings;
    for (auto &list : perRule)
        std::move(list.begin(), list.end(), std::back_inserter(findings));
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.ruleId != b.ruleId)
            return a.ruleId < b.ruleId;
        const std::string &ea = a.elements.empty() ? std::string() : a.elements.front().str();
        const std::string &eb = b.elements.empty() ? std::string() : b.elements.front().str();
        if (ea != eb)
            return ea < eb;
        return a.message < b.message;
    });
    return findings;
}

bool affectsValidation(std::string_view what)
{
    return !changesOnly(what, {"geometry"});
}

FindingSummary summarize(const std::vector<Finding> &findings)
{
    FindingSummary s;
    for (const auto &f : findings) {
        switch (f.severity) {
        case Severity::Error: ++s.errors; break;
        case Severity::Warning: ++s.warnings; break;
        case Severity::Info: ++s.infos; break;
        }
    }
    return s;
}

} // namespace heiiki::model
