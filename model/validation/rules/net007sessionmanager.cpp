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
            if (path.delivered && !path.endpoints().empty()) {
                // The requesting side must use endpoints of its own account: policy III names
                // its STS endpoint, and policy II of another account's endpoints is not its.
                const bool requester = call.purpose.rfind("Session Manager requester", 0) == 0;
                const Element *caller = design.element(call.caller);
                const Element *user = caller ? design.element(Id(str(caller->property("user"))))
                                             : nullptr;
                const Element *endpoint = path.endpoints().back();
                if (!requester || !user || !endpoint)
                    continue;
                const std::string mine = accountOf(design, *user);
                const std::string theirs = accountOf(design, *endpoint);
                if (mine.empty() || theirs.empty() || mine == theirs)
                    continue;
                findings.push_back(finding(
                    {call.caller, endpoint->id},
                    describe(design, call.caller) + " (" + call.purpose + ") reaches "
                        + call.service + " only through " + describe(design, endpoint->id)
                        + " of account " + theirs + ": the requesting side (account " + mine
                        + ") has no " + call.service + " endpoint of its own.",
                    "Add an interface endpoint for " + call.service + " with private DNS in the "
                    "operators' account VPC (requesting side: ssm, ssmmessages, sts).",
                    pointerOf(design, call.flow->id)));
                continue;
            }
            // Is there an endpoint for the service whose private DNS is off?
            std::string dnsOff;
            if (const Element *vpc = context.topology().vpcOf(call.caller))
                if (const auto *info = context.topology().vpc(vpc->id))
                    for (const Element *e : info->endpoints)
                        if (network::PathEngine::serviceName(str(e->property("service")))
                                == call.service
                            && !e->property("privateDns").get<bool>())
                            dnsOff = e->id.str();
            std::vector<Id> elements{call.caller};
            if (!dnsOff.empty())
                elements.push_back(Id(dnsOff));
            findings.push_back(finding(
                elements,
                describe(design, call.caller) + " (" + call.purpose + ") cannot reach "
                    + call.service + " through a VPC endpoint"
                    + (dnsOff.empty() ? ": " + context.explain(path).explanation
                                      : ": private DNS is off on " + dnsOff)
                    + ". In a closed network the session cannot start.",
                dnsOff.empty()
                    ? "Add an interface endpoint for " + call.service + " with private DNS in "
                          "the VPC the " + (call.purpose.rfind("Session Manager target", 0) == 0
                                                ? "instance"
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
