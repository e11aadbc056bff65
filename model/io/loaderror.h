#pragma once

#include <string>
#include <vector>

namespace heiiki::model::io {

/// One problem found while reading a design file.
struct LoadError
{
    std::string pointer; ///< JSON pointer to the offending value ("" for the whole file)
    std::string message;
    int line = 0;        ///< 1-based; 0 when unknown
    int column = 0;      ///< 1-based; 0 when unknown

    /// "file:line:col: pointer: message", leaving out what is unknown.
    std::string format(const std::string &file) const;
};

using LoadErrors = std::vector<LoadError>;

} // namespace heiiki::model::io
