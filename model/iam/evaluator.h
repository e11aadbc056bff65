#pragma once

#include "policy.h"
#include "request.h"

#include <string>
#include <vector>

namespace heiiki::model::iam {

enum class Decision { Allow, ExplicitDeny, ImplicitDeny };
std::string_view toString(Decision decision);

/// What one policy said about a request.
enum class PolicyVerdict { NotApplicable, Allow, Deny };

/// The policies that apply to a request, layer by layer. Pointers are not owned.
struct PolicySet
{
    std::vector<const Policy *> identity;      ///< user, group and role policies
    const Policy *resource = nullptr;          ///< resource-based policy or role trust policy
    const Policy *endpoint = nullptr;          ///< VPC endpoint policy (the request passes it)
    const Policy *session = nullptr;
    const Policy *permissionsBoundary = nullptr;
    std::vector<const Policy *> scps;
};

/// The deciding statement of one layer.
struct LayerResult
{
    std::string layer;           ///< "identity", "resource", "endpoint", "scp", …
    PolicyVerdict verdict = PolicyVerdict::NotApplicable;
    int policy = -1;             ///< index within the layer
    int statement = -1;          ///< index of the deciding statement
    std::string sid;
    std::string pointer;         ///< JSON pointer of the statement
};

struct EvaluationResult
{
    Decision decision = Decision::ImplicitDeny;
    std::string reason;              ///< one sentence: which layer decided and why
    std::vector<LayerResult> layers; ///< every layer that was present
};

/// What one policy says about \a request (with its Principal checked when \a checkPrincipal).
/// \a statement receives the index of the deciding statement (the first matching Deny, else
/// the first matching Allow).
PolicyVerdict evaluatePolicy(const Policy &policy, const RequestContext &request,
                             bool checkPrincipal, int *statement = nullptr);

/// AWS's evaluation logic over the layers: an explicit deny anywhere wins; SCPs, the VPC
/// endpoint policy, a permissions boundary and a session policy must each allow when
/// present; then a resource-based policy or the identity policies grant — either within one
/// account, both across accounts.
EvaluationResult evaluate(const RequestContext &request, const PolicySet &policies);

} // namespace heiiki::model::iam
