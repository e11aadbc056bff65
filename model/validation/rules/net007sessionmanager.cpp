#include "netrules.h"
#include "iamsupport.h"
#include "serviceaccess.h"

#include "../../network/pathengine.h"

namespace heiiki::model::rules {

namespace {

/// NET-007: Session Manager is modelled but an endpoint it needs is missing on one side, or
/// private DNS is off.
class Net007SessionManager : public Rule
{
public:
    std::string_view id() const override { return "NET-007"; }
    std::string_view title() const override
    {
        return "Session Manager has its endpoints on both sides, with private DNS";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const ServiceCall &call : context.serviceCalls()) {
            if (!call.flow || call.flow->via != "session-manager")
                continue;
            const auto &path = context.trace(serviceQuery(call));
            if (blockedAtEndpoint(design, path))
                continue; // NET-008's case
            // Delivered to an endpoint: the requesting side's is one of its own account, for
            // the premises resolve AWS names through their account's VPCs (PathEngine::trace).
            if (path.delivered && !path.endpoints().empty())
                continue;
            // Is there an endpoint for the service whose private DNS is off: in the caller's
            // VPC, or, for a caller on the premises, in its account's VPCs?
            std::string dnsOff;
            auto checkDns = [&](const Element *e) {
                if (network::PathEngine::serviceName(str(e->property("service"))) == call.service
                    && !e->property("privateDns").get<bool>())
                    dnsOff = e->id.str();
            };
            const Element *caller = design.element(call.caller);
            if (const auto *info = context.topology().vpcInfoOf(caller)) {
                for (const Element *e : info->endpoints)
                    checkDns(e);
            } else if (const std::string mine
                       = caller ? network::PathEngine::callerAccount(design, *caller) : "";
                       !mine.empty()) {
                for (const Element *e : context.elementsOf(ElementKind::VpcEndpoint))
                    if (design.accountOf(e->id) == mine)
                        checkDns(e);
            }
            std::vector<Id> elements{call.caller};
            if (!dnsOff.empty())
                elements.push_back(Id(dnsOff));
            findings.push_back(finding(
                elements,
                describe(design, call.caller) + " (" + purposeOf(call) + ") cannot reach "
                    + call.service + " through a VPC endpoint"
                    + (dnsOff.empty() ? ": " + context.explain(path).explanation
                                      : ": private DNS is off on " + dnsOff)
                    + ". In a closed network the session cannot start.",
                dnsOff.empty()
                    ? "Add an interface endpoint for " + call.service + " with private DNS in "
                          "the VPC the "
                          + (call.role == ServiceCall::Role::SessionManagerTarget ? "instance"
                                                                                  : "operator")
                          + " uses (target side: ssm, ssmmessages, ec2messages; requesting side: "
                            "ssm, ssmmessages, sts)."
                    : "Turn private DNS on for " + dnsOff + ".",
                pointerOf(design, call.flow->id)));
        }
        // The instance side also needs the agent.
        for (const Flow &flow : design.flows()) {
            if (flow.via != "session-manager" || flow.target.kind != FlowTarget::Kind::Element)
                continue;
            const Element *t = design.element(Id(flow.target.value));
            if (t && t->kind == ElementKind::Ec2Instance && !t->property("ssmAgent").get<bool>())
                findings.push_back(finding(
                    {t->id}, describe(design, t->id) + " is a Session Manager target of "
                                 + flowName(flow) + " but runs no SSM Agent.",
                    "Install and run the SSM Agent, with an instance profile that allows it to "
                    "register.",
                    pointerOf(design, t->id) + "/properties/ssmAgent"));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet007() { return std::make_unique<Net007SessionManager>(); }

} // namespace heiiki::model::rules
