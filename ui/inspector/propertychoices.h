#pragma once

#include "model/core/catalogue.h"
#include "model/core/design.h"

#include <QList>
#include <QString>

#include <map>
#include <string>

namespace heiiki::ui {

/// One value a picker offers: what is stored (an id, a region code, an account id) and what
/// people read ("Workload VPC (vpc-workload)").
struct Choice
{
    QString value;
    QString text;
};
using Choices = QList<Choice>;

/// The choices for a property of \a owner: the elements a Ref may name
/// (model::referenceCandidates(): of its refKinds, within the owner's VPC when the property
/// says so), the links of its refLinkKinds and, when refPolicy, the policy documents, shown
/// as "name (id)", in document order; the known regions for a Region; the design's accounts
/// for an AccountId. Other types have none.
Choices choicesFor(const model::Design &design, const model::PropertySpec &spec,
                   const model::Id &owner = {});

/// The choices of every Ref, RefList, Region and AccountId column of a table, nested tables
/// included, keyed by the column's path ("routes/attachment").
std::map<std::string, Choices> columnChoices(const model::Design &design,
                                             const model::PropertySpec &table,
                                             const model::Id &owner = {},
                                             const std::string &prefix = {});

/// The text of \a value among \a choices, or the value itself when it is not one of them.
QString choiceText(const Choices &choices, const QString &value);
/// The value of the choice whose text or value is \a text; \a text itself otherwise.
QString choiceValue(const Choices &choices, const QString &text);

/// "name (id)", or the id alone when there is no name.
QString nameAndId(const std::string &name, const model::Id &id);

/// The label of a property or column, translated (the catalogue's labels are English).
QString propertyLabel(const model::PropertySpec &spec);
/// The label of an element or link kind, translated.
QString kindLabel(const std::string &label);

/// A short text for a property value in a table cell or a list: strings as they are, lists
/// joined by ", ", nested tables as a row count; references through \a choices.
QString displayText(const model::PropertySpec &spec,
                    const heiiki::Json &value,
                    const Choices &choices = {});

} // namespace heiiki::ui
