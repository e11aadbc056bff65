#include "incrementalvalidator.h"

#include "validationcontext.h"
#include "validator.h"

namespace heiiki::model {

IncrementalValidator::IncrementalValidator(const RuleRegistry &registry)
    : m_registry(registry)
{}

IncrementalValidator::~IncrementalValidator()
{
    detach();
}

void IncrementalValidator::attach(Design &design)
{
    detach();
    m_design = &design;
    m_design->addObserver(this);
    m_stale = true;
}

void IncrementalValidator::detach()
{
    if (m_design)
        m_design->removeObserver(this);
    m_design = nullptr;
}

void IncrementalValidator::elementChanged(const Id &, std::string_view what)
{
    if (!affectsValidation(what))
        return;
    if (changesOnlyNamesOrPlaces(what))
        m_renamed = true;
    else
        m_stale = true;
}

const std::vector<Finding> &IncrementalValidator::findings(const Design &design)
{
    refresh(design);
    return m_findings;
}

const std::vector<ScenarioResult> &IncrementalValidator::scenarios(const Design &design)
{
    refresh(design);
    return m_scenarios;
}

void IncrementalValidator::refresh(const Design &design)
{
    // A design it does not observe can have changed in any way.
    const bool observed = &design == m_validated && &design == m_design;
    if (!m_stale && observed && !m_renamed && !m_policiesChanged)
        return;
    m_keptTraces = !m_stale && observed && m_context;
    if (m_keptTraces) {
        // The paths stand; after a rename the texts do not, after a policy edit the IAM view.
        if (m_policiesChanged)
            m_context->forgetPolicies();
        else
            m_context->forgetNames();
    } else {
        m_context.reset();
        m_context = std::make_unique<ValidationContext>(design);
    }
    m_findings = validate(*m_context, m_registry, m_threads);
    m_scenarios = m_context->scenarios();
    m_validated = &design;
    m_stale = m_renamed = m_policiesChanged = false;
    ++m_runs;
}

} // namespace heiiki::model
