#include "benchsupport.h"

#include "model/core/allocator.h"

#include <fstream>

#ifndef HEIIKI_BENCH_BUILD_TYPE
#define HEIIKI_BENCH_BUILD_TYPE "unknown"
#endif

namespace heiiki::bench {

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    return "unknown";
}

std::string buildDescription()
{
    std::string text = std::string(HEIIKI_BENCH_BUILD_TYPE) + ", compiler " + __VERSION__;
#ifdef NDEBUG
    text += ", NDEBUG";
#endif
    return text + ", allocator " + model::allocatorDescription();
}

} // namespace heiiki::bench
