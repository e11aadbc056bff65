#include "topology.h"

#include <algorithm>

namespace heiiki::model::network {

namespace {

/// The network of \a address at \a prefix bits, as Cidr::first() gives it.
std::array<uint64_t, 2> networkOf(const Cidr &address, int prefix)
{
    auto a = address.first();
    if (address.family() == Cidr::Family::V4) {
        const uint64_t v = a[1] & 0xffffffffULL;
        a[1] = prefix == 0 ? 0 : v & (0xffffffffULL << (32 - prefix)) & 0xffffffffULL;
        return a;
    }
    if (prefix <= 64) {
        a[0] = prefix == 0 ? 0 : a[0] & (~0ULL << (64 - prefix));
        a[1] = 0;
    } else if (prefix < 128) {
        a[1] &= ~0ULL << (128 - prefix);
    }
    return a;
}

} // namespace

void TgwRouteTable::buildIndex()
{
    m_levels.clear();
    for (const TgwRoute &r : routes) {
        auto level = std::find_if(m_levels.begin(), m_levels.end(), [&](const Level &l) {
            return l.prefix == r.cidr.prefixLength() && l.family == r.cidr.family();
        });
        if (level == m_levels.end()) {
            m_levels.push_back({r.cidr.prefixLength(), r.cidr.family(), {}});
            level = m_levels.end() - 1;
        }
        // Of the routes to one network, the first static one, else the first propagated.
        auto [it, fresh] = level->best.emplace(r.cidr.first(), &r);
        if (!fresh && it->second->propagated && !r.propagated)
            it->second = &r;
    }
    std::stable_sort(m_levels.begin(), m_levels.end(),
                     [](const Level &a, const Level &b) { return a.prefix > b.prefix; });
}

const TgwRoute *TgwRouteTable::lookup(const Cidr &address) const
{
    for (const Level &level : m_levels) {
        if (level.family != address.family() || level.prefix > address.prefixLength())
            continue;
        auto it = level.best.find(networkOf(address, level.prefix));
        if (it != level.best.end())
            return it->second;
    }
    return nullptr;
}

} // namespace heiiki::model::network
