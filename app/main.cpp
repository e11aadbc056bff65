// The composition root: `heiiki` with a sub-command runs headless; without one it opens the
// designer.
#include "cli/exportcommand.h"
#include "cli/pathcommand.h"
#include "cli/policycommand.h"
#include "cli/scenarioscommand.h"
#include "cli/validatecommand.h"
#include "model/core/allocator.h"
#include "ui/designerapp.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("heiiki::cli", text);
}

QString helpText()
{
    return tr("Heiiki %1 — a designer for closed-network AWS architectures\n"
              "\n"
              "usage:\n"
              "  heiiki [FILE]                 open the designer on FILE, or on the built-in\n"
              "                                reference design\n"
              "  heiiki validate FILE… [--format text|json|sarif|junit]\n"
              "                        [--fail-on error|warning|never]\n"
              "                                check designs against the closed-network rules;\n"
              "                                exit 0 clean, 1 findings, 2 unreadable input\n"
              "  heiiki path FILE --from ID|internet --to ID|CIDR|domain|service\n"
              "              [--port N] [--proto tcp|udp|icmp] [--format text|json]\n"
              "                                trace a packet through the design; exit 0\n"
              "                                delivered, 1 stopped, 2 bad input\n"
              "  heiiki scenarios FILE [--format text|json]\n"
              "                                play the attack scenarios; exit 0 all blocked,\n"
              "                                1 one succeeds\n"
              "  heiiki export FILE -o OUTPUT [--format svg|png|pdf|drawio|bundle|bundle-zip|\n"
              "                                report-html|report-pdf] [options]\n"
              "                                write a review diagram, a draw.io file, the\n"
              "                                policy bundle or the review report; needs no\n"
              "                                display (see heiiki export --help)\n"
              "  heiiki policy check DOC.json  lint an IAM policy document\n"
              "  heiiki policy simulate --cases F.jsonl\n"
              "                                evaluate requests (one JSON case per line)\n"
              "  heiiki --version              print the version\n"
              "  heiiki --help                 print this help\n")
        .arg(QStringLiteral(HEIIKI_VERSION));
}

bool isCommandWord(const char *arg)
{
    return std::strcmp(arg, "validate") == 0 || std::strcmp(arg, "path") == 0
           || std::strcmp(arg, "policy") == 0 || std::strcmp(arg, "scenarios") == 0
           || std::strcmp(arg, "export") == 0
           || std::strcmp(arg, "--version") == 0
           || std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0;
}

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Heiiki"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEIIKI_VERSION));
    const QStringList args = app.arguments().mid(1);
    const QString command = args.value(0);
    if (command == QLatin1String("--version")) {
        std::printf("heiiki %s\n", HEIIKI_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (command == QLatin1String("validate"))
        return heiiki::app::runValidate(args.mid(1));
    if (command == QLatin1String("path"))
        return heiiki::app::runPath(args.mid(1));
    if (command == QLatin1String("policy"))
        return heiiki::app::runPolicy(args.mid(1));
    if (command == QLatin1String("scenarios"))
        return heiiki::app::runScenarios(args.mid(1));
    std::fputs(tr("heiiki: unknown command or file \"%1\"; see heiiki --help\n")
                   .arg(command)
                   .toLocal8Bit()
                   .constData(),
               stderr);
    return 2;
}

} // namespace

/// `heiiki export` draws with the canvas's own items, so it needs a QApplication; without a
/// display it uses the offscreen platform.
int runExportCommand(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a login session (a CI job, say) there is no runtime directory, and Qt warns on
    // stderr that it makes one: give the export a private one of its own, removed at exit.
    QTemporaryDir runtimeDir;
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") && runtimeDir.isValid()
        && QFile::setPermissions(runtimeDir.path(),
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                     | QFileDevice::ExeOwner))
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir.path()));
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Heiiki"));
    QApplication::setApplicationVersion(QStringLiteral(HEIIKI_VERSION));
    return heiiki::app::runExport(app.arguments().mid(2));
}

int main(int argc, char **argv)
{
    // Before anything is allocated that validation reads: see useLargePages().
    heiiki::model::useLargePages();
    if (argc >= 2 && std::strcmp(argv[1], "export") == 0)
        return runExportCommand(argc, argv);
    if (argc >= 2) {
        const char *first = argv[1];
        const bool looksLikeFile = QFileInfo::exists(QString::fromLocal8Bit(first))
                                   || QString::fromLocal8Bit(first).endsWith(QLatin1String(".json"));
        if (isCommandWord(first) || (!looksLikeFile) || argc > 2)
            return runHeadless(argc, argv);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Heiiki"));
    QApplication::setOrganizationName(QStringLiteral("Heiiki"));
    QApplication::setApplicationVersion(QStringLiteral(HEIIKI_VERSION));
    const QString file = argc >= 2 ? QString::fromLocal8Bit(argv[1]) : QString();
    return heiiki::ui::runDesigner(app, file);
}
