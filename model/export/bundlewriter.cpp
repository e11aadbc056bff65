#include "bundlewriter.h"

#include "model/core/json.h"
#include <zip.h>

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <system_error>

namespace heiiki::model::exporting {

namespace fs = std::filesystem;

BundleWriteError::BundleWriteError(fs::path path, std::string reason)
    : std::runtime_error(path.string() + ": " + reason)
    , m_path(std::move(path))
    , m_reason(std::move(reason))
{}

namespace {

/// A name for a temporary sibling of \a target that does not exist yet.
fs::path temporarySibling(const fs::path &target, const char *what)
{
    std::random_device random;
    for (;;) {
        std::ostringstream name;
        name << '.' << target.filename().string() << '.' << what << '-' << std::hex
             << (random() & 0xffffff);
        fs::path candidate = target.parent_path() / name.str();
        std::error_code ec;
        if (!fs::exists(candidate, ec))
            return candidate;
    }
}

/// A bundle path as a relative path, refusing anything that would leave the folder.
fs::path relativePath(const std::string &path, const fs::path &directory)
{
    const fs::path relative = fs::path(path).lexically_normal();
    if (path.empty() || relative.is_absolute() || *relative.begin() == "..")
        throw BundleWriteError(directory / path, "not a path inside the bundle");
    return relative;
}

void createParents(const fs::path &target)
{
    const fs::path parent = target.parent_path();
    if (parent.empty())
        return;
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw BundleWriteError(parent, ec.message());
    if (!fs::is_directory(parent, ec))
        throw BundleWriteError(parent, "not a folder");
}

/// True when \a directory holds a policy bundle that a new one may replace.
bool holdsBundle(const fs::path &directory)
{
    std::ifstream in(directory / "manifest.json", std::ios::binary);
    if (!in)
        return false;
    const auto manifest = heiiki::Json::parse(in, nullptr, false);
    return manifest.is_object() && manifest.value("format", "") == "heiiki-policy-bundle";
}

void writeFile(const fs::path &path, const std::string &content)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
        throw BundleWriteError(path.parent_path(), ec.message());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw BundleWriteError(path, std::generic_category().message(errno));
    out.write(content.data(), std::streamsize(content.size()));
    out.close();
    if (!out)
        throw BundleWriteError(path, "could not write the whole file");
}

} // namespace

void writeBundleToDirectory(const PolicyBundle &bundle, const fs::path &directory)
{
    if (directory.empty())
        throw BundleWriteError(directory, "no folder given");
    const fs::path target = fs::absolute(directory).lexically_normal();
    const fs::path clean = target.filename().empty() ? target.parent_path() : target;
    std::error_code ec;
    const bool exists = fs::exists(clean, ec);
    if (exists && !fs::is_directory(clean, ec))
        throw BundleWriteError(clean, "exists and is not a folder");
    if (exists && !fs::is_empty(clean, ec) && !holdsBundle(clean))
        throw BundleWriteError(clean, "not empty and not a Heiiki policy bundle");
    createParents(clean);

    const fs::path staging = temporarySibling(clean, "writing");
    try {
        fs::create_directory(staging, ec);
        if (ec)
            throw BundleWriteError(clean.parent_path(), ec.message());
        for (const BundleFile &f : bundle.files)
            writeFile(staging / relativePath(f.path, clean), f.content);
    } catch (const BundleWriteError &error) {
        fs::remove_all(staging, ec);
        // Name the file as the user asked for it, not the staging folder.
        const fs::path failed = error.path().lexically_relative(staging);
        throw BundleWriteError(failed.empty() || *failed.begin() == ".." ? error.path()
                                                                         : clean / failed,
                               error.reason());
    }

    // The new folder takes the old one's place; the old one goes only once that worked.
    fs::path previous;
    if (exists) {
        previous = temporarySibling(clean, "previous");
        fs::rename(clean, previous, ec);
        if (ec) {
            fs::remove_all(staging, ec);
            throw BundleWriteError(clean, "cannot replace it: " + ec.message());
        }
    }
    fs::rename(staging, clean, ec);
    if (ec) {
        const std::string reason = ec.message();
        if (!previous.empty())
            fs::rename(previous, clean, ec);
        fs::remove_all(staging, ec);
        throw BundleWriteError(clean, reason);
    }
    if (!previous.empty())
        fs::remove_all(previous, ec);
}

void writeBundleToZip(const PolicyBundle &bundle, const fs::path &zipFile)
{
    if (zipFile.empty() || zipFile.filename().empty())
        throw BundleWriteError(zipFile, "no file name given");
    const fs::path target = fs::absolute(zipFile).lexically_normal();
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw BundleWriteError(target, "is a folder");
    createParents(target);

    // libzip writes a temporary file beside the archive and renames it on zip_close; the
    // archive is written to a sibling first all the same, so that an existing file stays
    // whole until the new one is.
    const fs::path staging = temporarySibling(target, "writing");
    int error = 0;
    zip_t *archive = zip_open(staging.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
    if (!archive) {
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        const std::string reason = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw BundleWriteError(target, reason);
    }
    auto fail = [&](const std::string &reason) {
        zip_discard(archive);
        fs::remove(staging, ec);
        throw BundleWriteError(target, reason);
    };
    constexpr time_t kEntryTime = 946728000; // 2000-01-01 12:00 UTC
    for (const BundleFile &f : bundle.files) {
        relativePath(f.path, target);
        zip_source_t *source = zip_source_buffer(archive, f.content.data(), f.content.size(), 0);
        if (!source)
            fail(f.path + ": " + zip_strerror(archive));
        const zip_int64_t index
            = zip_file_add(archive, f.path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            fail(f.path + ": " + zip_strerror(archive));
        }
        if (zip_file_set_mtime(archive, zip_uint64_t(index), kEntryTime, 0) < 0
            || zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 9) < 0)
            fail(f.path + ": " + zip_strerror(archive));
    }
    if (zip_close(archive) < 0)
        fail(zip_strerror(archive));
    fs::rename(staging, target, ec);
    if (ec) {
        const std::string reason = ec.message();
        fs::remove(staging, ec);
        throw BundleWriteError(target, reason);
    }
}

} // namespace heiiki::model::exporting
