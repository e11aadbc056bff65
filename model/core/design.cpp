#include "design.h"

#include <algorithm>
#include <stdexcept>

namespace heiiki::model {

namespace {
const heiiki::Json &nullJson()
{
    static const heiiki::Json null;
    return null;
}

/// The text of \a element's \a property, or "" (also when there is no element).
std::string textOf(const Element *element, std::string_view property)
{
    if (!element)
        return {};
    const auto &value = element->property(property);
    return value.is_string() ? value.get<std::string>() : std::string();
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
size_t indexById(const std::vector<std::unique_ptr<T>> &items, const Id &id)
{
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i]->id == id)
            return i;
    return static_cast<size_t>(-1);
}

template<typename T>
T &insertAt(std::vector<std::unique_ptr<T>> &items, T value, size_t index)
{
    index = std::min(index, items.size());
    auto it = items.insert(items.begin() + static_cast<std::ptrdiff_t>(index),
                           std::make_unique<T>(std::move(value)));
    return **it;
}

template<typename T>
void eraseById(std::vector<std::unique_ptr<T>> &items, const Id &id)
{
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const std::unique_ptr<T> &p) { return p->id == id; }),
                items.end());
}
} // namespace

const heiiki::Json &Element::property(std::string_view name) const
{
    if (auto it = properties.find(name); it != properties.end())
        return *it;
    if (const auto *spec = Catalogue::instance().info(kind).property(name))
        return spec->defaultValue;
    return nullJson();
}

const heiiki::Json &Link::property(std::string_view name) const
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

Design::~Design()
{
    // An observer may be told while it goes through the list: go through a copy.
    const auto observers = m_observers;
    for (auto *o : observers)
        o->designDestroyed();
}

Design &Design::operator=(const Design &other)
{
    if (this != &other)
        *this = Design(other);
    return *this;
}

Design &Design::operator=(Design &&other) noexcept
{
    if (this == &other)
        return *this;
    m_settings = std::move(other.m_settings);
    m_accounts = std::move(other.m_accounts);
    m_elements = std::move(other.m_elements);
    m_links = std::move(other.m_links);
    m_policies = std::move(other.m_policies);
    m_flows = std::move(other.m_flows);
    m_elementIndex = std::move(other.m_elementIndex);
    m_linkIndex = std::move(other.m_linkIndex);
    m_policyIndex = std::move(other.m_policyIndex);
    notifyReset();
    return *this;
}

void Design::rebuildIndex()
{
    m_elementIndex.clear();
    m_linkIndex.clear();
    m_policyIndex.clear();
    m_elementIndex.reserve(m_elements.size());
    m_linkIndex.reserve(m_links.size());
    m_policyIndex.reserve(m_policies.size());
    for (auto &e : m_elements)
        m_elementIndex.insert(e.get());
    for (auto &l : m_links)
        m_linkIndex.insert(l.get());
    for (auto &p : m_policies)
        m_policyIndex.insert(p.get());
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
    return m_elementIndex.find(id);
}

Element *Design::element(const Id &id)
{
    return m_elementIndex.find(id);
}

bool Design::isIdTaken(const Id &id) const
{
    if (m_elementIndex.contains(id) || m_linkIndex.contains(id) || m_policyIndex.contains(id))
        return true;
    return std::any_of(m_flows.begin(), m_flows.end(), [&](const Flow &f) { return f.id == id; });
}

Element &Design::addElement(Element element)
{
    return insertElement(std::move(element), m_elements.size());
}

Element &Design::insertElement(Element element, size_t index)
{
    if (isIdTaken(element.id))
        throw std::invalid_argument("id already in use: " + element.id.str());
    Element &added = insertAt(m_elements, std::move(element), index);
    m_elementIndex.insert(&added);
    for (auto *o : m_observers)
        o->elementAdded(added.id);
    return added;
}

void Design::removeElement(const Id &id)
{
    const Id gone = id; // \a id may be the removed object's own
    if (!m_elementIndex.erase(gone))
        return;
    eraseById(m_elements, gone);
    for (auto *o : m_observers)
        o->elementRemoved(gone);
}

bool changesOnly(std::string_view what, std::initializer_list<std::string_view> parts)
{
    while (!what.empty()) {
        const size_t comma = what.find(',');
        std::string_view part = what.substr(0, comma);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty() && std::find(parts.begin(), parts.end(), part) == parts.end())
            return false;
        if (comma == std::string_view::npos)
            break;
        what.remove_prefix(comma + 1);
    }
    return true;
}

bool Design::replaceElement(const Element &element)
{
    Element *current = this->element(element.id);
    if (!current)
        return false;
    std::string what;
    const auto note = [&what](const char *part) {
        if (!what.empty())
            what += ',';
        what += part;
    };
    // Each part that differs is assigned alone: what did not change stays where it is (a
    // validation kept across a rename still reads the properties, see
    // DesignMirror::onlyNamesChanged()).
    const auto update = [&note](auto &mine, const auto &theirs, const char *part) {
        if (mine != theirs) {
            mine = theirs;
            note(part);
        }
    };
    update(current->name, element.name, "name");
    update(current->parent, element.parent, "parent");
    update(current->properties, element.properties, "properties");
    update(current->geometry, element.geometry, "geometry");
    update(current->kind, element.kind, "kind");
    if (what.empty())
        return true;
    notifyElementChanged(element.id, what);
    return true;
}

size_t Design::elementIndex(const Id &id) const
{
    return indexById(m_elements, id);
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
    return textOf(ancestor(id, ElementKind::Region), "region");
}

std::string Design::accountOf(const Id &id) const
{
    return textOf(ancestor(id, ElementKind::Account), "accountId");
}

const Link *Design::link(const Id &id) const
{
    return m_linkIndex.find(id);
}

Link *Design::link(const Id &id)
{
    return m_linkIndex.find(id);
}

Link &Design::addLink(Link link)
{
    return insertLink(std::move(link), m_links.size());
}

Link &Design::insertLink(Link link, size_t index)
{
    if (isIdTaken(link.id))
        throw std::invalid_argument("id already in use: " + link.id.str());
    Link &added = insertAt(m_links, std::move(link), index);
    m_linkIndex.insert(&added);
    for (auto *o : m_observers)
        o->linkAdded(added.id);
    return added;
}

void Design::removeLink(const Id &id)
{
    const Id gone = id; // \a id may be the removed object's own
    if (!m_linkIndex.erase(gone))
        return;
    eraseById(m_links, gone);
    for (auto *o : m_observers)
        o->linkRemoved(gone);
}

bool Design::replaceLink(const Link &link)
{
    Link *current = this->link(link.id);
    if (!current)
        return false;
    if (current->name == link.name && current->from == link.from && current->to == link.to
        && current->kind == link.kind && current->properties == link.properties)
        return true;
    *current = link;
    notifyLinkChanged(link.id);
    return true;
}

size_t Design::linkIndex(const Id &id) const
{
    return indexById(m_links, id);
}

const PolicyDocument *Design::policy(const Id &id) const
{
    return m_policyIndex.find(id);
}

PolicyDocument &Design::addPolicy(PolicyDocument policy)
{
    return insertPolicy(std::move(policy), m_policies.size());
}

PolicyDocument &Design::insertPolicy(PolicyDocument policy, size_t index)
{
    if (isIdTaken(policy.id))
        throw std::invalid_argument("id already in use: " + policy.id.str());
    PolicyDocument &added = insertAt(m_policies, std::move(policy), index);
    m_policyIndex.insert(&added);
    for (auto *o : m_observers)
        o->policyAdded(added.id);
    return added;
}

void Design::removePolicy(const Id &id)
{
    const Id gone = id; // \a id may be the removed object's own
    if (!m_policyIndex.erase(gone))
        return;
    eraseById(m_policies, gone);
    for (auto *o : m_observers)
        o->policyRemoved(gone);
}

bool Design::replacePolicy(const PolicyDocument &policy)
{
    PolicyDocument *current = m_policyIndex.find(policy.id);
    if (!current)
        return false;
    if (current->name == policy.name && current->type == policy.type
        && current->document == policy.document)
        return true;
    *current = policy;
    for (auto *o : m_observers)
        o->policyChanged(policy.id);
    return true;
}

size_t Design::policyIndex(const Id &id) const
{
    return indexById(m_policies, id);
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

void Design::notifyDesignChanged(std::string_view what)
{
    for (auto *o : m_observers)
        o->designChanged(what);
}

void Design::notifyReset()
{
    for (auto *o : m_observers)
        o->designReset();
}

} // namespace heiiki::model
