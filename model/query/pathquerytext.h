#pragma once

#include "../core/design.h"
#include "../network/pathengine.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model {

/// Reading the ends of a reachability query from text, as `heiiki path --from/--to` and the
/// designer's trace tool take them, so that both understand the same words.

/// What is wrong with the text of a query's destination.
enum class PathTargetProblem {
    None,
    BadCidr, ///< has a '/' but is not a valid CIDR (see PathTarget::detail)
    Unknown, ///< not an element, CIDR, address, domain or known AWS service
};

/// A query's destination read from text.
struct PathTarget
{
    network::Target target;
    PathTargetProblem problem = PathTargetProblem::None;
    std::string detail; ///< for BadCidr: why the CIDR is not valid

    bool ok() const { return problem == PathTargetProblem::None; }
};

/// The AWS services the text may name by short name ("s3", "ssm"…); any
/// "com.amazonaws.…" name is accepted as well.
const std::vector<std::string> &knownServiceNames();

/// Reads \a text as a query's source: an element id of \a design, or "internet". Sets
/// query.from or query.fromInternet; returns false (and leaves \a query alone) when it names
/// neither.
bool readPathSource(const Design &design, std::string_view text, network::Query &query);

/// Reads \a text as a query's destination, trying in turn: "service:", "domain:" or "cidr:"
/// followed by the value; an element id; "internet"; a CIDR or a bare address; a known
/// service name or "com.amazonaws.…"; any other dotted name as a domain.
PathTarget readPathTarget(const Design &design, std::string_view text);

} // namespace heiiki::model
