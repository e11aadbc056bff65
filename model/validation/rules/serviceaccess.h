#pragma once

#include "rulesupport.h"

namespace heiiki::model::rules {

/// One AWS API dependency of the design: who calls which service, and why. Where it is
/// declared is `flow`'s pointer, computed only when a finding needs it.
struct ServiceCall
{
    /// Why the caller calls the service.
    enum class Role {
        Flow,                    ///< a flow to the service (or to an AWS-service element)
        SessionManagerTarget,    ///< the target of a session-manager flow
        SessionManagerRequester, ///< the source of a session-manager flow
    };
    Id caller;
    std::string service;  ///< short name: "ssm", "s3"
    const Flow *flow = nullptr;
    Role role = Role::Flow;
};

/// What \a call is for, for a finding's text: "Session Manager target of flow …", or the
/// flow's name.
std::string purposeOf(const ServiceCall &call);

/// The service calls the design implies: flows to services and AWS-service elements, and the
/// Session Manager endpoints both sides of a session-manager flow need.
std::vector<ServiceCall> serviceCalls(const Design &design);

/// The query for a service call.
network::Query serviceQuery(const ServiceCall &call);

/// True when a path to a service stopped at a security group or network ACL in front of an
/// interface endpoint (NET-008's case).
bool blockedAtEndpoint(const Design &design, const network::PathResult &path);

} // namespace heiiki::model::rules
