#include "palettemime.h"

#include <QMimeData>

#include <string>

namespace heiiki::ui {

QMimeData *createKindMimeData(model::ElementKind kind)
{
    auto *mime = new QMimeData;
    const std::string_view name = model::toString(kind);
    mime->setData(QString::fromLatin1(kElementKindMimeType),
                  QByteArray(name.data(), static_cast<qsizetype>(name.size())));
    return mime;
}

std::optional<model::ElementKind> kindFromMimeData(const QMimeData *mime)
{
    const QString type = QString::fromLatin1(kElementKindMimeType);
    if (!mime || !mime->hasFormat(type))
        return std::nullopt;
    return model::elementKindFromString(mime->data(type).toStdString());
}

} // namespace heiiki::ui
