#pragma once

// Encrypted PDFs made at run time: QPdfWriter lays out a short text, qpdf (Debian's qpdf) encrypts
// it with AES-256. Tests fail with a message when qpdf is missing; ./pizhu.sh installs it.
#include <QFile>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace PdfFixture {

inline const QString &text()
{
    static const QString t = QStringLiteral(
        "一、总体要求\n坚持质量第一，推动高质量发展。\n二、主要任务\n提升产品质量，建设质量强国。");
    return t;
}

// One page, one paragraph a line.
inline bool writePlainPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    QPainter painter(&writer);
    QFont font(QStringLiteral("Noto Serif CJK SC"));
    font.setPixelSize(50);
    painter.setFont(font);
    int y = 200;
    for (const QString &line : text().split(QLatin1Char('\n'))) {
        painter.drawText(QPoint(200, y), line);
        y += 120;
    }
    return painter.end() && QFile::exists(path);
}

inline QString qpdf()
{
    return QStandardPaths::findExecutable(QStringLiteral("qpdf"));
}

// userPassword may be empty: then only the owner password is set, and any reader opens the file.
inline bool encrypt(
    const QString &in, const QString &out, const QString &userPassword, const QString &ownerPassword)
{
    QProcess p;
    p.start(qpdf(),
        { QStringLiteral("--encrypt"), userPassword, ownerPassword, QStringLiteral("256"),
            QStringLiteral("--"), in, out });
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
        && QFile::exists(out);
}

} // namespace PdfFixture
