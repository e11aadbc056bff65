// bench_validation: how long full validation takes on synthetic hub and spoke designs of
// about 500, 5,000 and 50,000 elements, and where the time goes rule by rule.
//
//   bench_validation [--sizes 500,5000,50000] [--runs N] [--budget SECONDS]
//                    [--rules-size N] [--instances N] [--full-only] [--write DIR]
//
// Prints markdown. Each timing is the median (and minimum) of N runs of
// model::validate(design, RuleRegistry::builtin()); a series stops early, after at least
// three runs, once it has used its time budget. Before measuring, it checks that a small
// generated design loads back through the file reader and validates with no findings.

#include "benchsupport.h"
#include "designgenerator.h"

#include "model/core/allocator.h"
#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "model/validation/incrementalvalidator.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validationcontext.h"
#include "model/validation/validator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>


using namespace heiiki;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    std::vector<int> sizes{500, 5000, 50000};
    int runs = 7;
    double budgetSeconds = 60;
    int rulesSize = 5000; ///< the size whose per-rule breakdown is printed; 0: none
    int instancesPerSubnet = 3;
    /// Time only full validations of the generated design: no revalidation series and no
    /// design opened from its text (for profilers and A/B runs).
    bool fullOnly = false;
    unsigned threads = 0;  ///< validation threads; 0: model::validationThreads()
    std::string writeDir;
};

double millis(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

/// The time one run took: on the wall clock (what the architect waits for), and on the CPU
/// of every thread of the process (the work done, which stays honest on a loaded machine,
/// where the wall clock also counts waiting).
struct Sample
{
    double wallMs = 0;
    double cpuMs = 0;
};

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

/// Measures from its construction to sample().
class Stopwatch
{
public:
    Sample sample() const { return {millis(Clock::now() - m_wall), processCpuMs() - m_cpu}; }

private:
    Clock::time_point m_wall = Clock::now();
    double m_cpu = processCpuMs();
};

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double minimum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

/// The times of one measured operation.
struct Series
{
    std::vector<double> wall;
    std::vector<double> cpu;

    void add(const Sample &s)
    {
        wall.push_back(s.wallMs);
        cpu.push_back(s.cpuMs);
    }
    size_t runs() const { return wall.size(); }
    double median() const { return medianOf(wall); }
    double min() const { return minimum(wall); }
    double cpuMedian() const { return medianOf(cpu); }
    double cpuMin() const { return minimum(cpu); }
};

/// Runs \a once (which measures the part that counts) up to \a runs times; stops after three
/// runs once \a budgetSeconds have gone.
Series measure(int runs, double budgetSeconds, const std::function<Sample(int)> &once)
{
    Series s;
    const auto start = Clock::now();
    for (int i = 0; i < runs; ++i) {
        s.add(once(i));
        const double spent = std::chrono::duration<double>(Clock::now() - start).count();
        if (i + 1 >= 3 && spent > budgetSeconds)
            break;
    }
    return s;
}

std::string fixed(double value, int decimals = 1)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string thousands(long long value)
{
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<size_t>(i), ",");
    return digits;
}

std::vector<int> parseSizes(const std::string &text)
{
    std::vector<int> sizes;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            sizes.push_back(std::stoi(item));
    return sizes;
}

bool parseArguments(int argc, char **argv, Options &options)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--sizes")
            options.sizes = parseSizes(value());
        else if (arg == "--runs")
            options.runs = std::max(1, std::stoi(value()));
        else if (arg == "--budget")
            options.budgetSeconds = std::stod(value());
        else if (arg == "--rules-size")
            options.rulesSize = std::stoi(value());
        else if (arg == "--instances")
            options.instancesPerSubnet = std::stoi(value());
        else if (arg == "--threads")
            options.threads = static_cast<unsigned>(std::max(0, std::stoi(value())));
        else if (arg == "--full-only")
            options.fullOnly = true;
        else if (arg == "--write")
            options.writeDir = value();
        else if (arg == "--help" || arg == "-h")
            return false;
        else
            throw std::invalid_argument("unknown option " + arg);
    }
    return true;
}

void printFindings(const std::vector<model::Finding> &findings, size_t limit = 20)
{
    for (size_t i = 0; i < findings.size() && i < limit; ++i) {
        const auto &f = findings[i];
        std::cout << "    - " << f.ruleId << " (" << model::toString(f.severity)
                  << "): " << f.message << "\n";
    }
    if (findings.size() > limit)
        std::cout << "    - … and " << findings.size() - limit << " more\n";
}

/// The small design must load back through the file reader and validate clean; otherwise
/// the figures would time a broken design. Returns false when it does not.
bool checkGenerator(const model::RuleRegistry &registry, const bench::HubAndSpokeOptions &shape)
{
    const model::Design design = bench::generateHubAndSpoke(3, shape);
    const auto findings = model::validate(design, registry);
    const std::string text = model::io::designToText(design);
    const auto loaded = model::io::loadDesignFromText(text);
    std::cout << "## Generator check (3 spokes, " << design.elements().size() << " elements)\n\n";
    std::cout << "- findings: " << findings.size() << "\n";
    printFindings(findings);
    std::cout << "- written and read back by the file reader: "
              << (loaded.design ? "loads" : "does not load") << ", " << loaded.errors.size()
              << " error(s)\n";
    for (size_t i = 0; i < loaded.errors.size() && i < 20; ++i)
        std::cout << "    - " << loaded.errors[i].format("generated") << "\n";
    bool ok = findings.empty() && loaded.design && loaded.errors.empty();
    if (loaded.design) {
        const bool same = model::io::designToText(*loaded.design) == text;
        const auto again = model::validate(*loaded.design, registry);
        std::cout << "- saved again: " << (same ? "identical text" : "DIFFERENT text")
                  << "; findings after loading: " << again.size() << "\n";
        ok = ok && same && again.empty();
    }
    std::cout << "\n";
    return ok;
}

struct SizeResult
{
    int target = 0;
    int spokes = 0;
    size_t elements = 0;
    size_t links = 0;
    size_t flows = 0;
    double generateMs = 0;
    double copyMs = 0; ///< copying the design, as a validation in a worker thread would
    double reloadMs = 0; ///< writing the design as a file's text and reading it back
    Series full;
    /// Full validation of the same design as a user opens it: written as a file's text and
    /// read back (`heiiki validate` in CI, the designer after File › Open), so that its
    /// objects lie in memory in document order, not in the order the generator made them.
    Series fullOpened;
    Series afterMove;
    Series afterEdit;
    Series afterRename;
    Series afterPolicyEdit;
    int moveRuns = 0; ///< validations the IncrementalValidator ran for the moves
    int editRuns = 0; ///< … and for the edits
    int renameRuns = 0; ///< … and for the renames
    int policyRuns = 0; ///< … and for the policy edits
    size_t findings = 0;
};

Sample
timeValidate(const model::Design &design, const model::RuleRegistry &registry, unsigned threads,
             size_t *findings)
{
    const Stopwatch watch;
    const auto result = model::validate(design, registry, threads);
    const Sample sample = watch.sample();
    *findings = std::max(*findings, result.size());
    return sample;
}

SizeResult benchSize(int target,
                     int spokes,
                     const Options &options,
                     const model::RuleRegistry &registry,
                     const bench::HubAndSpokeOptions &shape)
{
    SizeResult r;
    r.target = target;
    r.spokes = spokes;
    const auto start = Clock::now();
    model::Design design = bench::generateHubAndSpoke(spokes, shape);
    r.generateMs = millis(Clock::now() - start);
    r.elements = design.elements().size();
    r.links = design.links().size();
    r.flows = design.flows().size();
    const auto copyStart = Clock::now();
    {
        const model::Design copy(design);
        r.copyMs = millis(Clock::now() - copyStart);
    }
    std::cerr << "size " << target << ": " << spokes << " spokes, " << r.elements
              << " elements; validating…\n";
    if (!options.writeDir.empty()) {
        const auto path = std::filesystem::path(options.writeDir)
                          / ("hub-and-spoke-" + std::to_string(spokes) + ".heiiki.json");
        const std::string error = model::io::saveDesignFile(design, path);
        std::cerr << "  " << (error.empty() ? "wrote " + path.string() : error) << "\n";
    }

    r.full = measure(options.runs, options.budgetSeconds, [&](int) {
        return timeValidate(design, registry, options.threads, &r.findings);
    });

    if (options.fullOnly)
        return r;

    {
        const auto reloadStart = Clock::now();
        const auto opened = model::io::loadDesignFromText(model::io::designToText(design));
        r.reloadMs = millis(Clock::now() - reloadStart);
        if (!opened.design) {
            std::cerr << "  the generated design does not read back from its text\n";
            r.findings = std::max<size_t>(r.findings, 1);
        } else {
            r.fullOpened = measure(options.runs, options.budgetSeconds, [&](int) {
                return timeValidate(*opened.design, registry, options.threads, &r.findings);
            });
        }
    }

    // Revalidation as the designer does it: an IncrementalValidator observes the design and
    // keeps the last result; each series times getting the findings after one change.
    model::IncrementalValidator validator(registry);
    validator.setThreads(options.threads);
    validator.attach(design);
    auto revalidate = [&] {
        const Stopwatch watch;
        const size_t found = validator.findings(design).size();
        const Sample sample = watch.sample();
        r.findings = std::max(r.findings, found);
        return sample;
    };
    revalidate();

    // One element moved on the canvas: only its geometry changes, which no rule reads.
    const model::Id moved(bench::spokeInstanceId(spokes / 2, 'a', "app", 1));
    int before = validator.runs();
    r.afterMove = measure(options.runs, options.budgetSeconds, [&](int run) {
        design.element(moved)->geometry = model::Geometry{40.0 + 20 * (run % 2), 60, 100, 76};
        design.notifyElementChanged(moved, "geometry");
        return revalidate();
    });
    r.moveRuns = validator.runs() - before;

    // One security group rule edited: the on-premises rule's port range widens and narrows.
    const model::Id group(bench::spokeSecurityGroupId(spokes / 2, "app"));
    before = validator.runs();
    r.afterEdit = measure(options.runs, options.budgetSeconds, [&](int run) {
        design.element(group)->properties["inbound"][0]["toPort"] = run % 2 ? 443 : 444;
        design.notifyElementChanged(group, "inbound");
        return revalidate();
    });
    r.editRuns = validator.runs() - before;

    // One element renamed: no verdict changes, the texts do; the rules run again on the last
    // run's topology and traces.
    before = validator.runs();
    r.afterRename = measure(options.runs, options.budgetSeconds, [&](int run) {
        design.element(moved)->name = "renamed " + std::to_string(run);
        design.notifyElementChanged(moved, "name");
        return revalidate();
    });
    r.renameRuns = validator.runs() - before;

    // One policy document edited (a statement's Sid): the rules run again on the last run's
    // topology and traces, with the IAM view built again.
    if (!design.policies().empty()) {
        model::PolicyDocument policy = *design.policies().front();
        before = validator.runs();
        r.afterPolicyEdit = measure(options.runs, options.budgetSeconds, [&](int run) {
            policy.document["Statement"][0]["Sid"] = "Edited" + std::to_string(run % 2);
            design.replacePolicy(policy);
            return revalidate();
        });
        r.policyRuns = validator.runs() - before;
    }
    validator.detach();
    return r;
}

std::string count(size_t n)
{
    return thousands(static_cast<long long>(n));
}

void printSizes(const std::vector<SizeResult> &results)
{
    std::cout
        << "## Designs\n\n"
        << "| target | spokes | elements | links | flows | generate ms | copy ms"
           " | to text and back ms | findings |\n"
        << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto &r : results)
        std::cout << "| " << thousands(r.target) << " | " << r.spokes << " | " << count(r.elements)
                  << " | " << count(r.links) << " | " << count(r.flows) << " | "
                  << fixed(r.generateMs) << " | " << fixed(r.copyMs) << " | "
                  << fixed(r.reloadMs) << " | " << r.findings << " |\n";
    std::cout << "\n## Validation times (ms)\n\n"
              << "| elements | full: CPU median | CPU min | wall median | wall min"
                 " | CPU µs per element | after move: CPU median | wall median"
                 " | after edit: CPU median | wall median | after rename: CPU median | wall median"
                 " | after policy edit: CPU median | wall median"
                 " | runs | validations after move/edit/rename/policy edit"
                 " | full, opened from its file: wall median | wall min |\n"
              << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                 "---:|---:|\n";
    for (const auto &r : results)
        std::cout << "| " << count(r.elements) << " | " << fixed(r.full.cpuMedian(), 2) << " | "
                  << fixed(r.full.cpuMin(), 2) << " | " << fixed(r.full.median(), 2) << " | "
                  << fixed(r.full.min(), 2) << " | "
                  << fixed(1000 * r.full.cpuMedian() / static_cast<double>(r.elements), 2) << " | "
                  << fixed(r.afterMove.cpuMedian(), 2) << " | " << fixed(r.afterMove.median(), 2)
                  << " | " << fixed(r.afterEdit.cpuMedian(), 2) << " | "
                  << fixed(r.afterEdit.median(), 2) << " | "
                  << fixed(r.afterRename.cpuMedian(), 2) << " | "
                  << fixed(r.afterRename.median(), 2) << " | "
                  << fixed(r.afterPolicyEdit.cpuMedian(), 2) << " | "
                  << fixed(r.afterPolicyEdit.median(), 2) << " | " << r.full.runs() << "/"
                  << r.afterMove.runs() << "/" << r.afterEdit.runs() << "/"
                  << r.afterRename.runs() << "/" << r.afterPolicyEdit.runs() << " | "
                  << r.moveRuns << "/" << r.editRuns << "/" << r.renameRuns << "/"
                  << r.policyRuns << " | " << fixed(r.fullOpened.median(), 2) << " | "
                  << fixed(r.fullOpened.min(), 2) << " |\n";
    std::cout << "\nWall: steady clock, the time the architect waits; CPU: the process's CPU time, "
                 "all validation threads together. runs: full / after "
                 "move / after edit / after rename / after policy edit. CPU µs per element stays "
                 "flat when growth is linear. After move / edit / rename / policy edit: "
                 "IncrementalValidator::findings() after one element moved / one security group "
                 "rule edited / one element renamed / one policy document edited; the last column "
                 "counts the validations it ran (none after a move: no rule reads geometry; after "
                 "a rename or a policy edit the rules run on the last run's topology and "
                 "traces). Opened from its file: the same design written as a file's text and read "
                 "back, as `heiiki validate` and the designer have it, its objects in memory in "
                 "document order.\n\n";
}

/// Each rule timed alone (a fresh ValidationContext, so it pays for the topology and the
/// traces it asks for) and in validate()'s order (a shared context, as validate() runs
/// them, so a rule pays only for what earlier rules did not compute).
void printRuleBreakdown(int target,
                        int spokes,
                        const Options &options,
                        const model::RuleRegistry &registry,
                        const bench::HubAndSpokeOptions &shape)
{
    const model::Design design = bench::generateHubAndSpoke(spokes, shape);
    const auto rules = registry.rules();
    std::cerr << "per-rule breakdown at " << design.elements().size() << " elements…\n";

    const Series topology = measure(options.runs, options.budgetSeconds, [&](int) {
        const model::ValidationContext context(design);
        const Stopwatch watch;
        context.topology();
        return watch.sample();
    });
    std::vector<Series> alone(rules.size());
    std::vector<size_t> findings(rules.size());
    for (size_t i = 0; i < rules.size(); ++i)
        alone[i] = measure(options.runs, options.budgetSeconds, [&](int) {
            const model::ValidationContext context(design);
            std::vector<model::Finding> out;
            const Stopwatch watch;
            rules[i]->check(context, out);
            const Sample sample = watch.sample();
            findings[i] = out.size();
            return sample;
        });
    std::vector<Series> ordered(rules.size());
    for (int run = 0; run < options.runs; ++run) {
        const model::ValidationContext context(design);
        std::vector<model::Finding> out;
        for (size_t i = 0; i < rules.size(); ++i) {
            const Stopwatch watch;
            rules[i]->check(context, out);
            ordered[i].add(watch.sample());
        }
    }
    double orderedTotal = 0;
    double aloneTotal = 0;
    for (size_t i = 0; i < rules.size(); ++i) {
        orderedTotal += ordered[i].cpuMedian();
        aloneTotal += alone[i].cpuMedian();
    }

    std::cout << "## Per rule, " << thousands(target) << "-element case ("
              << count(design.elements().size()) << " elements, " << spokes << " spokes), "
              << "CPU ms\n\n"
              << "| rule | what it checks | alone: median | min"
                 " | in validate() order: median | share | findings |\n"
              << "|---|---|---:|---:|---:|---:|---:|\n";
    for (size_t i = 0; i < rules.size(); ++i)
        std::cout << "| " << rules[i]->id() << " | " << rules[i]->title() << " | "
                  << fixed(alone[i].cpuMedian(), 2) << " | " << fixed(alone[i].cpuMin(), 2) << " | "
                  << fixed(ordered[i].cpuMedian(), 2) << " | "
                  << fixed(orderedTotal > 0 ? 100 * ordered[i].cpuMedian() / orderedTotal : 0)
                  << " % | " << findings[i] << " |\n";
    std::cout << "| (sum) | | " << fixed(aloneTotal, 2) << " | | " << fixed(orderedTotal, 2)
              << " | 100.0 % | |\n\n"
              << "Alone: a fresh context per rule, so the rule pays for the topology and every "
                 "trace it asks for. In order: one context, as validate() shares it; the first "
                 "rule that asks for a trace pays for it. Building the topology alone: CPU median "
              << fixed(topology.cpuMedian(), 2) << " ms, min " << fixed(topology.cpuMin(), 2)
              << " ms.\n\n";
}

} // namespace

int main(int argc, char **argv)
{
    heiiki::model::useLargePages(); // as Heiiki does
    Options options;
    try {
        if (!parseArguments(argc, argv, options)) {
            std::cout << "usage: bench_validation [--sizes 500,5000,50000] [--runs N] "
                         "[--budget SECONDS] [--rules-size N (0: none)] [--instances N] "
                         "[--threads N (0: as validate() chooses)] [--full-only] [--write DIR]\n";
            return 0;
        }
    } catch (const std::exception &e) {
        std::cerr << "bench_validation: " << e.what() << "\n";
        return 2;
    }
    const model::RuleRegistry registry = model::RuleRegistry::builtin();
    const bench::HubAndSpokeOptions shape{options.instancesPerSubnet};

    std::string command;
    for (int i = 0; i < argc; ++i)
        command += (i ? " " : "") + std::string(argv[i]);
    std::cout << "# Validation benchmark\n\n"
              << "- command: `" << command << "`\n"
              << "- machine: " << bench::cpuModel() << ", " << std::thread::hardware_concurrency()
              << " hardware threads; validation on "
              << (options.threads ? options.threads : model::validationThreads())
              << " thread(s)\n"
              << "- build: " << bench::buildDescription()
              << "\n- memory: a read that misses the caches took "
              << fixed(bench::memoryLatencyNs(), 0)
              << " ns at the start (a random walk through 8 MB; it varies with the host's load)"
              << "\n- rules: " << registry.rules().size() << " (RuleRegistry::builtin())\n"
              << "- runs per series: up to " << options.runs << ", at least 3, budget "
              << options.budgetSeconds << " s per series\n\n";

    const bool clean = checkGenerator(registry, shape);

    // Elements grow linearly with spokes: fixed part + spokes × per-spoke part.
    const auto fixedPart
        = static_cast<long long>(bench::generateHubAndSpoke(0, shape).elements().size());
    const auto perSpoke
        = static_cast<long long>(bench::generateHubAndSpoke(1, shape).elements().size())
          - fixedPart;
    auto spokesFor = [&](int target) {
        const long long n = std::llround(static_cast<double>(target - fixedPart) / perSpoke);
        return static_cast<int>(std::clamp<long long>(n, 1, bench::maxHubAndSpokeSpokes()));
    };

    std::vector<SizeResult> results;
    for (int target : options.sizes)
        results.push_back(benchSize(target, spokesFor(target), options, registry, shape));
    printSizes(results);
    if (options.rulesSize > 0)
        printRuleBreakdown(
            options.rulesSize, spokesFor(options.rulesSize), options, registry, shape);

    std::cout << "Memory at the end: a read that misses the caches took "
              << fixed(bench::memoryLatencyNs(), 0) << " ns.\n\n";
    const bool anyFindings = std::any_of(
        results.begin(), results.end(), [](const SizeResult &r) { return r.findings > 0; });
    if (!clean || anyFindings)
        std::cout << "**Warning:** the generated designs are not clean; the figures time "
                     "findings being built.\n";
    return clean && !anyFindings ? 0 : 1;
}
