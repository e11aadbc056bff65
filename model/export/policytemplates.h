#pragma once

#include "../core/design.h"

#include "model/core/json.h"

#include <string>
#include <vector>

namespace heiiki::model::exporting {

/// The four controls that decide who reaches the instances of a closed network.
enum class PolicyControl {
    OperatorKey,      ///< I. the operators' identity policy: sts:AssumeRole on the SSM roles
    EndpointPolicy,   ///< II. the VPC endpoint policy: company principals only
    TrustPolicy,      ///< III. the role's trust policy: operators, STS endpoint, MFA
    PermissionPolicy, ///< IV. the role's permissions: port forwarding via the SSM endpoint
};

/// The design's values the four policies are made of.
struct TemplateFacts
{
    std::vector<std::string> organisation; ///< the company's account ids
    std::string operatorAccount;           ///< the account of the design's IAM users
    std::string workloadAccount;           ///< the account of the Session Manager roles
    std::vector<std::string> ssmRoleArns;  ///< the roles operators assume
    std::string stsEndpoint;               ///< vpce id of the STS endpoint (operator side)
    std::string ssmEndpoint;               ///< vpce id of the SSM endpoint (operator side)
    std::string region;                    ///< the region of the SSM endpoint
};

/// Reads the facts from \a design:
/// - the organisation: Settings::organizationAccounts, else the accounts not marked external;
/// - the operators' account: the account of the first IAM user;
/// - the SSM roles: iam-role elements whose role name or name mentions "ssm" (all roles when
///   none does), and the workload account is the first one's;
/// - the endpoints: the `endpointId` of the vpc-endpoint elements of service sts and ssm,
///   preferring those in the operators' account.
TemplateFacts templateFacts(const Design &design);

/// True when \a role is one of the roles operators assume by the facts' reading (its role
/// name or name mentions "ssm").
bool isSessionManagerRole(const Element &role);

/// The document of \a control filled with \a facts: IAM JSON, "Version" 2012-10-17.
heiiki::Json policyDocument(PolicyControl control, const TemplateFacts &facts);

/// The policy type a document of \a control has in a design.
PolicyType policyType(PolicyControl control);

/// Roman numeral of \a control: "I" … "IV".
std::string_view numeral(PolicyControl control);

} // namespace heiiki::model::exporting
