// The policy bundle of a design: the documents a build team applies with the AWS CLI. The
// reference design's bundle re-parses, lints clean, holds the real ids and matches the golden
// files (HEIIKI_UPDATE_GOLDEN=1 rewrites them); its manifest lists every file; folder and zip
// round trips keep every byte; a broken control shows as a problem; bad targets say why.

#include "model/export/bundlewriter.h"
#include "model/export/policybundle.h"
#include "model/iam/policyparser.h"
#include "model/io/designfile.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace heiiki::model;
using namespace heiiki::model::exporting;
using json = heiiki::Json;
namespace fs = std::filesystem;

namespace {

const char *kGolden = "tests/data/bundle-golden/reference-tokyo";

json referenceJson()
{
    return json::parse(heiiki::tests::readText(heiiki::tests::sourcePath(
        QStringLiteral("resources/samples/reference-tokyo.heiiki.json"))));
}

Design load(const json &document)
{
    auto result = io::loadDesignFromText(document.dump());
    if (!result.design)
        qFatal("fixture: the design does not load");
    return std::move(*result.design);
}

Design loadSample(const char *name)
{
    auto result = io::loadDesignFile(
        heiiki::tests::sourcePath(QStringLiteral("resources/samples/") + name).toStdString());
    if (!result.design)
        qFatal("fixture: cannot read %s", name);
    return std::move(*result.design);
}

json &policyOf(json &design, const std::string &id)
{
    for (auto &p : design["policies"])
        if (p["id"] == id)
            return p;
    qFatal("fixture: no policy %s", id.c_str());
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Every regular file under \a root, relative, '/'-separated.
std::set<std::string> filesUnder(const fs::path &root)
{
    std::set<std::string> out;
    for (const auto &entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            out.insert(entry.path().lexically_relative(root).generic_string());
    return out;
}

/// A set as one line, for QCOMPARE.
std::string joined(const std::set<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : " ") + i;
    return out;
}

std::set<std::string> pathsOf(const PolicyBundle &bundle)
{
    std::set<std::string> out;
    for (const auto &f : bundle.files)
        out.insert(f.path);
    return out;
}

/// The entries of a zip archive, read back with libzip.
std::map<std::string, std::string> readZip(const fs::path &path)
{
    std::map<std::string, std::string> entries;
    int error = 0;
    zip_t *archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!archive)
        return entries;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive, zip_uint64_t(i), 0, &st) < 0)
            continue;
        std::string data(st.size, '\0');
        zip_file_t *file = zip_fopen_index(archive, zip_uint64_t(i), 0);
        if (!file)
            continue;
        const zip_int64_t read = zip_fread(file, data.data(), st.size);
        zip_fclose(file);
        if (read == zip_int64_t(st.size))
            entries[st.name] = data;
    }
    zip_close(archive);
    return entries;
}

bool isIamDocument(const BundleFile &f)
{
    return f.kind == BundleFileKind::IdentityPolicy || f.kind == BundleFileKind::TrustPolicy
           || f.kind == BundleFileKind::EndpointPolicy;
}

} // namespace

class TestPolicyBundle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void referenceBundleIsClean();
    void holdsTheReferenceDocuments();
    void documentsReparseAndLintClean_data();
    void documentsReparseAndLintClean();
    void firewallRuleGroups();
    void matchesGoldenFiles();
    void manifestListsEveryFile();
    void readmeSaysWhatAppliesWhat();
    void isDeterministic();
    void folderRoundTrip();
    void zipRoundTrip();
    void brokenControlIIIsAProblem();
    void lintFindingIsAProblem();
    void missingEndpointPolicyIsGenerated();
    void designWithErrorsStillExports();
    void unwritableTargetsSayWhy();

private:
    Design m_reference;
    PolicyBundle m_bundle;
};

void TestPolicyBundle::initTestCase()
{
    m_reference = loadSample("reference-tokyo.heiiki.json");
    m_bundle = buildPolicyBundle(m_reference);
}

void TestPolicyBundle::referenceBundleIsClean()
{
    // The reference design validates clean and blocks every attack, with its own documents.
    for (const auto &w : m_bundle.warnings)
        qWarning("warning: %s", w.c_str());
    for (const auto &p : m_bundle.problems)
        qWarning("problem: %s %s", p.file.c_str(), p.message.c_str());
    QVERIFY(m_bundle.warnings.empty());
    QVERIFY(m_bundle.problems.empty());
}

void TestPolicyBundle::holdsTheReferenceDocuments()
{
    // Per account: policy I for the operators' group, III and IV for ssm-role, II per endpoint.
    const BundleFile *i
        = m_bundle.file("111111111111/iam/policies/pol-i-operators-assume-role.json");
    QVERIFY(i);
    QCOMPARE(i->control, std::string("I"));
    QCOMPARE(i->elements.size(), size_t(1));
    QCOMPARE(i->elements.front().id.str(), std::string("iam-group-operators"));
    QCOMPARE(i->commands.size(), size_t(2));
    QCOMPARE(i->commands.at(1),
             std::string("aws iam attach-group-policy --group-name operators --policy-arn "
                         "arn:aws:iam::111111111111:policy/pol-i-operators-assume-role"));
    QCOMPARE(json::parse(i->content).dump(),
             m_reference.policy(Id("pol-i-operators-assume-role"))->document.dump());

    const BundleFile *iii = m_bundle.file("222222222222/iam/roles/ssm-role-trust-policy.json");
    QVERIFY(iii);
    QCOMPARE(iii->control, std::string("III"));
    QCOMPARE(iii->commands.front(),
             std::string("aws iam update-assume-role-policy --role-name ssm-role "
                         "--policy-document file://222222222222/iam/roles/"
                         "ssm-role-trust-policy.json"));
    QVERIFY(iii->content.find("vpce-0a1b2c3d4e5f60003") != std::string::npos);

    const BundleFile *iv
        = m_bundle.file("222222222222/iam/policies/pol-iv-ssm-role-start-session.json");
    QVERIFY(iv);
    QCOMPARE(iv->control, std::string("IV"));
    QVERIFY(iv->content.find("arn:aws:ec2:ap-northeast-1:222222222222:instance/*")
            != std::string::npos);

    int endpoints = 0;
    for (const auto &e : m_reference.elements()) {
        if (e->kind != ElementKind::VpcEndpoint)
            continue;
        ++endpoints;
        const std::string account
            = e->parent.str().find("op") != std::string::npos ? "111111111111" : "222222222222";
        const BundleFile *ii = m_bundle.file(account + "/vpce/" + e->id.str() + ".json");
        QVERIFY2(ii, e->id.str().c_str());
        QCOMPARE(ii->control, std::string("II"));
        QCOMPARE(ii->region, std::string("ap-northeast-1"));
        const std::string vpce = e->property("endpointId").get<std::string>();
        QCOMPARE(ii->commands.front(),
                 "aws ec2 modify-vpc-endpoint --region ap-northeast-1 --vpc-endpoint-id " + vpce
                     + " --policy-document file://" + ii->path);
    }
    QCOMPARE(endpoints, 8);
    // No placeholders anywhere.
    for (const auto &f : m_bundle.files)
        for (const char *placeholder : {"<", "ACCOUNT_ID", "123456789012", "REPLACE"})
            if (f.kind != BundleFileKind::Readme && f.kind != BundleFileKind::SuricataRules)
                QVERIFY2(f.content.find(placeholder) == std::string::npos, f.path.c_str());
}

void TestPolicyBundle::documentsReparseAndLintClean_data()
{
    QTest::addColumn<QString>("path");
    int documents = 0;
    for (const auto &f : buildPolicyBundle(loadSample("reference-tokyo.heiiki.json")).files)
        if (isIamDocument(f)) {
            QTest::newRow(f.path.c_str()) << QString::fromStdString(f.path);
            ++documents;
        }
    QVERIFY(documents >= 13);
}

void TestPolicyBundle::documentsReparseAndLintClean()
{
    QFETCH(QString, path);
    const BundleFile *f = m_bundle.file(path.toStdString());
    QVERIFY(f);
    const json document = json::parse(f->content, nullptr, false);
    QVERIFY(!document.is_discarded());
    QCOMPARE(document.value("Version", ""), std::string("2012-10-17"));
    const auto kind = f->kind == BundleFileKind::IdentityPolicy ? iam::DocumentKind::Identity
                                                                : iam::DocumentKind::Resource;
    const auto result = iam::parsePolicy(document, kind);
    QVERIFY(result.policy);
    for (const auto &p : result.problems)
        qWarning("%s: %s", p.pointer.c_str(), p.message.c_str());
    QVERIFY(result.problems.empty());
    // Written as the design holds it.
    QVERIFY(!f->generated);
    QCOMPARE(document.dump(), m_reference.policy(f->policy)->document.dump());
}

void TestPolicyBundle::firewallRuleGroups()
{
    const char *stem = "network-firewall/nfw-egress/allow-os-patch-repositories";
    const BundleFile *group = m_bundle.file(std::string(stem) + ".json");
    QVERIFY(group);
    const json g = json::parse(group->content);
    QCOMPARE(g["RuleVariables"]["IPSets"]["HOME_NET"]["Definition"].dump(),
             json({"10.20.0.0/16", "10.30.0.0/16"}).dump());
    const json &list = g["RulesSource"]["RulesSourceList"];
    QCOMPARE(list["Targets"].dump(),
             json({"ap-northeast-1.ec2.archive.ubuntu.com", "security.ubuntu.com"}).dump());
    QCOMPARE(list["TargetTypes"].dump(), json({"TLS_SNI", "HTTP_HOST"}).dump());
    QCOMPARE(list["GeneratedRulesType"].dump(), json("ALLOWLIST").dump());
    // aws:drop_established needs strict order in the policy and its rule groups.
    QCOMPARE(g["StatefulRuleOptions"]["RuleOrder"].dump(), json("STRICT_ORDER").dump());
    QCOMPARE(group->commands.front(),
             std::string("aws network-firewall create-rule-group --region ap-northeast-1 "
                         "--rule-group-name allow-os-patch-repositories --type STATEFUL "
                         "--capacity 100 --rule-group file://"
                         + group->path));

    const BundleFile *rules = m_bundle.file(std::string(stem) + ".rules");
    QVERIFY(rules);
    const std::string &text = rules->content;
    QVERIFY(text.find("pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; "
                      "tls.sni; content:\"security.ubuntu.com\"; startswith; nocase; endswith;")
            != std::string::npos);
    QVERIFY(text.find("pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; "
                      "content:\"security.ubuntu.com\"; startswith; endswith;")
            != std::string::npos);
    QVERIFY(text.find("drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:\"not matching any TLS "
                      "allowlisted FQDNs\";")
            != std::string::npos);
    QVERIFY(text.find("drop http $HOME_NET any -> $EXTERNAL_NET any (http.header_names;")
            != std::string::npos);
    QVERIFY(text.find("sid:6; rev:1;)\n") != std::string::npos); // 2 domains × 2 types + 2 drops
    QVERIFY(text.find("sid:7;") == std::string::npos);
    QVERIFY(m_bundle.file("network-firewall/nfw-egress/allow-av-saas-manager.json"));
}

void TestPolicyBundle::matchesGoldenFiles()
{
    const fs::path golden = heiiki::tests::sourcePath(QString::fromLatin1(kGolden)).toStdString();
    if (qEnvironmentVariableIsSet("HEIIKI_UPDATE_GOLDEN"))
        writeBundleToDirectory(m_bundle, golden);
    QVERIFY2(fs::is_directory(golden), "no golden files; run with HEIIKI_UPDATE_GOLDEN=1");
    QCOMPARE(joined(filesUnder(golden)), joined(pathsOf(m_bundle)));
    for (const auto &f : m_bundle.files) {
        const std::string stored = readFile(golden / f.path);
        if (stored != f.content)
            qWarning("%s differs from the golden file; HEIIKI_UPDATE_GOLDEN=1 rewrites it",
                     f.path.c_str());
        QCOMPARE(stored, f.content);
    }
}

void TestPolicyBundle::manifestListsEveryFile()
{
    const BundleFile *m = m_bundle.file("manifest.json");
    QVERIFY(m);
    const json manifest = json::parse(m->content);
    QCOMPARE(manifest.value("format", ""), std::string("heiiki-policy-bundle"));
    std::set<std::string> listed;
    for (const auto &entry : manifest["files"]) {
        const std::string path = entry["path"];
        listed.insert(path);
        const BundleFile *f = m_bundle.file(path);
        QVERIFY2(f, path.c_str());
        QCOMPARE(entry["kind"].get<std::string>(), std::string(toString(f->kind)));
        QVERIFY(!entry["description"].get<std::string>().empty());
        if (f->kind == BundleFileKind::Readme)
            continue;
        QVERIFY2(entry.contains("account") && entry.contains("elements"), path.c_str());
        for (const auto &e : entry["elements"]) {
            const Element *element = m_reference.element(Id(e["id"].get<std::string>()));
            QVERIFY(element);
            QCOMPARE(e["name"].get<std::string>(), element->name);
        }
        if (f->kind != BundleFileKind::SuricataRules) {
            QVERIFY(!entry["commands"].empty());
            QVERIFY2(entry["commands"][0].get<std::string>().find("file://" + path)
                         != std::string::npos,
                     path.c_str());
        }
    }
    std::set<std::string> expected = pathsOf(m_bundle);
    expected.erase("manifest.json");
    QCOMPARE(joined(listed), joined(expected));
    QVERIFY(manifest["problems"].empty());
}

void TestPolicyBundle::readmeSaysWhatAppliesWhat()
{
    const BundleFile *readme = m_bundle.file("README.md");
    QVERIFY(readme);
    const std::string &text = readme->content;
    for (const auto &f : m_bundle.files)
        if (f.kind != BundleFileKind::Readme && f.kind != BundleFileKind::Manifest) {
            QVERIFY2(text.find("`" + f.path + "`") != std::string::npos, f.path.c_str());
            for (const auto &c : f.commands)
                QVERIFY2(text.find(c) != std::string::npos, c.c_str());
        }
    // In order: roles' trust, then permission policies, then endpoints, then the firewall.
    const auto steps = text.find("## 1.");
    QVERIFY(steps != std::string::npos);
    const auto trust = text.find("  aws iam update-assume-role-policy", steps);
    const auto create = text.find("  aws iam create-policy", steps);
    const auto endpoint = text.find("  aws ec2 modify-vpc-endpoint", steps);
    const auto firewall = text.find("  aws network-firewall create-rule-group", steps);
    QVERIFY(trust < create && create < endpoint && endpoint < firewall);
    QVERIFY(firewall != std::string::npos);
    QVERIFY(text.find("all blocked") != std::string::npos);
}

void TestPolicyBundle::isDeterministic()
{
    const PolicyBundle again = buildPolicyBundle(loadSample("reference-tokyo.heiiki.json"));
    QCOMPARE(again.files.size(), m_bundle.files.size());
    for (size_t i = 0; i < again.files.size(); ++i) {
        QCOMPARE(again.files[i].path, m_bundle.files[i].path);
        QCOMPARE(again.files[i].content, m_bundle.files[i].content);
    }
}

void TestPolicyBundle::folderRoundTrip()
{
    QTemporaryDir temp;
    const fs::path target = fs::path(temp.path().toStdString()) / "out" / "bundle";
    writeBundleToDirectory(m_bundle, target);
    QCOMPARE(joined(filesUnder(target)), joined(pathsOf(m_bundle)));
    for (const auto &f : m_bundle.files)
        QCOMPARE(readFile(target / f.path), f.content);
    // Exporting again replaces the earlier bundle, and leaves nothing else beside it.
    writeBundleToDirectory(m_bundle, target);
    QCOMPARE(joined(filesUnder(target)), joined(pathsOf(m_bundle)));
    QCOMPARE(filesUnder(target.parent_path()).size(), m_bundle.files.size());
    // A folder of something else is not overwritten.
    const fs::path other = fs::path(temp.path().toStdString()) / "notes";
    fs::create_directories(other);
    std::ofstream(other / "keep.txt") << "mine";
    QVERIFY_THROWS_EXCEPTION(BundleWriteError, writeBundleToDirectory(m_bundle, other));
    QCOMPARE(joined(filesUnder(other)), std::string("keep.txt"));
}

void TestPolicyBundle::zipRoundTrip()
{
    QTemporaryDir temp;
    const fs::path zip = fs::path(temp.path().toStdString()) / "bundle.zip";
    writeBundleToZip(m_bundle, zip);
    const auto entries = readZip(zip);
    QCOMPARE(entries.size(), m_bundle.files.size());
    for (const auto &f : m_bundle.files) {
        QVERIFY2(entries.count(f.path), f.path.c_str());
        QCOMPARE(entries.at(f.path), f.content);
    }
    // The same bundle gives the same archive, and writing over it leaves no temporary file.
    const std::string first = readFile(zip);
    writeBundleToZip(m_bundle, zip);
    QCOMPARE(readFile(zip), first);
    QCOMPARE(joined(filesUnder(temp.path().toStdString())), std::string("bundle.zip"));
}

void TestPolicyBundle::brokenControlIIIsAProblem()
{
    // Policy II loses its Deny of outside principals: credentials brought in pass the
    // endpoints, so SCN-001 succeeds with the bundle's documents. The bundle is still made.
    json design = referenceJson();
    json &statements = policyOf(design, "pol-ii-endpoint-company-only")["document"]["Statement"];
    statements.erase(statements.begin());
    const PolicyBundle bundle = buildPolicyBundle(load(design));
    bool scenario = false;
    for (const auto &p : bundle.problems)
        scenario
            = scenario || (p.check == "scenario" && p.message.find("SCN-001") != std::string::npos);
    QVERIFY(scenario);
    QVERIFY(bundle.file("222222222222/vpce/endpoint-work-s3.json"));
    const json manifest = json::parse(bundle.file("manifest.json")->content);
    QVERIFY(!manifest["problems"].empty());
    QVERIFY(bundle.file("README.md")->content.find("## Problems") != std::string::npos);
}

void TestPolicyBundle::lintFindingIsAProblem()
{
    json design = referenceJson();
    policyOf(design, "pol-iv-ssm-role-start-session")["document"]["Statement"][0]["Action"]
        = "ssm:StartSesion";
    const PolicyBundle bundle = buildPolicyBundle(load(design));
    bool found = false;
    for (const auto &p : bundle.problems)
        found = found
                || (p.check == "lint"
                    && p.file == "222222222222/iam/policies/pol-iv-ssm-role-start-session.json"
                    && p.message.find("/Statement/0/Action") != std::string::npos);
    QVERIFY(found);
}

void TestPolicyBundle::missingEndpointPolicyIsGenerated()
{
    // Without any policy II the exporter writes the template's II for every endpoint, says
    // so, and the attacks are blocked with those documents.
    json design = referenceJson();
    auto &policies = design["policies"];
    for (auto it = policies.begin(); it != policies.end(); ++it)
        if ((*it)["id"] == "pol-ii-endpoint-company-only") {
            policies.erase(it);
            break;
        }
    auto &links = design["links"];
    for (auto it = links.begin(); it != links.end();)
        it = (*it)["to"] == "pol-ii-endpoint-company-only" ? links.erase(it) : it + 1;
    const PolicyBundle bundle = buildPolicyBundle(load(design));
    const BundleFile *ii = bundle.file("111111111111/vpce/endpoint-op-sts.json");
    QVERIFY(ii);
    QVERIFY(ii->generated);
    QCOMPARE(json::parse(ii->content).dump(),
             m_reference.policy(Id("pol-ii-endpoint-company-only"))->document.dump());
    QVERIFY(bundle.problems.empty());
    bool generated = false;
    bool validation = false;
    for (const auto &w : bundle.warnings) {
        generated = generated || w.find("policy II generated") != std::string::npos;
        validation = validation || w.find("validation error") != std::string::npos;
    }
    QVERIFY(generated);
    QVERIFY(validation); // the design itself fails IAM-003 and SCN-001
}

void TestPolicyBundle::designWithErrorsStillExports()
{
    const PolicyBundle bundle = buildPolicyBundle(loadSample("initial-privatelink.heiiki.json"));
    QVERIFY(bundle.file("manifest.json"));
    QVERIFY(bundle.file("README.md"));
    bool net011 = false;
    for (const auto &w : bundle.warnings)
        net011 = net011 || w.find("NET-011") != std::string::npos;
    QVERIFY(net011);
    QVERIFY(bundle.file("README.md")->content.find("NET-011") != std::string::npos);
}

void TestPolicyBundle::unwritableTargetsSayWhy()
{
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    std::ofstream(root / "plain-file") << "x";
    const fs::path folder = root / "plain-file" / "bundle";
    try {
        writeBundleToDirectory(m_bundle, folder);
        QFAIL("a folder under a file was written");
    } catch (const BundleWriteError &e) {
        QVERIFY2(std::string(e.what()).find("plain-file") != std::string::npos, e.what());
        QVERIFY(!e.reason().empty());
    }
    try {
        writeBundleToZip(m_bundle, root / "plain-file" / "bundle.zip");
        QFAIL("a zip under a file was written");
    } catch (const BundleWriteError &e) {
        QVERIFY2(std::string(e.what()).find("plain-file") != std::string::npos, e.what());
    }
    try {
        writeBundleToZip(m_bundle, root);
        QFAIL("a zip over a folder was written");
    } catch (const BundleWriteError &e) {
        QCOMPARE(e.reason(), std::string("is a folder"));
    }
    // Nothing half-written was left behind.
    QCOMPARE(joined(filesUnder(root)), std::string("plain-file"));
    QCOMPARE(readFile(root / "plain-file"), std::string("x"));
}

QTEST_GUILESS_MAIN(TestPolicyBundle)
#include "tst_policybundle.moc"
