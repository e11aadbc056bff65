#pragma once

#include "../core/design.h"
#include "../scenarios/scenarios.h"
#include "finding.h"
#include "ruleregistry.h"

#include <memory>
#include <vector>

namespace heiiki::model {

class ValidationContext;

/// Keeps the last validation of one design and runs the rules again only after a change
/// that can alter the findings. It observes the design it is attached to: moving or
/// resizing an element (a "geometry" change, see affectsValidation()) leaves the result as
/// it is; renaming elements changes only texts, so the rules run again on the last run's
/// context (topology and traces kept, ValidationContext::forgetNames()), and so do changes to
/// policy documents, which no path depends on (the IAM view made again,
/// ValidationContext::forgetPolicies()); any other change to an element, and every change to
/// links, flows, settings or the whole design, makes it stale. findings() then validates
/// again, once.
///
/// Not thread-safe: use it on the thread that changes the design (the UI validates a copy
/// on a worker; it can ask affectsValidation() before it requests a run instead).
class IncrementalValidator : public DesignObserver
{
public:
    /// \a registry is not owned and must outlive the validator.
    explicit IncrementalValidator(const RuleRegistry &registry);
    ~IncrementalValidator() override;
    IncrementalValidator(const IncrementalValidator &) = delete;
    IncrementalValidator &operator=(const IncrementalValidator &) = delete;

    /// Observes \a design (not owned; detach() before it is destroyed) and marks the result
    /// stale.
    void attach(Design &design);
    void detach();

    /// The findings of \a design as it is now: the kept ones when no change since the last
    /// run can alter them, else a new validation.
    const std::vector<Finding> &findings(const Design &design);
    /// The scenarios of the same run as findings().
    const std::vector<ScenarioResult> &scenarios(const Design &design);

    bool isStale() const { return m_stale; }
    /// Forgets the kept result (after a change made without an announcement).
    void invalidate() { m_stale = true; }
    /// How many times the rules have run.
    int runs() const { return m_runs; }
    /// True when the last run kept the run before's topology and traces (after renames or
    /// policy edits only).
    bool lastRunKeptTraces() const { return m_keptTraces; }
    /// The threads each run uses (0, the default: validationThreads()).
    void setThreads(unsigned threads) { m_threads = threads; }

    // DesignObserver
    void elementAdded(const Id &) override { m_stale = true; }
    void elementRemoved(const Id &) override { m_stale = true; }
    void elementChanged(const Id &id, std::string_view what) override;
    void linkAdded(const Id &) override { m_stale = true; }
    void linkRemoved(const Id &) override { m_stale = true; }
    void linkChanged(const Id &) override { m_stale = true; }
    void policyAdded(const Id &) override { m_policiesChanged = true; }
    void policyRemoved(const Id &) override { m_policiesChanged = true; }
    void policyChanged(const Id &) override { m_policiesChanged = true; }
    void designChanged(std::string_view) override { m_stale = true; }
    void designReset() override { m_stale = true; }

private:
    void refresh(const Design &design);

    const RuleRegistry &m_registry;
    Design *m_design = nullptr;
    const Design *m_validated = nullptr;
    bool m_stale = true;
    bool m_renamed = false; ///< elements were renamed
    bool m_policiesChanged = false; ///< policy documents were added, changed or removed
    int m_runs = 0;
    bool m_keptTraces = false;
    /// The last run's context, kept for a run after renames and policy changes only.
    std::unique_ptr<ValidationContext> m_context;
    unsigned m_threads = 0;
    std::vector<Finding> m_findings;
    std::vector<ScenarioResult> m_scenarios;
};

} // namespace heiiki::model
