#include "palettewidget.h"

#include "palettemodel.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace heiiki::ui {

PaletteWidget::PaletteWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new PaletteModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(PaletteModel::SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);

    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Search elements"));
    m_search->setClearButtonEnabled(true);

    m_tree->setObjectName(QStringLiteral("paletteTree"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(QSize(24, 24));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    setFocusProxy(m_search);

    connect(m_search, &QLineEdit::textChanged, this, &PaletteWidget::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &PaletteWidget::activateCurrentOrFirst);
    connect(m_tree, &QTreeView::doubleClicked, this, &PaletteWidget::activate);
}

void PaletteWidget::setFilterText(const QString &text)
{
    m_search->setText(text);
}

void PaletteWidget::applyFilter(const QString &text)
{
    m_filter->setFilterFixedString(text.trimmed());
    m_tree->expandAll();
}

void PaletteWidget::activate(const QModelIndex &index)
{
    if (const auto kind = PaletteModel::kindAt(index))
        emit kindActivated(*kind);
}

void PaletteWidget::activateCurrentOrFirst()
{
    const QModelIndex current = m_tree->currentIndex();
    if (PaletteModel::kindAt(current)) {
        activate(current);
        return;
    }
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex section = m_filter->index(row, 0);
        if (m_filter->rowCount(section) > 0) {
            activate(m_filter->index(0, 0, section));
            return;
        }
    }
}

} // namespace heiiki::ui
