#include "wildcard.h"

#include <vector>

namespace heiiki::model::iam {

namespace {

inline char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

template<bool IgnoreCase>
bool match(std::string_view p, std::string_view t)
{
    // Iterative glob with one backtrack point: linear in practice.
    size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size()
            && (p[pi] == '?'
                || (IgnoreCase ? lower(p[pi]) == lower(t[ti]) : p[pi] == t[ti]))) {
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

/// One element of an escaped pattern: a literal character, `?` or `*`.
struct Token
{
    enum Kind : char { Literal, AnyOne, AnyRun } kind;
    char c;
};

std::vector<Token> tokens(std::string_view p)
{
    std::vector<Token> out;
    out.reserve(p.size());
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '\\' && i + 1 < p.size())
            out.push_back({Token::Literal, p[++i]});
        else if (p[i] == '*')
            out.push_back({Token::AnyRun, '*'});
        else if (p[i] == '?')
            out.push_back({Token::AnyOne, '?'});
        else
            out.push_back({Token::Literal, p[i]});
    }
    return out;
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
    const std::vector<Token> p = tokens(pattern);
    size_t pi = 0, ti = 0, star = std::string::npos, mark = 0;
    while (ti < text.size()) {
        if (pi < p.size()
            && (p[pi].kind == Token::AnyOne
                || (p[pi].kind == Token::Literal && p[pi].c == text[ti]))) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p[pi].kind == Token::AnyRun) {
            star = pi++;
            mark = ti;
        } else if (star != std::string::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi].kind == Token::AnyRun)
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
