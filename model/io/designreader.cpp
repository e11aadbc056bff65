#include "designreader.h"

#include "../core/cidr.h"
#include "../core/regions.h"
#include "containment.h"
#include "jsonlocator.h"
#include "readertext.h"

#include <algorithm>
#include <climits>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace heiiki::model::io {

using json = heiiki::Json;
using namespace text;

namespace {

class Reader : public RefResolver
{
public:
    explicit Reader(const json &doc) : m_doc(doc) {}

    ReadResult run();

    std::optional<ElementKind> elementKind(const std::string &id) const override
    {
        auto it = m_elementKinds.find(id);
        if (it == m_elementKinds.end())
            return std::nullopt;
        return it->second;
    }
    std::optional<LinkKind> linkKind(const std::string &id) const override
    {
        auto it = m_linkKinds.find(id);
        if (it == m_linkKinds.end())
            return std::nullopt;
        return it->second;
    }
    bool isPolicy(const std::string &id) const override { return m_policyIds.count(id) > 0; }

private:
    void error(std::string pointer, std::string message)
    {
        m_errors.push_back({std::move(pointer), std::move(message)});
    }
    bool expectType(const json &v, json::value_t type, const std::string &pointer,
                    const char *what);
    void checkMembers(const json &obj, const std::string &pointer,
                      std::initializer_list<const char *> allowed);
    std::optional<std::string> stringMember(const json &obj, const char *name,
                                            const std::string &pointer, bool required);
    void collectIds();
    void readSettings(Design &design);
    void readAccounts(Design &design);
    void readElements(Design &design);
    void readLinks(Design &design);
    void readPolicies(Design &design);
    void readFlows(Design &design);
    void checkProperties(const json &props, const std::vector<PropertySpec> &specs,
                         const std::string &pointer, const std::string &kindName);

    const json &m_doc;
    LoadErrors m_errors;
    std::unordered_map<std::string, ElementKind> m_elementKinds;
    std::unordered_map<std::string, LinkKind> m_linkKinds;
    std::unordered_set<std::string> m_policyIds;
    std::unordered_set<std::string> m_accountIds;
    std::vector<std::string> m_elementPointers; // parallel to the design's elements
};

bool Reader::expectType(const json &v, json::value_t type, const std::string &pointer,
                        const char *what)
{
    const bool ok = v.type() == type
                    || (type == json::value_t::number_integer && v.is_number_unsigned())
                    || (type == json::value_t::number_float && v.is_number());
    if (!ok)
        error(pointer, std::string("must be ") + what + ", not " + typeName(v));
    return ok;
}

void Reader::checkMembers(const json &obj, const std::string &pointer,
                          std::initializer_list<const char *> allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
                                       [&](const char *a) { return it.key() == a; });
        if (!known)
            error(pointer + "/" + escapePointerToken(it.key()),
                  "unknown member " + inQuotes(it.key()));
    }
}

std::optional<std::string> Reader::stringMember(const json &obj, const char *name,
                                                const std::string &pointer, bool required)
{
    auto it = obj.find(name);
    if (it == obj.end()) {
        if (required)
            error(pointer, std::string("missing member \"") + name + "\"");
        return std::nullopt;
    }
    if (!expectType(*it, json::value_t::string, pointer + "/" + name, "a string"))
        return std::nullopt;
    return it->get<std::string>();
}

ReadResult Reader::run()
{
    if (!m_doc.is_object())
        return {std::nullopt, {{"", "the file must hold a JSON object, not " + typeName(m_doc)}}};
    checkMembers(m_doc, "",
                 {"format", "schemaVersion", "settings", "accounts", "elements", "links",
                  "policies", "flows", "$schema"});
    const auto format = m_doc.find("format");
    if (format == m_doc.end() || !format->is_string() || *format != "heiiki-design")
        error("/format", "not a Heiiki design: \"format\" must be \"heiiki-design\"");

    Design design;
    collectIds();
    readSettings(design);
    readAccounts(design);
    readElements(design);
    readLinks(design);
    readPolicies(design);
    readFlows(design);
    checkContainment(design, m_elementPointers, m_errors);
    if (!m_errors.empty())
        return {std::nullopt, std::move(m_errors)};
    return {std::move(design), {}};
}

void Reader::collectIds()
{
    std::unordered_map<std::string, std::string> seen; // id → pointer of its first use
    auto collect = [&](const char *section, auto &&record) {
        auto it = m_doc.find(section);
        if (it == m_doc.end() || !it->is_array())
            return;
        for (size_t i = 0; i < it->size(); ++i) {
            const json &item = (*it)[i];
            const std::string pointer = std::string("/") + section + "/" + std::to_string(i);
            if (!item.is_object())
                continue;
            auto idIt = item.find("id");
            if (idIt == item.end() || !idIt->is_string())
                continue;
            const std::string id = idIt->get<std::string>();
            if (!Id::isValid(id)) {
                error(pointer + "/id", "invalid id " + inQuotes(id)
                                           + ": use letters, digits and ._:- (a letter or digit "
                                             "first, at most 128 characters)");
                continue;
            }
            auto [pos, fresh] = seen.emplace(id, pointer);
            if (!fresh) {
                error(pointer + "/id", "duplicate id " + inQuotes(id) + " (first used at "
                                           + pos->second + ")");
                continue;
            }
            record(item, id);
        }
    };
    collect("elements", [&](const json &item, const std::string &id) {
        auto k = item.find("kind");
        if (k != item.end() && k->is_string())
            if (auto kind = elementKindFromString(k->get<std::string>()))
                m_elementKinds.emplace(id, *kind);
    });
    collect("links", [&](const json &item, const std::string &id) {
        auto k = item.find("kind");
        if (k != item.end() && k->is_string())
            if (auto kind = linkKindFromString(k->get<std::string>()))
                m_linkKinds.emplace(id, *kind);
    });
    collect("policies", [&](const json &, const std::string &id) { m_policyIds.insert(id); });
    collect("flows", [&](const json &, const std::string &) {});
}

void Reader::readSettings(Design &design)
{
    auto it = m_doc.find("settings");
    if (it == m_doc.end()) {
        error("", "missing member \"settings\"");
        return;
    }
    if (!expectType(*it, json::value_t::object, "/settings", "an object"))
        return;
    const json &s = *it;
    checkMembers(s, "/settings",
                 {"name", "description", "allowedRegions", "organizationAccounts",
                  "organizationId"});
    Settings &settings = design.settings();
    settings.name = stringMember(s, "name", "/settings", true).value_or("");
    settings.description = stringMember(s, "description", "/settings", false).value_or("");
    settings.organizationId = stringMember(s, "organizationId", "/settings", false).value_or("");
    auto readList = [&](const char *name, auto &&check, std::vector<std::string> &out) {
        auto l = s.find(name);
        if (l == s.end())
            return;
        const std::string pointer = std::string("/settings/") + name;
        if (!expectType(*l, json::value_t::array, pointer, "an array of strings"))
            return;
        for (size_t i = 0; i < l->size(); ++i) {
            const std::string p = pointer + "/" + std::to_string(i);
            if (!expectType((*l)[i], json::value_t::string, p, "a string"))
                continue;
            const std::string v = (*l)[i].get<std::string>();
            if (check(v, p))
                out.push_back(v);
        }
    };
    readList("allowedRegions", [&](const std::string &v, const std::string &p) {
        if (findRegion(v))
            return true;
        error(p, "unknown region code " + inQuotes(v));
        return false;
    }, settings.allowedRegions);
    readList("organizationAccounts", [&](const std::string &v, const std::string &p) {
        if (isAccountId(v))
            return true;
        error(p, inQuotes(v) + " is not an account id (12 digits)");
        return false;
    }, settings.organizationAccounts);
}

void Reader::readAccounts(Design &design)
{
    auto it = m_doc.find("accounts");
    if (it == m_doc.end())
        return;
    if (!expectType(*it, json::value_t::array, "/accounts", "an array"))
        return;
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string pointer = "/accounts/" + std::to_string(i);
        const json &a = (*it)[i];
        if (!expectType(a, json::value_t::object, pointer, "an object"))
            continue;
        checkMembers(a, pointer, {"id", "name", "external"});
        Account account;
        account.id = stringMember(a, "id", pointer, true).value_or("");
        account.name = stringMember(a, "name", pointer, false).value_or("");
        if (auto e = a.find("external"); e != a.end()
            && expectType(*e, json::value_t::boolean, pointer + "/external", "true or false"))
            account.external = e->get<bool>();
        if (!a.contains("id"))
            continue; // reported as a missing member
        if (!isAccountId(account.id)) {
            error(pointer + "/id", inQuotes(account.id) + " is not an account id (12 digits)");
            continue;
        }
        if (!m_accountIds.insert(account.id).second) {
            error(pointer + "/id", "duplicate account " + inQuotes(account.id));
            continue;
        }
        design.accounts().push_back(std::move(account));
    }
}

void Reader::checkProperties(const json &props, const std::vector<PropertySpec> &specs,
                             const std::string &pointer, const std::string &kindName)
{
    for (auto it = props.begin(); it != props.end(); ++it) {
        const std::string p = pointer + "/" + escapePointerToken(it.key());
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const PropertySpec &s) { return s.name == it.key(); });
        if (spec == specs.end()) {
            error(p, article(kindName) + " has no property " + inQuotes(it.key()));
            continue;
        }
        checkValue(*spec, *it, p, this, m_errors);
    }
}

void Reader::readElements(Design &design)
{
    auto it = m_doc.find("elements");
    if (it == m_doc.end())
        return;
    if (!expectType(*it, json::value_t::array, "/elements", "an array"))
        return;
    const auto &catalogue = Catalogue::instance();
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string pointer = "/elements/" + std::to_string(i);
        const json &e = (*it)[i];
        if (!expectType(e, json::value_t::object, pointer, "an object"))
            continue;
        checkMembers(e, pointer, {"id", "kind", "name", "parent", "properties", "geometry"});
        Element element;
        const auto id = stringMember(e, "id", pointer, true);
        const auto kindName = stringMember(e, "kind", pointer, true);
        if (!id || !kindName)
            continue;
        const auto kind = elementKindFromString(*kindName);
        if (!kind) {
            error(pointer + "/kind", "unknown element kind " + inQuotes(*kindName));
            continue;
        }
        if (!Id::isValid(*id) || design.element(Id(*id)))
            continue; // reported while collecting ids
        element.id = Id(*id);
        element.kind = *kind;
        element.name = stringMember(e, "name", pointer, false).value_or("");
        if (auto parent = stringMember(e, "parent", pointer, false))
            element.parent = Id(*parent);
        if (auto p = e.find("properties"); p != e.end()
            && expectType(*p, json::value_t::object, pointer + "/properties", "an object")) {
            checkProperties(*p, catalogue.info(*kind).properties, pointer + "/properties",
                            catalogue.info(*kind).label);
            element.properties = *p;
        }
        if (auto g = e.find("geometry"); g != e.end()
            && expectType(*g, json::value_t::object, pointer + "/geometry", "an object")) {
            checkMembers(*g, pointer + "/geometry", {"x", "y", "width", "height"});
            Geometry geometry;
            double *fields[] = {&geometry.x, &geometry.y, &geometry.width, &geometry.height};
            const char *names[] = {"x", "y", "width", "height"};
            bool ok = true;
            for (int f = 0; f < 4; ++f) {
                auto v = g->find(names[f]);
                if (v == g->end()) {
                    error(pointer + "/geometry", std::string("missing member \"") + names[f] + "\"");
                    ok = false;
                } else if (expectType(*v, json::value_t::number_float,
                                      pointer + "/geometry/" + names[f], "a number")) {
                    *fields[f] = v->get<double>();
                } else {
                    ok = false;
                }
            }
            if (ok && (geometry.width < 0 || geometry.height < 0)) {
                error(pointer + "/geometry", "width and height must not be negative");
                ok = false;
            }
            if (ok)
                element.geometry = geometry;
        }
        if (element.kind == ElementKind::Account) {
            const auto &accountId = element.property("accountId");
            if (accountId.is_string() && !m_accountIds.count(accountId.get<std::string>()))
                error(pointer + "/properties/accountId",
                      "account " + inQuotes(accountId.get<std::string>())
                          + " is not listed in \"accounts\"");
        }
        design.addElement(std::move(element));
        m_elementPointers.push_back(pointer);
    }
}

void Reader::readLinks(Design &design)
{
    auto it = m_doc.find("links");
    if (it == m_doc.end())
        return;
    if (!expectType(*it, json::value_t::array, "/links", "an array"))
        return;
    const auto &catalogue = Catalogue::instance();
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string pointer = "/links/" + std::to_string(i);
        const json &l = (*it)[i];
        if (!expectType(l, json::value_t::object, pointer, "an object"))
            continue;
        checkMembers(l, pointer, {"id", "kind", "name", "from", "to", "properties"});
        const auto id = stringMember(l, "id", pointer, true);
        const auto kindName = stringMember(l, "kind", pointer, true);
        const auto from = stringMember(l, "from", pointer, true);
        const auto to = stringMember(l, "to", pointer, true);
        if (!id || !kindName || !from || !to)
            continue;
        const auto kind = linkKindFromString(*kindName);
        if (!kind) {
            error(pointer + "/kind", "unknown link kind " + inQuotes(*kindName));
            continue;
        }
        if (!Id::isValid(*id) || design.isIdTaken(Id(*id)))
            continue;
        const auto &info = catalogue.info(*kind);
        const Element *fromElement = design.element(Id(*from));
        if (!fromElement) {
            error(pointer + "/from", inQuotes(*from) + " is not an element of this design");
            continue;
        }
        if (info.toPolicy) {
            const auto &kinds = info.ends.from;
            if (std::find(kinds.begin(), kinds.end(), fromElement->kind) == kinds.end())
                error(pointer + "/from", "a policy cannot be attached to "
                                             + article(catalogue.info(fromElement->kind).label));
            if (!m_policyIds.count(*to))
                error(pointer + "/to", inQuotes(*to) + " is not a policy document of this design");
        } else {
            const auto toKind = elementKind(*to);
            if (!toKind) {
                error(pointer + "/to", inQuotes(*to) + " is not an element of this design");
                continue;
            }
            if (!catalogue.mayLink(*kind, fromElement->kind, *toKind))
                error(pointer, article(info.label) + " cannot join "
                                   + article(catalogue.info(fromElement->kind).label) + " to "
                                   + article(catalogue.info(*toKind).label));
        }
        Link link;
        link.id = Id(*id);
        link.kind = *kind;
        link.name = stringMember(l, "name", pointer, false).value_or("");
        link.from = Id(*from);
        link.to = Id(*to);
        if (auto p = l.find("properties"); p != l.end()
            && expectType(*p, json::value_t::object, pointer + "/properties", "an object")) {
            checkProperties(*p, info.properties, pointer + "/properties", info.label);
            link.properties = *p;
        }
        design.addLink(std::move(link));
    }
}

void Reader::readPolicies(Design &design)
{
    auto it = m_doc.find("policies");
    if (it == m_doc.end())
        return;
    if (!expectType(*it, json::value_t::array, "/policies", "an array"))
        return;
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string pointer = "/policies/" + std::to_string(i);
        const json &p = (*it)[i];
        if (!expectType(p, json::value_t::object, pointer, "an object"))
            continue;
        checkMembers(p, pointer, {"id", "name", "type", "document"});
        const auto id = stringMember(p, "id", pointer, true);
        const auto type = stringMember(p, "type", pointer, true);
        if (!id || !type)
            continue;
        const auto policyType = policyTypeFromString(*type);
        if (!policyType) {
            error(pointer + "/type", "unknown policy type " + inQuotes(*type)
                                         + " (identity, trust, resource, endpoint, scp, session, "
                                           "permissions-boundary)");
            continue;
        }
        auto d = p.find("document");
        if (d == p.end()) {
            error(pointer, "missing member \"document\"");
            continue;
        }
        if (!expectType(*d, json::value_t::object, pointer + "/document", "a JSON object"))
            continue;
        if (!Id::isValid(*id) || design.isIdTaken(Id(*id)))
            continue;
        design.addPolicy({Id(*id), stringMember(p, "name", pointer, false).value_or(""),
                          *policyType, *d});
    }
}

void Reader::readFlows(Design &design)
{
    auto it = m_doc.find("flows");
    if (it == m_doc.end())
        return;
    if (!expectType(*it, json::value_t::array, "/flows", "an array"))
        return;
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string pointer = "/flows/" + std::to_string(i);
        const json &f = (*it)[i];
        if (!expectType(f, json::value_t::object, pointer, "an object"))
            continue;
        checkMembers(f, pointer,
                     {"id", "name", "source", "target", "protocol", "port", "gbPerMonth", "expect",
                      "via"});
        Flow flow;
        const auto id = stringMember(f, "id", pointer, true);
        const auto source = stringMember(f, "source", pointer, true);
        if (!id || !source)
            continue;
        flow.id = Id(*id);
        flow.name = stringMember(f, "name", pointer, false).value_or("");
        flow.source = Id(*source);
        if (!design.element(flow.source))
            error(pointer + "/source", inQuotes(*source) + " is not an element of this design");
        auto t = f.find("target");
        if (t == f.end()) {
            error(pointer, "missing member \"target\"");
        } else if (expectType(*t, json::value_t::object, pointer + "/target", "an object")) {
            if (t->size() != 1) {
                error(pointer + "/target", "must name exactly one of \"element\", \"domain\", "
                                           "\"service\" or \"cidr\"");
            } else {
                const std::string key = t->begin().key();
                const std::string p = pointer + "/target/" + escapePointerToken(key);
                static const std::pair<const char *, FlowTarget::Kind> kinds[] = {
                    {"element", FlowTarget::Kind::Element},
                    {"domain", FlowTarget::Kind::Domain},
                    {"service", FlowTarget::Kind::Service},
                    {"cidr", FlowTarget::Kind::Cidr}};
                auto k = std::find_if(std::begin(kinds), std::end(kinds),
                                      [&](const auto &pair) { return key == pair.first; });
                if (k == std::end(kinds)) {
                    error(p, "unknown flow target " + inQuotes(key)
                                 + " (element, domain, service or cidr)");
                } else if (expectType(t->begin().value(), json::value_t::string, p, "a string")) {
                    flow.target = {k->second, t->begin().value().get<std::string>()};
                    std::string why;
                    if (flow.target.kind == FlowTarget::Kind::Element
                        && !design.element(Id(flow.target.value)))
                        error(p, inQuotes(flow.target.value) + " is not an element of this design");
                    else if (flow.target.kind == FlowTarget::Kind::Cidr
                             && !Cidr::parse(flow.target.value, &why))
                        error(p, "invalid CIDR " + inQuotes(flow.target.value) + ": " + why);
                    else if (flow.target.kind == FlowTarget::Kind::Domain
                             && !isDomain(flow.target.value))
                        error(p, inQuotes(flow.target.value) + " is not a DNS name");
                }
            }
        }
        if (auto proto = stringMember(f, "protocol", pointer, false)) {
            if (*proto != "tcp" && *proto != "udp" && *proto != "icmp")
                error(pointer + "/protocol", "protocol must be tcp, udp or icmp");
            flow.protocol = *proto;
        }
        if (auto port = f.find("port"); port != f.end()
            && expectType(*port, json::value_t::number_integer, pointer + "/port",
                          "a whole number")) {
            const bool tooLarge = port->is_number_unsigned() && port->get<uint64_t>() > 65535;
            const int64_t value = tooLarge ? -1 : port->get<int64_t>();
            if (tooLarge || value < 0 || value > 65535)
                error(pointer + "/port", "a port must be 0 to 65535");
            else
                flow.port = static_cast<int>(value);
        }
        if (auto gb = f.find("gbPerMonth"); gb != f.end()
            && expectType(*gb, json::value_t::number_float, pointer + "/gbPerMonth", "a number")) {
            flow.gbPerMonth = gb->get<double>();
            if (flow.gbPerMonth < 0)
                error(pointer + "/gbPerMonth", "must not be negative");
        }
        if (auto expect = stringMember(f, "expect", pointer, false)) {
            if (*expect != "succeed" && *expect != "blocked")
                error(pointer + "/expect", "expect must be \"succeed\" or \"blocked\"");
            flow.mustSucceed = *expect != "blocked";
        }
        if (auto via = stringMember(f, "via", pointer, false)) {
            if (*via != "session-manager")
                error(pointer + "/via", "via must be \"session-manager\" when given");
            flow.via = *via;
        }
        design.flows().push_back(std::move(flow));
    }
}

} // namespace

ReadResult readDesign(const json &document)
{
    return Reader(document).run();
}

} // namespace heiiki::model::io
