#include "net018overlappingcidrs.h"

#include "../../core/cidr.h"
#include "../../core/design.h"
#include "../designpaths.h"
#include "../validationcontext.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace heiiki::model::rules {

namespace {

/// Union-find over the transitive connectors of a design (Transit Gateways, Direct Connect
/// gateways, connections, VIFs, VGWs). Networks (VPCs, corporate DCs) hang off them but do
/// not join them: a VPC is not a transit between two hubs.
class Hubs
{
public:
    int node(const Id &id)
    {
        auto [it, fresh] = m_index.emplace(id, static_cast<int>(m_parent.size()));
        if (fresh)
            m_parent.push_back(it->second);
        return it->second;
    }
    int root(int n)
    {
        while (m_parent[n] != n)
            n = m_parent[n] = m_parent[m_parent[n]];
        return n;
    }
    void join(const Id &a, const Id &b)
    {
        const int ra = root(node(a)), rb = root(node(b));
        if (ra != rb)
            m_parent[ra] = rb;
    }

private:
    std::unordered_map<Id, int> m_index;
    std::vector<int> m_parent;
};

struct Block
{
    Cidr cidr;
    Id network;
    std::string text;
};

bool isNetwork(ElementKind k)
{
    return k == ElementKind::Vpc || k == ElementKind::CorporateDc;
}

} // namespace

void Net018OverlappingCidrs::check(const ValidationContext &context, std::vector<Finding> &findings) const
{
    const Design &design = context.design();
    Hubs hubs;
    std::vector<std::pair<Id, Id>> attachments; // network → hub element
    std::vector<std::pair<Id, Id>> peerings;    // network ↔ network, not transitive
    std::unordered_map<Id, Id> via;             // hub root element → a hub to name

    for (const auto &l : design.links()) {
        const Element *from = design.element(l->from);
        const Element *to = design.element(l->to);
        if (!from || !to)
            continue;
        switch (l->kind) {
        case LinkKind::VpcPeering:
            peerings.emplace_back(l->from, l->to);
            break;
        case LinkKind::TgwAttachment:
        case LinkKind::VgwAttachment:
        case LinkKind::DxLink:
            // One end is a network, the other a hub.
            if (isNetwork(from->kind))
                attachments.emplace_back(l->from, l->to);
            else
                attachments.emplace_back(l->to, l->from);
            hubs.node(isNetwork(from->kind) ? l->to : l->from);
            break;
        case LinkKind::DxAssociation: {
            hubs.join(l->from, l->to);
            const auto &vif = l->property("vif");
            if (vif.is_string() && design.element(Id(vif.get<std::string>())))
                hubs.join(l->from, Id(vif.get<std::string>()));
            break;
        }
        case LinkKind::VifOn:
            hubs.join(l->from, l->to);
            break;
        default:
            break;
        }
    }

    // The CIDR blocks of every network.
    std::unordered_map<Id, std::vector<Block>> blocks;
    for (const auto &e : design.elements()) {
        if (!isNetwork(e->kind))
            continue;
        const auto &cidrs = e->property("cidrs");
        if (!cidrs.is_array())
            continue;
        for (const auto &c : cidrs) {
            if (!c.is_string())
                continue;
            if (auto cidr = Cidr::parse(c.get<std::string>()))
                blocks[e->id].push_back({*cidr, e->id, c.get<std::string>()});
        }
    }

    // Networks per hub component, and a hub to name for each component.
    // A network attached twice to one component (two attachments, or a TGW and a DX path)
    // is listed once, in the order of its first attachment.
    std::map<int, std::vector<Id>> components;
    std::map<int, Id> componentHub;
    std::set<std::pair<int, Id>> members;
    for (const auto &[network, hub] : attachments) {
        const int r = hubs.root(hubs.node(hub));
        if (members.emplace(r, network).second)
            components[r].push_back(network);
        componentHub.emplace(r, hub);
    }

    std::set<std::pair<std::string, std::string>> reported;
    auto report = [&](const Block &a, const Block &b, const std::string &how) {
        auto key = std::minmax(a.network.str(), b.network.str());
        if (!reported.insert({key.first, key.second}).second)
            return;
        Finding f;
        f.ruleId = std::string(id());
        f.severity = severity();
        f.elements = {a.network, b.network};
        f.message = describe(design, a.network) + " (" + a.text + ") and "
                    + describe(design, b.network) + " (" + b.text + ") overlap and are "
                    + "connected " + how + ": addresses in the shared range cannot be routed "
                    + "to both, so traffic goes to the wrong network or nowhere.";
        f.fix = "Re-address one of them from the organisation's IP plan so that no block "
                "overlaps, or disconnect them.";
        f.path = pointerOf(design, a.network) + "/properties/cidrs";
        findings.push_back(std::move(f));
    };

    auto checkGroup = [&](const std::vector<Id> &networks, const std::string &how) {
        std::vector<const Block *> all;
        for (const auto &n : networks)
            for (const auto &b : blocks[n])
                all.push_back(&b);
        std::sort(all.begin(), all.end(), [](const Block *x, const Block *y) {
            if (x->cidr.family() != y->cidr.family())
                return x->cidr.family() < y->cidr.family();
            return x->cidr.first() < y->cidr.first();
        });
        // Sweep: keep the blocks whose range is still open.
        std::vector<const Block *> open;
        for (const Block *b : all) {
            open.erase(std::remove_if(open.begin(), open.end(),
                                      [&](const Block *o) {
                                          return o->cidr.family() != b->cidr.family()
                                                 || o->cidr.last() < b->cidr.first();
                                      }),
                       open.end());
            for (const Block *o : open)
                if (o->network != b->network && o->cidr.overlaps(b->cidr))
                    report(*o, *b, how);
            open.push_back(b);
        }
    };

    for (const auto &[root, networks] : components)
        checkGroup(networks, "through " + describe(design, componentHub[root]));
    for (const auto &[a, b] : peerings)
        checkGroup({a, b}, "by VPC peering");
}

} // namespace heiiki::model::rules
