#pragma once

// Small helpers shared by the test suites: where the sources are, and reading files whole.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <string>

namespace heiiki::tests {

/// An absolute path inside the source tree ("tests/data/broken").
inline QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(HEIIKI_SOURCE_DIR)).filePath(relative);
}

/// The bytes of \a path, or an empty array when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline std::string readText(const QString &path)
{
    return readBytes(path).toStdString();
}

/// The sample designs shipped in resources/samples, sorted by name.
inline QStringList samplePaths()
{
    QDir dir(sourcePath(QStringLiteral("resources/samples")));
    QStringList paths;
    for (const QString &name :
         dir.entryList({QStringLiteral("*.heiiki.json")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

} // namespace heiiki::tests
