#pragma once

#include "model/core/kinds.h"

#include <QWidget>

class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

namespace heiiki::ui {

class PaletteModel;

/// The palette dock's contents: a search field over every element kind, grouped in sections
/// (see PaletteModel). A kind is dragged onto the canvas (mime type kElementKindMimeType) or
/// double-clicked, which emits kindActivated(). Return in the search field activates the
/// selected match, or the first one.
class PaletteWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PaletteWidget(QWidget *parent = nullptr);

    /// Shows only the kinds whose label, English label, file name or glyph contains \a text,
    /// ignoring case; an empty \a text shows every kind. Same as typing into the search field.
    void setFilterText(const QString &text);

signals:
    /// The user asked to add an element of \a kind (a double-click, or Return in the search).
    void kindActivated(model::ElementKind kind);

private:
    void applyFilter(const QString &text);
    void activate(const QModelIndex &index);
    void activateCurrentOrFirst();

    PaletteModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
};

} // namespace heiiki::ui
