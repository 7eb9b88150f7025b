#include "filepreview.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

class TestFilePreview : public QObject
{
    Q_OBJECT
private slots:
    void cutsAtTheLastLineEnd_data();
    void cutsAtTheLastLineEnd();
    void previewsOnlyTheOpeningOfALargeFile();
    void smallOrUnreadableFilesHaveNoPreview();
};

void TestFilePreview::cutsAtTheLastLineEnd_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("cut");
    QTest::newRow("utf-8") << QByteArray("ab\ncd\nef") << QByteArray("ab\ncd\n");
    QTest::newRow("no line end") << QByteArray("abcdef") << QByteArray();
    QTest::newRow("ends on a line end") << QByteArray("ab\n") << QByteArray("ab\n");
    // UTF-16LE "a\nb": 61 00 0A 00 62 00 — the zero after the line feed is part of it.
    QTest::newRow("utf-16le") << QByteArray("a\0\n\0b\0", 6) << QByteArray("a\0\n\0", 4);
    // UTF-16BE "a\nb": 00 61 00 0A 00 62.
    QTest::newRow("utf-16be") << QByteArray("\0a\0\n\0b", 6) << QByteArray("\0a\0\n", 4);
}

void TestFilePreview::cutsAtTheLastLineEnd()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, cut);
    QCOMPARE(cutAtLastLineEnd(bytes), cut);
}

void TestFilePreview::previewsOnlyTheOpeningOfALargeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 4000; ++i)
        file.write(u"第%1段。正文。\n\n"_s.arg(i).toUtf8());
    file.close();
    const auto preview = importFilePreview(path, 4096);
    QVERIFY(preview);
    const QString text = preview->text();
    QVERIFY(text.startsWith(u"第0段。正文。"_s));
    QVERIFY(text.contains(u"第10段。"_s));
    QVERIFY(!text.contains(u"第3999段。"_s));
    QVERIFY(text.toUtf8().size() <= 4096);
}

void TestFilePreview::smallOrUnreadableFilesHaveNoPreview()
{
    QTemporaryDir dir;
    const QString small = dir.filePath(u"small.txt"_s);
    QFile file(small);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("一行。\n");
    file.close();
    QVERIFY(!importFilePreview(small, 4096));
    QVERIFY(!importFilePreview(dir.filePath(u"missing.txt"_s), 4096));
    QVERIFY(!importFilePreview(dir.path(), 0)); // a directory
    const QString binary = dir.filePath(u"binary.bin"_s);
    QFile bin(binary);
    QVERIFY(bin.open(QIODevice::WriteOnly));
    bin.write(QByteArray(4000, '\0') + "\n" + QByteArray(8000, '\0'));
    bin.close();
    QVERIFY(!importFilePreview(binary, 8192));
    // A PDF whose opening is plain ASCII objects, as many are.
    const QString pdf = dir.filePath(u"document.pdf"_s);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::WriteOnly));
    pdfFile.write("%PDF-1.4\n");
    for (int i = 1; i < 400; ++i)
        pdfFile.write(QByteArray::number(i) + " 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n");
    pdfFile.close();
    QVERIFY(QFileInfo(pdf).size() > 8192);
    QVERIFY(!importFilePreview(pdf, 8192));
}

QTEST_GUILESS_MAIN(TestFilePreview)
#include "tst_filepreview.moc"
