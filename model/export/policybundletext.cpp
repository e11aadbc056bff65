#include "policybundletext.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace heiiki::model::exporting {

using json = heiiki::Json;

std::string suricataRules(const std::vector<std::string> &targets,
                          const std::vector<std::string> &targetTypes,
                          bool allowList,
                          bool strictOrder)
{
    const std::string priority = strictOrder ? "" : " priority:1;";
    const std::string listed = allowList ? "allowlisted" : "denylisted";
    const std::string action = allowList ? "pass" : "drop";
    auto has = [&targetTypes](const char *type) {
        return std::find(targetTypes.begin(), targetTypes.end(), type) != targetTypes.end();
    };
    const bool tls = has("TLS_SNI");
    const bool http = has("HTTP_HOST");
    const std::string flow = " flow:to_server, established;";
    std::string out;
    int sid = 0;
    auto rule = [&](const std::string &text) {
        out += text + " sid:" + std::to_string(++sid) + "; rev:1;)\n";
    };
    for (const std::string &t : targets) {
        const bool wildcard = !t.empty() && t.front() == '.';
        const std::string match
            = wildcard ? "dotprefix; content:\"" + t + "\";" : "content:\"" + t + "\"; startswith;";
        if (tls)
            rule(action
                 + " tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; "
                   "tls.sni; "
                 + match + " nocase; endswith; msg:\"matching TLS " + listed + " FQDNs\";"
                 + priority + flow);
        if (http)
            rule(action + " http $HOME_NET any -> $EXTERNAL_NET any (http.host; " + match
                 + " endswith; msg:\"matching HTTP " + listed + " FQDNs\";" + priority + flow);
    }
    if (allowList && tls)
        rule("drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:\"not matching any TLS "
             "allowlisted FQDNs\";"
             + priority + " ssl_state:client_hello;" + flow);
    if (allowList && http)
        rule("drop http $HOME_NET any -> $EXTERNAL_NET any (http.header_names; "
             "content:\"|0d 0a|\"; startswith; msg:\"not matching any HTTP allowlisted "
             "FQDNs\";"
             + priority + flow);
    return out;
}

std::vector<std::string> homeNet(const Design &design, const Element &firewall, const json &group)
{
    std::vector<std::string> cidrs;
    auto take = [&cidrs](const json &list) {
        if (list.is_array())
            for (const auto &c : list)
                if (c.is_string() && std::find(cidrs.begin(), cidrs.end(), c) == cidrs.end())
                    cidrs.push_back(c.get<std::string>());
    };
    take(group.value("homeNet", json()));
    if (cidrs.empty())
        take(firewall.property("homeNet"));
    const Element *vpc = design.ancestor(firewall.id, ElementKind::Vpc);
    if (cidrs.empty() && vpc) {
        std::set<Id> hubs;
        for (const auto &l : design.links())
            if (l->kind == LinkKind::TgwAttachment && l->from == vpc->id)
                hubs.insert(l->to);
        for (const auto &l : design.links())
            if (l->kind == LinkKind::TgwAttachment && hubs.count(l->to) && l->from != vpc->id)
                if (const Element *spoke = design.element(l->from))
                    take(spoke->property("cidrs"));
    }
    if (cidrs.empty() && vpc)
        take(vpc->property("cidrs"));
    return cidrs;
}

namespace {

std::string accountTitle(const Design &design, const std::string &account)
{
    const Account *a = design.account(account);
    return a && !a->name.empty() ? "Account " + account + ": " + a->name : "Account " + account;
}

struct Step
{
    BundleFileKind kind;
    const char *title;
    const char *note;
};

const Step kSteps[] = {
    {BundleFileKind::TrustPolicy,
     "Role trust policies (III)",
     "Each replaces the trust policy of an existing role. A role that does not exist yet is "
     "created with it instead: `aws iam create-role --role-name NAME "
     "--assume-role-policy-document file://FILE`."},
    {BundleFileKind::IdentityPolicy,
     "Permission policies (I, IV and the others)",
     "Each is created as a customer managed policy, then attached to its groups, users or "
     "roles."},
    {BundleFileKind::EndpointPolicy,
     "VPC endpoint policies (II)",
     "Each replaces the policy of one interface or gateway endpoint."},
    {BundleFileKind::FirewallRuleGroup,
     "Network Firewall rule groups",
     "Each creates a stateful domain list rule group; the firewall policy then references "
     "it (`aws network-firewall update-firewall-policy`). The `.rules` file beside each is "
     "what Network Firewall generates from it, for review."},
};

std::string firewallNote(const Design &design, const BundleFile &f)
{
    if (f.elements.empty())
        return {};
    const Element *fw = design.element(f.elements.front().id);
    if (!fw)
        return {};
    const json action = fw->property("statefulDefaultAction");
    if (!action.is_string())
        return {};
    const std::string a = action.get<std::string>();
    return a == "pass" ? "  The firewall policy of " + fw->name + " uses the default rule order.\n"
                       : "  The firewall policy of " + fw->name
                             + " needs strict rule order "
                               "(`STRICT_ORDER`) and the stateful default action `"
                             + a + "`.\n";
}

} // namespace

BundleFile bundleReadme(const Design &design, const PolicyBundle &bundle)
{
    const std::string name
        = design.settings().name.empty() ? std::string("(unnamed design)") : design.settings().name;
    std::string t;
    t += "# Policy bundle: " + name + "\n\n";
    t += "Heiiki wrote this bundle from the design \"" + name
         + "\". Every document holds the "
           "design's own account ids, ARNs and endpoint ids: nothing is left to fill in.\n\n";
    t += "- `ACCOUNT/iam/policies/`: permission policies of that account (policy I for the "
         "operators' group, IV for the Session Manager role), for `aws iam create-policy`.\n";
    t += "- `ACCOUNT/iam/roles/`: role trust policies (III), for "
         "`aws iam update-assume-role-policy`.\n";
    t += "- `ACCOUNT/vpce/`: the endpoint policy (II) of each VPC endpoint, for "
         "`aws ec2 modify-vpc-endpoint`.\n";
    t += "- `network-firewall/FIREWALL/`: each stateful domain list rule group as "
         "`aws network-firewall create-rule-group --rule-group` takes it (`.json`), and the "
         "Suricata rules Network Firewall generates from it (`.rules`).\n";
    t += "- `manifest.json`: every file with what it is, its elements, account, region and "
         "commands.\n\n";
    t += "Run the commands from this folder (they name the files relative to it) with "
         "credentials of the account each heading names (for example with `--profile`), in "
         "the order below. Documents marked *generated* were made from Heiiki's closed-network "
         "templates because the design has none for that element.\n\n";

    t += "## Checks\n\n";
    size_t lint = 0;
    size_t scenario = 0;
    for (const auto &p : bundle.problems)
        (p.check == "lint" ? lint : scenario) += 1;
    t += lint == 0 ? "- Every IAM document passes Heiiki's policy linter with no finding.\n"
                   : "- " + std::to_string(lint)
                         + " linter finding(s) in the documents: see "
                           "Problems.\n";
    t += scenario == 0 ? "- Attack scenarios SCN-001 to SCN-005, replayed with these "
                         "documents: all blocked.\n"
                       : "- " + std::to_string(scenario)
                             + " attack scenario(s) succeed with "
                               "these documents: see Problems.\n";
    t += "\n";

    int number = 0;
    for (const Step &step : kSteps) {
        std::vector<const BundleFile *> files;
        for (const auto &f : bundle.files)
            if (f.kind == step.kind
                || (step.kind == BundleFileKind::FirewallRuleGroup
                    && f.kind == BundleFileKind::SuricataRules))
                files.push_back(&f);
        if (files.empty())
            continue;
        std::stable_sort(files.begin(), files.end(), [](const BundleFile *a, const BundleFile *b) {
            return std::tie(a->account, a->path) < std::tie(b->account, b->path);
        });
        t += "## " + std::to_string(++number) + ". " + step.title + "\n\n" + step.note + "\n";
        std::string account = "\n";
        for (const BundleFile *f : files) {
            if (f->account != account) {
                account = f->account;
                t += "\n### " + accountTitle(design, account) + "\n";
            }
            t += "\n- `" + f->path + "`: " + f->description + (f->generated ? " *(generated)*" : "")
                 + "\n";
            if (f->kind == BundleFileKind::FirewallRuleGroup)
                t += firewallNote(design, *f);
            if (f->commands.empty())
                continue;
            t += "\n  ```sh\n";
            for (const auto &c : f->commands)
                t += "  " + c + "\n";
            t += "  ```\n";
        }
        t += "\n";
    }
    if (!bundle.warnings.empty()) {
        t += "## Warnings\n\n";
        for (const auto &w : bundle.warnings)
            t += "- " + w + "\n";
        t += "\n";
    }
    if (!bundle.problems.empty()) {
        t += "## Problems\n\n";
        for (const auto &p : bundle.problems)
            t += "- " + (p.file.empty() ? std::string() : "`" + p.file + "`: ") + p.message + "\n";
        t += "\n";
    }
    while (t.size() > 1 && t[t.size() - 2] == '\n')
        t.pop_back();

    BundleFile f;
    f.path = "README.md";
    f.kind = BundleFileKind::Readme;
    f.description = "What the bundle holds and the AWS CLI commands that apply it, in order";
    f.content = std::move(t);
    return f;
}

BundleFile bundleManifest(const Design &design, const PolicyBundle &bundle)
{
    json files = json::array();
    std::vector<const BundleFile *> sorted;
    for (const auto &f : bundle.files)
        if (f.kind != BundleFileKind::Manifest)
            sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(), [](const BundleFile *a, const BundleFile *b) {
        return a->path < b->path;
    });
    for (const BundleFile *f : sorted) {
        json entry{{"path", f->path},
                   {"kind", std::string(toString(f->kind))},
                   {"description", f->description},
                   {"commands", f->commands}};
        if (!f->account.empty())
            entry["account"] = f->account;
        if (!f->region.empty())
            entry["region"] = f->region;
        if (!f->control.empty())
            entry["control"] = f->control;
        if (!f->policy.isNull())
            entry["policy"] = f->policy.str();
        if (f->kind != BundleFileKind::Readme)
            entry["source"] = f->generated ? "generated" : "design";
        json elements = json::array();
        for (const auto &e : f->elements)
            elements.push_back({{"id", e.id.str()},
                                {"name", e.name},
                                {"kind", std::string(model::toString(e.kind))}});
        if (!elements.empty())
            entry["elements"] = std::move(elements);
        files.push_back(std::move(entry));
    }
    json problems = json::array();
    for (const auto &p : bundle.problems)
        problems.push_back({{"check", p.check}, {"file", p.file}, {"message", p.message}});
    const json manifest{{"format", "heiiki-policy-bundle"},
                        {"formatVersion", 1},
                        {"design", design.settings().name},
                        {"files", std::move(files)},
                        {"warnings", bundle.warnings},
                        {"problems", std::move(problems)}};
    BundleFile f;
    f.path = "manifest.json";
    f.kind = BundleFileKind::Manifest;
    f.description = "One entry per file of the bundle";
    f.content = manifest.dump(2) + '\n';
    return f;
}

} // namespace heiiki::model::exporting
