#pragma once

#include "../core/design.h"

#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model::exporting {

/// What a file of a policy bundle is.
enum class BundleFileKind {
    IdentityPolicy,    ///< a permission policy (I, IV, …): `aws iam create-policy`
    TrustPolicy,       ///< a role trust policy (III): `aws iam update-assume-role-policy`
    EndpointPolicy,    ///< a VPC endpoint policy (II): `aws ec2 modify-vpc-endpoint`
    FirewallRuleGroup, ///< `aws network-firewall create-rule-group --rule-group file://…`
    SuricataRules,     ///< the rules Network Firewall generates from a rule group, for review
    Readme,            ///< README.md: what applies which file, in order
    Manifest,          ///< manifest.json: one entry per other file
};
/// "identity-policy", "trust-policy", "endpoint-policy", "firewall-rule-group",
/// "suricata-rules", "readme", "manifest".
std::string_view toString(BundleFileKind kind);

/// An element a bundle file belongs to.
struct BundleElement
{
    Id id;
    std::string name;
    ElementKind kind = ElementKind::IamRole;
};

/// One file of a bundle, in memory.
struct BundleFile
{
    std::string path;    ///< relative, '/'-separated: "ACCOUNT/vpce/ENDPOINT.json"
    std::string content; ///< the bytes to write (UTF-8, ends with a newline)
    BundleFileKind kind = BundleFileKind::IdentityPolicy;
    std::string description; ///< what the file is, in one sentence
    std::string account;     ///< the account it is applied in ("" for README and manifest)
    std::string region;      ///< the region it is applied in ("" for IAM and global files)
    std::vector<BundleElement> elements; ///< the elements it belongs to
    Id policy;              ///< the design's policy document it was written from, or null
    std::string control;    ///< "I", "II", "III", "IV" or "" (not one of the four)
    bool generated = false; ///< made from the closed-network templates: the design had none
    std::vector<std::string> commands; ///< AWS CLI commands that apply it, in order
};

/// Something the bundle's own checks found: a document that does not lint clean, or an
/// attack scenario that succeeds with the documents as written.
struct BundleProblem
{
    std::string check; ///< "lint" or "scenario"
    std::string file;  ///< the bundle file concerned, or "" for the design as a whole
    std::string message;
};

/// A policy bundle: everything a build team applies to make the design's policies real.
struct PolicyBundle
{
    std::vector<BundleFile> files;       ///< sorted by path; README.md and manifest.json too
    std::vector<std::string> warnings;   ///< validation errors of the design, generated files
    std::vector<BundleProblem> problems; ///< what the checks found in the written documents

    /// The file at \a path, or nullptr.
    const BundleFile *file(std::string_view path) const;
};

/// Builds the policy bundle of \a design, with real ids and ARNs:
/// - `ACCOUNT/iam/policies/NAME.json`: each identity policy attached to a group, user or role
///   of the account (policy I on the operators' group, IV on the Session Manager role);
/// - `ACCOUNT/iam/roles/ROLE-trust-policy.json`: each role's trust policy (III);
/// - `ACCOUNT/vpce/ENDPOINT.json`: the endpoint policy (II) of each interface and gateway
///   endpoint;
/// - `network-firewall/FIREWALL/GROUP.json` and `.rules`: each stateful domain rule group;
/// - `manifest.json` and `README.md`.
/// Where the design lacks a document an element needs (an endpoint without policy II, the
/// operators' group without policy I, a Session Manager role without III or IV), the
/// document is generated from the closed-network templates and a warning says so.
/// Every IAM document is linted and the attack scenarios are replayed against the design
/// with the documents as written; what fails goes to `problems`. Findings of severity error
/// of the design's validation go to `warnings`. Deterministic: the same design gives the
/// same bytes.
PolicyBundle buildPolicyBundle(const Design &design);

} // namespace heiiki::model::exporting
