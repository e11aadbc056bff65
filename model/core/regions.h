#pragma once

#include <span>
#include <string>
#include <string_view>

namespace heiiki::model {

/// One AWS region: its code and the name architects know it by.
struct RegionInfo
{
    std::string_view code;
    std::string_view name;
};

/// The commercial AWS regions Heiiki knows. The list is used to check region codes in
/// designs and to fill region pickers.
std::span<const RegionInfo> knownRegions();
const RegionInfo *findRegion(std::string_view code);

/// True for a 12-digit AWS account id.
bool isAccountId(std::string_view text);

} // namespace heiiki::model
