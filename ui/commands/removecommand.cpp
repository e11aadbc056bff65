#include "removecommand.h"

#include "model/edit/designedit.h"
#include "ui/document/designdocument.h"

#include <algorithm>
#include <unordered_map>

namespace heiiki::ui {

namespace {

/// Every object's position in document order, found in one pass (Design::elementIndex() is a
/// scan, too slow once per removed object in a large design).
template<typename T>
std::unordered_map<model::Id, size_t> positions(const std::vector<std::unique_ptr<T>> &items)
{
    std::unordered_map<model::Id, size_t> result;
    result.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        result.emplace(items[i]->id, i);
    return result;
}

template<typename T>
void sortByPosition(std::vector<std::pair<size_t, T>> &items)
{
    std::sort(items.begin(), items.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
}

} // namespace

RemoveCommand::RemoveCommand(DesignDocument *document, const std::vector<model::Id> &ids,
                             const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
{
    const model::Design &design = document->design();
    const model::edit::RemovalPlan plan = model::edit::planRemoval(design, ids);
    const auto elementAt = positions(design.elements());
    const auto linkAt = positions(design.links());
    for (const model::Id &id : plan.elements)
        m_elements.emplace_back(elementAt.at(id), *design.element(id));
    for (const model::Id &id : plan.links)
        m_links.emplace_back(linkAt.at(id), *design.link(id));
    for (const model::Id &id : plan.policies)
        m_policies.emplace_back(design.policyIndex(id), *design.policy(id));
    sortByPosition(m_elements);
    sortByPosition(m_links);
    sortByPosition(m_policies);
    for (const model::Element &after : plan.rewrittenElements)
        m_rewrittenElements.emplace_back(*design.element(after.id), after);
    for (const model::Link &after : plan.rewrittenLinks)
        m_rewrittenLinks.emplace_back(*design.link(after.id), after);
    m_flowsChanged = plan.flowsChanged;
    if (m_flowsChanged) {
        m_flowsBefore = design.flows();
        m_flowsAfter = plan.flowsAfter;
    }
}

bool RemoveCommand::isEmpty() const
{
    return m_elements.empty() && m_links.empty() && m_policies.empty();
}

void RemoveCommand::redo()
{
    model::Design &design = m_document->design();
    for (const auto &[before, after] : m_rewrittenElements)
        design.replaceElement(after);
    for (const auto &[before, after] : m_rewrittenLinks)
        design.replaceLink(after);
    if (m_flowsChanged) {
        design.flows() = m_flowsAfter;
        design.notifyDesignChanged("flows");
    }
    for (auto it = m_links.rbegin(); it != m_links.rend(); ++it)
        design.removeLink(it->second.id);
    // Children before their parents, so that views never see an orphan.
    for (auto it = m_elements.rbegin(); it != m_elements.rend(); ++it)
        design.removeElement(it->second.id);
    for (auto it = m_policies.rbegin(); it != m_policies.rend(); ++it)
        design.removePolicy(it->second.id);
}

void RemoveCommand::undo()
{
    model::Design &design = m_document->design();
    // Ascending positions: each insertion lands where it was, the earlier ones already back.
    for (const auto &[index, policy] : m_policies)
        design.insertPolicy(policy, index);
    QList<model::Id> restored;
    for (const auto &[index, element] : m_elements) {
        design.insertElement(element, index);
        restored << element.id;
    }
    for (const auto &[index, link] : m_links)
        design.insertLink(link, index);
    if (m_flowsChanged) {
        design.flows() = m_flowsBefore;
        design.notifyDesignChanged("flows");
    }
    for (const auto &[before, after] : m_rewrittenLinks)
        design.replaceLink(before);
    for (const auto &[before, after] : m_rewrittenElements)
        design.replaceElement(before);
    m_document->setSelection(restored);
}

} // namespace heiiki::ui
