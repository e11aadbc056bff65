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
    if (affectsValidation(what))
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
    if (!m_stale && &design == m_validated && &design == m_design)
        return;
    const ValidationContext context(design);
    m_findings = validate(context, m_registry, m_threads);
    m_scenarios = context.scenarios();
    m_validated = &design;
    m_stale = false;
    ++m_runs;
}

} // namespace heiiki::model
