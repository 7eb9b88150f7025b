#include "horizonfinder.h"

#include "document.h"
#include "figurescanner.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

struct Year
{
    int value = 0;
    qsizetype end = 0;
};

qsizetype skipSpaces(QStringView text, qsizetype i)
{
    while (i < text.size() && FigureScanner::isSpace(text[i]))
        ++i;
    return i;
}

// Four digits, Arabic with at most one space between them ("2 025", as PDF extraction leaves
// them) or Chinese positional ("二〇三五").
Year readYear(QStringView text, qsizetype i)
{
    static constexpr QStringView chineseDigits = u"〇一二三四五六七八九";
    Year y;
    int digits = 0;
    qsizetype j = i;
    const bool chinese = j < text.size() && (chineseDigits.contains(text[j]) || text[j] == u'零');
    while (j < text.size() && digits < 5) {
        const QChar c = text[j];
        int d = -1;
        if (!chinese && FigureScanner::isDigit(c))
            d = c.unicode() >= u'０' ? c.unicode() - u'０' : c.unicode() - u'0';
        else if (chinese && c == u'零')
            d = 0;
        else if (chinese)
            d = int(chineseDigits.indexOf(c));
        if (d >= 0) {
            y.value = y.value * 10 + d;
            ++digits;
            ++j;
        } else if (!chinese && digits > 0 && FigureScanner::isSpace(c) && j + 1 < text.size()
            && FigureScanner::isDigit(text[j + 1])) {
            ++j;
        } else {
            break;
        }
    }
    if (digits != 4 || y.value < 1900 || y.value > 2200)
        return {};
    y.end = j;
    return y;
}

bool isDigitLike(QChar c)
{
    switch (c.unicode()) {
    case u'〇':
    case u'零':
    case u'一':
    case u'二':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
        return true;
    default:
        return FigureScanner::isDigit(c);
    }
}

Horizon dated(qsizetype start, qsizetype end, int year)
{
    return Horizon { start, end, year, QString::number(year), false };
}

// "高于“十三五”时期", "比2020年", "同去年": a time named as a comparison base governs nothing.
bool isComparisonBase(QStringView text, qsizetype start)
{
    qsizetype j = start;
    while (j > 0 && (FigureScanner::isSpace(text[j - 1]) || text[j - 1] == u'“' || text[j - 1] == u'"'))
        --j;
    return j > 0 && QStringView(u"于比较同").contains(text[j - 1]);
}

// Whether start opens a clause: the time a clause opens with is the time it speaks of
// ("2022年全国高新技术企业数量达到40万家").
bool opensClause(QStringView text, qsizetype start)
{
    qsizetype j = start;
    while (j > 0 && (FigureScanner::isSpace(text[j - 1]) || text[j - 1] == u'“' || text[j - 1] == u'—'))
        --j;
    return j == 0 || QStringView(u"，。；：！？,;:!?\n").contains(text[j - 1]);
}

} // namespace

QList<Horizon> HorizonFinder::find(QStringView text, bool heading) const
{
    QList<Horizon> found;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        // Every horizon starts with one of these; skip the rest of the text fast.
        if (c != u'到' && c != u'至' && c != u'今' && c != u'明' && c != u'全' && c != u'十'
            && !isDigitLike(c))
            continue;
        if ((c == u'到' || c == u'至') && !(c == u'至' && i > 0 && text[i - 1] == u'截')) {
            const Year y = readYear(text, skipSpaces(text, i + 1));
            if (y.value == 0)
                continue;
            qsizetype k = skipSpaces(text, y.end);
            if (k < n && text[k] == u'年') {
                ++k;
                if (k < n && (text[k] == u'底' || text[k] == u'末'))
                    ++k;
                if (!isComparisonBase(text, i))
                    found.append(dated(i, k, y.value));
                i = k - 1;
            }
            continue;
        }
        if (isDigitLike(c) && (i == 0 || !isDigitLike(text[i - 1]))) {
            const Year y = readYear(text, i);
            if (y.value == 0)
                continue;
            qsizetype k = skipSpaces(text, y.end);
            if (k >= n || text[k] != u'年')
                continue;
            qsizetype after = skipSpaces(text, k + 1);
            // A deadline: "2030年前", "2025年底前", "2030年以前".
            if (after + 1 < n && (text[after] == u'底' || text[after] == u'末' || text[after] == u'以')
                && text[after + 1] == u'前')
                ++after;
            const QStringView rest = text.mid(after);
            if (rest.startsWith(u'前')) {
                if (!isComparisonBase(text, i))
                    found.append(dated(i, after + 1, y.value));
                i = after;
            } else if ((heading
                           || (opensClause(text, i) && !rest.startsWith(u'是') && !rest.startsWith(u'的')
                               && !rest.startsWith(u"以来")))
                && !rest.startsWith(u'月') && !(after < n && FigureScanner::isDigit(text[after]))) {
                // In a heading a bare year names the period ("三、2021年重点工作"); in prose only
                // when it opens the clause, not as a subject ("2023 年是……") or a date.
                found.append(dated(i, k + 1, y.value));
                i = k;
            }
            continue;
        }
        // 全年 is the whole of this year: "城镇调查失业率全年控制在5.5%以内".
        if ((c == u'今' || c == u'明' || c == u'全') && i + 1 < n && text[i + 1] == u'年') {
            // "今年以来", "今年上半年", "今年前三季度" look back on the months already past.
            const QStringView rest = text.mid(i + 2);
            if (c == u'今'
                && (rest.startsWith(u"以来") || rest.startsWith(u"上半年") || rest.startsWith(u'前')
                    || rest.startsWith(u"一季度") || rest.startsWith(u"1-") || rest.startsWith(u"1—"))) {
                ++i;
                continue;
            }
            const int year = m_docYear > 0 ? m_docYear + (c == u'明' ? 1 : 0) : 0;
            const QString undated = c == u'明' ? u"明年"_s : u"今年"_s;
            found.append(Horizon { i, i + 2, year, year > 0 ? QString::number(year) : undated, false });
            ++i;
            continue;
        }
        // A five-year plan period: “十四五”, 十四五时期.
        if (c == u'十' && i + 2 < n && QStringView(u"一二三四五六七八九").contains(text[i + 1])
            && text[i + 2] == u'五') {
            const QStringView rest = text.mid(i + 3);
            const bool quoted = i > 0 && (text[i - 1] == u'“' || text[i - 1] == u'"');
            if ((quoted || rest.startsWith(u"时期") || rest.startsWith(u"期间") || rest.startsWith(u"末")
                    || rest.startsWith(u"规划"))
                && !isComparisonBase(text, i)) {
                // From the third plan (1966–1970) on, the Nth plan ends in 1970 + 5(N − 3):
                // 十四五 is 2021–2025.
                const int plan = 10 + int(QStringView(u"一二三四五六七八九").indexOf(text[i + 1])) + 1;
                found.append(Horizon { i, i + 3, 1970 + 5 * (plan - 3), text.mid(i, 3).toString(), true });
                i += 2;
            }
        }
    }
    return found;
}

int HorizonFinder::documentYear(const Document &doc)
{
    // The date line of a speech or a decree stands in its first few blocks.
    constexpr int LeadBlocks = 4;
    int seen = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            if (++seen > LeadBlocks)
                break;
            const QStringView text(block.text);
            for (qsizetype i = 0; i < text.size(); ++i) {
                if (!FigureScanner::isDigit(text[i]) || (i > 0 && FigureScanner::isDigit(text[i - 1])))
                    continue;
                const Year y = readYear(text, i);
                if (y.value == 0)
                    continue;
                qsizetype k = skipSpaces(text, y.end);
                if (k >= text.size() || text[k] != u'年')
                    continue;
                k = skipSpaces(text, k + 1);
                qsizetype m = k;
                while (m < text.size() && FigureScanner::isDigit(text[m]))
                    ++m;
                if (m > k && skipSpaces(text, m) < text.size() && text[skipSpaces(text, m)] == u'月')
                    return y.value;
            }
        }
        break;
    }
    // Only a real title: for untitled prose the importer takes the opening sentence, whose year
    // ("到2025年，……") is a horizon, not the date of the document.
    const QString title = doc.title();
    if (doc.parts().isEmpty() || doc.parts().first().blocks.isEmpty())
        return 0;
    const Block &first = doc.parts().first().blocks.first();
    if (first.kind == BlockKind::Heading || first.text == title || !first.text.startsWith(title)) {
        for (qsizetype i = 0; i < title.size(); ++i) {
            const Year y = readYear(title, i);
            if (y.value != 0 && skipSpaces(title, y.end) < title.size()
                && title[skipSpaces(title, y.end)] == u'年')
                return y.value;
        }
    }
    return yearOfHeadings(doc);
}

int HorizonFinder::yearOfHeadings(const Document &doc)
{
    // A work report's sections name its year ("二、2024年政府工作任务") or review the one before
    // ("一、2023年工作回顾"). A year that is a horizon ("到2035年", "2030年前") does not date it.
    constexpr qsizetype MaxHeading = 40;
    int latest = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            if (block.headingLevel <= 0)
                continue;
            const QStringView title = QStringView(block.text).left(std::min(block.titleLength, MaxHeading));
            for (qsizetype i = 0; i < title.size(); ++i) {
                if (!FigureScanner::isDigit(title[i]) || (i > 0 && FigureScanner::isDigit(title[i - 1])))
                    continue;
                const Year y = readYear(title, i);
                const qsizetype k = skipSpaces(title, y.end);
                if (y.value == 0 || k >= title.size() || title[k] != u'年')
                    continue;
                const qsizetype before = i > 0 ? i - 1 : -1;
                if ((before >= 0 && (title[before] == u'到' || title[before] == u'至'))
                    || title.mid(k + 1).startsWith(u'前') || title.mid(k + 1).startsWith(u"以前"))
                    continue;
                const int year = title.contains(u"回顾") ? y.value + 1 : y.value;
                latest = std::max(latest, year);
            }
        }
    }
    return latest;
}

} // namespace Pizhu
