#include "loaderror.h"

namespace heiiki::model::io {

std::string LoadError::format(const std::string &file) const
{
    std::string text = file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0)
            text += ':' + std::to_string(column);
    }
    text += ": ";
    if (!pointer.empty())
        text += pointer + ": ";
    return text + message;
}

} // namespace heiiki::model::io
