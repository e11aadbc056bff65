#include "policybundle.h"

#include "bundlenames.h"
#include "policybundletext.h"
#include "policytemplates.h"

#include "../iam/policyparser.h"
#include "../scenarios/scenarios.h"
#include "../validation/ruleregistry.h"
#include "../validation/rules/iamsupport.h"
#include "../validation/validationcontext.h"
#include "../validation/validator.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace heiiki::model::exporting {

using json = heiiki::Json;
using rules::str;

std::string_view toString(BundleFileKind kind)
{
    static constexpr std::string_view names[] = {"identity-policy",
                                                 "trust-policy",
                                                 "endpoint-policy",
                                                 "firewall-rule-group",
                                                 "suricata-rules",
                                                 "readme",
                                                 "manifest"};
    return names[static_cast<int>(kind)];
}

const BundleFile *PolicyBundle::file(std::string_view path) const
{
    for (const auto &f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

namespace {

/// Pretty-printed, keys in sorted order (heiiki::Json keeps objects sorted), one newline.
std::string jsonText(const json &value)
{
    return value.dump(2) + '\n';
}

std::string nameOf(const Element &e, const char *property)
{
    const std::string name = str(e.property(property));
    return iamName(name.empty() ? e.name : name);
}

BundleElement bundleElement(const Element &e)
{
    return {e.id, e.name, e.kind};
}

/// Builds one bundle; the steps share the design's attachments and the template facts.
class BundleBuilder
{
public:
    explicit BundleBuilder(const Design &design);
    PolicyBundle build();

private:
    std::vector<const PolicyDocument *> attached(const Element &e, PolicyType type) const;
    std::string accountFolder(const Element &e);
    void addIdentityPolicies();
    void addGeneratedIdentityPolicy(const Element &holder, PolicyControl control);
    void addTrustPolicies();
    void addEndpointPolicies();
    void addFirewallRuleGroups();
    void addWarningsOfTheDesign();
    void lint();
    void replayScenarios();

    const Design &m_design;
    TemplateFacts m_facts;
    PolicyBundle m_bundle;
    std::map<Id, std::vector<const PolicyDocument *>> m_attached; ///< element → documents
    std::map<Id, std::vector<const Element *>> m_holders;         ///< document → elements
    std::set<Id> m_operatorHolders; ///< operators' users and groups (policy I)
    std::set<Id> m_humanRoles;      ///< roles operators assume (policies III and IV)
    std::set<std::string> m_paths;
};

BundleBuilder::BundleBuilder(const Design &design)
    : m_design(design)
    , m_facts(templateFacts(design))
{
    for (const auto &l : design.links())
        if (l->kind == LinkKind::Policy)
            if (const PolicyDocument *p = design.policy(l->to))
                if (const Element *e = design.element(l->from)) {
                    m_attached[e->id].push_back(p);
                    m_holders[p->id].push_back(e);
                }
    // The operators: users an operator element names, or, without operator elements, users
    // with an access key; and the groups they belong to.
    std::set<Id> users;
    bool operators = false;
    for (const auto &e : design.elements())
        if (e->kind == ElementKind::Operator) {
            operators = true;
            users.insert(Id(str(e->property("user"))));
        }
    if (!operators)
        for (const auto &e : design.elements())
            if (e->kind == ElementKind::IamUser && e->property("hasAccessKey") == true)
                users.insert(e->id);
    m_operatorHolders = users;
    for (const auto &l : design.links())
        if (l->kind == LinkKind::MemberOf && users.count(l->from))
            m_operatorHolders.insert(l->to);
    // The roles people assume: their trust policy names AWS principals, or, without a trust
    // policy, their name says Session Manager.
    for (const auto &e : design.elements()) {
        if (e->kind != ElementKind::IamRole)
            continue;
        const auto trusts = attached(*e, PolicyType::Trust);
        bool human = trusts.empty() && isSessionManagerRole(*e);
        for (const PolicyDocument *t : trusts) {
            const auto parsed = iam::parsePolicy(t->document, iam::DocumentKind::Resource);
            human = human || (parsed.policy && rules::trustsAwsPrincipals(*parsed.policy));
        }
        if (human)
            m_humanRoles.insert(e->id);
    }
}

std::vector<const PolicyDocument *> BundleBuilder::attached(const Element &e, PolicyType type) const
{
    std::vector<const PolicyDocument *> out;
    if (auto it = m_attached.find(e.id); it != m_attached.end())
        for (const PolicyDocument *p : it->second)
            if (p->type == type && std::find(out.begin(), out.end(), p) == out.end())
                out.push_back(p);
    return out;
}

std::string BundleBuilder::accountFolder(const Element &e)
{
    const std::string account = m_design.accountOf(e.id);
    if (!account.empty())
        return fileName(account);
    m_bundle.warnings.push_back(describe(m_design, e.id)
                                + " is in no account: its files are under no-account/");
    return "no-account";
}

std::string
uniquePath(std::set<std::string> &taken, const std::string &stem, const std::string &extension)
{
    std::string path = stem + extension;
    for (int n = 2; taken.count(path); ++n)
        path = stem + "-" + std::to_string(n) + extension;
    taken.insert(path);
    return path;
}

void BundleBuilder::addIdentityPolicies()
{
    for (const auto &p : m_design.policies()) {
        if (p->type != PolicyType::Identity)
            continue;
        // One managed policy per account it is attached in.
        std::map<std::string, std::vector<const Element *>> byAccount;
        std::vector<std::string> accounts;
        for (const Element *e : m_holders[p->id]) {
            if (e->kind != ElementKind::IamGroup && e->kind != ElementKind::IamUser
                && e->kind != ElementKind::IamRole)
                continue;
            const std::string account = accountFolder(*e);
            auto &list = byAccount[account];
            if (list.empty())
                accounts.push_back(account);
            if (std::find(list.begin(), list.end(), e) == list.end())
                list.push_back(e);
        }
        for (const std::string &account : accounts) {
            BundleFile f;
            f.kind = BundleFileKind::IdentityPolicy;
            f.policy = p->id;
            f.account = account;
            const std::string name = iamName(p->id.str());
            f.path = uniquePath(m_paths, account + "/iam/policies/" + fileName(name), ".json");
            for (const Element *e : byAccount[account]) {
                f.elements.push_back(bundleElement(*e));
                if (m_operatorHolders.count(e->id))
                    f.control = "I";
                else if (m_humanRoles.count(e->id) && f.control.empty())
                    f.control = "IV";
            }
            f.description
                = (f.control.empty() ? "Permission policy \"" : "Policy " + f.control + " \"")
                  + p->name + "\" (managed policy " + name + ")";
            f.commands.push_back("aws iam create-policy --policy-name " + shellWord(name)
                                 + " --policy-document " + shellWord("file://" + f.path));
            const std::string arn = "arn:aws:iam::" + account + ":policy/" + name;
            for (const Element *e : byAccount[account]) {
                const char *what = e->kind == ElementKind::IamGroup  ? "group"
                                   : e->kind == ElementKind::IamUser ? "user"
                                                                     : "role";
                const char *property = e->kind == ElementKind::IamGroup  ? "groupName"
                                       : e->kind == ElementKind::IamUser ? "userName"
                                                                         : "roleName";
                f.commands.push_back(std::string("aws iam attach-") + what + "-policy --" + what
                                     + "-name " + shellWord(nameOf(*e, property)) + " --policy-arn "
                                     + shellWord(arn));
            }
            f.content = jsonText(p->document);
            m_bundle.files.push_back(std::move(f));
        }
    }
    // The operators' groups and the Session Manager roles need policies I and IV.
    for (const auto &e : m_design.elements()) {
        const bool group = e->kind == ElementKind::IamGroup && m_operatorHolders.count(e->id);
        const bool role = e->kind == ElementKind::IamRole && m_humanRoles.count(e->id);
        if ((group || role) && attached(*e, PolicyType::Identity).empty())
            addGeneratedIdentityPolicy(
                *e, group ? PolicyControl::OperatorKey : PolicyControl::PermissionPolicy);
    }
}

void BundleBuilder::addGeneratedIdentityPolicy(const Element &holder, PolicyControl control)
{
    const bool group = holder.kind == ElementKind::IamGroup;
    TemplateFacts facts = m_facts;
    if (!group)
        facts.workloadAccount = m_design.accountOf(holder.id);
    BundleFile f;
    f.kind = BundleFileKind::IdentityPolicy;
    f.account = accountFolder(holder);
    f.control = std::string(numeral(control));
    f.generated = true;
    f.elements.push_back(bundleElement(holder));
    const std::string holderName = nameOf(holder, group ? "groupName" : "roleName");
    const std::string name = iamName(holderName + "-policy-" + (group ? "i" : "iv"));
    f.path = uniquePath(m_paths, f.account + "/iam/policies/" + fileName(name), ".json");
    f.description = "Policy " + f.control + " of " + (group ? "group " : "role ") + holderName
                    + ", generated: the design attaches none (managed policy " + name + ")";
    f.commands.push_back("aws iam create-policy --policy-name " + shellWord(name)
                         + " --policy-document " + shellWord("file://" + f.path));
    f.commands.push_back(std::string("aws iam attach-") + (group ? "group" : "role") + "-policy --"
                         + (group ? "group" : "role") + "-name " + shellWord(holderName)
                         + " --policy-arn "
                         + shellWord("arn:aws:iam::" + f.account + ":policy/" + name));
    const json document = policyDocument(control, facts);
    f.content = jsonText(document);
    m_bundle.warnings.push_back(describe(m_design, holder.id) + " has no identity policy: " + f.path
                                + " is policy " + f.control
                                + " generated from the closed-network template");
    m_bundle.files.push_back(std::move(f));
}

void BundleBuilder::addTrustPolicies()
{
    for (const auto &e : m_design.elements()) {
        if (e->kind != ElementKind::IamRole)
            continue;
        const auto trusts = attached(*e, PolicyType::Trust);
        const bool human = m_humanRoles.count(e->id) > 0;
        if (trusts.empty() && !human) {
            m_bundle.warnings.push_back(describe(m_design, e->id)
                                        + " has no trust policy: AWS needs one for a role, "
                                          "and the bundle holds none for it");
            continue;
        }
        if (trusts.size() > 1)
            m_bundle.warnings.push_back(describe(m_design, e->id) + " has "
                                        + std::to_string(trusts.size())
                                        + " trust policies; a role has one: the first is used");
        BundleFile f;
        f.kind = BundleFileKind::TrustPolicy;
        f.account = accountFolder(*e);
        f.control = human ? "III" : "";
        f.elements.push_back(bundleElement(*e));
        const std::string role = nameOf(*e, "roleName");
        f.path = uniquePath(
            m_paths, f.account + "/iam/roles/" + fileName(role) + "-trust-policy", ".json");
        json document;
        if (trusts.empty()) {
            f.generated = true;
            document = policyDocument(PolicyControl::TrustPolicy, m_facts);
            m_bundle.warnings.push_back(describe(m_design, e->id)
                                        + " has no trust policy: " + f.path
                                        + " is policy III generated from the "
                                          "closed-network template");
        } else {
            f.policy = trusts.front()->id;
            document = trusts.front()->document;
        }
        f.description = (human ? std::string("Policy III: trust policy of role ")
                               : std::string("Trust policy of role "))
                        + role
                        + (trusts.empty() ? ", generated" : " (\"" + trusts.front()->name + "\")");
        f.commands.push_back("aws iam update-assume-role-policy --role-name " + shellWord(role)
                             + " --policy-document " + shellWord("file://" + f.path));
        f.content = jsonText(document);
        m_bundle.files.push_back(std::move(f));
    }
}

void BundleBuilder::addEndpointPolicies()
{
    std::set<Id> privateLink;
    for (const auto &l : m_design.links())
        if (l->kind == LinkKind::PrivateLink)
            privateLink.insert(l->from);
    for (const auto &e : m_design.elements()) {
        if (e->kind != ElementKind::VpcEndpoint)
            continue;
        if (privateLink.count(e->id)) {
            m_bundle.warnings.push_back(describe(m_design, e->id)
                                        + " reaches an endpoint service (PrivateLink), which "
                                          "takes no endpoint policy: not in the bundle");
            continue;
        }
        const auto policies = attached(*e, PolicyType::Endpoint);
        BundleFile f;
        f.kind = BundleFileKind::EndpointPolicy;
        f.account = accountFolder(*e);
        f.region = m_design.regionOf(e->id);
        f.control = "II";
        f.elements.push_back(bundleElement(*e));
        f.path = uniquePath(m_paths, f.account + "/vpce/" + fileName(e->id.str()), ".json");
        std::string vpce = str(e->property("endpointId"));
        if (vpce.empty()) {
            vpce = e->id.str();
            m_bundle.warnings.push_back(describe(m_design, e->id)
                                        + " has no AWS endpoint id (endpointId): the command "
                                          "of "
                                        + f.path + " names the element id instead");
        }
        json document;
        if (policies.empty()) {
            f.generated = true;
            document = policyDocument(PolicyControl::EndpointPolicy, m_facts);
            m_bundle.warnings.push_back(describe(m_design, e->id)
                                        + " has no endpoint policy: " + f.path
                                        + " is policy II generated from the "
                                          "closed-network template");
        } else {
            f.policy = policies.front()->id;
            document = policies.front()->document;
        }
        f.description = "Policy II: endpoint policy of " + vpce + " (" + str(e->property("type"))
                        + " endpoint for " + str(e->property("service")) + ")"
                        + (policies.empty() ? ", generated" : "");
        f.commands.push_back("aws ec2 modify-vpc-endpoint"
                             + (f.region.empty() ? std::string() : " --region " + f.region)
                             + " --vpc-endpoint-id " + shellWord(vpce) + " --policy-document "
                             + shellWord("file://" + f.path));
        f.content = jsonText(document);
        m_bundle.files.push_back(std::move(f));
    }
}

void BundleBuilder::addFirewallRuleGroups()
{
    for (const auto &e : m_design.elements()) {
        if (e->kind != ElementKind::NetworkFirewall)
            continue;
        const std::string account = accountFolder(*e);
        const std::string region = m_design.regionOf(e->id);
        const std::string defaultAction = str(e->property("statefulDefaultAction"));
        // Stateful default actions other than pass need strict rule order, in the firewall
        // policy and in each of its rule groups.
        const bool strict = !defaultAction.empty() && defaultAction != "pass";
        const json &groups = e->property("ruleGroups");
        if (!groups.is_array())
            continue;
        for (const json &g : groups) {
            const std::string name = ruleGroupName(g.value("name", std::string()));
            const std::string type = g.value("type", std::string("ALLOWLIST"));
            std::vector<std::string> targets;
            for (const auto &t : g.value("targets", json::array()))
                if (t.is_string()) {
                    std::string domain = t.get<std::string>();
                    if (domain.rfind("*.", 0) == 0)
                        domain.erase(0, 1); // Network Firewall's wildcard is a leading dot
                    targets.push_back(domain);
                }
            std::vector<std::string> types;
            for (const auto &t : g.value("targetTypes", json::array({"TLS_SNI", "HTTP_HOST"})))
                if (t.is_string())
                    types.push_back(t.get<std::string>());
            const auto cidrs = homeNet(m_design, *e, g);
            json ruleGroup{
                {"RuleVariables", {{"IPSets", {{"HOME_NET", {{"Definition", cidrs}}}}}}},
                {"RulesSource",
                 {{"RulesSourceList",
                   {{"Targets", targets}, {"TargetTypes", types}, {"GeneratedRulesType", type}}}}}};
            if (strict)
                ruleGroup["StatefulRuleOptions"] = {{"RuleOrder", "STRICT_ORDER"}};
            const int capacity = g.value("capacity", 100);
            const std::string stem
                = "network-firewall/" + fileName(e->id.str()) + "/" + fileName(name);
            const std::string jsonPath = uniquePath(m_paths, stem, ".json");
            BundleFile f;
            f.kind = BundleFileKind::FirewallRuleGroup;
            f.account = account;
            f.region = region;
            f.elements.push_back(bundleElement(*e));
            f.path = jsonPath;
            f.description = "Stateful domain list rule group " + name + " (" + type + ", "
                            + std::to_string(targets.size()) + " domains) of firewall " + e->name;
            f.commands.push_back("aws network-firewall create-rule-group"
                                 + (region.empty() ? std::string() : " --region " + region)
                                 + " --rule-group-name " + shellWord(name)
                                 + " --type STATEFUL --capacity " + std::to_string(capacity)
                                 + " --rule-group " + shellWord("file://" + jsonPath));
            f.content = jsonText(ruleGroup);
            m_bundle.files.push_back(f);

            BundleFile rules = f;
            rules.kind = BundleFileKind::SuricataRules;
            rules.path = uniquePath(m_paths, stem, ".rules");
            rules.description = "The Suricata rules Network Firewall generates from " + jsonPath
                                + ", for review; not applied on their own";
            rules.commands.clear();
            rules.content = "# Rule group " + name + " of firewall " + e->id.str() + " (\""
                            + e->name + "\"): " + type + ", generated from " + jsonPath + "\n"
                            + "# HOME_NET = [" +
                            [&cidrs] {
                                std::string joined;
                                for (const auto &c : cidrs)
                                    joined += (joined.empty() ? "" : ",") + c;
                                return joined;
                            }()
                            + "]\n" + suricataRules(targets, types, type == "ALLOWLIST", strict);
            m_bundle.files.push_back(std::move(rules));
        }
    }
}

void BundleBuilder::addWarningsOfTheDesign()
{
    for (const Finding &f : validate(m_design, RuleRegistry::builtin()))
        if (f.severity == Severity::Error)
            m_bundle.warnings.push_back("the design has a validation error: " + f.ruleId + ": "
                                        + f.message);
}

iam::DocumentKind documentKind(BundleFileKind kind)
{
    return kind == BundleFileKind::IdentityPolicy ? iam::DocumentKind::Identity
                                                  : iam::DocumentKind::Resource;
}

bool isIam(BundleFileKind kind)
{
    return kind == BundleFileKind::IdentityPolicy || kind == BundleFileKind::TrustPolicy
           || kind == BundleFileKind::EndpointPolicy;
}

void BundleBuilder::lint()
{
    for (const BundleFile &f : m_bundle.files) {
        if (!isIam(f.kind))
            continue;
        // The text as written, read back.
        const json document = json::parse(f.content, nullptr, false);
        if (document.is_discarded()) {
            m_bundle.problems.push_back({"lint", f.path, "the file is not JSON"});
            continue;
        }
        for (const auto &p : iam::parsePolicy(document, documentKind(f.kind)).problems)
            m_bundle.problems.push_back(
                {"lint",
                 f.path,
                 (p.warning ? "warning at " : "error at ")
                     + (p.pointer.empty() ? std::string("the top level") : p.pointer) + ": "
                     + p.message});
    }
}

void BundleBuilder::replayScenarios()
{
    // The design with every document replaced by the text the bundle holds, and the
    // generated ones attached where the bundle applies them.
    Design copy(m_design);
    int fresh = 0;
    auto freeId = [&copy, &fresh] {
        Id id;
        do
            id = Id("bundle-generated-" + std::to_string(++fresh));
        while (copy.isIdTaken(id));
        return id;
    };
    for (const BundleFile &f : m_bundle.files) {
        if (!isIam(f.kind))
            continue;
        const json document = json::parse(f.content, nullptr, false);
        if (document.is_discarded())
            continue;
        if (!f.generated) {
            PolicyDocument replaced = *copy.policy(f.policy);
            replaced.document = document;
            copy.replacePolicy(replaced);
            continue;
        }
        PolicyDocument added;
        added.id = freeId();
        added.name = f.description;
        added.type = f.kind == BundleFileKind::IdentityPolicy ? PolicyType::Identity
                     : f.kind == BundleFileKind::TrustPolicy  ? PolicyType::Trust
                                                              : PolicyType::Endpoint;
        added.document = document;
        const Id policy = copy.addPolicy(std::move(added)).id;
        for (const BundleElement &e : f.elements) {
            Link link;
            link.id = freeId();
            link.kind = LinkKind::Policy;
            link.from = e.id;
            link.to = policy;
            copy.addLink(std::move(link));
        }
    }
    const ValidationContext context(copy);
    for (const ScenarioResult &s : playScenarios(context))
        if (s.succeeds)
            m_bundle.problems.push_back({"scenario",
                                         "",
                                         s.id + " succeeds with the bundle's documents: " + s.title
                                             + " (deciding control: " + s.control + "; " + s.detail
                                             + ")"});
}

PolicyBundle BundleBuilder::build()
{
    addWarningsOfTheDesign();
    addIdentityPolicies();
    addTrustPolicies();
    addEndpointPolicies();
    addFirewallRuleGroups();
    for (const auto &p : m_design.policies())
        if (p->type != PolicyType::Identity && p->type != PolicyType::Trust
            && p->type != PolicyType::Endpoint)
            m_bundle.warnings.push_back("policy \"" + p->name + "\" (" + p->id.str() + ") is a "
                                        + std::string(model::toString(p->type))
                                        + " policy, which the bundle does not hold");
        else if (m_holders[p->id].empty())
            m_bundle.warnings.push_back("policy \"" + p->name + "\" (" + p->id.str()
                                        + ") is attached to nothing: not in the bundle");
    lint();
    replayScenarios();
    m_bundle.files.push_back(bundleReadme(m_design, m_bundle));
    m_bundle.files.push_back(bundleManifest(m_design, m_bundle));
    std::sort(m_bundle.files.begin(),
              m_bundle.files.end(),
              [](const BundleFile &a, const BundleFile &b) { return a.path < b.path; });
    return std::move(m_bundle);
}

} // namespace

PolicyBundle buildPolicyBundle(const Design &design)
{
    return BundleBuilder(design).build();
}

} // namespace heiiki::model::exporting
