#pragma once

#include "textrange.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace Pizhu {

// Folds text so that differences a reader does not see as differences disappear: full-width and
// half-width forms and compatibility characters (NFKC: （一） -> (一), ２０２５ -> 2025, the Kangxi
// radicals PDF extraction produces -> ordinary ideographs), case (ICU's NFKC_Casefold), and
// spacing. Whitespace next to a wide (East Asian Width W or F) character is dropped, because PDF
// extraction scatters spaces between CJK characters and digits ("到 2025 年"); elsewhere a run of
// whitespace becomes one space, and whitespace at either end of a line goes. '\n' is kept.
//
// Each original code point is folded on its own, so the text and a query fold alike and every
// folded unit comes from exactly one original code point; Folded::originalStart() maps back.
class TextFolder
{
public:
    // A folded text and the way back to the original.
    class Folded
    {
    public:
        const QString &text() const { return m_text; }
        // Offset in the original of the code point that produced folded unit pos (0 <= pos <
        // text().size()); for pos == text().size(), the size of the original.
        qsizetype originalStart(qsizetype pos) const;

        // The original range [start, end) of the folded range [foldedStart, foldedEnd): every
        // original code point that produced part of it, whole, and nothing dropped on either side.
        using Range = TextRange;
        Range originalRange(qsizetype foldedStart, qsizetype foldedEnd) const;

        // The same for many ranges sorted by start, walking the anchors once instead of searching.
        std::vector<Range> originalRanges(const std::vector<Range> &folded) const;

        qsizetype anchorCount() const { return qsizetype(m_anchors.size()); }

    private:
        friend class TextFolder;
        // Where the folded-to-original mapping stops being "one unit for one unit": after dropped
        // spaces, inside an expansion ("㈠" -> "(一)"), after a contraction.
        struct Anchor
        {
            qsizetype folded = 0;
            qsizetype original = 0;
        };
        qsizetype startFromAnchor(const Anchor &a, qsizetype pos) const;
        qsizetype endOf(qsizetype originalPos) const;

        QString m_text;
        QString m_original; // implicitly shared with the caller's string
        std::vector<Anchor> m_anchors;
    };

    // Folds a whole text and keeps the map back (a document: slow, run it off the GUI thread).
    static Folded foldWithMap(const QString &original);
    // Folds a query the same way; the map is not needed.
    static QString fold(QStringView text);

private:
    static void foldInto(QStringView src, QString &out, std::vector<Folded::Anchor> *anchors);
};

} // namespace Pizhu
