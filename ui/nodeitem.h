#pragma once

#include "cachedtext.h"
#include "diagramstyle.h"
#include "elementitem.h"

#include <QStringList>

#include <vector>

namespace heiiki::ui {

/// A leaf node on the canvas (EC2 instance, Transit Gateway, VPC endpoint…): a coloured glyph
/// with the element's name below it, in a cell of the layout's node size.
class NodeItem : public ElementItem
{
public:
    enum { Type = UserType + 2 };

    explicit NodeItem(const model::Id &id, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }

    /// The name under the glyph: wrapped onto three lines, elided past that.
    void setLabel(const QString &label);
    QString label() const { return m_label; }
    /// The label as drawn: wrapped, the last line elided when it does not fit.
    QStringList lines() const { return m_lines; }
    void setLook(const NodeLook &look);
    const NodeLook &look() const { return m_look; }
    /// The glyph's square (item coordinates): drawn in the look's colour when too small.
    QRectF glyphRect() const;

    /// The glyph and the label together.
    QRectF frameRect() const override;
    QRectF boundingRect() const override;
    /// In a view (\a widget set), detail too small to read is simplified: the label becomes
    /// grey bars and, smaller still, the glyph a plain square. Renders for exports and
    /// images (no widget) always draw everything.
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override;

private:
    void paintGlyph(QPainter *painter) const;

    QString m_label;
    QStringList m_lines;            ///< m_label as drawn
    std::vector<CachedText> m_text; ///< m_lines, shaped once
    QRectF m_labelRect;  ///< where m_lines are drawn
    qreal m_lineSpacing = 0;
    NodeLook m_look;
    CachedText m_glyphText; ///< m_look.glyph, drawn when the kind has no icon
};

} // namespace heiiki::ui
