#include "validationrunner.h"

#include "model/validation/ruleregistry.h"
#include "model/validation/validationcontext.h"
#include "model/validation/validator.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace heiiki::ui {

ValidationRunner::ValidationRunner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ValidationRunner::collect);
}

ValidationRunner::~ValidationRunner()
{
    m_pending = false;
    m_future.waitForFinished();
}

ValidationRunner::Result ValidationRunner::run(const model::Design &design)
{
    // One context: the scenarios the rules played are the ones shown.
    const model::ValidationContext context(design);
    return run(context);
}

ValidationRunner::Result ValidationRunner::run(const model::ValidationContext &context)
{
    QElapsedTimer timer;
    timer.start();
    static const model::RuleRegistry registry = model::RuleRegistry::builtin();
    Result result;
    result.findings = model::validate(context, registry);
    result.scenarios = context.scenarios();
    result.milliseconds = timer.elapsed();
    return result;
}

void ValidationRunner::track(model::Design *design)
{
    // Only marks what the mirror follows: a busy run keeps reading the copy it has.
    m_mirror.attach(design);
}

void ValidationRunner::request()
{
    if (!m_collected) {
        m_pending = true;
        return;
    }
    start();
}

void ValidationRunner::start()
{
    // No run is busy: the copy may change now, and then stays as it is until the run ends.
    // A rename changes no verdict, and no path depends on a policy document: after either,
    // the last context's topology and traces still hold for the copy; the texts, and after a
    // policy edit the IAM view, are made again.
    const bool pathsHold = m_context && m_mirror.onlyNamesOrPoliciesChanged();
    const bool policies = !m_mirror.onlyNamesChanged();
    m_mirror.sync();
    const bool keep = pathsHold && !m_mirror.lastSyncCopiedAll();
    // The last context is freed, and a new one made, on the worker: the UI thread does
    // neither (freeing the traces of 5,000 elements takes milliseconds). It is freed once the
    // run is done, not while the UI thread repaints after the edit; it no longer reads the
    // copy. Nothing else touches m_context until the run has finished.
    std::shared_ptr<model::ValidationContext> gone;
    if (!keep)
        gone = std::move(m_context);
    std::unique_ptr<model::ValidationContext> *slot = &m_context;
    const model::Design *design = &m_mirror.copy();
    m_future = QtConcurrent::run([slot, design, keep, policies, gone]() mutable {
        if (keep && policies)
            (*slot)->forgetPolicies();
        else if (keep)
            (*slot)->forgetNames();
        else
            *slot = std::make_unique<model::ValidationContext>(*design);
        Result result = run(**slot);
        result.keptTraces = keep;
        gone.reset();
        return result;
    });
    m_collected = false;
    m_watcher.setFuture(m_future);
}

void ValidationRunner::collect()
{
    // Called by the watcher, or directly by waitForIdle(): whichever comes first takes it.
    if (m_collected || !m_future.isFinished())
        return;
    m_collected = true;
    if (m_future.resultCount() > 0)
        m_result = m_future.result();
    if (m_pending) {
        m_pending = false;
        start();
        return; // a newer design is on its way; this result is already out of date
    }
    emit finished();
}

bool ValidationRunner::isBusy() const
{
    return !m_collected || m_pending;
}

void ValidationRunner::waitForIdle()
{
    while (isBusy()) {
        m_future.waitForFinished();
        collect();
    }
}

} // namespace heiiki::ui
