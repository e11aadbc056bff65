#include "designmirror.h"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

namespace heiiki::model {

namespace {

/// How the mirror reaches one kind of design object (elements, links or policies).
template<typename T>
struct Access
{
    const std::vector<std::unique_ptr<T>> &(*items)(const Design &);
    const T *(*find)(const Design &, const Id &);
    size_t (*index)(const Design &, const Id &);
    void (*insert)(Design &, const T &, size_t);
    void (*remove)(Design &, const Id &);
    void (*assign)(Design &, const T &);
};

const Access<Element> kElements{
    [](const Design &d) -> const auto & { return d.elements(); },
    [](const Design &d, const Id &id) { return d.element(id); },
    [](const Design &d, const Id &id) { return d.elementIndex(id); },
    [](Design &d, const Element &e, size_t i) { d.insertElement(e, i); },
    [](Design &d, const Id &id) { d.removeElement(id); },
    // Through replaceElement(): a rename or a move leaves the properties where they are.
    [](Design &d, const Element &e) { d.replaceElement(e); },
};

const Access<Link> kLinks{
    [](const Design &d) -> const auto & { return d.links(); },
    [](const Design &d, const Id &id) { return d.link(id); },
    [](const Design &d, const Id &id) { return d.linkIndex(id); },
    [](Design &d, const Link &l, size_t i) { d.insertLink(l, i); },
    [](Design &d, const Id &id) { d.removeLink(id); },
    [](Design &d, const Link &l) { *d.link(l.id) = l; },
};

const Access<PolicyDocument> kPolicies{
    [](const Design &d) -> const auto & { return d.policies(); },
    [](const Design &d, const Id &id) { return d.policy(id); },
    [](const Design &d, const Id &id) { return d.policyIndex(id); },
    [](Design &d, const PolicyDocument &p, size_t i) { d.insertPolicy(p, i); },
    [](Design &d, const Id &id) { d.removePolicy(id); },
    [](Design &d, const PolicyDocument &p) { d.replacePolicy(p); },
};

/// Removes from \a copy what \a source no longer has.
template<typename T>
void removeGone(const Design &source, Design &copy, const std::unordered_set<Id> &changed,
                const Access<T> &a)
{
    for (const Id &id : changed)
        if (!a.find(source, id))
            a.remove(copy, id);
}

/// Copies the changed objects that \a source has into \a copy, each at its place in document
/// order. False when the two lists do not end up alike (an object moved in document order):
/// the caller then copies everything.
template<typename T>
bool place(const Design &source, Design &copy, const std::unordered_set<Id> &changed,
           const Access<T> &a)
{
    std::vector<std::pair<size_t, const T *>> present;
    for (const Id &id : changed)
        if (const T *item = a.find(source, id))
            present.emplace_back(a.index(source, id), item);
    std::sort(present.begin(), present.end(),
              [](const auto &x, const auto &y) { return x.first < y.first; });
    // Ascending: every object before an inserted one is in place when it is inserted.
    for (const auto &[index, item] : present) {
        if (a.find(copy, item->id))
            a.assign(copy, *item);
        else
            a.insert(copy, *item, index);
    }
    const auto &mine = a.items(copy);
    const auto &theirs = a.items(source);
    if (mine.size() != theirs.size())
        return false;
    for (size_t i = 0; i < mine.size(); ++i)
        if (!(mine[i]->id == theirs[i]->id))
            return false;
    return true;
}

} // namespace

DesignMirror::~DesignMirror()
{
    if (m_source)
        m_source->removeObserver(this);
}

void DesignMirror::attach(Design *source)
{
    if (m_source)
        m_source->removeObserver(this);
    m_source = source;
    if (m_source)
        m_source->addObserver(this);
    m_everything = true;
}

void DesignMirror::elementChanged(const Id &id, std::string_view what)
{
    m_elements.insert(id);
    if (!changesOnlyNamesOrPlaces(what))
        m_notOnlyNames = true;
}

bool DesignMirror::onlyNamesChanged() const
{
    return onlyNamesOrPoliciesChanged() && m_policies.empty();
}

bool DesignMirror::onlyNamesOrPoliciesChanged() const
{
    return !m_everything && !m_rest && !m_notOnlyNames && m_links.empty();
}

bool DesignMirror::isBehind() const
{
    return m_everything || m_rest || !m_elements.empty() || !m_links.empty()
           || !m_policies.empty();
}

size_t DesignMirror::copyAll()
{
    m_copy = Design(*m_source);
    m_everything = m_rest = m_notOnlyNames = false;
    m_copiedAll = true;
    m_elements.clear();
    m_links.clear();
    m_policies.clear();
    return m_copy.elements().size() + m_copy.links().size() + m_copy.policies().size();
}

size_t DesignMirror::sync()
{
    if (!m_source)
        return 0; // nothing to follow: the copy stays as it is
    if (m_everything)
        return copyAll();
    const Design &source = *m_source;
    // Placing one object searches its list: past a fraction of the design, one copy of
    // everything is cheaper.
    const size_t total = source.elements().size() + source.links().size()
                         + source.policies().size();
    const size_t changed = m_elements.size() + m_links.size() + m_policies.size();
    if (changed * 8 > total + 8)
        return copyAll();
    try {
        // Removals first: an id that moved from one kind of object to another is free again
        // before it is placed.
        removeGone(source, m_copy, m_elements, kElements);
        removeGone(source, m_copy, m_links, kLinks);
        removeGone(source, m_copy, m_policies, kPolicies);
        if (!place(source, m_copy, m_elements, kElements)
            || !place(source, m_copy, m_links, kLinks)
            || !place(source, m_copy, m_policies, kPolicies))
            return copyAll();
    } catch (const std::invalid_argument &) {
        return copyAll(); // an id the copy still held otherwise: start again from the source
    }
    if (m_rest) {
        m_copy.settings() = source.settings();
        m_copy.accounts() = source.accounts();
        m_copy.flows() = source.flows();
    }
    m_rest = m_notOnlyNames = m_copiedAll = false;
    m_elements.clear();
    m_links.clear();
    m_policies.clear();
    return changed;
}

} // namespace heiiki::model
