#include "bundlenames.h"

#include <algorithm>
#include <cctype>

namespace heiiki::model::exporting {

namespace {

/// \a text with every character outside \a allowed replaced by '-'.
std::string restricted(std::string_view text, std::string_view allowed)
{
    std::string out;
    for (char c : text) {
        const bool alnum
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out += alnum || allowed.find(c) != std::string_view::npos ? c : '-';
    }
    return out.empty() ? std::string("unnamed") : out;
}

} // namespace

std::string fileName(std::string_view text)
{
    return restricted(text, "._-");
}

std::string iamName(std::string_view text)
{
    return restricted(text, "_+=,.@-");
}

std::string ruleGroupName(std::string_view text)
{
    return restricted(text, "-");
}

std::string shellWord(const std::string &word)
{
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
               || std::string_view("._/:=@+,-").find(c) != std::string_view::npos;
    });
    if (plain)
        return word;
    std::string quoted = "'";
    for (char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace heiiki::model::exporting
