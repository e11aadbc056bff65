// Cidr: what the loader accepts as a network, and the containment and overlap tests that
// NET-018 and the route checks rely on.

#include "model/core/cidr.h"

#include <QtTest>

#include <arpa/inet.h>

using heiiki::model::Cidr;

class tst_Cidr : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseAddress_data();
    void parseAddress();
    void addressesAsTheSystemReadsThem();
    void containsOverlaps_data();
    void containsOverlaps();
    void lastAddress_data();
    void lastAddress();
};

static Cidr cidr(const char *text)
{
    std::string why;
    const auto parsed = Cidr::parse(text, &why);
    if (!parsed)
        qFatal("test input %s does not parse: %s", text, why.c_str());
    return *parsed;
}

void tst_Cidr::parseValid_data()
{
    // clang-format off
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // toString()
    QTest::addColumn<bool>("v6");
    QTest::addColumn<int>("prefix");

    QTest::newRow("vpc /16") << "10.0.0.0/16" << "10.0.0.0/16" << false << 16;
    QTest::newRow("subnet /24") << "10.0.1.0/24" << "10.0.1.0/24" << false << 24;
    QTest::newRow("host /32") << "192.168.1.1/32" << "192.168.1.1/32" << false << 32;
    QTest::newRow("default route") << "0.0.0.0/0" << "0.0.0.0/0" << false << 0;
    QTest::newRow("class A /8") << "10.0.0.0/8" << "10.0.0.0/8" << false << 8;
    QTest::newRow("top of the space") << "255.255.255.255/32" << "255.255.255.255/32" << false
                                      << 32;
    QTest::newRow("v6 /32") << "2001:db8::/32" << "2001:db8::/32" << true << 32;
    QTest::newRow("v6 upper case is written lower case")
        << "2001:DB8:AB::/48" << "2001:db8:ab::/48" << true << 48;
    QTest::newRow("v6 long form is written short")
        << "2001:0db8:0000:0000:0000:0000:0000:0000/64" << "2001:db8::/64" << true << 64;
    QTest::newRow("v6 default route") << "::/0" << "::/0" << true << 0;
    QTest::newRow("v6 ULA /8") << "fd00::/8" << "fd00::/8" << true << 8;
    QTest::newRow("v6 /56 across the 64-bit halves")
        << "2406:da14:ab:cd00::/56" << "2406:da14:ab:cd00::/56" << true << 56;
    QTest::newRow("v6 host /128") << "2001:db8::1/128" << "2001:db8::1/128" << true << 128;
    // clang-format on
}

void tst_Cidr::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(bool, v6);
    QFETCH(int, prefix);

    std::string why;
    const auto parsed = Cidr::parse(text.toStdString(), &why);
    QVERIFY2(parsed, why.c_str());
    QCOMPARE(QString::fromStdString(parsed->toString()), canonical);
    QCOMPARE(parsed->family() == Cidr::Family::V6, v6);
    QCOMPARE(parsed->prefixLength(), prefix);
    QCOMPARE(parsed->maxPrefix(), v6 ? 128 : 32);
    QCOMPARE(parsed->isDefaultRoute(), prefix == 0);
    // What is written reads back as the same network.
    QCOMPARE(Cidr::parse(parsed->toString()), parsed);
}

void tst_Cidr::parseInvalid_data()
{
    // clang-format off
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason"); // a substring of the message the user sees

    QTest::newRow("host bits set") << "10.0.0.1/16" << "host bits are set";
    QTest::newRow("host bits set in a /24") << "10.0.1.128/24" << "host bits are set";
    QTest::newRow("host bits with /0") << "10.0.0.0/0" << "host bits are set";
    QTest::newRow("v6 host bits") << "2001:db8::1/64" << "host bits are set";
    QTest::newRow("v6 host bits in the high half") << "2001:db8:0:1::/48" << "host bits are set";
    QTest::newRow("prefix over 32") << "10.0.0.0/33" << "IPv4 prefix length must be 0 to 32";
    QTest::newRow("negative prefix") << "10.0.0.0/-1" << "IPv4 prefix length must be 0 to 32";
    QTest::newRow("v6 prefix over 128") << "2001:db8::/129"
                                        << "IPv6 prefix length must be 0 to 128";
    QTest::newRow("no prefix") << "10.0.0.0" << "missing '/prefix'";
    QTest::newRow("empty") << "" << "missing '/prefix'";
    QTest::newRow("empty prefix") << "10.0.0.0/" << "prefix length is not a number";
    QTest::newRow("word prefix") << "10.0.0.0/sixteen" << "prefix length is not a number";
    QTest::newRow("trailing text") << "10.0.0.0/16x" << "prefix length is not a number";
    QTest::newRow("trailing space") << "10.0.0.0/16 " << "prefix length is not a number";
    QTest::newRow("two slashes") << "10.0.0.0/16/24" << "prefix length is not a number";
    QTest::newRow("garbage address") << "banana/8" << "not an IPv4 or IPv6 address";
    QTest::newRow("octet over 255") << "256.0.0.0/8" << "not an IPv4 or IPv6 address";
    QTest::newRow("three octets") << "10.0.0/24" << "not an IPv4 or IPv6 address";
    QTest::newRow("leading space") << " 10.0.0.0/16" << "not an IPv4 or IPv6 address";
    QTest::newRow("bad v6") << "2001:db8:::/32" << "not an IPv4 or IPv6 address";
    // clang-format on
}

void tst_Cidr::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    std::string why;
    const auto parsed = Cidr::parse(text.toStdString(), &why);
    if (parsed)
        QFAIL(qPrintable("accepted as " + QString::fromStdString(parsed->toString())));
    QVERIFY2(QString::fromStdString(why).contains(reason), why.c_str());
    // The reason is optional for callers that only want yes or no.
    QVERIFY(!Cidr::parse(text.toStdString()));
}

void tst_Cidr::parseAddress_data()
{
    // clang-format off
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network"); // empty: refused

    QTest::newRow("v4 address") << "10.0.1.25" << "10.0.1.25/32";
    QTest::newRow("v6 address") << "2001:db8::25" << "2001:db8::25/128";
    QTest::newRow("a CIDR is not an address") << "10.0.0.0/8" << "";
    QTest::newRow("garbage") << "localhost" << "";
    QTest::newRow("empty") << "" << "";
    // clang-format on
}

void tst_Cidr::parseAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, network);

    const auto parsed = Cidr::parseAddress(text.toStdString());
    if (network.isEmpty()) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(QString::fromStdString(parsed->toString()), network);
    QCOMPARE(parsed->prefixLength(), parsed->maxPrefix());
}

// Cidr reads dotted quads itself (the common case) and hands everything else to inet_pton: a
// text the system reads as an address must give the same address, and one it refuses must be
// refused.
void tst_Cidr::addressesAsTheSystemReadsThem()
{
    const char *texts[] = {"10.0.1.25", "0.0.0.0", "255.255.255.255", "1.2.3.4", "192.168.001.1",
                           "01.2.3.4", "1.2.3.04", "1.2.3.0", "256.1.1.1", "1.2.3.256",
                           "1234.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.",
                           "1.2.3.4 ", " 1.2.3.4", "1.2.3.0x1", "1.2.3.-1", "1.2.3.4/32", "a.b.c.d",
                           "::ffff:1.2.3.4", "2001:db8::1", "999", "", "."};
    for (const char *text : texts) {
        in_addr v4{};
        const bool system = inet_pton(AF_INET, text, &v4) == 1;
        in6_addr v6{};
        const bool system6 = !system && inet_pton(AF_INET6, text, &v6) == 1;
        const auto parsed = Cidr::parseAddress(text);
        QVERIFY2(parsed.has_value() == (system || system6), text);
        if (system) {
            QCOMPARE(parsed->family(), Cidr::Family::V4);
            QCOMPARE(parsed->first()[1], static_cast<uint64_t>(ntohl(v4.s_addr)));
        }
    }
}

void tst_Cidr::containsOverlaps_data()
{
    // clang-format off
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("aContainsB");
    QTest::addColumn<bool>("overlap");

    QTest::newRow("subnet in its VPC") << "10.0.0.0/16" << "10.0.1.0/24" << true << true;
    QTest::newRow("VPC in its subnet") << "10.0.1.0/24" << "10.0.0.0/16" << false << true;
    QTest::newRow("equal") << "10.0.0.0/16" << "10.0.0.0/16" << true << true;
    QTest::newRow("neighbours") << "10.0.0.0/16" << "10.1.0.0/16" << false << false;
    QTest::newRow("adjacent halves") << "10.0.0.0/17" << "10.0.128.0/17" << false << false;
    QTest::newRow("last address shared") << "10.0.0.0/24" << "10.0.0.255/32" << true << true;
    QTest::newRow("one past the end") << "10.0.0.0/24" << "10.0.1.0/32" << false << false;
    QTest::newRow("default route holds all") << "0.0.0.0/0" << "192.168.0.0/16" << true << true;
    QTest::newRow("corporate /8 and a VPC") << "10.0.0.0/8" << "10.20.0.0/16" << true << true;
    QTest::newRow("v4 and v6 never meet") << "::/0" << "10.0.0.0/8" << false << false;
    QTest::newRow("v4-mapped v6 is another family")
        << "::ffff:0:0/96" << "10.0.0.0/8" << false << false;
    QTest::newRow("v6 /48 in /32") << "2001:db8::/32" << "2001:db8:1::/48" << true << true;
    QTest::newRow("v6 neighbours") << "2001:db8::/32" << "2001:db9::/32" << false << false;
    QTest::newRow("v6 /64 halves") << "2001:db8::/64" << "2001:db8:0:0:8000::/65" << true << true;
    QTest::newRow("v6 next /64") << "2001:db8::/64" << "2001:db8:0:1::/64" << false << false;
    QTest::newRow("v6 /63 holds the next /64") << "2001:db8::/63" << "2001:db8:0:1::/64" << true
                                               << true;
    QTest::newRow("v6 default route") << "::/0" << "fd00::/8" << true << true;
    QTest::newRow("v6 host at the end")
        << "2001:db8::/64" << "2001:db8::ffff:ffff:ffff:ffff/128" << true << true;
    // clang-format on
}

void tst_Cidr::containsOverlaps()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, aContainsB);
    QFETCH(bool, overlap);

    const Cidr x = cidr(qPrintable(a));
    const Cidr y = cidr(qPrintable(b));
    QCOMPARE(x.contains(y), aContainsB);
    QCOMPARE(x.overlaps(y), overlap);
    QCOMPARE(y.overlaps(x), overlap); // overlapping is symmetric
    QVERIFY(x.contains(x));
    if (aContainsB)
        QVERIFY(overlap);
}

void tst_Cidr::lastAddress_data()
{
    // clang-format off
    QTest::addColumn<QString>("network");
    QTest::addColumn<quint64>("lastHigh");
    QTest::addColumn<quint64>("lastLow");

    QTest::newRow("v4 /16") << "10.0.0.0/16" << quint64(0) << quint64(0x0A00FFFF);
    QTest::newRow("v4 /32") << "10.0.0.7/32" << quint64(0) << quint64(0x0A000007);
    QTest::newRow("v4 /0") << "0.0.0.0/0" << quint64(0) << quint64(0xFFFFFFFF);
    QTest::newRow("v6 /64") << "2001:db8::/64" << quint64(0x20010DB800000000ULL)
                            << quint64(0xFFFFFFFFFFFFFFFFULL);
    QTest::newRow("v6 /32") << "2001:db8::/32" << quint64(0x20010DB8FFFFFFFFULL)
                            << quint64(0xFFFFFFFFFFFFFFFFULL);
    QTest::newRow("v6 /0") << "::/0" << quint64(0xFFFFFFFFFFFFFFFFULL)
                           << quint64(0xFFFFFFFFFFFFFFFFULL);
    // clang-format on
}

void tst_Cidr::lastAddress()
{
    QFETCH(QString, network);
    QFETCH(quint64, lastHigh);
    QFETCH(quint64, lastLow);

    const auto last = cidr(qPrintable(network)).last();
    QCOMPARE(quint64(last[0]), lastHigh);
    QCOMPARE(quint64(last[1]), lastLow);
}

QTEST_APPLESS_MAIN(tst_Cidr)
#include "tst_cidr.moc"
