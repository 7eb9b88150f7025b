#include "indicatornames.h"

#include <QHash>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

bool isRate(const QString &unit)
{
    return unit == u"%" || unit == u"个百分点";
}

// Words around an indicator that name no quantity of their own.
constexpr std::array<QStringView, 6> trailingWords { u"预期目标", u"目标", u"预期", u"指标", u"水平",
    u"规模目标" };
constexpr std::array<QStringView, 3> leadingWords { u"全年", u"今年", u"年度" };
// A name that already says how the quantity moves, or is itself a ratio.
constexpr std::array<QStringView, 12> movementEndings { u"增长", u"增速", u"增幅", u"涨幅", u"降幅", u"下降",
    u"上涨", u"率", u"比重", u"强度", u"比例", u"占比" };

// Names of one indicator, after the folding above, and the name they all take.
const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> table {
        { u"经济增长"_s, u"国内生产总值增长"_s },
        { u"经济增速"_s, u"国内生产总值增长"_s },
        { u"经济增长速度"_s, u"国内生产总值增长"_s },
        { u"国内生产总值增速"_s, u"国内生产总值增长"_s },
        { u"国内生产总值增长率"_s, u"国内生产总值增长"_s },
        { u"居民消费价格"_s, u"居民消费价格涨幅"_s },
        { u"居民消费价格增长"_s, u"居民消费价格涨幅"_s },
        { u"居民消费价格上涨"_s, u"居民消费价格涨幅"_s },
        { u"居民消费价格指数涨幅"_s, u"居民消费价格涨幅"_s },
        { u"消费价格涨幅"_s, u"居民消费价格涨幅"_s },
        { u"物价涨幅"_s, u"居民消费价格涨幅"_s },
        { u"新增城镇就业"_s, u"城镇新增就业"_s },
        { u"城镇新增就业人数"_s, u"城镇新增就业"_s },
        { u"财政赤字率"_s, u"赤字率"_s },
        { u"财政赤字规模"_s, u"赤字规模"_s },
        { u"财政赤字"_s, u"赤字规模"_s },
        { u"专项债券"_s, u"地方政府专项债券"_s },
        { u"地方政府专项债"_s, u"地方政府专项债券"_s },
        { u"粮食总产量"_s, u"粮食产量"_s },
        { u"单位国内生产总值能源消耗"_s, u"单位国内生产总值能耗"_s },
        { u"单位国内生产总值能源消耗下降"_s, u"单位国内生产总值能耗下降"_s },
    };
    return table;
}

QString fold(const QString &indicator)
{
    QString name;
    name.reserve(indicator.size());
    for (QChar c : indicator) {
        // Full-width ASCII (Ｇ, ５) to its ASCII form; quotes and spaces say nothing.
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)
            c = QChar(c.unicode() - 0xFF01 + 0x21);
        if (c.isSpace() || QStringView(u"“”\"'‘’《》").contains(c))
            continue;
        name += c.toUpper();
    }
    name.replace(u"GDP"_s, u"国内生产总值"_s);
    name.replace(u"CPI"_s, u"居民消费价格"_s);
    return name;
}

} // namespace

QString IndicatorNames::canonical(const Target &target)
{
    QString name = fold(target.indicator);
    for (bool changed = true; changed;) {
        changed = false;
        for (QStringView w : trailingWords) {
            if (name.size() > w.size() && name.endsWith(w)) {
                name.chop(w.size());
                changed = true;
            }
        }
        for (QStringView w : leadingWords) {
            if (name.size() > w.size() && name.startsWith(w)) {
                name.remove(0, w.size());
                changed = true;
            }
        }
    }
    if (isRate(target.unit) && target.direction != Target::Direction::Level) {
        bool says = false;
        for (QStringView w : movementEndings)
            says = says || name.endsWith(w);
        if (!says)
            name += target.direction == Target::Direction::Up ? u"增长"_s : u"下降"_s;
    }
    return synonyms().value(name, name);
}

QString IndicatorNames::key(const Target &target)
{
    return canonical(target) + (isRate(target.unit) ? u"|rate"_s : u"|amount"_s);
}

} // namespace Pizhu
