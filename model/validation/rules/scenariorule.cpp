#include "netrules.h"
#include "rulesupport.h"

#include "../../scenarios/scenarios.h"

namespace heiiki::model::rules {

namespace {

/// SCN-00x: an attack scenario that the design does not stop is an error finding.
class ScenarioRule : public Rule
{
public:
    ScenarioRule(std::string id, std::string title) : m_id(std::move(id)), m_title(std::move(title)) {}

    std::string_view id() const override { return m_id; }
    std::string_view title() const override { return m_title; }
    Severity severity() const override { return Severity::Error; }
    bool readsScenarios() const override { return true; }

    void check(const ValidationContext &context, std::vector<Finding> &findings) const override
    {
        for (const ScenarioResult &s : context.scenarios()) {
            if (s.id != m_id || !s.succeeds)
                continue;
            findings.push_back(finding(
                s.elements,
                "Attack " + s.id + " succeeds: " + s.title + ". " + s.detail + " (deciding "
                    "control: " + s.control + ").",
                "Close the control named: see `heiiki scenarios` for the path and the policy "
                "statements on the way.",
                s.path));
        }
    }

private:
    std::string m_id;
    std::string m_title;
};

} // namespace

std::vector<std::unique_ptr<Rule>> makeScenarioRules()
{
    std::vector<std::unique_ptr<Rule>> out;
    const std::pair<const char *, const char *> ids[] = {
        {"SCN-001", "Outside credentials cannot be used through the endpoints or the firewall"},
        {"SCN-002", "A leaked operator key cannot assume the role from outside"},
        {"SCN-003", "Leaked role session credentials cannot start a session from outside"},
        {"SCN-004", "The internet cannot connect to a workload"},
        {"SCN-005", "An operator without MFA cannot assume the role"}};
    for (const auto &[id, title] : ids)
        out.push_back(std::make_unique<ScenarioRule>(id, title));
    return out;
}

} // namespace heiiki::model::rules
