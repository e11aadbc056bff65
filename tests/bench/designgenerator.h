#pragma once

// Synthetic designs for the benchmarks: a closed-network hub and spoke estate of any size.

#include "model/core/design.h"

#include <string>

namespace heiiki::bench {

/// How generateHubAndSpoke() shapes each spoke.
struct HubAndSpokeOptions
{
    int instancesPerSubnet = 3; ///< EC2 instances in each private subnet (app and db tiers)
};

/// A closed-network design built in code, in the shape of
/// resources/samples/reference-tokyo.heiiki.json, with \a spokes workload VPCs (at least 0,
/// at most maxSpokes()).
///
/// The fixed part: a corporate data center (172.16.0.0/16, 172.17.0.0/16) with an operator,
/// a Direct Connect connection with a transit VIF, a DX gateway associated with a Transit
/// Gateway, an operator VPC (100.64.0.0/16) with the ssm, ssmmessages and sts endpoints, an
/// inspection VPC (100.65.0.0/16) with a Network Firewall domain allow-list (HOME_NET covers
/// 10.0.0.0/8 and the operator VPC), NAT gateways and an internet gateway in two AZs, the
/// operator's IAM user, group and ssm-role with policies I to IV, a backup region in Osaka,
/// an outside account C, and two SaaS services.
///
/// Each spoke: a /21 of 10.0.0.0/8, two AZs, each with a TGW attachment subnet (/28), an app
/// and a db subnet (/24, instances with fixed addresses) and an endpoint subnet (/24); three
/// security groups, a network ACL on the endpoint subnets, interface endpoints for ssm,
/// ssmmessages, ec2messages and sts (private DNS), an S3 gateway endpoint with pl- routes,
/// policy II attached to every endpoint, a TGW attachment listed in the route tables (spokes,
/// inspection, on-premises), and seven flows: the anti-virus SaaS from both AZs, OS patches,
/// S3 with a monthly volume, app to db, on-premises to an app server, and a Session Manager
/// port-forwarding session from the operator.
///
/// The design validates with no findings under RuleRegistry::builtin().
model::Design generateHubAndSpoke(int spokes, const HubAndSpokeOptions &options = {});

/// The most spokes generateHubAndSpoke() can address: each takes a /21 of 10.0.0.0/8.
int maxHubAndSpokeSpokes();

/// The id of instance \a n (from 1) of \a tier ("app" or "db") in AZ \a zone ('a' or 'c') of
/// spoke \a spoke (from 0): "ec2-s0007-a-app-1".
std::string spokeInstanceId(int spoke, char zone, const std::string &tier, int n);

/// The id of a spoke's security group of \a tier ("app", "db", "endpoints"): "sg-s0007-app".
std::string spokeSecurityGroupId(int spoke, const std::string &tier);

} // namespace heiiki::bench
