#include "netrules.h"
#include "iamsupport.h"

namespace heiiki::model::rules {

namespace {

/// IAM-001: a policy document is invalid: grammar, unknown operator, malformed ARN or action
/// (errors). The linter's warnings — valid, but risky or unlikely to do what is meant, like
/// Access Analyzer's warnings — are reported under the same id at severity warning.
class Iam001InvalidPolicy : public Rule
{
public:
    std::string_view id() const override { return "IAM-001"; }
    std::string_view title() const override { return "Policy documents are valid"; }
    Severity severity() const override { return Severity::Error; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        const Design &design = context.design();
        for (const AttachedPolicy &attached : context.iam().policies()) {
            const PolicyDocument *p = attached.document;
            std::vector<Id> elements{p->id};
            elements.insert(elements.end(), attached.linkedFrom.begin(), attached.linkedFrom.end());
            const std::string name = "Policy \"" + (p->name.empty() ? p->id.str() : p->name)
                                     + "\"";
            for (const auto &problem : attached.problems) {
                const std::string where = problem.pointer.empty() ? std::string("its top level")
                                                                  : problem.pointer;
                const std::string path = pointerOf(design, p->id) + "/document"
                                         + problem.pointer;
                if (!problem.warning) {
                    findings.push_back(finding(
                        elements,
                        name + " is invalid at " + where + ": " + problem.message
                            + ". AWS refuses the document, so the control it stands for does "
                              "not exist.",
                        "Correct the document; `heiiki policy check` lints it on its own.",
                        path));
                    continue;
                }
                Finding f = finding(elements,
                                    name + " has a problem at " + where + ": "
                                        + problem.message
                                        + ". AWS accepts the document, but it may not do what "
                                          "is meant.",
                                    "Check the document; `heiiki policy check` lints it on its "
                                    "own.",
                                    path);
                f.severity = Severity::Warning;
                findings.push_back(std::move(f));
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam001() { return std::make_unique<Iam001InvalidPolicy>(); }

} // namespace heiiki::model::rules
