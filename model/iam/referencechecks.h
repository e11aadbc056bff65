#pragma once

#include "policy.h"
#include "policyparser.h"

#include <string>
#include <utility>
#include <vector>

namespace heiiki::model::iam {

class ServiceReference;

/// The Action (or NotAction) and Resource (or NotResource) entries of a statement as written,
/// each with its JSON pointer.
struct StatementSource
{
    std::vector<std::pair<std::string, std::string>> actions;   ///< (text, pointer)
    std::vector<std::pair<std::string, std::string>> resources; ///< (text, pointer)
};

/// Checks one parsed statement against the service reference, like IAM Access Analyzer's
/// policy validation, and appends what it finds to \a problems:
/// - error: an action, or an action wildcard, that names no action of a detailed service;
/// - error: a condition key of a detailed service that the service does not define;
/// - warning: a service key that none of the statement's actions supports;
/// - warning: an aws: key that is not a global condition key;
/// - warning: an operator that does not fit the key's type (StringEquals on a Bool key), or
///   a set qualifier on a single-valued key;
/// - warning: a resource ARN that matches no resource type of the statement's actions;
/// - warning: an action prefix that is no AWS service's.
/// Actions, keys and ARNs of services the reference does not detail are not judged.
void checkAgainstReference(const Statement &statement, const StatementSource &source,
                           const ServiceReference &reference,
                           std::vector<PolicyProblem> &problems);

} // namespace heiiki::model::iam
