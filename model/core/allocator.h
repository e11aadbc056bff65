#pragma once

#include <string>

namespace heiiki::model {

/// Which memory allocator serves this process's `malloc` and `operator new`: "mimalloc 2.0.9"
/// when Heiiki was built with mimalloc (the default; validation allocates many short-lived
/// strings and tables, and mimalloc serves them about twice as fast as glibc's allocator),
/// otherwise "system malloc"; ", 2 MiB pages" follows when useLargePages() is in force and
/// the system grants them (", 2 MiB pages asked for, but the system has them off" when its
/// transparent huge pages are off). Benchmarks print it next to their figures.
std::string allocatorDescription();

/// Keeps the memory this process frees committed for its next use, instead of handing the
/// pages back to the system shortly after (mimalloc's `allow_decommit` off). A validation of a
/// large design frees tens of megabytes that the next one, or its own next phase, allocates
/// again; giving the pages back and faulting them in anew doubled the time of a validation of
/// 50,000 elements. The process then keeps the most memory it used at once. Every
/// ValidationContext calls it; the first call does the work; nothing to do with the system
/// allocator.
void keepFreedMemory();

/// Asks the allocator to back the memory it takes from the system with 2 MiB pages where the
/// system allows it (mimalloc's `large_os_pages`: on Linux, transparent huge pages asked for
/// with madvise). A validation of a large design reads its elements and its own tables in an
/// order no cache follows; with 4 KiB pages nearly every such read also misses the address
/// translation cache; 2 MiB pages took up to a tenth off validating 5,000 to 50,000
/// elements. Call it first thing in main(): memory taken before stays in small pages.
/// `MIMALLOC_LARGE_OS_PAGES=0` in the environment keeps it off. Nothing to do with the system
/// allocator.
void useLargePages();
/// True when the allocator asks the system for 2 MiB pages (useLargePages(), or the
/// environment).
bool usesLargePages();

/// True when `malloc` and `operator new` in this process is served by the allocator Heiiki was linked with, not
/// only linked (a preloaded allocator or a static link order can shadow it).
bool allocatorInUse();

} // namespace heiiki::model
