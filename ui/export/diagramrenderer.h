#pragma once

#include "model/core/design.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>

#include <memory>

class QPainter;

namespace heiiki::ui {

class DesignDocument;
class DesignScene;

/// What a review diagram shows.
struct DiagramOptions
{
    QList<model::Id> only;  ///< only these elements (and their containers); empty: everything
    bool titleBlock = true; ///< design name, date and validation summary
    bool legend = true;     ///< the kinds shown, with their icons
    QDate date = QDate::currentDate();
};

/// How a diagram is laid on PDF pages.
struct PdfOptions
{
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    int columns = 1; ///< the diagram is cut into columns × rows pages, each fitted to its page
    int rows = 1;
};

/// Renders a design for review: the canvas's own items (the same scene the designer draws,
/// with no selection, hover or handles), framed by a title block and a legend, into SVG, PNG
/// or PDF. Works headless (the offscreen platform is enough).
class DiagramRenderer
{
    Q_DECLARE_TR_FUNCTIONS(heiiki::ui::DiagramRenderer)

public:
    /// Copies \a design and validates the copy, so the badges and the summary are current.
    DiagramRenderer(const model::Design &design, const DiagramOptions &options = {});
    ~DiagramRenderer();

    /// The natural size of the whole sheet (diagram and title block), in scene units.
    QSizeF naturalSize() const;
    /// The part of the scene the diagram shows.
    QRectF diagramRect() const { return m_diagramRect; }

    /// Paints the sheet into \a target, scaled to fit and centred. \a part (in scene units,
    /// inside diagramRect()) limits the diagram to a tile; \a pageNote goes in the title block.
    void render(QPainter *painter, const QRectF &target, const QRectF &part = {},
                const QString &pageNote = {}) const;

    /// The elements' labels as drawn: containers' titles, nodes' wrapped (and, where too long
    /// for the node, elided) labels. For checks of what an export holds.
    QStringList labels() const;

    bool writeSvg(const QString &path, QString *error) const;
    /// \a scale: pixels per scene unit (1 = 96 dpi).
    bool writePng(const QString &path, double scale, QString *error) const;
    bool writePdf(const QString &path, const PdfOptions &options, QString *error) const;

    /// The validation summary the title block shows ("2 errors, 1 warning; 5 of 5 attack
    /// scenarios blocked").
    QString summary() const { return m_summary; }
    /// The kinds shown, in catalogue order.
    QList<model::ElementKind> legendKinds() const { return m_legendKinds; }

private:
    QString collectSummary() const;
    QList<model::ElementKind> collectLegendKinds() const;
    qreal titleBlockHeight(qreal width) const;
    qreal summaryWidth() const;
    qreal minSheetWidth() const;
    QString designName() const;
    QString dateLine(const QString &pageNote) const;
    void paintTitleBlock(QPainter *painter, const QRectF &band, const QString &pageNote) const;

    std::unique_ptr<DesignDocument> m_document;
    DesignScene *m_scene = nullptr; ///< owned by m_document
    DiagramOptions m_options;
    QRectF m_diagramRect;
    QList<model::ElementKind> m_legendKinds; ///< worked out once: the shown kinds do not change
    QString m_summary;
};

} // namespace heiiki::ui
