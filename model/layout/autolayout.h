#pragma once

#include "../core/design.h"

#include <string>
#include <unordered_map>

namespace heiiki::model {

/// The sizes the automatic layout works with, in scene units. The canvas draws with the same
/// numbers, so titles and labels land where the layout left room for them.
struct LayoutMetrics
{
    static constexpr double nodeWidth = 100; ///< a leaf node's cell: glyph above, label below
    static constexpr double nodeHeight = 76;
    static constexpr double padding = 10;            ///< inside a container: left, right, bottom
    static constexpr double titleHeight = 30;        ///< from a container's top to its content
    static constexpr double titleIndent = 30;        ///< from a container's left to its title text
    static constexpr double spacing = 12;            ///< between siblings
    static constexpr double titleCharWidth = 8.0;    ///< estimated width of a title character
    static constexpr double subtitleCharWidth = 6.8; ///< … and of a subtitle character
    static constexpr double minContainerWidth = 140;
    static constexpr double minContentHeight = 0; ///< an empty container: its title band
};

/// Every element's box, relative to its parent's top-left corner (to the design's origin at
/// the top level), in scene units.
using Layout = std::unordered_map<Id, Geometry>;

/// Lays out \a design for display and returns a box for every element.
///
/// Elements with a stored geometry keep it. Containers without one become nested boxes that
/// grow to fit their children, with a title band on top; leaf nodes become fixed-size cells
/// packed in rows at the top of their parent. Availability Zones stand side by side in a VPC
/// (their subnets aligned row by row), subnets stack inside an AZ, and the top level reads
/// left to right from the corporate data center through Direct Connect to the AWS regions
/// and on to the internet, wrapped so that the whole design keeps a screen-like shape.
///
/// The result depends only on the design: the same design always gives the same layout.
Layout autoLayout(const Design &design);

} // namespace heiiki::model
