#pragma once

#include "model/core/design.h"

#include <QIcon>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <vector>

namespace heiiki::ui {

/// How the docks name the objects a finding, scenario or path speaks of. An id may name an
/// element, a link, a policy document or a flow; an id the design does not hold (any more) is
/// shown as it is.
namespace designnames {

/// The object's name, or its id when it has none or is unknown.
QString name(const model::Design &design, const model::Id &id);
/// "name (id)", or the id alone when the name is the id or missing.
QString nameAndId(const model::Design &design, const model::Id &id);
/// The icon of an element's kind; a null icon for other objects.
QIcon icon(const model::Design &design, const model::Id &id);

/// An HTML link to \a id showing its name, for the docks' detail texts; see idFromLink().
QString htmlLink(const model::Design &design, const model::Id &id);
/// The id an htmlLink() points at, or nothing for another link.
std::optional<model::Id> idFromLink(const QUrl &url);

/// htmlLink() of every id in \a ids, joined by \a separator (HTML).
QString htmlLinks(const model::Design &design, const std::vector<model::Id> &ids,
                  const QString &separator);
/// A titled paragraph of a detail text; \a body is HTML, \a title plain text.
QString htmlSection(const QString &title, const QString &body);

QList<model::Id> toList(const std::vector<model::Id> &ids);

} // namespace designnames

} // namespace heiiki::ui
