#pragma once

#include <string>

namespace heiiki::bench {

/// The CPU's model name from /proc/cpuinfo, or "unknown".
std::string cpuModel();

/// "Release, compiler 12.2.0, NDEBUG, allocator mimalloc 2.0.9": how the benchmark was built
/// and what serves its memory, for the header of its report.
std::string buildDescription();

} // namespace heiiki::bench
