#include "id.h"

namespace heiiki::model {

bool Id::isValid(std::string_view text)
{
    if (text.empty() || text.size() > 128)
        return false;
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(text.front()))
        return false;
    for (char c : text) {
        if (!alnum(c) && c != '.' && c != '_' && c != ':' && c != '-')
            return false;
    }
    return true;
}

} // namespace heiiki::model
