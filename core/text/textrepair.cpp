#include "textrepair.h"

#include <QList>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <memory>

namespace Pizhu {

namespace {

struct RadicalRange
{
    char32_t first;
    char32_t last;
    char32_t ideograph;
};

constexpr RadicalRange radicalTable[] = {
#include "radicaltable.inc"
};

std::unique_ptr<icu::Transliterator> traditionalToSimplified()
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString(u"Traditional-Simplified"), UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
}

bool isHan(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

} // namespace

bool TextRepair::looksSimplified(QStringView text)
{
    constexpr qsizetype Sample = 20000;
    QString han;
    for (qsizetype i = 0; i < text.size() && han.size() < Sample; ++i)
        if (isHan(text.at(i)))
            han += text.at(i);
    if (han.size() < 20)
        return false;
    auto t = traditionalToSimplified();
    if (!t)
        return false;
    icu::UnicodeString u(reinterpret_cast<const char16_t *>(han.utf16()), int32_t(han.size()));
    const icu::UnicodeString before = u;
    t->transliterate(u);
    if (u.length() != before.length())
        return false;
    qsizetype changed = 0;
    for (int32_t i = 0; i < u.length(); ++i)
        changed += u.charAt(i) != before.charAt(i);
    return changed * 200 < han.size();
}

QChar TextRepair::equivalentIdeograph(QChar c)
{
    if (!isRadical(c))
        return c;
    const char32_t u = c.unicode();
    const auto it = std::upper_bound(std::begin(radicalTable), std::end(radicalTable), u,
        [](char32_t v, const RadicalRange &r) { return v < r.first; });
    if (it == std::begin(radicalTable))
        return c;
    const RadicalRange &r = *std::prev(it);
    // Every equivalent of a radical is in the BMP (the check keeps a future table honest).
    if (u > r.last || r.ideograph > 0xFFFF)
        return c;
    return QChar(char16_t(r.ideograph));
}

qsizetype TextRepair::repairRadicals(QString &text)
{
    // Judged before repairing, so that the traditional forms the repair itself brings in do not count.
    const bool simplified = looksSimplified(text);
    QList<qsizetype> repaired;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isRadical(c))
            continue;
        const QChar ideograph = equivalentIdeograph(c);
        if (ideograph != c) {
            text[i] = ideograph;
            repaired.append(i);
        }
    }
    if (repaired.isEmpty() || !simplified)
        return repaired.size();
    auto t = traditionalToSimplified();
    for (qsizetype i : std::as_const(repaired)) {
        icu::UnicodeString one(char16_t(text.at(i).unicode()));
        t->transliterate(one);
        if (one.length() == 1)
            text[i] = QChar(one.charAt(0));
    }
    return repaired.size();
}

QString TextRepair::ligatureLetters(QChar c)
{
    if (!isLigature(c))
        return {};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || !nfkc)
        return {};
    const icu::UnicodeString letters = nfkc->normalize(icu::UnicodeString(char16_t(c.unicode())), status);
    if (U_FAILURE(status) || letters.length() < 2)
        return {};
    return QString(reinterpret_cast<const QChar *>(letters.getBuffer()), letters.length());
}

} // namespace Pizhu
