#include "policytemplates.h"

#include "model/export/policytemplates.h"

#include <QCoreApplication>

namespace heiiki::ui {

using model::exporting::PolicyControl;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("heiiki::ui::PolicyTemplates", text);
}

} // namespace

QList<PolicyTemplate> closedNetworkTemplates(const model::Design &design)
{
    // The documents come from the model, which the policy bundle export shares.
    const auto facts = model::exporting::templateFacts(design);
    const std::pair<PolicyControl, QString> controls[] = {
        {PolicyControl::OperatorKey, tr("I. Operators' access keys: assume ssm-role only")},
        {PolicyControl::EndpointPolicy, tr("II. VPC endpoints: company principals only")},
        {PolicyControl::TrustPolicy,
         tr("III. ssm-role trust: operators via the STS endpoint, with MFA")},
        {PolicyControl::PermissionPolicy,
         tr("IV. ssm-role permissions: port forwarding via the SSM endpoint")},
    };
    QList<PolicyTemplate> templates;
    for (const auto &[control, title] : controls)
        templates.append({title,
                          model::exporting::policyType(control),
                          model::exporting::policyDocument(control, facts)});
    return templates;
}

} // namespace heiiki::ui
