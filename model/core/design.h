#pragma once

#include "catalogue.h"
#include "id.h"
#include "idindex.h"
#include "kinds.h"

#include "model/core/json.h"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace heiiki::model {

/// Where an element stands on the canvas, in scene units, relative to its parent.
struct Geometry
{
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    friend bool operator==(const Geometry &, const Geometry &) = default;
};

/// An AWS account the design speaks of.
struct Account
{
    std::string id; ///< 12 digits
    std::string name;
    bool external = false; ///< an account outside the organisation (an attacker's, a SaaS's)
};

/// Design-wide settings.
struct Settings
{
    std::string name;
    std::string description;
    std::vector<std::string> allowedRegions;       ///< region codes data may live in
    std::vector<std::string> organizationAccounts; ///< the company's own account ids
    std::string organizationId;                    ///< "o-…", optional
};

/// One element: a node or a container on the canvas.
///
/// What lookups and rules read of every element (its id, kind and properties) fills its
/// first cache line: a validation of a large design touches each element several times, and
/// most of those touches then cost one line fetched from memory instead of two or three.
struct alignas(64) Element
{
    Id id;
    ElementKind kind = ElementKind::Vpc;
    heiiki::Json properties = heiiki::Json::object(); ///< only the values that were set
    Id parent; ///< null: at the root of the design
    std::string name;
    std::optional<Geometry> geometry;

    /// The value of \a property: the one set, else the catalogue's default, else null.
    const heiiki::Json &property(std::string_view property) const;
};

/// One link between two elements (or, for `policy`, an element and a policy document).
struct Link
{
    Id id;
    LinkKind kind = LinkKind::TgwAttachment;
    std::string name;
    Id from;
    Id to;
    heiiki::Json properties = heiiki::Json::object();

    const heiiki::Json &property(std::string_view property) const;
};

/// An IAM policy document kept in the design.
struct PolicyDocument
{
    Id id;
    std::string name;
    PolicyType type = PolicyType::Identity;
    heiiki::Json document = heiiki::Json::object(); ///< the IAM JSON as written
};

/// What a flow is aimed at.
struct FlowTarget
{
    enum class Kind { Element, Domain, Service, Cidr };
    Kind kind = Kind::Element;
    std::string value; ///< element id, DNS name, service name ("s3") or CIDR
    friend bool operator==(const FlowTarget &, const FlowTarget &) = default;
};

/// An intended (or forbidden) traffic flow.
struct Flow
{
    Id id;
    std::string name;
    Id source;
    FlowTarget target;
    std::string protocol = "tcp";
    int port = 443;
    double gbPerMonth = 0;
    bool mustSucceed = true; ///< false: the flow must be impossible
    std::string via;         ///< "" or "session-manager"
};

/// True when every part of \a what (the comma-separated parts an element change names, as
/// DesignObserver::elementChanged() passes them: "name", "geometry", "properties" …) is one
/// of \a parts; true for an empty \a what.
bool changesOnly(std::string_view what, std::initializer_list<std::string_view> parts);

/// True when \a what names only elements' names and places on the canvas: nothing a rule
/// decides on (rules name elements in their texts only).
inline bool changesOnlyNamesOrPlaces(std::string_view what)
{
    return changesOnly(what, {"name", "geometry"});
}

/// Receives the model's change announcements. Views and the UI adapter implement it.
class DesignObserver
{
public:
    virtual ~DesignObserver() = default;
    virtual void elementAdded(const Id &) {}
    virtual void elementRemoved(const Id &) {}
    virtual void elementChanged(const Id &, std::string_view /*what*/) {}
    virtual void linkAdded(const Id &) {}
    virtual void linkRemoved(const Id &) {}
    virtual void linkChanged(const Id &) {}
    virtual void policyAdded(const Id &) {}
    virtual void policyRemoved(const Id &) {}
    virtual void policyChanged(const Id &) {}
    /// Settings, accounts or flows changed; \a what names which ("settings", "accounts",
    /// "flows").
    virtual void designChanged(std::string_view /*what*/) {}
    virtual void designReset() {}
    /// The design is being destroyed: forget it.
    virtual void designDestroyed() {}
};

/// A closed-network design: the single source of truth that views, rules and exports read.
/// The design owns its elements, links, policies and flows; pointers it hands out stay valid
/// until that object is removed.
class Design
{
public:
    Design() = default;
    ~Design();
    Design(const Design &other);
    /// Copy and move assignment keep this design's observers (not the other's) and announce
    /// a reset to them.
    Design &operator=(const Design &other);
    Design(Design &&) noexcept = default;
    Design &operator=(Design &&other) noexcept;

    Settings &settings() { return m_settings; }
    const Settings &settings() const { return m_settings; }
    std::vector<Account> &accounts() { return m_accounts; }
    const std::vector<Account> &accounts() const { return m_accounts; }
    const Account *account(std::string_view accountId) const;

    // Elements, in document order.
    const std::vector<std::unique_ptr<Element>> &elements() const { return m_elements; }
    const Element *element(const Id &id) const;
    Element *element(const Id &id);
    Element &addElement(Element element); ///< the id must be free
    /// Inserts \a element at \a index in document order (clamped to the end).
    Element &insertElement(Element element, size_t index);
    void removeElement(const Id &id);     ///< does not touch children or links
    /// Replaces the element with \a element's id by \a element, keeping its place in document
    /// order, and announces what changed ("name", "parent", "properties", "geometry",
    /// comma-separated). Returns false when there is no such element.
    bool replaceElement(const Element &element);
    /// The position of element \a id in document order, or npos.
    size_t elementIndex(const Id &id) const;
    std::vector<const Element *> children(const Id &parent) const;
    /// The nearest ancestor (or the element itself) of \a kind, or nullptr.
    const Element *ancestor(const Id &id, ElementKind kind) const;
    /// The region code an element lives in: its own region ancestor's, or "".
    std::string regionOf(const Id &id) const;
    /// The id of the AWS account an element lives in: its account ancestor's, or "".
    std::string accountOf(const Id &id) const;

    const std::vector<std::unique_ptr<Link>> &links() const { return m_links; }
    const Link *link(const Id &id) const;
    Link *link(const Id &id);
    Link &addLink(Link link);
    Link &insertLink(Link link, size_t index);
    void removeLink(const Id &id);
    bool replaceLink(const Link &link); ///< keeps its place; announces linkChanged
    size_t linkIndex(const Id &id) const;

    const std::vector<std::unique_ptr<PolicyDocument>> &policies() const { return m_policies; }
    const PolicyDocument *policy(const Id &id) const;
    PolicyDocument &addPolicy(PolicyDocument policy);
    PolicyDocument &insertPolicy(PolicyDocument policy, size_t index);
    void removePolicy(const Id &id);
    bool replacePolicy(const PolicyDocument &policy); ///< keeps its place; policyChanged
    size_t policyIndex(const Id &id) const;

    std::vector<Flow> &flows() { return m_flows; }
    const std::vector<Flow> &flows() const { return m_flows; }

    /// True when any element, link, policy or flow already uses \a id.
    bool isIdTaken(const Id &id) const;

    void addObserver(DesignObserver *observer);
    void removeObserver(DesignObserver *observer);
    /// Announce a change made through a non-const accessor.
    void notifyElementChanged(const Id &id, std::string_view what);
    void notifyLinkChanged(const Id &id);
    void notifyDesignChanged(std::string_view what);
    void notifyReset();

    static constexpr size_t npos = static_cast<size_t>(-1);

private:
    void rebuildIndex();

    Settings m_settings;
    std::vector<Account> m_accounts;
    std::vector<std::unique_ptr<Element>> m_elements;
    std::vector<std::unique_ptr<Link>> m_links;
    std::vector<std::unique_ptr<PolicyDocument>> m_policies;
    std::vector<Flow> m_flows;
    IdIndex<Element> m_elementIndex;
    IdIndex<Link> m_linkIndex;
    IdIndex<PolicyDocument> m_policyIndex;
    std::vector<DesignObserver *> m_observers;
};

} // namespace heiiki::model
