// The baseline for tst_bench_startup: the least a Qt Widgets program can do to show the same
// file, an empty QTreeView beside a QTextBrowser holding the text. Pizhu's start-up and memory
// are measured against this.
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fputs("usage: bench_minimal_reader FILE [--report-first-paint]\n", stderr);
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly))
        return 3;

    QSplitter window;
    auto *tree = new QTreeView(&window);
    auto *text = new QTextBrowser(&window);
    text->setPlainText(QString::fromUtf8(file.readAll()));
    window.setSizes({ 280, 1120 });
    window.resize(1400, 900);

    FirstPaintReporter reporter;
    if (args.contains(u"--report-first-paint"_s))
        text->viewport()->installEventFilter(&reporter);
    window.show();
    Q_UNUSED(tree);
    return app.exec();
}
