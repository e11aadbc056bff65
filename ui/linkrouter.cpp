#include "linkrouter.h"

#include <QLineF>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace heiiki::ui {

namespace {

constexpr qreal kStub = 10;      ///< how far a route leaves a box straight before turning
constexpr qreal kClearance = 8;  ///< how far a detour keeps from an obstacle's outline
constexpr qreal kBendCost = 40;  ///< a corner weighs as much as this much length
constexpr qreal kCrossCost = 1e6;

enum class Side { Left, Right, Top, Bottom };
constexpr std::array<Side, 4> kSides{Side::Left, Side::Right, Side::Top, Side::Bottom};

QPointF port(const QRectF &box, Side side)
{
    switch (side) {
    case Side::Left: return {box.left(), box.center().y()};
    case Side::Right: return {box.right(), box.center().y()};
    case Side::Top: return {box.center().x(), box.top()};
    case Side::Bottom: return {box.center().x(), box.bottom()};
    }
    return box.center();
}

QPointF outward(Side side)
{
    switch (side) {
    case Side::Left: return {-1, 0};
    case Side::Right: return {1, 0};
    case Side::Top: return {0, -1};
    case Side::Bottom: return {0, 1};
    }
    return {};
}

bool segmentHits(const QPointF &a, const QPointF &b, const QRectF &box)
{
    const QRectF inner = box.adjusted(1, 1, -1, -1);
    const qreal left = std::min(a.x(), b.x());
    const qreal right = std::max(a.x(), b.x());
    const qreal top = std::min(a.y(), b.y());
    const qreal bottom = std::max(a.y(), b.y());
    return left < inner.right() && right > inner.left() && top < inner.bottom()
           && bottom > inner.top();
}

/// Drops repeated points and the middle one of three on a line.
QPolygonF simplified(const QPolygonF &route)
{
    QPolygonF out;
    for (const QPointF &p : route) {
        if (!out.isEmpty() && QLineF(out.last(), p).length() < 0.01)
            continue;
        if (out.size() >= 2) {
            const QPointF &a = out[out.size() - 2];
            const QPointF &b = out.last();
            const bool collinear = (std::abs(a.x() - b.x()) < 0.01 && std::abs(b.x() - p.x()) < 0.01)
                                   || (std::abs(a.y() - b.y()) < 0.01
                                       && std::abs(b.y() - p.y()) < 0.01);
            if (collinear) {
                out.last() = p;
                continue;
            }
        }
        out << p;
    }
    return out;
}

qreal length(const QPolygonF &route)
{
    qreal total = 0;
    for (qsizetype i = 1; i < route.size(); ++i)
        total += QLineF(route[i - 1], route[i]).length();
    return total;
}

/// The simple route: straight where the boxes face each other, else one corner.
QPolygonF simpleRoute(const QRectF &from, const QRectF &to)
{
    const qreal overlapLeft = std::max(from.left(), to.left());
    const qreal overlapRight = std::min(from.right(), to.right());
    if (overlapRight - overlapLeft > 8) { // one above the other
        const qreal x = (overlapLeft + overlapRight) / 2;
        const bool down = from.center().y() < to.center().y();
        return {QPointF(x, down ? from.bottom() : from.top()),
                QPointF(x, down ? to.top() : to.bottom())};
    }
    const qreal overlapTop = std::max(from.top(), to.top());
    const qreal overlapBottom = std::min(from.bottom(), to.bottom());
    const bool right = from.center().x() < to.center().x();
    if (overlapBottom - overlapTop > 8) { // side by side
        const qreal y = (overlapTop + overlapBottom) / 2;
        return {QPointF(right ? from.right() : from.left(), y),
                QPointF(right ? to.left() : to.right(), y)};
    }
    // Diagonal: leave sideways, turn once, enter from above or below.
    const bool down = from.center().y() < to.center().y();
    const QPointF start(right ? from.right() : from.left(), from.center().y());
    const QPointF corner(to.center().x(), start.y());
    const QPointF end(corner.x(), down ? to.top() : to.bottom());
    return {start, corner, end};
}

/// How many of \a obstacles \a route passes through, counting no further than \a stopAt.
int crossingsUpTo(const QPolygonF &route, const std::vector<QRectF> &obstacles, int stopAt)
{
    int count = 0;
    for (const QRectF &box : obstacles) {
        if (count >= stopAt)
            break;
        for (qsizetype i = 1; i < route.size(); ++i) {
            if (segmentHits(route[i - 1], route[i], box)) {
                ++count;
                break;
            }
        }
    }
    return count;
}

class Router
{
public:
    Router(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles)
        : m_from(from), m_to(to), m_obstacles(obstacles)
    {
        m_xs = {(from.center().x() + to.center().x()) / 2};
        m_ys = {(from.center().y() + to.center().y()) / 2};
        // Detours turn beside the ends and beside what blocks the simple route.
        const QPolygonF simple = simpleRoute(from, to);
        std::vector<QRectF> turnBeside{from, to};
        for (const QRectF &box : obstacles) {
            if (crossings(simple, {box}) > 0)
                turnBeside.push_back(box);
        }
        for (const QRectF &box : turnBeside) {
            m_xs.push_back(box.left() - kClearance);
            m_xs.push_back(box.right() + kClearance);
            m_ys.push_back(box.top() - kClearance);
            m_ys.push_back(box.bottom() + kClearance);
        }
    }

    QPolygonF best()
    {
        consider(simpleRoute(m_from, m_to), true);
        if (m_bestCrossings == 0)
            return m_best;
        for (Side out : kSides) {
            for (Side in : kSides) {
                const QPointF a = port(m_from, out);
                const QPointF a1 = a + outward(out) * kStub;
                const QPointF b = port(m_to, in);
                const QPointF b1 = b + outward(in) * kStub;
                consider({a, a1, QPointF(b1.x(), a1.y()), b1, b});
                consider({a, a1, QPointF(a1.x(), b1.y()), b1, b});
                for (qreal x : m_xs)
                    consider({a, a1, QPointF(x, a1.y()), QPointF(x, b1.y()), b1, b});
                for (qreal y : m_ys)
                    consider({a, a1, QPointF(a1.x(), y), QPointF(b1.x(), y), b1, b});
            }
        }
        return m_best;
    }

private:
    void consider(const QPolygonF &candidate, bool simple = false)
    {
        const QPolygonF route = simplified(candidate);
        if (route.size() < 2)
            return;
        // A route whose corners and length alone weigh more than the best one's cost cannot
        // win; nor one with more crossings than that cost leaves room for. Counting stops
        // there (with a unit to spare, so that rounding never drops a winner).
        const qreal base = (route.size() - 2) * kBendCost + length(route);
        if (base > m_bestCost + 1)
            return;
        const qreal room = (m_bestCost - base + 1) / kCrossCost;
        constexpr int kUnbounded = std::numeric_limits<int>::max();
        const int stopAt = room >= kUnbounded / 2 ? kUnbounded : int(room) + 1;
        // Every part but the first and last stub must keep out of the ends too.
        int crossed = crossingsUpTo(route, m_obstacles, stopAt);
        if (!simple && route.size() > 3 && crossed < stopAt) {
            const QPolygonF middle = route.mid(1, route.size() - 2);
            crossed += crossingsUpTo(middle, {m_from, m_to}, stopAt - crossed);
        }
        const qreal cost = crossed * kCrossCost + (route.size() - 2) * kBendCost + length(route);
        if (cost < m_bestCost) {
            m_bestCost = cost;
            m_best = route;
            m_bestCrossings = crossed;
        }
    }

    QRectF m_from;
    QRectF m_to;
    const std::vector<QRectF> &m_obstacles;
    std::vector<qreal> m_xs;
    std::vector<qreal> m_ys;
    QPolygonF m_best;
    qreal m_bestCost = std::numeric_limits<qreal>::max();
    int m_bestCrossings = std::numeric_limits<int>::max();
};

} // namespace

int crossings(const QPolygonF &route, const std::vector<QRectF> &obstacles)
{
    return crossingsUpTo(route, obstacles, std::numeric_limits<int>::max());
}

QPolygonF routeLink(const QRectF &from, const QRectF &to, const std::vector<QRectF> &obstacles)
{
    // An end that holds the other (a container around a node): a short stub from the inner.
    if (from.contains(to) || to.contains(from)) {
        const QRectF inner = from.contains(to) ? to : from;
        const QPointF a(inner.center().x(), inner.top());
        QPolygonF stub{a, a - QPointF(0, 12)};
        if (from.contains(to))
            std::reverse(stub.begin(), stub.end());
        return stub;
    }
    return Router(from, to, obstacles).best();
}

} // namespace heiiki::ui
