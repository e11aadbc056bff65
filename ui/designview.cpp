#include "designview.h"

#include "designscene.h"
#include "overview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPaintEvent>
#include <QRubberBand>
#include <QStyleOptionGraphicsItem>
#include <QStyleOptionRubberBand>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace heiiki::ui {

namespace {
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8;
constexpr qreal kMaxFitZoom = 1.5; // a small design is not blown up past this
} // namespace

DesignView::DesignView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setAcceptDrops(true);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Every item sets the pen, brush and antialiasing it draws with, so the view need not
    // save and restore the painter around each of them.
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setBackgroundBrush(Qt::white);
}

void DesignView::fitDesign()
{
    m_fitting = true;
    applyFit();
}

void DesignView::applyFit()
{
    if (!scene())
        return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty())
        return;
    fitInView(rect, Qt::KeepAspectRatio);
    if (zoom() > kMaxFitZoom)
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
    centerOn(rect.center());
}

qreal DesignView::zoom() const
{
    return transform().m11();
}

void DesignView::zoomBy(qreal factor)
{
    const auto anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scaleBy(factor);
    setTransformationAnchor(anchor);
}

void DesignView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyIsNull(zoom()))
        return;
    m_fitting = false;
    const qreal applied = target / zoom();
    scale(applied, applied);
}

void DesignView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(1.0015, delta));
    event->accept();
}

void DesignView::focusRect(const QRectF &rect)
{
    if (rect.isEmpty())
        return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (rect.width() > visible.width() * 0.9 || rect.height() > visible.height() * 0.9) {
        const qreal factor = std::min(visible.width() * 0.8 / rect.width(),
                                      visible.height() * 0.8 / rect.height());
        zoomBy(factor);
    }
    m_fitting = false;
    centerOn(rect.center());
}

void DesignView::keyPressEvent(QKeyEvent *event)
{
    // Space held: the left button pans instead of selecting.
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setDragMode(QGraphicsView::ScrollHandDrag);
        setInteractive(false);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setDragMode(QGraphicsView::RubberBandDrag);
        setInteractive(true);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_fitting = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

bool DesignView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            scaleBy(1 + gesture->value());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void DesignView::setOverviewEnabled(bool enabled)
{
    if (enabled == m_overviewEnabled)
        return;
    m_overviewEnabled = enabled;
    viewport()->update();
}

bool DesignView::paintsOverview() const
{
    return m_overviewEnabled && qobject_cast<const DesignScene *>(scene())
           && QStyleOptionGraphicsItem::levelOfDetailFromTransform(viewportTransform())
                  < kOverviewDetail;
}

void DesignView::paintEvent(QPaintEvent *event)
{
    if (!paintsOverview()) {
        QGraphicsView::paintEvent(event);
        return;
    }
    const QTransform view = viewportTransform();
    const qreal detail = QStyleOptionGraphicsItem::levelOfDetailFromTransform(view);
    // A pixel more all round: a one-pixel outline on the edge of the exposed area.
    const QRectF exposed
        = mapToScene(event->rect().adjusted(-2, -2, 2, 2)).boundingRect();
    QPainter painter(viewport());
    painter.setWorldTransform(view);
    drawBackground(&painter, exposed);
    paintOverview(&painter, *static_cast<const DesignScene *>(scene()), detail, exposed,
                  viewport());
    painter.setWorldTransform(view);
    drawForeground(&painter, exposed);

    // The rubber band, as QGraphicsView draws it.
    if (const QRect band = rubberBandRect(); !band.isEmpty()) {
        painter.resetTransform();
        QStyleOptionRubberBand option;
        option.initFrom(viewport());
        option.rect = band;
        option.shape = QRubberBand::Rectangle;
        QStyleHintReturnMask mask;
        if (style()->styleHint(QStyle::SH_RubberBand_Mask, &option, viewport(), &mask))
            painter.setClipRegion(mask.region, Qt::IntersectClip);
        style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
    }
}

void DesignView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        applyFit();
}

} // namespace heiiki::ui
