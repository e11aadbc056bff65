// Saving and loading: the shipped samples open cleanly, a design saved and re-opened is the
// same design byte for byte (so designs diff well in git), and saving never leaves a file
// half-written.

#include "model/core/designmirror.h"
#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "testsupport.h"

#include <QtTest>

#include <sys/stat.h>

using namespace heiiki::model;
using heiiki::tests::readBytes;
using heiiki::tests::readText;
using heiiki::tests::samplePaths;
using heiiki::tests::sourcePath;

class tst_RoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void canonicalFile_data();
    void canonicalFile();
    void builtDesign();
    void saveIsAtomic();
    void saveKeepsPermissions();
    void saveIntoMissingFolder();
    void mirrorFollowsEdits();
    void lookupsFollowAddsAndRemovals();
    void objectsKeepKeyOrder();
};

namespace {

QByteArray describe(const io::LoadErrors &errors)
{
    QByteArray text;
    for (const auto &e : errors)
        text += "\n    " + QByteArray::fromStdString(e.format("file"));
    return text;
}

/// A design that uses every part of the format: settings, internal and external accounts,
/// nested elements with geometry and properties, links with properties, policies of two
/// types, and flows of every target kind.
Design buildDesign()
{
    Design d;
    d.settings().name = "Built in code";
    d.settings().description = "閉域 design: private lines only";
    d.settings().allowedRegions = {"ap-northeast-1", "ap-northeast-3"};
    d.settings().organizationAccounts = {"111111111111", "222222222222"};
    d.settings().organizationId = "o-abc123";
    d.accounts() = {{"111111111111", "operator", false},
                    {"222222222222", "workload", false},
                    {"333333333333", "saas vendor", true}};

    auto add = [&](const char *id,
                   ElementKind kind,
                   const char *parent,
                   heiiki::Json props,
                   std::optional<Geometry> geometry = std::nullopt) {
        Element e;
        e.id = Id(id);
        e.kind = kind;
        e.name = std::string("name of ") + id;
        e.parent = parent ? Id(parent) : Id();
        e.properties = std::move(props);
        e.geometry = geometry;
        d.addElement(std::move(e));
    };
    using EK = ElementKind;
    using json = heiiki::Json;
    add("acct-b", EK::Account, nullptr, {{"accountId", "222222222222"}}, Geometry{0, 0, 1200, 800});
    add("tokyo", EK::Region, "acct-b", {{"region", "ap-northeast-1"}}, Geometry{20, 40, 1100, 700});
    add("vpc-spoke",
        EK::Vpc,
        "tokyo",
        {{"cidrs", {"10.1.0.0/16", "2406:da14:ab::/56"}}},
        Geometry{40.5, 60.25, 500, 400});
    add("az-a", EK::AvailabilityZone, "vpc-spoke", {{"zone", "ap-northeast-1a"}});
    add("sub-work",
        EK::Subnet,
        "az-a",
        {{"cidr", "10.1.1.0/24"},
         {"routes",
          json::array({{{"destination", "0.0.0.0/0"}, {"target", "tgw"}},
                       {{"destination", "pl-61a54008"}, {"target", "vpce-s3"}}})}});
    add("sg-work",
        EK::SecurityGroup,
        "vpc-spoke",
        {{"inbound",
          json::array({{{"protocol", "tcp"},
                        {"fromPort", 443},
                        {"toPort", 443},
                        {"cidr", "10.1.0.0/16"}}})}});
    add("ec2-work",
        EK::Ec2Instance,
        "sub-work",
        {{"privateIp", "10.1.1.10"},
         {"securityGroups", {"sg-work"}},
         {"instanceProfile", "role-ssm"}});
    add("vpce-s3",
        EK::VpcEndpoint,
        "vpc-spoke",
        {{"type", "gateway"}, {"service", "s3"}, {"endpointId", "vpce-0123456789abcdef0"}});
    add("tgw", EK::TransitGateway, "tokyo", {{"asn", 64512}});
    add("role-ssm", EK::IamRole, "acct-b", {{"roleName", "ssm-role"}});
    add("dc", EK::CorporateDc, nullptr, {{"cidrs", {"172.16.0.0/12"}}});
    add("saas", EK::Saas, nullptr, {{"domains", {"manager.example.com", ".updates.example.com"}}});

    Link att;
    att.id = Id("att-spoke");
    att.kind = LinkKind::TgwAttachment;
    att.name = "spoke attachment";
    att.from = Id("vpc-spoke");
    att.to = Id("tgw");
    att.properties = {{"subnets", {"sub-work"}}, {"applianceMode", true}};
    d.addLink(att);
    Link pol;
    pol.id = Id("link-trust");
    pol.kind = LinkKind::Policy;
    pol.from = Id("role-ssm");
    pol.to = Id("pol-trust");
    d.addLink(pol);

    d.addPolicy({Id("pol-trust"),
                 "ssm-role trust",
                 PolicyType::Trust,
                 json::parse(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
                     "Action": "sts:AssumeRole",
                     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]})")});
    d.addPolicy({Id("pol-endpoint"), "", PolicyType::Endpoint, json::object()});

    Flow patch;
    patch.id = Id("flow-patch");
    patch.name = "OS patches";
    patch.source = Id("ec2-work");
    patch.target = {FlowTarget::Kind::Domain, "updates.example.com"};
    d.flows().push_back(patch);
    Flow s3;
    s3.id = Id("flow-s3");
    s3.source = Id("ec2-work");
    s3.target = {FlowTarget::Kind::Service, "s3"};
    s3.gbPerMonth = 1500.5;
    d.flows().push_back(s3);
    Flow ssh;
    ssh.id = Id("flow-ssh");
    ssh.source = Id("dc");
    ssh.target = {FlowTarget::Kind::Element, "ec2-work"};
    ssh.port = 22;
    ssh.mustSucceed = false;
    d.flows().push_back(ssh);
    Flow session;
    session.id = Id("flow-session");
    session.source = Id("dc");
    session.target = {FlowTarget::Kind::Cidr, "10.1.1.0/24"};
    session.protocol = "udp";
    session.port = 0;
    session.via = "session-manager";
    d.flows().push_back(session);
    return d;
}

} // namespace

void tst_RoundTrip::canonicalFile_data()
{
    QTest::addColumn<QString>("path");

    // The shipped samples must exist; any further sample is checked too.
    QStringList paths = samplePaths();
    for (const char *required : {"reference-tokyo", "initial-privatelink"}) {
        const QString path = sourcePath(
            QStringLiteral("resources/samples/%1.heiiki.json").arg(QLatin1String(required)));
        if (!paths.contains(path))
            paths << path;
    }
    paths << sourcePath("tests/data/valid/minimal.heiiki.json");
    for (const QString &path : paths)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_RoundTrip::canonicalFile()
{
    QFETCH(QString, path);
    if (!QFile::exists(path))
        QSKIP(qPrintable(path + " does not exist yet"));

    const QByteArray onDisk = readBytes(path);
    const auto first = io::loadDesignFile(path.toStdString());
    QVERIFY2(first.errors.empty(), describe(first.errors));
    QVERIFY(first.design);

    // Saved files are in canonical form: saving what was read gives the same bytes.
    const std::string saved = io::designToText(*first.design);
    QCOMPARE(QByteArray::fromStdString(saved), onDisk);

    // load → save → load → save is stable.
    const auto second = io::loadDesignFromText(saved);
    QVERIFY2(second.errors.empty(), describe(second.errors));
    QCOMPARE(QByteArray::fromStdString(io::designToText(*second.design)),
             QByteArray::fromStdString(saved));
}

void tst_RoundTrip::builtDesign()
{
    const Design original = buildDesign();
    const std::string text = io::designToText(original);
    QVERIFY(text.ends_with("}\n"));

    const auto loaded = io::loadDesignFromText(text);
    QVERIFY2(loaded.errors.empty(), describe(loaded.errors) + "\n" + QByteArray(text.c_str()));
    QVERIFY(loaded.design);
    QCOMPARE(QByteArray::fromStdString(io::designToText(*loaded.design)),
             QByteArray::fromStdString(text));

    // What a user set comes back, not only something that serialises the same way.
    const Design &d = *loaded.design;
    QCOMPARE(d.settings().description, original.settings().description);
    QCOMPARE(d.settings().organizationId, std::string("o-abc123"));
    QCOMPARE(d.settings().allowedRegions, original.settings().allowedRegions);
    QCOMPARE(d.accounts().size(), size_t(3));
    QVERIFY(d.account("333333333333") && d.account("333333333333")->external);
    QVERIFY(d.account("222222222222") && !d.account("222222222222")->external);
    QCOMPARE(d.elements().size(), original.elements().size());
    for (size_t i = 0; i < d.elements().size(); ++i) {
        const Element &a = *original.elements()[i];
        const Element &b = *d.elements()[i];
        QCOMPARE(b.id, a.id);
        QVERIFY(b.kind == a.kind);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.parent, a.parent);
        QCOMPARE(b.properties, a.properties);
        QCOMPARE(b.geometry, a.geometry);
    }
    QCOMPARE(d.regionOf(Id("ec2-work")), std::string("ap-northeast-1"));
    QCOMPARE(d.link(Id("att-spoke"))->property("applianceMode"), heiiki::Json(true));
    QCOMPARE(d.link(Id("att-spoke"))->name, std::string("spoke attachment"));
    QCOMPARE(d.link(Id("link-trust"))->to, Id("pol-trust"));
    QVERIFY(d.policy(Id("pol-trust")) && d.policy(Id("pol-trust"))->type == PolicyType::Trust);
    QCOMPARE(d.policy(Id("pol-trust"))->document, original.policy(Id("pol-trust"))->document);
    QVERIFY(d.policy(Id("pol-endpoint"))->type == PolicyType::Endpoint);
    QCOMPARE(d.flows().size(), size_t(4));
    for (size_t i = 0; i < d.flows().size(); ++i) {
        const Flow &a = original.flows()[i];
        const Flow &b = d.flows()[i];
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.source, a.source);
        QVERIFY(b.target == a.target);
        QCOMPARE(b.protocol, a.protocol);
        QCOMPARE(b.port, a.port);
        QCOMPARE(b.gbPerMonth, a.gbPerMonth);
        QCOMPARE(b.mustSucceed, a.mustSucceed);
        QCOMPARE(b.via, a.via);
    }
}

void tst_RoundTrip::saveIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath("design.heiiki.json");
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous version\n");
    }

    const Design design = buildDesign();
    std::string error;
    QVERIFY_THROWS_NO_EXCEPTION(error = io::saveDesignFile(design, target.toStdString()));
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(readBytes(target), QByteArray::fromStdString(io::designToText(design)));
    // Nothing but the target is left in the folder: no temporary files.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"design.heiiki.json"});

    // Saving again over the file replaces it.
    Design renamed = design;
    renamed.settings().name = "Renamed";
    QVERIFY(io::saveDesignFile(renamed, target.toStdString()).empty());
    const auto reread = io::loadDesignFile(target.toStdString());
    QVERIFY2(reread.design, describe(reread.errors));
    QCOMPARE(reread.design->settings().name, std::string("Renamed"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"design.heiiki.json"});
}

// Saving replaces the file but must not make a private design readable by everyone.
void tst_RoundTrip::saveKeepsPermissions()
{
    QTemporaryDir dir;
    const QString target = dir.filePath("private.heiiki.json");
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
    }
    // Not what a fresh temporary file (0600) or a new design (0644) gets.
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0640) == 0);
    QVERIFY(io::saveDesignFile(buildDesign(), target.toStdString()).empty());
    struct stat st
    {
    };
    QVERIFY(::stat(QFile::encodeName(target).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
}

void tst_RoundTrip::saveIntoMissingFolder()
{
    QTemporaryDir dir;
    const QString target = dir.filePath("no-such-folder/design.heiiki.json");
    std::string error;
    QVERIFY_THROWS_NO_EXCEPTION(error = io::saveDesignFile(buildDesign(), target.toStdString()));
    QVERIFY2(!error.empty(), "saving into a missing folder must report an error");
    QVERIFY2(error.find("no-such-folder") != std::string::npos, error.c_str());
    QVERIFY(!QFile::exists(target));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}


// The copy that validation runs read (model::DesignMirror) stays the same design as the one
// being edited, while copying only what each edit touched.
void tst_RoundTrip::mirrorFollowsEdits()
{
    auto loaded = io::loadDesignFile(
        sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json")).toStdString());
    QVERIFY(loaded.design);
    Design design = std::move(*loaded.design);
    DesignMirror mirror;
    mirror.attach(&design);
    QVERIFY(mirror.isBehind());
    QCOMPARE(mirror.sync(), design.elements().size() + design.links().size()
                                + design.policies().size());
    QVERIFY(!mirror.isBehind());
    auto same = [&] {
        return QByteArray::fromStdString(io::designToText(mirror.copy()))
               == QByteArray::fromStdString(io::designToText(design));
    };
    QVERIFY(same());

    // One rename copies one element, in place: the copy's element and its property values
    // stay where they were (a validation kept across a rename reads them).
    Element renamed = *design.elements()[5];
    renamed.name = "renamed";
    const Element *copied = mirror.copy().element(renamed.id);
    const heiiki::Json *values = &copied->properties;
    const auto firstValue = copied->properties.empty() ? nullptr : &*copied->properties.begin();
    design.replaceElement(renamed);
    QVERIFY(mirror.isBehind());
    QVERIFY(mirror.onlyNamesChanged());
    QVERIFY(!same());
    QCOMPARE(mirror.sync(), size_t(1));
    QVERIFY(!mirror.lastSyncCopiedAll());
    QVERIFY(same());
    QCOMPARE(mirror.copy().element(renamed.id), copied);
    QCOMPARE(&copied->properties, values);
    if (firstValue)
        QCOMPARE(&*copied->properties.begin(), firstValue);
    // A policy document edited, with a rename: every element stays where it was, so a
    // validation's topology and traces hold; its IAM view does not.
    PolicyDocument edited = *design.policies().front();
    edited.document["Statement"][0]["Sid"] = "EditedByTheMirrorTest";
    design.replacePolicy(edited);
    renamed.name = "renamed again";
    design.replaceElement(renamed);
    QVERIFY(!mirror.onlyNamesChanged());
    QVERIFY(mirror.onlyNamesOrPoliciesChanged());
    QCOMPARE(mirror.sync(), size_t(2));
    QVERIFY(!mirror.lastSyncCopiedAll());
    QVERIFY(same());
    QCOMPARE(mirror.copy().element(renamed.id), copied);
    // A property is more than a name.
    Element changed = *design.elements()[5];
    changed.properties["note"] = "changed";
    design.replaceElement(changed);
    QVERIFY(!mirror.onlyNamesChanged());
    QVERIFY(!mirror.onlyNamesOrPoliciesChanged());
    mirror.sync();
    QVERIFY(same());
    design.replaceElement(renamed);
    mirror.sync();

    // Added in the middle, at the front and at the end; removed; moved on the canvas.
    Element a = *design.elements()[3];
    a.id = Id("mirror-a");
    design.insertElement(a, 2);
    Element b = a;
    b.id = Id("mirror-b");
    design.insertElement(b, 0);
    Element c = a;
    c.id = Id("mirror-c");
    design.addElement(c);
    design.removeElement(design.elements()[7]->id);
    Element moved = *design.elements()[9];
    Geometry box = moved.geometry.value_or(Geometry{});
    box.x += 40;
    moved.geometry = box;
    design.replaceElement(moved);
    QCOMPARE(mirror.sync(), size_t(5));
    QVERIFY(same());

    // Moved in document order: the mirror notices and copies everything.
    Element last = *design.elements().back();
    design.removeElement(last.id);
    design.insertElement(last, 1);
    QVERIFY(!mirror.onlyNamesChanged());
    mirror.sync();
    QVERIFY(mirror.lastSyncCopiedAll());
    QVERIFY(same());

    // Links, policies, flows and settings.
    Link link = *design.links().front();
    design.removeLink(link.id);
    link.name = "again";
    design.insertLink(link, 0);
    PolicyDocument policy = *design.policies().front();
    policy.name = "renamed policy";
    design.replacePolicy(policy);
    design.flows().pop_back();
    design.notifyDesignChanged("flows");
    design.settings().name = "mirrored";
    design.notifyDesignChanged("settings");
    QCOMPARE(mirror.sync(), size_t(2));
    QVERIFY(same());

    // An id that passes from an element to a link within one sync.
    const Id shared("mirror-c");
    design.removeElement(shared);
    Link reused = *design.links().front();
    reused.id = shared;
    design.addLink(reused);
    mirror.sync();
    QVERIFY(same());

    // A design replaced as a whole.
    auto other = io::loadDesignFile(
        sourcePath(QStringLiteral("resources/samples/initial-privatelink.heiiki.json")).toStdString());
    QVERIFY(other.design);
    design = *other.design;
    mirror.sync();
    QVERIFY(same());

    // Following another design starts from a full copy of it.
    Design second = std::move(*other.design);
    mirror.attach(&second);
    QVERIFY(mirror.isBehind());
    mirror.sync();
    QCOMPARE(QByteArray::fromStdString(io::designToText(mirror.copy())),
             QByteArray::fromStdString(io::designToText(second)));

    // A design moved in as a whole keeps its followers and tells them.
    auto third = io::loadDesignFile(
        sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json")).toStdString());
    QVERIFY(third.design);
    second = std::move(*third.design);
    QVERIFY(mirror.isBehind());
    mirror.sync();
    QCOMPARE(QByteArray::fromStdString(io::designToText(mirror.copy())),
             QByteArray::fromStdString(io::designToText(second)));

    // A followed design that goes away is forgotten; the copy stays as it was.
    const std::string kept = io::designToText(mirror.copy());
    {
        Design doomed = second;
        mirror.attach(&doomed);
        mirror.sync();
    }
    QCOMPARE(mirror.source(), nullptr);
    QCOMPARE(mirror.sync(), size_t(0));
    QCOMPARE(io::designToText(mirror.copy()), kept);
}


void tst_RoundTrip::lookupsFollowAddsAndRemovals()
{
    // Thousands of elements added and removed in a scrambled order: every element still in
    // the design is found by its id, every removed one is not, and a removed id can be used
    // again. The design's index is a flat table that closes the gap a removal leaves.
    Design design;
    std::vector<std::string> present;
    std::vector<std::string> removed;
    uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int i = 0; i < 3000; ++i) {
        Element e;
        e.id = Id("vpc-" + std::to_string(i));
        e.kind = ElementKind::Vpc;
        design.addElement(e);
        present.push_back(e.id.str());
        if (next() % 3 == 0) {
            const size_t victim = next() % present.size();
            design.removeElement(Id(present[victim]));
            removed.push_back(present[victim]);
            present.erase(present.begin() + static_cast<std::ptrdiff_t>(victim));
        }
    }
    QCOMPARE(design.elements().size(), present.size());
    for (const auto &id : present) {
        const Element *e = design.element(Id(id));
        QVERIFY2(e && e->id.str() == id, id.c_str());
    }
    for (const auto &id : removed)
        QVERIFY2(!design.element(Id(id)), id.c_str());
    Element again;
    again.id = Id(removed.front());
    design.addElement(again);
    QVERIFY(design.element(Id(removed.front())));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, design.addElement(again));
    // A copy has its own index, pointing at its own elements.
    const Design copy = design;
    for (const auto &id : present)
        QCOMPARE(copy.element(Id(id)), copy.elements()[copy.elementIndex(Id(id))].get());
}

void tst_RoundTrip::objectsKeepKeyOrder()
{
    // Heiiki's JSON objects (heiiki::SortedMap) keep their members in key order whatever
    // order they were set in: a file lists them sorted, and objects with the same members are
    // equal.
    using heiiki::Json;
    Json a = Json::object();
    a["zone"] = "ap-northeast-1a";
    a["cidr"] = "10.0.0.0/24";
    a["routes"] = Json::array({Json{{"target", "tgw-1"}, {"destination", "0.0.0.0/0"}}});
    a["name"] = "app";
    QCOMPARE(a.dump(), std::string(R"({"cidr":"10.0.0.0/24","name":"app","routes":[{"destination":)"
                                   R"("0.0.0.0/0","target":"tgw-1"}],"zone":"ap-northeast-1a"})"));
    const Json b = Json::parse(
        R"({"routes":[{"destination":"0.0.0.0/0","target":"tgw-1"}],"name":"app","zone":)"
        R"("ap-northeast-1a","cidr":"10.0.0.0/24"})");
    QVERIFY(a == b);
    QCOMPARE(b.dump(), a.dump());

    // Found by any kind of string; a member set again is replaced, not added twice.
    QCOMPARE(a.find(std::string_view("name"))->get<std::string>(), std::string("app"));
    QVERIFY(a.contains("zone"));
    QVERIFY(!a.contains("zones"));
    a["name"] = "web";
    QCOMPARE(a.size(), size_t(4));
    QCOMPARE(a.value("name", ""), std::string("web"));

    // Removing a member in the middle keeps the others, in order.
    QCOMPARE(a.erase("name"), size_t(1));
    QCOMPARE(a.erase("name"), size_t(0));
    std::vector<std::string> keys;
    for (auto it = a.begin(); it != a.end(); ++it)
        keys.push_back(it.key());
    QCOMPARE(keys, (std::vector<std::string>{"cidr", "routes", "zone"}));

    // A design file whose properties were edited out of order loads, and saves as it was.
    const QString path = samplePaths().front();
    const std::string canonical = readBytes(path).toStdString();
    Json file = Json::parse(canonical);
    size_t reordered = 0;
    std::string text = "{";
    for (auto member = file.begin(); member != file.end(); ++member) {
        text += (text.size() > 1 ? "," : "") + Json(member.key()).dump() + ":";
        if (member.key() != "elements") {
            text += member.value().dump();
            continue;
        }
        text += "[";
        for (const Json &element : member.value()) {
            std::vector<std::string> names;
            for (auto it = element.begin(); it != element.end(); ++it)
                names.push_back(it.key());
            std::string object;
            for (auto name = names.rbegin(); name != names.rend(); ++name)
                object += (object.empty() ? "{" : ",") + Json(*name).dump() + ":"
                          + element[*name].dump();
            text += (text.back() == '[' ? "" : ",") + object + "}";
            reordered += names.size() > 1;
        }
        text += "]";
    }
    text += "}";
    QVERIFY(reordered > 0);
    QVERIFY(text != Json::parse(text).dump());
    const auto loaded = io::loadDesignFromText(text);
    QVERIFY2(loaded.errors.empty(), describe(loaded.errors));
    QCOMPARE(QByteArray::fromStdString(io::designToText(*loaded.design)),
             QByteArray::fromStdString(canonical));
}

QTEST_APPLESS_MAIN(tst_RoundTrip)
#include "tst_roundtrip.moc"
