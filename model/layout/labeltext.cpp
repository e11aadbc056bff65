#include "labeltext.h"

namespace heiiki::model {

namespace {

bool isWide(char32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf)
           || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff)
           || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
           || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000;
}

std::string joinStrings(const heiiki::Json &list)
{
    std::string text;
    if (!list.is_array())
        return text;
    for (const auto &item : list) {
        if (!item.is_string())
            continue;
        if (!text.empty())
            text += ", ";
        text += item.get<std::string>();
    }
    return text;
}

std::string stringValue(const heiiki::Json &value)
{
    return value.is_string() ? value.get<std::string>() : std::string();
}

/// The secondary text of a container's title, whatever the name.
std::string subtitleOf(const Element &element)
{
    switch (element.kind) {
    case ElementKind::Region:
        return stringValue(element.property("region"));
    case ElementKind::Account:
        return stringValue(element.property("accountId"));
    case ElementKind::CorporateDc:
    case ElementKind::Vpc:
        return joinStrings(element.property("cidrs"));
    case ElementKind::AvailabilityZone:
        return stringValue(element.property("zone"));
    case ElementKind::Subnet:
        return stringValue(element.property("cidr"));
    default:
        return {};
    }
}

} // namespace

double textWidth(std::string_view utf8, double charWidth)
{
    double units = 0;
    size_t i = 0;
    while (i < utf8.size()) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        size_t length = 1;
        char32_t cp = c;
        if (c >= 0xf0) {
            length = 4;
            cp = c & 0x07;
        } else if (c >= 0xe0) {
            length = 3;
            cp = c & 0x0f;
        } else if (c >= 0xc0) {
            length = 2;
            cp = c & 0x1f;
        }
        for (size_t k = 1; k < length && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3f);
        i += length;
        units += isWide(cp) ? 2.0 : 1.0;
    }
    return units * charWidth;
}

std::string containerSubtitle(const Element &element)
{
    std::string subtitle = subtitleOf(element);
    return subtitle == element.name ? std::string() : subtitle;
}

} // namespace heiiki::model
