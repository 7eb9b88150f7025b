#include "textfolder.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>

namespace Pizhu {
namespace {

enum Flag : quint8 { Space = 1, Wide = 2 };

// NFKC_Casefold of each code point on its own, with the two properties the spacing rule needs.
struct Fragment
{
    const char16_t *data = nullptr;
    qsizetype size = 0;
    quint8 flags = 0;
};

quint8 flagsOf(char32_t cp)
{
    quint8 flags = 0;
    // '\n' separates blocks in Document::text(): it is kept, not folded into a space.
    if (cp != u'\n' && QChar::isSpace(cp))
        flags |= Space;
    const int width = u_getIntPropertyValue(UChar32(cp), UCHAR_EAST_ASIAN_WIDTH);
    if (width == U_EA_WIDE || width == U_EA_FULLWIDTH)
        flags |= Wide;
    return flags;
}

// ICU normalises a string at a time; folding tens of millions of code points through it one by
// one would dominate the build. The BMP is folded once per process into this table instead.
class FoldTable
{
public:
    FoldTable()
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *nfkcCf = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status))
            nfkcCf = nullptr; // no ICU data: fold nothing rather than fail
        m_offsets.reserve(0x10001);
        m_flags.resize(0x10000);
        for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
            m_offsets.push_back(quint32(m_data.size()));
            if (QChar::isSurrogate(cp) || !nfkcCf) {
                m_data.push_back(char16_t(cp));
                m_flags[cp] = QChar::isSurrogate(cp) ? 0 : flagsOf(cp);
                continue;
            }
            m_flags[cp] = flagsOf(cp);
            UErrorCode s = U_ZERO_ERROR;
            const icu::UnicodeString folded = nfkcCf->normalize(icu::UnicodeString(UChar32(cp)), s);
            if (U_FAILURE(s))
                m_data.push_back(char16_t(cp));
            else
                m_data.append(folded.getBuffer(), size_t(folded.length()));
        }
        m_offsets.push_back(quint32(m_data.size()));
        m_nfkcCf = nfkcCf;
    }

    Fragment lookup(char32_t cp, std::u16string &scratch) const
    {
        if (cp <= 0xFFFF)
            return { m_data.data() + m_offsets[cp], qsizetype(m_offsets[cp + 1] - m_offsets[cp]),
                m_flags[cp] };
        scratch.clear();
        UErrorCode s = U_ZERO_ERROR;
        const icu::UnicodeString folded = m_nfkcCf ? m_nfkcCf->normalize(icu::UnicodeString(UChar32(cp)), s)
                                                   : icu::UnicodeString(UChar32(cp));
        if (U_FAILURE(s)) {
            const QChar pair[2] = { QChar::highSurrogate(cp), QChar::lowSurrogate(cp) };
            scratch.assign({ pair[0].unicode(), pair[1].unicode() });
        } else {
            scratch.assign(folded.getBuffer(), size_t(folded.length()));
        }
        return { scratch.data(), qsizetype(scratch.size()), flagsOf(cp) };
    }

private:
    const icu::Normalizer2 *m_nfkcCf = nullptr;
    std::vector<quint32> m_offsets;
    std::u16string m_data;
    std::vector<quint8> m_flags;
};

const FoldTable &foldTable()
{
    static const FoldTable table; // thread-safe initialisation; read-only afterwards
    return table;
}

} // namespace

void TextFolder::foldInto(QStringView src, QString &out, std::vector<Folded::Anchor> *anchors)
{
    const FoldTable &table = foldTable();
    std::u16string scratch;
    // Appending to a plain buffer is markedly faster than QString::append per unit.
    std::u16string buf;
    buf.reserve(size_t(src.size()) + 16);
    qsizetype expected = -1; // original offset the next unit has if the mapping stays one-to-one
    auto put = [&](char16_t unit, qsizetype original) {
        if (anchors && original != expected)
            anchors->push_back({ qsizetype(buf.size()), original });
        buf.push_back(unit);
        expected = original + 1;
    };

    bool pendingSpace = false;
    qsizetype spaceAt = 0;
    bool prevWide = false;
    bool atLineStart = true;
    const qsizetype n = src.size();
    for (qsizetype i = 0; i < n;) {
        char32_t cp = src[i].unicode();
        qsizetype len = 1;
        if (QChar::isHighSurrogate(cp) && i + 1 < n && src[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(src[i], src[i + 1]);
            len = 2;
        }
        const Fragment f = table.lookup(cp, scratch);
        if (f.flags & Space) {
            if (!pendingSpace) {
                pendingSpace = true;
                spaceAt = i;
            }
            i += len;
            continue;
        }
        if (f.size == 0) { // a default-ignorable (soft hyphen, zero-width space): gone
            i += len;
            continue;
        }
        const bool wide = f.flags & Wide;
        const bool newline = cp == u'\n';
        if (pendingSpace) {
            if (!atLineStart && !newline && !prevWide && !wide)
                put(u' ', spaceAt);
            pendingSpace = false;
        }
        if (f.size == len) {
            for (qsizetype k = 0; k < len; ++k)
                put(f.data[k], i + k);
        } else {
            for (qsizetype k = 0; k < f.size; ++k)
                put(f.data[k], i);
        }
        prevWide = wide;
        atLineStart = newline;
        i += len;
    }
    out.append(QStringView(buf.data(), qsizetype(buf.size())));
}

TextFolder::Folded TextFolder::foldWithMap(const QString &original)
{
    Folded folded;
    folded.m_original = original;
    foldInto(original, folded.m_text, &folded.m_anchors);
    return folded;
}

QString TextFolder::fold(QStringView text)
{
    QString out;
    foldInto(text, out, nullptr);
    return out;
}

qsizetype TextFolder::Folded::startFromAnchor(const Anchor &a, qsizetype pos) const
{
    return a.original + (pos - a.folded);
}

qsizetype TextFolder::Folded::endOf(qsizetype originalPos) const
{
    if (originalPos + 1 < m_original.size() && m_original.at(originalPos).isHighSurrogate()
        && m_original.at(originalPos + 1).isLowSurrogate())
        return originalPos + 2;
    return std::min(originalPos + 1, m_original.size());
}

qsizetype TextFolder::Folded::originalStart(qsizetype pos) const
{
    if (pos >= m_text.size() || m_anchors.empty())
        return m_original.size();
    auto it = std::upper_bound(
        m_anchors.cbegin(), m_anchors.cend(), pos, [](qsizetype p, const Anchor &a) { return p < a.folded; });
    return startFromAnchor(*(it - 1), pos); // the first anchor sits at 0, so it is never begin()
}

TextFolder::Folded::Range TextFolder::Folded::originalRange(qsizetype foldedStart, qsizetype foldedEnd) const
{
    const qsizetype start = originalStart(foldedStart);
    if (foldedEnd <= foldedStart)
        return { start, start };
    return { start, endOf(originalStart(foldedEnd - 1)) };
}

std::vector<TextFolder::Folded::Range> TextFolder::Folded::originalRanges(
    const std::vector<Range> &folded) const
{
    std::vector<Range> result;
    result.reserve(folded.size());
    size_t cursor = 0;
    auto advance = [this](size_t c, qsizetype pos) {
        while (c + 1 < m_anchors.size() && m_anchors[c + 1].folded <= pos)
            ++c;
        return c;
    };
    for (const Range &r : folded) {
        if (m_anchors.empty() || r.start >= m_text.size() || r.end <= r.start) {
            result.push_back(originalRange(r.start, r.end));
            continue;
        }
        if (r.start < m_anchors[cursor].folded)
            cursor = 0; // not sorted after all: start over rather than map wrongly
        cursor = advance(cursor, r.start);
        const size_t last = advance(cursor, r.end - 1);
        result.push_back({ startFromAnchor(m_anchors[cursor], r.start),
            endOf(startFromAnchor(m_anchors[last], r.end - 1)) });
    }
    return result;
}

} // namespace Pizhu
