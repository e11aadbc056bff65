#include "benchsupport.h"

#include "model/core/allocator.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <numeric>
#include <random>
#include <vector>

#ifndef HEIIKI_BENCH_BUILD_TYPE
#define HEIIKI_BENCH_BUILD_TYPE "unknown"
#endif

namespace heiiki::bench {

namespace {
volatile size_t walkEnd = 0;
} // namespace

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

double memoryLatencyNs()
{
    // One cycle through every slot in a random order, so that no prefetcher can guess the
    // next address.
    const size_t slots = (size_t(8) << 20) / sizeof(size_t);
    std::vector<size_t> order(slots);
    std::iota(order.begin(), order.end(), size_t(0));
    std::shuffle(order.begin(), order.end(), std::mt19937_64(20261129));
    std::vector<size_t> next(slots);
    for (size_t i = 0; i < slots; ++i)
        next[order[i]] = order[(i + 1) % slots];
    size_t at = order.front();
    for (size_t i = 0; i < slots; ++i) // once round, to bring the pages in
        at = next[at];
    const size_t steps = 2'000'000;
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < steps; ++i)
        at = next[at];
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
    walkEnd = at; // kept, so that the walk is not optimised away
    return took.count() / steps;
}

} // namespace heiiki::bench
