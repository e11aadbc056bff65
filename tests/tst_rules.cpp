// The validator's network rules, one row per case, each with its fixed twin:
//   NET-011  an element lives outside the design's allowed regions (data residency)
//   NET-018  CIDRs overlap between networks that are connected (TGW, DX, VGW hubs are
//            transitive; VPC peering is not)
//   IAM-001  a policy document is invalid (errors), or the policy linter warns (warnings)

#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "model/validation/designpaths.h"
#include "model/validation/incrementalvalidator.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"
#include "testsupport.h"

#include <QtTest>

#include <set>

using namespace heiiki::model;
using heiiki::tests::sourcePath;
using json = heiiki::Json;

namespace {

/// Builds small designs in code: one Tokyo region (unless told otherwise), elements and
/// links by id.
class Builder
{
public:
    explicit Builder(std::vector<std::string> allowed = {"ap-northeast-1"})
    {
        m_design.settings().name = "rule fixture";
        m_design.settings().allowedRegions = std::move(allowed);
        m_design.settings().organizationAccounts = {"111111111111"};
        m_design.accounts().push_back({"111111111111", "workload", false});
    }

    Builder &element(const char *id, ElementKind kind, const char *parent, json props = {})
    {
        Element e;
        e.id = Id(id);
        e.kind = kind;
        e.parent = parent ? Id(parent) : Id();
        e.properties = props.is_null() ? json::object() : std::move(props);
        m_design.addElement(std::move(e));
        return *this;
    }
    Builder &region(const char *id, const char *code)
    {
        return element(id, ElementKind::Region, nullptr, {{"region", code}});
    }
    Builder &vpc(const char *id, std::vector<std::string> cidrs, const char *parent = "tokyo")
    {
        return element(id, ElementKind::Vpc, parent, {{"cidrs", cidrs}});
    }
    Builder &tgw(const char *id, const char *parent = "tokyo")
    {
        return element(id, ElementKind::TransitGateway, parent);
    }
    Builder &link(const char *id, LinkKind kind, const char *from, const char *to, json props = {})
    {
        Link l;
        l.id = Id(id);
        l.kind = kind;
        l.from = Id(from);
        l.to = Id(to);
        l.properties = props.is_null() ? json::object() : std::move(props);
        m_design.addLink(std::move(l));
        return *this;
    }
    Builder &attach(const char *vpcId, const char *tgwId)
    {
        const std::string id = std::string("att-") + vpcId + "-" + tgwId;
        return link(id.c_str(), LinkKind::TgwAttachment, vpcId, tgwId);
    }
    Builder &peer(const char *a, const char *b)
    {
        const std::string id = std::string("pcx-") + a + "-" + b;
        return link(id.c_str(), LinkKind::VpcPeering, a, b);
    }
    /// Corporate DC → DX connection ← VIF, DX gateway → \a hub (a TGW or a VGW).
    Builder &directConnect(const char *dcCidr, const char *hub)
    {
        element("dc", ElementKind::CorporateDc, nullptr, {{"cidrs", {dcCidr}}});
        element("dxcon", ElementKind::DxConnection, "dc");
        element("vif", ElementKind::Vif, "tokyo", {{"type", "transit"}});
        element("dxgw", ElementKind::DxGateway, nullptr);
        link("dc-line", LinkKind::DxLink, "dc", "dxcon");
        link("vif-on-dxcon", LinkKind::VifOn, "vif", "dxcon");
        return link("dxgw-assoc", LinkKind::DxAssociation, "dxgw", hub, {{"vif", "vif"}});
    }
    Design build() { return std::move(m_design); }

private:
    Design m_design;
};

Builder tokyo(std::vector<std::string> allowed = {"ap-northeast-1"})
{
    Builder b(std::move(allowed));
    b.region("tokyo", "ap-northeast-1");
    return b;
}

using Build = Design (*)();

QByteArray describe(const std::vector<Finding> &findings)
{
    QByteArray text;
    for (const auto &f : findings) {
        text += "\n    " + QByteArray::fromStdString(f.ruleId) + " [";
        for (const auto &id : f.elements)
            text += QByteArray::fromStdString(id.str()) + " ";
        text += "] " + QByteArray::fromStdString(f.path) + ": "
                + QByteArray::fromStdString(f.message);
    }
    return text;
}

std::vector<Finding> findingsOf(const std::vector<Finding> &all, const QString &rule)
{
    std::vector<Finding> out;
    for (const auto &f : all)
        if (QString::fromStdString(f.ruleId) == rule)
            out.push_back(f);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Build)

class tst_Rules : public QObject
{
    Q_OBJECT

private slots:
    void registry();
    void rule_data();
    void rule();
    void samples_data();
    void samples();
    void renameRevalidatesOnKeptTraces();
    void policyEditRevalidatesOnKeptTraces();
};

// Every rule the validator ships answers to its id and its severity in the catalog.
void tst_Rules::registry()
{
    const RuleRegistry registry = RuleRegistry::builtin();
    const std::vector<std::pair<const char *, Severity>> expected{{"NET-011", Severity::Error},
                                                                  {"NET-018", Severity::Error}};
    for (const auto &[id, severity] : expected) {
        const Rule *rule = registry.find(id);
        QVERIFY2(rule, id);
        QCOMPARE(rule->id(), std::string_view(id));
        QVERIFY2(rule->severity() == severity, id);
        QVERIFY2(!rule->title().empty(), id);
    }
    const auto rules = registry.rules();
    for (size_t i = 1; i < rules.size(); ++i)
        QVERIFY2(rules[i - 1]->id() < rules[i]->id(), "rules come in id order");
}

void tst_Rules::rule_data()
{
    // clang-format off
    QTest::addColumn<Build>("build");
    QTest::addColumn<QString>("rule");
    // One entry per expected finding: the ids it names, space-separated, in any order.
    QTest::addColumn<QStringList>("findings");
    // A piece of text each finding's message must contain ("" for none).
    QTest::addColumn<QString>("mentions");

    using EK = ElementKind;
    using LK = LinkKind;

    // --- NET-011: data residency
    QTest::newRow("NET-011 VPC in N. Virginia") << Build([] {
        return tokyo()
            .region("virginia", "us-east-1")
            .vpc("vpc-saas", {"10.9.0.0/16"}, "virginia")
            .build();
    }) << "NET-011" << QStringList{"virginia vpc-saas"} << "us-east-1";
    QTest::newRow("NET-011 fixed: the VPC moved to Tokyo") << Build([] {
        return tokyo().vpc("vpc-saas", {"10.9.0.0/16"}).build();
    }) << "NET-011" << QStringList{} << "";
    QTest::newRow("NET-011 names every resource inside, not the groups") << Build([] {
        return tokyo()
            .region("virginia", "us-east-1")
            .vpc("vpc-saas", {"10.9.0.0/16"}, "virginia")
            .element("az-1a", EK::AvailabilityZone, "vpc-saas")
            .element("sub-1a", EK::Subnet, "az-1a", {{"cidr", "10.9.1.0/24"}})
            .element("ec2-relay", EK::Ec2Instance, "sub-1a")
            .element("vpce-saas", EK::VpcEndpoint, "sub-1a")
            .build();
    }) << "NET-011" << QStringList{"virginia vpc-saas sub-1a ec2-relay vpce-saas"}
       << "us-east-1";
    QTest::newRow("NET-011 region inside an account") << Build([] {
        return Builder()
            .element("acct", EK::Account, nullptr)
            .element("virginia", EK::Region, "acct", {{"region", "us-east-1"}})
            .vpc("vpc-saas", {"10.9.0.0/16"}, "virginia")
            .build();
    }) << "NET-011" << QStringList{"virginia vpc-saas"} << "us-east-1";
    QTest::newRow("NET-011 an empty region outside is still named") << Build([] {
        return tokyo().region("frankfurt", "eu-central-1").build();
    }) << "NET-011" << QStringList{"frankfurt"} << "eu-central-1";
    QTest::newRow("NET-011 two regions outside, two findings") << Build([] {
        return tokyo()
            .region("virginia", "us-east-1")
            .region("oregon", "us-west-2")
            .build();
    }) << "NET-011" << QStringList{"virginia", "oregon"} << "";
    QTest::newRow("NET-011 Osaka backups are allowed") << Build([] {
        return tokyo({"ap-northeast-1", "ap-northeast-3"})
            .region("osaka", "ap-northeast-3")
            .vpc("vpc-backup", {"10.8.0.0/16"}, "osaka")
            .build();
    }) << "NET-011" << QStringList{} << "";
    QTest::newRow("NET-011 Osaka when only Tokyo is allowed") << Build([] {
        return tokyo()
            .region("osaka", "ap-northeast-3")
            .vpc("vpc-backup", {"10.8.0.0/16"}, "osaka")
            .build();
    }) << "NET-011" << QStringList{"osaka vpc-backup"} << "ap-northeast-3";
    QTest::newRow("NET-011 a region left at its default (Tokyo)") << Build([] {
        return Builder().element("default", EK::Region, nullptr).build();
    }) << "NET-011" << QStringList{} << "";
    QTest::newRow("NET-011 a SaaS on the internet lives in no region") << Build([] {
        return tokyo().element("saas", EK::Saas, nullptr).build();
    }) << "NET-011" << QStringList{} << "";

    // --- NET-018: overlapping CIDRs between connected networks
    QTest::newRow("NET-018 across a TGW") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.0.128.0/17"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-b"} << "10.0.128.0/17";
    QTest::newRow("NET-018 fixed: re-addressed") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 fixed: not attached") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.0.128.0/17"})
            .attach("vpc-a", "tgw")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 names only the overlapping pair of three") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .vpc("vpc-c", {"10.2.0.0/16", "10.0.5.0/24"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .attach("vpc-c", "tgw")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-c"} << "10.0.5.0/24";
    QTest::newRow("NET-018 a VPC attached twice is reported once") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.0.128.0/17"})
            .attach("vpc-a", "tgw")
            .link("att-vpc-a-tgw-2", LinkKind::TgwAttachment, "vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-b"} << "10.0.128.0/17";
    QTest::newRow("NET-018 IPv6 blocks across a TGW") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16", "2406:da14:ab::/56"})
            .vpc("vpc-b", {"10.1.0.0/16", "2406:da14:ab:10::/60"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-b"} << "2406:da14:ab::/56";
    QTest::newRow("NET-018 IPv4 and IPv6 never overlap") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"::/0"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 corporate DC across DX to a TGW") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.20.0.0/16"})
            .attach("vpc-a", "tgw")
            .directConnect("10.0.0.0/8", "tgw")
            .build();
    }) << "NET-018" << QStringList{"dc vpc-a"} << "10.0.0.0/8";
    QTest::newRow("NET-018 fixed: DC and VPC apart") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"172.31.0.0/16"})
            .attach("vpc-a", "tgw")
            .directConnect("10.0.0.0/8", "tgw")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 corporate DC across DX to a VGW") << Build([] {
        return tokyo()
            .element("vgw", EK::Vgw, "tokyo")
            .vpc("vpc-a", {"10.20.0.0/16"})
            .link("vgw-att", LK::VgwAttachment, "vgw", "vpc-a")
            .directConnect("10.20.0.0/14", "vgw")
            .build();
    }) << "NET-018" << QStringList{"dc vpc-a"} << "10.20.0.0/14";
    QTest::newRow("NET-018 across VPC peering") << Build([] {
        return tokyo()
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.0.0.0/24"})
            .peer("vpc-b", "vpc-a")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-b"} << "by VPC peering";
    QTest::newRow("NET-018 fixed: peering removed") << Build([] {
        return tokyo().vpc("vpc-a", {"10.0.0.0/16"}).vpc("vpc-b", {"10.0.0.0/24"}).build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 not across two separate TGWs") << Build([] {
        return tokyo()
            .tgw("tgw-1")
            .tgw("tgw-2")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .vpc("vpc-c", {"10.0.0.0/16"})
            .attach("vpc-a", "tgw-1")
            .attach("vpc-b", "tgw-1")
            .attach("vpc-c", "tgw-2")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 not through a VPC on two TGWs") << Build([] {
        // vpc-b is on both hubs, but a VPC does not route between them.
        return tokyo()
            .tgw("tgw-1")
            .tgw("tgw-2")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .vpc("vpc-c", {"10.0.0.0/16"})
            .attach("vpc-a", "tgw-1")
            .attach("vpc-b", "tgw-1")
            .attach("vpc-b", "tgw-2")
            .attach("vpc-c", "tgw-2")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 not transitively across two peerings") << Build([] {
        return tokyo()
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .vpc("vpc-c", {"10.0.0.0/16"})
            .peer("vpc-a", "vpc-b")
            .peer("vpc-b", "vpc-c")
            .build();
    }) << "NET-018" << QStringList{} << "";
    QTest::newRow("NET-018 one finding for a pair joined twice") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16"})
            .vpc("vpc-b", {"10.0.0.0/16"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .peer("vpc-a", "vpc-b")
            .build();
    }) << "NET-018" << QStringList{"vpc-a vpc-b"} << "";
    QTest::newRow("NET-018 a VPC's own blocks are not a conflict") << Build([] {
        return tokyo()
            .tgw("tgw")
            .vpc("vpc-a", {"10.0.0.0/16", "10.0.1.0/24"})
            .vpc("vpc-b", {"10.1.0.0/16"})
            .attach("vpc-a", "tgw")
            .attach("vpc-b", "tgw")
            .build();
    }) << "NET-018" << QStringList{} << "";

    // --- IAM-001: policy documents; the linter's errors are errors, its warnings warnings
    static const auto withPolicy = [](const char *document) {
        Design d = tokyo().build();
        d.addPolicy({Id("pol-bucket"), "", PolicyType::Resource, json::parse(document)});
        return d;
    };
    QTest::newRow("IAM-001 NotPrincipal Deny without the account (warning)") << Build([] {
        return withPolicy(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
            "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:user/alice"},
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]})");
    }) << "IAM-001" << QStringList{"pol-bucket"} << "NotPrincipal with Deny";
    QTest::newRow("IAM-001 fixed: the account listed with the user") << Build([] {
        return withPolicy(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
            "NotPrincipal": {"AWS": ["arn:aws:iam::111111111111:user/alice",
                                     "arn:aws:iam::111111111111:root"]},
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]})");
    }) << "IAM-001" << QStringList{} << "";
    QTest::newRow("IAM-001 variable default without the space (error)") << Build([] {
        return withPolicy(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::bucket/${aws:PrincipalTag/team,'all'}/*"}]})");
    }) << "IAM-001" << QStringList{"pol-bucket"} << "comma and a space";
    // clang-format on
}

void tst_Rules::rule()
{
    QFETCH(Build, build);
    QFETCH(QString, rule);
    QFETCH(QStringList, findings);
    QFETCH(QString, mentions);

    const Design design = build();
    const RuleRegistry registry = RuleRegistry::builtin();
    const std::vector<Finding> all = validate(design, registry);
    const std::vector<Finding> found = findingsOf(all, rule);
    QVERIFY2(int(found.size()) == findings.size(), describe(all));

    // Findings are matched to expectations by the set of ids they name.
    const json file = io::writeDesign(design);
    std::set<int> matched;
    for (const Finding &f : found) {
        QSet<QString> ids;
        for (const Id &id : f.elements)
            ids.insert(QString::fromStdString(id.str()));
        QCOMPARE(int(ids.size()), int(f.elements.size())); // each named once
        int which = -1;
        for (int i = 0; i < findings.size(); ++i) {
            const QStringList want = findings[i].split(' ');
            if (QSet<QString>(want.begin(), want.end()) == ids)
                which = i;
        }
        QVERIFY2(which >= 0 && matched.insert(which).second, "unexpected ids in" + describe({f}));

        // A finding has its rule's severity; IAM-001 also passes on the policy linter's
        // warnings, as warnings (their message says AWS accepts the document).
        if (rule == "IAM-001" && f.message.find("AWS accepts the document") != std::string::npos)
            QVERIFY2(f.severity == Severity::Warning, describe({f}));
        else
            QVERIFY(f.severity == registry.find(rule.toStdString())->severity());
        QVERIFY2(!f.message.empty() && !f.fix.empty(), describe({f}));
        // The message names the element at fault (for an overlap: both networks), so that
        // a reader can find them.
        const size_t named = rule == "NET-018" ? f.elements.size() : 1;
        for (size_t i = 0; i < named; ++i)
            QVERIFY2(f.message.find(f.elements[i].str()) != std::string::npos, describe({f}));
        if (!mentions.isEmpty())
            QVERIFY2(QString::fromStdString(f.message).contains(mentions), describe({f}));
        // The path leads into the saved file, to a member of the first element named.
        QVERIFY2(f.path.starts_with(pointerOf(design, f.elements.front()) + "/"), describe({f}));
        QVERIFY2(file.contains(json::json_pointer(f.path)), describe({f}));
    }

    // The validator is a pure function: a second run gives the same findings.
    QVERIFY(validate(design, registry) == all);
}

void tst_Rules::samples_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("rules"); // the rules that must fire; none other may

    QTest::newRow("reference-tokyo")
        << sourcePath("resources/samples/reference-tokyo.heiiki.json") << QStringList{};
    QTest::newRow("initial-privatelink")
        << sourcePath("resources/samples/initial-privatelink.heiiki.json")
        << QStringList{"NET-011"};
}

void tst_Rules::samples()
{
    QFETCH(QString, path);
    QFETCH(QStringList, rules);

    if (!QFile::exists(path))
        QSKIP(qPrintable(path + " does not exist yet"));
    const auto loaded = io::loadDesignFile(path.toStdString());
    QVERIFY2(loaded.design, loaded.errors.empty() ? "" : loaded.errors[0].format("").c_str());
    const auto findings = validate(*loaded.design, RuleRegistry::builtin());
    QSet<QString> fired;
    for (const Finding &f : findings)
        fired.insert(QString::fromStdString(f.ruleId));
    for (const QString &r : rules)
        QVERIFY2(fired.contains(r), qPrintable(r + " did not fire:" + describe(findings)));
    // The checked rules fire only where expected (rules added later are not judged here).
    for (const char *r : {"NET-011", "NET-018"})
        if (!rules.contains(r))
            QVERIFY2(!fired.contains(r), qPrintable(QString(r) + " fired:" + describe(findings)));
    if (rules.isEmpty())
        QVERIFY2(findings.empty(), describe(findings));
}

// An IncrementalValidator reruns the rules after a rename on the last run's topology and
// traces; the findings are those of a fresh validation and name the new name.
void tst_Rules::renameRevalidatesOnKeptTraces()
{
    auto loaded = io::loadDesignFile(
        sourcePath("resources/samples/reference-tokyo.heiiki.json").toStdString());
    QVERIFY(loaded.design);
    Design design = std::move(*loaded.design);
    // An inbound SSH rule: NET-009 names the security group by its name.
    Element group = *design.element(Id("sg-work-endpoints"));
    group.properties["inbound"].push_back(
        {{"protocol", "tcp"}, {"fromPort", 22}, {"toPort", 22}, {"cidr", "10.20.0.0/16"}});
    design.replaceElement(group);
    const RuleRegistry registry = RuleRegistry::builtin();
    IncrementalValidator validator(registry);
    validator.attach(design);
    QCOMPARE(validator.findings(design), validate(design, registry));
    QCOMPARE(validator.runs(), 1);

    group.name = "Renamed group";
    design.replaceElement(group);
    QVERIFY(!validator.isStale()); // a rename: no new topology or traces
    const auto &renamed = validator.findings(design);
    QCOMPARE(validator.runs(), 2);
    QVERIFY(validator.lastRunKeptTraces());
    QCOMPARE(renamed, validate(design, registry));
    QVERIFY(std::any_of(renamed.begin(), renamed.end(), [](const Finding &f) {
        return f.ruleId == "NET-009" && f.message.find("Renamed group") != std::string::npos;
    }));

    // Anything more than a name makes the result stale: a fresh context.
    group.properties["inbound"].erase(group.properties["inbound"].size() - 1);
    design.replaceElement(group);
    QVERIFY(validator.isStale());
    QCOMPARE(validator.findings(design), validate(design, registry));
    QVERIFY(!validator.lastRunKeptTraces());
    validator.detach();
}

void tst_Rules::policyEditRevalidatesOnKeptTraces()
{
    auto loaded = io::loadDesignFile(
        sourcePath("resources/samples/reference-tokyo.heiiki.json").toStdString());
    QVERIFY(loaded.design);
    Design design = std::move(*loaded.design);
    const RuleRegistry registry = RuleRegistry::builtin();
    IncrementalValidator validator(registry);
    validator.attach(design);
    QCOMPARE(validator.findings(design), validate(design, registry));
    QCOMPARE(validator.runs(), 1);

    // Policy II opened to every principal: the endpoints it guards no longer stop outside
    // credentials (IAM-003). No path depends on a policy, so the run keeps the topology and
    // the traces and builds the IAM view again.
    const PolicyDocument original = *design.policy(Id("pol-ii-endpoint-company-only"));
    PolicyDocument opened = original;
    opened.document = json{{"Version", "2012-10-17"},
                           {"Statement",
                            {{{"Effect", "Allow"},
                              {"Principal", "*"},
                              {"Action", "*"},
                              {"Resource", "*"}}}}};
    design.replacePolicy(opened);
    QVERIFY(!validator.isStale());
    const std::vector<Finding> edited = validator.findings(design);
    QCOMPARE(validator.runs(), 2);
    QVERIFY(validator.lastRunKeptTraces());
    QCOMPARE(edited, validate(design, registry));
    QVERIFY(std::any_of(edited.begin(), edited.end(),
                        [](const Finding &f) { return f.ruleId == "IAM-003"; }));

    // Undone: the findings of the first run again, from the same kept context.
    design.replacePolicy(original);
    QVERIFY(!validator.isStale());
    QCOMPARE(validator.findings(design), validate(design, registry));
    QCOMPARE(validator.runs(), 3);
    QVERIFY(validator.lastRunKeptTraces());
    QVERIFY(validator.findings(design) != edited);
    validator.detach();
}

QTEST_APPLESS_MAIN(tst_Rules)
#include "tst_rules.moc"
