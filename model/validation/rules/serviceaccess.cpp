#include "serviceaccess.h"

#include "../../network/pathengine.h"

namespace heiiki::model::rules {

std::vector<ServiceCall> serviceCalls(const Design &design)
{
    std::vector<ServiceCall> calls;
    for (const Flow &flow : design.flows()) {
        if (flow.via == "session-manager") {
            if (flow.target.kind == FlowTarget::Kind::Element)
                for (const char *svc : {"ssm", "ssmmessages", "ec2messages"})
                    calls.push_back({Id(flow.target.value), svc, &flow,
                                     ServiceCall::Role::SessionManagerTarget});
            for (const char *svc : {"ssm", "ssmmessages", "sts"})
                calls.push_back({flow.source, svc, &flow,
                                 ServiceCall::Role::SessionManagerRequester});
            continue;
        }
        std::string service;
        if (flow.target.kind == FlowTarget::Kind::Service)
            service = flow.target.value;
        else if (flow.target.kind == FlowTarget::Kind::Element)
            if (const Element *t = design.element(Id(flow.target.value));
                t && t->kind == ElementKind::AwsService)
                service = str(t->property("service"));
        if (!service.empty() && flow.mustSucceed)
            calls.push_back({flow.source, network::PathEngine::serviceName(service), &flow,
                             ServiceCall::Role::Flow});
    }
    return calls;
}

std::string purposeOf(const ServiceCall &call)
{
    switch (call.role) {
    case ServiceCall::Role::SessionManagerTarget:
        return "Session Manager target of " + flowName(*call.flow);
    case ServiceCall::Role::SessionManagerRequester:
        return "Session Manager requester of " + flowName(*call.flow);
    case ServiceCall::Role::Flow:
        break;
    }
    return flowName(*call.flow);
}

network::Query serviceQuery(const ServiceCall &call)
{
    network::Query q;
    q.from = call.caller;
    q.to = {network::Target::Kind::Service, call.service};
    q.port = 443;
    return q;
}

bool blockedAtEndpoint(const Design &design, const network::PathResult &path)
{
    if (path.delivered || (path.reason != network::StopReason::NetworkAcl
                           && path.reason != network::StopReason::SecurityGroup))
        return false;
    if (path.resolution != network::Resolution::InterfaceEndpoint
        && path.resolution != network::Resolution::HostedZone)
        return false;
    const Element *at = design.element(path.blockedAt);
    return at
           && (at->kind == ElementKind::VpcEndpoint || at->kind == ElementKind::NetworkAcl
               || at->kind == ElementKind::Subnet);
}

} // namespace heiiki::model::rules
