#include "readertext.h"

namespace heiiki::model::io::text {

using json = heiiki::Json;

std::string typeName(const json &v)
{
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "an unknown value";
    }
}

std::string article(const std::string &label)
{
    const char c = label.empty() ? 'x' : label.front();
    return std::string(std::string("AEIOUaeiou").find(c) != std::string::npos ? "an " : "a ")
           + label;
}

std::string inQuotes(const std::string &s)
{
    return "\"" + s + "\"";
}

std::string join(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool isDomain(const std::string &d)
{
    if (d.empty() || d.size() > 253)
        return false;
    std::string rest = d;
    if (rest.rfind("*.", 0) == 0)
        rest = rest.substr(2);
    else if (rest.front() == '.')
        rest = rest.substr(1);
    if (rest.empty() || rest.back() == '.')
        return false;
    for (char c : rest) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_';
        if (!ok)
            return false;
    }
    return rest.find("..") == std::string::npos;
}

} // namespace heiiki::model::io::text
