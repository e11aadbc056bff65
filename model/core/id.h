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
class Id
{
public:
    Id() = default;
    explicit Id(std::string value) : m_value(std::move(value)) {}

    const std::string &str() const { return m_value; }
    bool isNull() const { return m_value.empty(); }

    friend bool operator==(const Id &, const Id &) = default;
    friend auto operator<=>(const Id &, const Id &) = default;

    /// True when \a text may be used as an id: a letter or digit first, then letters, digits
    /// and `._:-`, at most 128 characters.
    static bool isValid(std::string_view text);

private:
    std::string m_value;
};

} // namespace heiiki::model

template<>
struct std::hash<heiiki::model::Id>
{
    size_t operator()(const heiiki::model::Id &id) const noexcept
    {
        return std::hash<std::string>()(id.str());
    }
};
