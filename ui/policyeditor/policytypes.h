#pragma once

#include "model/core/catalogue.h"
#include "model/iam/policyparser.h"

#include <QString>

namespace heiiki::ui {

/// The name people read for a policy type ("VPC endpoint"), translated.
QString policyTypeLabel(model::PolicyType type);
/// Every policy type, in the catalogue's order.
QList<model::PolicyType> policyTypes();
/// How the IAM parser reads a document of \a type: trust, resource and endpoint policies are
/// resource-based (they name a Principal), the rest identity-based.
model::iam::DocumentKind documentKindOf(model::PolicyType type);

} // namespace heiiki::ui
