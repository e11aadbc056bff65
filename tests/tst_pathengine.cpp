// The reachability engine: one row per forwarding construct, each a small design written as
// the JSON a user saves, loaded through the file reader and traced as `heiiki path` does.
// A row says whether the packet arrives, why and where it stops, the hops a reader would
// look for, and what the path went through (the firewalls, NAT gateways, endpoints and
// peerings that the rules read). awsDisagrees() holds the paths where the engine's verdict
// contradicts AWS: expected failures, each naming its defect.

#include "model/io/designfile.h"
#include "model/network/pathengine.h"
#include "testsupport.h"

#include <QtTest>

#include <map>

using namespace heiiki::model;
using json = heiiki::Json;

namespace {

/// A design in the file format, built up in code. It has one Tokyo region, "tokyo", that
/// VPCs and Transit Gateways stand in.
class Net
{
public:
    Net()
        : m_doc{{"format", "heiiki-design"},
                {"schemaVersion", 1},
                {"settings", {{"name", "path fixture"}, {"allowedRegions", {"ap-northeast-1"}}}},
                {"elements", json::array()},
                {"links", json::array()}}
    {
        add("tokyo", "region", "", {{"region", "ap-northeast-1"}});
    }

    Net &add(const std::string &id,
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
    Net &link(const std::string &id,
              const std::string &kind,
              const std::string &from,
              const std::string &to,
              json properties = json::object())
    {
        m_doc["links"].push_back(
            {{"id", id}, {"kind", kind}, {"from", from}, {"to", to}, {"properties", properties}});
        return *this;
    }
    Net &vpc(const std::string &id, const std::string &cidr)
    {
        return add(id, "vpc", "tokyo", {{"cidrs", json::array({cidr})}});
    }
    Net &subnet(const std::string &id,
                const std::string &vpc,
                const std::string &cidr,
                const std::string &role = "private")
    {
        return add(id, "subnet", vpc, {{"cidr", cidr}, {"role", role}});
    }
    Net &ec2(const std::string &id,
             const std::string &subnet,
             const std::string &ip,
             json properties = json::object())
    {
        properties["privateIp"] = ip;
        return add(id, "ec2-instance", subnet, std::move(properties));
    }
    /// Appends a row to a subnet's route table.
    Net &route(const std::string &subnet,
               const std::string &destination,
               const std::string &target,
               const std::string &endpoint = {})
    {
        json row{{"destination", destination}, {"target", target}};
        if (!endpoint.empty())
            row["endpoint"] = endpoint;
        props(subnet)["routes"].push_back(std::move(row));
        return *this;
    }
    /// Sets a property of an element or a link.
    Net &set(const std::string &id, const std::string &property, json value)
    {
        props(id)[property] = std::move(value);
        return *this;
    }
    json done() { return std::move(m_doc); }

private:
    json &props(const std::string &id)
    {
        for (const char *section : {"elements", "links"})
            for (auto &item : m_doc[section])
                if (item["id"] == id)
                    return item["properties"];
        qFatal("fixture: no element or link %s", id.c_str());
    }

    json m_doc;
};

// --- The designs the rows start from -------------------------------------------------------

/// vpc-a (10.1.0.0/16): ec2-a1 in subnet-a1, ec2-a2 in subnet-a2.
Net oneVpc()
{
    Net n;
    n.vpc("vpc-a", "10.1.0.0/16")
        .subnet("subnet-a1", "vpc-a", "10.1.1.0/24")
        .subnet("subnet-a2", "vpc-a", "10.1.2.0/24")
        .ec2("ec2-a1", "subnet-a1", "10.1.1.10")
        .ec2("ec2-a2", "subnet-a2", "10.1.2.10");
    return n;
}

/// oneVpc() with an internet gateway igw-a and a public subnet subnet-pub (default route to
/// igw-a) that holds the NAT gateway nat-a. subnet-a1 has no route out yet.
Net internetEdge()
{
    Net n = oneVpc();
    n.add("igw-a", "internet-gateway", "vpc-a")
        .subnet("subnet-pub", "vpc-a", "10.1.0.0/24", "public")
        .route("subnet-pub", "0.0.0.0/0", "igw-a")
        .add("nat-a", "nat-gateway", "subnet-pub");
    return n;
}

/// internetEdge() with a Network Firewall nfw between subnet-a1 and the NAT gateway:
/// subnet-a1 → nfw (endpoint in subnet-fw) → nat-a → igw-a, replies back through nfw.
/// Its one rule group allow-vendor lets out .vendor.example.com; the default action drops.
Net firewallEgress()
{
    Net n = internetEdge();
    n.subnet("subnet-fw", "vpc-a", "10.1.3.0/28", "firewall")
        .route("subnet-fw", "0.0.0.0/0", "nat-a")
        .add("nfw",
             "network-firewall",
             "vpc-a",
             {{"subnets", {"subnet-fw"}},
              {"statefulDefaultAction", "aws:drop_established"},
              {"ruleGroups",
               {{{"name", "allow-vendor"},
                 {"type", "ALLOWLIST"},
                 {"targets", {".vendor.example.com"}}}}}})
        .route("subnet-a1", "0.0.0.0/0", "nfw", "subnet-fw")
        .route("subnet-pub", "10.1.1.0/24", "nfw", "subnet-fw");
    return n;
}

/// oneVpc() and vpc-b (10.2.0.0/16) with ec2-b1 in subnet-b1. Not connected yet.
Net twoVpcs()
{
    Net n = oneVpc();
    n.vpc("vpc-b", "10.2.0.0/16")
        .subnet("subnet-b1", "vpc-b", "10.2.1.0/24")
        .ec2("ec2-b1", "subnet-b1", "10.2.1.10");
    return n;
}

/// twoVpcs() attached to the Transit Gateway tgw (att-a, att-b, from subnet-a-tgw and
/// subnet-b-tgw), with subnet routes to each other through tgw. The route tables are the
/// row's.
Net transitHub(json routeTables)
{
    Net n = twoVpcs();
    n.subnet("subnet-a-tgw", "vpc-a", "10.1.255.0/28")
        .subnet("subnet-b-tgw", "vpc-b", "10.2.255.0/28")
        .add("tgw", "transit-gateway", "tokyo", {{"routeTables", std::move(routeTables)}})
        .link("att-a", "tgw-attachment", "vpc-a", "tgw", {{"subnets", {"subnet-a-tgw"}}})
        .link("att-b", "tgw-attachment", "vpc-b", "tgw", {{"subnets", {"subnet-b-tgw"}}})
        .route("subnet-a1", "10.2.0.0/16", "tgw")
        .route("subnet-b1", "10.1.0.0/16", "tgw");
    return n;
}

/// oneVpc() reached from the corporate DC corp-dc (10.0.0.0/16) over Direct Connect:
/// corp-dc → dx-con ← vif (transit) ; dxgw → tgw by dx-assoc over vif; vpc-a attached to
/// tgw. Route tables: "spokes" (att-a; learns the premises) and "on-premises" (dx-assoc;
/// learns vpc-a).
Net directConnect()
{
    Net n = oneVpc();
    n.subnet("subnet-a-tgw", "vpc-a", "10.1.255.0/28")
        .route("subnet-a1", "10.0.0.0/16", "tgw")
        .add("corp-dc", "corporate-dc", "", {{"cidrs", {"10.0.0.0/16"}}})
        .add("dx-con", "dx-connection", "tokyo")
        .add("vif", "vif", "tokyo", {{"type", "transit"}, {"availableToProject", true}})
        .add("dxgw", "dx-gateway", "")
        .add("tgw",
             "transit-gateway",
             "tokyo",
             {{"routeTables",
               {{{"name", "spokes"}, {"associations", {"att-a"}}, {"propagations", {"dx-assoc"}}},
                {{"name", "on-premises"},
                 {"associations", {"dx-assoc"}},
                 {"propagations", {"att-a"}}}}}})
        .link("att-a", "tgw-attachment", "vpc-a", "tgw", {{"subnets", {"subnet-a-tgw"}}})
        .link("dc-line", "dx-link", "corp-dc", "dx-con")
        .link("vif-on-con", "vif-on", "vif", "dx-con")
        .link("dx-assoc",
              "dx-association",
              "dxgw",
              "tgw",
              {{"vif", "vif"}, {"allowedPrefixes", {"10.1.0.0/16"}}});
    return n;
}

/// East-west inspection: vpc-a (ec2-a1 in AZ a) and vpc-b (ec2-b1 in AZ c) reach each other
/// through the Transit Gateway tgw and the inspection VPC vpc-i, whose attachment subnets in
/// AZ a and AZ c route everything to the Network Firewall nfw's endpoint of their AZ; the
/// firewall's subnets route back to tgw. \a applianceMode on vpc-i's attachment att-i.
Net eastWestInspection(bool applianceMode)
{
    Net n;
    const auto zone = [&n](const std::string &id, const std::string &vpc, const char *name) {
        n.add(id, "availability-zone", vpc, {{"zone", name}});
    };
    n.vpc("vpc-a", "10.1.0.0/16").vpc("vpc-b", "10.2.0.0/16").vpc("vpc-i", "10.9.0.0/16");
    zone("az-a-1a", "vpc-a", "ap-northeast-1a");
    zone("az-b-1c", "vpc-b", "ap-northeast-1c");
    zone("az-i-1a", "vpc-i", "ap-northeast-1a");
    zone("az-i-1c", "vpc-i", "ap-northeast-1c");
    n.subnet("subnet-a1", "az-a-1a", "10.1.1.0/24")
        .subnet("subnet-a-tgw", "az-a-1a", "10.1.255.0/28")
        .ec2("ec2-a1", "subnet-a1", "10.1.1.10")
        .subnet("subnet-b1", "az-b-1c", "10.2.1.0/24")
        .subnet("subnet-b-tgw", "az-b-1c", "10.2.255.0/28")
        .ec2("ec2-b1", "subnet-b1", "10.2.1.10")
        .subnet("subnet-i-tgw-a", "az-i-1a", "10.9.0.0/28")
        .subnet("subnet-i-tgw-c", "az-i-1c", "10.9.0.16/28")
        .subnet("subnet-i-fw-a", "az-i-1a", "10.9.1.0/28", "firewall")
        .subnet("subnet-i-fw-c", "az-i-1c", "10.9.1.16/28", "firewall")
        .add("nfw",
             "network-firewall",
             "vpc-i",
             {{"subnets", {"subnet-i-fw-a", "subnet-i-fw-c"}}, {"statefulDefaultAction", "pass"}})
        .add("tgw",
             "transit-gateway",
             "tokyo",
             {{"routeTables",
               {{{"name", "spokes"},
                 {"associations", {"att-a", "att-b"}},
                 {"routes", {{{"destination", "0.0.0.0/0"}, {"attachment", "att-i"}}}}},
                {{"name", "inspection"},
                 {"associations", {"att-i"}},
                 {"propagations", {"att-a", "att-b"}}}}}})
        .link("att-a", "tgw-attachment", "vpc-a", "tgw", {{"subnets", {"subnet-a-tgw"}}})
        .link("att-b", "tgw-attachment", "vpc-b", "tgw", {{"subnets", {"subnet-b-tgw"}}})
        .link("att-i",
              "tgw-attachment",
              "vpc-i",
              "tgw",
              {{"subnets", {"subnet-i-tgw-a", "subnet-i-tgw-c"}}, {"applianceMode", applianceMode}})
        .route("subnet-a1", "10.2.0.0/16", "tgw")
        .route("subnet-b1", "10.1.0.0/16", "tgw")
        .route("subnet-i-tgw-a", "0.0.0.0/0", "nfw", "subnet-i-fw-a")
        .route("subnet-i-tgw-c", "0.0.0.0/0", "nfw", "subnet-i-fw-c")
        .route("subnet-i-fw-a", "0.0.0.0/0", "tgw")
        .route("subnet-i-fw-c", "0.0.0.0/0", "tgw");
    return n;
}

/// oneVpc() reached from the corporate DC corp-dc (10.0.0.0/16) through a virtual private
/// gateway: corp-dc → dx-con ← vif (private); dxgw → vgw by dx-assoc over vif; vgw attached to
/// vpc-a. subnet-a1's route table takes the routes vgw learns when \a propagation.
Net directConnectVgw(bool propagation)
{
    Net n = oneVpc();
    n.add("corp-dc", "corporate-dc", "", {{"cidrs", {"10.0.0.0/16"}}})
        .add("dx-con", "dx-connection", "tokyo")
        .add("vif", "vif", "tokyo", {{"type", "private"}, {"availableToProject", true}})
        .add("dxgw", "dx-gateway", "")
        .add("vgw", "vgw", "tokyo")
        .link("vgw-att", "vgw-attachment", "vgw", "vpc-a")
        .link("dc-line", "dx-link", "corp-dc", "dx-con")
        .link("vif-on-con", "vif-on", "vif", "dx-con")
        .link("dx-assoc", "dx-association", "dxgw", "vgw", {{"vif", "vif"}});
    if (propagation)
        n.set("subnet-a1", "vgwRoutePropagation", true);
    return n;
}

/// oneVpc() with an interface endpoint vpce-sts for STS in subnet-ep, whose security group
/// admits 443 from the VPC.
Net stsEndpoint(bool privateDns)
{
    Net n = oneVpc();
    n.subnet("subnet-ep", "vpc-a", "10.1.4.0/24", "endpoint")
        .add("sg-ep",
             "security-group",
             "vpc-a",
             {{"inbound",
               {{{"protocol", "tcp"},
                 {"fromPort", 443},
                 {"toPort", 443},
                 {"cidr", "10.1.0.0/16"}}}}})
        .add("vpce-sts",
             "vpc-endpoint",
             "vpc-a",
             {{"type", "interface"},
              {"service", "sts"},
              {"privateDns", privateDns},
              {"subnets", {"subnet-ep"}},
              {"securityGroups", {"sg-ep"}}});
    return n;
}

/// A network ACL row.
json aclRow(
    int rule, const char *action, const char *cidr, int from, int to, const char *protocol = "tcp")
{
    return {{"rule", rule},
            {"protocol", protocol},
            {"fromPort", from},
            {"toPort", to},
            {"cidr", cidr},
            {"action", action}};
}

/// A security group rule for tcp \a port.
json sgRow(int port, const char *cidr)
{
    return {{"protocol", "tcp"}, {"fromPort", port}, {"toPort", port}, {"cidr", cidr}};
}

/// A deny-list rule group for .paste.example.net.
json denyPaste()
{
    return {{{"name", "deny-paste"}, {"type", "DENYLIST"}, {"targets", {".paste.example.net"}}}};
}

/// A Transit Gateway route table "spokes" that att-a and att-b use and propagate into.
json spokes()
{
    return {{"name", "spokes"},
            {"associations", {"att-a", "att-b"}},
            {"propagations", {"att-a", "att-b"}}};
}

/// twoVpcs() where subnet-a1 sends vpc-b's traffic to ec2-relay in subnet-a2, whose subnet
/// routes it over the peering pcx-ab.
Net relayed(bool sourceDestCheck)
{
    Net n = twoVpcs();
    n.ec2("ec2-relay", "subnet-a2", "10.1.2.20", {{"sourceDestCheck", sourceDestCheck}})
        .link("pcx-ab", "vpc-peering", "vpc-a", "vpc-b")
        .route("subnet-a1", "10.2.0.0/16", "ec2-relay")
        .route("subnet-a2", "10.2.0.0/16", "pcx-ab")
        .route("subnet-b1", "10.1.0.0/16", "pcx-ab");
    return n;
}

/// internetEdge() with ec2-web (10.1.5.10) in subnet-web, whose default route goes to
/// \a defaultRoute; its security group admits 443 from anywhere.
Net webServer(const char *defaultRoute, bool publicIp)
{
    Net n = internetEdge();
    n.subnet("subnet-web", "vpc-a", "10.1.5.0/24", "public")
        .route("subnet-web", "0.0.0.0/0", defaultRoute)
        .add("sg-web", "security-group", "vpc-a", {{"inbound", {sgRow(443, "0.0.0.0/0")}}})
        .ec2("ec2-web",
             "subnet-web",
             "10.1.5.10",
             {{"publicIp", publicIp}, {"securityGroups", {"sg-web"}}});
    return n;
}

/// The element \a id of a design document, to change it in place.
json &elementIn(json &doc, const std::string &id)
{
    for (auto &e : doc["elements"])
        if (e["id"] == id)
            return e;
    qFatal("fixture: no element %s", id.c_str());
}

/// Moves \a root and everything inside it to the end of the element list: the same
/// design, written in another order (as after deleting and re-creating it in the designer).
void moveToEnd(json &doc, const std::string &root)
{
    std::map<std::string, std::string> parent;
    for (const auto &e : doc["elements"])
        parent[e["id"]] = e.value("parent", "");
    auto inside = [&](std::string id) {
        for (; !id.empty(); id = parent[id])
            if (id == root)
                return true;
        return false;
    };
    json kept = json::array(), moved = json::array();
    for (auto &e : doc["elements"])
        (inside(e["id"]) ? moved : kept).push_back(std::move(e));
    for (auto &e : moved)
        kept.push_back(std::move(e));
    doc["elements"] = std::move(kept);
}

json referenceSample()
{
    const std::string text = heiiki::tests::readText(
        heiiki::tests::sourcePath("resources/samples/reference-tokyo.heiiki.json"));
    return text.empty() ? json() : json::parse(text);
}

using Build = json (*)();

/// What a row asks: `heiiki path DESIGN --from FROM --to TO --port PORT`.
struct Ask
{
    const char *from; ///< an element id, or "internet"
    const char *to;   ///< an element id, or "domain:…", "service:…", "cidr:…"
    int port = 443;
};

/// What the row expects of the path.
struct Expect
{
    const char *reason = "delivered"; ///< toString(StopReason)
    const char *blockedAt = "";
    /// Hops that must come in this order (others may come between): "id" or "id~action text".
    QStringList hops = {};
    /// What the path went through, exactly: "firewall:id", "nat:id", "endpoint:id",
    /// "peering:id", "relay:id"; "internet" when it left through an internet gateway, and
    /// "cross-az" when it reached a firewall endpoint in another AZ.
    QStringList through = {};
    QStringList explains = {}; ///< texts the explanation must hold
    const char *resolved = ""; ///< text resolvedAs must hold
    /// The engine defect that makes this row fail, with the function at fault; the row is
    /// then an expected failure until the engine is fixed.
    const char *bug = "";
};

void addColumns()
{
    QTest::addColumn<Build>("build");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("blockedAt");
    QTest::addColumn<QStringList>("hops");
    QTest::addColumn<QStringList>("through");
    QTest::addColumn<QStringList>("explains");
    QTest::addColumn<QString>("resolved");
    QTest::addColumn<QString>("bug");
}

void row(const char *tag, Build build, const Ask &ask, const Expect &expect)
{
    QTest::newRow(tag) << build << QString(ask.from) << QString(ask.to) << ask.port
                       << QString(expect.reason) << QString(expect.blockedAt) << expect.hops
                       << expect.through << expect.explains << QString(expect.resolved)
                       << QString(expect.bug);
}

/// "domain:x", "service:x", "cidr:x" or an element id, as `heiiki path --to` takes them.
network::Target target(const QString &to)
{
    using Kind = network::Target::Kind;
    for (const auto &[prefix, kind] : {std::pair{"domain:", Kind::Domain},
                                       std::pair{"service:", Kind::Service},
                                       std::pair{"cidr:", Kind::Cidr}})
        if (to.startsWith(QLatin1String(prefix)))
            return {kind, to.mid(int(std::strlen(prefix))).toStdString()};
    return {Kind::Element, to.toStdString()};
}

QByteArray describe(const network::PathResult &path)
{
    QByteArray text = "\n  resolved as: " + QByteArray::fromStdString(path.resolvedAs);
    for (const auto &h : path.hops)
        text += "\n  " + QByteArray::fromStdString(h.element.str()) + ": "
                + QByteArray::fromStdString(h.action);
    text += "\n  => " + QByteArray::fromStdString(std::string(toString(path.reason))) + " at "
            + QByteArray::fromStdString(path.blockedAt.str()) + ": "
            + QByteArray::fromStdString(path.explanation);
    return text;
}

/// The ids of the design objects a path went through.
template<typename List> QStringList ids(const List &list)
{
    QStringList out;
    for (const auto *object : list)
        out << QString::fromStdString(object->id.str());
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Build)

class tst_PathEngine : public QObject
{
    Q_OBJECT

private slots:
    void trace_data();
    void trace();
    void awsDisagrees_data();
    void awsDisagrees();
};

void tst_PathEngine::trace_data()
{
    addColumns();

    // --- Routing inside a VPC
    row("local route delivers inside the VPC",
        [] { return oneVpc().done(); },
        {"ec2-a1", "ec2-a2"},
        {.hops = {"ec2-a1~sends tcp 443", "subnet-a2~local route to ec2-a2", "ec2-a2~delivered"},
         .explains = {"reached ec2-a2"},
         .resolved = "ec2-a2 at 10.1.2.10"});
    row("longest prefix wins over earlier and later shorter routes",
        [] {
            // First-match or last-match would both take a route to the internet gateway.
            return twoVpcs()
                .add("igw-a", "internet-gateway", "vpc-a")
                .link("pcx-ab", "vpc-peering", "vpc-a", "vpc-b")
                .route("subnet-a1", "0.0.0.0/0", "igw-a")
                .route("subnet-a1", "10.2.0.0/16", "pcx-ab")
                .route("subnet-a1", "10.0.0.0/8", "igw-a")
                .route("subnet-b1", "10.1.0.0/16", "pcx-ab")
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-a1~route 10.2.0.0/16 → pcx-ab", "ec2-b1~delivered"},
         .through = {"peering:pcx-ab"}});

    // --- Internet gateway
    row("internet gateway carries a public IP out",
        [] {
            return internetEdge()
                .ec2("ec2-web", "subnet-pub", "10.1.0.10", {{"publicIp", true}})
                .done();
        },
        {"ec2-web", "domain:updates.example.org"},
        {.hops = {"subnet-pub~0.0.0.0/0 → igw-a", "igw-a~to the internet"},
         .through = {"internet"},
         .explains = {"updates.example.org"},
         .resolved = "on the internet"});
    row("internet gateway refuses a private address",
        [] { return internetEdge().ec2("ec2-web", "subnet-pub", "10.1.0.10").done(); },
        {"ec2-web", "domain:updates.example.org"},
        {.reason = "no-public-address",
         .blockedAt = "igw-a",
         .hops = {"subnet-pub~0.0.0.0/0 → igw-a", "igw-a~stops"},
         .explains = {"10.1.0.10", "NAT gateway"}});

    // --- NAT gateway
    row("NAT gateway translates the source and leaves by the IGW",
        [] { return internetEdge().route("subnet-a1", "0.0.0.0/0", "nat-a").done(); },
        {"ec2-a1", "domain:updates.example.org"},
        {.hops = {"ec2-a1",
                  "subnet-a1~0.0.0.0/0 → nat-a",
                  "nat-a~translates the source to 10.1.0.",
                  "subnet-pub~0.0.0.0/0 → igw-a",
                  "igw-a~to the internet"},
         .through = {"nat:nat-a", "internet"},
         .explains = {"through igw-a"}});
    row("a private NAT gateway cannot reach the internet",
        [] {
            return internetEdge()
                .set("nat-a", "connectivity", "private")
                .route("subnet-a1", "0.0.0.0/0", "nat-a")
                .done();
        },
        {"ec2-a1", "domain:updates.example.org"},
        {.reason = "no-public-address",
         .blockedAt = "igw-a",
         .hops = {"nat-a~translates", "igw-a~stops"},
         .through = {"nat:nat-a"}});
    row("NAT gateway takes no connection from the internet",
        [] { return internetEdge().route("subnet-a1", "0.0.0.0/0", "nat-a").done(); },
        {"internet", "nat-a"},
        {.reason = "nat-direction",
         .blockedAt = "nat-a",
         .hops = {"nat-a~stops"},
         .explains = {"does not accept connections"}});

    // --- Network Firewall
    row("firewall allow-list passes a listed domain",
        [] { return firewallEgress().done(); },
        {"ec2-a1", "domain:api.vendor.example.com"},
        {.hops = {"subnet-a1~0.0.0.0/0 → nfw",
                  "nfw~rule group allow-vendor allows api.vendor.example.com",
                  "subnet-fw~0.0.0.0/0 → nat-a",
                  "nat-a~translates",
                  "igw-a~to the internet"},
         .through = {"firewall:nfw", "nat:nat-a", "internet"}});
    row("firewall: the reply from the NAT gateway bypasses the firewall",
        [] {
            return firewallEgress()
                .set("subnet-pub", "routes",
                     json::array({{{"destination", "0.0.0.0/0"}, {"target", "igw-a"}}}))
                .done();
        },
        {"ec2-a1", "domain:api.vendor.example.com"},
        {.reason = "no-route",
         .blockedAt = "subnet-pub",
         .hops = {"nfw~rule group allow-vendor allows api.vendor.example.com", "nat-a~translates"},
         .through = {"firewall:nfw", "nat:nat-a", "internet"},
         .explains = {"no return route through nfw", "subnet-pub", "10.1.1.10", "local route",
                      "both directions"}});
    row("firewall: the reply comes back through another endpoint of the firewall",
        [] {
            return firewallEgress()
                .subnet("subnet-fw2", "vpc-a", "10.1.3.16/28", "firewall")
                .set("nfw", "subnets", {"subnet-fw", "subnet-fw2"})
                .set("subnet-pub", "routes",
                     json::array({{{"destination", "0.0.0.0/0"}, {"target", "igw-a"}},
                                  {{"destination", "10.1.1.0/24"},
                                   {"target", "nfw"},
                                   {"endpoint", "subnet-fw2"}}}))
                .done();
        },
        {"ec2-a1", "domain:api.vendor.example.com"},
        {.reason = "no-route",
         .blockedAt = "subnet-pub",
         .through = {"firewall:nfw", "nat:nat-a", "internet"},
         .explains = {"endpoint in subnet-fw2", "not the one in subnet-fw that saw the request"}});
    row("firewall allow-list drops an unlisted domain",
        [] { return firewallEgress().done(); },
        {"ec2-a1", "domain:paste.example.net"},
        {.reason = "firewall-rule",
         .blockedAt = "nfw",
         .hops = {"subnet-a1~0.0.0.0/0 → nfw", "nfw~stops"},
         .through = {"firewall:nfw"},
         .explains = {"allow-vendor", "paste.example.net"}});
    row("firewall deny-list drops a listed domain",
        [] { return firewallEgress().set("nfw", "ruleGroups", denyPaste()).done(); },
        {"ec2-a1", "domain:www.paste.example.net"},
        {.reason = "firewall-rule",
         .blockedAt = "nfw",
         .hops = {"nfw~stops"},
         .through = {"firewall:nfw"},
         .explains = {"deny-paste", "www.paste.example.net"}});
    row("firewall deny-list lets an unlisted domain out (default action pass)",
        [] {
            return firewallEgress()
                .set("nfw", "ruleGroups", denyPaste())
                .set("nfw", "statefulDefaultAction", "pass")
                .done();
        },
        {"ec2-a1", "domain:api.vendor.example.com"},
        {.hops = {"nfw~default action pass", "igw-a~to the internet"},
         .through = {"firewall:nfw", "nat:nat-a", "internet"}});
    row("firewall: a source outside HOME_NET falls to the default action",
        [] {
            // The allow-list inspects only 10.9.0.0/16, so a listed domain asked for from
            // 10.1.1.10 meets the default action, which drops.
            return firewallEgress().set("nfw", "homeNet", {"10.9.0.0/16"}).done();
        },
        {"ec2-a1", "domain:api.vendor.example.com"},
        {.reason = "firewall-rule",
         .blockedAt = "nfw",
         .hops = {"nfw~stops"},
         .through = {"firewall:nfw"},
         .explains = {"default action aws:drop_established"}});
    row("firewall: a source outside HOME_NET passes an unlisted domain (default action pass)",
        [] {
            return firewallEgress()
                .set("nfw", "homeNet", {"10.9.0.0/16"})
                .set("nfw", "statefulDefaultAction", "pass")
                .done();
        },
        {"ec2-a1", "domain:paste.example.net"},
        {.hops = {"nfw~default action pass"},
         .through = {"firewall:nfw", "nat:nat-a", "internet"}});

    // --- Transit Gateway
    row("TGW: association and propagation",
        [] { return transitHub(json::array({spokes()})).done(); },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-a1~10.2.0.0/16 → tgw",
                  "tgw~route table spokes: 10.2.0.0/16 → att-b (propagated)",
                  "subnet-b-tgw~enters vpc-b",
                  "subnet-b1~local route to ec2-b1",
                  "ec2-b1~delivered"}});
    row("TGW: static route",
        [] {
            return transitHub({{{"name", "static"},
                                {"associations", {"att-a", "att-b"}},
                                {"routes",
                                 {{{"destination", "10.2.0.0/16"}, {"attachment", "att-b"}},
                                  {{"destination", "10.1.0.0/16"}, {"attachment", "att-a"}}}}}})
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"tgw~route table static: 10.2.0.0/16 → att-b", "ec2-b1~delivered"}});
    row("TGW: an attachment associated with no route table",
        [] {
            json table = spokes();
            table["associations"] = {"att-b"};
            return transitHub(json::array({table})).done();
        },
        {"ec2-a1", "ec2-b1"},
        {.reason = "no-route",
         .blockedAt = "tgw",
         .hops = {"tgw~stops"},
         .explains = {"att-a is associated with no route table"}});
    row("TGW: a static blackhole beats the propagated route",
        [] {
            json table = spokes();
            table["routes"] = {{{"destination", "10.2.0.0/16"}, {"blackhole", true}}};
            return transitHub(json::array({table})).done();
        },
        {"ec2-a1", "ec2-b1"},
        {.reason = "blackhole",
         .blockedAt = "tgw",
         .hops = {"tgw~stops"},
         .explains = {"blackholes 10.2.0.0/16"}});

    // --- VPC peering
    row("VPC peering delivers to the peer",
        [] {
            return twoVpcs()
                .link("pcx-ab", "vpc-peering", "vpc-a", "vpc-b")
                .route("subnet-a1", "10.2.0.0/16", "pcx-ab")
                .route("subnet-b1", "10.1.0.0/16", "pcx-ab")
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-a1~10.2.0.0/16 → pcx-ab", "subnet-b1~local route", "ec2-b1~delivered"},
         .through = {"peering:pcx-ab"}});
    row("VPC peering is not transitive (A-B-C)",
        [] {
            return twoVpcs()
                .vpc("vpc-c", "10.3.0.0/16")
                .subnet("subnet-c1", "vpc-c", "10.3.1.0/24")
                .ec2("ec2-c1", "subnet-c1", "10.3.1.10")
                .link("pcx-ab", "vpc-peering", "vpc-a", "vpc-b")
                .link("pcx-bc", "vpc-peering", "vpc-b", "vpc-c")
                .route("subnet-a1", "10.3.0.0/16", "pcx-ab")
                .route("subnet-b1", "10.1.0.0/16", "pcx-ab")
                .route("subnet-b1", "10.3.0.0/16", "pcx-bc")
                .route("subnet-c1", "10.2.0.0/16", "pcx-bc")
                .done();
        },
        {"ec2-a1", "ec2-c1"},
        {.reason = "peering-transitivity",
         .blockedAt = "subnet-a1",
         .hops = {"subnet-a1~10.3.0.0/16 → pcx-ab"},
         .through = {"peering:pcx-ab"},
         .explains = {"not transitive"}});

    // --- Relays
    row("an instance without source/destination check relays",
        [] { return relayed(false).done(); },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-a1~10.2.0.0/16 → ec2-relay",
                  "ec2-relay~relays",
                  "subnet-a2~10.2.0.0/16 → pcx-ab",
                  "ec2-b1~delivered"},
         .through = {"relay:ec2-relay", "peering:pcx-ab"}});
    row("an instance with source/destination check does not relay",
        [] { return relayed(true).done(); },
        {"ec2-a1", "ec2-b1"},
        {.reason = "no-route",
         .blockedAt = "ec2-relay",
         .hops = {"ec2-relay~stops"},
         .explains = {"source/destination check"}});

    // --- East-west inspection across Availability Zones
    row("east-west inspection: with appliance mode the reply passes the same endpoint",
        [] { return eastWestInspection(true).done(); },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-i-tgw-a~enters vpc-i", "nfw~inspects", "ec2-b1~delivered"},
         .through = {"firewall:nfw"}});
    row("east-west inspection: without appliance mode, both ends in one AZ keep one endpoint",
        [] { return eastWestInspection(false).set("az-b-1c", "zone", "ap-northeast-1a").done(); },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"nfw~inspects", "ec2-b1~delivered"}, .through = {"firewall:nfw"}});
    row("east-west inspection: without appliance mode the reply enters in the other AZ",
        [] { return eastWestInspection(false).done(); },
        {"ec2-a1", "ec2-b1"},
        {.reason = "no-route",
         .blockedAt = "tgw",
         .through = {"firewall:nfw"},
         .explains = {"no return route through nfw", "subnet-i-tgw-c",
                      "endpoint in subnet-i-fw-c", "not the one in subnet-i-fw-a",
                      "appliance mode on att-i"}});

    // --- Direct Connect
    row("Direct Connect: premises to a VPC through a transit VIF",
        [] { return directConnect().done(); },
        {"corp-dc", "ec2-a1"},
        {.hops = {"dx-con~Direct Connect",
                  "vif~transit VIF",
                  "dxgw~Direct Connect gateway → tgw",
                  "tgw~route table on-premises: 10.1.0.0/16 → att-a (propagated)",
                  "subnet-a-tgw~enters vpc-a",
                  "ec2-a1~delivered"}});
    row("Direct Connect: a VPC to the premises",
        [] { return directConnect().done(); },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.hops = {"subnet-a1~10.0.0.0/16 → tgw",
                  "tgw~route table spokes: 10.0.0.0/16 → dx-assoc (propagated)",
                  "vif~Direct Connect to corp-dc"},
         .explains = {"reached the premises 10.0.5.20"}});
    row("Direct Connect: the association does not advertise the VPC to the premises",
        [] { return directConnect().set("dx-assoc", "allowedPrefixes", {"10.9.0.0/16"}).done(); },
        {"corp-dc", "ec2-a1"},
        {.reason = "no-route",
         .blockedAt = "corp-dc",
         .explains = {"dx-assoc", "allowed prefixes"}});
    row("Direct Connect: the association does not advertise the VPC, so the reply has no way back",
        [] { return directConnect().set("dx-assoc", "allowedPrefixes", {"10.9.0.0/16"}).done(); },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.reason = "no-route",
         .blockedAt = "dxgw",
         .hops = {"tgw~route table spokes: 10.0.0.0/16 → dx-assoc (propagated)"},
         .explains = {"no return route", "dx-assoc", "10.1.1.10", "allowed prefixes"}});
    row("Direct Connect: the VIF is not available to the project",
        [] { return directConnect().set("vif", "availableToProject", false).done(); },
        {"corp-dc", "ec2-a1"},
        {.reason = "no-vif",
         .blockedAt = "vif",
         .hops = {"vif~stops"},
         .explains = {"dx-assoc", "transit VIF available to this project"}});

    row("Direct Connect through a VGW: the subnet has no route back to the premises",
        [] { return directConnectVgw(false).done(); },
        {"corp-dc", "ec2-a1"},
        {.reason = "no-route",
         .blockedAt = "subnet-a1",
         .hops = {"dx-con~Direct Connect", "vif~private VIF", "dxgw~Direct Connect gateway → vgw"},
         .explains = {"no return route", "subnet-a1", "10.0.", "vgw", "route propagation"}});
    row("Direct Connect through a VGW: the reply follows the routes the VGW propagates",
        [] { return directConnectVgw(true).done(); },
        {"corp-dc", "ec2-a1"},
        {.hops = {"dx-con~Direct Connect",
                  "vif~private VIF",
                  "dxgw~Direct Connect gateway → vgw",
                  "ec2-a1~delivered"}});
    row("Direct Connect through a VGW: the reply follows a static route to the VGW",
        [] { return directConnectVgw(false).route("subnet-a1", "10.0.0.0/16", "vgw").done(); },
        {"corp-dc", "ec2-a1"},
        {.hops = {"dxgw~Direct Connect gateway → vgw", "ec2-a1~delivered"}});
    row("Direct Connect through a VGW: the reply to the premises goes elsewhere",
        [] {
            return directConnectVgw(true)
                .add("igw-a", "internet-gateway", "vpc-a")
                .route("subnet-a1", "10.0.0.0/17", "igw-a")
                .done();
        },
        {"corp-dc", "ec2-a1"},
        {.reason = "no-route",
         .blockedAt = "subnet-a1",
         .explains = {"no return route", "igw-a", "not back through vgw"}});
    row("Direct Connect through a VGW: the reply is inspected by a firewall on its way out",
        [] {
            return directConnectVgw(false)
                .subnet("subnet-fw", "vpc-a", "10.1.3.0/28", "firewall")
                .add("nfw", "network-firewall", "vpc-a", {{"subnets", {"subnet-fw"}}})
                .route("subnet-a1", "10.0.0.0/16", "nfw", "subnet-fw")
                .route("subnet-fw", "10.0.0.0/16", "vgw")
                .done();
        },
        {"corp-dc", "ec2-a1"},
        {.hops = {"dxgw~Direct Connect gateway → vgw", "ec2-a1~delivered"}});
    row("Direct Connect through a VGW: the local route wins over a propagated network inside "
        "the VPC",
        [] {
            return directConnectVgw(true)
                .set("corp-dc", "cidrs", {"10.0.0.0/16", "10.1.9.0/24"})
                .done();
        },
        {"ec2-a1", "cidr:10.1.9.5"},
        {.reason = "no-address", .blockedAt = "vpc-a"});
    row("Direct Connect through a VGW: a VPC reaches the premises by a propagated route",
        [] { return directConnectVgw(true).done(); },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.hops = {"subnet-a1~propagated route 10.0.0.0/16 → vgw", "vif~Direct Connect to corp-dc"},
         .explains = {"reached the premises 10.0.5.20"}});
    row("Direct Connect through a VGW: the association does not advertise the VPC",
        [] {
            return directConnectVgw(true)
                .set("dx-assoc", "allowedPrefixes", {"10.1.2.0/24"})
                .done();
        },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.reason = "no-route",
         .blockedAt = "dxgw",
         .explains = {"no return route", "10.1.1.10", "allowed prefixes"}});
    row("Direct Connect through a VGW: without propagation or a route the VPC has no way out",
        [] { return directConnectVgw(false).done(); },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.reason = "no-route", .blockedAt = "subnet-a1", .explains = {"no route to 10.0.5.20"}});
    row("Direct Connect through a VGW: a static route wins over the propagated one",
        [] {
            return directConnectVgw(true)
                .add("igw-a", "internet-gateway", "vpc-a")
                .route("subnet-a1", "10.0.0.0/16", "igw-a")
                .done();
        },
        {"ec2-a1", "cidr:10.0.5.20"},
        {.reason = "no-route", .blockedAt = "igw-a"});

    // --- VPC endpoints
    row("S3 gateway endpoint through the prefix-list route",
        [] {
            return internetEdge()
                .add("vpce-s3", "vpc-endpoint", "vpc-a", {{"type", "gateway"}, {"service", "s3"}})
                .route("subnet-a1", "0.0.0.0/0", "nat-a")
                .route("subnet-a1", "pl-61a54008", "vpce-s3")
                .done();
        },
        {"ec2-a1", "service:s3"},
        {.hops = {"subnet-a1~pl-61a54008 → vpce-s3", "vpce-s3~gateway endpoint for s3"},
         .through = {"endpoint:vpce-s3"},
         .explains = {"through gateway endpoint vpce-s3"},
         .resolved = "gateway endpoint vpce-s3"});
    row("interface endpoint with private DNS",
        [] { return stsEndpoint(true).done(); },
        {"ec2-a1", "service:sts"},
        {.hops = {"subnet-ep~local route to vpce-sts", "vpce-sts~delivered"},
         .through = {"endpoint:vpce-sts"},
         .explains = {"reached vpce-sts"},
         .resolved = "private DNS of interface endpoint vpce-sts"});
    row("interface endpoint without private DNS: the public name goes out by NAT",
        [] {
            Net n = stsEndpoint(false);
            n.add("igw-a", "internet-gateway", "vpc-a")
                .subnet("subnet-pub", "vpc-a", "10.1.0.0/24", "public")
                .route("subnet-pub", "0.0.0.0/0", "igw-a")
                .add("nat-a", "nat-gateway", "subnet-pub")
                .route("subnet-a1", "0.0.0.0/0", "nat-a");
            return n.done();
        },
        {"ec2-a1", "service:sts"},
        {.hops = {"nat-a~translates", "igw-a~to the internet"},
         .through = {"nat:nat-a", "internet"},
         .explains = {"sts.ap-northeast-1.amazonaws.com"},
         .resolved = "no VPC endpoint in reach"});

    // --- Security groups and network ACLs
    row("security group of the destination does not admit the port",
        [] {
            return oneVpc()
                .add("sg-a2", "security-group", "vpc-a", {{"inbound", {sgRow(443, "10.1.0.0/16")}}})
                .set("ec2-a2", "securityGroups", {"sg-a2"})
                .done();
        },
        {"ec2-a1", "ec2-a2", 22},
        {.reason = "security-group",
         .blockedAt = "ec2-a2",
         .hops = {"subnet-a2~local route", "ec2-a2~stops"},
         .explains = {"sg-a2", "tcp 22", "10.1.1.10"}});
    row("security group of the source does not let the port out",
        [] {
            return oneVpc()
                .add(
                    "sg-a1", "security-group", "vpc-a", {{"outbound", {sgRow(443, "10.1.0.0/16")}}})
                .set("ec2-a1", "securityGroups", {"sg-a1"})
                .done();
        },
        {"ec2-a1", "ec2-a2", 5432},
        {.reason = "security-group",
         .blockedAt = "ec2-a1",
         .hops = {"ec2-a1~stops"},
         .explains = {"sg-a1", "tcp 5432", "10.1.2.10"}});
    row("network ACL denies inbound",
        [] {
            return oneVpc()
                .add("nacl-a2",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-a2"}},
                      {"inbound", {aclRow(100, "allow", "10.1.0.0/16", 443, 443)}},
                      {"outbound", {aclRow(100, "allow", "10.1.0.0/16", 1024, 65535)}}})
                .done();
        },
        {"ec2-a1", "ec2-a2", 22},
        {.reason = "network-acl",
         .blockedAt = "nacl-a2",
         .hops = {"nacl-a2~stops"},
         .explains = {"entering subnet-a2"}});
    row("network ACL: a lower-numbered deny wins over an allow",
        [] {
            return oneVpc()
                .add("nacl-a2",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-a2"}},
                      {"inbound",
                       {aclRow(200, "allow", "10.1.0.0/16", 443, 443),
                        aclRow(90, "deny", "10.1.1.0/24", 0, 65535, "all")}},
                      {"outbound", {aclRow(100, "allow", "10.1.0.0/16", 1024, 65535)}}})
                .done();
        },
        {"ec2-a1", "ec2-a2"},
        {.reason = "network-acl",
         .blockedAt = "nacl-a2",
         .hops = {"nacl-a2~stops"},
         .explains = {"rule 90"}});
    row("network ACL lets the request in but not the reply out",
        [] {
            return oneVpc()
                .add("nacl-a2",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-a2"}},
                      {"inbound", {aclRow(100, "allow", "10.1.0.0/16", 443, 443)}},
                      {"outbound", {aclRow(100, "allow", "10.1.0.0/16", 443, 443)}}})
                .done();
        },
        {"ec2-a1", "ec2-a2"},
        {.reason = "network-acl",
         .blockedAt = "nacl-a2",
         .hops = {"nacl-a2~stops"},
         .explains = {"reply", "ephemeral"}});
    row("network ACL of the client does not let the reply in",
        [] {
            return oneVpc()
                .add("nacl-a1",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-a1"}},
                      {"inbound", {aclRow(100, "allow", "10.1.0.0/16", 22, 22)}},
                      {"outbound", {aclRow(100, "allow", "0.0.0.0/0", 0, 65535, "all")}}})
                .done();
        },
        {"ec2-a1", "ec2-a2"},
        {.reason = "network-acl",
         .blockedAt = "nacl-a1",
         .hops = {"nacl-a1~stops"},
         .explains = {"reply", "ephemeral"}});

    // --- Inbound from the internet
    row("internet reaches a public instance whose replies go back by the IGW",
        [] { return webServer("igw-a", true).done(); },
        {"internet", "ec2-web"},
        {.hops = {"igw-a~maps the public address to 10.1.5.10", "ec2-web~delivered"},
         .through = {"internet"},
         .explains = {"reached from the internet"}});
    row("internet to a public instance whose subnet routes replies elsewhere",
        [] { return webServer("nat-a", true).done(); },
        {"internet", "ec2-web"},
        {.reason = "no-route",
         .blockedAt = "subnet-web",
         .hops = {"igw-a~maps the public address", "subnet-web~stops"},
         .explains = {"reply", "internet gateway"}});
    row("internet cannot name a private instance",
        [] { return webServer("igw-a", false).done(); },
        {"internet", "ec2-web"},
        {.reason = "no-public-address",
         .blockedAt = "ec2-web",
         .hops = {"ec2-web~stops"},
         .explains = {"no public address"}});

    // --- The reference design (resources/samples/reference-tokyo.heiiki.json)
    row("reference: AV SaaS through nfw-egress and a NAT gateway",
        referenceSample,
        {"ec2-analysis-a", "domain:agents.jp-1.av-saas.example.com"},
        {.hops = {"ec2-analysis-a",
                  "subnet-work-a-private~0.0.0.0/0 → tgw-tokyo",
                  "tgw-tokyo~route table spokes: 0.0.0.0/0 → attach-tgw-inspection",
                  "subnet-insp-a-tgw~enters vpc-inspection",
                  "nfw-egress~rule group allow-av-saas-manager allows",
                  "natgw-insp-a~translates",
                  "igw-inspection~to the internet"},
         .through = {"firewall:nfw-egress", "nat:natgw-insp-a", "internet"},
         .explains = {"agents.jp-1.av-saas.example.com"}});
    row("reference: OS patches over HTTP from AZ c stay in AZ c",
        referenceSample,
        {"ec2-analysis-c", "domain:security.ubuntu.com", 80},
        {.hops = {"subnet-insp-c-tgw", "nfw-egress~allow-os-patch-repositories", "natgw-insp-c"},
         .through = {"firewall:nfw-egress", "nat:natgw-insp-c", "internet"}});
    row("reference: AZ c routed to the AZ a firewall endpoint crosses AZs",
        [] {
            json d = referenceSample();
            elementIn(d, "subnet-insp-c-tgw")["properties"]["routes"][0]["endpoint"]
                = "subnet-insp-a-firewall";
            return d;
        },
        {"ec2-analysis-c", "domain:security.ubuntu.com", 80},
        {.hops = {"subnet-insp-c-tgw~0.0.0.0/0 → nfw-egress", "nfw-egress", "natgw-insp-a"},
         .through = {"firewall:nfw-egress", "nat:natgw-insp-a", "internet", "cross-az"}});
    row("reference: an unlisted domain is dropped by the firewall",
        referenceSample,
        {"ec2-analysis-a", "domain:uploads.example.net"},
        {.reason = "firewall-rule",
         .blockedAt = "nfw-egress",
         .hops = {"tgw-tokyo", "subnet-insp-a-tgw", "nfw-egress~stops"},
         .through = {"firewall:nfw-egress"},
         .explains = {"allow-av-saas-manager", "uploads.example.net"}});
    row("reference: S3 through the gateway endpoint",
        referenceSample,
        {"ec2-analysis-a", "service:s3"},
        {.hops = {"subnet-work-a-private~pl-61a54008 → endpoint-work-s3"},
         .through = {"endpoint:endpoint-work-s3"},
         .resolved = "gateway endpoint endpoint-work-s3"});
    row("reference: on-premises to the analysis server",
        referenceSample,
        {"corp-dc", "ec2-analysis-a"},
        {.hops = {"dx-tokyo",
                  "vif-transit~transit VIF",
                  "dxgw",
                  "tgw-tokyo~route table on-premises",
                  "subnet-work-a-tgw~enters vpc-workload",
                  "ec2-analysis-a~delivered"}});
    row("reference: the operator's STS calls use the operator VPC's endpoint",
        referenceSample,
        {"operator", "service:sts"},
        {.hops = {"operator", "vif-transit", "subnet-op-a-tgw", "endpoint-op-sts~delivered"},
         .through = {"endpoint:endpoint-op-sts"},
         .resolved = "endpoint-op-sts"});
    row("reference: the internet cannot reach the analysis server",
        referenceSample,
        {"internet", "ec2-analysis-a", 22},
        {.reason = "no-public-address", .blockedAt = "ec2-analysis-a"});
}

void tst_PathEngine::trace()
{
    QFETCH(Build, build);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(QString, reason);
    QFETCH(QString, blockedAt);
    QFETCH(QStringList, hops);
    QFETCH(QStringList, through);
    QFETCH(QStringList, explains);
    QFETCH(QString, resolved);
    QFETCH(QString, bug);

    const json document = build();
    QVERIFY2(!document.is_null(), "the design could not be read");
    const auto loaded = io::loadDesignFromText(document.dump());
    QByteArray errors;
    for (const auto &e : loaded.errors)
        errors += "\n  " + QByteArray::fromStdString(e.format("fixture"));
    QVERIFY2(loaded.design && loaded.errors.empty(), errors.constData());

    network::Query query;
    if (from == QLatin1String("internet"))
        query.fromInternet = true;
    else
        query.from = Id(from.toStdString());
    query.to = target(to);
    query.port = port;
    const network::Topology topology(*loaded.design);
    const network::PathEngine engine(topology);
    const network::PathResult path = engine.trace(query);
    const QByteArray trail = describe(path);

    // The validator's brief trace must decide the same and go through the same elements.
    const network::PathResult brief = engine.trace(query, network::Detail::Brief);
    QVERIFY2(brief.hops.empty() && brief.explanation.empty() && brief.resolvedAs.empty(),
             "a brief trace builds no texts");
    QVERIFY2(brief.delivered == path.delivered && brief.reason == path.reason
                 && brief.blockedAt == path.blockedAt && brief.resolution == path.resolution
                 && brief.firewalls() == path.firewalls()
                 && brief.natGateways() == path.natGateways()
                 && brief.endpoints() == path.endpoints() && brief.relays() == path.relays()
                 && brief.peerings() == path.peerings() && brief.vpcs() == path.vpcs()
                 && brief.reachedInternet == path.reachedInternet
                 && brief.crossedAzToFirewall == path.crossedAzToFirewall,
             "the brief trace differs from the full one" + trail);

    // Everything that differs from the row, so that a known defect fails in one place.
    QStringList problems;
    auto expect = [&](bool ok, const QString &what) {
        if (!ok)
            problems << what;
    };
    const QString gotReason = QString::fromUtf8(toString(path.reason).data());
    expect(gotReason == reason, "reason " + gotReason + ", expected " + reason);
    expect(path.delivered == (reason == QLatin1String("delivered")), "delivered flag");
    const QString gotBlockedAt = QString::fromStdString(path.blockedAt.str());
    expect(gotBlockedAt == blockedAt,
           "blocked at \"" + gotBlockedAt + "\", expected \"" + blockedAt + "\"");

    // The hops a reader looks for, in order.
    size_t at = 0;
    for (const QString &want : hops) {
        const QString id = want.section('~', 0, 0);
        const QString action = want.section('~', 1);
        while (at < path.hops.size()
               && !(QString::fromStdString(path.hops[at].element.str()) == id
                    && QString::fromStdString(path.hops[at].action).contains(action)))
            ++at;
        expect(at < path.hops.size(), "no hop \"" + want + "\" in order");
        ++at;
    }

    // What the path went through: exactly these.
    QMap<QString, QStringList> want;
    for (const QString &t : through)
        if (t.contains(':'))
            want[t.section(':', 0, 0)] << t.section(':', 1);
    const std::pair<const char *, QStringList> lists[] = {{"firewall", ids(path.firewalls())},
                                                          {"nat", ids(path.natGateways())},
                                                          {"endpoint", ids(path.endpoints())},
                                                          {"peering", ids(path.peerings())},
                                                          {"relay", ids(path.relays())}};
    for (const auto &[kind, list] : lists)
        expect(list == want.value(kind),
               QString(kind) + " " + list.join(',') + ", expected " + want.value(kind).join(','));
    expect(path.reachedInternet == through.contains(QStringLiteral("internet")),
           "reached the internet: " + QString(path.reachedInternet ? "yes" : "no"));
    expect(path.crossedAzToFirewall == through.contains(QStringLiteral("cross-az")),
           "crossed AZs to the firewall: " + QString(path.crossedAzToFirewall ? "yes" : "no"));

    for (const QString &text : explains)
        expect(QString::fromStdString(path.explanation).contains(text),
               "the explanation does not say \"" + text + "\"");
    expect(QString::fromStdString(path.resolvedAs).contains(resolved),
           "resolved as does not say \"" + resolved + "\"");

    if (!bug.isEmpty())
        QEXPECT_FAIL("", qPrintable(bug), Abort);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ") + trail));
}

// Paths where the engine's verdict once contradicted, or still contradicts, how AWS forwards
// the packet. Each row states what AWS does; an open defect is named in "bug" and fails as
// expected until fixed, a fixed one has no "bug" and guards the fix.
void tst_PathEngine::awsDisagrees_data()
{
    addColumns();

    row("network ACL of a public subnet drops the internet's reply",
        [] {
            // The ACL admits 443 in but no ephemeral ports, so the web server's reply from the
            // internet never gets back in. AWS: a network ACL filters all traffic entering or
            // leaving the subnet, the internet gateway's too.
            return internetEdge()
                .ec2("ec2-web", "subnet-pub", "10.1.0.10", {{"publicIp", true}})
                .add("nacl-pub",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-pub"}},
                      {"inbound", {aclRow(100, "allow", "0.0.0.0/0", 443, 443)}},
                      {"outbound", {aclRow(100, "allow", "0.0.0.0/0", 0, 65535, "all")}}})
                .done();
        },
        {"ec2-web", "domain:updates.example.org"},
        {.reason = "network-acl",
         .blockedAt = "nacl-pub",
         .hops = {"nacl-pub~stops"},
         .through = {"internet"},
         .explains = {"reply"}});
    row("network ACL of the instance subnet stops traffic to the Transit Gateway",
        [] {
            // AWS (Transit Gateway network ACLs): the instance subnet's outbound rules
            // evaluate traffic from the instances to the transit gateway.
            return transitHub(json::array({spokes()}))
                .add("nacl-a1",
                     "network-acl",
                     "vpc-a",
                     {{"subnets", {"subnet-a1"}},
                      {"inbound", {aclRow(100, "allow", "0.0.0.0/0", 0, 65535, "all")}},
                      {"outbound", {aclRow(100, "allow", "10.1.0.0/16", 0, 65535, "all")}}})
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.reason = "network-acl",
         .blockedAt = "nacl-a1",
         .hops = {"nacl-a1~stops"},
         .explains = {"leaving subnet-a1"}});
    row("network ACL of the TGW subnet: inbound rules do not see traffic from the TGW",
        [] {
            // AWS (Transit Gateway network ACLs): for traffic from the transit gateway to
            // the instances, only the transit gateway subnet's outbound rules are evaluated.
            // This ACL admits only its own VPC, which is what the replies need.
            return transitHub(json::array({spokes()}))
                .add("nacl-b-tgw",
                     "network-acl",
                     "vpc-b",
                     {{"subnets", {"subnet-b-tgw"}},
                      {"inbound", {aclRow(100, "allow", "10.2.0.0/16", 0, 65535, "all")}},
                      {"outbound", {aclRow(100, "allow", "0.0.0.0/0", 0, 65535, "all")}}})
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.hops = {"subnet-b-tgw~enters vpc-b", "ec2-b1~delivered"}});
    row("gateway endpoint not in the subnet's route table: S3 by the NAT gateway",
        [] {
            // The endpoint exists but subnet-a1 has no pl- route to it, so S3's public name
            // is reached like any internet name: through the NAT and internet gateways.
            return internetEdge()
                .add("vpce-s3", "vpc-endpoint", "vpc-a", {{"type", "gateway"}, {"service", "s3"}})
                .route("subnet-a1", "0.0.0.0/0", "nat-a")
                .done();
        },
        {"ec2-a1", "service:s3"},
        {.hops = {"nat-a~translates", "igw-a~to the internet"},
         .through = {"nat:nat-a", "internet"}});
    row("VPC peering without a route back from the peer",
        [] {
            // AWS: both VPCs must route the other's CIDR to the peering connection; subnet-b1
            // has no route back, so the reply goes nowhere.
            return twoVpcs()
                .link("pcx-ab", "vpc-peering", "vpc-a", "vpc-b")
                .route("subnet-a1", "10.2.0.0/16", "pcx-ab")
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.reason = "no-route",
         .blockedAt = "subnet-b1",
         .hops = {"subnet-b1~stops: no return route"},
         .through = {"peering:pcx-ab"},
         .explains = {"no route back to 10.1.1.10"}});
    row("TGW: the destination's attachment has no route back",
        [] {
            // att-b is associated with a route table that knows no route to vpc-a.
            return transitHub(
                       {{{"name", "a"}, {"associations", {"att-a"}}, {"propagations", {"att-b"}}},
                        {{"name", "b"}, {"associations", {"att-b"}}}})
                .done();
        },
        {"ec2-a1", "ec2-b1"},
        {.reason = "no-route",
         .blockedAt = "tgw",
         .hops = {"subnet-b-tgw~enters vpc-b", "tgw~stops: no return route"},
         .explains = {"route table b (of att-b) has no route back to 10.1.1.10"}});
    row("reference written in another order: the operator's STS endpoint is the same",
        [] {
            // Only the order of the elements in the file changes.
            json d = referenceSample();
            moveToEnd(d, "vpc-operator");
            return d;
        },
        {"operator", "service:sts"},
        {.hops = {"operator", "vif-transit", "subnet-op-a-tgw", "endpoint-op-sts~delivered"},
         .through = {"endpoint:endpoint-op-sts"},
         .resolved = "endpoint-op-sts"});
    row("inspection in AZ a only: AZ c's traffic crosses AZs to the firewall",
        [] {
            json d = referenceSample();
            elementIn(d, "nfw-egress")["properties"]["subnets"] = {"subnet-insp-a-firewall"};
            for (auto &l : d["links"])
                if (l["id"] == "attach-tgw-inspection")
                    l["properties"]["subnets"] = {"subnet-insp-a-tgw"};
            return d;
        },
        {"ec2-analysis-c", "domain:security.ubuntu.com", 80},
        {.hops = {"subnet-insp-a-tgw", "nfw-egress~inspects", "natgw-insp-a"},
         .through = {"firewall:nfw-egress", "nat:natgw-insp-a", "internet", "cross-az"}});
}

void tst_PathEngine::awsDisagrees()
{
    trace();
}

QTEST_APPLESS_MAIN(tst_PathEngine)
#include "tst_pathengine.moc"
