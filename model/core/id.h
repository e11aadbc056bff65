#pragma once

// <string> first: Qt's moc reads this header through Q_OBJECT headers and cannot parse
// <compare> when it comes before the standard library's configuration header.
#include <string>
// clang-format off
#include <compare>
// clang-format on
#include <functional>
#include <string_view>

namespace heiiki::model {

/// The strong id of a design object. Elements, links, policy documents and flows share one
/// namespace, so a reference names exactly one object. Views and commands hold ids, never
/// pointers into the model.
///
/// An id keeps its hash: the model's indexes look elements up by id on every trace and rule,
/// and an id is made once and looked up many times.
class Id
{
public:
    Id() = default;
    explicit Id(std::string value)
        : m_value(std::move(value))
        , m_hash(m_value.empty() ? 0 : std::hash<std::string>()(m_value))
    {}

    const std::string &str() const { return m_value; }
    bool isNull() const { return m_value.empty(); }
    /// The hash std::hash<Id> gives.
    size_t hash() const { return m_hash; }

    friend bool operator==(const Id &a, const Id &b)
    {
        return a.m_hash == b.m_hash && a.m_value == b.m_value;
    }
    friend std::strong_ordering operator<=>(const Id &a, const Id &b)
    {
        return a.m_value <=> b.m_value;
    }

    /// True when \a text may be used as an id: a letter or digit first, then letters, digits
    /// and `._:-`, at most 128 characters.
    static bool isValid(std::string_view text);

private:
    std::string m_value;
    size_t m_hash = 0;
};

} // namespace heiiki::model

template<>
struct std::hash<heiiki::model::Id>
{
    size_t operator()(const heiiki::model::Id &id) const noexcept
    {
        return id.hash();
    }
};
