// The targets of a work report opened as a PDF (typeset at run time with tests/typesetpdf.h, read
// back from the layout of its words) are those of the same report as text: the dateline in the
// title block dates 今年, no line of the page furniture or of a cut paragraph makes a fragment.
// A ui test only because QPdfWriter needs a QGuiApplication.
#include "importer.h"
#include "pdfreader.h"
#include "targetextractor.h"
#include "typesetpdf.h"

#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;
using TypesetPdf::Kind;

namespace {

QStringList describeAll(const QList<Target> &targets)
{
    QStringList lines;
    for (const Target &t : targets)
        lines.append(QStringList { t.indicator, Target::directionName(t.direction),
            Target::comparatorName(t.comparator), t.value, t.unit, t.horizon, t.change }
                         .join(u'|'));
    return lines;
}

} // namespace

class TestTargetsPdf : public QObject
{
    Q_OBJECT

private slots:
    void aReportAsPdfGivesTheTargetsOfItsText();
};

void TestTargetsPdf::aReportAsPdfGivesTheTargetsOfItsText()
{
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    QFile file(QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/work-report-2024.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const auto fromText = Importer().importText(text);
    QVERIFY(fromText.ok());
    const QStringList expected = describeAll(TargetExtractor().extract(fromText.value()));
    QVERIFY(expected.size() > 10);

    // The title block centred, the section headings in larger type, the rest as paragraphs; long
    // enough paragraphs to be cut by the page breaks.
    QList<TypesetPdf::Block> blocks;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (blocks.size() < 2)
            blocks.append({ Kind::Centred, line, 16 });
        else if (line.size() > 2 && line.at(1) == u'、')
            blocks.append({ Kind::Heading, line, 15 });
        else if (line.endsWith(u'：'))
            blocks.append({ Kind::Flush, line });
        else
            blocks.append({ Kind::Paragraph, line });
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(u"report.pdf"_s);
    TypesetPdf::Options options;
    options.runningHeader = u"政府工作报告"_s;
    options.linesPerPage = 12;
    QVERIFY(TypesetPdf::write(pdf, blocks, options));
    const auto laidOut = PdfReader::readLayout(pdf);
    QVERIFY(laidOut.ok());
    QVERIFY(laidOut->pages.size() >= 2);
    const auto fromPdf = Importer().importLaidOut(laidOut.value());
    QVERIFY(fromPdf.ok());
    QCOMPARE(TargetExtractor::documentYear(fromPdf.value()), 2024);
    QCOMPARE(describeAll(TargetExtractor().extract(fromPdf.value())), expected);
}

QTEST_MAIN(TestTargetsPdf)
#include "tst_ui_targetspdf.moc"
