#pragma once

#include <string>

namespace heiiki::model {

/// Which memory allocator serves this process's `malloc` and `operator new`: "mimalloc 2.0.9"
/// when Heiiki was built with mimalloc (the default; validation allocates many short-lived
/// strings and tables, and mimalloc serves them about twice as fast as glibc's allocator),
/// otherwise "system malloc". Benchmarks print it next to their figures.
std::string allocatorDescription();

/// Keeps the memory this process frees committed for its next use, instead of handing the
/// pages back to the system shortly after (mimalloc's `allow_decommit` off). A validation of a
/// large design frees tens of megabytes that the next one, or its own next phase, allocates
/// again; giving the pages back and faulting them in anew doubled the time of a validation of
/// 50,000 elements. The process then keeps the most memory it used at once. Every
/// ValidationContext calls it; the first call does the work; nothing to do with the system
/// allocator.
void keepFreedMemory();

/// True when `malloc` and `operator new` in this process is served by the allocator Heiiki was linked with, not
/// only linked (a preloaded allocator or a static link order can shadow it).
bool allocatorInUse();

} // namespace heiiki::model
