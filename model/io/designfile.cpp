#include "designfile.h"

#include "designwriter.h"
#include "jsonlocator.h"
#include "migration.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace heiiki::model::io {

ReadResult loadDesignFromText(const std::string &text)
{
    heiiki::Json document;
    // JSON leaves a member named twice in one object to the reader; the parser keeps the last
    // and drops the other silently. Heiiki refuses such a file instead, naming both.
    // The member names of each open object, innermost last; the lists are kept for reuse, and
    // an object has few members, so a list beats a hash set.
    std::vector<std::vector<std::string>> members;
    size_t depth = 0;
    bool duplicate = false;
    const auto watch = [&](int, heiiki::Json::parse_event_t event, heiiki::Json &parsed) {
        using Event = heiiki::Json::parse_event_t;
        if (event == Event::object_start) {
            if (members.size() <= depth)
                members.emplace_back();
            members[depth++].clear();
        } else if (event == Event::object_end && depth > 0) {
            --depth;
        } else if (event == Event::key && depth > 0 && !duplicate) {
            auto &names = members[depth - 1];
            const auto &name = parsed.get_ref<const std::string &>();
            if (std::find(names.begin(), names.end(), name) != names.end())
                duplicate = true;
            else
                names.push_back(name);
        }
        return true;
    };
    try {
        document = heiiki::Json::parse(text, watch);
    } catch (const heiiki::Json::parse_error &e) {
        // e.byte is 1-based and points just past the offending character.
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const auto pos = JsonLocator::positionOf(text, offset);
        std::string message = e.what();
        // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 2:
        // syntax error while parsing value - …": keep what follows the position.
        if (auto cut = message.find("syntax error"); cut != std::string::npos)
            message = message.substr(cut);
        return {std::nullopt, {{"", "JSON " + message, pos.line, pos.column}}};
    }
    if (!document.is_object())
        return {std::nullopt, {{"", "the file must hold a JSON object", 1, 1}}};
    if (duplicate) {
        const JsonLocator locator(text);
        LoadErrors errors;
        for (const auto &[pointer, pos] : locator.duplicates()) {
            std::string name;
            const std::string token = pointer.substr(pointer.rfind('/') + 1);
            for (size_t k = 0; k < token.size(); ++k) {
                if (token[k] == '~' && k + 1 < token.size()) {
                    name += token[++k] == '1' ? '/' : '~';
                    continue;
                }
                name += token[k];
            }
            const auto first = locator.find(pointer);
            errors.push_back({pointer,
                              "\"" + name + "\" is named twice in one object (first at line "
                                  + std::to_string(first.line) + "): keep one",
                              pos.line, pos.column});
        }
        if (!errors.empty())
            return {std::nullopt, errors};
    }

    LoadErrors errors = migrate(document);
    ReadResult result = errors.empty() ? readDesign(document) : ReadResult{std::nullopt, errors};
    if (!result.errors.empty()) {
        const JsonLocator locator(text);
        for (auto &error : result.errors) {
            const auto pos = locator.find(error.pointer);
            error.line = pos.line;
            error.column = pos.column;
        }
    }
    return result;
}

ReadResult loadDesignFile(const std::filesystem::path &path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return {std::nullopt, {{"", "cannot open the file: it does not exist"}}};
    if (std::filesystem::is_directory(status))
        return {std::nullopt, {{"", "cannot open the file: it is a folder"}}};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return {std::nullopt, {{"", "cannot read the file: " + ec.message()}}};
    if (size > kMaxDesignFileSize)
        return {std::nullopt,
                {{"", "the file is too large (" + std::to_string(size / (1024 * 1024))
                          + " MiB; designs may be at most 64 MiB)"}}};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {std::nullopt, {{"", std::string("cannot open the file: ") + std::strerror(errno)}}};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return {std::nullopt, {{"", "cannot read the file"}}};
    return loadDesignFromText(buffer.str());
}

std::string saveDesignFile(const Design &design, const std::filesystem::path &path)
{
    const std::string text = designToText(design);
    const std::filesystem::path target = std::filesystem::absolute(path);
    std::string tmpl = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX"))
                           .string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0)
        return "cannot create a file in " + target.parent_path().string() + ": "
               + std::strerror(errno);
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return "cannot write " + target.string() + ": " + why;
        }
        written += static_cast<size_t>(n);
    }
    // Keep the permissions of the file being replaced, else the usual 0644.
    struct stat st{};
    ::fchmod(fd, ::stat(target.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return "cannot write " + target.string() + ": " + why;
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return "cannot replace " + target.string() + ": " + why;
    }
    // Make the rename itself durable.
    const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

} // namespace heiiki::model::io
