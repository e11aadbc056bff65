#include "designpaths.h"

namespace heiiki::model {

namespace {
template<typename Items>
std::string find(const Items &items, const Id &id, const char *section)
{
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i]->id == id)
            return std::string("/") + section + "/" + std::to_string(i);
    return {};
}
} // namespace

std::string pointerOf(const Design &design, const Id &id)
{
    if (design.element(id))
        return find(design.elements(), id, "elements");
    if (design.link(id))
        return find(design.links(), id, "links");
    if (design.policy(id))
        return find(design.policies(), id, "policies");
    const auto &flows = design.flows();
    for (size_t i = 0; i < flows.size(); ++i)
        if (flows[i].id == id)
            return "/flows/" + std::to_string(i);
    return {};
}

std::string describe(const Design &design, const Id &id)
{
    if (const Element *e = design.element(id)) {
        const std::string &label = Catalogue::instance().info(e->kind).label;
        if (e->name.empty() || e->name == id.str())
            return label + " " + id.str();
        return label + " \"" + e->name + "\" (" + id.str() + ")";
    }
    if (const Link *l = design.link(id))
        return Catalogue::instance().info(l->kind).label + " " + id.str();
    return id.str();
}

} // namespace heiiki::model
