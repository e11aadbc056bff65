#include "designedit.h"

#include <algorithm>
#include <unordered_map>

namespace heiiki::model::edit {

namespace {

bool names(const heiiki::Json &value, const std::unordered_set<std::string> &ids)
{
    return value.is_string() && ids.count(value.get<std::string>()) > 0;
}

bool isRef(const PropertySpec &spec)
{
    return spec.type == PropertyType::Ref;
}

} // namespace

std::vector<Id> subtree(const Design &design, const std::vector<Id> &roots)
{
    std::unordered_set<std::string> chosen;
    for (const Id &id : roots)
        if (design.element(id))
            chosen.insert(id.str());
    // Parents come before children in no guaranteed order, so walk each element's ancestry.
    std::unordered_map<std::string, bool> memo;
    const auto inside = [&](const Element &e) {
        std::vector<std::string> walked;
        bool result = false;
        const Element *at = &e;
        for (size_t guard = 0; at && guard <= design.elements().size(); ++guard) {
            if (auto it = memo.find(at->id.str()); it != memo.end()) {
                result = it->second;
                break;
            }
            walked.push_back(at->id.str());
            if (chosen.count(at->id.str())) {
                result = true;
                break;
            }
            at = at->parent.isNull() ? nullptr : design.element(at->parent);
        }
        for (const auto &w : walked)
            memo[w] = result;
        return result;
    };
    std::vector<Id> result;
    for (const auto &e : design.elements())
        if (inside(*e))
            result.push_back(e->id);
    return result;
}

heiiki::Json withoutReferences(const heiiki::Json &properties,
                                 const std::vector<PropertySpec> &specs,
                                 const std::unordered_set<std::string> &removed)
{
    heiiki::Json result = properties;
    for (const PropertySpec &spec : specs) {
        auto it = result.find(spec.name);
        if (it == result.end())
            continue;
        if (spec.type == PropertyType::Ref && names(*it, removed)) {
            result.erase(it);
        } else if (spec.type == PropertyType::RefList && it->is_array()) {
            heiiki::Json kept = heiiki::Json::array();
            for (const auto &entry : *it)
                if (!names(entry, removed))
                    kept.push_back(entry);
            *it = std::move(kept);
        } else if (spec.type == PropertyType::Table && it->is_array()) {
            // A row that names a removed object in a Ref column goes (a route to a removed
            // gateway); the others lose their references in lists and nested tables.
            heiiki::Json kept = heiiki::Json::array();
            for (const auto &row : *it) {
                bool dangling = false;
                if (row.is_object())
                    for (const PropertySpec &column : spec.columns)
                        if (isRef(column) && row.contains(column.name)
                            && names(row[column.name], removed))
                            dangling = true;
                if (!dangling)
                    kept.push_back(row.is_object()
                                       ? withoutReferences(row, spec.columns, removed)
                                       : row);
            }
            *it = std::move(kept);
        }
    }
    return result;
}

RemovalPlan planRemoval(const Design &design, const std::vector<Id> &ids)
{
    RemovalPlan plan;
    std::vector<Id> elementRoots;
    std::unordered_set<std::string> chosenLinks;
    for (const Id &id : ids) {
        if (design.element(id))
            elementRoots.push_back(id);
        else if (design.link(id))
            chosenLinks.insert(id.str());
        else if (design.policy(id))
            plan.policies.push_back(id);
    }
    plan.elements = subtree(design, elementRoots);

    std::unordered_set<std::string> removed;
    for (const Id &id : plan.elements)
        removed.insert(id.str());
    for (const Id &id : plan.policies)
        removed.insert(id.str());
    for (const auto &l : design.links())
        if (chosenLinks.count(l->id.str()) || removed.count(l->from.str())
            || removed.count(l->to.str()))
            plan.links.push_back(l->id);
    for (const Id &id : plan.links)
        removed.insert(id.str());

    const auto &catalogue = Catalogue::instance();
    for (const auto &e : design.elements()) {
        if (removed.count(e->id.str()))
            continue;
        heiiki::Json cleaned =
            withoutReferences(e->properties, catalogue.info(e->kind).properties, removed);
        if (cleaned != e->properties) {
            Element copy = *e;
            copy.properties = std::move(cleaned);
            plan.rewrittenElements.push_back(std::move(copy));
        }
    }
    for (const auto &l : design.links()) {
        if (removed.count(l->id.str()))
            continue;
        heiiki::Json cleaned =
            withoutReferences(l->properties, catalogue.info(l->kind).properties, removed);
        if (cleaned != l->properties) {
            Link copy = *l;
            copy.properties = std::move(cleaned);
            plan.rewrittenLinks.push_back(std::move(copy));
        }
    }
    for (const Flow &f : design.flows()) {
        const bool targetGone = f.target.kind == FlowTarget::Kind::Element
                                && removed.count(f.target.value);
        if (removed.count(f.source.str()) || targetGone)
            plan.flowsChanged = true;
        else
            plan.flowsAfter.push_back(f);
    }
    if (!plan.flowsChanged)
        plan.flowsAfter.clear();
    return plan;
}

Fragment copyFragment(const Design &design, const std::vector<Id> &ids)
{
    Fragment fragment;
    std::vector<Id> roots;
    for (const Id &id : ids) {
        if (design.element(id))
            roots.push_back(id);
        else if (const PolicyDocument *p = design.policy(id))
            fragment.policies.push_back(*p);
    }
    const std::vector<Id> elements = subtree(design, roots);
    std::unordered_set<std::string> copied;
    for (const Id &id : elements)
        copied.insert(id.str());
    for (const Id &id : elements)
        fragment.elements.push_back(*design.element(id));
    // Parents before children, whatever the document order.
    std::stable_sort(fragment.elements.begin(), fragment.elements.end(),
                     [&](const Element &a, const Element &b) {
                         const auto depth = [&](const Element &e) {
                             int d = 0;
                             for (Id up = e.parent; copied.count(up.str()); ++d)
                                 up = design.element(up)->parent;
                             return d;
                         };
                         return depth(a) < depth(b);
                     });
    for (const auto &l : design.links()) {
        const bool endsCopied = copied.count(l->from.str()) && copied.count(l->to.str());
        const bool policyLink = copied.count(l->from.str()) && design.policy(l->to)
                                && Catalogue::instance().info(l->kind).toPolicy;
        if (endsCopied || policyLink)
            fragment.links.push_back(*l);
    }
    return fragment;
}

namespace {

/// Rewrites every reference in \a properties that \a renamed maps.
heiiki::Json renameReferences(const heiiki::Json &properties,
                                const std::vector<PropertySpec> &specs,
                                const std::unordered_map<std::string, std::string> &renamed)
{
    heiiki::Json result = properties;
    const auto rename = [&](heiiki::Json &value) {
        if (!value.is_string())
            return;
        if (auto it = renamed.find(value.get<std::string>()); it != renamed.end())
            value = it->second;
    };
    for (const PropertySpec &spec : specs) {
        auto it = result.find(spec.name);
        if (it == result.end())
            continue;
        if (spec.type == PropertyType::Ref) {
            rename(*it);
        } else if (spec.type == PropertyType::RefList && it->is_array()) {
            for (auto &entry : *it)
                rename(entry);
        } else if (spec.type == PropertyType::Table && it->is_array()) {
            for (auto &row : *it)
                if (row.is_object())
                    row = renameReferences(row, spec.columns, renamed);
        }
    }
    return result;
}

} // namespace

PasteResult prepareInsertion(const Design &design, const Fragment &fragment, const Id &parent,
                             double dx, double dy)
{
    PasteResult result;
    const auto &catalogue = Catalogue::instance();
    std::unordered_map<std::string, std::string> renamed;
    std::unordered_set<std::string> reserved;
    const auto fresh = [&](const Id &old) {
        const Id id = freshId(design, old.str(), reserved);
        reserved.insert(id.str());
        renamed[old.str()] = id.str();
    };
    for (const auto &e : fragment.elements)
        fresh(e.id);
    for (const auto &l : fragment.links)
        fresh(l.id);
    for (const auto &p : fragment.policies)
        fresh(p.id);

    const Element *target = parent.isNull() ? nullptr : design.element(parent);
    for (Element e : fragment.elements) {
        const bool top = !renamed.count(e.parent.str());
        e.id = Id(renamed.at(e.id.str()));
        if (top) {
            const bool allowed = target ? catalogue.mayHold(target->kind, e.kind)
                                        : catalogue.mayBeTopLevel(e.kind);
            if (!allowed) {
                result.error = "a " + catalogue.info(e.kind).label + " cannot be placed "
                               + (target ? "in a " + catalogue.info(target->kind).label
                                         : std::string("at the top level"));
                result.fragment = {};
                return result;
            }
            e.parent = target ? target->id : Id();
            if (e.geometry) {
                e.geometry->x += dx;
                e.geometry->y += dy;
            }
        } else {
            e.parent = Id(renamed.at(e.parent.str()));
        }
        e.properties = renameReferences(e.properties, catalogue.info(e.kind).properties, renamed);
        result.fragment.elements.push_back(std::move(e));
    }
    for (Link l : fragment.links) {
        l.id = Id(renamed.at(l.id.str()));
        for (Id *end : {&l.from, &l.to})
            if (auto it = renamed.find(end->str()); it != renamed.end())
                *end = Id(it->second);
        // A link whose end is neither copied nor in the design is dropped.
        const auto exists = [&](const Id &id) {
            return design.element(id) || design.policy(id) || reserved.count(id.str());
        };
        if (!exists(l.from) || !exists(l.to))
            continue;
        l.properties = renameReferences(l.properties, catalogue.info(l.kind).properties, renamed);
        result.fragment.links.push_back(std::move(l));
    }
    for (PolicyDocument p : fragment.policies) {
        p.id = Id(renamed.at(p.id.str()));
        result.fragment.policies.push_back(std::move(p));
    }
    return result;
}

Id freshId(const Design &design, std::string_view base,
           const std::unordered_set<std::string> &reserved)
{
    std::string stem(base);
    if (!Id::isValid(stem))
        stem = "element";
    const auto taken = [&](const std::string &text) {
        return design.isIdTaken(Id(text)) || reserved.count(text) > 0;
    };
    if (!taken(stem))
        return Id(stem);
    // "vpc-main-2" copied again becomes "vpc-main-3", not "vpc-main-2-2".
    if (const auto dash = stem.rfind('-'); dash != std::string::npos && dash + 1 < stem.size()
        && std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(dash) + 1, stem.end(),
                       [](char c) { return c >= '0' && c <= '9'; }))
        stem.erase(dash);
    for (int n = 2;; ++n) {
        std::string candidate = stem + '-' + std::to_string(n);
        if (candidate.size() > 128)
            candidate = "element-" + std::to_string(n);
        if (!taken(candidate))
            return Id(candidate);
    }
}

} // namespace heiiki::model::edit
