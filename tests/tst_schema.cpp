// The published JSON Schema (resources/schema/heiiki-design.schema.json) and the loader agree:
// every sample passes both, and every file broken in its shape fails both. Tools that check
// designs with the schema (editors, CI) then refuse what Heiiki refuses.

#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "model/io/migration.h"
#include "testsupport.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QtTest>

#include <memory>

using namespace heiiki::model;
using heiiki::tests::readText;
using heiiki::tests::samplePaths;
using heiiki::tests::sourcePath;
using json = heiiki::Json;

namespace {

/// Broken files (tests/data/broken/) whose defect is one of shape — a member, type, enum,
/// pattern, range or count that a JSON Schema states — so the schema must refuse them too,
/// at the given place (a JSON pointer; for an unknown member, the object that holds it).
struct ShapeError
{
    const char *file;
    const char *schemaPointer;
};
const ShapeError kShapeErrors[] = {
    {"not-an-object", ""},
    {"wrong-format", "/format"},
    {"missing-schema-version", ""},
    {"newer-schema-version", "/schemaVersion"},
    {"missing-settings", ""},
    {"unknown-member-root", ""},
    {"unknown-member-element", "/elements/6"},
    {"unknown-element-kind", "/elements/7/kind"},
    {"unknown-link-kind", "/links/0/kind"},
    {"bad-id", "/elements/4/id"},
    {"wrong-type-member", "/accounts/0/external"},
    {"wrong-type-elements", "/elements"},
    {"wrong-type-property", "/elements/1/properties/enableDnsSupport"},
    {"unknown-property", "/elements/1/properties"},
    {"bad-enum-property", "/elements/3/properties/role"},
    {"bad-enum-policy-type", "/policies/0/type"},
    {"bad-enum-flow-expect", "/flows/0/expect"},
    {"bad-account-id", "/accounts/0/id"},
    {"bad-organization-account", "/settings/organizationAccounts/0"},
    {"unknown-region", "/elements/0/properties/region"},
    {"unknown-allowed-region", "/settings/allowedRegions/1"},
    {"cidr-bad-prefix", "/elements/3/properties/cidr"},
    {"cidr-garbage", "/elements/5/properties/inbound/0/cidr"},
    {"port-out-of-range", "/elements/5/properties/inbound/0/fromPort"},
    {"asn-out-of-range", "/elements/1/properties/asn"},
    {"route-destination-garbage", "/elements/3/properties/routes/0/destination"},
    {"missing-table-column", "/elements/3/properties/routes/0"},
    {"unknown-table-column", "/elements/5/properties/inbound/0"},
    {"policy-without-document", "/policies/0"},
    {"flow-two-targets", "/flows/0/target"},
    {"flow-bad-domain", "/flows/0/target/domain"},
    {"bad-port-range", "/flows/0/port"},
    {"bad-port-overflow", "/flows/0/port"},
    {"bad-port-type", "/flows/0/port"},
    {"negative-geometry", "/elements/1/geometry/width"},
};

/// Broken files whose defect is one of meaning, which only the loader can judge: unique
/// ids, references and their kinds, containment, link ends, CIDR host bits, listed accounts.
/// The schema may accept them. Files that are not JSON at all are not listed.
const char *const kMeaningErrors[] = {
    "account-element-unlisted",
    "cidr-host-bits",
    "containment-cycle",
    "dangling-flow-source",
    "dangling-link-end",
    "dangling-parent",
    "dangling-route-target",
    "duplicate-element-id",
    "duplicate-id-flow-policy",
    "duplicate-id-link-element",
    "duplicate-member",
    "ec2-in-vpc",
    "link-wrong-ends",
    "ref-wrong-kind",
    "ref-wrong-kind-list",
    "subnet-in-region",
    "vpc-at-top-level",
};

/// valijson's context ("<root>[elements][3][kind]") as a JSON pointer ("/elements/3/kind").
std::string toPointer(const std::vector<std::string> &context)
{
    std::string pointer;
    for (const std::string &part : context) {
        if (part == "<root>")
            continue;
        std::string token = part;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
            token = token.substr(1, token.size() - 2);
        if (token.size() >= 2 && token.front() == '"' && token.back() == '"')
            token = token.substr(1, token.size() - 2);
        pointer += "/" + token;
    }
    return pointer;
}

QByteArray describe(const io::LoadErrors &errors)
{
    QByteArray text;
    for (const auto &e : errors)
        text += "\n    " + QByteArray::fromStdString(e.format("file"));
    return text;
}

/// A design document with nothing in it but what the loader requires.
json emptyDocument()
{
    return {{"format", "heiiki-design"},
            {"schemaVersion", io::kCurrentSchemaVersion},
            {"settings",
             {{"name", "catalogue values"},
              {"allowedRegions", json::array()},
              {"organizationAccounts", json::array()}}},
            {"accounts", json::array()},
            {"elements", json::array()},
            {"links", json::array()},
            {"policies", json::array()},
            {"flows", json::array()}};
}

/// Adds an element of \a kind to \a doc inside a chain of valid parents; returns its id.
std::string place(json &doc, ElementKind kind)
{
    const ElementKindInfo &info = Catalogue::instance().info(kind);
    json element{{"id", info.name + "-" + std::to_string(doc["elements"].size())},
                 {"kind", info.name}};
    if (!info.topLevel)
        element["parent"] = place(doc, info.parents.front());
    doc["elements"].push_back(element);
    return element["id"].get<std::string>();
}

} // namespace

class tst_Schema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void schemaHeader();
    void validFile_data();
    void validFile();
    void builtDesign();
    void shapeError_data();
    void shapeError();
    void everyBrokenFileIsClassified();
    void catalogueValues_data();
    void catalogueValues();

private:
    /// Validates \a document; returns the schema's complaints as (JSON pointer, description),
    /// innermost first, or nothing when it is valid.
    std::vector<std::pair<std::string, std::string>> schemaErrors(const json &document) const;
    static QByteArray show(const std::vector<std::pair<std::string, std::string>> &errors);

    nlohmann::json m_schemaDocument; // valijson's adapter reads nlohmann's own json type
    std::unique_ptr<valijson::Schema> m_schema;
};

void tst_Schema::initTestCase()
{
    const QString path = sourcePath("resources/schema/heiiki-design.schema.json");
    QVERIFY2(QFile::exists(path), qPrintable(path + " is missing"));
    try {
        m_schemaDocument = nlohmann::json::parse(readText(path));
        m_schema = std::make_unique<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(m_schemaDocument), *m_schema);
    } catch (const std::exception &e) {
        QFAIL(qPrintable(QStringLiteral("the schema does not load: ") + e.what()));
    }
}

std::vector<std::pair<std::string, std::string>>
tst_Schema::schemaErrors(const json &document) const
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    const nlohmann::json plain(document);
    if (validator.validate(*m_schema, valijson::adapters::NlohmannJsonAdapter(plain), &results))
        return {};
    std::vector<std::pair<std::string, std::string>> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error))
        errors.emplace_back(toPointer(error.context), error.description);
    if (errors.empty())
        errors.emplace_back("", "invalid, with no details");
    return errors;
}

QByteArray tst_Schema::show(const std::vector<std::pair<std::string, std::string>> &errors)
{
    QByteArray text;
    for (const auto &[pointer, description] : errors)
        text += "\n    " + QByteArray::fromStdString(pointer.empty() ? "(root)" : pointer) + ": "
                + QByteArray::fromStdString(description);
    return text;
}

void tst_Schema::schemaHeader()
{
    QCOMPARE(m_schemaDocument.value("$schema", ""),
             std::string("http://json-schema.org/draft-07/schema#"));
    QCOMPARE(m_schemaDocument.value("type", ""), std::string("object"));
}

void tst_Schema::validFile_data()
{
    QTest::addColumn<QString>("path");

    QStringList paths = samplePaths();
    QVERIFY2(!paths.isEmpty(), "resources/samples holds no *.heiiki.json");
    paths << sourcePath("tests/data/valid/minimal.heiiki.json");
    for (const QString &path : paths)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_Schema::validFile()
{
    QFETCH(QString, path);

    const std::string text = readText(path);
    const json document = json::parse(text);
    const auto complaints = schemaErrors(document);
    QVERIFY2(complaints.empty(), "the schema refuses a valid design:" + show(complaints));

    const auto loaded = io::loadDesignFromText(text);
    QVERIFY2(loaded.design, describe(loaded.errors));
}

// What Heiiki writes, the schema accepts: a design using every part of the format.
void tst_Schema::builtDesign()
{
    Design d;
    d.settings().name = "every part";
    d.settings().description = "for the schema";
    d.settings().allowedRegions = {"ap-northeast-1"};
    d.settings().organizationAccounts = {"111111111111"};
    d.settings().organizationId = "o-abc123";
    d.accounts() = {{"111111111111", "operator", false}, {"999999999999", "vendor", true}};
    auto add = [&](const char *id, ElementKind kind, const char *parent, json props) {
        Element e;
        e.id = Id(id);
        e.kind = kind;
        e.name = id;
        e.parent = parent ? Id(parent) : Id();
        e.properties = std::move(props);
        e.geometry = Geometry{10, 20.5, 300, 200};
        d.addElement(std::move(e));
    };
    add("acct", ElementKind::Account, nullptr, {{"accountId", "111111111111"}});
    add("tokyo", ElementKind::Region, "acct", {{"region", "ap-northeast-1"}});
    add("vpc", ElementKind::Vpc, "tokyo", {{"cidrs", {"10.0.0.0/16"}}});
    add("tgw", ElementKind::TransitGateway, "tokyo", json::object());
    add("role", ElementKind::IamRole, "acct", json::object());
    d.addLink({Id("att"),
               LinkKind::TgwAttachment,
               "attachment",
               Id("vpc"),
               Id("tgw"),
               {{"applianceMode", false}}});
    d.addLink({Id("pol-link"), LinkKind::Policy, "", Id("role"), Id("pol"), json::object()});
    d.addPolicy({Id("pol"),
                 "trust",
                 PolicyType::Trust,
                 {{"Version", "2012-10-17"}, {"Statement", json::array()}}});
    d.flows().push_back({Id("flow"),
                         "patches",
                         Id("vpc"),
                         {FlowTarget::Kind::Domain, "updates.example.com"},
                         "tcp",
                         443,
                         12.5,
                         false,
                         "session-manager"});

    const std::string text = io::designToText(d);
    const auto loaded = io::loadDesignFromText(text);
    QVERIFY2(loaded.design, describe(loaded.errors));
    const auto complaints = schemaErrors(json::parse(text));
    QVERIFY2(complaints.empty(), "the schema refuses what Heiiki writes:" + show(complaints));
}

void tst_Schema::shapeError_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("schemaPointer");

    for (const ShapeError &e : kShapeErrors)
        QTest::newRow(e.file) << sourcePath(
            QStringLiteral("tests/data/broken/%1.heiiki.json").arg(QLatin1String(e.file)))
                              << QString::fromUtf8(e.schemaPointer);
}

void tst_Schema::shapeError()
{
    QFETCH(QString, path);
    QFETCH(QString, schemaPointer);

    QVERIFY2(QFile::exists(path), qPrintable(path));
    const std::string text = readText(path);
    const json document = json::parse(text);
    const auto complaints = schemaErrors(document);
    QVERIFY2(!complaints.empty(), "the schema accepts a file the loader refuses");
    // The schema refuses it for the defect, not for something else.
    const bool there = std::any_of(complaints.begin(), complaints.end(), [&](const auto &c) {
        return QString::fromStdString(c.first) == schemaPointer;
    });
    QVERIFY2(there, "no schema error at " + schemaPointer.toUtf8() + ":" + show(complaints));

    const auto loaded = io::loadDesignFromText(text);
    QVERIFY2(!loaded.design, "the loader accepts a file the schema refuses:" + show(complaints));
    QVERIFY(!loaded.errors.empty());
}

// A broken file added without saying whether the schema must refuse it would test nothing
// here.
void tst_Schema::everyBrokenFileIsClassified()
{
    const QDir dir(sourcePath("tests/data/broken"));
    for (const QString &name : dir.entryList({"*.heiiki.json"}, QDir::Files)) {
        const QString base = name.chopped(QStringLiteral(".heiiki.json").size());
        if (!json::accept(readText(dir.filePath(name))))
            continue; // not JSON: nothing for a schema to judge
        const bool shape = std::any_of(std::begin(kShapeErrors),
                                       std::end(kShapeErrors),
                                       [&](const ShapeError &e) { return base == e.file; });
        const bool meaning = std::any_of(std::begin(kMeaningErrors),
                                         std::end(kMeaningErrors),
                                         [&](const char *m) { return base == m; });
        QVERIFY2(shape != meaning,
                 qPrintable(name
                            + " must be listed once, as a shape or a "
                              "meaning error"));
    }
}

// Every value the catalogue offers — each property's default and each enum value — is
// accepted by both the loader and the schema, and a property the kind does not have is
// refused by both. The designer's inspector offers exactly these values.
void tst_Schema::catalogueValues_data()
{
    QTest::addColumn<bool>("isLink");
    QTest::addColumn<int>("kind");

    for (const auto &info : Catalogue::instance().elementKinds())
        QTest::newRow(info.name.c_str()) << false << int(info.kind);
    for (const auto &info : Catalogue::instance().linkKinds())
        QTest::newRow(("link " + info.name).c_str()) << true << int(info.kind);
}

void tst_Schema::catalogueValues()
{
    QFETCH(bool, isLink);
    QFETCH(int, kind);

    const Catalogue &catalogue = Catalogue::instance();
    const std::vector<PropertySpec> &specs = isLink ? catalogue.info(LinkKind(kind)).properties
                                                    : catalogue.info(ElementKind(kind)).properties;

    // A document with one object of the kind, and where its properties go.
    json doc = emptyDocument();
    json *object = nullptr;
    if (isLink) {
        const LinkKindInfo &info = catalogue.info(LinkKind(kind));
        json link{
            {"id", "the-link"}, {"kind", info.name}, {"from", place(doc, info.ends.from.front())}};
        if (info.toPolicy) {
            doc["policies"].push_back(
                {{"id", "the-policy"}, {"type", "identity"}, {"document", json::object()}});
            link["to"] = "the-policy";
        } else {
            link["to"] = place(doc, info.ends.to.front());
        }
        doc["links"].push_back(link);
        object = &doc["links"].back();
    } else {
        place(doc, ElementKind(kind));
        object = &doc["elements"].back();
    }

    auto check = [&](const json &properties, bool valid, const QByteArray &what) {
        (*object)["properties"] = properties;
        const auto loaded = io::loadDesignFromText(doc.dump(2));
        const auto complaints = schemaErrors(doc);
        if (valid) {
            QVERIFY2(loaded.design, what + ": the loader refuses it:" + describe(loaded.errors));
            QVERIFY2(complaints.empty(), what + ": the schema refuses it:" + show(complaints));
        } else {
            QVERIFY2(!loaded.design, what + ": the loader accepts it");
            QVERIFY2(!complaints.empty(), what + ": the schema accepts it");
        }
    };

    check(json::object(), true, "no properties");
    if (QTest::currentTestFailed())
        return;
    for (const PropertySpec &spec : specs) {
        if (!spec.defaultValue.is_null()) {
            check({{spec.name, spec.defaultValue}},
                  true,
                  QByteArray::fromStdString(spec.name + " = " + spec.defaultValue.dump()));
            if (QTest::currentTestFailed())
                return;
        }
        for (const std::string &value : spec.enumValues) {
            check({{spec.name, value}}, true, QByteArray::fromStdString(spec.name + " = " + value));
            if (QTest::currentTestFailed())
                return;
        }
    }
    check({{"notAProperty", 1}}, false, "an unknown property");
}

QTEST_APPLESS_MAIN(tst_Schema)
#include "tst_schema.moc"
