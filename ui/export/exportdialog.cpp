#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace heiiki::ui {

namespace {

struct FormatEntry
{
    ExportFormat format;
    const char *label;
};

const FormatEntry kEntries[] = {
    {ExportFormat::Svg, QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Review diagram (SVG)")},
    {ExportFormat::Png, QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Review diagram (PNG)")},
    {ExportFormat::Pdf, QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Review diagram (PDF)")},
    {ExportFormat::Drawio, QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "draw.io diagram")},
    {ExportFormat::Bundle,
     QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Policy bundle (folder)")},
    {ExportFormat::BundleZip,
     QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Policy bundle (.zip)")},
    {ExportFormat::ReportHtml,
     QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Review report (HTML)")},
    {ExportFormat::ReportPdf, QT_TRANSLATE_NOOP("heiiki::ui::ExportDialog", "Review report (PDF)")},
};

bool isDiagram(ExportFormat format)
{
    return format == ExportFormat::Svg || format == ExportFormat::Png
           || format == ExportFormat::Pdf || format == ExportFormat::Drawio;
}

} // namespace

ExportDialog::ExportDialog(const QList<model::Id> &selection, const QString &suggestedBase,
                           QWidget *parent)
    : QDialog(parent), m_selection(selection)
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    for (const FormatEntry &entry : kEntries)
        m_format->addItem(tr(entry.label), static_cast<int>(entry.format));

    m_output = new QLineEdit(suggestedBase + QStringLiteral(".svg"));
    m_output->setObjectName(QStringLiteral("output"));
    auto *browseButton = new QPushButton(tr("Browse…"));
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseButton);

    auto *top = new QFormLayout;
    top->addRow(tr("&Format:"), m_format);
    auto *outputLabel = new QLabel(tr("&Output:"));
    outputLabel->setBuddy(m_output);
    top->addRow(outputLabel, outputRow);

    m_diagramBox = new QGroupBox(tr("Diagram"));
    m_whole = new QRadioButton(tr("The whole design"));
    m_selected = new QRadioButton(tr("The selection (%n element(s))", nullptr,
                                     static_cast<int>(selection.size())));
    m_selected->setObjectName(QStringLiteral("selectionOnly"));
    m_selected->setEnabled(!selection.isEmpty());
    m_whole->setChecked(true);
    m_titleBlock = new QCheckBox(tr("Title block (name, date, validation summary)"));
    m_titleBlock->setChecked(true);
    m_legend = new QCheckBox(tr("Legend of the kinds shown"));
    m_legend->setChecked(true);
    auto *diagramLayout = new QVBoxLayout(m_diagramBox);
    diagramLayout->addWidget(m_whole);
    diagramLayout->addWidget(m_selected);
    diagramLayout->addWidget(m_titleBlock);
    diagramLayout->addWidget(m_legend);

    m_pngBox = new QGroupBox(tr("PNG"));
    m_dpi = new QSpinBox;
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_dpi->setRange(24, 1200);
    m_dpi->setValue(192);
    m_dpi->setSuffix(tr(" dpi"));
    auto *pngLayout = new QFormLayout(m_pngBox);
    pngLayout->addRow(tr("&Resolution:"), m_dpi);

    m_pdfBox = new QGroupBox(tr("PDF pages"));
    m_pageSize = new QComboBox;
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pageSize->addItem(tr("A3"), int(QPageSize::A3));
    m_orientation = new QComboBox;
    m_orientation->addItem(tr("Landscape"), int(QPageLayout::Landscape));
    m_orientation->addItem(tr("Portrait"), int(QPageLayout::Portrait));
    m_columns = new QSpinBox;
    m_columns->setRange(1, 10);
    m_rows = new QSpinBox;
    m_rows->setRange(1, 10);
    auto *grid = new QHBoxLayout;
    grid->addWidget(m_columns);
    grid->addWidget(new QLabel(tr("across ×")));
    grid->addWidget(m_rows);
    grid->addWidget(new QLabel(tr("down (1 × 1: fit to one page)")));
    grid->addStretch();
    auto *pdfLayout = new QFormLayout(m_pdfBox);
    pdfLayout->addRow(tr("Page &size:"), m_pageSize);
    pdfLayout->addRow(tr("Orien&tation:"), m_orientation);
    pdfLayout->addRow(tr("&Pages:"), grid);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_diagramBox);
    layout->addWidget(m_pngBox);
    layout->addWidget(m_pdfBox);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setMinimumWidth(620);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    formatChanged();
}

ExportFormat ExportDialog::format() const
{
    return static_cast<ExportFormat>(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

void ExportDialog::setOutput(const QString &path)
{
    m_output->setText(path);
}

void ExportDialog::setSelectionOnly(bool only)
{
    if (only && m_selected->isEnabled())
        m_selected->setChecked(true);
    else
        m_whole->setChecked(true);
}

void ExportDialog::formatChanged()
{
    const ExportFormat f = format();
    m_diagramBox->setEnabled(isDiagram(f));
    m_titleBlock->setEnabled(f != ExportFormat::Drawio);
    m_legend->setEnabled(f != ExportFormat::Drawio);
    m_pngBox->setVisible(f == ExportFormat::Png);
    m_pdfBox->setVisible(f == ExportFormat::Pdf);
    // The output keeps its name and takes the format's suffix.
    QString path = m_output->text();
    const QFileInfo info(path);
    const QString suffix = exportSuffix(f);
    const QString base = info.suffix().isEmpty() ? path
                                                 : info.dir().filePath(info.completeBaseName());
    if (!path.isEmpty())
        m_output->setText(suffix.isEmpty() ? base : base + QLatin1Char('.') + suffix);
    m_problem->hide();
    adjustSize();
}

void ExportDialog::browse()
{
    const ExportFormat f = format();
    QString path;
    if (f == ExportFormat::Bundle) {
        path = QFileDialog::getExistingDirectory(this, tr("Export the policy bundle into"),
                                                 QFileInfo(m_output->text()).absolutePath());
    } else {
        const QString suffix = exportSuffix(f);
        path = QFileDialog::getSaveFileName(this, tr("Export"), m_output->text(),
                                            tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    }
    if (!path.isEmpty())
        m_output->setText(path);
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.format = format();
    r.output = m_output->text().trimmed();
    if (m_selected->isChecked())
        r.diagram.only = m_selection;
    r.diagram.titleBlock = m_titleBlock->isChecked();
    r.diagram.legend = m_legend->isChecked();
    r.scale = m_dpi->value() / 96.0;
    r.pdf.pageSize = static_cast<QPageSize::PageSizeId>(m_pageSize->currentData().toInt());
    r.pdf.orientation
        = static_cast<QPageLayout::Orientation>(m_orientation->currentData().toInt());
    r.pdf.columns = m_columns->value();
    r.pdf.rows = m_rows->value();
    return r;
}

void ExportDialog::accept()
{
    const QString path = m_output->text().trimmed();
    QString problem;
    if (path.isEmpty())
        problem = tr("Choose where to write the export.");
    else if (format() != ExportFormat::Bundle && QFileInfo(path).isDir())
        problem = tr("\"%1\" is a folder; name a file.").arg(path);
    else if (!QFileInfo(path).absoluteDir().exists())
        problem = tr("The folder \"%1\" does not exist.").arg(QFileInfo(path).absolutePath());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace heiiki::ui
