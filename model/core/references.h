#pragma once

#include "catalogue.h"
#include "design.h"

#include <vector>

namespace heiiki::model {

/// The elements a Ref or RefList property of \a owner (an element or a link) may name: the
/// design's elements of the property's kinds, in document order. For a property that refers
/// within a VPC (PropertySpec::sameVpc), only those in the owner's VPC: for a link, the VPC
/// at either end. An owner in no VPC (not yet placed) may name any.
std::vector<const Element *> referenceCandidates(const Design &design, const Id &owner,
                                                 const PropertySpec &spec);

/// The VPC \a owner belongs to: an element's VPC ancestor (or itself), a link's VPC end; null
/// when there is none.
const Element *owningVpc(const Design &design, const Id &owner);

} // namespace heiiki::model
