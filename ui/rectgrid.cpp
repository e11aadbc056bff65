#include "rectgrid.h"

#include <algorithm>
#include <cmath>

namespace heiiki::ui {

namespace {
constexpr qreal kCell = 256; ///< about three nodes wide
} // namespace

template<typename F>
void RectGrid::forCells(const QRectF &rect, F &&f)
{
    const auto left = qint64(std::floor(rect.left() / kCell));
    const auto right = qint64(std::floor(rect.right() / kCell));
    const auto top = qint64(std::floor(rect.top() / kCell));
    const auto bottom = qint64(std::floor(rect.bottom() / kCell));
    for (qint64 y = top; y <= bottom; ++y)
        for (qint64 x = left; x <= right; ++x)
            f((y << 32) ^ (x & 0xffffffff));
}

void RectGrid::add(const QRectF &rect)
{
    const int index = static_cast<int>(m_rects.size());
    m_rects.push_back(rect);
    forCells(rect, [&](qint64 cell) { m_cells[cell].push_back(index); });
}

qreal RectGrid::coveredArea(const QRectF &rect)
{
    m_found.clear();
    forCells(rect, [&](qint64 cell) {
        const auto it = m_cells.find(cell);
        if (it != m_cells.end())
            m_found.insert(m_found.end(), it->second.begin(), it->second.end());
    });
    std::sort(m_found.begin(), m_found.end());
    m_found.erase(std::unique(m_found.begin(), m_found.end()), m_found.end());
    qreal covered = 0;
    for (const int index : m_found) {
        const QRectF overlap = m_rects[size_t(index)].intersected(rect);
        covered += overlap.width() * overlap.height();
    }
    return covered;
}

} // namespace heiiki::ui
