#pragma once

#include "policy.h"

#include "model/core/json.h"

#include <optional>
#include <string>
#include <vector>

namespace heiiki::model::iam {

/// What kind of document a policy is; it decides which elements it needs and allows.
enum class DocumentKind {
    Identity,   ///< user, group, role permission policies, boundaries, session policies, SCPs
    Resource,   ///< resource-based policies, role trust policies and VPC endpoint policies
};

/// A problem in a policy document, like IAM Access Analyzer's policy validation: where it is
/// (a JSON pointer into the document) and what is wrong.
struct PolicyProblem
{
    std::string pointer;
    std::string message;
    bool warning = false; ///< valid, but risky or unusual (Access Analyzer's warnings)
};

struct ParseResult
{
    std::optional<Policy> policy; ///< present when the document can be evaluated
    std::vector<PolicyProblem> problems;
};

class ServiceReference;

/// Parses and checks a policy document: grammar, element types, Effect, Principal forms,
/// action and ARN shapes, condition operators and their values, policy variables; then, for
/// the services of the shipped ServiceReference, that actions, condition keys (and the
/// operators on them) and resource ARNs exist and fit (see checkAgainstReference()).
ParseResult parsePolicy(const heiiki::Json &document, DocumentKind kind);
/// The same against \a reference (not owned); nullptr checks the grammar only.
ParseResult parsePolicy(const heiiki::Json &document, DocumentKind kind,
                        const ServiceReference *reference);

/// Parses an operator name such as "ForAnyValue:StringLikeIfExists".
bool parseOperator(const std::string &name, Operator &op, bool &ifExists, SetQualifier &qualifier);

} // namespace heiiki::model::iam
