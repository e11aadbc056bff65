#pragma once

#include "../rule.h"

namespace heiiki::model::rules {

/// NET-011: an element lives in a region outside the design's allowed regions.
class Net011RegionResidency : public Rule
{
public:
    std::string_view id() const override { return "NET-011"; }
    std::string_view title() const override
    {
        return "Elements live only in the design's allowed regions";
    }
    Severity severity() const override { return Severity::Error; }
    void check(const ValidationContext &context, std::vector<Finding> &findings) const override;
};

} // namespace heiiki::model::rules
