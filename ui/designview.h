#pragma once

#include <QGraphicsView>

namespace heiiki::ui {

/// The view onto a design scene: antialiased, zooms with the wheel (or a pinch) around the
/// pointer, selects with a rubber band, pans with the middle button or space-drag, and keeps
/// the whole design in sight until the user zooms.
class DesignView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit DesignView(QWidget *parent = nullptr);

    /// Shows the whole scene, and keeps doing so as the view is resized.
    void fitDesign();
    /// Zooms by \a factor around the centre of the view.
    void zoomBy(qreal factor);
    qreal zoom() const;
    /// Centres \a rect (scene coordinates) and zooms out if needed so that it fits.
    void focusRect(const QRectF &rect);

    /// Far out (under kOverviewDetail) the view draws the design's plain shapes gathered by
    /// colour (paintOverview()) instead of asking each item to paint: the same picture in a
    /// fraction of the time. On by default; off, the items paint themselves at every zoom.
    void setOverviewEnabled(bool enabled);
    bool isOverviewEnabled() const { return m_overviewEnabled; }
    /// Whether frames at the current zoom are painted by paintOverview().
    bool paintsOverview() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyFit();
    void scaleBy(qreal factor);

    bool m_fitting = true; ///< follow resizes with fitDesign() until the user zooms
    bool m_panning = false;
    bool m_overviewEnabled = true;
    QPoint m_panFrom;
};

} // namespace heiiki::ui
