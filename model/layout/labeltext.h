#pragma once

#include "../core/design.h"

#include <string>
#include <string_view>

namespace heiiki::model {

/// An estimate of how wide \a utf8 is drawn, in units of \a charWidth: East Asian wide
/// characters count twice. The layout sizes titles with it (model/ has no fonts).
double textWidth(std::string_view utf8, double charWidth);

/// The secondary text of a container's title (its CIDR blocks, region code, account id, zone)
/// for which the layout leaves room; "" for leaf nodes and when there is none.
std::string containerSubtitle(const Element &element);

} // namespace heiiki::model
