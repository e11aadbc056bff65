#include "netrules.h"
#include "rulesupport.h"

#include "../../network/filters.h"

namespace heiiki::model::rules {

namespace {

/// NET-005: the firewall lets AWS service domains out, so credentials of an outside
/// account can be used past the endpoint policies.
class Net005AwsDomainsAllowed : public Rule
{
public:
    std::string_view id() const override { return "NET-005"; }
    std::string_view title() const override
    {
        return "The firewall does not let AWS service domains out";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const auto &topology = context.topology();
        for (const Element *e : context.elementsOf(ElementKind::NetworkFirewall)) {
            const network::VpcInfo *vpc = topology.vpcInfoOf(e);
            const std::string region = vpc && !vpc->region.empty() ? vpc->region
                                                                    : "ap-northeast-1";
            // A source the rule groups apply to: the first HOME_NET block.
            std::vector<Cidr> home;
            for (const auto &c : e->property("homeNet"))
                if (auto cidr = Cidr::parse(str(c)))
                    home.push_back(*cidr);
            if (home.empty() && vpc)
                home = vpc->cidrs;
            if (home.empty())
                continue;
            const Cidr source = home.front().host(10).value_or(home.front());
            const std::string probes[] = {
                "sts." + region + ".amazonaws.com", "s3." + region + ".amazonaws.com",
                "firehose." + region + ".amazonaws.com", "s3.amazonaws.com",
                "signin.aws.amazon.com", "console.aws.amazon.com"};
            // An allow-list entry that covers any name of AWS's API domains lets them all out,
            // whatever the region or service.
            bool reported = false;
            const auto &groups = e->property("ruleGroups");
            for (size_t g = 0; g < groups.size() && !reported; ++g) {
                if (groups[g].value("type", "ALLOWLIST") != "ALLOWLIST")
                    continue;
                const auto targets = groups[g].value("targets", heiiki::Json::array());
                for (size_t t = 0; t < targets.size() && !reported; ++t) {
                    const std::string entry = str(targets[t]);
                    for (const char *awsDomain : {"amazonaws.com", "aws.amazon.com", "api.aws",
                                                  "amazonaws.com.cn"}) {
                        const std::string probe = std::string("any-service.") + awsDomain;
                        const bool coversAws = network::domainMatches(entry, probe)
                                               || network::domainMatches(entry, awsDomain);
                        std::string bare = entry;
                        while (!bare.empty() && (bare.front() == '*' || bare.front() == '.'))
                            bare.erase(0, 1);
                        const std::string suffix = std::string(".") + awsDomain;
                        const bool underAws = bare.size() > suffix.size()
                                              && bare.compare(bare.size() - suffix.size(),
                                                              suffix.size(), suffix)
                                                     == 0;
                        if (!coversAws && !underAws)
                            continue;
                        findings.push_back(finding(
                            {e->id},
                            describe(design, e->id) + " allow-list entry \"" + entry
                                + "\" lets AWS API traffic (" + awsDomain + ") out: anyone "
                                  "inside can use credentials of an outside account and carry "
                                  "data away, past the VPC endpoint policies.",
                            "Take AWS service domains off the allow-list and reach AWS APIs "
                            "through VPC endpoints whose policies admit only the "
                            "organisation's accounts.",
                            pointerOf(design, e->id) + "/properties/ruleGroups/"
                                + std::to_string(g) + "/targets/" + std::to_string(t)));
                        reported = true;
                        break;
                    }
                }
            }
            if (reported)
                continue;
            for (const auto &domain : probes) {
                const auto decision = network::inspectFirewall(*e, vpc ? vpc->cidrs
                                                                       : std::vector<Cidr>(),
                                                               source, domain);
                if (!decision.allowed)
                    continue;
                findings.push_back(finding(
                    {e->id},
                    describe(design, e->id) + " lets " + domain + " out (" + decision.rule
                        + "): anyone inside can use credentials of an outside account with AWS "
                          "APIs and carry data away, past the VPC endpoint policies.",
                    "Take AWS service domains off the allow-list and reach AWS APIs through VPC "
                    "endpoints whose policies admit only the organisation's accounts.",
                    pointerOf(design, e->id) + "/properties/ruleGroups"));
                break;
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNet005() { return std::make_unique<Net005AwsDomainsAllowed>(); }

} // namespace heiiki::model::rules
