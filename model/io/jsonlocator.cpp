#include "jsonlocator.h"

#include <vector>

namespace heiiki::model::io {

std::string escapePointerToken(std::string_view token)
{
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

JsonLocator::Position JsonLocator::positionOf(std::string_view text, size_t offset)
{
    Position p{1, 1};
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column; // count code points, not UTF-8 continuation bytes
        }
    }
    return p;
}

JsonLocator::JsonLocator(std::string_view text)
{
    struct Frame
    {
        std::string pointer;
        bool isArray = false;
        int index = 0;
        std::string pendingKey;
    };
    std::vector<Frame> stack;
    Position pos{1, 1};
    size_t i = 0;
    const size_t n = text.size();

    auto advance = [&](size_t count) {
        for (size_t k = 0; k < count && i < n; ++k, ++i) {
            if (text[i] == '\n') {
                ++pos.line;
                pos.column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++pos.column;
            }
        }
    };
    auto readString = [&]() {
        std::string value;
        advance(1); // opening quote
        while (i < n && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < n) {
                const char e = text[i + 1];
                if (e == 'u') {
                    value += '?'; // pointers with escaped code points are rare; keep a marker
                    advance(6);
                    continue;
                }
                value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                advance(2);
                continue;
            }
            value += text[i];
            advance(1);
        }
        advance(1); // closing quote
        return value;
    };
    // The pointer of the value that starts at the current position.
    auto valuePointer = [&]() -> std::string {
        if (stack.empty())
            return "";
        Frame &top = stack.back();
        if (top.isArray)
            return top.pointer + "/" + std::to_string(top.index);
        return top.pointer + "/" + escapePointerToken(top.pendingKey);
    };

    // A UTF-8 byte order mark is not part of the JSON text.
    if (n >= 3 && static_cast<unsigned char>(text[0]) == 0xEF
        && static_cast<unsigned char>(text[1]) == 0xBB
        && static_cast<unsigned char>(text[2]) == 0xBF)
        i = 3;
    bool expectKey = false;
    while (i < n) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':') {
            advance(1);
            continue;
        }
        if (c == ',') {
            if (!stack.empty() && stack.back().isArray)
                ++stack.back().index;
            else if (!stack.empty())
                expectKey = true;
            advance(1);
            continue;
        }
        if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            advance(1);
            expectKey = false;
            continue;
        }
        if (expectKey && c == '"' && !stack.empty()) {
            stack.back().pendingKey = readString();
            expectKey = false;
            continue;
        }
        // A value starts here.
        const std::string pointer = valuePointer();
        if (!m_positions.emplace(pointer, pos).second && !stack.empty() && !stack.back().isArray)
            m_duplicates.emplace_back(pointer, pos);
        if (c == '{') {
            stack.push_back({pointer, false, 0, {}});
            advance(1);
            expectKey = true;
        } else if (c == '[') {
            stack.push_back({pointer, true, 0, {}});
            advance(1);
        } else if (c == '"') {
            readString();
        } else {
            while (i < n && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' '
                   && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
                advance(1);
        }
    }
}

JsonLocator::Position JsonLocator::find(std::string pointer) const
{
    while (true) {
        if (auto it = m_positions.find(pointer); it != m_positions.end())
            return it->second;
        if (pointer.empty())
            return {};
        pointer.erase(pointer.rfind('/'));
    }
}

} // namespace heiiki::model::io
