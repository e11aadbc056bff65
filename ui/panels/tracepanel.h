#pragma once

// Qt before the model: moc's preprocessor must see the standard library's configuration
// before model/core/id.h includes <compare>.
#include <QList>
#include <QWidget>

#include "model/core/id.h"
#include "model/network/pathresult.h"

#include <optional>

class QComboBox;
class QIcon;
class QLabel;
class QPushButton;
class QSpinBox;

namespace heiiki::ui {

class DesignDocument;
class TraceResultView;

/// The trace-path tool: asks the reachability engine whether traffic from an element (or the
/// internet) reaches an element, a CIDR or address, a domain or an AWS service on a port, as
/// `heiiki path` does, and shows the verdict and every hop with what decided it. A declared
/// flow can fill the fields in one choice. Input the design cannot answer (an unknown target,
/// a bad CIDR) is reported beside its field. The hops are offered to the canvas in order
/// (pathHighlightRequested()); after the design changes, the last trace is run again.
class TracePanel : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the panel.
    explicit TracePanel(DesignDocument *document, QWidget *parent = nullptr);

    /// The result of the last trace, or nothing when there is none (no trace yet, or the
    /// last one was refused for bad input).
    const std::optional<model::network::PathResult> &result() const { return m_result; }

public slots:
    /// Traffic starts at element \a id (a context menu's "Trace from here").
    void setFrom(const heiiki::model::Id &id);
    /// Traffic starts on the internet.
    void setFromInternet();
    /// Traffic goes to element \a id (a context menu's "Trace to here").
    void setTo(const heiiki::model::Id &id);
    /// Traffic goes to \a text, read as `heiiki path --to` reads it: an element id, a CIDR or
    /// address, a domain, a service name, "internet", or "service:", "domain:" or "cidr:"
    /// followed by a value.
    void setToText(const QString &text);
    void setPort(int port);
    /// "tcp" or "udp".
    void setProtocol(const QString &protocol);
    /// Fills the fields from the design's flow \a id; false when there is no such flow.
    bool setFlow(const heiiki::model::Id &id);
    /// Traces the fields' query. Returns false when the input was refused (the message is
    /// shown beside the field at fault).
    bool trace();
    /// Forgets the result and clears the highlight.
    void clearResult();

signals:
    /// Highlight these elements on the canvas, in path order; an empty list clears the
    /// highlight.
    void pathHighlightRequested(const QList<heiiki::model::Id> &ids);
    /// The user asked to see these elements on the canvas.
    void focusRequested(const QList<heiiki::model::Id> &ids);

private:
    struct Request
    {
        QString from; ///< an element id or "internet"
        QString to;   ///< as `heiiki path --to` takes it
        int port = 443;
        QString protocol;
    };

    /// The key of the From list's internet entry.
    static QString internetKey() { return QStringLiteral("internet"); }
    void schedulePopulate();
    void populate();
    /// Moves element \a id's entries to their new labels' places after a rename.
    void relabel(const model::Id &id);
    /// Adds or removes one element's entries in the source and target lists.
    void addEntry(const model::Id &id);
    void removeEntry(const model::Id &id);
    /// Inserts an entry at its place by label; returns its index.
    static int insertSorted(QComboBox *combo, const QIcon &icon, const QString &label,
                            const QString &key);
    void populateFlows();
    Request currentRequest() const;
    QString targetText() const;
    bool run(const Request &request);
    void showInputError(QLabel *label, const QString &text);
    void clearInputErrors();
    void applyFlow(int index);
    void fieldEdited();
    /// Shows \a text in the To field as typed text rather than a listed element.
    void showTypedTarget(const QString &text, bool typing = false);
    void retrace();
    void highlight(const QList<model::Id> &ids);

    DesignDocument *m_document;
    QComboBox *m_flow;
    QComboBox *m_from;
    QLabel *m_fromError;
    QComboBox *m_to;
    QLabel *m_toError;
    QSpinBox *m_port;
    QComboBox *m_protocol;
    QPushButton *m_traceButton;
    TraceResultView *m_resultView;
    std::optional<model::network::PathResult> m_result;
    std::optional<Request> m_last;
    QList<model::Id> m_highlighted;
    bool m_populateScheduled = false;
    bool m_applyingFlow = false;
};

} // namespace heiiki::ui
