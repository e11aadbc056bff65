// The palette: an icon for every element kind, every kind listed once in its section, the
// search field, and the mime data a drag carries.

#include "ui/diagramstyle.h"
#include "ui/kindicons.h"
#include "ui/palette/palettemime.h"
#include "ui/palette/palettemodel.h"
#include "ui/palette/palettewidget.h"

#include "model/core/catalogue.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <map>
#include <memory>

using namespace heiiki;
using model::ElementKind;

namespace {

/// The kinds the palette's tree shows, by section label, in the order shown.
std::map<QString, QList<ElementKind>> shownKinds(const QAbstractItemModel *model)
{
    std::map<QString, QList<ElementKind>> kinds;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex section = model->index(row, 0);
        for (int child = 0; child < model->rowCount(section); ++child) {
            const auto kind = ui::PaletteModel::kindAt(model->index(child, 0, section));
            if (kind)
                kinds[section.data().toString()].append(*kind);
        }
    }
    return kinds;
}

/// The file name of \a kind ("vpc"), or "none": what the checks compare, so that a failure says
/// which kinds differ.
QString nameOf(std::optional<ElementKind> kind)
{
    return kind ? QString::fromUtf8(model::toString(*kind)) : QStringLiteral("none");
}

QStringList namesOf(const QList<ElementKind> &kinds)
{
    QStringList names;
    for (const ElementKind kind : kinds)
        names << nameOf(kind);
    return names;
}

QList<ElementKind> allShown(const QAbstractItemModel *model)
{
    QList<ElementKind> all;
    for (const auto &[section, kinds] : shownKinds(model))
        all += kinds;
    return all;
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private slots:
    void everyKindHasAnIcon_data();
    void everyKindHasAnIcon();
    void listsEveryKindOnceInItsSection();
    void searchFilters_data();
    void searchFilters();
    void dragCarriesTheKind();
    void doubleClickActivates();
};

void TestPalette::everyKindHasAnIcon_data()
{
    QTest::addColumn<int>("kind");
    for (const auto &info : model::Catalogue::instance().elementKinds())
        QTest::newRow(info.name.c_str()) << static_cast<int>(info.kind);
}

void TestPalette::everyKindHasAnIcon()
{
    QFETCH(int, kind);
    const auto k = static_cast<ElementKind>(kind);
    QSvgRenderer *renderer = ui::kindRenderer(k);
    QVERIFY(renderer);
    QVERIFY2(renderer->isValid(), qPrintable(ui::kindIconPath(k)));
    QCOMPARE(renderer->defaultSize(), QSize(64, 64));

    // Rendered, the icon paints a good part of its square in more than one colour.
    QImage image(64, 64, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer->render(&painter);
    painter.end();
    int painted = 0;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) == 255) {
                ++painted;
                colours.insert(image.pixel(x, y));
            }
    QVERIFY2(painted > 64 * 64 / 4, qPrintable(QString::number(painted)));
    QVERIFY(colours.size() > 1);

    QVERIFY(!ui::kindIcon(k).isNull());
    QVERIFY(!ui::kindIcon(k).pixmap(24, 24).isNull());
}

void TestPalette::listsEveryKindOnceInItsSection()
{
    ui::PaletteWidget palette;
    auto *tree = palette.findChild<QTreeView *>(QStringLiteral("paletteTree"));
    QVERIFY(tree);
    const auto sections = shownKinds(tree->model());

    const auto catalogue = model::Catalogue::instance().elementKinds();
    const QList<ElementKind> all = allShown(tree->model());
    QCOMPARE(all.size(), qsizetype(catalogue.size()));
    for (const auto &info : catalogue) {
        QCOMPARE(all.count(info.kind), qsizetype(1));
        const QString section = ui::PaletteModel::sectionLabel(info.kind);
        QVERIFY2(sections.at(section).contains(info.kind), info.name.c_str());
        // Boxes under Groups; every other kind under its catalogue category.
        const QString expected = info.container ? QStringLiteral("Groups")
                                                : QString::fromUtf8(model::toString(info.category));
        QCOMPARE(section, expected);
    }
    QCOMPARE(
        namesOf(sections.at(QStringLiteral("Groups"))),
        (QStringList{"region", "account", "corporate-dc", "vpc", "availability-zone", "subnet"}));

    // The labels are the diagram's translated kind labels, with the kind's icon.
    const QModelIndex first = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(first.data().toString(), ui::diagramstyle::kindLabel(ElementKind::Region));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestPalette::searchFilters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<ElementKind>>("shown");

    QTest::newRow("empty shows all") << QString() << QList<ElementKind>();
    QTest::newRow("gate") << QStringLiteral("gate")
                          << QList<ElementKind>{ElementKind::InternetGateway,
                                                ElementKind::NatGateway,
                                                ElementKind::TransitGateway,
                                                ElementKind::DxGateway,
                                                ElementKind::Vgw};
    QTest::newRow("case-insensitive") << QStringLiteral("GATE")
                                      << QList<ElementKind>{ElementKind::InternetGateway,
                                                            ElementKind::NatGateway,
                                                            ElementKind::TransitGateway,
                                                            ElementKind::DxGateway,
                                                            ElementKind::Vgw};
    QTest::newRow("file name") << QStringLiteral("route53")
                               << QList<ElementKind>{ElementKind::Route53Phz};
    QTest::newRow("glyph") << QStringLiteral("tgw")
                           << QList<ElementKind>{ElementKind::TransitGateway};
    QTest::newRow("iam") << QStringLiteral("iam")
                         << QList<ElementKind>{
                                ElementKind::IamUser, ElementKind::IamGroup, ElementKind::IamRole};
    QTest::newRow("nothing") << QStringLiteral("mainframe") << QList<ElementKind>{};
}

void TestPalette::searchFilters()
{
    QFETCH(QString, text);
    QFETCH(QList<ElementKind>, shown);

    ui::PaletteWidget palette;
    auto *search = palette.findChild<QLineEdit *>(QStringLiteral("paletteSearch"));
    auto *tree = palette.findChild<QTreeView *>(QStringLiteral("paletteTree"));
    QVERIFY(search && tree);
    QVERIFY(!search->placeholderText().isEmpty());
    QTest::keyClicks(search, text);

    QList<ElementKind> actual = allShown(tree->model());
    if (text.isEmpty()) {
        QCOMPARE(actual.size(), qsizetype(model::kElementKindCount));
        return;
    }
    std::sort(actual.begin(), actual.end());
    std::sort(shown.begin(), shown.end());
    QCOMPARE(namesOf(actual), namesOf(shown));
    QVERIFY(!actual.contains(ElementKind::Vpc));
    // Sections without a match are hidden.
    for (int row = 0; row < tree->model()->rowCount(); ++row)
        QVERIFY(tree->model()->rowCount(tree->model()->index(row, 0)) > 0);

    search->clear();
    QCOMPARE(allShown(tree->model()).size(), qsizetype(model::kElementKindCount));
}

void TestPalette::dragCarriesTheKind()
{
    const std::unique_ptr<QMimeData> mime(ui::createKindMimeData(ElementKind::NatGateway));
    QCOMPARE(QString::fromLatin1(ui::kElementKindMimeType),
             QStringLiteral("application/x-heiiki-element-kind"));
    QVERIFY(mime->hasFormat(QStringLiteral("application/x-heiiki-element-kind")));
    QCOMPARE(mime->data(QStringLiteral("application/x-heiiki-element-kind")),
             QByteArray("nat-gateway"));
    QCOMPARE(nameOf(ui::kindFromMimeData(mime.get())), QStringLiteral("nat-gateway"));

    QMimeData other;
    other.setText(QStringLiteral("vpc"));
    QVERIFY(!ui::kindFromMimeData(&other));

    // What the tree hands to a drag of an entry: the entry's kind; a section carries nothing.
    ui::PaletteWidget palette;
    auto *tree = palette.findChild<QTreeView *>(QStringLiteral("paletteTree"));
    QAbstractItemModel *model = tree->model();
    QCOMPARE(model->mimeTypes(), QStringList{QStringLiteral("application/x-heiiki-element-kind")});
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex section = model->index(row, 0);
        QVERIFY(!(model->flags(section) & Qt::ItemIsDragEnabled));
        for (int child = 0; child < model->rowCount(section); ++child) {
            const QModelIndex entry = model->index(child, 0, section);
            QVERIFY(model->flags(entry) & Qt::ItemIsDragEnabled);
            const std::unique_ptr<QMimeData> data(model->mimeData({entry}));
            QVERIFY(data);
            const auto kind = ui::PaletteModel::kindAt(entry);
            QCOMPARE(data->data(QString::fromLatin1(ui::kElementKindMimeType)).toStdString(),
                     std::string(model::toString(*kind)));
        }
    }
}

void TestPalette::doubleClickActivates()
{
    ui::PaletteWidget palette;
    palette.resize(280, 600);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    auto *tree = palette.findChild<QTreeView *>(QStringLiteral("paletteTree"));
    QSignalSpy spy(&palette, &ui::PaletteWidget::kindActivated);

    palette.setFilterText(QStringLiteral("transit"));
    const QModelIndex entry = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(nameOf(ui::PaletteModel::kindAt(entry)), QStringLiteral("transit-gateway"));
    QTest::qWait(0); // let the tree lay out the filtered rows
    const QPoint centre = tree->visualRect(entry).center();
    // A double-click is a click followed by a double-click event, as a window system sends it.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(nameOf(spy.at(0).at(0).value<ElementKind>()), QStringLiteral("transit-gateway"));

    // Return in the search field adds the first match.
    auto *search = palette.findChild<QLineEdit *>(QStringLiteral("paletteSearch"));
    tree->setCurrentIndex({});
    palette.setFilterText(QStringLiteral("firewall"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(nameOf(spy.at(1).at(0).value<ElementKind>()), QStringLiteral("network-firewall"));

    // A section row is no kind.
    QTest::qWait(0);
    const QPoint section = tree->visualRect(tree->model()->index(0, 0)).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, section);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, section);
    QCOMPARE(spy.size(), 2);
}

int main(int argc, char **argv)
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    TestPalette test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_palette.moc"
