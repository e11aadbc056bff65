#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QList>
#include <QWidget>

#include "model/core/design.h"
#include "model/network/pathresult.h"

class QLabel;
class QTreeWidget;

namespace heiiki::ui {

/// The lower half of the trace-path tool: the verdict of a trace (delivered, stopped and why,
/// or cannot trace), how the destination resolved, and one row per hop with the element and
/// what it did; the hop that stopped the packet is marked. A hint shows while there is no
/// result. Double-clicking a hop emits hopActivated().
class TraceResultView : public QWidget
{
    Q_OBJECT

public:
    explicit TraceResultView(QWidget *parent = nullptr);

    /// Shows \a result, naming elements as \a design does. Returns the elements of the path in
    /// order, ending where it stopped, for the canvas to highlight.
    QList<model::Id> showResult(const model::Design &design,
                                const model::network::PathResult &result);
    /// Shows the hint instead of a result.
    void clear();

signals:
    void hopActivated(const heiiki::model::Id &id);

private:
    QWidget *m_verdictBox;
    QLabel *m_verdictIcon;
    QLabel *m_verdict;
    QLabel *m_explanation;
    QLabel *m_hint;
    QTreeWidget *m_hops;
};

} // namespace heiiki::ui
