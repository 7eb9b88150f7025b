#pragma once

#include "figurescanner.h"
#include "target.h"

#include <QList>
#include <QStringView>

#include <optional>

namespace Pizhu {

// The grammar around a figure in policy prose: what governs it (a verb such as 增长 or 控制在, a
// comparator such as 不低于, or an indicator written right before it), whether it closes its
// clause, and which figures a verb governs together ("分别降低13.5%、18%").
class FigureGovernor
{
public:
    struct Governor
    {
        qsizetype start = 0; // where the verb, the comparator or the figure starts: the indicator ends here
        Target::Direction direction = Target::Direction::Level;
        std::optional<Target::Comparator> comparator; // from a comparator written before the value
        bool bare = false; // no verb or comparator: "城镇调查失业率5.5%左右"
    };

    // What governs the figure starting at figureStart, or nothing when nothing does ("第3",
    // "从16%", or a Chinese numeral with no verb before it).
    static std::optional<Governor> before(QStringView text, qsizetype figureStart, bool chineseNumeral);
    // A figure must close its clause: "达到 98%以上，" does, "设立5年过渡期" and "14亿人的粮食" do not.
    static bool closesClause(QStringView text, qsizetype end);
    // The first figure and those joined to it by 、和及与; a unit written once after the last one
    // ("10.6万、3.8万平方公里") belongs to all of them.
    static QList<Figure> figureList(QStringView text, Figure first);
};

} // namespace Pizhu
