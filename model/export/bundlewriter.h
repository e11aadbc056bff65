#pragma once

#include "policybundle.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace heiiki::model::exporting {

/// A bundle could not be written: which path and why. Nothing half-written is left behind:
/// the target is as it was before the call.
class BundleWriteError : public std::runtime_error
{
public:
    BundleWriteError(std::filesystem::path path, std::string reason);

    /// The file or folder that failed.
    const std::filesystem::path &path() const { return m_path; }
    /// Why, in words ("Permission denied", "not empty and not a Heiiki policy bundle").
    const std::string &reason() const { return m_reason; }

private:
    std::filesystem::path m_path;
    std::string m_reason;
};

/// Writes every file of \a bundle under \a directory, its parents created as needed. The
/// files are written into a temporary folder beside it, which then takes the directory's
/// place, so a failure leaves the directory as it was. An existing \a directory must be
/// empty or hold an earlier policy bundle (a manifest.json of format heiiki-policy-bundle),
/// which is replaced. Throws BundleWriteError.
void writeBundleToDirectory(const PolicyBundle &bundle, const std::filesystem::path &directory);

/// Writes \a bundle as a zip archive at \a zipFile (libzip; deflated, entries in path order,
/// every entry dated 2000-01-01 so the same bundle gives the same archive). An existing file
/// is replaced only once the new archive is complete. Throws BundleWriteError.
void writeBundleToZip(const PolicyBundle &bundle, const std::filesystem::path &zipFile);

} // namespace heiiki::model::exporting
