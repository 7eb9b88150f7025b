// The interface language, end to end: the pizhu executable started with --lang (or a Chinese locale)
// draws its menus from the embedded zh_CN translation. Each run saves a PNG of its window (the
// hidden --screenshot option); the menu bar strips are compared, since a translation that did not
// load, or a --lang that was ignored, leaves the English menus in place.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void translationFileTranslatesTheMenus();
    void langOptionAndLocaleChooseTheLanguage();

private:
    // The top rows of the window as `pizhu ARGS --screenshot` saved it, with LC_ALL set to locale.
    QImage menuStrip(const QStringList &args, const QString &locale);

    QTemporaryDir m_dir;
    int m_runs = 0;
};

void TestTranslation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PIZHU_BINARY)), PIZHU_BINARY);
}

// The compiled translation the executable embeds holds the window's menus in Chinese.
void TestTranslation::translationFileTranslatesTheMenus()
{
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(PIZHU_QM_FILE)), PIZHU_QM_FILE);
    QCOMPARE(translator.language(), u"zh_CN"_s);
    QCOMPARE(translator.translate("Pizhu::MainWindow", "&File"), u"文件(&F)"_s);
    QCOMPARE(translator.translate("Pizhu::MainWindow", "&Edit"), u"编辑(&E)"_s);
    QCOMPARE(translator.translate("Pizhu::MainWindow", "&View"), u"视图(&V)"_s);
}

QImage TestTranslation::menuStrip(const QStringList &args, const QString &locale)
{
    const QString png = m_dir.filePath(u"window-%1.png"_s.arg(++m_runs));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"LC_ALL"_s, locale);
    env.remove(u"LANGUAGE"_s);
    env.insert(u"HOME"_s, m_dir.path()); // settings of its own: no remembered window state
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PIZHU_BINARY),
        args
            + QStringList { u"--screenshot"_s, png,
                QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt") });
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
        qWarning("pizhu did not finish");
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("pizhu exited %d: %s", p.exitCode(), p.readAllStandardError().constData());
        return {};
    }
    const QImage window(png);
    // The menu bar is the top of the window: 20 rows hold its titles at any font size in use.
    return window.isNull() ? QImage() : window.copy(0, 0, window.width(), 20);
}

void TestTranslation::langOptionAndLocaleChooseTheLanguage()
{
    const QImage english = menuStrip({ u"--lang"_s, u"en"_s }, u"C.UTF-8"_s);
    const QImage chinese = menuStrip({ u"--lang"_s, u"zh_CN"_s }, u"C.UTF-8"_s);
    QVERIFY(!english.isNull() && !chinese.isNull());
    QVERIFY2(english != chinese, "--lang zh_CN drew the same menus as --lang en");
    // Without --lang, the locale decides; with it, --lang wins over the locale.
    QCOMPARE(menuStrip({}, u"zh_CN.UTF-8"_s), chinese);
    QCOMPARE(menuStrip({}, u"C.UTF-8"_s), english);
    QCOMPARE(menuStrip({ u"--lang"_s, u"en"_s }, u"zh_CN.UTF-8"_s), english);
    QCOMPARE(menuStrip({ u"--lang=zh_CN"_s }, u"C.UTF-8"_s), chinese);
}

QTEST_MAIN(TestTranslation)
#include "tst_ui_translation.moc"
