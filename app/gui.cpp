#include "gui.h"

#include "documentview.h"
#include "interfacelanguage.h"
#include "mainwindow.h"
#include "pdfreader.h"
#include "windowassembly.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

// The bundled document lives in pizhu_core, a static library: its resources are only linked in
// when something names them.
static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Pizhu {

namespace {

struct GuiOptions
{
    QString lang;
    QString db; // the annotation database (AnnotationStore::resolvePath)
    QString file;
    QString screenshot; // hidden: save a PNG of the window once the document shows, then quit
    bool reportFirstPaint = false; // hidden: print "first-paint" once the text is painted (bench)
    QString error;
};

GuiOptions parseOptions(const QStringList &args)
{
    GuiOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto valueOf = [&](const QString &name, QString &target) {
            if (arg == name) {
                if (i + 1 >= args.size()) {
                    options.error = u"%1 needs a value"_s.arg(name);
                    return true;
                }
                target = args.at(++i);
                return true;
            }
            if (arg.startsWith(name + u'=')) {
                target = arg.mid(name.size() + 1);
                return true;
            }
            return false;
        };
        if (valueOf(u"--lang"_s, options.lang) || valueOf(u"--db"_s, options.db)
            || valueOf(u"--screenshot"_s, options.screenshot))
            continue;
        if (arg == u"--report-first-paint")
            options.reportFirstPaint = true;
        else if (arg.startsWith(u"--"))
            options.error = u"unknown option %1"_s.arg(arg);
        else if (options.file.isEmpty())
            options.file = arg;
        else
            options.error = u"only one FILE can be opened"_s;
    }
    return options;
}

// Prints one line when the watched widget first paints, for the start-up benchmark.
class FirstPaintReporter final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("first-paint\n", stdout);
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
        }
        return false;
    }
};

// Chinese text wants the Simplified Chinese forms of the Han characters, which fontconfig's
// fallback does not pick unless the locale is Chinese. Naming the face once for the whole
// application keeps the interface and the text on the same face: each further CJK face costs
// 10-20 MB of resident font file.
void preferSimplifiedChineseFace()
{
    QFont font = QApplication::font();
    QStringList families = font.families().isEmpty() ? QStringList { font.family() } : font.families();
    for (const QString &cjk : { u"Noto Sans CJK SC"_s, u"Source Han Sans SC"_s }) {
        if (QFontDatabase::hasFamily(cjk)) {
            families.append(cjk);
            break;
        }
    }
    font.setFamilies(families);
    // Bold interface text (table headers measure every label in bold) then comes from the regular
    // face emboldened, as in the panes (see boldFormat() in ui/view/panecontent.cpp), rather than from
    // the CJK bold face, which would add megabytes of font file to every start-up. A family whose
    // regular style has another name (DejaVu's "Book") is matched by weight as before.
    font.setStyleName(u"Regular"_s);
    QApplication::setFont(font);
}

} // namespace

int runGui(int &argc, char **argv)
{
    initBundledResources();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"pizhu"_s);
    QApplication::setOrganizationName(u"pizhu"_s);
    QApplication::setApplicationVersion(QStringLiteral(PIZHU_VERSION));

    const GuiOptions options = parseOptions(app.arguments().mid(1));
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << u"pizhu: "_s << options.error << u"\nTry pizhu --help.\n"_s;
        return 2;
    }
    const QString file = options.file.isEmpty() ? MainWindow::bundledDocumentPath() : options.file;
    // A PDF needs Poppler, whose libraries take a while to map, and its first pages read: that
    // happens while the window is made. Only a regular file is looked into (a pipe would wait for
    // its writer).
    if (QFile head(file); QFileInfo(file).isFile() && head.open(QIODevice::ReadOnly)
        && PdfReader::looksLikePdf(head.read(1024)))
        PdfReader::readOpeningAhead(file);
    // Before any widget exists: each takes its words from the translators installed then.
    const QLocale locale = interfaceLocale(options.lang);
    QLocale::setDefault(locale);
    installTranslators(locale);
    preferSimplifiedChineseFace();

    QSettings settings;
    const AssembledWindow assembled = assembleWindow(&settings, options.db);
    MainWindow &window = *assembled.window;
    // A fixed size makes screenshots reproducible and the start-up benchmark fair.
    if (!options.screenshot.isEmpty() || options.reportFirstPaint)
        window.resize(1400, 900);

    FirstPaintReporter reporter;
    if (options.reportFirstPaint || !options.screenshot.isEmpty()) {
        // The first text on screen may be the opening of a large file, shown while it loads.
        QObject::connect(&window, &MainWindow::previewShown, &window, [&] {
            if (options.reportFirstPaint)
                window.previewView()->viewport()->installEventFilter(&reporter);
        });
        QObject::connect(&window, &MainWindow::documentChanged, &window, [&] {
            if (options.reportFirstPaint)
                window.mainView()->viewport()->installEventFilter(&reporter);
            if (!options.screenshot.isEmpty()) {
                // Give the first paint and the font fallback a moment before grabbing.
                QTimer::singleShot(800, &window, [&] {
                    const bool saved = window.grab().save(options.screenshot, "PNG");
                    QCoreApplication::exit(saved ? 0 : 1);
                });
            }
        });
        QObject::connect(&window, &MainWindow::loadFailed, &app, [] { QCoreApplication::exit(3); });
    }

    // Shown first so that the panes have their widths when the text goes in; a small document is
    // still in place before the window first paints (that happens in the event loop), a large one
    // shows progress.
    window.show();
    window.openFileNow(file);
    return app.exec();
}

} // namespace Pizhu
