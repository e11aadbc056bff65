#include "references.h"

#include <algorithm>

namespace heiiki::model {

const Element *owningVpc(const Design &design, const Id &owner)
{
    if (design.element(owner))
        return design.ancestor(owner, ElementKind::Vpc);
    if (const Link *link = design.link(owner))
        for (const Id &end : {link->from, link->to})
            if (const Element *vpc = design.element(end) ? design.ancestor(end, ElementKind::Vpc)
                                                         : nullptr)
                return vpc;
    return nullptr;
}

std::vector<const Element *> referenceCandidates(const Design &design, const Id &owner,
                                                 const PropertySpec &spec)
{
    std::vector<const Element *> out;
    if (spec.refKinds.empty())
        return out;
    const Element *vpc = spec.sameVpc ? owningVpc(design, owner) : nullptr;
    for (const auto &e : design.elements()) {
        if (std::find(spec.refKinds.begin(), spec.refKinds.end(), e->kind) == spec.refKinds.end())
            continue;
        if (vpc && design.ancestor(e->id, ElementKind::Vpc) != vpc)
            continue;
        out.push_back(e.get());
    }
    return out;
}

} // namespace heiiki::model
