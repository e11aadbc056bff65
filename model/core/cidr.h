#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heiiki::model {

/// An IPv4 or IPv6 network in CIDR notation. Addresses are parsed by the C library's
/// inet_pton; the prefix arithmetic is plain bit masks on a 128-bit value (IPv4 is kept in
/// its own family and never compares equal to an IPv6 network).
class Cidr
{
public:
    enum class Family : uint8_t { V4, V6 };

    /// Parses "10.0.0.0/16" or "2001:db8::/32". Host bits must be zero. On failure returns
    /// nothing and, when \a error is given, says what is wrong.
    static std::optional<Cidr> parse(std::string_view text, std::string *error = nullptr);
    /// Parses a bare address as a host network (/32 or /128).
    static std::optional<Cidr> parseAddress(std::string_view text);

    Family family() const { return m_family; }
    int prefixLength() const { return m_prefix; }
    int maxPrefix() const { return m_family == Family::V4 ? 32 : 128; }

    bool contains(const Cidr &other) const;
    bool overlaps(const Cidr &other) const;
    bool isDefaultRoute() const { return m_prefix == 0; }

    /// First and last address of the network as 128-bit values (hi, lo), for sorting.
    std::array<uint64_t, 2> first() const { return m_first; }
    std::array<uint64_t, 2> last() const;

    /// The host network (/32 or /128) \a offset addresses after the first, or nothing when
    /// that address lies outside the network.
    std::optional<Cidr> host(uint64_t offset) const;
    /// The address part alone ("10.0.0.5").
    std::string addressString() const;
    std::string toString() const;

    friend bool operator==(const Cidr &, const Cidr &) = default;

private:
    Family m_family = Family::V4;
    int m_prefix = 0;
    std::array<uint64_t, 2> m_first{0, 0}; // IPv4 lives in the low 32 bits of m_first[1]
};

} // namespace heiiki::model
