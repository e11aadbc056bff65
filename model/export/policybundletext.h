#pragma once

#include "policybundle.h"

#include <string>
#include <vector>

namespace heiiki::model::exporting {

/// The CIDRs the domain lists of rule group \a ruleGroup (a row of the firewall's
/// `ruleGroups`) apply to: the group's `homeNet`, else the firewall's, else the CIDRs of the
/// other VPCs attached to the Transit Gateways the firewall's VPC is attached to (the spokes),
/// else the firewall's own VPC.
std::vector<std::string>
homeNet(const Design &design, const Element &firewall, const heiiki::Json &ruleGroup);

/// The Suricata rules Network Firewall generates from a domain list rule group of
/// \a targets (a leading '.' matches sub-domains) and \a targetTypes ("TLS_SNI",
/// "HTTP_HOST"): a pass rule per domain and type, then, for an allow list, a drop rule per
/// type for everything else. With \a strictOrder the rules carry no `priority` keyword.
std::string suricataRules(const std::vector<std::string> &targets,
                          const std::vector<std::string> &targetTypes,
                          bool allowList,
                          bool strictOrder);

/// The bundle's README.md: what it holds, its checks, and the AWS CLI commands that apply
/// its files, in order. Reads every file of \a bundle but the README and the manifest.
BundleFile bundleReadme(const Design &design, const PolicyBundle &bundle);

/// The bundle's manifest.json: one entry per file of \a bundle (the README too), with what
/// it is, its elements, account, region and commands; and the warnings and problems.
BundleFile bundleManifest(const Design &design, const PolicyBundle &bundle);

} // namespace heiiki::model::exporting
