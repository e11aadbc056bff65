#pragma once

#include "rulesupport.h"

#include "../../core/kindindex.h"

#include "../../iam/evaluator.h"
#include "../../iam/policyparser.h"

#include <memory>
#include <unordered_map>

namespace heiiki::model::rules {

/// A policy document of the design, parsed, with the elements it is attached to.
struct AttachedPolicy
{
    const PolicyDocument *document = nullptr;
    std::shared_ptr<iam::Policy> policy;
    std::vector<const Element *> attachedTo;
    std::vector<iam::PolicyProblem> problems; ///< what the parser found wrong (IAM-001)
    std::vector<Id> linkedFrom; ///< the `from` of every policy link to it, in link order
};

/// What the IAM rules need to know about a design's identities and endpoints. Built once
/// per validation (ValidationContext::iam()): every policy document parsed once, lookups
/// indexed.
class IamView
{
public:
    /// \a kinds: \a design's elements by kind.
    IamView(const Design &design, const KindIndex &kinds);

    const std::vector<AttachedPolicy> &policies() const { return m_policies; }
    /// Trust policies attached to roles (role trust policies).
    std::vector<const AttachedPolicy *> trustPolicies() const;
    /// Identity policies attached to an element of \a kind.
    std::vector<const AttachedPolicy *> identityPoliciesOn(ElementKind kind) const;
    /// The endpoint policy of an endpoint element (the first attached), or null.
    const AttachedPolicy *endpointPolicyOf(const Id &endpoint) const;

    /// The AWS ids (endpointId, else the element id) of the interface endpoints of a service.
    std::vector<std::string> endpointIds(const std::string &service) const;
    /// Every endpoint id of the design, with the service it serves.
    const std::vector<std::pair<std::string, std::string>> &allEndpointIds() const
    {
        return m_endpointIds;
    }

    /// An account that is not the organisation's: an external account of the design, or a
    /// made-up one.
    std::string outsideAccount() const;
    /// An organisation account other than \a not (for cross-account callers).
    std::string organisationAccount(const std::string &notThis = {}) const;
    const std::vector<std::string> &organisation() const { return m_org; }

private:
    const Design &m_design;
    std::vector<AttachedPolicy> m_policies;
    std::vector<std::pair<std::string, std::string>> m_endpointIds; // id, service
    std::vector<std::string> m_org;
    std::unordered_map<Id, const AttachedPolicy *> m_endpointPolicies;
};

/// True when a statement of the policy names an AWS principal (not only services).
bool trustsAwsPrincipals(const iam::Policy &policy);
/// "arn:aws:iam::ACCOUNT:role/PATHNAME".
std::string roleArn(const Design &design, const Element &role);

} // namespace heiiki::model::rules
