#pragma once

#include "design.h"

#include <array>
#include <vector>

namespace heiiki::model {

/// A design's elements by kind, each list in document order. Built in one pass, so that code
/// after the elements of one kind does not read every element of a large design to find them
/// (validation walks the lists of a dozen kinds; reading 50,000 elements a dozen times costs
/// more than the work on the few hundred it wants). Holds pointers: valid while the design
/// stays as it was.
class KindIndex
{
public:
    explicit KindIndex(const Design &design)
    {
        for (const auto &e : design.elements())
            m_lists[static_cast<size_t>(e->kind)].push_back(e.get());
    }

    /// The elements of \a kind, in document order.
    const std::vector<const Element *> &operator()(ElementKind kind) const
    {
        return m_lists[static_cast<size_t>(kind)];
    }

private:
    std::array<std::vector<const Element *>, kElementKindCount> m_lists;
};

} // namespace heiiki::model
