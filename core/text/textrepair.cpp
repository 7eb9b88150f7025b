#include "textrepair.h"

#include <QList>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>

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

// The ideographs radicals stand for (Equivalent_Unified_Ideograph) that have another simplified
// form, with it, sorted: what ICU's Traditional-Simplified transform makes of them (checked against
// ICU over every radical by tst_textrepair). Kept here because making that transform costs some
// twenty milliseconds the first time, in the middle of a PDF's first paint.
constexpr std::pair<char16_t, char16_t> radicalSimplified[] = {
    { u'戶', u'户' },
    { u'糹', u'纟' },
    { u'見', u'见' },
    { u'貝', u'贝' },
    { u'車', u'车' },
    { u'長', u'长' },
    { u'門', u'门' },
    { u'韋', u'韦' },
    { u'頁', u'页' },
    { u'風', u'风' },
    { u'飛', u'飞' },
    { u'飠', u'饣' },
    { u'馬', u'马' },
    { u'鬥', u'斗' },
    { u'魚', u'鱼' },
    { u'鳥', u'鸟' },
    { u'鹵', u'卤' },
    { u'麥', u'麦' },
    { u'黃', u'黄' },
    { u'黽', u'黾' },
    { u'齊', u'齐' },
    { u'齒', u'齿' },
    { u'龍', u'龙' },
    { u'龜', u'龟' },
};

// Traditional forms that common Chinese text uses most, each of which has another simplified form:
// the hundred most frequent in policy documents and reports set in traditional characters (where
// they are some 70% of the characters that differ, a quarter of all Han characters), and the
// commonest of everyday prose. Every one changes under ICU's Traditional-Simplified transform
// (checked by tst_textrepair).
constexpr QStringView frequentTraditionalForms
    = u"業發國進實強質產體動設經會務穩濟堅區資創對為費農開現續優機場戰黨標長領萬護關時規礎應點義統個結億"
      u"擴學險環導監內貧調構稅項級總態過軍準決際術權醫協貿眾習風難減嚴來鄉辦與價財著轉興範營斷養運爭類"
      u"預貫確數徹鎮補糧復帶顯題製從廣變脫極問電計藥給積員這們說麼樣後見裡還沒讓將兩聽東車門馬書頭氣話"
      u"師覺錢親愛讀寫買賣當";

bool isHan(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

} // namespace

bool TextRepair::looksSimplified(QStringView text)
{
    constexpr qsizetype Sample = 20000;
    qsizetype han = 0;
    qsizetype traditional = 0;
    for (qsizetype i = 0; i < text.size() && han < Sample; ++i) {
        if (!isHan(text.at(i)))
            continue;
        ++han;
        traditional += frequentTraditionalForms.contains(text.at(i));
    }
    return han >= 20 && traditional * 200 < han;
}

QStringView TextRepair::frequentTraditional()
{
    return frequentTraditionalForms;
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

QChar TextRepair::simplifiedForm(QChar ideograph)
{
    const auto it = std::lower_bound(std::begin(radicalSimplified), std::end(radicalSimplified),
        ideograph.unicode(), [](const auto &pair, char16_t u) { return pair.first < u; });
    return it != std::end(radicalSimplified) && it->first == ideograph.unicode() ? QChar(it->second)
                                                                                 : ideograph;
}

qsizetype TextRepair::repairRadicals(QString &text)
{
    // Whether the text is simplified matters only when a radical stands for a traditional form, and
    // it is judged before repairing, so that the forms the repair itself brings in do not count.
    const bool anyTraditional = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const QChar ideograph = equivalentIdeograph(c);
        return isRadical(c) && simplifiedForm(ideograph) != ideograph;
    });
    const bool simplified = anyTraditional && looksSimplified(text);
    qsizetype repaired = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isRadical(c))
            continue;
        const QChar ideograph = equivalentIdeograph(c);
        if (ideograph != c) {
            text[i] = simplified ? simplifiedForm(ideograph) : ideograph;
            ++repaired;
        }
    }
    return repaired;
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
