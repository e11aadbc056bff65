#include "designrefresolver.h"

#include "propertychoices.h"

#include <QCoreApplication>
#include <QStringList>

namespace heiiki::ui {

std::optional<model::ElementKind> DesignRefResolver::elementKind(const std::string &id) const
{
    if (const model::Element *e = m_design.element(model::Id(id)))
        return e->kind;
    return std::nullopt;
}

std::optional<model::LinkKind> DesignRefResolver::linkKind(const std::string &id) const
{
    if (const model::Link *l = m_design.link(model::Id(id)))
        return l->kind;
    return std::nullopt;
}

bool DesignRefResolver::isPolicy(const std::string &id) const
{
    return m_design.policy(model::Id(id)) != nullptr;
}

namespace {

/// The column of \a table named by the first token of \a pointer ("/2/destination").
QString whereInTable(const model::PropertySpec &table, const std::string &pointer)
{
    const QStringList tokens
        = QString::fromStdString(pointer).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {};
    bool ok = false;
    const int row = tokens.first().toInt(&ok);
    if (!ok)
        return {};
    QString where
        = QCoreApplication::translate("heiiki::ui::PropertyEditor", "Row %1").arg(row + 1);
    if (tokens.size() > 1)
        for (const auto &column : table.columns)
            if (QString::fromStdString(column.name) == tokens.at(1))
                where += QStringLiteral(", ") + propertyLabel(column);
    return where;
}

} // namespace

QString refusalFor(const model::Design &design,
                   const model::PropertySpec &spec,
                   const heiiki::Json &value)
{
    if (value.is_null())
        return {};
    model::io::LoadErrors errors;
    const DesignRefResolver refs(design);
    model::io::checkValue(spec, value, "", &refs, errors);
    if (errors.empty())
        return {};
    const auto &first = errors.front();
    QString message = QString::fromStdString(first.message);
    if (spec.type == model::PropertyType::Table) {
        const QString where = whereInTable(spec, first.pointer);
        if (!where.isEmpty())
            message = QStringLiteral("%1: %2").arg(where, message);
    }
    return message;
}

} // namespace heiiki::ui
