#pragma once

#include <optional>
#include <string>

namespace heiiki::model {

/// The prices NET-016 uses to name a monthly cost difference. Heiiki ships the table of
/// resources/pricing/ap-northeast-1.json, compiled into the build.
struct PriceTable
{
    std::string region;
    std::string currency;
    std::string retrieved;
    double hoursPerMonth = 730;
    double natGatewayHour = 0;
    double natGatewayGb = 0;
    double networkFirewallEndpointHour = 0;
    double networkFirewallGb = 0;
    double interfaceEndpointHour = 0;
    double interfaceEndpointGb = 0;
    double gatewayEndpointGb = 0;
    double transitGatewayAttachmentHour = 0;
    double transitGatewayGb = 0;
    double interRegionGb = 0;

    /// Reads a price table; on failure returns nothing and says why in \a error.
    static std::optional<PriceTable> fromJson(const std::string &text, std::string *error);
    /// The shipped Tokyo table.
    static const PriceTable &tokyo();
};

} // namespace heiiki::model
