#include "referencepolicies.h"

namespace heiiki::bench {

using model::PolicyType;
using json = heiiki::Json;

void addReferencePolicies(DesignBuilder &b,
                          const std::string &operatorSsmEndpoint,
                          const std::string &operatorStsEndpoint)
{
    b.policy("pol-i-operators-assume-role",
             PolicyType::Identity,
             "I. Operators' access keys: assume ssm-role only",
             json::parse(R"({"Version": "2012-10-17", "Statement": [{
                 "Sid": "AssumeTheCompanySsmRoleOnly", "Effect": "Allow",
                 "Action": "sts:AssumeRole",
                 "Resource": "arn:aws:iam::222222222222:role/ssm-role"}]})"));
    b.policy("pol-ii-endpoint-company-only",
             PolicyType::Endpoint,
             "II. VPC endpoints: company principals only",
             json::parse(R"({"Version": "2012-10-17", "Statement": [
                 {"Sid": "DenyPrincipalsOutsideTheCompany", "Effect": "Deny",
                  "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*",
                  "Condition": {"StringNotEquals":
                      {"aws:PrincipalAccount": ["111111111111", "222222222222"]}}},
                 {"Sid": "AllowTheRest", "Effect": "Allow", "Principal": "*", "Action": "*",
                  "Resource": "*"}]})"));
    json trust = json::parse(R"({"Version": "2012-10-17", "Statement": [{
        "Sid": "OperatorsThroughTheClosedNetworkWithMfa", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"},
                      "StringEquals": {"aws:SourceVpce": ""},
                      "StringLike": {"sts:RoleSessionName": "${aws:username}"}}}]})");
    trust["Statement"][0]["Condition"]["StringEquals"]["aws:SourceVpce"] = operatorStsEndpoint;
    b.policy("pol-iii-ssm-role-trust",
             PolicyType::Trust,
             "III. ssm-role trust: account A via the STS endpoint, with MFA",
             trust);
    json permissions = json::parse(R"({"Version": "2012-10-17", "Statement": [
        {"Sid": "PortForwardingToOwnInstancesOnly", "Effect": "Allow",
         "Action": "ssm:StartSession",
         "Resource": ["arn:aws:ec2:ap-northeast-1:222222222222:instance/*",
            "arn:aws:ssm:ap-northeast-1::document/AWS-StartPortForwardingSession"],
         "Condition": {"BoolIfExists": {"ssm:SessionDocumentAccessCheck": "true"},
                       "StringEquals": {"aws:SourceVpce": ""}}},
        {"Sid": "ManageOwnSessions", "Effect": "Allow",
         "Action": ["ssm:ResumeSession", "ssm:TerminateSession"],
         "Resource": "arn:aws:ssm:ap-northeast-1:222222222222:session/${aws:userid}-*",
         "Condition": {"StringEquals": {"aws:SourceVpce": ""}}}]})");
    for (auto &statement : permissions["Statement"])
        statement["Condition"]["StringEquals"]["aws:SourceVpce"] = operatorSsmEndpoint;
    b.policy("pol-iv-ssm-role-start-session",
             PolicyType::Identity,
             "IV. ssm-role permissions: port forwarding via the SSM endpoint",
             permissions);
    b.policy("pol-workload-trust",
             PolicyType::Trust,
             "Workload instance role trust: EC2",
             json::parse(R"({"Version": "2012-10-17", "Statement": [{
                 "Sid": "Ec2InstanceProfile", "Effect": "Allow",
                 "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})"));
    b.policy("pol-workload-permissions",
             PolicyType::Identity,
             "Workload instance role: SSM Agent",
             json::parse(R"({"Version": "2012-10-17", "Statement": [{
                 "Sid": "SsmAgent", "Effect": "Allow", "Resource": "*",
                 "Action": ["ssm:UpdateInstanceInformation",
                    "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
                    "ec2messages:AcknowledgeMessage", "ec2messages:GetMessages",
                    "ec2messages:SendReply"]}]})"));
}

} // namespace heiiki::bench
