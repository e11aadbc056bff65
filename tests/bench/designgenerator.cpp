#include "designgenerator.h"

#include "designbuilder.h"
#include "referencepolicies.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace heiiki::bench {

using model::Design;
using model::ElementKind;
using model::FlowTarget;
using model::LinkKind;
using json = heiiki::Json;

namespace {

// The address plan. Spokes take /21 blocks of 10.0.0.0/8; the hub VPCs sit in 100.64.0.0/10
// and the premises in 172.16.0.0/12, so nothing overlaps at any size.
const std::vector<std::string> kOnPremises{"172.16.0.0/16", "172.17.0.0/16"};
constexpr const char *kSpokeSupernet = "10.0.0.0/8";
constexpr const char *kOperatorCidr = "100.64.0.0/16";
constexpr const char *kInspectionCidr = "100.65.0.0/16";
constexpr int kSpokePrefix = 21;
constexpr const char *kS3PrefixList = "pl-61a54008";
constexpr const char *kTgw = "tgw-tokyo";
constexpr const char *kRegion = "region-b-tokyo";
constexpr const char *kAvDomain = "agents.jp-1.av-saas.example.com";
constexpr const char *kPatchDomain = "security.ubuntu.com";
constexpr const char *kZones = "ac";
const std::vector<std::string> kInterfaceServices{"ssm", "ssmmessages", "ec2messages", "sts"};

std::string spokeTag(int spoke)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "s%04d", spoke);
    return buffer;
}

json firewallRoute(const std::string &destination, char zone)
{
    return {{"destination", destination},
            {"target", "nfw-egress"},
            {"endpoint", std::string("subnet-insp-") + zone + "-firewall"}};
}

/// An interface endpoint in \a subnets (a gateway endpoint when there are none), with
/// policy II attached. Returns its AWS id.
std::string addEndpoint(DesignBuilder &b,
                        const std::string &id,
                        const std::string &parent,
                        const std::string &service,
                        const std::vector<std::string> &subnets,
                        const std::string &securityGroup)
{
    const std::string awsId = b.nextEndpointId();
    json properties{{"endpointId", awsId}, {"service", service}};
    if (subnets.empty()) {
        properties["type"] = "gateway";
    } else {
        properties["type"] = "interface";
        properties["privateDns"] = true;
        properties["subnets"] = subnets;
        properties["securityGroups"] = json::array({securityGroup});
    }
    b.element(id, ElementKind::VpcEndpoint, service + " endpoint", parent, properties);
    b.link(
        "attach-ii-" + id, LinkKind::Policy, id, "pol-ii-endpoint-company-only", {}, "Policy II");
    return awsId;
}

/// Account A: the operator's IAM user and group, and the operator VPC whose endpoints the
/// requesting side of Session Manager uses (ssm, ssmmessages, sts).
void addOperatorSide(DesignBuilder &b, std::string *ssmEndpoint, std::string *stsEndpoint)
{
    b.element("account-a",
              ElementKind::Account,
              "Account A (operators)",
              {},
              {{"accountId", "111111111111"}});
    b.element("iam-user-operator",
              ElementKind::IamUser,
              "Operator's IAM user",
              "account-a",
              {{"userName", "op-sato"}, {"hasAccessKey", true}, {"mfa", true}});
    b.element("iam-group-operators",
              ElementKind::IamGroup,
              "operators",
              "account-a",
              {{"groupName", "operators"}});
    b.element("region-a-tokyo",
              ElementKind::Region,
              "Tokyo",
              "account-a",
              {{"region", "ap-northeast-1"}});
    b.element("vpc-operator",
              ElementKind::Vpc,
              "Operator access VPC",
              "region-a-tokyo",
              {{"cidrs", {kOperatorCidr}}});
    json endpointRoutes = json::array();
    for (const auto &c : kOnPremises)
        endpointRoutes.push_back(route(c, kTgw));
    std::vector<std::string> endpointSubnets;
    for (int z = 0; z < 2; ++z) {
        const char zone = kZones[z];
        const std::string az = std::string("az-op-") + zone;
        b.element(az,
                  ElementKind::AvailabilityZone,
                  std::string("ap-northeast-1") + zone,
                  "vpc-operator",
                  {{"zone", std::string("ap-northeast-1") + zone}});
        const std::string prefix = std::string("subnet-op-") + zone;
        b.element(prefix + "-tgw",
                  ElementKind::Subnet,
                  "Operator TGW attachment",
                  az,
                  {{"cidr", cidr((100u << 24) | (64u << 16) | (z * 16u), 28)},
                   {"role", "private"},
                   {"routes", json::array()}});
        b.element(prefix + "-endpoint",
                  ElementKind::Subnet,
                  "Operator endpoints",
                  az,
                  {{"cidr", cidr((100u << 24) | (64u << 16) | ((z + 1u) << 8), 24)},
                   {"role", "endpoint"},
                   {"routes", endpointRoutes}});
        endpointSubnets.push_back(prefix + "-endpoint");
    }
    json inbound = json::array({sgRule(443, 443, "cidr", kOperatorCidr, "HTTPS from the VPC")});
    json aclIn = json::array({aclRule(100, 443, 443, kOperatorCidr)});
    json aclOut = json::array({aclRule(100, 1024, 65535, kOperatorCidr)});
    for (size_t i = 0; i < kOnPremises.size(); ++i) {
        inbound.push_back(sgRule(443, 443, "cidr", kOnPremises[i], "HTTPS from operators"));
        aclIn.push_back(aclRule(110 + 10 * static_cast<int>(i), 443, 443, kOnPremises[i]));
        aclOut.push_back(aclRule(110 + 10 * static_cast<int>(i), 1024, 65535, kOnPremises[i]));
    }
    b.element("sg-op-endpoints",
              ElementKind::SecurityGroup,
              "Interface endpoints",
              "vpc-operator",
              {{"inbound", inbound}, {"outbound", json::array()}});
    *ssmEndpoint = addEndpoint(
        b, "endpoint-op-ssm", "vpc-operator", "ssm", endpointSubnets, "sg-op-endpoints");
    addEndpoint(b,
                "endpoint-op-ssmmessages",
                "vpc-operator",
                "ssmmessages",
                endpointSubnets,
                "sg-op-endpoints");
    *stsEndpoint = addEndpoint(
        b, "endpoint-op-sts", "vpc-operator", "sts", endpointSubnets, "sg-op-endpoints");
    b.element("nacl-op-endpoints",
              ElementKind::NetworkAcl,
              "Endpoint subnets",
              "vpc-operator",
              {{"subnets", endpointSubnets}, {"inbound", aclIn}, {"outbound", aclOut}});
    b.link("member-operator-operators",
           LinkKind::MemberOf,
           "iam-user-operator",
           "iam-group-operators");
    b.link("attach-i-operators",
           LinkKind::Policy,
           "iam-group-operators",
           "pol-i-operators-assume-role",
           {},
           "Policy I");
}

/// The inspection VPC: TGW subnets → firewall endpoint of the same AZ → NAT → internet
/// gateway, and back to the Transit Gateway for the spokes and the operator VPC.
void addInspectionVpc(DesignBuilder &b)
{
    b.element("vpc-inspection",
              ElementKind::Vpc,
              "Inspection VPC (egress)",
              kRegion,
              {{"cidrs", {kInspectionCidr}}});
    b.element("igw-inspection", ElementKind::InternetGateway, "Internet gateway", "vpc-inspection");
    const uint32_t base = (100u << 24) | (65u << 16);
    const std::vector<std::string> inside{kSpokeSupernet, kOperatorCidr};
    for (int z = 0; z < 2; ++z) {
        const char zone = kZones[z];
        const std::string az = std::string("az-insp-") + zone;
        const std::string prefix = std::string("subnet-insp-") + zone;
        b.element(az,
                  ElementKind::AvailabilityZone,
                  std::string("ap-northeast-1") + zone,
                  "vpc-inspection",
                  {{"zone", std::string("ap-northeast-1") + zone}});
        b.element(prefix + "-tgw",
                  ElementKind::Subnet,
                  "Inspection TGW attachment",
                  az,
                  {{"cidr", cidr(base | (z * 16u), 28)},
                   {"role", "private"},
                   {"routes", json::array({firewallRoute("0.0.0.0/0", zone)})}});
        json firewallRoutes = json::array({route("0.0.0.0/0", std::string("natgw-insp-") + zone)});
        json publicRoutes = json::array({route("0.0.0.0/0", "igw-inspection")});
        for (const auto &c : inside) {
            firewallRoutes.push_back(route(c, kTgw));
            publicRoutes.push_back(firewallRoute(c, zone));
        }
        b.element(prefix + "-firewall",
                  ElementKind::Subnet,
                  "Firewall endpoint",
                  az,
                  {{"cidr", cidr(base | (1u << 8) | (z * 16u), 28)},
                   {"role", "firewall"},
                   {"routes", firewallRoutes}});
        b.element(prefix + "-public",
                  ElementKind::Subnet,
                  "NAT",
                  az,
                  {{"cidr", cidr(base | ((2u + z) << 8), 24)},
                   {"role", "public"},
                   {"routes", publicRoutes}});
        b.element(std::string("natgw-insp-") + zone,
                  ElementKind::NatGateway,
                  "NAT gateway",
                  prefix + "-public",
                  {{"connectivity", "public"}});
    }
    json ruleGroups = json::array();
    ruleGroups.push_back({{"name", "allow-av-saas-manager"},
                          {"type", "ALLOWLIST"},
                          {"targets", {kAvDomain, "relay.jp-1.av-saas.example.com"}},
                          {"targetTypes", {"TLS_SNI", "HTTP_HOST"}},
                          {"capacity", 100}});
    ruleGroups.push_back({{"name", "allow-os-patch-repositories"},
                          {"type", "ALLOWLIST"},
                          {"targets", {"ap-northeast-1.ec2.archive.ubuntu.com", kPatchDomain}},
                          {"targetTypes", {"TLS_SNI", "HTTP_HOST"}},
                          {"capacity", 100}});
    b.element("nfw-egress",
              ElementKind::NetworkFirewall,
              "Egress firewall (domain allow-list)",
              "vpc-inspection",
              {{"subnets", {"subnet-insp-a-firewall", "subnet-insp-c-firewall"}},
               {"homeNet", inside},
               {"statefulDefaultAction", "aws:drop_established"},
               {"ruleGroups", ruleGroups}});
}

/// One spoke VPC; returns the id of its TGW attachment.
std::string addSpoke(DesignBuilder &b, int spoke, int instancesPerSubnet)
{
    const std::string tag = spokeTag(spoke);
    const std::string vpc = "vpc-spoke-" + tag;
    const uint32_t base = (10u << 24) | (static_cast<uint32_t>(spoke) << (32 - kSpokePrefix));
    const std::string vpcCidr = cidr(base, kSpokePrefix);
    b.element(vpc, ElementKind::Vpc, "Workload VPC " + tag, kRegion, {{"cidrs", {vpcCidr}}});

    const std::string sgApp = spokeSecurityGroupId(spoke, "app");
    const std::string sgDb = spokeSecurityGroupId(spoke, "db");
    const std::string sgEndpoints = spokeSecurityGroupId(spoke, "endpoints");
    const std::string s3Endpoint = "endpoint-" + tag + "-s3";
    std::vector<std::string> tgwSubnets;
    std::vector<std::string> endpointSubnets;
    for (int z = 0; z < 2; ++z) {
        const char zone = kZones[z];
        const std::string az = "az-" + tag + "-" + zone;
        const std::string prefix = "subnet-" + tag + "-" + zone;
        b.element(az,
                  ElementKind::AvailabilityZone,
                  std::string("ap-northeast-1") + zone,
                  vpc,
                  {{"zone", std::string("ap-northeast-1") + zone}});
        // Slots of /24: app 3z, db 3z+1, endpoints 3z+2; slot 6 holds the /28 TGW subnets.
        b.element(prefix + "-tgw",
                  ElementKind::Subnet,
                  "TGW attachment",
                  az,
                  {{"cidr", cidr(base | (6u << 8) | (z * 16u), 28)},
                   {"role", "private"},
                   {"routes", json::array()}});
        const std::string tiers[] = {"app", "db"};
        for (int t = 0; t < 2; ++t) {
            const uint32_t subnetBase = base | ((3u * z + t) << 8);
            const std::string subnet = prefix + "-" + tiers[t];
            b.element(
                subnet,
                ElementKind::Subnet,
                tiers[t] + " servers",
                az,
                {{"cidr", cidr(subnetBase, 24)},
                 {"role", "private"},
                 {"mapPublicIp", false},
                 {"routes",
                  json::array({route("0.0.0.0/0", kTgw), route(kS3PrefixList, s3Endpoint)})}});
            for (int n = 1; n <= instancesPerSubnet; ++n)
                b.element(spokeInstanceId(spoke, zone, tiers[t], n),
                          ElementKind::Ec2Instance,
                          tiers[t] + " server " + std::to_string(n),
                          subnet,
                          {{"privateIp", ipv4(subnetBase + 9u + n)},
                           {"securityGroups", {t == 0 ? sgApp : sgDb}},
                           {"instanceProfile", "iam-role-workload"},
                           {"ssmAgent", true}});
        }
        b.element(prefix + "-endpoint",
                  ElementKind::Subnet,
                  "Endpoints",
                  az,
                  {{"cidr", cidr(base | ((3u * z + 2u) << 8), 24)},
                   {"role", "endpoint"},
                   {"routes", json::array()}});
        tgwSubnets.push_back(prefix + "-tgw");
        endpointSubnets.push_back(prefix + "-endpoint");
    }

    json appIn = json::array();
    for (const auto &c : kOnPremises)
        appIn.push_back(sgRule(443, 443, "cidr", c, "Data delivery from on-premises"));
    const json egress = json::array({sgRule(443, 443, "cidr", "0.0.0.0/0", "HTTPS out"),
                                     sgRule(80, 80, "cidr", "0.0.0.0/0", "HTTP: OS patches")});
    json appOut = egress;
    appOut.push_back(sgRule(5432, 5432, "securityGroup", sgDb, "Database"));
    b.element(sgApp,
              ElementKind::SecurityGroup,
              "App servers",
              vpc,
              {{"inbound", appIn}, {"outbound", appOut}});
    b.element(sgDb,
              ElementKind::SecurityGroup,
              "Database servers",
              vpc,
              {{"inbound", json::array({sgRule(5432, 5432, "securityGroup", sgApp, "App")})},
               {"outbound", egress}});
    b.element(sgEndpoints,
              ElementKind::SecurityGroup,
              "Interface endpoints",
              vpc,
              {{"inbound", json::array({sgRule(443, 443, "cidr", vpcCidr, "HTTPS in")})},
               {"outbound", json::array()}});
    for (const auto &service : kInterfaceServices)
        addEndpoint(
            b, "endpoint-" + tag + "-" + service, vpc, service, endpointSubnets, sgEndpoints);
    addEndpoint(b, s3Endpoint, vpc, "s3", {}, {});
    b.element("nacl-" + tag + "-endpoints",
              ElementKind::NetworkAcl,
              "Endpoint subnets",
              vpc,
              {{"subnets", endpointSubnets},
               {"inbound", json::array({aclRule(100, 443, 443, vpcCidr)})},
               {"outbound", json::array({aclRule(100, 1024, 65535, vpcCidr)})}});
    const std::string attachment = "attach-tgw-" + tag;
    b.link(attachment,
           LinkKind::TgwAttachment,
           vpc,
           kTgw,
           {{"subnets", tgwSubnets}, {"applianceMode", false}});

    const std::string appA = spokeInstanceId(spoke, 'a', "app", 1);
    const std::string appC = spokeInstanceId(spoke, 'c', "app", 1);
    const std::string dbA = spokeInstanceId(spoke, 'a', "db", 1);
    const std::string f = "flow-" + tag + "-";
    using K = FlowTarget::Kind;
    b.flow(f + "av-a", "Anti-virus agent A → SaaS manager", appA, K::Domain, kAvDomain, 443);
    b.flow(f + "av-c", "Anti-virus agent C → SaaS manager", appC, K::Domain, kAvDomain, 443);
    b.flow(f + "patches", "OS security patches", dbA, K::Domain, kPatchDomain, 80);
    b.flow(f + "s3", "Results to S3", appA, K::Service, "s3", 443, true, 500.0);
    b.flow(f + "app-db", "App → database", appA, K::Element, dbA, 5432);
    b.flow(f + "onprem", "Data from on-premises", "corp-dc", K::Element, appA, 443);
    b.flow(f + "operator",
           "Operator port forwarding",
           "operator",
           K::Element,
           appC,
           22,
           true,
           0,
           "session-manager");
    return attachment;
}

} // namespace

int maxHubAndSpokeSpokes()
{
    return 1 << (kSpokePrefix - 8);
}

std::string spokeInstanceId(int spoke, char zone, const std::string &tier, int n)
{
    return "ec2-" + spokeTag(spoke) + "-" + zone + "-" + tier + "-" + std::to_string(n);
}

std::string spokeSecurityGroupId(int spoke, const std::string &tier)
{
    return "sg-" + spokeTag(spoke) + "-" + tier;
}

Design generateHubAndSpoke(int spokes, const HubAndSpokeOptions &options)
{
    if (spokes < 0 || spokes > maxHubAndSpokeSpokes())
        throw std::out_of_range("generateHubAndSpoke: 0 to "
                                + std::to_string(maxHubAndSpokeSpokes()) + " spokes");
    const int instances = std::clamp(options.instancesPerSubnet, 1, 200);
    Design design;
    auto &settings = design.settings();
    settings.name = "Synthetic hub and spoke (" + std::to_string(spokes) + " spokes)";
    settings.description = "Generated by tests/bench for the validation benchmark.";
    settings.allowedRegions = {"ap-northeast-1", "ap-northeast-3"};
    settings.organizationAccounts = {"111111111111", "222222222222"};
    design.accounts() = {{"111111111111", "Account A (operators)", false},
                         {"222222222222", "Account B (workloads)", false},
                         {"999999999999", "Account C (outside the organisation)", true}};
    DesignBuilder b(design);

    b.element(
        "corp-dc", ElementKind::CorporateDc, "Corporate data center", {}, {{"cidrs", kOnPremises}});
    b.element("operator",
              ElementKind::Operator,
              "Operator (closed-network terminal)",
              "corp-dc",
              {{"user", "iam-user-operator"}, {"mfa", true}});
    std::string opSsm;
    std::string opSts;
    addOperatorSide(b, &opSsm, &opSts);
    addReferencePolicies(b, opSsm, opSts);

    b.element("account-b",
              ElementKind::Account,
              "Account B (workloads)",
              {},
              {{"accountId", "222222222222"}});
    b.element(
        "dxgw", ElementKind::DxGateway, "Direct Connect gateway", "account-b", {{"asn", 64513}});
    b.element("iam-role-ssm",
              ElementKind::IamRole,
              "ssm-role",
              "account-b",
              {{"roleName", "ssm-role"}, {"path", "/"}});
    b.element("iam-role-workload",
              ElementKind::IamRole,
              "Workload instance role",
              "account-b",
              {{"roleName", "workload-instance-role"}, {"path", "/"}});
    b.element(kRegion, ElementKind::Region, "Tokyo", "account-b", {{"region", "ap-northeast-1"}});
    b.element("dx-tokyo",
              ElementKind::DxConnection,
              "Direct Connect (Tokyo)",
              kRegion,
              {{"bandwidth", "10Gbps"}, {"location", "Equinix TY2, Tokyo"}});
    b.element("vif-transit",
              ElementKind::Vif,
              "Transit VIF",
              kRegion,
              {{"type", "transit"},
               {"owner", "Corporate network team"},
               {"availableToProject", true},
               {"vlan", 301}});
    model::Element &tgw = b.element(
        kTgw, ElementKind::TransitGateway, "Transit Gateway (hub)", kRegion, {{"asn", 64512}});
    for (const char *service : {"s3", "ssm", "sts"})
        b.element(std::string("aws-tokyo-") + service,
                  ElementKind::AwsService,
                  std::string("AWS ") + service + " (Tokyo)",
                  kRegion,
                  {{"service", service}});
    addInspectionVpc(b);
    b.element("region-b-osaka",
              ElementKind::Region,
              "Osaka (backup only)",
              "account-b",
              {{"region", "ap-northeast-3"}});
    b.element("aws-osaka-backup",
              ElementKind::AwsService,
              "AWS Backup vault",
              "region-b-osaka",
              {{"service", "backup"}});
    b.element("account-c",
              ElementKind::Account,
              "Account C (outside)",
              {},
              {{"accountId", "999999999999"}});
    b.element("region-c-tokyo",
              ElementKind::Region,
              "Tokyo",
              "account-c",
              {{"region", "ap-northeast-1"}});
    b.element("aws-c-firehose",
              ElementKind::AwsService,
              "Kinesis Data Firehose in account C",
              "region-c-tokyo",
              {{"service", "firehose"}});
    b.element("saas-av-manager",
              ElementKind::Saas,
              "Anti-virus SaaS manager server",
              {},
              {{"domains", {kAvDomain, "relay.jp-1.av-saas.example.com"}},
               {"provider", "Anti-virus SaaS vendor"}});
    b.element("saas-os-patches",
              ElementKind::Saas,
              "OS security patch repositories",
              {},
              {{"domains", {"ap-northeast-1.ec2.archive.ubuntu.com", kPatchDomain}},
               {"provider", "Canonical (Ubuntu archive)"}});

    b.link("dx-link-corp-dc", LinkKind::DxLink, "corp-dc", "dx-tokyo", {}, "Corporate line");
    b.link("vif-on-dx-tokyo", LinkKind::VifOn, "vif-transit", "dx-tokyo");
    b.link("assoc-dxgw-tgw",
           LinkKind::DxAssociation,
           "dxgw",
           kTgw,
           {{"vif", "vif-transit"}, {"allowedPrefixes", {kSpokeSupernet, kOperatorCidr}}},
           "DXGW association");
    b.link("attach-tgw-inspection",
           LinkKind::TgwAttachment,
           "vpc-inspection",
           kTgw,
           {{"subnets", {"subnet-insp-a-tgw", "subnet-insp-c-tgw"}}, {"applianceMode", true}});
    b.link("attach-tgw-operator",
           LinkKind::TgwAttachment,
           "vpc-operator",
           kTgw,
           {{"subnets", {"subnet-op-a-tgw", "subnet-op-c-tgw"}}, {"applianceMode", false}});
    b.link("attach-iii-ssm-role-trust",
           LinkKind::Policy,
           "iam-role-ssm",
           "pol-iii-ssm-role-trust",
           {},
           "Policy III");
    b.link("attach-iv-ssm-role",
           LinkKind::Policy,
           "iam-role-ssm",
           "pol-iv-ssm-role-start-session",
           {},
           "Policy IV");
    b.link("attach-workload-trust", LinkKind::Policy, "iam-role-workload", "pol-workload-trust");
    b.link("attach-workload-permissions",
           LinkKind::Policy,
           "iam-role-workload",
           "pol-workload-permissions");

    // Spokes, then the Transit Gateway's route tables, which list their attachments.
    json spokeAttachments = json::array({"attach-tgw-operator"});
    for (int s = 0; s < spokes; ++s)
        spokeAttachments.push_back(addSpoke(b, s, instances));
    json tables = json::array();
    tables.push_back(
        {{"name", "spokes"},
         {"associations", spokeAttachments},
         {"propagations", {"assoc-dxgw-tgw"}},
         {"routes", {{{"destination", "0.0.0.0/0"}, {"attachment", "attach-tgw-inspection"}}}}});
    tables.push_back({{"name", "inspection"},
                      {"associations", {"attach-tgw-inspection"}},
                      {"propagations", spokeAttachments},
                      {"routes", json::array()}});
    tables.push_back({{"name", "on-premises"},
                      {"associations", {"assoc-dxgw-tgw"}},
                      {"propagations", spokeAttachments},
                      {"routes", json::array()}});
    tgw.properties["routeTables"] = std::move(tables);

    if (spokes > 0) {
        const std::string app = spokeInstanceId(0, 'a', "app", 1);
        b.flow("flow-internet-inbound",
               "Internet → app server (must be impossible)",
               "saas-av-manager",
               FlowTarget::Kind::Element,
               app,
               22,
               false);
        b.flow("flow-exfil-account-c",
               "Exfiltration to account C's Firehose (must be blocked)",
               app,
               FlowTarget::Kind::Element,
               "aws-c-firehose",
               443,
               false);
    }
    b.finish();
    return design;
}

} // namespace heiiki::bench
