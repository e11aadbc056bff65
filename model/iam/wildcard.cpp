#include "wildcard.h"

#include "../core/text.h"

namespace heiiki::model::iam {

namespace {

template<bool IgnoreCase>
bool match(std::string_view p, std::string_view t)
{
    // Iterative glob with one backtrack point: linear in practice.
    size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size()
            && (p[pi] == '?'
                || (IgnoreCase ? asciiLower(p[pi]) == asciiLower(t[ti]) : p[pi] == t[ti]))) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = ti;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*')
        ++pi;
    return pi == p.size();
}

/// The element of an escaped pattern at \a at: a literal character (`\x` is `x`), `?` or
/// `*`; \a width is how many characters it takes.
struct Token
{
    enum Kind : char { Literal, AnyOne, AnyRun } kind;
    char c;
    size_t width;
};

inline Token tokenAt(std::string_view p, size_t at)
{
    const char c = p[at];
    if (c == '\\' && at + 1 < p.size())
        return {Token::Literal, p[at + 1], 2};
    if (c == '*')
        return {Token::AnyRun, c, 1};
    if (c == '?')
        return {Token::AnyOne, c, 1};
    return {Token::Literal, c, 1};
}

} // namespace

bool wildcardMatch(std::string_view pattern, std::string_view text)
{
    return match<false>(pattern, text);
}

bool wildcardMatchIgnoreCase(std::string_view pattern, std::string_view text)
{
    return match<true>(pattern, text);
}

bool wildcardMatchEscaped(std::string_view pattern, std::string_view text)
{
    if (pattern.find('\\') == std::string_view::npos)
        return match<false>(pattern, text);
    // The glob above, stepping over the pattern token by token (no copy of the pattern).
    const std::string_view p = pattern;
    size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < text.size()) {
        const Token t = pi < p.size() ? tokenAt(p, pi) : Token{Token::Literal, 0, 0};
        if (pi < p.size()
            && (t.kind == Token::AnyOne || (t.kind == Token::Literal && t.c == text[ti]))) {
            pi += t.width;
            ++ti;
        } else if (pi < p.size() && t.kind == Token::AnyRun) {
            star = pi++;
            mark = ti;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && tokenAt(p, pi).kind == Token::AnyRun)
        ++pi;
    return pi == p.size();
}

std::string escapeWildcards(std::string_view literal)
{
    std::string out;
    out.reserve(literal.size());
    for (char c : literal) {
        if (c == '*' || c == '?' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

std::string unescapeWildcards(std::string_view pattern)
{
    std::string out;
    out.reserve(pattern.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size())
            ++i;
        out += pattern[i];
    }
    return out;
}

} // namespace heiiki::model::iam
