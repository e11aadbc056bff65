#include "diagramrenderer.h"

#include "ui/containeritem.h"
#include "ui/designscene.h"
#include "ui/diagramstyle.h"
#include "ui/document/designdocument.h"
#include "ui/elementitem.h"
#include "ui/kindicons.h"
#include "ui/linkitem.h"
#include "ui/nodeitem.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QSvgRenderer>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace heiiki::ui {

namespace {

constexpr qreal kMargin = 20;        ///< around the diagram on the sheet
constexpr qreal kMinSheetWidth = 640;
constexpr qreal kLegendIcon = 16;
constexpr qreal kLegendColumn = 215;
constexpr qreal kLegendRow = 22;
constexpr qreal kMinSummaryWidth = 300; ///< the title block's left column, at least
const QColor kInk(0x23, 0x2f, 0x3e);
const QColor kRule(0xaa, 0xb7, 0xb8);

QFont titleFont()
{
    QFont font;
    font.setPixelSize(16);
    font.setBold(true);
    return font;
}

QFont textFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

DiagramRenderer::DiagramRenderer(const model::Design &design, const DiagramOptions &options)
    : m_document(std::make_unique<DesignDocument>()), m_options(options)
{
    m_document->reset(model::Design(design), QString());
    m_document->waitForValidation();
    m_scene = new DesignScene(m_document.get(), m_document.get());
    m_scene->clearSelection();

    if (options.only.isEmpty()) {
        m_diagramRect = m_scene->designRect();
    } else {
        // The chosen elements with everything inside them, and their containers around them.
        std::unordered_set<model::Id> shown;
        const model::Design &copy = m_document->design();
        for (const model::Id &id : options.only) {
            if (!copy.element(id))
                continue;
            for (const model::Element *e = copy.element(id); e;
                 e = e->parent.isNull() ? nullptr : copy.element(e->parent))
                shown.insert(e->id);
            if (ElementItem *item = m_scene->elementItem(id))
                m_diagramRect = m_diagramRect.united(item->sceneBoundingRect());
        }
        // Descendants of a chosen element are shown; other children of shown containers not.
        std::unordered_set<model::Id> inside;
        for (const auto &element : copy.elements()) {
            for (const model::Element *e = element.get(); e;
                 e = e->parent.isNull() ? nullptr : copy.element(e->parent)) {
                if (std::find(options.only.begin(), options.only.end(), e->id)
                    != options.only.end()) {
                    inside.insert(element->id);
                    break;
                }
            }
        }
        for (const auto &element : copy.elements()) {
            const bool visible = inside.count(element->id) || shown.count(element->id);
            if (ElementItem *item = m_scene->elementItem(element->id))
                item->setVisible(visible);
        }
        for (const auto &link : copy.links()) {
            if (LinkItem *item = m_scene->linkItem(link->id))
                item->setVisible(inside.count(link->from) && inside.count(link->to));
        }
    }
    if (m_diagramRect.isEmpty())
        m_diagramRect = QRectF(0, 0, 200, 100);
    m_legendKinds = collectLegendKinds();
    m_summary = collectSummary();
}

DiagramRenderer::~DiagramRenderer()
{
    delete m_scene; // before the document it observes
}

QString DiagramRenderer::collectSummary() const
{
    int errors = 0;
    int warnings = 0;
    for (const model::Finding &finding : m_document->findings()) {
        if (finding.severity == model::Severity::Error)
            ++errors;
        else if (finding.severity == model::Severity::Warning)
            ++warnings;
    }
    const auto &scenarios = m_document->scenarios();
    const auto blocked = std::count_if(scenarios.begin(), scenarios.end(),
                                       [](const auto &s) { return !s.succeeds; });
    return tr("Errors: %1 · warnings: %2 · %3 of %4 attack scenarios blocked")
        .arg(errors)
        .arg(warnings)
        .arg(blocked)
        .arg(static_cast<int>(scenarios.size()));
}

QList<model::ElementKind> DiagramRenderer::collectLegendKinds() const
{
    std::set<int> kinds;
    for (const auto &element : m_document->design().elements()) {
        const ElementItem *item = m_scene->elementItem(element->id);
        if (item && item->isVisible()
            && !model::Catalogue::instance().info(element->kind).container)
            kinds.insert(static_cast<int>(element->kind));
    }
    QList<model::ElementKind> result;
    for (int kind : kinds)
        result << static_cast<model::ElementKind>(kind);
    return result;
}

QStringList DiagramRenderer::labels() const
{
    QStringList result;
    for (const auto &element : m_document->design().elements()) {
        ElementItem *item = m_scene->elementItem(element->id);
        if (!item || !item->isVisible())
            continue;
        if (auto *node = dynamic_cast<NodeItem *>(item))
            result << node->lines().join(QLatin1Char(' '));
        else if (auto *container = dynamic_cast<ContainerItem *>(item))
            result << container->title();
    }
    return result;
}

qreal DiagramRenderer::summaryWidth() const
{
    if (!m_options.titleBlock)
        return 0;
    const QFontMetricsF title(titleFont());
    const QFontMetricsF text(textFont());
    const qreal widest = std::max({title.horizontalAdvance(designName()),
                                   text.horizontalAdvance(dateLine(QString())),
                                   text.horizontalAdvance(summary())});
    return std::max(kMinSummaryWidth, std::min(widest + 24, 640.0));
}

qreal DiagramRenderer::minSheetWidth() const
{
    // Room for the summary and two legend columns.
    return std::max(kMinSheetWidth, summaryWidth() + 2 * kLegendColumn + 2 * kMargin);
}

QString DiagramRenderer::designName() const
{
    const model::Design &design = m_document->design();
    return design.settings().name.empty() ? tr("Untitled design")
                                          : QString::fromStdString(design.settings().name);
}

QString DiagramRenderer::dateLine(const QString &pageNote) const
{
    QString line = tr("%1 · Heiiki review diagram")
                       .arg(QLocale().toString(m_options.date, QLocale::ShortFormat));
    if (!pageNote.isEmpty())
        line += QStringLiteral(" · ") + pageNote;
    return line;
}

qreal DiagramRenderer::titleBlockHeight(qreal width) const
{
    if (!m_options.titleBlock && !m_options.legend)
        return 0;
    qreal height = m_options.titleBlock ? 76 : 0;
    if (m_options.legend) {
        const qreal legendWidth
            = std::max(kLegendColumn, width - 2 * kMargin - summaryWidth());
        const int columns = std::max(1, static_cast<int>(legendWidth / kLegendColumn));
        const int rows = (static_cast<int>(legendKinds().size()) + columns - 1) / columns;
        height = std::max(height, 30 + rows * kLegendRow + 8);
    }
    return height;
}

QSizeF DiagramRenderer::naturalSize() const
{
    const qreal width = std::max(minSheetWidth(), m_diagramRect.width() + 2 * kMargin);
    return {width, m_diagramRect.height() + 2 * kMargin + titleBlockHeight(width)};
}

void DiagramRenderer::render(QPainter *painter, const QRectF &target, const QRectF &part,
                             const QString &pageNote) const
{
    const QRectF source = part.isEmpty() ? m_diagramRect : part;
    const qreal sheetWidth
        = std::max(minSheetWidth(), source.width() + 2 * kMargin);
    const qreal band = titleBlockHeight(sheetWidth);
    const QSizeF sheet(sheetWidth, source.height() + 2 * kMargin + band);
    const qreal scale = std::min(target.width() / sheet.width(), target.height() / sheet.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->translate(target.left() + (target.width() - sheet.width() * scale) / 2,
                       target.top() + (target.height() - sheet.height() * scale) / 2);
    painter->scale(scale, scale);
    painter->fillRect(QRectF(QPointF(0, 0), sheet), Qt::white);

    const QRectF diagramArea((sheetWidth - source.width()) / 2, kMargin, source.width(),
                             source.height());
    m_scene->render(painter, diagramArea, source, Qt::KeepAspectRatio);

    if (band > 0)
        paintTitleBlock(painter, QRectF(0, sheet.height() - band, sheetWidth, band), pageNote);
    painter->restore();
}

void DiagramRenderer::paintTitleBlock(QPainter *painter, const QRectF &band,
                                      const QString &pageNote) const
{
    painter->save();
    painter->setPen(QPen(kRule, 1));
    painter->drawLine(band.topLeft() + QPointF(kMargin, 0), band.topRight() - QPointF(kMargin, 0));
    qreal legendLeft = band.left() + kMargin;
    if (m_options.titleBlock) {
        const qreal width = summaryWidth();
        painter->setPen(kInk);
        painter->setFont(titleFont());
        QRectF line(band.left() + kMargin, band.top() + 10, width - 16, 22);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(titleFont()).elidedText(designName(), Qt::ElideRight,
                                                                line.width()));
        painter->setFont(textFont());
        line.translate(0, 22);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(textFont()).elidedText(dateLine(pageNote),
                                                               Qt::ElideRight, line.width()));
        line.translate(0, 18);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, summary());
        legendLeft += width;
    }
    if (m_options.legend) {
        painter->setFont(textFont());
        painter->setPen(kInk);
        const QList<model::ElementKind> kinds = legendKinds();
        const qreal width = band.right() - kMargin - legendLeft;
        const int columns = std::max(1, static_cast<int>(width / kLegendColumn));
        painter->drawText(QRectF(legendLeft, band.top() + 8, width, 16),
                          Qt::AlignLeft | Qt::AlignVCenter, tr("Legend"));
        for (int i = 0; i < kinds.size(); ++i) {
            const QPointF at(legendLeft + (i % columns) * kLegendColumn,
                             band.top() + 30 + (i / columns) * kLegendRow);
            const QRectF icon(at, QSizeF(kLegendIcon, kLegendIcon));
            if (QSvgRenderer *renderer = kindRenderer(kinds[i]); renderer && renderer->isValid())
                renderer->render(painter, icon);
            const QRectF text(at.x() + kLegendIcon + 6, at.y(), kLegendColumn - 28, kLegendIcon);
            painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(textFont()).elidedText(
                                  diagramstyle::kindLabel(kinds[i]), Qt::ElideRight,
                                  text.width()));
        }
    }
    painter->restore();
}

bool DiagramRenderer::writeSvg(const QString &path, QString *error) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    const QSizeF size = naturalSize();
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(QString::fromStdString(m_document->design().settings().name));
    generator.setDescription(summary());
    QPainter painter;
    if (!painter.begin(&generator))
        return fail(error, tr("Cannot write \"%1\".").arg(path));
    render(&painter, QRectF(QPointF(0, 0), size));
    painter.end();
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return fail(error, tr("Cannot write \"%1\".").arg(path));
    return true;
}

bool DiagramRenderer::writePng(const QString &path, double scale, QString *error) const
{
    if (!(scale > 0) || scale > 16)
        return fail(error, tr("The scale must be above 0 and at most 16, not %1.").arg(scale));
    const QSizeF size = naturalSize() * scale;
    if (size.width() * size.height() > 400e6)
        return fail(error, tr("The image would be %1 × %2 pixels; choose a smaller scale.")
                               .arg(qRound(size.width()))
                               .arg(qRound(size.height())));
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return fail(error, tr("Not enough memory for a %1 × %2 image.")
                               .arg(qRound(size.width()))
                               .arg(qRound(size.height())));
    image.fill(Qt::white);
    image.setDotsPerMeterX(qRound(96 * scale / 0.0254));
    image.setDotsPerMeterY(qRound(96 * scale / 0.0254));
    {
        QPainter painter(&image);
        render(&painter, QRectF(QPointF(0, 0), size));
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return fail(error, tr("Cannot write \"%1\": %2").arg(path, writer.errorString()));
    return true;
}

bool DiagramRenderer::writePdf(const QString &path, const PdfOptions &options,
                               QString *error) const
{
    if (options.columns < 1 || options.rows < 1 || options.columns * options.rows > 100)
        return fail(error, tr("A PDF has 1 to 100 pages; %1 × %2 was asked for.")
                               .arg(options.columns)
                               .arg(options.rows));
    QPdfWriter writer(path);
    writer.setCreator(QStringLiteral("Heiiki"));
    writer.setTitle(QString::fromStdString(m_document->design().settings().name));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(options.pageSize), options.orientation,
                                     QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(error, tr("Cannot write \"%1\".").arg(path));
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution()).translated(
        -writer.pageLayout().paintRectPixels(writer.resolution()).topLeft());
    const int pages = options.columns * options.rows;
    const qreal tileWidth = m_diagramRect.width() / options.columns;
    const qreal tileHeight = m_diagramRect.height() / options.rows;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        const int column = i % options.columns;
        const int row = i / options.columns;
        const QRectF part = pages == 1 ? QRectF()
                                       : QRectF(m_diagramRect.left() + column * tileWidth,
                                                m_diagramRect.top() + row * tileHeight,
                                                tileWidth, tileHeight);
        const QString note = pages == 1 ? QString()
                                        : tr("page %1 of %2 (column %3, row %4)")
                                              .arg(i + 1)
                                              .arg(pages)
                                              .arg(column + 1)
                                              .arg(row + 1);
        render(&painter, page, part, note);
    }
    if (!painter.end())
        return fail(error, tr("Cannot write \"%1\".").arg(path));
    return true;
}

} // namespace heiiki::ui
