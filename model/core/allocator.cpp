#include "allocator.h"

#include <cstdlib>
#include <fstream>

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

void useLargePages()
{
#ifdef HEIIKI_HAVE_MIMALLOC
    // The environment decides when it says anything (mimalloc reads it on first use).
    if (!std::getenv("MIMALLOC_LARGE_OS_PAGES"))
        mi_option_enable(mi_option_large_os_pages);
#endif
}

#ifdef HEIIKI_HAVE_MIMALLOC
namespace {

/// Whether madvise() can turn on transparent huge pages: the kernel's setting is "always" or
/// "madvise" (the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled).
bool systemGrantsLargePages()
{
    std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string setting;
    std::getline(file, setting);
    return setting.find("[always]") != std::string::npos
           || setting.find("[madvise]") != std::string::npos;
}

} // namespace
#endif

bool usesLargePages()
{
#ifdef HEIIKI_HAVE_MIMALLOC
    return mi_option_is_enabled(mi_option_large_os_pages);
#else
    return false;
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
    else if (usesLargePages())
        text += systemGrantsLargePages() ? ", 2 MiB pages"
                                         : ", 2 MiB pages asked for, but the system has them off";
    return text;
#else
    return "system malloc";
#endif
}

} // namespace heiiki::model
