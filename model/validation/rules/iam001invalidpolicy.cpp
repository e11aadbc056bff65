#include "netrules.h"
#include "iamsupport.h"

namespace heiiki::model::rules {

namespace {

/// IAM-001: a policy document is invalid: grammar, unknown operator, malformed ARN or action.
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
            for (const auto &problem : attached.problems) {
                if (problem.warning)
                    continue;
                findings.push_back(finding(
                    elements,
                    "Policy \"" + (p->name.empty() ? p->id.str() : p->name) + "\" is invalid at "
                        + (problem.pointer.empty() ? std::string("its top level")
                                                   : problem.pointer)
                        + ": " + problem.message + ". AWS refuses the document, so the control "
                          "it stands for does not exist.",
                    "Correct the document; `heiiki policy check` lints it on its own.",
                    pointerOf(design, p->id) + "/document" + problem.pointer));
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeIam001() { return std::make_unique<Iam001InvalidPolicy>(); }

} // namespace heiiki::model::rules
