#pragma once

#include <QGraphicsView>

namespace heiiki::ui {

/// The view onto a design scene: antialiased, zooms with the wheel around the pointer, pans
/// by dragging, and keeps the whole design in sight until the user zooms.
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

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyFit();
    void scaleBy(qreal factor);

    bool m_fitting = true; ///< follow resizes with fitDesign() until the user zooms
};

} // namespace heiiki::ui
