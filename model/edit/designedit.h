#pragma once

#include "../core/design.h"

#include <string_view>
#include <unordered_set>
#include <vector>

namespace heiiki::model::edit {

/// \a roots and every element nested in them, in document order, each once.
std::vector<Id> subtree(const Design &design, const std::vector<Id> &roots);

/// \a properties (of an element or link whose kind has \a specs) with every reference to an
/// id in \a removed taken out: a Ref is unset, a RefList loses the entry, a table row whose
/// Ref column names a removed id is dropped.
heiiki::Json withoutReferences(const heiiki::Json &properties,
                                 const std::vector<PropertySpec> &specs,
                                 const std::unordered_set<std::string> &removed);

/// What removing a set of objects does to a design, worked out before anything is removed so
/// that a command can keep what it needs to put everything back.
struct RemovalPlan
{
    std::vector<Id> elements; ///< the chosen elements and everything nested in them
    std::vector<Id> links;    ///< the chosen links and every link touching a removed object
    std::vector<Id> policies; ///< the chosen policy documents
    std::vector<Element> rewrittenElements; ///< kept elements that referred to removed ones
    std::vector<Link> rewrittenLinks;       ///< kept links that referred to removed ones
    bool flowsChanged = false;
    std::vector<Flow> flowsAfter; ///< the flows that still have both ends (when flowsChanged)

    bool isEmpty() const { return elements.empty() && links.empty() && policies.empty(); }
};

/// Plans the removal of \a ids (elements, links or policy documents; unknown ids are ignored)
/// so that the design stays loadable: no dangling parent, link end, reference or flow end.
RemovalPlan planRemoval(const Design &design, const std::vector<Id> &ids);

/// A self-contained piece of a design: elements (parents before children), links and policy
/// documents. What the clipboard holds and what an insertion adds.
struct Fragment
{
    std::vector<Element> elements;
    std::vector<Link> links;
    std::vector<PolicyDocument> policies;

    bool isEmpty() const { return elements.empty() && links.empty() && policies.empty(); }
};

/// Copies \a ids (elements with everything nested in them, the links between copied elements,
/// and chosen links whose ends are both copied) out of \a design. Elements whose parent is not
/// copied keep the parent's id, so a paste can put them back beside the original.
Fragment copyFragment(const Design &design, const std::vector<Id> &ids);

/// Makes \a fragment ready to insert into \a design: every object gets a fresh id, references
/// between copied objects (parents, link ends, reference properties) follow the new ids, and
/// the top elements go into \a parent (null: the top level) with their boxes moved by
/// (\a dx, \a dy). Returns an error message instead when \a parent may not hold a top element.
struct PasteResult
{
    Fragment fragment;
    std::string error;
};
PasteResult prepareInsertion(const Design &design, const Fragment &fragment, const Id &parent,
                             double dx, double dy);

/// An id not yet used in \a design nor in \a reserved, made from \a base ("vpc-main" →
/// "vpc-main", "vpc-main-2", …). A base that is not a valid id becomes "element".
Id freshId(const Design &design, std::string_view base,
           const std::unordered_set<std::string> &reserved = {});

} // namespace heiiki::model::edit
