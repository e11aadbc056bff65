#pragma once

#include "model/core/design.h"

#include <QColor>
#include <QString>

#include <optional>

namespace heiiki::ui {

/// How a container is drawn, after the AWS architecture diagram conventions.
struct ContainerLook
{
    QColor outline;
    QColor fill;  ///< transparent: no fill
    QColor title; ///< the title text and the corner badge
    bool dashed = false;
    QString badge; ///< one or two letters in the corner badge
};

/// How a leaf node's glyph is drawn.
struct NodeLook
{
    QColor colour; ///< by category: networking purple, compute orange, security red…
    QString glyph; ///< a short abbreviation drawn on the glyph ("EC2", "TGW")
    std::optional<model::ElementKind> kind; ///< whose icon is drawn; none: the glyph is drawn
};

/// How a link is drawn.
struct LinkLook
{
    QColor colour;
    bool dashed = false;
};

/// The colours, glyphs and translated names of the diagram. Free functions: the style has no
/// state of its own.
namespace diagramstyle {

ContainerLook containerLook(const model::Element &element);
NodeLook nodeLook(model::ElementKind kind);
LinkLook linkLook(model::LinkKind kind);

/// The translated name of an element kind ("VPC", "Transit Gateway").
QString kindLabel(model::ElementKind kind);
/// The translated short caption drawn on a link ("TGW attachment").
QString linkLabel(model::LinkKind kind);

/// Whether a link of \a kind carries its caption on the canvas.
bool showsLinkLabel(model::LinkKind kind);

/// \a colour mixed with white: \a share of the colour (0 to 1), the rest white. An opaque
/// stand-in for a line thinner than a pixel, which antialiasing would draw that faint; opaque
/// lines are much faster to draw than translucent ones.
QColor faded(const QColor &colour, qreal share);

} // namespace diagramstyle

} // namespace heiiki::ui
