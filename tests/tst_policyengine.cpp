// The IAM policy engine: the parser (Access Analyzer-like problems at JSON pointers) and the
// evaluator (AWS's evaluation logic over identity, resource, endpoint, SCP and boundary
// layers), row by row against what the AWS documentation says; then the brief's policies I–IV
// as the reference design holds them.

#include "model/iam/evaluator.h"
#include "model/iam/policyparser.h"
#include "model/iam/request.h"
#include "model/io/designfile.h"
#include "testsupport.h"

#include <QtTest>

#include <memory>

using namespace heiiki::model;
using namespace heiiki::model::iam;
using json = heiiki::Json;

namespace {

const char *const kAlice = "arn:aws:iam::111111111111:user/alice";
const char *const kQueue = "arn:aws:sqs:ap-northeast-1:111111111111:queue1";

json policyOf(const json &statements)
{
    return {{"Version", "2012-10-17"}, {"Statement", statements}};
}

/// Parses \a statements as one policy; fails the test when the parser finds an error.
std::unique_ptr<Policy> parsed(const json &statements, DocumentKind kind)
{
    const ParseResult result = parsePolicy(policyOf(statements), kind);
    for (const auto &p : result.problems)
        if (!p.warning)
            qWarning("fixture policy problem at %s: %s", p.pointer.c_str(), p.message.c_str());
    if (!result.policy)
        return {};
    for (const auto &p : result.problems)
        if (!p.warning)
            return {};
    return std::make_unique<Policy>(*result.policy);
}

RequestContext requestOf(const json &r)
{
    std::vector<std::pair<std::string, std::vector<std::string>>> keys;
    if (r.contains("keys"))
        for (auto it = r["keys"].begin(); it != r["keys"].end(); ++it) {
            std::vector<std::string> values;
            if (it->is_array())
                for (const auto &v : *it)
                    values.push_back(v.get<std::string>());
            else
                values.push_back(it->get<std::string>());
            keys.emplace_back(it.key(), std::move(values));
        }
    return RequestContext(r.value("principal", std::string(kAlice)),
                          r.value("action", std::string("sqs:SendMessage")),
                          r.value("resource", std::string(kQueue)),
                          std::move(keys));
}

QString decisionName(Decision d)
{
    return QString::fromUtf8(toString(d).data(), int(toString(d).size()));
}

json loadReference()
{
    return json::parse(heiiki::tests::readText(
        heiiki::tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"))));
}

} // namespace

class TestPolicyEngine : public QObject
{
    Q_OBJECT

private slots:
    void parser_data();
    void parser();
    void parserWarnings_data();
    void parserWarnings();
    void evaluator_data();
    void evaluator();
    void principals_data();
    void principals();
    void referencePolicies_data();
    void referencePolicies();
};

void TestPolicyEngine::parser_data()
{
    QTest::addColumn<bool>("resourceKind");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("pointer"); // empty: no errors expected

    auto row = [](const char *name, bool resource, const char *doc, const char *pointer) {
        QTest::newRow(name) << resource << QString::fromUtf8(doc) << QString::fromUtf8(pointer);
    };
    row("valid identity", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sqs:SendMessage","s3:Get*"],
            "Resource":"arn:aws:s3:::bucket/${aws:username}/*",
            "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
                         "Bool":{"aws:MultiFactorAuthPresent":"true"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]})",
        "");
    row("valid resource", true,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Resource":"*",
            "Condition":{"StringNotEquals":{"aws:PrincipalAccount":["111111111111"]}}}]})",
        "");
    row("valid trust", true,
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
            "Action":"sts:AssumeRole","Condition":{"Null":{"aws:TokenIssueTime":"false"}}}})",
        "");
    // AWS: "The prefix and the action name are case insensitive" (iam:ListAccessKeys is
    // IAM:listaccesskeys), so an upper-case service prefix is valid.
    row("upper-case service prefix", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"SQS:Send*","Resource":"*"}]})",
        "");
    row("bad Effect", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}]})",
        "/Statement/0/Effect");
    row("unknown operator", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"StringMatches":{"aws:SourceVpce":"vpce-1"}}}]})",
        "/Statement/0/Condition/StringMatches");
    row("action without service prefix", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","GetObject"],"Resource":"*"}]})",
        "/Statement/0/Action/1");
    row("resource not an ARN", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"my-bucket"}]})",
        "/Statement/0/Resource");
    row("Principal in identity policy", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]})",
        "/Statement/0/Principal");
    row("resource policy without Principal", true,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})",
        "/Statement/0");
    row("Null with IfExists", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"NullIfExists":{"aws:TokenIssueTime":"true"}}}]})",
        "/Statement/0/Condition/NullIfExists/aws:TokenIssueTime");
    row("bad IpAddress value", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.300/8"}}}]})",
        "/Statement/0/Condition/IpAddress/aws:SourceIp");
    // AWS: "separate the variable text and the default value with a comma and space"; a
    // default after a bare comma is not read as one (Access Analyzer flags the variable).
    row("variable default after a comma and a space", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::bucket-${aws:PrincipalTag/team, 'company-wide'}/*"}]})",
        "");
    row("variable default without the space", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::bucket-${aws:PrincipalTag/team,'company-wide'}/*"}]})",
        "/Statement/0/Resource");
    row("variable default without the space, in a condition", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"StringEquals":{"aws:RequestTag/env":"${aws:PrincipalTag/env,'dev'}"}}}]})",
        "/Statement/0/Condition/StringEquals/aws:RequestTag~1env");
    row("space in a variable name", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::bucket/${aws:username }/*"}]})",
        "/Statement/0/Resource");
    row("unclosed policy variable", false,
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"StringEquals":{"aws:RequestTag/owner":"${aws:username"}}}]})",
        "/Statement/0/Condition/StringEquals/aws:RequestTag~1owner");
}

void TestPolicyEngine::parser()
{
    QFETCH(bool, resourceKind);
    QFETCH(QString, document);
    QFETCH(QString, pointer);
    const ParseResult result = parsePolicy(json::parse(document.toStdString()),
                                           resourceKind ? DocumentKind::Resource
                                                        : DocumentKind::Identity);
    QStringList errors;
    for (const auto &p : result.problems)
        if (!p.warning)
            errors << QString::fromStdString(p.pointer + " " + p.message);
    if (pointer.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
        QVERIFY(result.policy.has_value());
        return;
    }
    bool found = false;
    for (const auto &p : result.problems)
        if (!p.warning && QString::fromStdString(p.pointer) == pointer)
            found = true;
    QVERIFY2(found, qPrintable("expected a problem at " + pointer + ", got: " + errors.join("; ")));
}

void TestPolicyEngine::parserWarnings_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("pointer"); // where a NotPrincipal warning is due; empty: none

    auto row = [](const char *name, const char *notPrincipal, const char *pointer) {
        const std::string doc = R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny",
            "NotPrincipal":{"AWS":)" + std::string(notPrincipal)
                                + R"(},"Action":"s3:*","Resource":"*"}]})";
        QTest::newRow(name) << QString::fromStdString(doc) << QString::fromUtf8(pointer);
    };
    // AWS (NotPrincipal): list the account of the not-denied principal too, and for a role
    // session its role and account, or the whole account may be denied.
    row("user alone", R"("arn:aws:iam::111111111111:user/alice")", "/Statement/0/NotPrincipal/AWS");
    row("user and account root",
        R"(["arn:aws:iam::111111111111:user/alice","arn:aws:iam::111111111111:root"])", "");
    row("user and account id", R"(["arn:aws:iam::111111111111:user/alice","111111111111"])", "");
    row("user and another account",
        R"(["arn:aws:iam::111111111111:user/alice","arn:aws:iam::222222222222:root"])",
        "/Statement/0/NotPrincipal/AWS/0");
    row("role alone", R"(["arn:aws:iam::222222222222:role/ssm-role"])",
        "/Statement/0/NotPrincipal/AWS/0");
    row("session with account, without role",
        R"(["arn:aws:sts::222222222222:assumed-role/ssm-role/alice","222222222222"])",
        "/Statement/0/NotPrincipal/AWS/0");
    row("session with role and account",
        R"(["arn:aws:sts::222222222222:assumed-role/ssm-role/alice",
            "arn:aws:iam::222222222222:role/ssm-role","arn:aws:iam::222222222222:root"])", "");
    row("account alone", R"("111111111111")", "");
}

void TestPolicyEngine::parserWarnings()
{
    QFETCH(QString, document);
    QFETCH(QString, pointer);
    const ParseResult result = parsePolicy(json::parse(document.toStdString()),
                                           DocumentKind::Resource);
    QStringList errors, warnings;
    for (const auto &p : result.problems) {
        const QString text = QString::fromStdString(p.pointer + " " + p.message);
        if (!p.warning)
            errors << text;
        else if (text.contains(QLatin1String("NotPrincipal with Deny")))
            warnings << QString::fromStdString(p.pointer);
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
    if (pointer.isEmpty())
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join("; ")));
    else
        QCOMPARE(warnings, QStringList{pointer});
}

void TestPolicyEngine::evaluator_data()
{
    QTest::addColumn<QString>("layers");  // {"identity":[stmts], "resource":[…], "endpoint":[…], "scp":[…], "boundary":[…]}
    QTest::addColumn<QString>("request"); // {"principal","action","resource","keys":{…}}
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *layers, const char *request, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(layers) << QString::fromUtf8(request)
                            << QString::fromUtf8(expected);
    };
    // Basics
    row("allow", R"({"identity":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]})", "{}", "Allow");
    row("nothing matches", R"({"identity":[{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"*"}]})", "{}", "ImplicitDeny");
    row("explicit deny beats allow",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"sqs:SendMessage","Resource":"*"}]})",
        "{}", "ExplicitDeny");
    // NotAction / NotResource
    row("NotAction other", R"({"identity":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})", "{}", "Allow");
    row("NotAction excluded", R"({"identity":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})",
        R"({"action":"iam:CreateUser","resource":"arn:aws:iam::111111111111:user/x"})", "ImplicitDeny");
    row("NotResource other", R"({"identity":[{"Effect":"Allow","Action":"sqs:*","NotResource":"arn:aws:sqs:*:111111111111:secret*"}]})", "{}", "Allow");
    row("NotResource excluded", R"({"identity":[{"Effect":"Allow","Action":"sqs:*","NotResource":"arn:aws:sqs:*:111111111111:secret*"}]})",
        R"({"resource":"arn:aws:sqs:ap-northeast-1:111111111111:secret-q"})", "ImplicitDeny");
    // Wildcards
    row("action * case-insensitive", R"({"identity":[{"Effect":"Allow","Action":"sqs:send*","Resource":"*"}]})",
        R"({"action":"SQS:SENDMESSAGE"})", "Allow");
    row("action ? matches one", R"({"identity":[{"Effect":"Allow","Action":"sqs:?etQueueUrl","Resource":"*"}]})",
        R"({"action":"sqs:GetQueueUrl"})", "Allow");
    row("action ? needs one", R"({"identity":[{"Effect":"Allow","Action":"sqs:?QueueUrl","Resource":"*"}]})",
        R"({"action":"sqs:GetQueueUrl"})", "ImplicitDeny");
    row("resource ? matches", R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:*:111111111111:queue?"}]})", "{}", "Allow");
    row("resource case-sensitive", R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:*:111111111111:Queue*"}]})", "{}", "ImplicitDeny");
    // String operators
    const char *se = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}]})";
    row("StringEquals match", se, R"({"keys":{"aws:SourceVpce":"vpce-1"}})", "Allow");
    row("StringEquals mismatch", se, R"({"keys":{"aws:SourceVpce":"vpce-2"}})", "ImplicitDeny");
    row("StringEquals case-sensitive", se, R"({"keys":{"aws:SourceVpce":"VPCE-1"}})", "ImplicitDeny");
    row("StringEquals key missing", se, "{}", "ImplicitDeny");
    row("condition key case-insensitive", se, R"({"keys":{"AWS:SOURCEVPCE":"vpce-1"}})", "Allow");
    const char *sne = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]}}}]})";
    row("StringNotEquals other", sne, R"({"keys":{"aws:SourceVpce":"vpce-3"}})", "Allow");
    row("StringNotEquals listed", sne, R"({"keys":{"aws:SourceVpce":"vpce-2"}})", "ImplicitDeny");
    const char *sl = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:RequestTag/env":"dev-?x*"}}}]})";
    row("StringLike match", sl, R"({"keys":{"aws:RequestTag/env":"dev-1x-tokyo"}})", "Allow");
    row("StringLike mismatch", sl, R"({"keys":{"aws:RequestTag/env":"prod-1x"}})", "ImplicitDeny");
    const char *seic = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIgnoreCase":{"aws:RequestTag/env":"Dev"}}}]})";
    row("StringEqualsIgnoreCase match", seic, R"({"keys":{"aws:RequestTag/env":"DEV"}})", "Allow");
    row("StringEqualsIgnoreCase mismatch", seic, R"({"keys":{"aws:RequestTag/env":"prod"}})", "ImplicitDeny");
    // Numeric
    const char *nlt = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]})";
    row("NumericLessThan true", nlt, R"({"keys":{"aws:MultiFactorAuthAge":"100"}})", "Allow");
    row("NumericLessThan false", nlt, R"({"keys":{"aws:MultiFactorAuthAge":"7200"}})", "ImplicitDeny");
    row("NumericLessThan numeric not lexical", nlt, R"({"keys":{"aws:MultiFactorAuthAge":"400"}})", "Allow");
    const char *nge = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericGreaterThanEquals":{"s3:max-keys":"10"}}}]})";
    row("NumericGreaterThanEquals equal", nge, R"({"keys":{"s3:max-keys":"10"}})", "Allow");
    row("NumericGreaterThanEquals less", nge, R"({"keys":{"s3:max-keys":"9"}})", "ImplicitDeny");
    // Date
    const char *dgt = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}}]})";
    row("DateGreaterThan after", dgt, R"({"keys":{"aws:CurrentTime":"2026-11-29T00:00:00Z"}})", "Allow");
    row("DateGreaterThan before", dgt, R"({"keys":{"aws:CurrentTime":"2024-12-31T23:59:59Z"}})", "ImplicitDeny");
    const char *dlt = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2025-06-30"}}}]})";
    row("DateLessThan date only", dlt, R"({"keys":{"aws:CurrentTime":"2025-06-01T12:00:00Z"}})", "Allow");
    row("DateLessThan later", dlt, R"({"keys":{"aws:CurrentTime":"2025-07-01T00:00:00Z"}})", "ImplicitDeny");
    // Bool
    const char *bt = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]})";
    row("Bool true", bt, R"({"keys":{"aws:SecureTransport":"true"}})", "Allow");
    row("Bool false", bt, R"({"keys":{"aws:SecureTransport":"false"}})", "ImplicitDeny");
    row("Bool key missing", bt, "{}", "ImplicitDeny");
    // IP
    const char *ip = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.5"]}}}]})";
    row("IpAddress in CIDR", ip, R"({"keys":{"aws:SourceIp":"10.1.2.3"}})", "Allow");
    row("IpAddress single", ip, R"({"keys":{"aws:SourceIp":"203.0.113.5"}})", "Allow");
    row("IpAddress outside", ip, R"({"keys":{"aws:SourceIp":"192.168.1.1"}})", "ImplicitDeny");
    const char *nip = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]})";
    row("NotIpAddress deny outside", nip, R"({"keys":{"aws:SourceIp":"198.51.100.7"}})", "ExplicitDeny");
    row("NotIpAddress inside", nip, R"({"keys":{"aws:SourceIp":"10.9.9.9"}})", "Allow");
    // ARN
    const char *al = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111111111111:topic-*"}}}]})";
    row("ArnLike match", al, R"({"keys":{"aws:SourceArn":"arn:aws:sns:ap-northeast-1:111111111111:topic-a"}})", "Allow");
    row("ArnLike other account", al, R"({"keys":{"aws:SourceArn":"arn:aws:sns:ap-northeast-1:999999999999:topic-a"}})", "ImplicitDeny");
    // Null
    const char *nt = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"true"}}}]})";
    row("Null true key missing", nt, "{}", "Allow");
    row("Null true key present", nt, R"({"keys":{"aws:TokenIssueTime":"2026-01-01T00:00:00Z"}})", "ImplicitDeny");
    const char *nf = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"false"}}}]})";
    row("Null false key present", nf, R"({"keys":{"aws:TokenIssueTime":"2026-01-01T00:00:00Z"}})", "Allow");
    row("Null false key missing", nf, "{}", "ImplicitDeny");
    // IfExists
    const char *sie = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}}]})";
    row("IfExists key missing", sie, "{}", "Allow");
    row("IfExists key matches", sie, R"({"keys":{"ec2:InstanceType":"t3.micro"}})", "Allow");
    row("IfExists key differs", sie, R"({"keys":{"ec2:InstanceType":"m5.large"}})", "ImplicitDeny");
    // Negated operators with the key missing hold
    row("StringNotEquals key missing",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}]})",
        "{}", "Allow");
    row("StringNotLike key missing",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringNotLike":{"aws:RequestTag/env":"prod*"}}}]})",
        "{}", "Allow");
    row("ArnNotLike key missing",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:x"}}}]})",
        "{}", "Allow");
    row("NotIpAddress key missing",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]})",
        "{}", "Allow");
    row("Deny StringNotEquals key missing",
        R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}]})",
        "{}", "ExplicitDeny");
    // Set qualifiers
    const char *fav = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}}]})";
    row("ForAllValues subset", fav, R"({"keys":{"aws:TagKeys":["a"]}})", "Allow");
    row("ForAllValues outsider", fav, R"({"keys":{"aws:TagKeys":["a","c"]}})", "ImplicitDeny");
    row("ForAllValues key missing", fav, "{}", "Allow");
    const char *fany = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}}]})";
    row("ForAnyValue one", fany, R"({"keys":{"aws:TagKeys":["c","a"]}})", "Allow");
    row("ForAnyValue none", fany, R"({"keys":{"aws:TagKeys":["c","d"]}})", "ImplicitDeny");
    row("ForAnyValue key missing", fany, "{}", "ImplicitDeny");
    // Policy variables
    const char *vu = R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:*:111111111111:${aws:username}-*"}]})";
    row("${aws:username} in resource", vu, R"({"resource":"arn:aws:sqs:ap-northeast-1:111111111111:alice-q"})", "Allow");
    row("${aws:username} other user", vu, R"({"resource":"arn:aws:sqs:ap-northeast-1:111111111111:bob-q"})", "ImplicitDeny");
    const char *va = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/acct":"${aws:PrincipalAccount}"}}}]})";
    row("${aws:PrincipalAccount} matches", va, R"({"keys":{"aws:RequestTag/acct":"111111111111"}})", "Allow");
    row("${aws:PrincipalAccount} differs", va, R"({"keys":{"aws:RequestTag/acct":"222222222222"}})", "ImplicitDeny");
    const char *vd = R"({"identity":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/env":"${aws:PrincipalTag/env, 'dev'}"}}}]})";
    row("variable default used", vd, R"({"keys":{"aws:RequestTag/env":"dev"}})", "Allow");
    row("variable default not used", vd, R"({"keys":{"aws:RequestTag/env":"prod","aws:PrincipalTag/env":"prod"}})", "Allow");
    row("variable default mismatch", vd, R"({"keys":{"aws:RequestTag/env":"prod"}})", "ImplicitDeny");
    // Layers: cross-account
    const char *remote = R"({"resource":"arn:aws:sqs:ap-northeast-1:222222222222:queue2"})";
    row("cross-account resource silent",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "resource":[{"Effect":"Allow","Principal":{"AWS":"333333333333"},"Action":"sqs:*","Resource":"*"}]})",
        remote, "ImplicitDeny");
    row("cross-account identity only",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]})", remote, "ImplicitDeny");
    row("cross-account both allow",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "resource":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sqs:*","Resource":"*"}]})",
        remote, "Allow");
    row("cross-account resource only",
        R"({"identity":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}],
            "resource":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sqs:*","Resource":"*"}]})",
        remote, "ImplicitDeny");
    row("same account resource alone",
        R"({"identity":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}],
            "resource":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sqs:*","Resource":"*"}]})",
        "{}", "Allow");
    row("resource policy deny",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "resource":[{"Effect":"Deny","Principal":"*","Action":"sqs:*","Resource":"*"}]})",
        "{}", "ExplicitDeny");
    // Endpoint, SCP, boundary
    row("endpoint allows",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "endpoint":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]})",
        "{}", "Allow");
    row("endpoint silent",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "endpoint":[{"Effect":"Allow","Principal":"*","Action":"sqs:ReceiveMessage","Resource":"*"}]})",
        "{}", "ImplicitDeny");
    row("endpoint alone does not grant",
        R"({"endpoint":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})",
        "{}", "ImplicitDeny");
    row("SCP allows",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "scp":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
        "{}", "Allow");
    row("SCP silent",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "scp":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]})",
        "{}", "ImplicitDeny");
    row("SCP deny",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "scp":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"sqs:SendMessage","Resource":"*"}]})",
        "{}", "ExplicitDeny");
    row("boundary within",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "boundary":[{"Effect":"Allow","Action":"sqs:Send*","Resource":"*"}]})",
        "{}", "Allow");
    row("boundary limits",
        R"({"identity":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}],
            "boundary":[{"Effect":"Allow","Action":"sqs:Receive*","Resource":"*"}]})",
        "{}", "ImplicitDeny");
    row("boundary does not grant",
        R"({"identity":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}],
            "boundary":[{"Effect":"Allow","Action":"*","Resource":"*"}]})",
        "{}", "ImplicitDeny");
}

void TestPolicyEngine::evaluator()
{
    QFETCH(QString, layers);
    QFETCH(QString, request);
    QFETCH(QString, expected);
    const json l = json::parse(layers.toStdString());
    std::vector<std::unique_ptr<Policy>> owned;
    auto take = [&](const char *name, DocumentKind kind) -> const Policy * {
        if (!l.contains(name))
            return nullptr;
        owned.push_back(parsed(l[name], kind));
        return owned.back().get();
    };
    PolicySet set;
    if (const Policy *p = take("identity", DocumentKind::Identity))
        set.identity.push_back(p);
    set.resource = take("resource", DocumentKind::Resource);
    set.endpoint = take("endpoint", DocumentKind::Resource);
    set.permissionsBoundary = take("boundary", DocumentKind::Identity);
    if (const Policy *p = take("scp", DocumentKind::Identity))
        set.scps.push_back(p);
    for (const auto &p : owned)
        QVERIFY2(p, "fixture policy did not parse");
    const RequestContext context = requestOf(json::parse(request.toStdString()));
    const EvaluationResult result = evaluate(context, set);
    QVERIFY2(decisionName(result.decision) == expected,
             qPrintable(QString("got %1, expected %2: %3")
                            .arg(decisionName(result.decision), expected,
                                 QString::fromStdString(result.reason))));

    // A policy built without the parser has no compiled form: the evaluator prepares it on
    // the spot and must decide alike, statement for statement.
    std::vector<Policy> plain;
    plain.reserve(owned.size());
    for (const auto &p : owned) {
        plain.push_back(*p);
        plain.back().compiled.reset();
    }
    auto plainOf = [&](const Policy *p) -> const Policy * {
        for (size_t i = 0; i < owned.size(); ++i)
            if (owned[i].get() == p)
                return &plain[i];
        return nullptr;
    };
    PolicySet uncompiled;
    for (const Policy *p : set.identity)
        uncompiled.identity.push_back(plainOf(p));
    for (const Policy *p : set.scps)
        uncompiled.scps.push_back(plainOf(p));
    uncompiled.resource = plainOf(set.resource);
    uncompiled.endpoint = plainOf(set.endpoint);
    uncompiled.permissionsBoundary = plainOf(set.permissionsBoundary);
    const EvaluationResult again = evaluate(context, uncompiled);
    QCOMPARE(decisionName(again.decision), decisionName(result.decision));
    QCOMPARE(again.layers.size(), result.layers.size());
    for (size_t i = 0; i < result.layers.size(); ++i)
        QCOMPARE(again.layers[i].statement, result.layers[i].statement);
}

void TestPolicyEngine::principals_data()
{
    QTest::addColumn<QString>("principalElement");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<bool>("matches");

    auto row = [](const char *name, const char *element, const char *caller, bool matches) {
        QTest::newRow(name) << QString::fromUtf8(element) << QString::fromUtf8(caller) << matches;
    };
    row("account id", R"({"AWS":"111111111111"})", kAlice, true);
    row("account id other", R"({"AWS":"222222222222"})", kAlice, false);
    row(":root", R"({"AWS":"arn:aws:iam::111111111111:root"})", kAlice, true);
    row(":root other account", R"({"AWS":"arn:aws:iam::222222222222:root"})", kAlice, false);
    row("user ARN", R"({"AWS":"arn:aws:iam::111111111111:user/alice"})", kAlice, true);
    row("user ARN other", R"({"AWS":"arn:aws:iam::111111111111:user/bob"})", kAlice, false);
    row("role ARN vs assumed-role session", R"({"AWS":"arn:aws:iam::111111111111:role/app"})",
        "arn:aws:sts::111111111111:assumed-role/app/session-1", true);
    row("role ARN vs other role session", R"({"AWS":"arn:aws:iam::111111111111:role/app"})",
        "arn:aws:sts::111111111111:assumed-role/other/session-1", false);
    row("star", R"("*")", "arn:aws:iam::999999999999:user/mallory", true);
    row("AWS star", R"({"AWS":"*"})", "arn:aws:iam::999999999999:user/mallory", true);
    row("list", R"({"AWS":["222222222222","arn:aws:iam::111111111111:root"]})", kAlice, true);
}

void TestPolicyEngine::principals()
{
    QFETCH(QString, principalElement);
    QFETCH(QString, caller);
    QFETCH(bool, matches);
    const json statement = {{"Effect", "Allow"},
                            {"Principal", json::parse(principalElement.toStdString())},
                            {"Action", "sqs:*"},
                            {"Resource", "*"}};
    const auto policy = parsed(json::array({statement}), DocumentKind::Resource);
    QVERIFY(policy);
    const RequestContext request(caller.toStdString(), "sqs:SendMessage", kQueue, {});
    const PolicyVerdict verdict = evaluatePolicy(*policy, request, true);
    QCOMPARE(verdict == PolicyVerdict::Allow, matches);
    QCOMPARE(verdict == PolicyVerdict::NotApplicable, !matches);
}

void TestPolicyEngine::referencePolicies_data()
{
    QTest::addColumn<QString>("which"); // "III" (with I) or "II"
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("expected");

    const char *op = "arn:aws:iam::111111111111:user/op-sato";
    const json full = {{"principal", op},
                       {"action", "sts:AssumeRole"},
                       {"resource", "arn:aws:iam::222222222222:role/ssm-role"},
                       {"keys",
                        {{"aws:SourceVpce", "vpce-0a1b2c3d4e5f60003"},
                         {"aws:MultiFactorAuthPresent", "true"},
                         {"sts:RoleSessionName", "op-sato"}}}};
    auto row = [](const char *name, const char *which, const json &r, const char *expected) {
        QTest::newRow(name) << QString(which) << QString::fromStdString(r.dump()) << QString(expected);
    };
    row("III operator allowed", "III", full, "Allow");
    for (const char *key : {"aws:SourceVpce", "aws:MultiFactorAuthPresent", "sts:RoleSessionName"}) {
        json r = full;
        r["keys"].erase(key);
        row(qPrintable(QString("III without %1").arg(key)), "III", r, "ImplicitDeny");
    }
    json r = full;
    r["keys"]["aws:SourceVpce"] = "vpce-0fffffffffffffff9";
    row("III other endpoint", "III", r, "ImplicitDeny");
    r = full;
    r["keys"]["aws:MultiFactorAuthPresent"] = "false";
    row("III MFA false", "III", r, "ImplicitDeny");
    r = full;
    r["keys"]["sts:RoleSessionName"] = "someone-else";
    row("III session name not the user", "III", r, "ImplicitDeny");
    r = full;
    r["principal"] = "arn:aws:iam::999999999999:user/op-sato";
    row("III outside account", "III", r, "ImplicitDeny");

    row("II outside account denied", "II",
        json{{"principal", "arn:aws:iam::999999999999:user/mallory"},
             {"action", "firehose:PutRecord"},
             {"resource", "arn:aws:firehose:ap-northeast-1:999999999999:deliverystream/exfil"}},
        "ExplicitDeny");
    row("II company account allowed", "II",
        json{{"principal", "arn:aws:iam::111111111111:user/op-sato"},
             {"action", "ssm:StartSession"},
             {"resource", "arn:aws:ssm:ap-northeast-1:111111111111:document/x"}},
        "Allow");
}

void TestPolicyEngine::referencePolicies()
{
    QFETCH(QString, which);
    QFETCH(QString, request);
    QFETCH(QString, expected);
    const auto loaded = io::loadDesignFromText(loadReference().dump());
    QVERIFY(loaded.design.has_value());
    const Design &design = *loaded.design;
    auto policyOfDesign = [&](const char *id, DocumentKind kind) {
        const PolicyDocument *doc = design.policy(Id(id));
        if (!doc)
            return ParseResult{};
        return parsePolicy(doc->document, kind);
    };
    const ParseResult i = policyOfDesign("pol-i-operators-assume-role", DocumentKind::Identity);
    const ParseResult ii = policyOfDesign("pol-ii-endpoint-company-only", DocumentKind::Resource);
    const ParseResult iii = policyOfDesign("pol-iii-ssm-role-trust", DocumentKind::Resource);
    QVERIFY(i.policy && ii.policy && iii.policy);
    for (const ParseResult *p : {&i, &ii, &iii})
        for (const auto &problem : p->problems)
            QVERIFY2(problem.warning, problem.message.c_str());

    const RequestContext ctx = requestOf(json::parse(request.toStdString()));
    PolicySet set;
    Policy everything;
    if (which == "III") {
        set.identity.push_back(&*i.policy);
        set.resource = &*iii.policy;
    } else {
        const auto all = parsed(json::array({{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}),
                                DocumentKind::Identity);
        QVERIFY(all);
        everything = *all;
        set.identity.push_back(&everything);
        set.endpoint = &*ii.policy;
        const PolicyVerdict v = evaluatePolicy(*ii.policy, ctx, true);
        QCOMPARE(v, expected == "ExplicitDeny" ? PolicyVerdict::Deny : PolicyVerdict::Allow);
    }
    const EvaluationResult result = evaluate(ctx, set);
    QVERIFY2(decisionName(result.decision) == expected,
             qPrintable(QString("got %1, expected %2: %3")
                            .arg(decisionName(result.decision), expected,
                                 QString::fromStdString(result.reason))));
}

QTEST_GUILESS_MAIN(TestPolicyEngine)
#include "tst_policyengine.moc"
