#pragma once

#include "policylint.h"

#include "model/core/catalogue.h"
#include "model/core/id.h"

#include <QHash>
#include <QWidget>

#include "model/core/json.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace heiiki::ui {

class DesignDocument;
class PolicyTextEdit;
struct PolicyTemplate;

/// Edits one policy document of the design as JSON text. The text is coloured, and linted as
/// the user types (after a pause of about 300 ms) with the model's IAM parser: each problem
/// is listed under the text with its line, and its line is marked (underline, margin marker,
/// tooltip). JSON syntax errors are shown with their line and column.
///
/// The text becomes the policy's document when the user presses Apply, or leaves the text
/// field, and the text is JSON: one EditPolicyCommand per apply. Text that is not JSON is
/// never applied and never lost: it stays in the field, and also when another policy is
/// opened and this one opened again. The template menu puts policies I–IV filled with the
/// design's accounts, role ARNs and endpoint ids into the field.
class PolicyEditor : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the editor.
    explicit PolicyEditor(DesignDocument *document, QWidget *parent = nullptr);

    /// The policy shown; null when none is.
    model::Id policy() const { return m_policy; }
    PolicyTextEdit *textEdit() const { return m_text; }
    /// The problems of the latest lint, by line.
    const PolicyLintResult &lintResult() const { return m_lint; }
    /// True when the text or type differs from the policy's document in the design.
    bool isModified() const;

public slots:
    /// Opens policy \a id (null: none). The text of the policy shown before is applied when
    /// it is JSON, and kept for later when it is not.
    void setPolicy(const model::Id &id);
    /// Makes the text the policy's document, as one undo step. Returns false, changing
    /// nothing, when the text is not JSON.
    bool apply();
    /// Drops the changes in the field and shows the policy's document again.
    void revert();
    /// Lints the text at once (instead of after the typing pause).
    void lintNow();
    /// Replaces the text with \a policyTemplate (an undoable edit of the field) and sets the
    /// type it needs; Apply makes it the policy's document.
    void insertTemplate(const PolicyTemplate &policyTemplate);

signals:
    /// A lint finished; see lintResult().
    void linted();

private:
    void open(const model::Id &id);
    void load(const QString &text);
    QString modelText() const;
    void policyChanged(const model::Id &id);
    void policyRemoved(const model::Id &id);
    void textChanged();
    void typeChosen(int index);
    void nameEdited();
    void showLint();
    void findingActivated(QTreeWidgetItem *item);
    void fillTemplateMenu();
    void updateState();
    std::optional<heiiki::Json> parsedText() const;

    DesignDocument *m_document;
    model::Id m_policy;
    model::PolicyType m_type = model::PolicyType::Identity;
    heiiki::Json m_synced; ///< the design's document when the field was last in step with it
    model::PolicyType m_syncedType = model::PolicyType::Identity;
    QHash<QString, QString> m_drafts; ///< text that is not JSON, by policy id
    PolicyLintResult m_lint;

    QLineEdit *m_name = nullptr;
    QComboBox *m_typeBox = nullptr;
    QToolButton *m_templates = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    PolicyTextEdit *m_text = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_findings = nullptr;
    QTimer *m_lintTimer = nullptr;
    bool m_loading = false;
};

} // namespace heiiki::ui
