#pragma once

#include <QStringList>

namespace heiiki::app {

/// `heiiki policy check DOC.json [--kind identity|resource]`: lints one policy document;
/// exit 0 clean, 1 findings, 2 unreadable input.
/// `heiiki policy simulate --cases F.jsonl`: evaluates one request per line and prints
/// `name<TAB>Allow|ExplicitDeny|ImplicitDeny`; exit 0, or 2 on unreadable input.
int runPolicy(const QStringList &args);

} // namespace heiiki::app
