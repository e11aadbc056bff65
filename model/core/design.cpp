#include "design.h"

#include <algorithm>
#include <stdexcept>

namespace heiiki::model {

namespace {
const nlohmann::json &nullJson()
{
    static const nlohmann::json null;
    return null;
}

template<typename T>
std::vector<std::unique_ptr<T>> deepCopy(const std::vector<std::unique_ptr<T>> &from)
{
    std::vector<std::unique_ptr<T>> to;
    to.reserve(from.size());
    for (const auto &item : from)
        to.push_back(std::make_unique<T>(*item));
    return to;
}

template<typename T>
void eraseById(std::vector<std::unique_ptr<T>> &items, const Id &id)
{
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const std::unique_ptr<T> &p) { return p->id == id; }),
                items.end());
}
} // namespace

const nlohmann::json &Element::property(std::string_view name) const
{
    if (auto it = properties.find(name); it != properties.end())
        return *it;
    if (const auto *spec = Catalogue::instance().info(kind).property(name))
        return spec->defaultValue;
    return nullJson();
}

const nlohmann::json &Link::property(std::string_view name) const
{
    if (auto it = properties.find(name); it != properties.end())
        return *it;
    if (const auto *spec = Catalogue::instance().info(kind).property(name))
        return spec->defaultValue;
    return nullJson();
}

Design::Design(const Design &other)
    : m_settings(other.m_settings)
    , m_accounts(other.m_accounts)
    , m_elements(deepCopy(other.m_elements))
    , m_links(deepCopy(other.m_links))
    , m_policies(deepCopy(other.m_policies))
    , m_flows(other.m_flows)
{
    rebuildIndex();
}

Design &Design::operator=(const Design &other)
{
    if (this != &other) {
        Design copy(other);
        auto observers = std::move(m_observers);
        *this = std::move(copy);
        m_observers = std::move(observers);
        notifyReset();
    }
    return *this;
}

void Design::rebuildIndex()
{
    m_elementIndex.clear();
    m_linkIndex.clear();
    m_policyIndex.clear();
    for (auto &e : m_elements)
        m_elementIndex.emplace(e->id, e.get());
    for (auto &l : m_links)
        m_linkIndex.emplace(l->id, l.get());
    for (auto &p : m_policies)
        m_policyIndex.emplace(p->id, p.get());
}

const Account *Design::account(std::string_view accountId) const
{
    for (const auto &a : m_accounts)
        if (a.id == accountId)
            return &a;
    return nullptr;
}

const Element *Design::element(const Id &id) const
{
    auto it = m_elementIndex.find(id);
    return it == m_elementIndex.end() ? nullptr : it->second;
}

Element *Design::element(const Id &id)
{
    auto it = m_elementIndex.find(id);
    return it == m_elementIndex.end() ? nullptr : it->second;
}

bool Design::isIdTaken(const Id &id) const
{
    if (m_elementIndex.count(id) || m_linkIndex.count(id) || m_policyIndex.count(id))
        return true;
    return std::any_of(m_flows.begin(), m_flows.end(), [&](const Flow &f) { return f.id == id; });
}

Element &Design::addElement(Element element)
{
    if (isIdTaken(element.id))
        throw std::invalid_argument("id already in use: " + element.id.str());
    m_elements.push_back(std::make_unique<Element>(std::move(element)));
    Element &added = *m_elements.back();
    m_elementIndex.emplace(added.id, &added);
    for (auto *o : m_observers)
        o->elementAdded(added.id);
    return added;
}

void Design::removeElement(const Id &id)
{
    if (!m_elementIndex.erase(id))
        return;
    eraseById(m_elements, id);
    for (auto *o : m_observers)
        o->elementRemoved(id);
}

std::vector<const Element *> Design::children(const Id &parent) const
{
    std::vector<const Element *> result;
    for (const auto &e : m_elements)
        if (e->parent == parent)
            result.push_back(e.get());
    return result;
}

const Element *Design::ancestor(const Id &id, ElementKind kind) const
{
    const Element *e = element(id);
    for (size_t guard = 0; e && guard <= m_elements.size(); ++guard) {
        if (e->kind == kind)
            return e;
        e = e->parent.isNull() ? nullptr : element(e->parent);
    }
    return nullptr;
}

std::string Design::regionOf(const Id &id) const
{
    const Element *region = ancestor(id, ElementKind::Region);
    if (!region)
        return {};
    const auto &code = region->property("region");
    return code.is_string() ? code.get<std::string>() : std::string();
}

const Link *Design::link(const Id &id) const
{
    auto it = m_linkIndex.find(id);
    return it == m_linkIndex.end() ? nullptr : it->second;
}

Link *Design::link(const Id &id)
{
    auto it = m_linkIndex.find(id);
    return it == m_linkIndex.end() ? nullptr : it->second;
}

Link &Design::addLink(Link link)
{
    if (isIdTaken(link.id))
        throw std::invalid_argument("id already in use: " + link.id.str());
    m_links.push_back(std::make_unique<Link>(std::move(link)));
    Link &added = *m_links.back();
    m_linkIndex.emplace(added.id, &added);
    for (auto *o : m_observers)
        o->linkAdded(added.id);
    return added;
}

void Design::removeLink(const Id &id)
{
    if (!m_linkIndex.erase(id))
        return;
    eraseById(m_links, id);
    for (auto *o : m_observers)
        o->linkRemoved(id);
}

const PolicyDocument *Design::policy(const Id &id) const
{
    auto it = m_policyIndex.find(id);
    return it == m_policyIndex.end() ? nullptr : it->second;
}

PolicyDocument &Design::addPolicy(PolicyDocument policy)
{
    if (isIdTaken(policy.id))
        throw std::invalid_argument("id already in use: " + policy.id.str());
    m_policies.push_back(std::make_unique<PolicyDocument>(std::move(policy)));
    PolicyDocument &added = *m_policies.back();
    m_policyIndex.emplace(added.id, &added);
    return added;
}

void Design::removePolicy(const Id &id)
{
    if (!m_policyIndex.erase(id))
        return;
    eraseById(m_policies, id);
}

void Design::addObserver(DesignObserver *observer)
{
    if (std::find(m_observers.begin(), m_observers.end(), observer) == m_observers.end())
        m_observers.push_back(observer);
}

void Design::removeObserver(DesignObserver *observer)
{
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), observer),
                      m_observers.end());
}

void Design::notifyElementChanged(const Id &id, std::string_view what)
{
    for (auto *o : m_observers)
        o->elementChanged(id, what);
}

void Design::notifyLinkChanged(const Id &id)
{
    for (auto *o : m_observers)
        o->linkChanged(id);
}

void Design::notifyReset()
{
    for (auto *o : m_observers)
        o->designReset();
}

} // namespace heiiki::model
