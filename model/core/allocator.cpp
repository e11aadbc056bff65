#include "allocator.h"

#include <cstdlib>

#ifdef HEIIKI_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

namespace heiiki::model {

bool allocatorInUse()
{
#ifdef HEIIKI_HAVE_MIMALLOC
    void *probe = std::malloc(64);
    auto *object = new long double[4];
    const bool ours = mi_is_in_heap_region(probe) && mi_is_in_heap_region(object);
    delete[] object;
    std::free(probe);
    return ours;
#else
    return true;
#endif
}

void keepFreedMemory()
{
#ifdef HEIIKI_HAVE_MIMALLOC
    static const bool kept = [] {
        mi_option_disable(mi_option_allow_decommit);
        return true;
    }();
    (void)kept;
#endif
}

std::string allocatorDescription()
{
#ifdef HEIIKI_HAVE_MIMALLOC
    const int v = mi_version(); // e.g. 209 for 2.0.9
    std::string text = "mimalloc " + std::to_string(v / 100) + '.' + std::to_string(v / 10 % 10)
                       + '.' + std::to_string(v % 10);
    if (!allocatorInUse())
        text += " (linked, but malloc is served by another allocator)";
    return text;
#else
    return "system malloc";
#endif
}

} // namespace heiiki::model
