#include "palettemodel.h"

#include "palettemime.h"
#include "ui/diagramstyle.h"
#include "ui/kindicons.h"

#include "model/core/catalogue.h"

#include <array>

namespace heiiki::ui {

namespace {

using model::Category;

// The sections in the order they are listed, with the categories whose kinds they hold.
struct Section
{
    Category category;
    const char *label;
};

constexpr std::array<Section, 6> kSections{{
    {Category::Groups, QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "Groups")},
    {Category::Networking, QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "Networking")},
    {Category::Compute, QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "Compute")},
    {Category::SecurityIdentity,
     QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "Security & Identity")},
    {Category::Connectivity, QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "Connectivity")},
    {Category::External, QT_TRANSLATE_NOOP("heiiki::ui::PaletteModel", "External")},
}};

/// The category of the section \a info is listed under.
Category sectionOf(const model::ElementKindInfo &info)
{
    return info.container ? Category::Groups : info.category;
}

QString translatedSection(Category category)
{
    for (const Section &section : kSections)
        if (section.category == category)
            return PaletteModel::tr(section.label);
    return {};
}

QStandardItem *createKindItem(const model::ElementKindInfo &info)
{
    const QString label = diagramstyle::kindLabel(info.kind);
    auto *item = new QStandardItem(kindIcon(info.kind), label);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    item->setData(static_cast<int>(info.kind), PaletteModel::KindRole);
    // The translated and the English label, the name in files ("nat-gateway") and the short
    // glyph architects type ("TGW"), so that any of them finds the kind.
    const QStringList words{label,
                            QString::fromStdString(info.label),
                            QString::fromStdString(info.name),
                            diagramstyle::nodeLook(info.kind).glyph};
    item->setData(words.join(QLatin1Char('\n')), PaletteModel::SearchTextRole);
    item->setToolTip(
        PaletteModel::tr("%1\nDrag onto the canvas, or double-click to add.").arg(label));
    return item;
}

} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QStandardItemModel(parent)
{
    const auto kinds = model::Catalogue::instance().elementKinds();
    for (const Section &section : kSections) {
        auto *sectionItem = new QStandardItem(tr(section.label));
        sectionItem->setFlags(Qt::ItemIsEnabled);
        QFont font = sectionItem->font();
        font.setBold(true);
        sectionItem->setFont(font);
        for (const auto &info : kinds)
            if (sectionOf(info) == section.category)
                sectionItem->appendRow(createKindItem(info));
        if (sectionItem->hasChildren())
            appendRow(sectionItem);
        else
            delete sectionItem;
    }
}

std::optional<model::ElementKind> PaletteModel::kindAt(const QModelIndex &index)
{
    const QVariant kind = index.data(KindRole);
    if (!kind.isValid())
        return std::nullopt;
    return static_cast<model::ElementKind>(kind.toInt());
}

QString PaletteModel::sectionLabel(model::ElementKind kind)
{
    return translatedSection(sectionOf(model::Catalogue::instance().info(kind)));
}

QStringList PaletteModel::mimeTypes() const
{
    return {QString::fromLatin1(kElementKindMimeType)};
}

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes)
        if (const auto kind = kindAt(index))
            return createKindMimeData(*kind);
    return nullptr;
}

} // namespace heiiki::ui
