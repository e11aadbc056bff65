#pragma once

#include <string>

namespace heiiki::model {

/// Which memory allocator serves this process's `malloc` and `operator new`: "mimalloc 2.0.9"
/// when Heiiki was built with mimalloc (the default; validation allocates many short-lived
/// strings and tables, and mimalloc serves them about twice as fast as glibc's allocator),
/// otherwise "system malloc". Benchmarks print it next to their figures.
std::string allocatorDescription();

/// True when `malloc` and `operator new` in this process is served by the allocator Heiiki was linked with, not
/// only linked (a preloaded allocator or a static link order can shadow it).
bool allocatorInUse();

} // namespace heiiki::model
