#pragma once

#include "cachedtext.h"
#include "diagramstyle.h"
#include "elementitem.h"

namespace heiiki::ui {

/// A container on the canvas (region, account, VPC, subnet…): a rounded box with a badge and
/// a title band. Its child elements' items are its child items.
class ContainerItem : public ElementItem
{
public:
    enum { Type = UserType + 1 };

    explicit ContainerItem(const model::Id &id, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }

    void setSize(const QSizeF &size);
    QSizeF size() const { return m_size; }
    /// \a title is drawn bold; \a subtitle (CIDRs, region code…) after it, lighter.
    void setTitle(const QString &title, const QString &subtitle);
    QString title() const { return m_title; }
    void setLook(const ContainerLook &look);
    const ContainerLook &look() const { return m_look; }

    /// The square at the bottom-right corner that resizes a selected container.
    QRectF resizeGripRect() const;

    /// The band at the top that holds the badge and the title.
    QRectF titleRect() const;
    /// The square in the top-left corner that carries the kind's letters.
    QRectF badgeRect() const;
    /// The one-pixel pen of \a outline when the container is drawn plain at level of detail
    /// \a detail: as faint as the thinner line it stands for.
    static QPen plainOutline(const QColor &outline, qreal detail);

    QRectF frameRect() const override;
    QRectF boundingRect() const override;
    /// In a view (\a widget set), text too small to read becomes grey bars and dashed
    /// outlines become plain lines; renders for exports and images draw everything.
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override;
    /// The overlay, and the resize grip of a selected container.
    void paintOverlay(QPainter *painter) const override;

private:
    /// Fits the title and the subtitle into the width; after a change of either or the size.
    void layOutTitle();

    QSizeF m_size;
    QString m_title;
    QString m_subtitle;
    ContainerLook m_look;
    CachedText m_titleText;    ///< the title as drawn, elided to the room there is
    CachedText m_subtitleText; ///< the subtitle as drawn; empty when there is no room
    CachedText m_badgeText;
};

} // namespace heiiki::ui
