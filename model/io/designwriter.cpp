#include "designwriter.h"

#include "migration.h"

namespace heiiki::model::io {

using json = heiiki::Json;

namespace {

json flowTargetJson(const FlowTarget &t)
{
    static const char *names[] = {"element", "domain", "service", "cidr"};
    return json{{names[static_cast<int>(t.kind)], t.value}};
}

} // namespace

json writeDesign(const Design &design)
{
    json doc = json::object();
    doc["format"] = "heiiki-design";
    doc["schemaVersion"] = kCurrentSchemaVersion;

    const Settings &s = design.settings();
    json settings{{"name", s.name}, {"allowedRegions", s.allowedRegions},
                  {"organizationAccounts", s.organizationAccounts}};
    if (!s.description.empty())
        settings["description"] = s.description;
    if (!s.organizationId.empty())
        settings["organizationId"] = s.organizationId;
    doc["settings"] = settings;

    json accounts = json::array();
    for (const auto &a : design.accounts()) {
        json account{{"id", a.id}, {"name", a.name}};
        if (a.external)
            account["external"] = true;
        accounts.push_back(account);
    }
    doc["accounts"] = accounts;

    json elements = json::array();
    for (const auto &e : design.elements()) {
        json element{{"id", e->id.str()}, {"kind", std::string(toString(e->kind))}};
        if (!e->name.empty())
            element["name"] = e->name;
        if (!e->parent.isNull())
            element["parent"] = e->parent.str();
        if (!e->properties.empty())
            element["properties"] = e->properties;
        if (e->geometry)
            element["geometry"] = {{"x", e->geometry->x}, {"y", e->geometry->y},
                                   {"width", e->geometry->width},
                                   {"height", e->geometry->height}};
        elements.push_back(std::move(element));
    }
    doc["elements"] = elements;

    json links = json::array();
    for (const auto &l : design.links()) {
        json link{{"id", l->id.str()}, {"kind", std::string(toString(l->kind))},
                  {"from", l->from.str()}, {"to", l->to.str()}};
        if (!l->name.empty())
            link["name"] = l->name;
        if (!l->properties.empty())
            link["properties"] = l->properties;
        links.push_back(std::move(link));
    }
    doc["links"] = links;

    json policies = json::array();
    for (const auto &p : design.policies()) {
        json policy{{"id", p->id.str()}, {"type", std::string(toString(p->type))},
                    {"document", p->document}};
        if (!p->name.empty())
            policy["name"] = p->name;
        policies.push_back(std::move(policy));
    }
    doc["policies"] = policies;

    json flows = json::array();
    for (const auto &f : design.flows()) {
        json flow{{"id", f.id.str()}, {"source", f.source.str()},
                  {"target", flowTargetJson(f.target)}, {"protocol", f.protocol},
                  {"port", f.port}, {"expect", f.mustSucceed ? "succeed" : "blocked"}};
        if (!f.name.empty())
            flow["name"] = f.name;
        if (f.gbPerMonth != 0)
            flow["gbPerMonth"] = f.gbPerMonth;
        if (!f.via.empty())
            flow["via"] = f.via;
        flows.push_back(std::move(flow));
    }
    doc["flows"] = flows;
    return doc;
}

std::string designToText(const Design &design)
{
    return writeDesign(design).dump(2) + "\n";
}

} // namespace heiiki::model::io
