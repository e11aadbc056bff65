#include "cidr.h"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace heiiki::model {

namespace {

std::array<uint64_t, 2> maskFor(Cidr::Family family, int prefix)
{
    // Host mask: bits that are *not* part of the network.
    const int width = family == Cidr::Family::V4 ? 32 : 128;
    const int hostBits = width - prefix;
    std::array<uint64_t, 2> mask{0, 0};
    if (hostBits >= 128) {
        mask = {~0ULL, ~0ULL};
    } else if (hostBits >= 64) {
        mask[1] = ~0ULL;
        mask[0] = hostBits == 64 ? 0 : (~0ULL >> (128 - hostBits));
    } else if (hostBits > 0) {
        mask[1] = ~0ULL >> (64 - hostBits);
    }
    return mask;
}

bool less(const std::array<uint64_t, 2> &a, const std::array<uint64_t, 2> &b)
{
    return a[0] != b[0] ? a[0] < b[0] : a[1] < b[1];
}

} // namespace

namespace {

/// \a text as a dotted-quad IPv4 address (four decimal numbers 0 to 255 without leading
/// zeros, as inet_pton reads them), or false. The common case, parsed without a library call.
bool parseDottedQuad(std::string_view text, uint32_t *address)
{
    uint32_t result = 0;
    size_t i = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (i >= text.size() || text[i] != '.')
                return false;
            ++i;
        }
        const size_t start = i;
        uint32_t value = 0;
        while (i < text.size() && i - start < 3 && text[i] >= '0' && text[i] <= '9')
            value = value * 10 + static_cast<uint32_t>(text[i++] - '0');
        const size_t digits = i - start;
        if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            return false;
        result = (result << 8) | value;
    }
    if (i != text.size())
        return false;
    *address = result;
    return true;
}

/// The network \a address / \a prefix, or why it is none. inet_pton wants a terminated
/// string: the address is copied into a buffer on the stack (the longest IPv6 text form is
/// 45 characters), so that parsing allocates nothing.
bool parseParts(std::string_view address, int prefix, std::string *error, Cidr::Family *family,
                std::array<uint64_t, 2> *first)
{
    auto fail = [&](const char *why) {
        if (error)
            *error = why;
        return false;
    };
    auto checkHostBits = [&] {
        const auto host = maskFor(*family, prefix);
        if (((*first)[0] & host[0]) || ((*first)[1] & host[1]))
            return fail("host bits are set: the network address must end in zero bits");
        return true;
    };
    if (uint32_t quad = 0; parseDottedQuad(address, &quad)) {
        if (prefix < 0 || prefix > 32)
            return fail("an IPv4 prefix length must be 0 to 32");
        *family = Cidr::Family::V4;
        *first = {0, quad};
        return checkHostBits();
    }
    char text[64];
    if (address.size() >= sizeof text || address.find('\0') != std::string_view::npos)
        return fail("the address is not an IPv4 or IPv6 address");
    std::memcpy(text, address.data(), address.size());
    text[address.size()] = '\0';
    in_addr v4{};
    in6_addr v6{};
    if (inet_pton(AF_INET, text, &v4) == 1) {
        if (prefix < 0 || prefix > 32)
            return fail("an IPv4 prefix length must be 0 to 32");
        *family = Cidr::Family::V4;
        *first = {0, ntohl(v4.s_addr)};
    } else if (inet_pton(AF_INET6, text, &v6) == 1) {
        if (prefix < 0 || prefix > 128)
            return fail("an IPv6 prefix length must be 0 to 128");
        *family = Cidr::Family::V6;
        uint64_t hi = 0, lo = 0;
        for (int i = 0; i < 8; ++i)
            hi = (hi << 8) | v6.s6_addr[i];
        for (int i = 8; i < 16; ++i)
            lo = (lo << 8) | v6.s6_addr[i];
        *first = {hi, lo};
    } else {
        return fail("the address is not an IPv4 or IPv6 address");
    }
    return checkHostBits();
}

} // namespace

std::optional<Cidr> Cidr::parse(std::string_view text, std::string *error)
{
    auto fail = [&](const char *why) -> std::optional<Cidr> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return fail("missing '/prefix' (write e.g. 10.0.0.0/16)");
    const std::string_view prefixText = text.substr(slash + 1);
    int prefix = -1;
    auto [ptr, ec] = std::from_chars(prefixText.data(), prefixText.data() + prefixText.size(),
                                     prefix);
    if (prefixText.empty() || ec != std::errc() || ptr != prefixText.data() + prefixText.size())
        return fail("the prefix length is not a number");
    Cidr cidr;
    if (!parseParts(text.substr(0, slash), prefix, error, &cidr.m_family, &cidr.m_first))
        return std::nullopt;
    cidr.m_prefix = prefix;
    return cidr;
}

std::optional<Cidr> Cidr::parseAddress(std::string_view text)
{
    Cidr cidr;
    const int prefix = text.find(':') != std::string_view::npos ? 128 : 32;
    if (!parseParts(text, prefix, nullptr, &cidr.m_family, &cidr.m_first))
        return std::nullopt;
    cidr.m_prefix = prefix;
    return cidr;
}

std::array<uint64_t, 2> Cidr::last() const
{
    const auto host = maskFor(m_family, m_prefix);
    return {m_first[0] | host[0], m_first[1] | host[1]};
}

bool Cidr::contains(const Cidr &other) const
{
    if (m_family != other.m_family || other.m_prefix < m_prefix)
        return false;
    return !less(other.m_first, m_first) && !less(last(), other.last());
}

bool Cidr::overlaps(const Cidr &other) const
{
    if (m_family != other.m_family)
        return false;
    return !less(last(), other.m_first) && !less(other.last(), m_first);
}

std::optional<Cidr> Cidr::host(uint64_t offset) const
{
    Cidr h = *this;
    h.m_prefix = maxPrefix();
    const uint64_t lo = m_first[1] + offset;
    h.m_first = {m_first[0] + (lo < m_first[1] ? 1 : 0), lo};
    if (m_family == Family::V4 && h.m_first[1] > 0xFFFFFFFFull)
        return std::nullopt;
    if (!contains(h))
        return std::nullopt;
    return h;
}

std::string Cidr::toString() const
{
    return addressString() + "/" + std::to_string(m_prefix);
}

std::string Cidr::addressString() const
{
    char buffer[INET6_ADDRSTRLEN] = {};
    if (m_family == Family::V4) {
        in_addr v4{};
        v4.s_addr = htonl(static_cast<uint32_t>(m_first[1]));
        inet_ntop(AF_INET, &v4, buffer, sizeof buffer);
    } else {
        in6_addr v6{};
        for (int i = 0; i < 8; ++i)
            v6.s6_addr[i] = static_cast<uint8_t>(m_first[0] >> (56 - 8 * i));
        for (int i = 0; i < 8; ++i)
            v6.s6_addr[8 + i] = static_cast<uint8_t>(m_first[1] >> (56 - 8 * i));
        inet_ntop(AF_INET6, &v6, buffer, sizeof buffer);
    }
    return buffer;
}

} // namespace heiiki::model
