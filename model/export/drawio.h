#pragma once

#include "../core/design.h"

#include <string>
#include <unordered_set>

namespace heiiki::model::exporting {

/// What a draw.io export holds.
struct DrawioOptions
{
    std::string diagramName = "Heiiki"; ///< the page's name in diagrams.net
    /// Only these elements (and the links between them) when not empty; an element's
    /// ancestors come along so that containment stays whole.
    std::unordered_set<Id> only;
};

/// The draw.io style of an element, built from draw.io's own AWS 2021+ shapes: groups
/// (`shape=mxgraph.aws4.group;grIcon=…`) for containers, resource icons for nodes. Public
/// subnets (role "public", or a route to an internet gateway) get the public-subnet colours.
std::string drawioStyle(const Design &design, const Element &element);

/// The draw.io style of a link's edge (orthogonal, coloured and dashed like the canvas).
std::string drawioStyle(const Link &link);

/// The design as an uncompressed draw.io file: `mxfile > diagram > mxGraphModel > root`, the
/// cells flat under `root` starting with cells "0" and "1", one vertex per element (its parent
/// the cell of its container, its coordinates relative to that container, from the stored
/// geometry or the automatic layout) and one edge per link drawn on the canvas (links to
/// policy documents are not drawn). Cell ids are the design's element and link ids, so a
/// re-export diffs cleanly. Deterministic: the same design gives the same bytes.
std::string exportDrawio(const Design &design, const DrawioOptions &options = {});

/// \a text with the five XML special characters escaped, for attribute values and text.
std::string xmlEscaped(std::string_view text);

} // namespace heiiki::model::exporting
