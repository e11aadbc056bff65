#pragma once

#include <string>

namespace heiiki::bench {

/// The CPU's model name from /proc/cpuinfo, or "unknown".
std::string cpuModel();

/// "Release, compiler 12.2.0, NDEBUG, allocator mimalloc 2.0.9": how the benchmark was built
/// and what serves its memory, for the header of its report.
std::string buildDescription();

/// How long a read that misses the caches takes on this machine now: the nanoseconds per
/// step of a random walk through 8 MB, each step's address read from the previous one.
/// Validation of a large design waits mostly on such reads, and on a shared virtual machine
/// their cost changes from minute to minute, unlike that of arithmetic.
double memoryLatencyNs();

} // namespace heiiki::bench
