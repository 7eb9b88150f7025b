#include "readingcolours.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

struct Lab
{
    double l = 0, a = 0, b = 0;
};

// sRGB (D65) to CIELAB.
Lab toLab(const QColor &colour)
{
    const auto linear
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double r = linear(colour.redF()), g = linear(colour.greenF()), b = linear(colour.blueF());
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const auto f = [](double t) {
        constexpr double d = 6.0 / 29;
        return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    };
    return { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
}

double degrees(double radians)
{
    return radians * 180 / std::numbers::pi;
}
double radians(double degrees)
{
    return degrees * std::numbers::pi / 180;
}

// CIEDE2000 colour difference, after Sharma, Wu and Dalal, "The CIEDE2000 color-difference
// formula: implementation notes, supplementary test data, and mathematical observations" (2005),
// with kL = kC = kH = 1.
double ciede2000(const Lab &p, const Lab &q)
{
    const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
    const double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
    const auto hue = [](double b, double a) {
        if (a == 0 && b == 0)
            return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
    const double dL = q.l - p.l, dC = c2p - c1p;
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lMean = (p.l + q.l) / 2, cMean = (c1p + c2p) / 2;
    double hMean = h1 + h2;
    if (c1p * c2p != 0) {
        if (std::abs(h1 - h2) <= 180)
            hMean = (h1 + h2) / 2;
        else
            hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean))
        + 0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cMeanP7 = std::pow(cMean, 7);
    const double rc = 2 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sc = 1 + 0.045 * cMean;
    const double sh = 1 + 0.015 * cMean * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    const double l = dL / sl, c = dC / sc, h = dH / sh;
    return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

// A translucent colour as it shows painted over an opaque one.
QColor over(const QColor &top, const QColor &under)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + under.redF() * (1 - a)),
        float(top.greenF() * a + under.greenF() * (1 - a)), float(top.blueF() * a + under.blueF() * (1 - a)));
}

// Every mark a reader must tell apart, as it shows on the page.
QList<std::pair<QString, QColor>> marks(const ReadingColours &c)
{
    const QStringList names { u"yellow"_s, u"green"_s, u"blue"_s, u"pink"_s, u"purple"_s };
    QList<std::pair<QString, QColor>> out;
    for (size_t i = 0; i < c.highlights.size(); ++i)
        out.append({ names.at(qsizetype(i)), over(c.highlights[i], c.page) });
    out.append({ u"selection"_s, c.selection });
    out.append({ u"find hit"_s, c.findHit });
    out.append({ u"current find hit"_s, c.currentHit });
    return out;
}

QPalette lightSystem()
{
    QPalette p(Qt::black, QColor(239, 239, 239), Qt::white, QColor(160, 160, 160), QColor(200, 200, 200),
        Qt::black, Qt::white, Qt::white, QColor(239, 239, 239));
    p.setColor(QPalette::Highlight, QColor(48, 140, 198));
    return p;
}

QPalette darkSystem()
{
    QPalette p(Qt::white, QColor(60, 60, 60), QColor(90, 90, 90), QColor(20, 20, 20), QColor(40, 40, 40),
        QColor(230, 230, 230), Qt::white, QColor(42, 42, 42), QColor(50, 50, 50));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    return p;
}

} // namespace

class TestReadingColours : public QObject
{
    Q_OBJECT

private slots:
    void ciede2000MatchesThePublishedTestData_data();
    void ciede2000MatchesThePublishedTestData();
    void marksDifferByAtLeastTheMinimumDistance_data();
    void marksDifferByAtLeastTheMinimumDistance();
    void themeKeysRoundTrip();
    void nightIsDarkAndHighContrastIsBlackAndWhite();
};

void TestReadingColours::ciede2000MatchesThePublishedTestData_data()
{
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    // Pairs from Sharma et al.'s table of test data.
    QTest::newRow("pair 1, blue hue") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
    QTest::newRow("pair 2, blue hue") << 50.0 << 3.1571 << -77.2803 << 50.0 << 0.0 << -82.7485 << 2.8615;
    QTest::newRow("pair 7, from grey") << 50.0 << 0.0 << 0.0 << 50.0 << -1.0 << 2.0 << 2.3669;
    QTest::newRow("pair 17, large difference") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
    QTest::newRow("pair 18, large difference") << 50.0 << 2.5 << 0.0 << 61.0 << -5.0 << 29.0 << 22.8977;
    QTest::newRow("pair 25, greens") << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387
                                     << 1.2644;
    QTest::newRow("pair 31, near white")
        << 90.9257 << -0.5406 << -0.9208 << 88.6381 << -0.8985 << -0.7239 << 1.5381;
    QTest::newRow("pair 33, near black")
        << 2.0776 << 0.0795 << -1.1350 << 0.9033 << -0.0636 << -0.5514 << 0.9082;
}

void TestReadingColours::ciede2000MatchesThePublishedTestData()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    QCOMPARE(std::round(ciede2000({ l1, a1, b1 }, { l2, a2, b2 }) * 1e4) / 1e4, expected);
    QCOMPARE(std::round(ciede2000({ l2, a2, b2 }, { l1, a1, b1 }) * 1e4) / 1e4, expected);
}

void TestReadingColours::marksDifferByAtLeastTheMinimumDistance_data()
{
    QTest::addColumn<ReadingColours>("colours");
    QTest::newRow("light") << ReadingColours::forTheme(Theme::Light, lightSystem());
    QTest::newRow("night") << ReadingColours::forTheme(Theme::Night, lightSystem());
    QTest::newRow("high contrast, black on white")
        << ReadingColours::forTheme(Theme::HighContrast, lightSystem());
    QTest::newRow("high contrast, white on black")
        << ReadingColours::forTheme(Theme::HighContrast, darkSystem());
    QTest::newRow("follow a light desktop") << ReadingColours::forTheme(Theme::System, lightSystem());
    QTest::newRow("follow a dark desktop") << ReadingColours::forTheme(Theme::System, darkSystem());
}

void TestReadingColours::marksDifferByAtLeastTheMinimumDistance()
{
    QFETCH(ReadingColours, colours);
    const auto all = marks(colours);
    double closest = 1e9;
    QString pair;
    for (qsizetype i = 0; i < all.size(); ++i)
        for (qsizetype j = i + 1; j < all.size(); ++j) {
            const double d = ciede2000(toLab(all.at(i).second), toLab(all.at(j).second));
            if (d < closest) {
                closest = d;
                pair = all.at(i).first + u" / "_s + all.at(j).first;
            }
        }
    qInfo("closest pair: %s, CIEDE2000 %.1f", qPrintable(pair), closest);
    QVERIFY2(closest >= ReadingColours::MinDistance,
        qPrintable(u"%1 differ by only %2"_s.arg(pair).arg(closest, 0, 'f', 1)));
}

void TestReadingColours::themeKeysRoundTrip()
{
    for (Theme theme : { Theme::System, Theme::Light, Theme::Night, Theme::HighContrast })
        QCOMPARE(ReadingColours::fromKey(ReadingColours::key(theme)), theme);
    QCOMPARE(ReadingColours::fromKey(u"no such theme"_s), Theme::System);
}

void TestReadingColours::nightIsDarkAndHighContrastIsBlackAndWhite()
{
    const ReadingColours night = ReadingColours::forTheme(Theme::Night, lightSystem());
    QVERIFY(night.page.lightness() < 60);
    QVERIFY(night.text.lightness() > 160);
    const ReadingColours high = ReadingColours::forTheme(Theme::HighContrast, lightSystem());
    QCOMPARE(high.page, QColor(Qt::white));
    QCOMPARE(high.text, QColor(Qt::black));
    QVERIFY(high.outlines[0].isValid());
    const ReadingColours highDark = ReadingColours::forTheme(Theme::HighContrast, darkSystem());
    QCOMPARE(highDark.page, QColor(Qt::black));
    QCOMPARE(highDark.text, QColor(Qt::white));
    QVERIFY(!ReadingColours::forTheme(Theme::Light, darkSystem()).outlines[0].isValid());
}

QTEST_MAIN(TestReadingColours)
#include "tst_ui_readingcolours.moc"
