#include "iamsupport.h"
#include "netrules.h"

namespace heiiki::model::rules {

namespace {

/// IAM-010: a condition names an endpoint id that is not in the design, or an endpoint of
/// the wrong service.
class Iam010EndpointReferences : public Rule
{
public:
    std::string_view id() const override { return "IAM-010"; }
    std::string_view title() const override
    {
        return "aws:SourceVpce conditions name the design's endpoints of the right service";
    }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        const IamView &view = context.iam();
        for (const AttachedPolicy &p : view.policies()) {
            for (const auto &s : p.policy->statements) {
                // Which service's endpoint the statement's requests pass.
                std::string expected;
                for (const auto &a : s.actions) {
                    if (a == "sts:assumerole" || a == "sts:*")
                        expected = "sts";
                    else if (a.rfind("ssm:startsession", 0) == 0)
                        expected = "ssm";
                }
                if (s.notAction)
                    expected.clear();
                for (const auto &c : s.conditions) {
                    if (c.keyLower != "aws:sourcevpce")
                        continue;
                    for (size_t i = 0; i < c.values.size(); ++i) {
                        const std::string &v = c.values[i];
                        if (v.find_first_of("*?$") != std::string::npos)
                            continue;
                        const auto &ids = view.allEndpointIds();
                        auto it = std::find_if(ids.begin(), ids.end(),
                                               [&](const auto &e) { return e.first == v; });
                        std::string why;
                        if (it == ids.end())
                            why = "names " + v + ", which is no endpoint of this design";
                        else if (!expected.empty() && it->second != expected)
                            why = "names " + v + ", the " + it->second + " endpoint, where the "
                                  + expected + " endpoint is the one these requests pass";
                        if (why.empty())
                            continue;
                        findings.push_back(finding(
                            {p.document->id},
                            "Policy \"" + p.document->name + "\" " + why
                                + ": the condition never holds, or holds for the wrong path.",
                            "Name the endpoint id (endpointId) of the design's " +
                                (expected.empty() ? std::string("matching") : expected)
                                + " endpoint.",
                            pointerOf(design, p.document->id) + "/document" + c.pointer
                                + (c.values.size() > 1 ? "/" + std::to_string(i)
                                                       : std::string())));
                    }
                }
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam010() { return std::make_unique<Iam010EndpointReferences>(); }

} // namespace heiiki::model::rules
