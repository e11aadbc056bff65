#pragma once

#include <cstddef>

namespace heiiki::model {

/// The slot count of a flat open-addressing table (IdIndex, network::PointerMap) that holds
/// \a count entries at most half full: a power of two, at least 16.
inline size_t flatTableCapacity(size_t count)
{
    size_t capacity = 16;
    while (capacity < count * 2)
        capacity <<= 1;
    return capacity;
}

} // namespace heiiki::model
