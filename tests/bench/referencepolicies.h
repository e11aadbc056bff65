#pragma once

// The IAM policy documents of the reference design, for the generated designs.

#include "designbuilder.h"

#include <string>

namespace heiiki::bench {

/// Adds the policy documents of resources/samples/reference-tokyo.heiiki.json: I (the
/// operators' group may only assume ssm-role), II (VPC endpoints admit the company's accounts
/// only), III (ssm-role's trust: account A through the STS endpoint \a operatorStsEndpoint,
/// with MFA), IV (port forwarding through the SSM endpoint \a operatorSsmEndpoint), and the
/// workload instance role's trust and permissions. Attaching them is the caller's business.
void addReferencePolicies(DesignBuilder &b,
                          const std::string &operatorSsmEndpoint,
                          const std::string &operatorStsEndpoint);

} // namespace heiiki::bench
