#pragma once

#include "kinds.h"

#include "model/core/json.h"

#include <span>
#include <optional>
#include <string>
#include <vector>

namespace heiiki::model {

/// The value types a property can have. The loader checks values against them, the
/// inspector picks an editor by them.
enum class PropertyType {
    String,           ///< free text
    Bool,
    Int,
    Number,
    Enum,             ///< one of PropertySpec::enumValues
    Cidr,             ///< "10.0.0.0/16"
    CidrList,
    Address,          ///< a bare IPv4/IPv6 address
    StringList,
    DomainList,       ///< DNS names, a leading '.' or "*." matches sub-domains
    RouteDestination, ///< a CIDR or a prefix list id ("pl-…")
    Region,           ///< an AWS region code
    AccountId,        ///< a 12-digit account id
    Ref,              ///< the id of an element (refKinds) or link (refLinkKinds)
    RefList,
    Table,            ///< an array of objects whose members are described by columns
};

std::string_view toString(PropertyType type);

/// The description of one property of an element or link kind, or of a table column.
struct PropertySpec
{
    std::string name;
    PropertyType type = PropertyType::String;
    heiiki::Json defaultValue; ///< null: no default; the property is absent unless set
    std::string label;
    std::vector<std::string> enumValues;
    std::vector<ElementKind> refKinds;
    std::vector<LinkKind> refLinkKinds;
    bool refPolicy = false;              ///< a Ref/RefList that may name a policy document
    /// A Ref/RefList to elements of the owner's own VPC only (AWS allows no other: an
    /// instance's security groups, a NACL's subnets, an endpoint's subnets, …).
    bool sameVpc = false;
    std::vector<PropertySpec> columns;   ///< for Table
    bool required = false;               ///< for table columns: must be present in every row
    /// For Int: the smallest and largest values AWS accepts, when it limits them.
    std::optional<long long> minimum;
    std::optional<long long> maximum;
    /// For Int: when AWS allows several separate ranges (private ASNs), the ranges, lowest
    /// first; minimum and maximum are then the first range's start and the last one's end.
    std::vector<std::pair<long long, long long>> ranges;
};

enum class Category { Groups, Networking, Compute, SecurityIdentity, Connectivity, External };
std::string_view toString(Category category);

/// What the catalogue knows about an element kind.
struct ElementKindInfo
{
    ElementKind kind;
    std::string name;   ///< the name in files: "vpc"
    std::string label;  ///< the name people read: "VPC"
    Category category;
    bool container = false;
    bool topLevel = false;               ///< may stand at the root of the design
    std::vector<ElementKind> parents;    ///< kinds that may hold this kind
    std::vector<PropertySpec> properties;

    const PropertySpec *property(std::string_view propertyName) const;
};

/// One allowed pair of ends for a link kind.
struct LinkEnds
{
    std::vector<ElementKind> from;
    std::vector<ElementKind> to;
};

/// What the catalogue knows about a link kind.
struct LinkKindInfo
{
    LinkKind kind;
    std::string name;
    std::string label;
    bool directed = true;
    bool toPolicy = false;  ///< the `to` end names a policy document, not an element
    LinkEnds ends;
    std::vector<PropertySpec> properties;

    const PropertySpec *property(std::string_view propertyName) const;
};

/// The kinds of policy document a design holds.
enum class PolicyType { Identity, Trust, Resource, Endpoint, Scp, Session, PermissionsBoundary };
std::string_view toString(PolicyType type);
std::optional<PolicyType> policyTypeFromString(std::string_view name);

/// The catalogue of element and link kinds: labels, categories, properties, and the
/// containment and linking rules the loader and the canvas ask.
class Catalogue
{
public:
    static const Catalogue &instance();

    std::span<const ElementKindInfo> elementKinds() const { return m_elements; }
    std::span<const LinkKindInfo> linkKinds() const { return m_links; }

    const ElementKindInfo &info(ElementKind kind) const;
    const LinkKindInfo &info(LinkKind kind) const;

    /// May an element of \a parent kind hold one of \a child kind?
    bool mayHold(ElementKind parent, ElementKind child) const;
    /// May an element of \a kind stand at the root of a design?
    bool mayBeTopLevel(ElementKind kind) const;
    /// The link kinds that may join an element of kind \a from to one of kind \a to.
    std::vector<LinkKind> linkKindsBetween(ElementKind from, ElementKind to) const;
    /// May \a link join \a from to \a to (in that direction, or either way when undirected)?
    bool mayLink(LinkKind link, ElementKind from, ElementKind to) const;

private:
    Catalogue();
    std::vector<ElementKindInfo> m_elements;
    std::vector<LinkKindInfo> m_links;
};

} // namespace heiiki::model
