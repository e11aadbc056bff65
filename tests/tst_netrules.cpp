// The network rules NET-001 … NET-018, one row per rule: a design that breaks the rule and
// its fixed twin. Both start from the reference design (resources/samples/reference-tokyo),
// which raises nothing, and change the one thing the row is about, as an architect would in
// the designer. Then the pitfalls the brief reports, each reproduced as a design, and the two
// sample designs as shipped.

#include "model/io/designfile.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"
#include "testsupport.h"

#include <QtTest>

#include <set>

using namespace heiiki::model;
using json = heiiki::Json;

namespace {

json sample(const char *name)
{
    const std::string text = heiiki::tests::readText(
        heiiki::tests::sourcePath(QStringLiteral("resources/samples/%1.heiiki.json").arg(name)));
    return text.empty() ? json() : json::parse(text);
}

/// A design document to change in place: the reference design unless told otherwise.
class Doc
{
public:
    explicit Doc(const char *sampleName = "reference-tokyo")
        : m_doc(sample(sampleName))
    {}

    /// The element, link or flow \a id.
    json &operator[](const std::string &id)
    {
        for (const char *section : {"elements", "links", "flows"})
            for (auto &item : m_doc[section])
                if (item["id"] == id)
                    return item;
        qFatal("fixture: no element, link or flow %s", id.c_str());
    }
    /// The properties of the element or link \a id.
    json &props(const std::string &id) { return (*this)[id]["properties"]; }

    Doc &add(const std::string &id,
             const std::string &kind,
             const std::string &parent,
             json properties = json::object())
    {
        json e{{"id", id}, {"kind", kind}, {"properties", std::move(properties)}};
        if (!parent.empty())
            e["parent"] = parent;
        m_doc["elements"].push_back(std::move(e));
        return *this;
    }
    Doc &link(const std::string &id,
              const std::string &kind,
              const std::string &from,
              const std::string &to,
              json properties = json::object())
    {
        m_doc["links"].push_back(
            {{"id", id}, {"kind", kind}, {"from", from}, {"to", to}, {"properties", properties}});
        return *this;
    }
    Doc &flow(const std::string &id,
              const std::string &source,
              json target,
              int port = 443,
              const char *expect = "succeed")
    {
        m_doc["flows"].push_back({{"id", id},
                                  {"source", source},
                                  {"target", std::move(target)},
                                  {"protocol", "tcp"},
                                  {"port", port},
                                  {"expect", expect}});
        return *this;
    }
    /// Removes an element, and the links and flows that name it.
    Doc &remove(const std::string &id)
    {
        auto &flows = m_doc["flows"];
        flows.erase(std::remove_if(flows.begin(),
                                   flows.end(),
                                   [&](const json &f) {
                                       return f["source"] == id
                                              || f["target"].value("element", "") == id;
                                   }),
                    flows.end());
        auto &elements = m_doc["elements"];
        elements.erase(std::remove_if(elements.begin(),
                                      elements.end(),
                                      [&](const json &e) { return e["id"] == id; }),
                       elements.end());
        auto &links = m_doc["links"];
        links.erase(std::remove_if(links.begin(),
                                   links.end(),
                                   [&](const json &l) { return l["from"] == id || l["to"] == id; }),
                    links.end());
        return *this;
    }
    /// An interface endpoint for \a service in the workload VPC, like the sample's.
    Doc &workloadEndpoint(const std::string &id, const std::string &service)
    {
        return add(id,
                   "vpc-endpoint",
                   "vpc-workload",
                   {{"type", "interface"},
                    {"service", service},
                    {"privateDns", true},
                    {"subnets", {"subnet-work-a-endpoint", "subnet-work-c-endpoint"}},
                    {"securityGroups", {"sg-work-endpoints"}}});
    }
    json done() { return std::move(m_doc); }

private:
    json m_doc;
};

using Build = json (*)();

/// What a rule row expects of the design that breaks the rule.
struct Expect
{
    const char *severity;
    /// One entry per finding: the ids it names, space-separated, in any order.
    QStringList findings;
    /// Text every finding's message holds.
    const char *mentions = "";
};

void addRule(const char *id, const char *tag, Build fires, Build fixed, const Expect &expect)
{
    QTest::newRow(qPrintable(QString("%1 %2").arg(id, tag)))
        << fires << fixed << QString(id) << QString(expect.severity) << expect.findings
        << QString(expect.mentions);
}

QByteArray describe(const std::vector<Finding> &findings)
{
    QByteArray text;
    for (const auto &f : findings) {
        text += "\n    " + QByteArray::fromStdString(f.ruleId) + " "
                + QByteArray::fromStdString(std::string(toString(f.severity))) + " [";
        for (const auto &id : f.elements)
            text += QByteArray::fromStdString(id.str()) + " ";
        text += "]: " + QByteArray::fromStdString(f.message);
    }
    return text;
}

/// Loads \a document as the designer would; fails the test on a load error.
std::optional<Design> load(const json &document)
{
    if (document.is_null()) {
        QTest::qFail("the design could not be read", __FILE__, __LINE__);
        return std::nullopt;
    }
    auto loaded = io::loadDesignFromText(document.dump());
    if (!loaded.errors.empty() || !loaded.design) {
        QByteArray errors = "the design does not load:";
        for (const auto &e : loaded.errors)
            errors += "\n  " + QByteArray::fromStdString(e.format("fixture"));
        QTest::qFail(errors.constData(), __FILE__, __LINE__);
        return std::nullopt;
    }
    return std::move(loaded.design);
}

std::vector<Finding> findingsOf(const std::vector<Finding> &all, const QString &rule)
{
    std::vector<Finding> out;
    for (const auto &f : all)
        if (QString::fromStdString(f.ruleId) == rule)
            out.push_back(f);
    return out;
}

/// The ids of the rules that fired, sorted, each once; only those starting with \a prefix.
QStringList ruleIds(const std::vector<Finding> &findings, const QString &prefix = {})
{
    QStringList ids;
    for (const auto &f : findings) {
        const QString id = QString::fromStdString(f.ruleId);
        if (id.startsWith(prefix) && !ids.contains(id))
            ids << id;
    }
    ids.sort();
    return ids;
}

/// The reference design with a second analysis server beside ec2-analysis-a (same subnet and
/// security group, at 10.20.1.11) and a flow from each to a host on the premises. Validation
/// traces sources that decide alike once; what the Direct Connect association advertises
/// must tell the two apart.
Doc twoServersToThePremises()
{
    Doc d;
    d.add("ec2-analysis-b",
          "ec2-instance",
          "subnet-work-a-private",
          {{"privateIp", "10.20.1.11"}, {"securityGroups", {"sg-work-analysis"}}});
    d.flow("flow-a-onprem", "ec2-analysis-a", {{"cidr", "10.0.0.20/32"}});
    d.flow("flow-b-onprem", "ec2-analysis-b", {{"cidr", "10.0.0.20/32"}});
    return d;
}

/// The reference design with its own NAT gateway and internet gateway in the workload VPC
/// (AZ a): a public subnet, not yet used by the workloads' routes.
Doc spokeWithOwnEgress()
{
    Doc d;
    d.add("igw-work", "internet-gateway", "vpc-workload")
        .add("subnet-work-a-public",
             "subnet",
             "az-work-a",
             {{"cidr", "10.20.3.0/24"},
              {"role", "public"},
              {"routes", {{{"destination", "0.0.0.0/0"}, {"target", "igw-work"}}}}})
        .add("natgw-work", "nat-gateway", "subnet-work-a-public");
    return d;
}

/// The reference design with ec2-analysis-a's default route sent to \a target.
void defaultRoute(Doc &d, const char *target)
{
    for (auto &r : d.props("subnet-work-a-private")["routes"])
        if (r["destination"] == "0.0.0.0/0")
            r["target"] = target;
}

/// The reference design with an internet gateway in the workload VPC, ec2-analysis-a's
/// default route to it and 443 open to the world; \a publicIp gives the instance a public IP.
Doc exposedServer(bool publicIp)
{
    Doc d;
    d.add("igw-work", "internet-gateway", "vpc-workload");
    defaultRoute(d, "igw-work");
    d.props("ec2-analysis-a")["publicIp"] = publicIp;
    d.props("sg-work-analysis")["inbound"].push_back(
        {{"protocol", "tcp"}, {"fromPort", 443}, {"toPort", 443}, {"cidr", "0.0.0.0/0"}});
    return d;
}

/// The reference design, with a third-party SaaS's PrivateLink endpoint service in
/// \a region (a region element of its own) that the workload VPC has an endpoint for, with
/// private DNS for the SaaS manager's name.
Doc privateLinkSaas(const char *region, const char *owner)
{
    Doc d;
    d.add("region-saas", "region", "", {{"region", region}})
        .add("svc-av-saas",
             "endpoint-service",
             "region-saas",
             {{"serviceName", "com.amazonaws.vpce.svc-0123456789abcdef0"},
              {"ownerAccountId", owner},
              {"domains", {"manager.av-saas.example.com"}}})
        .workloadEndpoint("endpoint-work-av-saas", "com.amazonaws.vpce.svc-0123456789abcdef0")
        .link("privatelink-av-saas", "privatelink", "endpoint-work-av-saas", "svc-av-saas");
    d["flow-av-agent-a"]["target"] = {{"domain", "manager.av-saas.example.com"}};
    d["flow-av-agent-c"]["target"] = {{"domain", "manager.av-saas.example.com"}};
    return d;
}

/// vpc-shared peered with the workload VPC, and vpc-partner (ec2-partner) peered with
/// vpc-shared; a flow from ec2-analysis-a to ec2-partner.
Doc peeringChain()
{
    Doc d;
    d.add("vpc-shared", "vpc", "region-b-tokyo", {{"cidrs", {"10.50.0.0/16"}}})
        .add("subnet-shared",
             "subnet",
             "vpc-shared",
             {{"cidr", "10.50.1.0/24"},
              {"routes",
               {{{"destination", "10.20.0.0/16"}, {"target", "pcx-work-shared"}},
                {{"destination", "10.60.0.0/16"}, {"target", "pcx-shared-partner"}}}}})
        .add("vpc-partner", "vpc", "region-b-tokyo", {{"cidrs", {"10.60.0.0/16"}}})
        .add("subnet-partner",
             "subnet",
             "vpc-partner",
             {{"cidr", "10.60.1.0/24"},
              {"routes", {{{"destination", "10.50.0.0/16"}, {"target", "pcx-shared-partner"}}}}})
        .add("ec2-partner", "ec2-instance", "subnet-partner", {{"privateIp", "10.60.1.10"}})
        .link("pcx-work-shared", "vpc-peering", "vpc-workload", "vpc-shared")
        .link("pcx-shared-partner", "vpc-peering", "vpc-shared", "vpc-partner")
        .flow("flow-partner", "ec2-analysis-a", {{"element", "ec2-partner"}});
    return d;
}

} // namespace

Q_DECLARE_METATYPE(Build)

class tst_NetRules : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void pitfalls_data();
    void pitfalls();
    void samples_data();
    void samples();
    void catalogueDisagrees_data();
    void catalogueDisagrees();
};

void tst_NetRules::rule_data()
{
    QTest::addColumn<Build>("fires");
    QTest::addColumn<Build>("fixed");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QStringList>("findings");
    QTest::addColumn<QString>("mentions");

    addRule(
        "NET-001",
        "a public instance with an internet gateway route and 443 open",
        [] { return exposedServer(true).done(); },
        [] { return exposedServer(false).done(); }, // no public IP: the internet cannot name it
        {"error", {"igw-work ec2-analysis-a"}, "tcp 443"});
    addRule(
        "NET-002",
        "a spoke's own NAT gateway bypasses the firewall",
        [] {
            Doc d = spokeWithOwnEgress();
            defaultRoute(d, "natgw-work");
            return d.done();
        },
        [] { return spokeWithOwnEgress().done(); }, // the NAT is there but not routed to
        {"error",
         {"ec2-analysis-a subnet-work-a-private natgw-work subnet-work-a-public igw-work"},
         "without passing a Network Firewall"});
    addRule(
        "NET-003",
        "the SaaS moved its manager to a URL the allow-list does not hold",
        [] {
            Doc d;
            d["flow-av-agent-a"]["target"] = {{"domain", "manager.av-saas.example.com"}};
            return d.done();
        },
        [] {
            Doc d;
            d["flow-av-agent-a"]["target"] = {{"domain", "manager.av-saas.example.com"}};
            d.props("nfw-egress")["ruleGroups"][0]["targets"].push_back(
                "manager.av-saas.example.com");
            return d.done();
        },
        {"error", {"ec2-analysis-a nfw-egress"}, "manager.av-saas.example.com"});
    addRule(
        "NET-003",
        "the Direct Connect association advertises one of two servers in a subnet",
        [] {
            Doc d = twoServersToThePremises();
            d.props("assoc-dxgw-tgw")["allowedPrefixes"] = {"10.20.1.10/32", "10.30.0.0/16"};
            return d.done();
        },
        [] {
            Doc d = twoServersToThePremises();
            d.props("assoc-dxgw-tgw")["allowedPrefixes"] = {"10.20.1.10/32", "10.20.1.11/32",
                                                            "10.30.0.0/16"};
            return d.done();
        },
        {"error", {"ec2-analysis-b dxgw"}, "does not advertise 10.20.1.11"});
    addRule(
        "NET-004",
        "an allow-list entry for a whole public suffix",
        [] {
            Doc d;
            d.props("nfw-egress")["ruleGroups"][0]["targets"].push_back(".co.jp");
            return d.done();
        },
        [] {
            Doc d;
            d.props("nfw-egress")["ruleGroups"][0]["targets"].push_back(
                "agents.av-saas.example.co.jp");
            return d.done();
        },
        {"error", {"nfw-egress"}, ".co.jp"});
    addRule(
        "NET-004",
        "a deny-list rule group",
        [] {
            Doc d;
            d.props("nfw-egress")["ruleGroups"][1]["type"] = "DENYLIST";
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"nfw-egress"}, "allow-os-patch-repositories"});
    addRule(
        "NET-005",
        "AWS service domains on the allow-list",
        [] {
            Doc d;
            d.props("nfw-egress")["ruleGroups"][1]["targets"].push_back(".amazonaws.com");
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"nfw-egress"}, "amazonaws.com"});
    addRule(
        "NET-006",
        "a workload calls KMS with no KMS endpoint",
        [] {
            return Doc().flow("flow-kms", "ec2-analysis-a", {{"service", "kms"}}).done();
        },
        [] {
            return Doc()
                .flow("flow-kms", "ec2-analysis-a", {{"service", "kms"}})
                .workloadEndpoint("endpoint-work-kms", "kms")
                .done();
        },
        {"warning", {"ec2-analysis-a"}, "kms"});
    addRule(
        "NET-007",
        "the Session Manager target VPC lacks ec2messages",
        [] { return Doc().remove("endpoint-work-ec2messages").done(); },
        [] { return Doc().done(); },
        // The finding says which side of which flow needs the endpoint.
        {"error", {"ec2-analysis-a"}, "(Session Manager target of flow "});
    addRule(
        "NET-007",
        "private DNS off on the target VPC's ssm endpoint",
        [] {
            Doc d;
            d.props("endpoint-work-ssm")["privateDns"] = false;
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"ec2-analysis-a endpoint-work-ssm"}, "private DNS"});
    addRule(
        "NET-007",
        "the requesting side's VPC lacks sts",
        [] { return Doc().remove("endpoint-op-sts").done(); },
        [] { return Doc().done(); },
        {"error", {"operator"}, "(Session Manager requester of flow "});
    addRule(
        "NET-007",
        "private DNS off on the requesting side's ssm endpoint",
        [] {
            Doc d;
            d.props("endpoint-op-ssm")["privateDns"] = false;
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"operator endpoint-op-ssm"}, "private DNS is off on endpoint-op-ssm"});
    addRule(
        "NET-008",
        "the endpoint subnets' network ACL does not admit 443",
        [] {
            Doc d;
            d.props("nacl-work-endpoints")["inbound"][0]["fromPort"] = 8443;
            d.props("nacl-work-endpoints")["inbound"][0]["toPort"] = 8443;
            return d.done();
        },
        [] { return Doc().done(); },
        // One per endpoint the Session Manager target needs.
        {"error",
         {"nacl-work-endpoints ec2-analysis-a",
          "nacl-work-endpoints ec2-analysis-a",
          "nacl-work-endpoints ec2-analysis-a"},
         "nacl-work-endpoints"});
    addRule(
        "NET-008",
        "the endpoints' security group does not admit 443",
        [] {
            Doc d;
            d.props("sg-work-endpoints")["inbound"][0]["cidr"] = "10.99.0.0/16";
            return d.done();
        },
        [] { return Doc().done(); },
        {"error",
         {"endpoint-work-ssm ec2-analysis-a",
          "endpoint-work-ssmmessages ec2-analysis-a",
          "endpoint-work-ec2messages ec2-analysis-a"},
         "sg-work-endpoints"});
    addRule(
        "NET-009",
        "SSH open to the corporate network",
        [] {
            Doc d;
            d.props("sg-work-analysis")["inbound"].push_back(
                {{"protocol", "tcp"}, {"fromPort", 22}, {"toPort", 22}, {"cidr", "10.0.0.0/16"}});
            return d.done();
        },
        [] { return Doc().done(); },
        {"warning", {"sg-work-analysis"}, "22"});
    addRule(
        "NET-009",
        "RDP open to the whole internet",
        [] {
            Doc d;
            d.props("sg-work-analysis")["inbound"].push_back(
                {{"protocol", "tcp"}, {"fromPort", 3389}, {"toPort", 3389}, {"cidr", "0.0.0.0/0"}});
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"sg-work-analysis"}, "3389"});
    addRule(
        "NET-010",
        "the only transit VIF is reserved for another platform",
        [] {
            Doc d;
            d.props("vif-transit")["availableToProject"] = false;
            return d.done();
        },
        [] { return Doc().done(); },
        {"error", {"assoc-dxgw-tgw tgw-tokyo vif-transit"}, "not available to this project"});
    addRule(
        "NET-011",
        "a VPC in N. Virginia",
        [] {
            return Doc()
                .add("region-b-virginia", "region", "account-b", {{"region", "us-east-1"}})
                .add("vpc-virginia", "vpc", "region-b-virginia", {{"cidrs", {"10.40.0.0/16"}}})
                .done();
        },
        [] {
            return Doc()
                .add("region-b-osaka-2", "region", "account-b", {{"region", "ap-northeast-3"}})
                .add("vpc-osaka", "vpc", "region-b-osaka-2", {{"cidrs", {"10.40.0.0/16"}}})
                .done();
        },
        {"error", {"region-b-virginia vpc-virginia"}, "us-east-1"});
    addRule(
        "NET-012",
        "the SaaS reached over a third party's PrivateLink service",
        [] { return privateLinkSaas("ap-northeast-1", "777777777777").done(); },
        [] { return privateLinkSaas("ap-northeast-1", "222222222222").done(); },
        {"warning",
         {"ec2-analysis-a endpoint-work-av-saas svc-av-saas",
          "ec2-analysis-c endpoint-work-av-saas svc-av-saas"},
         "777777777777"});
    addRule(
        "NET-013",
        "a flow through two peerings (A-B-C)",
        [] {
            Doc d = peeringChain();
            d.props("subnet-work-a-private")["routes"].push_back(
                {{"destination", "10.60.0.0/16"}, {"target", "pcx-work-shared"}});
            return d.done();
        },
        [] {
            Doc d = peeringChain();
            d.link("pcx-work-partner", "vpc-peering", "vpc-workload", "vpc-partner");
            d.props("subnet-work-a-private")["routes"].push_back(
                {{"destination", "10.60.0.0/16"}, {"target", "pcx-work-partner"}});
            d.props("subnet-partner")["routes"].push_back(
                {{"destination", "10.20.0.0/16"}, {"target", "pcx-work-partner"}});
            return d.done();
        },
        {"error", {"ec2-analysis-a pcx-work-shared"}, "not transitive"});
    addRule(
        "NET-014",
        "a spoke VPC with its own internet gateway",
        [] { return Doc().add("igw-work", "internet-gateway", "vpc-workload").done(); },
        [] { return Doc().done(); },
        {"warning", {"vpc-workload igw-work"}, "vpc-workload"});
    addRule(
        "NET-015",
        "an instance that forwards traffic (source/destination check off)",
        [] {
            return Doc()
                .add("ec2-relay",
                     "ec2-instance",
                     "subnet-work-a-private",
                     {{"privateIp", "10.20.1.20"}, {"sourceDestCheck", false}})
                .done();
        },
        [] {
            return Doc()
                .add("ec2-relay",
                     "ec2-instance",
                     "subnet-work-a-private",
                     {{"privateIp", "10.20.1.20"}})
                .done();
        },
        {"warning", {"ec2-relay"}, "ec2-relay"});
    addRule(
        "NET-016",
        "500 GB a month to S3 without the gateway endpoint's route",
        [] {
            Doc d;
            auto &routes = d.props("subnet-work-a-private")["routes"];
            routes.erase(
                std::remove_if(routes.begin(),
                               routes.end(),
                               [](const json &r) { return r["destination"] == "pl-61a54008"; }),
                routes.end());
            return d.done();
        },
        [] { return Doc().done(); },
        {"warning",
         {"ec2-analysis-a subnet-work-a-private tgw-tokyo subnet-insp-a-tgw nfw-egress"},
         "500 GB"});
    addRule(
        "NET-017",
        "AZ c's traffic sent to the AZ a firewall endpoint",
        [] {
            Doc d;
            d.props("subnet-insp-c-tgw")["routes"][0]["endpoint"] = "subnet-insp-a-firewall";
            return d.done();
        },
        [] { return Doc().done(); },
        {"warning", {"ec2-analysis-c nfw-egress"}, "another Availability Zone"});
    addRule(
        "NET-018",
        "a new spoke overlapping the workload VPC",
        [] {
            return Doc()
                .add("vpc-new", "vpc", "region-b-tokyo", {{"cidrs", {"10.20.128.0/17"}}})
                .link("attach-tgw-new", "tgw-attachment", "vpc-new", "tgw-tokyo")
                .done();
        },
        [] {
            return Doc()
                .add("vpc-new", "vpc", "region-b-tokyo", {{"cidrs", {"10.21.0.0/16"}}})
                .link("attach-tgw-new", "tgw-attachment", "vpc-new", "tgw-tokyo")
                .done();
        },
        {"error", {"vpc-workload vpc-new"}, "10.20.128.0/17"});
}

void tst_NetRules::rule()
{
    QFETCH(Build, fires);
    QFETCH(Build, fixed);
    QFETCH(QString, rule);
    QFETCH(QString, severity);
    QFETCH(QStringList, findings);
    QFETCH(QString, mentions);

    const RuleRegistry registry = RuleRegistry::builtin();
    QVERIFY2(registry.find(rule.toStdString()), qPrintable(rule + " is not a built-in rule"));

    const auto broken = load(fires());
    QVERIFY(broken);
    const std::vector<Finding> all = validate(*broken, registry);
    const std::vector<Finding> found = findingsOf(all, rule);
    QVERIFY2(int(found.size()) == findings.size(), describe(all));

    // Findings are matched to expectations by the set of ids they name.
    std::multiset<int> unmatched;
    for (int i = 0; i < findings.size(); ++i)
        unmatched.insert(i);
    for (const Finding &f : found) {
        QSet<QString> ids;
        for (const Id &id : f.elements)
            ids.insert(QString::fromStdString(id.str()));
        int which = -1;
        for (int i : unmatched) {
            const QStringList want = findings[i].split(' ');
            if (QSet<QString>(want.begin(), want.end()) == ids)
                which = i;
        }
        QVERIFY2(which >= 0, "unexpected ids in" + describe({f}));
        unmatched.erase(unmatched.find(which));
        QCOMPARE(QString::fromUtf8(toString(f.severity).data()), severity);
        QVERIFY2(QString::fromStdString(f.message).contains(mentions), describe({f}));
        QVERIFY2(!f.fix.empty(), describe({f}));
    }

    // The fixed twin raises nothing of this rule.
    const auto twin = load(fixed());
    QVERIFY(twin);
    const std::vector<Finding> after = validate(*twin, registry);
    QVERIFY2(findingsOf(after, rule).empty(), describe(findingsOf(after, rule)));
}

// The pitfalls of the brief, each as a design: the rules that must report them.
void tst_NetRules::pitfalls_data()
{
    QTest::addColumn<Build>("build");
    QTest::addColumn<QStringList>("rules");

    QTest::newRow("[1] SaaS over PrivateLink in N. Virginia")
        << Build([] { return privateLinkSaas("us-east-1", "777777777777").done(); })
        << QStringList{"NET-011", "NET-012"};
    QTest::newRow("[2] .amazonaws.com on the allow-list") << Build([] {
        Doc d;
        d.props("nfw-egress")["ruleGroups"][0]["targets"].push_back(".amazonaws.com");
        return d.done();
    }) << QStringList{"NET-005"};
    QTest::newRow("[3] DX gateway association with no transit VIF available") << Build([] {
        Doc d;
        d.props("vif-transit")["availableToProject"] = false;
        return d.done();
    }) << QStringList{"NET-010"};
    QTest::newRow("[3] DX gateway association over a private VIF") << Build([] {
        Doc d;
        d.props("vif-transit")["type"] = "private";
        return d.done();
    }) << QStringList{"NET-010"};
    QTest::newRow("[4] Session Manager target VPC without ec2messages")
        << Build([] { return Doc().remove("endpoint-work-ec2messages").done(); })
        << QStringList{"NET-007"};
    QTest::newRow("[4] endpoint subnet network ACL without inbound 443") << Build([] {
        Doc d;
        d.props("nacl-work-endpoints")["inbound"] = json::array();
        return d.done();
    }) << QStringList{"NET-008"};
}

void tst_NetRules::pitfalls()
{
    QFETCH(Build, build);
    QFETCH(QStringList, rules);

    const auto design = load(build());
    QVERIFY(design);
    const auto findings = validate(*design, RuleRegistry::builtin());
    const QStringList fired = ruleIds(findings);
    for (const QString &r : rules)
        QVERIFY2(fired.contains(r), qPrintable(r + " did not fire:" + describe(findings)));
}

void tst_NetRules::samples_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("rules"); // exactly the rules that fire, or none

    QTest::newRow("reference-tokyo: nothing to review") << "reference-tokyo" << QStringList{};
    QTest::newRow("initial-privatelink: the PrivateLink trap")
        << "initial-privatelink" << QStringList{"NET-011", "NET-012"};
}

void tst_NetRules::samples()
{
    QFETCH(QString, name);
    QFETCH(QStringList, rules);

    const auto design = load(sample(qPrintable(name)));
    QVERIFY(design);
    const auto findings = validate(*design, RuleRegistry::builtin());
    QCOMPARE(ruleIds(findings), rules);
    if (rules.isEmpty()) {
        const FindingSummary summary = summarize(findings);
        QVERIFY2(summary.errors == 0 && summary.warnings == 0, describe(findings));
    }
}

// Designs where a rule's verdict once contradicted the rule catalogue, and those where it
// still does. Each row names the network rules that should fire; an open defect is named in
// "bug" and fails as expected until fixed; a fixed one has an empty "bug" and guards the fix.
void tst_NetRules::catalogueDisagrees_data()
{
    QTest::addColumn<Build>("build");
    QTest::addColumn<QStringList>("rules"); // exactly the NET rules that should fire
    QTest::addColumn<QString>("bug");

    QTest::newRow("NET-005 Kinesis's domain on the allow-list") << Build([] {
        Doc d;
        d.props("nfw-egress")["ruleGroups"][1]["targets"].push_back(
            "kinesis.ap-northeast-1.amazonaws.com");
        return d.done();
    }) << QStringList{"NET-005"} << QString();
    QTest::newRow("NET-005 Firehose of another region on the allow-list") << Build([] {
        // Account C's Firehose works from any region: pitfall [2] as the talk tells it.
        Doc d;
        d.props("nfw-egress")["ruleGroups"][1]["targets"].push_back(
            "firehose.us-east-1.amazonaws.com");
        return d.done();
    }) << QStringList{"NET-005"} << QString();
    QTest::newRow("NET-005 the global STS endpoint on the allow-list") << Build([] {
        Doc d;
        d.props("nfw-egress")["ruleGroups"][1]["targets"].push_back("sts.amazonaws.com");
        return d.done();
    }) << QStringList{"NET-005"} << QString();

    // The requesting side resolves AWS names through its own account's VPCs: a missing
    // endpoint there is NET-007's, not a path to the workload account's endpoints.
    QTest::newRow("NET-007 the requesting side lacks sts")
        << Build([] { return Doc().remove("endpoint-op-sts").done(); }) << QStringList{"NET-007"}
        << QString();
    QTest::newRow("NET-007 private DNS off on the requesting side's ssm endpoint") << Build([] {
        Doc d;
        d.props("endpoint-op-ssm")["privateDns"] = false;
        return d.done();
    }) << QStringList{"NET-007"} << QString();
    QTest::newRow("the reference design written in another order raises nothing")
        << Build([] {
               // The operator VPC and its contents last in the file: the same design.
               json doc = Doc().done();
               json kept = json::array(), moved = json::array();
               for (auto &e : doc["elements"]) {
                   const std::string parent = e.value("parent", "");
                   const bool operatorSide = e["id"] == "vpc-operator" || parent == "vpc-operator"
                                             || parent == "az-op-a" || parent == "az-op-c";
                   (operatorSide ? moved : kept).push_back(std::move(e));
               }
               for (auto &e : moved)
                   kept.push_back(std::move(e));
               doc["elements"] = std::move(kept);
               return doc;
           })
        << QStringList{}
        << QString();

    QTest::newRow("NET-014 the inspection VPC is the hub even before workloads exist")
        << Build([] { return Doc().remove("ec2-analysis-a").remove("ec2-analysis-c").done(); })
        << QStringList{}
        << QString();
    QTest::newRow("NET-017 workloads in AZ c, firewall and attachment in AZ a only")
        << Build([] {
               Doc d;
               d.props("nfw-egress")["subnets"] = {"subnet-insp-a-firewall"};
               d.props("attach-tgw-inspection")["subnets"] = {"subnet-insp-a-tgw"};
               return d.done();
           })
        << QStringList{"NET-017"}
        << QString();
}

void tst_NetRules::catalogueDisagrees()
{
    QFETCH(Build, build);
    QFETCH(QStringList, rules);
    QFETCH(QString, bug);

    const auto design = load(build());
    QVERIFY(design);
    const auto findings = validate(*design, RuleRegistry::builtin());
    if (!bug.isEmpty())
        QEXPECT_FAIL("", qPrintable(bug), Abort);
    QCOMPARE(ruleIds(findings, QStringLiteral("NET-")), rules);
}

QTEST_APPLESS_MAIN(tst_NetRules)
#include "tst_netrules.moc"
