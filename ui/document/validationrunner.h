#pragma once

#include "model/core/design.h"
#include "model/core/designmirror.h"
#include "model/scenarios/scenarios.h"
#include "model/validation/finding.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <vector>

namespace heiiki::model {
class ValidationContext;
}

namespace heiiki::ui {

/// Validates a design (rules and scenarios) off the UI thread. A run reads a copy of the
/// design that is brought level with it when the run starts (model::DesignMirror: only what
/// changed since the last run is copied, so an edit costs the UI thread next to nothing);
/// while a run is busy, later requests collapse into one that starts when it ends, so the
/// newest design always gets validated and the UI never waits.
class ValidationRunner : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        std::vector<model::Finding> findings;
        std::vector<model::ScenarioResult> scenarios;
        qint64 milliseconds = 0;
        /// The run kept the previous run's topology and traces: only names had changed.
        bool keptTraces = false;
    };

    explicit ValidationRunner(QObject *parent = nullptr);
    ~ValidationRunner() override;

    /// Follows \a design (null: none) from now on; request() validates it. The design must
    /// outlive the tracking: track another one, or null, before it goes.
    void track(model::Design *design);
    /// Asks for the tracked design to be validated as it is now.
    void request();
    /// The latest result.
    const Result &result() const { return m_result; }
    /// True while a run is busy or one is waiting to start.
    bool isBusy() const;
    /// Blocks until every requested run has finished (for tests and the command line).
    void waitForIdle();

    /// Validates \a design on the calling thread.
    static Result run(const model::Design &design);
    /// Validates with \a context (its design) on the calling thread.
    static Result run(const model::ValidationContext &context);

signals:
    void finished();

private:
    void start();
    void collect();

    QFuture<Result> m_future;
    QFutureWatcher<Result> m_watcher;
    bool m_collected = true; ///< false while m_future's result has not been taken
    bool m_pending = false; ///< a request came while a run was busy
    /// The copy runs read; synced only while no run is busy.
    model::DesignMirror m_mirror;
    /// The last run's context, on the copy: kept for the next run when only names changed
    /// in between (their texts are all a rename changes). After m_mirror: goes first.
    std::unique_ptr<model::ValidationContext> m_context;
    Result m_result;
};

} // namespace heiiki::ui
