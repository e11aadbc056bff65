#pragma once

#include "model/core/design.h"

#include <QList>
#include <QString>

#include "model/core/json.h"

namespace heiiki::ui {

/// A ready-made policy document filled in from a design.
struct PolicyTemplate
{
    QString title; ///< for the template menu, translated
    model::PolicyType type = model::PolicyType::Identity;
    heiiki::Json document;
};

/// The four policies that decide who reaches the instances of a closed network, filled with
/// the design's own values:
/// - I. the operators' identity policy: sts:AssumeRole on the ARNs of the design's Session
///   Manager roles (iam-role elements whose name mentions "ssm"; all roles when none does);
/// - II. the VPC endpoint policy: deny every principal whose aws:PrincipalAccount is not one
///   of the organisation's accounts;
/// - III. the role's trust policy: the operators' account, only through the STS endpoint
///   (aws:SourceVpce), with MFA, with the user name as role session name;
/// - IV. the role's permission policy: port forwarding sessions to the workload account's
///   instances, only through the SSM endpoint.
/// The operators' account is the account of the design's IAM users; the endpoint ids are
/// the `endpointId`s of the vpc-endpoint elements of service sts and ssm in that account.
QList<PolicyTemplate> closedNetworkTemplates(const model::Design &design);

} // namespace heiiki::ui
