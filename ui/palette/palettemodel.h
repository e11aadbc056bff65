#pragma once

#include "model/core/kinds.h"

#include <QStandardItemModel>

#include <optional>

namespace heiiki::ui {

/// The element kinds the palette offers, as a two-level tree: one row per section, the kinds
/// of that section under it, in catalogue order. Kinds that hold other elements (region,
/// account, VPC, Availability Zone, subnet…) sit under "Groups", whatever their catalogue
/// category, so that everything drawn as a box is in one place; every other kind sits under
/// its catalogue category. Kind rows can be dragged: their mime data carries the kind (see
/// palettemime.h).
class PaletteModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< the model::ElementKind of a kind row, as an int
        SearchTextRole,              ///< what the search field matches: labels, names, glyph
    };

    explicit PaletteModel(QObject *parent = nullptr);

    /// The kind of the row at \a index, or nothing for a section row.
    static std::optional<model::ElementKind> kindAt(const QModelIndex &index);

    /// The translated section a kind is listed under ("Groups", "Networking"…).
    static QString sectionLabel(model::ElementKind kind);

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
};

} // namespace heiiki::ui
