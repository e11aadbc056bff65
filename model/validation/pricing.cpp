#include "pricing.h"

#include "model/core/json.h"

#include <stdexcept>

namespace heiiki::model {

const char *shippedTokyoPricing(); // pricingdata.cpp, generated from resources/pricing

std::optional<PriceTable> PriceTable::fromJson(const std::string &text, std::string *error)
{
    try {
        const auto doc = heiiki::Json::parse(text);
        PriceTable t;
        t.region = doc.at("region").get<std::string>();
        t.currency = doc.at("currency").get<std::string>();
        t.retrieved = doc.value("retrieved", "");
        t.hoursPerMonth = doc.value("hoursPerMonth", 730.0);
        const auto &p = doc.at("prices");
        auto price = [&](const char *name) { return p.at(name).at("price").get<double>(); };
        t.natGatewayHour = price("natGatewayHour");
        t.natGatewayGb = price("natGatewayGb");
        t.networkFirewallEndpointHour = price("networkFirewallEndpointHour");
        t.networkFirewallGb = price("networkFirewallGb");
        t.interfaceEndpointHour = price("interfaceEndpointHour");
        t.interfaceEndpointGb = price("interfaceEndpointGb");
        t.gatewayEndpointGb = price("gatewayEndpointGb");
        t.transitGatewayAttachmentHour = price("transitGatewayAttachmentHour");
        t.transitGatewayGb = price("transitGatewayGb");
        t.interRegionGb = price("interRegionGb");
        return t;
    } catch (const std::exception &e) {
        if (error)
            *error = e.what();
        return std::nullopt;
    }
}

const PriceTable &PriceTable::tokyo()
{
    static const PriceTable table = [] {
        std::string error;
        auto t = fromJson(shippedTokyoPricing(), &error);
        if (!t)
            throw std::logic_error("the shipped price table does not parse: " + error);
        return *t;
    }();
    return table;
}

} // namespace heiiki::model
