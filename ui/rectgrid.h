#pragma once

#include <QRectF>

#include <unordered_map>
#include <vector>

namespace heiiki::ui {

/// Rectangles (scene coordinates) kept in a grid of square cells, so that the ones that
/// overlap another rectangle are found without looking at all of them.
class RectGrid
{
public:
    void add(const QRectF &rect);

    /// The area of \a rect that the rectangles cover, each rectangle's overlap counted once
    /// and summed in the order they were added (so the sum is the same, to the last bit, as
    /// a plain loop over all of them would give).
    qreal coveredArea(const QRectF &rect);

private:
    template<typename F>
    static void forCells(const QRectF &rect, F &&f);

    std::vector<QRectF> m_rects;
    std::unordered_map<qint64, std::vector<int>> m_cells; ///< cell → indexes into m_rects
    std::vector<int> m_found;                             ///< scratch space of coveredArea()
};

} // namespace heiiki::ui
