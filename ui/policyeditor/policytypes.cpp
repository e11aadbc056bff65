#include "policytypes.h"

#include <QCoreApplication>

namespace heiiki::ui {

using model::PolicyType;

QString policyTypeLabel(PolicyType type)
{
    const char *context = "heiiki::ui::PolicyEditor";
    switch (type) {
    case PolicyType::Identity:
        return QCoreApplication::translate(context, "Identity");
    case PolicyType::Trust:
        return QCoreApplication::translate(context, "Role trust");
    case PolicyType::Resource:
        return QCoreApplication::translate(context, "Resource");
    case PolicyType::Endpoint:
        return QCoreApplication::translate(context, "VPC endpoint");
    case PolicyType::Scp:
        return QCoreApplication::translate(context, "Service control (SCP)");
    case PolicyType::Session:
        return QCoreApplication::translate(context, "Session");
    case PolicyType::PermissionsBoundary:
        return QCoreApplication::translate(context, "Permissions boundary");
    }
    return {};
}

QList<PolicyType> policyTypes()
{
    return {PolicyType::Identity,
            PolicyType::Trust,
            PolicyType::Resource,
            PolicyType::Endpoint,
            PolicyType::Scp,
            PolicyType::Session,
            PolicyType::PermissionsBoundary};
}

model::iam::DocumentKind documentKindOf(PolicyType type)
{
    const bool resource
        = type == PolicyType::Trust || type == PolicyType::Resource || type == PolicyType::Endpoint;
    return resource ? model::iam::DocumentKind::Resource : model::iam::DocumentKind::Identity;
}

} // namespace heiiki::ui
