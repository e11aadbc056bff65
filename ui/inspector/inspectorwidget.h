#pragma once

#include <QWidget>

#include "model/core/id.h"

class QScrollArea;

namespace heiiki::ui {

class DesignDocument;
class DesignSettingsPage;
class ObjectPage;
class PropertyEditor;

/// The inspector dock's contents. Shows the single selected element or link of the document
/// (its id, kind, name and a typed editor for every property of its kind), or, when nothing
/// or several objects are selected, the design's settings. Every completed edit is one undo
/// step on the document's stack; values the model would refuse are refused with the reason
/// next to the field. The inspector follows the selection and refreshes when the shown object
/// changes (undo, redo, edits elsewhere) without taking the focus from the field being used.
class InspectorWidget : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the widget.
    explicit InspectorWidget(DesignDocument *document, QWidget *parent = nullptr);

    /// The element or link shown; null when the design's settings are shown.
    model::Id shownId() const;
    /// The page shown for an element or link, or nullptr.
    ObjectPage *objectPage() const;
    /// The design settings page, when it is shown; else nullptr.
    DesignSettingsPage *settingsPage() const;
    /// The editor of property \a name of the shown element or link, or nullptr.
    PropertyEditor *propertyEditor(const QString &name) const;

public slots:
    /// Shows what the document's selection says (called when the selection changes).
    void showSelection();

private:
    model::Id selectedObject() const;
    void showPage(QWidget *page);
    void objectChanged(const model::Id &id, const QString &what);
    void objectRemoved(const model::Id &id);
    void scheduleChoices();
    void updateChoices();

    DesignDocument *m_document;
    QScrollArea *m_scroll = nullptr;
    model::Id m_shown;
    bool m_choicesScheduled = false;
};

} // namespace heiiki::ui
