#pragma once

#include "exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace heiiki::ui {

/// File > Export: the format, where to write, and the options that format takes (scope,
/// title block and legend, PNG resolution, PDF pages). Accepting gives an ExportRequest; the
/// dialog itself writes nothing.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a selection: the elements selected on the canvas (the "selection only" scope);
    /// \a suggestedBase: a path without suffix that the output name starts from.
    ExportDialog(const QList<model::Id> &selection, const QString &suggestedBase,
                 QWidget *parent = nullptr);

    ExportRequest request() const;
    void setFormat(ExportFormat format);
    void setOutput(const QString &path);
    /// Chooses the "selection only" scope (when there is a selection).
    void setSelectionOnly(bool only);

    void accept() override;

private:
    ExportFormat format() const;
    void formatChanged();
    void browse();

    QList<model::Id> m_selection;
    QComboBox *m_format = nullptr;
    QLineEdit *m_output = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_selected = nullptr;
    QCheckBox *m_titleBlock = nullptr;
    QCheckBox *m_legend = nullptr;
    QGroupBox *m_diagramBox = nullptr;
    QGroupBox *m_pngBox = nullptr;
    QSpinBox *m_dpi = nullptr;
    QGroupBox *m_pdfBox = nullptr;
    QComboBox *m_pageSize = nullptr;
    QComboBox *m_orientation = nullptr;
    QSpinBox *m_columns = nullptr;
    QSpinBox *m_rows = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace heiiki::ui
