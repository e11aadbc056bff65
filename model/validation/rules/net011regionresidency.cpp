#include "net011regionresidency.h"

#include "../../core/design.h"
#include "../../core/regions.h"
#include "../designpaths.h"
#include "../validationcontext.h"

#include <algorithm>

namespace heiiki::model::rules {

void Net011RegionResidency::check(const ValidationContext &context, std::vector<Finding> &findings) const
{
    const Design &design = context.design();
    const auto &allowed = design.settings().allowedRegions;
    if (allowed.empty())
        return; // the design declares no residency constraint
    std::string allowedText;
    for (const auto &r : allowed)
        allowedText += (allowedText.empty() ? "" : ", ") + r;

    for (const auto &e : design.elements()) {
        if (e->kind != ElementKind::Region)
            continue;
        const auto &codeJson = e->property("region");
        const std::string code = codeJson.is_string() ? codeJson.get<std::string>() : "";
        if (std::find(allowed.begin(), allowed.end(), code) != allowed.end())
            continue;
        Finding f;
        f.ruleId = std::string(id());
        f.severity = severity();
        f.elements.push_back(e->id);
        // Every resource placed in the region is concerned too.
        int resources = 0;
        for (const auto &other : design.elements()) {
            const Element *region = design.ancestor(other->id, ElementKind::Region);
            if (other.get() == e.get() || !region || region->id != e->id)
                continue;
            if (Catalogue::instance().info(other->kind).category == Category::Groups)
                continue;
            f.elements.push_back(other->id);
            ++resources;
        }
        const RegionInfo *info = findRegion(code);
        f.message = describe(design, e->id) + " is " + code
                    + (info ? " (" + std::string(info->name) + ")" : std::string()) + ", outside "
                    + "the allowed regions (" + allowedText + "); " + std::to_string(resources)
                    + " element(s) there would keep data or traffic outside them.";
        f.fix = "Move these elements into an allowed region, or, if the residency rules allow "
                "it, add " + code + " to the design's allowed regions. Reach a SaaS in "
                "another region through the firewall allow-list rather than a VPC there.";
        f.path = pointerOf(design, e->id) + "/properties/region";
        findings.push_back(std::move(f));
    }
}

} // namespace heiiki::model::rules
