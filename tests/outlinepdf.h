#pragma once

// Writes a small PDF by hand, with an outline (bookmarks): QPdfWriter cannot write one. Pages of
// single lines of Latin-1 text in Helvetica, each line at its own size and left edge, top down;
// the outline's entries point at a page and a height. Header-only so each test program stays one
// .cpp.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <functional>

namespace OutlinePdf {

struct Line
{
    QString text; // Latin-1
    double size = 12;
    double left = 72;
};

struct Entry
{
    QString title;
    int page = 0; // 0-based
    double top = 800; // PDF units from the page's foot
    QList<Entry> children;
};

inline QByteArray literal(const QString &text)
{
    QByteArray out = "(";
    for (char c : text.toLatin1()) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + ')';
}

// Writes pages (each a list of lines) and the outline to path; false if it could not be written.
inline bool write(const QString &path, const QList<QList<Line>> &pages, const QList<Entry> &outline)
{
    // Objects: 1 catalog, 2 page tree, 3 outline root, 4 font, then each page and its contents,
    // then the outline's entries in reading order.
    QList<QByteArray> objects(4);
    const int firstPage = 5;
    auto pageObject = [&](int page) { return firstPage + 2 * page; };
    QByteArray kids;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        QByteArray stream;
        double y = 800;
        for (const Line &line : pages.at(p)) {
            y -= line.size * 1.5;
            stream += "BT /F1 " + QByteArray::number(line.size) + " Tf 1 0 0 1 "
                + QByteArray::number(line.left) + ' ' + QByteArray::number(y) + " Tm " + literal(line.text)
                + " Tj ET\n";
        }
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
            + QByteArray::number(pageObject(int(p)) + 1) + " 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
        objects.append(
            "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "endstream");
        kids += QByteArray::number(pageObject(int(p))) + " 0 R ";
    }
    // Numbers the entries first (preorder), then writes each with its links.
    struct Flat
    {
        const Entry *entry;
        int parent, number, first = 0, last = 0, prev = 0, next = 0;
    };
    QList<Flat> flat;
    int nextNumber = int(objects.size()) + 1;
    std::function<void(const QList<Entry> &, int)> number = [&](const QList<Entry> &entries, int parent) {
        int previous = 0;
        for (const Entry &e : entries) {
            flat.append({ &e, parent, nextNumber++ });
            const qsizetype self = flat.size() - 1;
            if (previous) {
                flat[self].prev = previous;
                for (Flat &f : flat)
                    if (f.number == previous)
                        f.next = flat[self].number;
            }
            previous = flat[self].number;
            number(e.children, flat[self].number);
        }
    };
    number(outline, 3);
    auto firstAndLast = [&](int parent, int *first, int *last) {
        *first = *last = 0;
        for (const Flat &f : flat)
            if (f.parent == parent) {
                if (!*first)
                    *first = f.number;
                *last = f.number;
            }
    };
    for (Flat &f : flat) {
        firstAndLast(f.number, &f.first, &f.last);
        QByteArray o = "<< /Title " + literal(f.entry->title) + " /Parent " + QByteArray::number(f.parent)
            + " 0 R /Dest [" + QByteArray::number(pageObject(f.entry->page)) + " 0 R /XYZ 0 "
            + QByteArray::number(f.entry->top) + " 0]";
        if (f.prev)
            o += " /Prev " + QByteArray::number(f.prev) + " 0 R";
        if (f.next)
            o += " /Next " + QByteArray::number(f.next) + " 0 R";
        if (f.first)
            o += " /First " + QByteArray::number(f.first) + " 0 R /Last " + QByteArray::number(f.last)
                + " 0 R /Count " + QByteArray::number(f.entry->children.size());
        objects.append(o + " >>");
    }
    int first = 0, last = 0;
    firstAndLast(3, &first, &last);
    objects[0] = "<< /Type /Catalog /Pages 2 0 R /Outlines 3 0 R /PageMode /UseOutlines >>";
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>";
    objects[2] = outline.isEmpty() ? QByteArray("<< /Type /Outlines /Count 0 >>")
                                   : "<< /Type /Outlines /First " + QByteArray::number(first) + " 0 R /Last "
            + QByteArray::number(last) + " 0 R /Count " + QByteArray::number(outline.size()) + " >>";
    objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(pdf) == pdf.size() && file.flush();
}

} // namespace OutlinePdf
