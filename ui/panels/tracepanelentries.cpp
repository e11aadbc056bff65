// The trace panel's lists of sources, targets and flows, kept in step with the design.

#include "tracepanel.h"

#include "designnames.h"
#include "statusicons.h"

#include "ui/document/designdocument.h"
#include "ui/kindicons.h"

#include <QComboBox>

#include <algorithm>
#include <unordered_set>

namespace heiiki::ui {

namespace {

using model::ElementKind;

/// Kinds that open connections: what the From field offers (with every flow's source).
bool isSourceKind(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Ec2Instance:
    case ElementKind::LoadBalancer:
    case ElementKind::NatGateway:
    case ElementKind::Operator:
    case ElementKind::CorporateDc:
    case ElementKind::Saas:
    case ElementKind::ThirdPartyHub:
        return true;
    default:
        return false;
    }
}

/// Kinds no packet is addressed to: left out of the To field's list.
bool isTargetKind(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Region:
    case ElementKind::Account:
    case ElementKind::AvailabilityZone:
    case ElementKind::SecurityGroup:
    case ElementKind::NetworkAcl:
    case ElementKind::IamUser:
    case ElementKind::IamGroup:
    case ElementKind::IamRole:
        return false;
    default:
        return true;
    }
}

struct Entry
{
    QString label;
    QString id;
    QIcon icon;
};

void fill(QComboBox *combo, const std::vector<Entry> &entries)
{
    combo->clear();
    for (const Entry &e : entries)
        combo->addItem(e.icon, e.label, e.id);
}

} // namespace

void TracePanel::schedulePopulate()
{
    if (m_populateScheduled)
        return;
    m_populateScheduled = true;
    QMetaObject::invokeMethod(this, &TracePanel::populate, Qt::QueuedConnection);
}

void TracePanel::populate()
{
    m_populateScheduled = false;
    const model::Design &design = m_document->design();
    const QString from = m_from->currentData().toString();
    const QString to = targetText();

    std::unordered_set<model::Id> flowSources;
    for (const model::Flow &flow : design.flows())
        flowSources.insert(flow.source);
    std::vector<Entry> sources, targets;
    for (const auto &element : design.elements()) {
        const Entry entry{designnames::nameAndId(design, element->id),
                          QString::fromStdString(element->id.str()),
                          kindIcon(element->kind)};
        // Every flow's source, and the source chosen before (setFrom() takes any element).
        const bool flowSource = flowSources.count(element->id) > 0;
        if (isSourceKind(element->kind) || flowSource || entry.id == from)
            sources.push_back(entry);
        if (isTargetKind(element->kind))
            targets.push_back(entry);
    }
    auto byLabel = [](const Entry &a, const Entry &b) {
        return QString::localeAwareCompare(a.label, b.label) < 0;
    };
    std::sort(sources.begin(), sources.end(), byLabel);
    std::sort(targets.begin(), targets.end(), byLabel);
    const Entry internet{tr("Internet"), internetKey(), kindIcon(ElementKind::InternetGateway)};
    sources.insert(sources.begin(), internet);
    targets.insert(targets.begin(), internet);

    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        fill(m_from, sources);
        // Keep the source; a new design starts from its first element rather than the internet.
        int index = m_from->findData(from);
        if (index < 0)
            index = m_from->count() > 1 ? 1 : 0;
        m_from->setCurrentIndex(index);
        fill(m_to, targets);
        const int target = m_to->findData(to);
        m_to->setCurrentIndex(target);
        if (target < 0)
            m_to->setEditText(to);
    }
    populateFlows();
}

int TracePanel::insertSorted(QComboBox *combo, const QIcon &icon, const QString &label,
                             const QString &key)
{
    // The entries after the internet are sorted by label, as populate() sorts them.
    int low = 1;
    int high = combo->count();
    while (low < high) {
        const int middle = (low + high) / 2;
        if (QString::localeAwareCompare(combo->itemText(middle), label) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    const QSignalBlocker blocker(combo);
    combo->insertItem(low, icon, label, key);
    return low;
}

void TracePanel::relabel(const model::Id &id)
{
    // One entry moves; building the lists of a large design again would take a while.
    if (m_populateScheduled)
        return; // they are about to be built again anyway
    const QString key = QString::fromStdString(id.str());
    const QString label = designnames::nameAndId(m_document->design(), id);
    for (QComboBox *combo : {m_from, m_to}) {
        const int index = combo->findData(key);
        if (index < 1 || combo->itemText(index) == label) // 0 is the internet
            continue;
        const QSignalBlocker blocker(combo);
        const bool current = combo->currentIndex() == index;
        const QIcon icon = combo->itemIcon(index);
        combo->removeItem(index);
        const int placed = insertSorted(combo, icon, label, key);
        if (current)
            combo->setCurrentIndex(placed);
    }
    // The flow list shows flows' own names: an element's new name does not change it.
}

void TracePanel::addEntry(const model::Id &id)
{
    // One entry goes in at its place: sorting thousands of labels again would hold up a drop.
    if (m_populateScheduled)
        return;
    const model::Element *element = m_document->design().element(id);
    if (!element)
        return;
    const QString key = QString::fromStdString(id.str());
    const QString label = designnames::nameAndId(m_document->design(), id);
    // A new element is no flow's source yet (flows that name it come with a flows change).
    if (isSourceKind(element->kind) && m_from->findData(key) < 0)
        insertSorted(m_from, kindIcon(element->kind), label, key);
    if (isTargetKind(element->kind) && m_to->findData(key) < 0)
        insertSorted(m_to, kindIcon(element->kind), label, key);
}

void TracePanel::removeEntry(const model::Id &id)
{
    if (m_populateScheduled)
        return;
    const QString key = QString::fromStdString(id.str());
    for (QComboBox *combo : {m_from, m_to}) {
        const int index = combo->findData(key);
        if (index < 1)
            continue;
        if (combo->currentIndex() == index) {
            schedulePopulate(); // the chosen end goes: populate() picks another one
            return;
        }
        const QSignalBlocker blocker(combo);
        combo->removeItem(index);
    }
}

void TracePanel::populateFlows()
{
    const model::Design &design = m_document->design();
    const QString current = m_flow->currentData().toString();
    const QSignalBlocker blocker(m_flow);
    m_flow->clear();
    m_flow->addItem(design.flows().empty() ? tr("The design declares no flows")
                                           : tr("Choose a declared flow…"));
    for (const model::Flow &flow : design.flows()) {
        const Status status = flow.mustSucceed ? Status::Delivered : Status::Stopped;
        m_flow->addItem(statusicons::icon(status),
                        QString::fromStdString(flow.name),
                        QString::fromStdString(flow.id.str()));
        m_flow->setItemData(m_flow->count() - 1,
                            flow.mustSucceed ? tr("This flow must get through")
                                             : tr("This flow must be impossible"),
                            Qt::ToolTipRole);
    }
    m_flow->setEnabled(!design.flows().empty());
    m_flow->setCurrentIndex(std::max(0, m_flow->findData(current)));
}

} // namespace heiiki::ui
