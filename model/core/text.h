#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace heiiki::model {

/// \a c in lower case if it is an ASCII capital letter. DNS names, IAM actions and condition
/// keys are compared without regard to ASCII case only; unlike std::tolower this does not
/// depend on the process's locale (which a Qt application sets from the environment).
constexpr char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// \a text with its ASCII capital letters in lower case.
inline std::string asciiLower(std::string text)
{
    for (char &c : text)
        c = asciiLower(c);
    return text;
}
inline std::string asciiLower(std::string_view text) { return asciiLower(std::string(text)); }

/// Whether \a a and \a b are equal but for ASCII case.
inline bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(),
                         [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

} // namespace heiiki::model
