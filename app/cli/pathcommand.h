#pragma once

#include <QStringList>

namespace heiiki::app {

/// `heiiki path FILE --from ID|internet --to ID|CIDR|domain|service [--port N]
/// [--proto tcp|udp|icmp] [--format text|json]`. Prints the hops and the verdict; returns 0 when
/// delivered, 1 when stopped, 2 on bad input.
int runPath(const QStringList &args);

} // namespace heiiki::app
