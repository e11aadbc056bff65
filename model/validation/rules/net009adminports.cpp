#include "netrules.h"
#include "rulesupport.h"

namespace heiiki::model::rules {

namespace {

/// NET-009: a security group opens 22 or 3389 (an error when to 0.0.0.0/0).
class Net009AdminPorts : public Rule
{
public:
    std::string_view id() const override { return "NET-009"; }
    std::string_view title() const override
    {
        return "Security groups do not open SSH or RDP";
    }
    Severity severity() const override { return Severity::Warning; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const Element *e : context.elementsOf(ElementKind::SecurityGroup)) {
            const auto &rules = e->property("inbound");
            for (size_t i = 0; i < rules.size(); ++i) {
                const auto &row = rules[i];
                const std::string protocol = row.value("protocol", "tcp");
                if (protocol != "tcp" && protocol != "all")
                    continue;
                const int from = protocol == "all" ? 0 : row.value("fromPort", 0);
                const int to = protocol == "all" ? 65535 : row.value("toPort", 65535);
                std::string ports;
                for (int port : {22, 3389})
                    if (port >= from && port <= to)
                        ports += (ports.empty() ? "" : " and ") + std::to_string(port);
                if (ports.empty())
                    continue;
                const std::string cidr = row.value("cidr", "");
                const bool world = cidr == "0.0.0.0/0" || cidr == "::/0";
                Finding f = finding(
                    {e->id},
                    describe(design, e->id) + " inbound rule " + std::to_string(i + 1)
                        + " opens tcp " + ports + " from "
                        + (cidr.empty() ? str(row.value("securityGroup", heiiki::Json()))
                                        : cidr)
                        + (world ? ", to the whole internet"
                                 : ": with Session Manager port forwarding no inbound admin port "
                                   "is needed")
                        + ".",
                    "Remove the rule and reach the instance with Session Manager port "
                    "forwarding (AWS-StartPortForwardingSession) through VPC endpoints.",
                    pointerOf(design, e->id) + "/properties/inbound/" + std::to_string(i));
                if (world)
                    f.severity = Severity::Error;
                findings.push_back(std::move(f));
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet009() { return std::make_unique<Net009AdminPorts>(); }

} // namespace heiiki::model::rules
