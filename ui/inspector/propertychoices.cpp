#include "propertychoices.h"

#include "model/core/references.h"
#include "model/core/regions.h"

#include <QCoreApplication>

#include <algorithm>

namespace heiiki::ui {

using model::PropertyType;

namespace {

template<typename T> bool contains(const std::vector<T> &values, const T &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

QString nameAndId(const std::string &name, const model::Id &id)
{
    const QString idText = QString::fromStdString(id.str());
    if (name.empty())
        return idText;
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(name), idText);
}

Choices choicesFor(const model::Design &design, const model::PropertySpec &spec,
                   const model::Id &owner)
{
    Choices choices;
    switch (spec.type) {
    case PropertyType::Ref:
    case PropertyType::RefList:
        for (const model::Element *e : model::referenceCandidates(design, owner, spec))
            choices.append({QString::fromStdString(e->id.str()), nameAndId(e->name, e->id)});
        if (!spec.refLinkKinds.empty())
            for (const auto &l : design.links())
                if (contains(spec.refLinkKinds, l->kind))
                    choices.append(
                        {QString::fromStdString(l->id.str()), nameAndId(l->name, l->id)});
        if (spec.refPolicy)
            for (const auto &p : design.policies())
                choices.append({QString::fromStdString(p->id.str()), nameAndId(p->name, p->id)});
        break;
    case PropertyType::Region:
        for (const auto &region : model::knownRegions()) {
            const QString code = QString::fromUtf8(region.code.data(), region.code.size());
            choices.append({code,
                            QStringLiteral("%1 — %2").arg(
                                code, QString::fromUtf8(region.name.data(), region.name.size()))});
        }
        break;
    case PropertyType::AccountId:
        for (const auto &account : design.accounts()) {
            const QString id = QString::fromStdString(account.id);
            choices.append({id,
                            account.name.empty() ? id
                                                 : QStringLiteral("%1 — %2").arg(
                                                     id, QString::fromStdString(account.name))});
        }
        break;
    default:
        break;
    }
    return choices;
}

std::map<std::string, Choices> columnChoices(const model::Design &design,
                                             const model::PropertySpec &table,
                                             const model::Id &owner,
                                             const std::string &prefix)
{
    std::map<std::string, Choices> result;
    for (const auto &column : table.columns) {
        const std::string path = prefix + column.name;
        if (column.type == PropertyType::Table)
            result.merge(columnChoices(design, column, owner, path + "/"));
        else if (column.type == PropertyType::Ref || column.type == PropertyType::RefList
                 || column.type == PropertyType::Region || column.type == PropertyType::AccountId)
            result[path] = choicesFor(design, column, owner);
    }
    return result;
}

QString choiceText(const Choices &choices, const QString &value)
{
    for (const auto &c : choices)
        if (c.value == value)
            return c.text;
    return value;
}

QString choiceValue(const Choices &choices, const QString &text)
{
    for (const auto &c : choices)
        if (c.text == text || c.value == text)
            return c.value;
    return text;
}

QString propertyLabel(const model::PropertySpec &spec)
{
    return QCoreApplication::translate("heiiki::model::Catalogue", spec.label.c_str());
}

QString kindLabel(const std::string &label)
{
    return QCoreApplication::translate("heiiki::model::Catalogue", label.c_str());
}

QString
displayText(const model::PropertySpec &spec, const heiiki::Json &value, const Choices &choices)
{
    if (value.is_null())
        return {};
    if (spec.type == PropertyType::Table) {
        const int rows = value.is_array() ? int(value.size()) : 0;
        return QCoreApplication::translate(
            "heiiki::ui::TablePropertyEditor", "%n row(s)", "", rows);
    }
    if (value.is_string())
        return choiceText(choices, QString::fromStdString(value.get<std::string>()));
    if (value.is_array()) {
        QStringList parts;
        for (const auto &item : value)
            parts << (item.is_string()
                          ? choiceText(choices, QString::fromStdString(item.get<std::string>()))
                          : QString::fromStdString(item.dump()));
        return parts.join(QStringLiteral(", "));
    }
    if (value.is_boolean())
        return value.get<bool>() ? QCoreApplication::translate("heiiki::ui::PropertyEditor", "yes")
                                 : QCoreApplication::translate("heiiki::ui::PropertyEditor", "no");
    return QString::fromStdString(value.dump());
}

} // namespace heiiki::ui
