#include "validator.h"

#include "validationcontext.h"

#include <algorithm>

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

std::vector<Finding> validate(const Design &design, const RuleRegistry &registry)
{
    const ValidationContext context(design);
    return validate(context, registry);
}

std::vector<Finding> validate(const ValidationContext &context, const RuleRegistry &registry)
{
    std::vector<Finding> findings;
    for (const Rule *rule : registry.rules())
        rule->check(context, findings);
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
    while (!what.empty()) {
        const size_t comma = what.find(',');
        std::string_view part = what.substr(0, comma);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty() && part != "geometry")
            return true;
        if (comma == std::string_view::npos)
            break;
        what.remove_prefix(comma + 1);
    }
    return false;
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
