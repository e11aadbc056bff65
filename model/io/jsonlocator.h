#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace heiiki::model::io {

/// Maps JSON pointers to the line and column where their value starts in a JSON text, so
/// that errors and findings found on the parsed tree can point into the file. Built by one
/// scan of a text that is already known to parse.
class JsonLocator
{
public:
    struct Position
    {
        int line = 0;
        int column = 0;
    };

    explicit JsonLocator(std::string_view text);

    /// The position of \a pointer, or of its nearest ancestor that is known.
    Position find(std::string pointer) const;

    /// Line and column (1-based) of a byte offset.
    static Position positionOf(std::string_view text, size_t offset);

    /// Members named a second time in the same object: the pointer and where the second one
    /// starts, in the order of the text.
    const std::vector<std::pair<std::string, Position>> &duplicates() const
    {
        return m_duplicates;
    }

private:
    std::unordered_map<std::string, Position> m_positions;
    std::vector<std::pair<std::string, Position>> m_duplicates;
};

/// Escapes one reference token for a JSON pointer ("~" → "~0", "/" → "~1").
std::string escapePointerToken(std::string_view token);

} // namespace heiiki::model::io
