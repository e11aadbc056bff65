// Validation of generated hub-and-spoke designs (the benchmarks' generator, tests/bench): a
// clean design stays clean at several sizes, and one fault put into a design of many spokes
// is reported for exactly the elements it concerns. The validator shares the traces of
// sources that decide alike (same subnet, security groups and public IP, no rule that tells
// their addresses apart); the faults below differ from their neighbours in just one of those,
// so a verdict carried over to a source it does not hold for shows as a finding too many or
// one missing.

#include "designbuilder.h"
#include "designgenerator.h"

#include "model/core/allocator.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validator.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace heiiki;
using namespace heiiki::model;
using json = heiiki::Json;

namespace {

constexpr int kSpokes = 8;

std::vector<Finding> findingsOf(const Design &design, const std::string &rule)
{
    std::vector<Finding> out;
    for (Finding &f : validate(design, RuleRegistry::builtin()))
        if (f.ruleId == rule)
            out.push_back(std::move(f));
    return out;
}

/// The first element each finding names (the workload, for NET-001 and NET-002), sorted.
std::vector<std::string> firstElements(const std::vector<Finding> &findings)
{
    std::vector<std::string> out;
    for (const Finding &f : findings)
        out.push_back(f.elements.empty() ? std::string() : f.elements.front().str());
    std::sort(out.begin(), out.end());
    return out;
}

QString describe(const std::vector<Finding> &findings)
{
    QString text;
    for (const Finding &f : findings)
        text += QString::fromStdString(f.ruleId + ": " + f.message + "\n");
    return text;
}

std::string spokeTag(int spoke)
{
    return QStringLiteral("s%1").arg(spoke, 4, 10, QLatin1Char('0')).toStdString();
}

/// Points the internet-bound route of a spoke's subnet at \a target.
void routeInternetTo(Design &design, const std::string &subnet, const std::string &target)
{
    for (json &row : design.element(Id(subnet))->properties["routes"])
        if (row["destination"] == "0.0.0.0/0")
            row["target"] = target;
}

/// Gives spoke \a spoke an internet gateway of its own, routes its app subnet in AZ a to it,
/// and adds a security group open to 0.0.0.0/0 on \a port; returns the group's id.
std::string ownInternetGateway(Design &design, int spoke, int port, const std::string &name)
{
    const std::string tag = spokeTag(spoke);
    const std::string vpc = "vpc-spoke-" + tag;
    const std::string group = "sg-" + tag + "-open-" + std::to_string(port);
    bench::DesignBuilder b(design);
    b.element("igw-" + tag, ElementKind::InternetGateway, "Spoke's own IGW", vpc);
    b.element(group,
              ElementKind::SecurityGroup,
              name,
              vpc,
              {{"inbound", json::array({bench::sgRule(port, port, "cidr", "0.0.0.0/0", "all")})},
               {"outbound", json::array()}});
    b.finish();
    routeInternetTo(design, "subnet-" + tag + "-a-app", "igw-" + tag);
    return group;
}

} // namespace

class TstGeneratedValidation : public QObject
{
    Q_OBJECT

private slots:
    void cleanDesigns_data();
    void cleanDesigns();
    void missingRoute();
    void publicAddressAndOpenGroupOnOne();
    void addressDeniedOnTheWayOut();
    void allocatorServesTheProgram();
    void sameFindingsOnAnyNumberOfThreads();
};

void TstGeneratedValidation::cleanDesigns_data()
{
    QTest::addColumn<int>("spokes");
    QTest::addColumn<int>("instances");
    QTest::newRow("hub only") << 0 << 3;
    QTest::newRow("1 spoke, 1 instance a subnet") << 1 << 1;
    QTest::newRow("5 spokes") << 5 << 3;
    QTest::newRow("24 spokes, 2 instances a subnet") << 24 << 2;
    QTest::newRow("60 spokes, 5 instances a subnet") << 60 << 5;
}

void TstGeneratedValidation::cleanDesigns()
{
    QFETCH(int, spokes);
    QFETCH(int, instances);
    const Design design = bench::generateHubAndSpoke(spokes, {instances});
    const auto findings = validate(design, RuleRegistry::builtin());
    QVERIFY2(findings.empty(), qPrintable(describe(findings)));
}

void TstGeneratedValidation::missingRoute()
{
    // Spoke 3's database subnet in AZ a loses its route to the Transit Gateway: the OS patch
    // flow from its first database server stops there, and nothing else breaks.
    Design design = bench::generateHubAndSpoke(kSpokes);
    const std::string subnet = "subnet-" + spokeTag(3) + "-a-db";
    auto &routes = design.element(Id(subnet))->properties["routes"];
    routes.erase(std::remove_if(routes.begin(),
                                routes.end(),
                                [](const json &r) { return r["destination"] == "0.0.0.0/0"; }),
                 routes.end());

    const auto findings = validate(design, RuleRegistry::builtin());
    std::vector<Finding> net003;
    std::copy_if(findings.begin(),
                 findings.end(),
                 std::back_inserter(net003),
                 [](const Finding &f) { return f.ruleId == "NET-003"; });
    QCOMPARE(net003.size(), size_t(1));
    const std::vector<Id> expected{Id(bench::spokeInstanceId(3, 'a', "db", 1)), Id(subnet)};
    QCOMPARE(net003.front().elements, expected);
    QVERIFY2(net003.front().message.find("flow-" + spokeTag(3) + "-patches") != std::string::npos
                 || net003.front().message.find("OS security patches") != std::string::npos,
             net003.front().message.c_str());
    // No other workload, subnet or spoke is affected.
    for (const Finding &f : findings)
        QVERIFY2(f.ruleId == "NET-003", qPrintable(describe(findings)));
}

void TstGeneratedValidation::publicAddressAndOpenGroupOnOne()
{
    // Spoke 4's app subnet in AZ a sends internet-bound traffic to an internet gateway of its
    // own. Of its three servers, app-2 and app-3 get a public IP, and app-2 also a security
    // group open to 0.0.0.0/0 on 443. Only those two bypass the firewall (app-1 has no public
    // address), and only app-2 can be reached from the internet.
    Design design = bench::generateHubAndSpoke(kSpokes);
    const std::string open = ownInternetGateway(design, 4, 443, "HTTPS from anywhere");
    const std::string app2 = bench::spokeInstanceId(4, 'a', "app", 2);
    const std::string app3 = bench::spokeInstanceId(4, 'a', "app", 3);
    for (const std::string &id : {app2, app3})
        design.element(Id(id))->properties["publicIp"] = true;
    design.element(Id(app2))->properties["securityGroups"].push_back(open);

    const auto net002 = findingsOf(design, "NET-002");
    QCOMPARE(firstElements(net002), (std::vector<std::string>{app2, app3}));
    const auto net001 = findingsOf(design, "NET-001");
    QCOMPARE(net001.size(), size_t(1));
    const auto &named = net001.front().elements;
    QVERIFY2(std::find(named.begin(), named.end(), Id(app2)) != named.end(),
             net001.front().message.c_str());
    QVERIFY2(std::find(named.begin(), named.end(), Id(app3)) == named.end(),
             net001.front().message.c_str());
}

void TstGeneratedValidation::addressDeniedOnTheWayOut()
{
    // Spoke 5's app subnet in AZ a goes out through a NAT gateway of its own, bypassing the
    // firewall; the NAT subnet's network ACL denies one address, app-2's. NET-002 names app-1
    // and app-3, not app-2: the three share subnet and security groups, and only their
    // addresses tell them apart.
    Design design = bench::generateHubAndSpoke(kSpokes);
    const int spoke = 5;
    const std::string tag = spokeTag(spoke);
    const std::string vpc = "vpc-spoke-" + tag;
    const uint32_t base = (10u << 24) | (static_cast<uint32_t>(spoke) << 11);
    const std::string publicSubnet = "subnet-" + tag + "-a-public";
    const std::string app2 = bench::spokeInstanceId(spoke, 'a', "app", 2);
    const std::string app2Address = design.element(Id(app2))->property("privateIp");
    bench::DesignBuilder b(design);
    b.element("igw-" + tag, ElementKind::InternetGateway, "Spoke's own IGW", vpc);
    b.element(publicSubnet,
              ElementKind::Subnet,
              "NAT",
              "az-" + tag + "-a",
              {{"cidr", bench::cidr(base | (7u << 8), 24)},
               {"role", "public"},
               {"routes", json::array({bench::route("0.0.0.0/0", "igw-" + tag)})}});
    b.element("nat-" + tag,
              ElementKind::NatGateway,
              "Spoke's own NAT",
              publicSubnet,
              {{"connectivity", "public"}});
    json deny = bench::aclRule(90, 0, 65535, app2Address + "/32");
    deny["action"] = "deny";
    b.element("nacl-" + tag + "-public",
              ElementKind::NetworkAcl,
              "NAT subnet",
              vpc,
              {{"subnets", json::array({publicSubnet})},
               {"inbound", json::array({deny, bench::aclRule(100, 0, 65535, "0.0.0.0/0")})},
               {"outbound", json::array({bench::aclRule(100, 0, 65535, "0.0.0.0/0")})}});
    b.finish();
    routeInternetTo(design, "subnet-" + tag + "-a-app", "nat-" + tag);

    const auto net002 = findingsOf(design, "NET-002");
    QCOMPARE(firstElements(net002),
             (std::vector<std::string>{bench::spokeInstanceId(spoke, 'a', "app", 1),
                                       bench::spokeInstanceId(spoke, 'a', "app", 3)}));
}

// validate() runs the rules on several threads that share one trace cache: the findings, their
// order and their texts must not depend on how many threads ran or which finished first.
void TstGeneratedValidation::sameFindingsOnAnyNumberOfThreads()
{
    // Faults of several rules at once, so that several threads write findings: spoke 4's app
    // subnet routes to an internet gateway of its own, and app-2 there has a public IP and a
    // security group open to the internet on SSH.
    Design design = bench::generateHubAndSpoke(kSpokes);
    const std::string ssh = ownInternetGateway(design, 4, 22, "SSH from anywhere");
    const Id app2(bench::spokeInstanceId(4, 'a', "app", 2));
    design.element(app2)->properties["publicIp"] = true;
    design.element(app2)->properties["securityGroups"].push_back(ssh);
    const auto registry = RuleRegistry::builtin();
    auto text = [](const std::vector<Finding> &findings) {
        std::string out;
        for (const Finding &f : findings) {
            out += f.ruleId + ' ' + std::string(toString(f.severity)) + ' ' + f.message + " |";
            for (const Id &e : f.elements)
                out += ' ' + e.str();
            out += " | " + f.path + '\n';
        }
        return out;
    };
    const std::string alone = text(validate(design, registry, 1));
    QVERIFY2(alone.find("NET-009") != std::string::npos, alone.c_str());
    QVERIFY2(alone.find("SCN-004") != std::string::npos, alone.c_str());
    for (unsigned threads : {2u, 3u, 4u, 8u})
        for (int run = 0; run < 5; ++run)
            QCOMPARE(text(validate(design, registry, threads)), alone);
}

// Validation's speed on large designs rests on the allocator Heiiki links (mimalloc by default):
// it must really serve malloc and operator new, not merely be linked behind glibc's.
void TstGeneratedValidation::allocatorServesTheProgram()
{
    QVERIFY2(allocatorInUse(), allocatorDescription().c_str());
}

QTEST_GUILESS_MAIN(TstGeneratedValidation)
#include "tst_generatedvalidation.moc"
