#pragma once

#include "../rule.h"

namespace heiiki::model::rules {

/// NET-018: CIDRs overlap between networks that are connected (Transit Gateway, VPC
/// peering, Direct Connect, on-premises).
class Net018OverlappingCidrs : public Rule
{
public:
    std::string_view id() const override { return "NET-018"; }
    std::string_view title() const override
    {
        return "Connected networks have CIDRs that do not overlap";
    }
    Severity severity() const override { return Severity::Error; }
    void check(const ValidationContext &context, std::vector<Finding> &findings) const override;
};

} // namespace heiiki::model::rules
