#pragma once

#include "designreader.h"

#include <filesystem>
#include <string>

namespace heiiki::model::io {

/// Files larger than this are refused before they are read.
inline constexpr std::uintmax_t kMaxDesignFileSize = 64ull * 1024 * 1024;

/// Parses, migrates and reads a design from \a text. Every error carries a JSON pointer and,
/// where the text shows it, a line and column.
ReadResult loadDesignFromText(const std::string &text);

/// Reads a design file. Never throws for file problems: they come back as errors.
ReadResult loadDesignFile(const std::filesystem::path &path);

/// Writes \a design to \a path atomically: a temporary file beside it is written, flushed to
/// disk and renamed over the target. Returns an empty string on success, else what failed.
std::string saveDesignFile(const Design &design, const std::filesystem::path &path);

} // namespace heiiki::model::io
