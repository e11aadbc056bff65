#pragma once

#include "model/core/kinds.h"

#include <optional>

class QMimeData;

namespace heiiki::ui {

/// The mime type of a palette drag: the data is the kind's file name in UTF-8 ("vpc").
inline constexpr char kElementKindMimeType[] = "application/x-heiiki-element-kind";

/// New mime data that carries \a kind under kElementKindMimeType. The caller owns it (a QDrag
/// takes it over).
QMimeData *createKindMimeData(model::ElementKind kind);

/// The element kind that \a mime carries, or nothing when it carries none or an unknown name.
std::optional<model::ElementKind> kindFromMimeData(const QMimeData *mime);

} // namespace heiiki::ui
