#pragma once

// Typesets a document into a PDF as documents reach readers: a text column with margins, each
// paragraph's first line indented by two characters (Chinese) or an em or two (English), lines
// filled to the column's width (a paragraph's last line is often full too), headings in larger
// type, centred title lines, a running header and a page number in the margins. Written with
// QPdfWriter at run time, so the tests need no PDF files of their own. Header-only so each test
// program stays one .cpp.

#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>

namespace TypesetPdf {

enum class Kind {
    Paragraph, // indented first line, filled lines
    Flush, // a paragraph without indent ("各位代表：")
    Heading, // larger type, left aligned, no indent
    Centred, // a title line, centred
    Footnote, // in small type at the foot of the page the text has reached
    TableRow, // cells parted by " | " in text, each set at the start of its share of the column
    ListItem // "1. text": the label at the column's start, the text and its lines after two ems
};

struct Block
{
    Block(Kind kind = Kind::Paragraph, QString text = {}, double points = 12, bool heading = false)
        : kind(kind), text(std::move(text)), points(points), heading(heading)
    { }
    Kind kind;
    QString text;
    double points; // type size
    bool heading; // a heading set in body type (numbered); Heading blocks are headings anyway
    QString family; // another face than the document's (a heading in bold sans); empty: the document's
    bool bold = false;
};

struct Options
{
    QString runningHeader; // drawn at the top of every page but the first; empty: none
    bool pageNumbers = true; // "— N —" at the foot of every page
    double bodyPoints = 12;
    double columnWidthEm = 28; // text column, in body ems (both columns and the gutter, when two)
    int columns = 1; // 2: the text runs down the left column, then the right one
    int linesPerPage = 32; // at most: fewer where the page is full first
    int footnoteLines = 0; // lines of small type kept free at the foot of every page for footnotes
    QString family = QStringLiteral("Noto Sans CJK SC");
    bool ragged = false; // lines left as they break, not spread to the column's right edge
};

// Breaks text into lines no wider than width (in the font's units): between words where the text
// has spaces, anywhere else (Chinese), but never before a comma, stop or closing bracket (the
// character before goes down with it, as Chinese typesetting has it). The first line is narrower
// by indent.
inline QStringList breakLines(const QString &text, const QFontMetricsF &fm, double width, double indent)
{
    QStringList lines;
    QString line;
    double available = width - indent;
    const bool spaced = text.contains(u' ');
    const QStringList pieces = spaced ? text.split(u' ') : QStringList();
    auto flush = [&] {
        lines.append(line);
        line.clear();
        available = width;
    };
    if (spaced) {
        for (const QString &word : pieces) {
            const QString candidate = line.isEmpty() ? word : line + u' ' + word;
            if (!line.isEmpty() && fm.horizontalAdvance(candidate) > available)
                flush();
            line = line.isEmpty() ? word : line + u' ' + word;
        }
    } else {
        const QString noLineStart = QStringLiteral("、。，；：？！）》」』”");
        for (QChar c : text) {
            if (!line.isEmpty() && fm.horizontalAdvance(line + c) > available) {
                QString carried;
                if (noLineStart.contains(c) && line.size() > 1) {
                    carried = line.back();
                    line.chop(1);
                }
                flush();
                line = carried;
            }
            line += c;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

// Writes blocks to path; false if the file could not be written.
inline bool write(const QString &path, const QList<Block> &blocks, const Options &options = {})
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72); // one device unit a point
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRectF page = painter.viewport();
    // Unhinted: the advances the PDF records, so a line breaks where its next word truly does not
    // fit (hinted screen advances at 72 dpi are rounded, and lines would break early).
    auto face = [&](double points, const QString &family = {}, bool bold = false) {
        QFont font(family.isEmpty() ? options.family : family);
        font.setPointSizeF(points);
        font.setBold(bold);
        font.setHintingPreference(QFont::PreferNoHinting);
        return font;
    };
    const QFont body = face(options.bodyPoints);
    const QFontMetricsF bodyMetrics(body, &writer); // the writer's 72 dpi, not the screen's
    const double em = bodyMetrics.horizontalAdvance(QStringLiteral("中"));
    const double textWidth = options.columnWidthEm * em;
    const double textLeft = (page.width() - textWidth) / 2;
    const double gutter = options.columns > 1 ? 2 * em : 0;
    const double column = (textWidth - gutter * (options.columns - 1)) / options.columns;
    int columnIndex = 0;
    double left = textLeft; // of the column the text has reached
    const double lineHeight = bodyMetrics.height() * 1.5;
    const double top = 72 + lineHeight;
    const QFont small = face(options.bodyPoints * 0.75);
    const QFontMetricsF smallMetrics(small, &writer);
    const double smallLineHeight = smallMetrics.height() * 1.3;
    // The text ends above the footnotes' room and the page number's band, whatever linesPerPage
    // asks for.
    const double footnoteRoom = options.footnoteLines * smallLineHeight;
    const double bottom
        = std::min(top + options.linesPerPage * lineHeight, page.height() - 72 - lineHeight) - footnoteRoom;
    int pageNumber = 1;
    double y = top;
    double footY = bottom + smallLineHeight; // where the page's next footnote line goes
    auto furniture = [&] {
        painter.setFont(face(options.bodyPoints * 0.75));
        if (pageNumber > 1 && !options.runningHeader.isEmpty())
            painter.drawText(QRectF(textLeft, 40, textWidth, 20), Qt::AlignHCenter | Qt::AlignBottom,
                options.runningHeader);
        if (options.pageNumbers)
            painter.drawText(QRectF(textLeft, page.height() - 60, textWidth, 20),
                Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("— %1 —").arg(pageNumber));
    };
    furniture();
    auto newLine = [&](double height) {
        if (y + height > bottom) {
            y = top;
            if (++columnIndex >= options.columns) {
                writer.newPage();
                ++pageNumber;
                columnIndex = 0;
                footY = bottom + smallLineHeight;
                furniture();
            }
            left = textLeft + columnIndex * (column + gutter);
        }
        y += height;
    };
    for (const Block &block : blocks) {
        if (block.kind == Kind::Footnote) {
            painter.setFont(small);
            for (const QString &line : breakLines(block.text, smallMetrics, column, 0)) {
                footY += smallLineHeight;
                painter.drawText(QPointF(left, footY), line);
            }
            continue;
        }
        const bool bodyType = block.kind == Kind::Paragraph || block.kind == Kind::Flush
            || block.kind == Kind::TableRow || block.kind == Kind::ListItem;
        const QFont font = face(bodyType ? options.bodyPoints : block.points, block.family, block.bold);
        const QFontMetricsF fm(font, &writer);
        const double fontEm = fm.horizontalAdvance(QStringLiteral("中"));
        const bool latin = !block.text.isEmpty() && block.text.at(0).unicode() < 0x2E80;
        const double indent
            = block.kind == Kind::Paragraph ? (latin ? 2 * fm.horizontalAdvance(u'M') : 2 * fontEm) : 0;
        if (block.kind == Kind::TableRow) {
            const QStringList cells = block.text.split(QStringLiteral(" | "));
            newLine(lineHeight);
            painter.setFont(font);
            for (qsizetype i = 0; i < cells.size(); ++i)
                painter.drawText(QPointF(left + column * double(i) / double(cells.size()), y), cells.at(i));
            continue;
        }
        if (block.kind == Kind::ListItem) {
            const qsizetype space = block.text.indexOf(u' ');
            const double hang = 2 * fontEm;
            const QStringList lines = breakLines(block.text.mid(space + 1), fm, column - hang, 0);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                newLine(lineHeight);
                painter.setFont(font);
                if (i == 0)
                    painter.drawText(QPointF(left, y), block.text.left(space));
                painter.drawText(QPointF(left + hang, y), lines.at(i));
            }
            continue;
        }
        const QStringList lines = breakLines(block.text, fm, column, indent);
        const double height = std::max(lineHeight, fm.height() * 1.5);
        if (block.kind == Kind::Heading)
            newLine(height * 0.5); // space above a heading
        for (qsizetype i = 0; i < lines.size(); ++i) {
            newLine(height);
            painter.setFont(font);
            const QString &text = lines.at(i);
            if (block.kind == Kind::Centred) {
                painter.drawText(QRectF(left, y - fm.ascent(), column, fm.height()), Qt::AlignHCenter, text);
                continue;
            }
            const double x = left + (i == 0 ? indent : 0);
            const bool last = i + 1 == lines.size();
            // Justified as a typesetter does: every line but a paragraph's last is spread to the
            // column's right edge, character by character (Chinese) or word by word.
            const double natural = fm.horizontalAdvance(text);
            const double room = column - (x - left) - natural;
            if (last || options.ragged || block.kind == Kind::Heading || room <= 0 || room > 3 * fontEm) {
                painter.drawText(QPointF(x, y), text);
                continue;
            }
            if (text.contains(u' ')) {
                const QStringList words = text.split(u' ');
                const double gap
                    = fm.horizontalAdvance(u' ') + room / std::max<qsizetype>(1, words.size() - 1);
                double at = x;
                for (const QString &word : words) {
                    painter.drawText(QPointF(at, y), word);
                    at += fm.horizontalAdvance(word) + gap;
                }
            } else {
                const double extra = room / std::max<qsizetype>(1, text.size() - 1);
                double at = x;
                for (QChar c : text) {
                    painter.drawText(QPointF(at, y), QString(c));
                    at += fm.horizontalAdvance(c) + extra;
                }
            }
        }
        if (block.kind == Kind::Heading)
            newLine(height * 0.25);
    }
    return painter.end();
}

} // namespace TypesetPdf
