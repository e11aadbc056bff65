#include "wildcard.h"

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

} // namespace

bool wildcardMatch(std::string_view pattern, std::string_view text)
{
    return match<false>(pattern, text);
}

bool wildcardMatchIgnoreCase(std::string_view pattern, std::string_view text)
{
    return match<true>(pattern, text);
}

} // namespace heiiki::model::iam
