#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <string>

namespace heiiki::app {

/// The command line's translation context: every message goes through it.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("heiiki::cli", text);
}

inline void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
}

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace heiiki::app
