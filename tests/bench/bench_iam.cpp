// bench_iam: evaluations per second of the IAM evaluator (model/iam), single-threaded.
//
//   bench_iam [--seconds S] [--runs N] [--lines N] [--heiiki PATH] [--source DIR]
//
// Three figures, each the median (and best) of N runs of about S seconds:
//   (a) corpus     every case of tests/data/iam-corpus/cases.jsonl, its request and policies
//                  parsed once, replayed round after round (how the validator and a batch
//                  use the evaluator);
//   (b) reference  the reference design's policies I–IV (resources/samples/
//                  reference-tokyo.heiiki.json) against a mix of requests: the operators'
//                  legitimate use and the brief's attacks;
//   (c) end-to-end `heiiki policy simulate --cases F` on a generated file of N lines (the
//                  corpus repeated under new names): process start, reading, JSON and policy
//                  parsing, evaluation and output all included; and the same work in this
//                  process (no process start, no file), to show where the time goes.
// Before timing, (a) and (c) check every decision against tests/data/iam-corpus/expected.tsv
// and (b) against the decision each request of the mix must get; a mismatch fails the run.

#include "benchsupport.h"

#include "model/core/allocator.h"
#include "model/iam/evaluator.h"
#include "model/iam/policyparser.h"
#include "model/iam/request.h"

#include "model/core/json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#ifndef HEIIKI_SOURCE_DIR
#define HEIIKI_SOURCE_DIR "."
#endif
#ifndef HEIIKI_BINARY
#define HEIIKI_BINARY ""
#endif

using namespace heiiki::model::iam;
using json = heiiki::Json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    double seconds = 2.0;
    int runs = 5;
    int lines = 50000;
    std::string heiiki = HEIIKI_BINARY;
    std::string source = HEIIKI_SOURCE_DIR;
};

using Keys = std::vector<std::pair<std::string, std::vector<std::string>>>;

/// One request with the policies it meets, parsed once.
struct Case
{
    std::string name;
    RequestContext request;
    std::vector<std::unique_ptr<Policy>> owned;
    PolicySet set;
    Decision expected = Decision::ImplicitDeny;
};

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Decision decisionOf(const std::string &text)
{
    if (text == "Allow")
        return Decision::Allow;
    if (text == "ExplicitDeny")
        return Decision::ExplicitDeny;
    if (text == "ImplicitDeny")
        return Decision::ImplicitDeny;
    throw std::runtime_error("unknown decision \"" + text + "\"");
}

/// name → decision, from `name<TAB>decision` lines.
std::map<std::string, std::string> readDecisions(const std::string &text)
{
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos)
            out[line.substr(0, tab)] = line.substr(tab + 1, line.find_first_of("\t\r", tab + 1)
                                                                - tab - 1);
    }
    return out;
}

const Policy *keep(Case &c, const json &doc, DocumentKind kind)
{
    ParseResult r = parsePolicy(doc, kind);
    c.owned.push_back(std::make_unique<Policy>(r.policy ? std::move(*r.policy) : Policy()));
    return c.owned.back().get();
}

/// A case of the `heiiki policy simulate` format, parsed as the command parses it.
std::unique_ptr<Case> caseOf(const json &line)
{
    const json &req = line.at("request");
    Keys keys;
    if (auto ctx = req.find("context"); ctx != req.end())
        for (auto it = ctx->begin(); it != ctx->end(); ++it) {
            std::vector<std::string> values;
            if (it->is_array())
                for (const auto &v : *it)
                    values.push_back(v.get<std::string>());
            else
                values.push_back(it->get<std::string>());
            keys.emplace_back(it.key(), std::move(values));
        }
    auto c = std::make_unique<Case>();
    c->name = line.value("name", std::string());
    c->request = RequestContext(req.at("principal").get<std::string>(),
                                req.at("action").get<std::string>(),
                                req.value("resource", std::string("*")), std::move(keys));
    for (const auto &doc : line.value("identityPolicies", json::array()))
        c->set.identity.push_back(keep(*c, doc, DocumentKind::Identity));
    auto optional = [&](const char *name, DocumentKind kind) -> const Policy * {
        const auto it = line.find(name);
        return it == line.end() || it->is_null() ? nullptr : keep(*c, *it, kind);
    };
    c->set.resource = optional("resourcePolicy", DocumentKind::Resource);
    c->set.endpoint = optional("endpointPolicy", DocumentKind::Resource);
    c->set.session = optional("sessionPolicy", DocumentKind::Identity);
    c->set.permissionsBoundary = optional("permissionsBoundary", DocumentKind::Identity);
    for (const auto &doc : line.value("scps", json::array()))
        c->set.scps.push_back(keep(*c, doc, DocumentKind::Identity));
    return c;
}

std::vector<std::string> corpusLines(const Options &options)
{
    std::vector<std::string> lines;
    std::istringstream in(readText(options.source + "/tests/data/iam-corpus/cases.jsonl"));
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos)
            lines.push_back(line);
    return lines;
}

std::vector<std::unique_ptr<Case>> corpusCases(const Options &options)
{
    const auto expected = readDecisions(
        readText(options.source + "/tests/data/iam-corpus/expected.tsv"));
    std::vector<std::unique_ptr<Case>> cases;
    for (const std::string &line : corpusLines(options)) {
        auto c = caseOf(json::parse(line));
        const auto it = expected.find(c->name);
        if (it == expected.end())
            throw std::runtime_error("expected.tsv has no decision for " + c->name);
        c->expected = decisionOf(it->second);
        cases.push_back(std::move(c));
    }
    return cases;
}

/// The reference design's policy documents by id.
std::map<std::string, json> referenceDocuments(const Options &options)
{
    const json design = json::parse(
        readText(options.source + "/resources/samples/reference-tokyo.heiiki.json"));
    std::map<std::string, json> out;
    for (const auto &p : design.at("policies"))
        out[p.at("id").get<std::string>()] = p.at("document");
    return out;
}

/// Policies I–IV against the requests they meet in the reference design: an operator of
/// account A assumes ssm-role of account B through the STS endpoint (I, II, III), the role
/// session starts and manages port-forwarding sessions through the SSM endpoint (IV, II),
/// and the brief's attacks (outside credentials through the endpoints, leaked keys used
/// from outside, other documents, other accounts' instances).
std::vector<std::unique_ptr<Case>> referenceCases(const Options &options)
{
    const auto docs = referenceDocuments(options);
    const json &i = docs.at("pol-i-operators-assume-role");
    const json &ii = docs.at("pol-ii-endpoint-company-only");
    const json &iii = docs.at("pol-iii-ssm-role-trust");
    const json &iv = docs.at("pol-iv-ssm-role-start-session");
    const json outsiderOwn = json::parse(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}]})");

    const std::string stsVpce = "vpce-0a1b2c3d4e5f60003", ssmVpce = "vpce-0a1b2c3d4e5f60001";
    const std::string alice = "arn:aws:iam::111111111111:user/alice";
    const std::string bob = "arn:aws:iam::111111111111:user/ops/bob";
    const std::string mallory = "arn:aws:iam::333333333333:user/mallory";
    const std::string ssmRole = "arn:aws:iam::222222222222:role/ssm-role";
    const std::string session = "arn:aws:sts::222222222222:assumed-role/ssm-role/alice";
    const std::string instance = "arn:aws:ec2:ap-northeast-1:222222222222:instance/"
                                 "i-0a1b2c3d4e5f60001";
    const std::string portForwarding = "arn:aws:ssm:ap-northeast-1::document/"
                                       "AWS-StartPortForwardingSession";

    std::vector<std::unique_ptr<Case>> cases;
    enum class Kind { Assume, Session, Outsider };
    auto add = [&](const char *name, Kind kind, const std::string &principal,
                   const std::string &action, const std::string &resource, Keys keys,
                   bool throughEndpoint, Decision expected) {
        auto c = std::make_unique<Case>();
        c->name = name;
        c->request = RequestContext(principal, action, resource, std::move(keys));
        switch (kind) {
        case Kind::Assume:
            c->set.identity.push_back(keep(*c, i, DocumentKind::Identity));
            c->set.resource = keep(*c, iii, DocumentKind::Resource);
            break;
        case Kind::Session:
            c->set.identity.push_back(keep(*c, iv, DocumentKind::Identity));
            break;
        case Kind::Outsider:
            c->set.identity.push_back(keep(*c, outsiderOwn, DocumentKind::Identity));
            break;
        }
        if (throughEndpoint)
            c->set.endpoint = keep(*c, ii, DocumentKind::Resource);
        c->expected = expected;
        cases.push_back(std::move(c));
    };
    auto operatorKeys = [](const std::string &vpce, const char *mfa,
                           const std::string &sessionName) {
        Keys keys{{"aws:MultiFactorAuthPresent", {mfa}},
                  {"sts:RoleSessionName", {sessionName}},
                  {"aws:PrincipalType", {"User"}}};
        if (!vpce.empty())
            keys.push_back({"aws:SourceVpce", {vpce}});
        return keys;
    };
    auto sessionKeys = [](const std::string &vpce, bool documentCheck) {
        Keys keys{{"aws:userid", {"AROAEXAMPLEROLEID:alice"}},
                  {"aws:PrincipalType", {"AssumedRole"}}};
        if (!vpce.empty())
            keys.push_back({"aws:SourceVpce", {vpce}});
        if (documentCheck)
            keys.push_back({"ssm:SessionDocumentAccessCheck", {"true"}});
        return keys;
    };
    const auto A = Decision::Allow, X = Decision::ExplicitDeny, N = Decision::ImplicitDeny;
    // Scenario B and its legitimate twin: assuming ssm-role (I, III, II).
    add("assume: alice, STS endpoint, MFA, own name", Kind::Assume, alice, "sts:AssumeRole",
        ssmRole, operatorKeys(stsVpce, "true", "alice"), true, A);
    add("assume: bob (pathed user), own name", Kind::Assume, bob, "sts:AssumeRole", ssmRole,
        operatorKeys(stsVpce, "true", "bob"), true, A);
    add("assume: no MFA", Kind::Assume, alice, "sts:AssumeRole", ssmRole,
        operatorKeys(stsVpce, "false", "alice"), true, N);
    add("assume: another session name", Kind::Assume, alice, "sts:AssumeRole", ssmRole,
        operatorKeys(stsVpce, "true", "admin"), true, N);
    add("assume: another endpoint", Kind::Assume, alice, "sts:AssumeRole", ssmRole,
        operatorKeys("vpce-0ffffffffffffffff", "true", "alice"), true, N);
    add("assume: leaked key from the internet", Kind::Assume, alice, "sts:AssumeRole", ssmRole,
        operatorKeys("", "true", "alice"), false, N);
    add("assume: another role", Kind::Assume, alice, "sts:AssumeRole",
        "arn:aws:iam::222222222222:role/admin", operatorKeys(stsVpce, "true", "alice"),
        true, N);
    add("assume: outsider through the endpoint", Kind::Assume, mallory, "sts:AssumeRole",
        ssmRole, operatorKeys(stsVpce, "true", "mallory"), true, X);
    // Scenario C and its legitimate twin: sessions with the role (IV, II).
    add("session: own instance, SSM endpoint", Kind::Session, session, "ssm:StartSession",
        instance, sessionKeys(ssmVpce, true), true, A);
    add("session: port-forwarding document", Kind::Session, session, "ssm:StartSession",
        portForwarding, sessionKeys(ssmVpce, true), true, A);
    add("session: shell document", Kind::Session, session, "ssm:StartSession",
        "arn:aws:ssm:ap-northeast-1::document/AWS-StartInteractiveCommand",
        sessionKeys(ssmVpce, true), true, N);
    add("session: no document access check", Kind::Session, session, "ssm:StartSession",
        instance, sessionKeys(ssmVpce, false), true, A);
    add("session: another account's instance", Kind::Session, session, "ssm:StartSession",
        "arn:aws:ec2:ap-northeast-1:333333333333:instance/i-0123456789abcdef0",
        sessionKeys(ssmVpce, true), true, N);
    add("session: leaked session from the internet", Kind::Session, session,
        "ssm:StartSession", instance, sessionKeys("", true), false, N);
    add("session: resume own session", Kind::Session, session, "ssm:ResumeSession",
        "arn:aws:ssm:ap-northeast-1:222222222222:session/AROAEXAMPLEROLEID:alice-0abc",
        sessionKeys(ssmVpce, false), true, A);
    add("session: terminate someone else's", Kind::Session, session, "ssm:TerminateSession",
        "arn:aws:ssm:ap-northeast-1:222222222222:session/AROAOTHERROLEID:bob-0def",
        sessionKeys(ssmVpce, false), true, N);
    // Scenario A: an insider with outside credentials through the company's endpoints (II).
    add("outsider: S3 upload through the endpoint", Kind::Outsider, mallory, "s3:PutObject",
        "arn:aws:s3:::exfil-333333333333/dump.tar", {{"aws:SourceVpce", {stsVpce}}}, true, X);
    add("outsider: KMS through the endpoint", Kind::Outsider, mallory, "kms:Decrypt",
        "arn:aws:kms:ap-northeast-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        {{"aws:SourceVpce", {ssmVpce}}}, true, X);
    return cases;
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

/// Evaluations per second over runs: wall clock and the thread's CPU time.
struct Rate
{
    std::vector<double> wall, cpu;
    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }
    static double best(const std::vector<double> &v)
    {
        return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    }
};

/// Checks every case's decision, then replays all cases round after round for about
/// options.seconds per run.
Rate replay(const std::vector<std::unique_ptr<Case>> &cases, const Options &options,
            const char *what)
{
    int wrong = 0;
    for (const auto &c : cases) {
        const Decision d = evaluate(c->request, c->set).decision;
        if (d != c->expected && ++wrong <= 10)
            std::cerr << what << ": " << c->name << ": " << toString(d) << ", expected "
                      << toString(c->expected) << "\n";
    }
    if (wrong)
        throw std::runtime_error(std::string(what) + ": " + std::to_string(wrong)
                                 + " decisions differ from the expected ones");
    Rate rate;
    unsigned long long sink = 0;
    for (int run = 0; run < options.runs; ++run) {
        long long evaluations = 0;
        const auto start = Clock::now();
        const double cpuStart = threadCpuSeconds();
        double elapsed = 0;
        do {
            for (const auto &c : cases)
                sink += static_cast<unsigned>(evaluate(c->request, c->set).decision);
            evaluations += static_cast<long long>(cases.size());
            elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        } while (elapsed < options.seconds);
        rate.wall.push_back(static_cast<double>(evaluations) / elapsed);
        rate.cpu.push_back(static_cast<double>(evaluations)
                           / (threadCpuSeconds() - cpuStart));
    }
    if (sink == 42)
        std::cout << "";
    return rate;
}

/// The cases of a generated file, renamed "NAME#n" so that every line is its own case.
std::vector<std::string> generatedLines(const Options &options,
                                        std::map<std::string, std::string> &want)
{
    const auto expected = readDecisions(
        readText(options.source + "/tests/data/iam-corpus/expected.tsv"));
    const std::vector<std::string> corpus = corpusLines(options);
    std::vector<std::string> lines;
    lines.reserve(static_cast<size_t>(options.lines));
    for (int n = 0; n < options.lines; ++n) {
        json c = json::parse(corpus[static_cast<size_t>(n) % corpus.size()]);
        const std::string name = c.at("name").get<std::string>();
        const std::string renamed = name + "#" + std::to_string(n / corpus.size());
        c["name"] = renamed;
        want[renamed] = expected.at(name);
        lines.push_back(c.dump());
    }
    return lines;
}

/// What `heiiki policy simulate` does per line, in this process: parse the JSON, parse the
/// policies (with the shipped service reference, as the command does), evaluate, format.
Rate inProcess(const Options &options, const std::vector<std::string> &lines,
               const std::map<std::string, std::string> &want)
{
    Rate rate;
    for (int run = 0; run < options.runs; ++run) {
        const auto start = Clock::now();
        const double cpuStart = threadCpuSeconds();
        std::string out;
        for (const std::string &line : lines) {
            const auto c = caseOf(json::parse(line));
            out += c->name + '\t' + std::string(toString(evaluate(c->request, c->set).decision))
                   + '\n';
        }
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        rate.wall.push_back(static_cast<double>(lines.size()) / wall);
        rate.cpu.push_back(static_cast<double>(lines.size())
                           / (threadCpuSeconds() - cpuStart));
        if (run == 0 && readDecisions(out) != want)
            throw std::runtime_error("in process: the decisions differ from expected.tsv");
    }
    return rate;
}

/// Writes \a lines cases (the corpus under new names) and runs `heiiki policy simulate` on
/// them; checks every output line against expected.tsv.
Rate endToEnd(const Options &options, const std::vector<std::string> &lines,
              const std::map<std::string, std::string> &want, std::string &note)
{
    Rate rate;
    if (options.heiiki.empty() || !std::filesystem::exists(options.heiiki)) {
        note = "skipped: no heiiki binary (build the `heiiki` target or pass --heiiki PATH)";
        return rate;
    }
    const auto dir = std::filesystem::temp_directory_path()
                     / ("heiiki-bench-iam-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string cases = (dir / "cases.jsonl").string(), out = (dir / "out.tsv").string();
    size_t bytes = 0;
    {
        std::ofstream f(cases, std::ios::binary);
        for (const std::string &line : lines) {
            f << line << '\n';
            bytes += line.size() + 1;
        }
    }
    const std::string command = "'" + options.heiiki + "' policy simulate --cases '" + cases
                                + "' > '" + out + "'";
    for (int run = 0; run < options.runs; ++run) {
        const auto start = Clock::now();
        const int status = std::system(command.c_str());
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        if (status != 0)
            throw std::runtime_error("`" + command + "` failed");
        if (run == 0) {
            const auto got = readDecisions(readText(out));
            if (got != want)
                throw std::runtime_error("heiiki policy simulate: the decisions differ from "
                                         "expected.tsv");
        }
        rate.wall.push_back(static_cast<double>(lines.size()) / wall);
    }
    std::filesystem::remove_all(dir);
    note = std::to_string(lines.size()) + " cases, " + std::to_string(bytes / 1000000) + " MB";
    return rate;
}

std::string figure(double perSecond)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", perSecond);
    std::string s = text, out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i && (s.size() - i) % 3 == 0)
            out += ',';
        out += s[i];
    }
    return out;
}

void printRow(const char *what, const std::string &detail, const Rate &rate)
{
    std::cout << "| " << what << " | " << detail << " | " << figure(Rate::median(rate.wall))
              << " | " << figure(Rate::best(rate.wall)) << " | "
              << (rate.cpu.empty() ? std::string("–") : figure(Rate::median(rate.cpu)))
              << " |\n";
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
        if (arg == "--seconds")
            options.seconds = std::stod(value());
        else if (arg == "--runs")
            options.runs = std::max(1, std::stoi(value()));
        else if (arg == "--lines")
            options.lines = std::max(1, std::stoi(value()));
        else if (arg == "--heiiki")
            options.heiiki = value();
        else if (arg == "--source")
            options.source = value();
        else if (arg == "--help" || arg == "-h")
            return false;
        else
            throw std::invalid_argument("unknown option " + arg);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    heiiki::model::useLargePages(); // as Heiiki does
    Options options;
    try {
        if (!parseArguments(argc, argv, options)) {
            std::cout << "usage: bench_iam [--seconds S] [--runs N] [--lines N] "
                         "[--heiiki PATH] [--source DIR]\n";
            return 0;
        }
        std::string command;
        for (int i = 0; i < argc; ++i)
            command += (i ? " " : "") + std::string(argv[i]);
        std::cout << "# IAM evaluator benchmark\n\n"
                  << "- command: `" << command << "`\n"
                  << "- machine: " << heiiki::bench::cpuModel() << ", " << std::thread::hardware_concurrency()
                  << " hardware threads (the evaluator runs on one)\n"
                  << "- build: " << heiiki::bench::buildDescription()
                  << "\n- " << options.runs << " runs of about " << options.seconds
                  << " s each (end-to-end: one file per run)\n\n";

        const auto corpus = corpusCases(options);
        const Rate a = replay(corpus, options, "corpus");
        const auto reference = referenceCases(options);
        const Rate b = replay(reference, options, "reference");
        std::map<std::string, std::string> want;
        const std::vector<std::string> lines = generatedLines(options, want);
        const Rate parsed = inProcess(options, lines, want);
        std::string note;
        const Rate c = endToEnd(options, lines, want, note);

        std::cout << "| figure | input | evaluations/s (median) | best | per CPU second |\n"
                  << "|---|---|---:|---:|---:|\n";
        printRow("(a) corpus replayed", std::to_string(corpus.size())
                                            + " cases, policies parsed once", a);
        printRow("(b) policies I–IV", std::to_string(reference.size())
                                          + " requests: legitimate use and attacks", b);
        printRow("(c) the same in process", std::to_string(lines.size())
                                                + " cases: JSON, policies, evaluation", parsed);
        if (c.wall.empty())
            std::cout << "| (c) `heiiki policy simulate` | " << note << " | – | – | – |\n";
        else
            printRow("(c) `heiiki policy simulate`", note + ", parsing included", c);
        std::cout << "\nEvery decision was checked against the expected one before timing.\n";
    } catch (const std::exception &e) {
        std::cerr << "bench_iam: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
