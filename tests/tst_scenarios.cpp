// The attack scenarios SCN-001 … SCN-005 (the brief's attacks A–D) against the reference
// design, which blocks them all, and against mutations of it that each break one control:
// the scenario must then succeed, the deciding control must name what broke, and the
// validator must raise the matching rule.

#include "model/io/designfile.h"
#include "model/scenarios/scenarios.h"
#include "model/validation/ruleregistry.h"
#include "model/validation/validationcontext.h"
#include "model/validation/validator.h"
#include "testsupport.h"

#include <QtTest>

using namespace heiiki::model;
using json = heiiki::Json;

namespace {

json reference()
{
    const std::string text = heiiki::tests::readText(heiiki::tests::sourcePath(
        QStringLiteral("resources/samples/reference-tokyo.heiiki.json")));
    return text.empty() ? json() : json::parse(text);
}

json &policyDoc(json &doc, const std::string &id)
{
    for (auto &p : doc["policies"])
        if (p["id"] == id)
            return p["document"];
    qFatal("fixture: no policy %s", id.c_str());
}

json &element(json &doc, const std::string &id)
{
    for (auto &e : doc["elements"])
        if (e["id"] == id)
            return e;
    qFatal("fixture: no element %s", id.c_str());
}

using Mutation = void (*)(json &);

QString describe(const std::vector<ScenarioResult> &results)
{
    QStringList out;
    for (const auto &r : results)
        out << QString::fromStdString(r.id + (r.succeeds ? " succeeds" : " blocked") + " by "
                                      + r.control + ": " + r.detail);
    return out.join("\n");
}

QStringList ruleIds(const std::vector<Finding> &findings)
{
    QStringList ids;
    for (const auto &f : findings)
        ids << QString::fromStdString(f.ruleId);
    ids.removeDuplicates();
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestScenarios : public QObject
{
    Q_OBJECT

private slots:
    void referenceBlocksEverything();
    void mutations_data();
    void mutations();
};

void TestScenarios::referenceBlocksEverything()
{
    const auto loaded = io::loadDesignFromText(reference().dump());
    QVERIFY(loaded.design.has_value());
    const ValidationContext context(*loaded.design);
    const auto results = playScenarios(context);
    QCOMPARE(int(results.size()), 5);
    QStringList ids;
    for (const auto &r : results) {
        ids << QString::fromStdString(r.id);
        QVERIFY2(!r.succeeds, qPrintable(describe(results)));
        QVERIFY2(r.control != "nothing to attack", qPrintable(describe(results)));
    }
    QCOMPARE(ids, (QStringList{"SCN-001", "SCN-002", "SCN-003", "SCN-004", "SCN-005"}));

    const auto findings = validate(*loaded.design, RuleRegistry::builtin());
    for (const auto &f : findings)
        QVERIFY2(f.ruleId.rfind("IAM-", 0) != 0 && f.ruleId.rfind("SCN-", 0) != 0,
                 qPrintable(QString::fromStdString(f.ruleId + ": " + f.message)));
}

void TestScenarios::mutations_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("control");
    QTest::addColumn<QString>("rule");

    QTest::newRow("II without its Deny")
        << Mutation([](json &d) {
               auto &st = policyDoc(d, "pol-ii-endpoint-company-only")["Statement"];
               st.erase(st.begin());
           })
        << "SCN-001" << "policy II" << "IAM-003";
    QTest::newRow("III without aws:SourceVpce")
        << Mutation([](json &d) {
               policyDoc(d, "pol-iii-ssm-role-trust")["Statement"][0]["Condition"].erase("StringEquals");
           })
        << "SCN-002" << "policy III" << "IAM-004";
    QTest::newRow("III without MFA")
        << Mutation([](json &d) {
               policyDoc(d, "pol-iii-ssm-role-trust")["Statement"][0]["Condition"].erase("Bool");
           })
        << "SCN-005" << "policy III" << "IAM-005";
    QTest::newRow("IV without aws:SourceVpce")
        << Mutation([](json &d) {
               for (auto &st : policyDoc(d, "pol-iv-ssm-role-start-session")["Statement"])
                   st["Condition"].erase("StringEquals");
           })
        << "SCN-003" << "policy IV" << "IAM-007";
    QTest::newRow("firewall lets .amazonaws.com out")
        << Mutation([](json &d) {
               element(d, "nfw-egress")["properties"]["ruleGroups"][0]["targets"].push_back(
                   ".amazonaws.com");
           })
        << "SCN-001" << "firewall allow-list" << "NET-005";
    QTest::newRow("ec2-analysis-a public behind an internet gateway")
        << Mutation([](json &d) {
               d["elements"].push_back({{"id", "igw-work"},
                                        {"kind", "internet-gateway"},
                                        {"parent", "vpc-workload"},
                                        {"properties", json::object()}});
               for (auto &r : element(d, "subnet-work-a-private")["properties"]["routes"])
                   if (r["destination"] == "0.0.0.0/0")
                       r["target"] = "igw-work";
               element(d, "ec2-analysis-a")["properties"]["publicIp"] = true;
               element(d, "sg-work-analysis")["properties"]["inbound"].push_back(
                   {{"protocol", "tcp"}, {"fromPort", 443}, {"toPort", 443}, {"cidr", "0.0.0.0/0"}});
           })
        << "SCN-004" << "route" << "NET-001";
}

void TestScenarios::mutations()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, scenario);
    QFETCH(QString, control);
    QFETCH(QString, rule);

    json doc = reference();
    mutate(doc);
    const auto loaded = io::loadDesignFromText(doc.dump());
    QVERIFY2(loaded.design.has_value(), "the mutated design does not load");
    const ValidationContext context(*loaded.design);
    const auto results = playScenarios(context);
    bool seen = false;
    for (const auto &r : results) {
        if (QString::fromStdString(r.id) != scenario)
            continue;
        seen = true;
        QVERIFY2(r.succeeds, qPrintable(describe(results)));
        QVERIFY2(QString::fromStdString(r.control).contains(control),
                 qPrintable(describe(results)));
    }
    QVERIFY(seen);

    const auto findings = validate(*loaded.design, RuleRegistry::builtin());
    const QStringList ids = ruleIds(findings);
    QVERIFY2(ids.contains(rule), qPrintable(ids.join(", ")));
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
