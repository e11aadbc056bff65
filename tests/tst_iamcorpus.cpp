// The IAM evaluator against the conformance corpus (tests/data/iam-corpus): several thousand
// requests over the brief's policies I–IV and their mutations, every condition operator,
// policy variables, Not* elements, same- and cross-account access, role trust, endpoint and
// session policies. expected.tsv holds the decision for each case, as AWS's documentation
// gives it (docs/iam-conformance.md says how the corpus was made and checked). One row per
// case through the evaluator API, then the whole corpus once through
// `heiiki policy simulate`.

#include "model/iam/evaluator.h"
#include "model/iam/policyparser.h"
#include "model/iam/request.h"
#include "testsupport.h"

#include <QtTest>

#include "model/core/json.h"

#include <functional>
#include <map>
#include <memory>
#include <set>

using namespace heiiki::model::iam;
using heiiki::tests::readBytes;
using heiiki::tests::sourcePath;
using json = heiiki::Json;

namespace {

QString casesPath()
{
    return sourcePath(QStringLiteral("tests/data/iam-corpus/cases.jsonl"));
}

/// name → decision, from a `name<TAB>decision` file.
std::map<std::string, std::string> readDecisions(const QByteArray &text)
{
    std::map<std::string, std::string> out;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split('\t');
        if (fields.size() >= 2)
            out[fields[0].toStdString()] = fields[1].toStdString();
    }
    return out;
}

std::vector<json> readCases()
{
    std::vector<json> cases;
    for (const QByteArray &line : readBytes(casesPath()).split('\n'))
        if (!line.trimmed().isEmpty())
            cases.push_back(json::parse(line.toStdString()));
    return cases;
}

/// Evaluates one corpus case as `heiiki policy simulate` does.
Decision decide(const json &c)
{
    const json &req = c.at("request");
    std::vector<std::pair<std::string, std::vector<std::string>>> keys;
    for (auto it = req.at("context").begin(); it != req.at("context").end(); ++it) {
        std::vector<std::string> values;
        if (it->is_array())
            for (const auto &v : *it)
                values.push_back(v.get<std::string>());
        else
            values.push_back(it->get<std::string>());
        keys.emplace_back(it.key(), std::move(values));
    }
    const RequestContext request(req.at("principal").get<std::string>(),
                                 req.at("action").get<std::string>(),
                                 req.at("resource").get<std::string>(), std::move(keys));
    std::vector<std::unique_ptr<Policy>> owned;
    auto parse = [&](const json &doc, DocumentKind kind) {
        ParseResult r = parsePolicy(doc, kind);
        owned.push_back(std::make_unique<Policy>(r.policy ? std::move(*r.policy) : Policy()));
        return owned.back().get();
    };
    auto optional = [&](const char *name, DocumentKind kind) -> const Policy * {
        const auto it = c.find(name);
        return it == c.end() || it->is_null() ? nullptr : parse(*it, kind);
    };
    PolicySet set;
    for (const auto &doc : c.at("identityPolicies"))
        set.identity.push_back(parse(doc, DocumentKind::Identity));
    set.resource = optional("resourcePolicy", DocumentKind::Resource);
    set.endpoint = optional("endpointPolicy", DocumentKind::Resource);
    set.session = optional("sessionPolicy", DocumentKind::Identity);
    return evaluate(request, set).decision;
}

} // namespace

class TestIamCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void coverage();
    void decision_data();
    void decision();
    void commandLine();

private:
    std::vector<json> m_cases;
    std::map<std::string, std::string> m_expected;
};

void TestIamCorpus::initTestCase()
{
    m_cases = readCases();
    m_expected = readDecisions(readBytes(sourcePath("tests/data/iam-corpus/expected.tsv")));
    QVERIFY2(m_cases.size() >= 2000, "the corpus has fewer than 2,000 cases");
    QCOMPARE(m_expected.size(), m_cases.size());
}

void TestIamCorpus::coverage()
{
    // The corpus must keep exercising what it was made for: every operator with and without
    // IfExists, both set qualifiers, the special variables, and every layer.
    std::set<std::string> operators;
    bool specials[3] = {false, false, false};
    bool endpoint = false, session = false, notPrincipal = false;
    std::function<void(const json &)> walk = [&](const json &v) {
        if (v.is_object()) {
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (it.key() == "Condition" && it->is_object())
                    for (auto op = it->begin(); op != it->end(); ++op)
                        operators.insert(op.key());
                notPrincipal = notPrincipal || it.key() == "NotPrincipal";
                walk(*it);
            }
        } else if (v.is_array()) {
            for (const auto &e : v)
                walk(e);
        } else if (v.is_string()) {
            const std::string &s = v.get_ref<const std::string &>();
            specials[0] = specials[0] || s.find("${*}") != std::string::npos;
            specials[1] = specials[1] || s.find("${?}") != std::string::npos;
            specials[2] = specials[2] || s.find("${$}") != std::string::npos;
        }
    };
    for (const json &c : m_cases) {
        walk(c);
        endpoint = endpoint || !c.at("endpointPolicy").is_null();
        session = session || !c.at("sessionPolicy").is_null();
    }
    for (const char *op : {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                           "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
                           "NumericEquals", "NumericNotEquals", "NumericLessThan",
                           "NumericLessThanEquals", "NumericGreaterThan",
                           "NumericGreaterThanEquals", "DateEquals", "DateNotEquals",
                           "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                           "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
                           "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
                           "ArnNotLike"}) {
        QVERIFY2(operators.count(op), op);
        QVERIFY2(operators.count(std::string(op) + "IfExists"), op);
    }
    QVERIFY(operators.count("Null"));
    QVERIFY(operators.count("ForAllValues:StringEquals"));
    QVERIFY(operators.count("ForAnyValue:StringLike"));
    QVERIFY2(specials[0] && specials[1] && specials[2], "${*} ${?} ${$} are all used");
    QVERIFY(endpoint);
    QVERIFY(session);
    QVERIFY(notPrincipal);
}

void TestIamCorpus::decision_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expected");
    for (size_t i = 0; i < m_cases.size(); ++i) {
        const std::string name = m_cases[i].at("name").get<std::string>();
        const auto it = m_expected.find(name);
        QTest::newRow(name.c_str())
            << int(i) << QString::fromStdString(it == m_expected.end() ? "(none)" : it->second);
    }
}

void TestIamCorpus::decision()
{
    QFETCH(int, index);
    QFETCH(QString, expected);
    const Decision d = decide(m_cases[size_t(index)]);
    QCOMPARE(QString::fromUtf8(toString(d).data(), qsizetype(toString(d).size())), expected);
}

void TestIamCorpus::commandLine()
{
    QProcess process;
    process.start(QStringLiteral(HEIIKI_BINARY),
                  {QStringLiteral("policy"), QStringLiteral("simulate"), QStringLiteral("--cases"),
                   casesPath()});
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    QCOMPARE(process.exitCode(), 0);
    const auto got = readDecisions(process.readAllStandardOutput());
    QStringList wrong;
    for (const auto &[name, decision] : m_expected) {
        const auto it = got.find(name);
        if (it == got.end() || it->second != decision)
            wrong << QStringLiteral("%1: got %2, expected %3")
                         .arg(QString::fromStdString(name),
                              QString::fromStdString(it == got.end() ? "nothing" : it->second),
                              QString::fromStdString(decision));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join('\n')));
    QCOMPARE(got.size(), m_expected.size());
}

QTEST_GUILESS_MAIN(TestIamCorpus)
#include "tst_iamcorpus.moc"
