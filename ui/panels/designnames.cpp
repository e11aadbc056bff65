#include "designnames.h"

#include "ui/kindicons.h"

namespace heiiki::ui::designnames {

namespace {

const char kLinkScheme[] = "heiiki-object";

std::string rawName(const model::Design &design, const model::Id &id)
{
    if (const model::Element *element = design.element(id))
        return element->name;
    if (const model::Link *link = design.link(id))
        return link->name;
    if (const model::PolicyDocument *policy = design.policy(id))
        return policy->name;
    for (const model::Flow &flow : design.flows())
        if (flow.id == id)
            return flow.name;
    return {};
}

} // namespace

QString name(const model::Design &design, const model::Id &id)
{
    const std::string text = rawName(design, id);
    return QString::fromStdString(text.empty() ? id.str() : text);
}

QString nameAndId(const model::Design &design, const model::Id &id)
{
    const std::string text = rawName(design, id);
    if (text.empty() || text == id.str())
        return QString::fromStdString(id.str());
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(text),
                                         QString::fromStdString(id.str()));
}

QIcon icon(const model::Design &design, const model::Id &id)
{
    if (const model::Element *element = design.element(id))
        return kindIcon(element->kind);
    return {};
}

QString htmlLink(const model::Design &design, const model::Id &id)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(kLinkScheme));
    url.setPath(QString::fromStdString(id.str()));
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), name(design, id).toHtmlEscaped());
}

std::optional<model::Id> idFromLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String(kLinkScheme) || url.path().isEmpty())
        return std::nullopt;
    return model::Id(url.path().toStdString());
}

QString htmlLinks(const model::Design &design, const std::vector<model::Id> &ids,
                  const QString &separator)
{
    QStringList links;
    for (const model::Id &id : ids)
        links << htmlLink(design, id);
    return links.join(separator);
}

QString htmlSection(const QString &title, const QString &body)
{
    return QStringLiteral("<p style=\"margin-top:8px; margin-bottom:0\"><b>%1</b></p>"
                          "<p style=\"margin-top:2px\">%2</p>")
        .arg(title.toHtmlEscaped(), body);
}

QList<model::Id> toList(const std::vector<model::Id> &ids)
{
    return QList<model::Id>(ids.begin(), ids.end());
}

} // namespace heiiki::ui::designnames
