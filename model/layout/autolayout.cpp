#include "autolayout.h"

#include "labeltext.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <vector>

namespace heiiki::model {

namespace {

using M = LayoutMetrics;

/// Where a top-level element stands in the left-to-right reading order: from the company's
/// premises through Direct Connect to AWS, then the internet.
int topLevelRank(ElementKind kind)
{
    switch (kind) {
    case ElementKind::CorporateDc:
    case ElementKind::Operator:
        return 0;
    case ElementKind::DxConnection:
        return 1;
    case ElementKind::Vif:
        return 2;
    case ElementKind::DxGateway:
        return 3;
    case ElementKind::AwsService:
    case ElementKind::ThirdPartyHub:
        return 5;
    case ElementKind::Saas:
        return 6;
    default:
        return 4;
    }
}

/// How a parent arranges its child containers.
struct FlowStyle
{
    bool column = false;       ///< stack top to bottom (else rows, left to right)
    double targetAspect = 2.5; ///< the width:height ratio the packing aims for
    bool stretch = false;      ///< rows that equalise heights (a column: widths), rather
                               ///< than bottom-left packing
};

/// \a aspect: the shape that containers other than AZs and VPCs aim for.
FlowStyle flowFor(ElementKind parentKind, double aspect)
{
    switch (parentKind) {
    case ElementKind::AvailabilityZone:
        return {true, 1, true};
    case ElementKind::Vpc:
        return {false, aspect * 1.4, true};
    default:
        return {false, aspect, false};
    }
}

/// The shape of the screen that the whole design should fill.
constexpr double kScreenAspect = 1.7;
/// The container shapes autoLayout() tries; it keeps the one that best fills the screen.
constexpr double kContainerAspects[] = {2.5, 1.2, 1.8, 3.5, 5.0};

/// One box that a flow places: an element, or a column of leaf elements at the top level.
struct Block
{
    std::vector<const Element *> members; ///< one container, or leaves stacked top to bottom
    double width = 0;
    double height = 0;
};

class AutoLayouter
{
public:
    AutoLayouter(const Design &design, double aspect, bool leavesBeside)
        : m_design(design)
        , m_aspect(aspect)
        , m_leavesBeside(leavesBeside)
    {}

    Layout run();
    /// How much room the last run needs on a screen: the larger of width / screen aspect
    /// and height.
    double screenScore() const { return m_score; }

private:
    struct Extent
    {
        double right = 0;
        double bottom = 0;
    };

    const std::vector<const Element *> &childrenOf(const Id &id) const;
    void layoutElement(const Element &element);
    Extent arrangeChildren(const Element &parent, double originX, double originY);
    void arrangeTopLevel(const std::vector<const Element *> &elements);
    void alignZones(const std::vector<const Element *> &zones);
    void resize(const Element &element, double width, double height);
    void packBlocks(std::vector<Block> &blocks,
                    double originX,
                    double originY,
                    const FlowStyle &style,
                    Extent &extent);
    void placeBlock(const Block &block, double x, double y);
    double titleWidth(const Element &element) const;
    bool isAuto(const Element &element) const { return !element.geometry.has_value(); }
    Geometry &box(const Element &element) { return m_result[element.id]; }

    const Design &m_design;
    double m_aspect;
    bool m_leavesBeside;
    double m_score = 0;
    std::unordered_map<Id, std::vector<const Element *>> m_children;
    std::unordered_set<Id> m_visited;
    Layout m_result;
};

Layout AutoLayouter::run()
{
    std::vector<const Element *> roots;
    for (const auto &element : m_design.elements()) {
        if (element->parent.isNull() || !m_design.element(element->parent))
            roots.push_back(element.get());
        else
            m_children[element->parent].push_back(element.get());
    }
    for (const Element *root : roots)
        layoutElement(*root);
    // Elements caught in a containment cycle were not reached from the top: show them there.
    for (const auto &element : m_design.elements()) {
        if (!m_visited.count(element->id)) {
            roots.push_back(element.get());
            layoutElement(*element);
        }
    }
    arrangeTopLevel(roots);

    double left = 0, top = 0, right = 0, bottom = 0;
    for (const Element *root : roots) {
        const Geometry &g = box(*root);
        left = std::min(left, g.x);
        top = std::min(top, g.y);
        right = std::max(right, g.x + g.width);
        bottom = std::max(bottom, g.y + g.height);
    }
    m_score = std::max((right - left) / kScreenAspect, bottom - top);
    return std::move(m_result);
}

const std::vector<const Element *> &AutoLayouter::childrenOf(const Id &id) const
{
    static const std::vector<const Element *> none;
    const auto it = m_children.find(id);
    return it == m_children.end() ? none : it->second;
}

double AutoLayouter::titleWidth(const Element &element) const
{
    const std::string subtitle = containerSubtitle(element);
    const std::string &title
        = element.name.empty() ? Catalogue::instance().info(element.kind).label : element.name;
    double width = M::titleIndent + textWidth(title, M::titleCharWidth) + M::padding;
    if (!subtitle.empty())
        width += M::spacing + textWidth(subtitle, M::subtitleCharWidth);
    return width;
}

void AutoLayouter::layoutElement(const Element &element)
{
    m_visited.insert(element.id);
    Geometry geometry;
    if (Catalogue::instance().info(element.kind).container) {
        const Extent content = arrangeChildren(element, M::padding, M::titleHeight);
        geometry.width
            = std::max({content.right + M::padding, M::minContainerWidth, titleWidth(element)});
        geometry.height
            = std::max(content.bottom, M::titleHeight + M::minContentHeight) + M::padding;
    } else {
        geometry.width = M::nodeWidth;
        geometry.height = M::nodeHeight;
    }
    m_result[element.id] = element.geometry.value_or(geometry);
}

AutoLayouter::Extent
AutoLayouter::arrangeChildren(const Element &parent, double originX, double originY)
{
    std::vector<const Element *> leaves;
    std::vector<const Element *> containers;
    Extent extent{originX, originY};
    double top = originY;
    bool anyFixed = false;
    const auto &catalogue = Catalogue::instance();
    for (const Element *child : childrenOf(parent.id)) {
        if (m_visited.count(child->id))
            continue;
        layoutElement(*child);
        if (!isAuto(*child)) {
            const Geometry &g = box(*child);
            extent.right = std::max(extent.right, g.x + g.width);
            extent.bottom = std::max(extent.bottom, g.y + g.height);
            anyFixed = true;
        } else if (catalogue.info(child->kind).container) {
            containers.push_back(child);
        } else {
            leaves.push_back(child);
        }
    }
    // Whatever is laid out here goes below the boxes the user placed.
    if (anyFixed)
        top = std::max(top, extent.bottom + M::spacing);

    const FlowStyle style = flowFor(parent.kind, m_aspect);
    if (parent.kind == ElementKind::Vpc) {
        std::vector<const Element *> zones;
        for (const Element *c : containers)
            if (c->kind == ElementKind::AvailabilityZone)
                zones.push_back(c);
        alignZones(zones);
    }

    // The child containers, measured as if placed at (0, 0), to learn the width of the block.
    std::vector<Block> blocks;
    for (const Element *c : containers)
        blocks.push_back({{c}, box(*c).width, box(*c).height});
    Extent block{0, 0};
    if (style.column) {
        double y = 0;
        double width = 0;
        for (const Block &b : blocks)
            width = std::max(width, b.width);
        for (Block &b : blocks) {
            if (style.stretch)
                resize(*b.members.front(), width, b.height);
            placeBlock(b, 0, y);
            y += b.height + M::spacing;
        }
        block = {width, blocks.empty() ? 0 : y - M::spacing};
    } else if (!blocks.empty()) {
        packBlocks(blocks, 0, 0, style, block);
    }

    // The leaves form a grid: on top, as wide as the containers below it (a few balanced rows
    // when there are none), or at the left, as tall as the containers beside it; whichever
    // needs less room in a box of the flow's shape.
    const int count = static_cast<int>(leaves.size());
    const double cellWidth = M::nodeWidth + M::spacing;
    const double cellHeight = M::nodeHeight + M::spacing;
    auto gridSize = [&](int columns) {
        const int rows = (count + columns - 1) / columns;
        return std::pair(columns * cellWidth - M::spacing, rows * cellHeight - M::spacing);
    };
    int columns = 1;
    bool leavesLeft = false;
    if (count > 0 && block.right > 0) {
        const int onTop
            = std::clamp(static_cast<int>((block.right + M::spacing) / cellWidth), 1, count);
        const int rowsBeside
            = std::max(1, static_cast<int>((block.bottom + M::spacing) / cellHeight));
        const int beside = (count + rowsBeside - 1) / rowsBeside;
        const auto [topWidth, topHeight] = gridSize(onTop);
        const auto [leftWidth, leftHeight] = gridSize(beside);
        const double aspect = style.column ? 1.0 : style.targetAspect;
        const double topScore = std::max(std::max(topWidth, block.right) / aspect,
                                         topHeight + M::spacing + block.bottom);
        const double leftScore = std::max((leftWidth + M::spacing + block.right) / aspect,
                                          std::max(leftHeight, block.bottom));
        leavesLeft = m_leavesBeside && !style.column && leftScore < topScore;
        columns = leavesLeft ? beside : onTop;
    } else if (count > 0) {
        const int rows = (count + 3) / 4;
        columns = (count + rows - 1) / rows;
    }
    for (int i = 0; i < count; ++i) {
        Geometry &g = box(*leaves[static_cast<size_t>(i)]);
        g.x = originX + (i % columns) * cellWidth;
        g.y = top + (i / columns) * cellHeight;
        extent.right = std::max(extent.right, g.x + g.width);
        extent.bottom = std::max(extent.bottom, g.y + g.height);
    }

    double containerLeft = originX;
    double containerTop = top;
    if (count > 0 && leavesLeft)
        containerLeft += gridSize(columns).first + M::spacing;
    else if (count > 0)
        containerTop += gridSize(columns).second + M::spacing;
    for (const Element *c : containers) {
        Geometry &g = box(*c);
        g.x += containerLeft;
        g.y += containerTop;
        extent.right = std::max(extent.right, g.x + g.width);
        extent.bottom = std::max(extent.bottom, g.y + g.height);
    }
    return extent;
}

void AutoLayouter::alignZones(const std::vector<const Element *> &zones)
{
    // Give the n-th subnet of every zone the same height and every zone the same width, so
    // that the tiers of a multi-AZ VPC line up across the zones.
    if (zones.size() < 2)
        return;
    std::vector<double> rowHeights;
    double width = 0;
    for (const Element *zone : zones) {
        if (!isAuto(*zone))
            return;
        size_t row = 0;
        for (const Element *child : childrenOf(zone->id)) {
            const Geometry &g = box(*child);
            if (!isAuto(*child) || !Catalogue::instance().info(child->kind).container)
                return; // something else shares the zone: keep its own arrangement
            if (rowHeights.size() <= row)
                rowHeights.push_back(0);
            rowHeights[row] = std::max(rowHeights[row], g.height);
            ++row;
        }
        width = std::max(width, box(*zone).width);
    }
    for (const Element *zone : zones) {
        double y = M::titleHeight;
        size_t row = 0;
        for (const Element *child : childrenOf(zone->id)) {
            Geometry &g = box(*child);
            g.y = y;
            g.height = rowHeights[row++];
            y += g.height + M::spacing;
        }
        const double height = std::max(y - M::spacing, M::titleHeight + M::minContentHeight);
        resize(*zone, width, height + M::padding);
    }
}

void AutoLayouter::resize(const Element &element, double width, double height)
{
    if (!isAuto(element))
        return;
    Geometry &g = box(element);
    g.width = width;
    g.height = height;
    if (flowFor(element.kind, m_aspect).column) {
        for (const Element *child : childrenOf(element.id))
            if (isAuto(*child) && Catalogue::instance().info(child->kind).container)
                box(*child).width = width - 2 * M::padding;
    }
}

void AutoLayouter::placeBlock(const Block &block, double x, double y)
{
    for (const Element *member : block.members) {
        Geometry &g = box(*member);
        g.x = x;
        g.y = y;
        y += g.height + M::spacing;
    }
}

void AutoLayouter::packBlocks(std::vector<Block> &blocks,
                              double originX,
                              double originY,
                              const FlowStyle &style,
                              Extent &extent)
{
    double widest = 0;
    double total = 0;
    for (const Block &b : blocks) {
        widest = std::max(widest, b.width);
        total += b.width + M::spacing;
    }
    total -= M::spacing;

    // Rows, left to right, wrapping at \a limit; a stretching flow evens out each row's
    // heights.
    auto rows = [&](double limit, bool apply) {
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double right = 0;
        size_t rowStart = 0;
        auto finishRow = [&](size_t end) {
            if (apply && style.stretch)
                for (size_t k = rowStart; k < end; ++k)
                    if (blocks[k].members.size() == 1) {
                        resize(*blocks[k].members.front(), blocks[k].width, rowHeight);
                        blocks[k].height = rowHeight;
                    }
        };
        for (size_t i = 0; i < blocks.size(); ++i) {
            const Block &b = blocks[i];
            if (x > 0 && x + b.width > limit + 0.5) {
                finishRow(i);
                rowStart = i;
                x = 0;
                y += rowHeight + M::spacing;
                rowHeight = 0;
            }
            if (apply)
                placeBlock(b, originX + x, originY + y);
            right = std::max(right, x + b.width);
            rowHeight = std::max(rowHeight, b.height);
            x += b.width + M::spacing;
        }
        finishRow(blocks.size());
        return Extent{right, y + rowHeight};
    };

    // Bottom-left packing within \a limit: each block in turn goes to the highest free spot
    // where it fits, the leftmost on a tie, so small blocks fill the room beside tall ones.
    // Spots are the top-left corner and the corners beside and below the blocks placed.
    auto bottomLeft = [&](double limit, bool apply) {
        struct Rect
        {
            double x, y, width, height;
        };
        std::vector<Rect> placed;
        Extent e{0, 0};
        auto overlaps = [&](double x, double y, double w, double h) {
            for (const Rect &r : placed)
                if (x < r.x + r.width + M::spacing && r.x < x + w + M::spacing
                    && y < r.y + r.height + M::spacing && r.y < y + h + M::spacing)
                    return true;
            return false;
        };
        for (const Block &b : blocks) {
            std::vector<std::pair<double, double>> spots{{0, 0}}; // (y, x)
            for (const Rect &r : placed) {
                spots.emplace_back(r.y, r.x + r.width + M::spacing);
                spots.emplace_back(r.y + r.height + M::spacing, r.x);
                spots.emplace_back(r.y + r.height + M::spacing, 0);
            }
            std::sort(spots.begin(), spots.end());
            double bestX = 0;
            double bestY = e.bottom + (placed.empty() ? 0 : M::spacing);
            for (const auto &[y, x] : spots) {
                if (x + b.width <= limit + 0.5 && !overlaps(x, y, b.width, b.height)) {
                    bestX = x;
                    bestY = y;
                    break;
                }
            }
            placed.push_back({bestX, bestY, b.width, b.height});
            if (apply)
                placeBlock(b, originX + bestX, originY + bestY);
            e.right = std::max(e.right, bestX + b.width);
            e.bottom = std::max(e.bottom, bestY + b.height);
        }
        return e;
    };

    // Bottom-left packing costs the cube of the blocks; past a few dozen, plain rows.
    constexpr size_t maxPacked = 60;
    auto pack = [&](double limit, bool apply) {
        return style.stretch || blocks.size() > maxPacked ? rows(limit, apply)
                                                          : bottomLeft(limit, apply);
    };

    // Try widths between the widest block and one single row; keep the one that needs the
    // least room in a box of the target shape (the widest on a tie).
    double best = total;
    double bestScore = 0;
    bool first = true;
    constexpr int steps = 48;
    for (int step = steps; step >= 0; --step) {
        const double limit = widest + (total - widest) * step / steps;
        const Extent e = pack(limit, false);
        const double score = std::max(e.right / style.targetAspect, e.bottom);
        if (first || score < bestScore - 1e-9) {
            best = limit;
            bestScore = score;
            first = false;
        }
    }
    const Extent e = pack(best, true);
    extent.right = std::max(extent.right, originX + e.right);
    extent.bottom = std::max(extent.bottom, originY + e.bottom);
}

void AutoLayouter::arrangeTopLevel(const std::vector<const Element *> &elements)
{
    Extent extent{0, 0};
    std::vector<const Element *> placed;
    bool anyFixed = false;
    for (const Element *element : elements) {
        if (isAuto(*element)) {
            placed.push_back(element);
        } else {
            const Geometry &g = box(*element);
            extent.right = std::max(extent.right, g.x + g.width);
            extent.bottom = std::max(extent.bottom, g.y + g.height);
            anyFixed = true;
        }
    }
    if (placed.empty())
        return;
    std::stable_sort(placed.begin(), placed.end(), [](const Element *a, const Element *b) {
        return topLevelRank(a->kind) < topLevelRank(b->kind);
    });

    // Containers stand alone; leaves of the same rank stack into columns of up to four.
    std::vector<Block> blocks;
    const auto &catalogue = Catalogue::instance();
    constexpr size_t columnSize = 4;
    for (size_t i = 0; i < placed.size(); ++i) {
        const Element *element = placed[i];
        const bool leaf = !catalogue.info(element->kind).container;
        const bool joins
            = leaf && i > 0 && !blocks.empty() && blocks.back().members.size() < columnSize
              && !catalogue.info(blocks.back().members.front()->kind).container
              && topLevelRank(blocks.back().members.front()->kind) == topLevelRank(element->kind);
        const Geometry &g = box(*element);
        if (joins) {
            Block &b = blocks.back();
            b.members.push_back(element);
            b.width = std::max(b.width, g.width);
            b.height += M::spacing + g.height;
        } else {
            blocks.push_back({{element}, g.width, g.height});
        }
    }
    const FlowStyle style{false, kScreenAspect, false};
    Extent block{0, 0};
    packBlocks(blocks, 0, anyFixed ? extent.bottom + 2 * M::spacing : 0, style, block);
}

} // namespace

Layout autoLayout(const Design &design)
{
    // Try a few container shapes; keep the layout that fills a screen best (the first on a
    // tie, so the result is stable).
    Layout best;
    double bestScore = 0;
    for (const bool leavesBeside : {false, true}) {
        for (const double aspect : kContainerAspects) {
            AutoLayouter layouter(design, aspect, leavesBeside);
            Layout layout = layouter.run();
            if (best.empty() || layouter.screenScore() < bestScore - 0.5) {
                best = std::move(layout);
                bestScore = layouter.screenScore();
            }
        }
    }
    return best;
}

} // namespace heiiki::model
