#pragma once

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

    /// The square at the bottom-right corner that resizes a selected container.
    QRectF resizeGripRect() const;

    /// The band at the top that holds the badge and the title.
    QRectF titleRect() const;

    QRectF frameRect() const override;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QSizeF m_size;
    QString m_title;
    QString m_subtitle;
    ContainerLook m_look;
};

} // namespace heiiki::ui
