#include "targetformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
QString TargetFormats::flatten(QString text)
{
    for (QChar &c : text)
        if (c == u'\t' || c == u'\n' || c == u'\r' || c == u'\u2028' || c == u'\u2029')
            c = u' ';
    return text;
}

QString TargetFormats::csvField(const QString &text, bool fromDocument)
{
    QString field = text;
    // Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
    if (fromDocument && !field.isEmpty() && QStringView(u"=+-@\t\r").contains(field.front()))
        field.prepend(u'\'');
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(u"\""_s, u"\"\""_s);
        return u'"' + field + u'"';
    }
    return field;
}

std::optional<TargetFormats::Format> TargetFormats::parse(const QString &name)
{
    if (name == u"tsv")
        return Format::Tsv;
    if (name == u"csv")
        return Format::Csv;
    if (name == u"markdown" || name == u"md")
        return Format::Markdown;
    if (name == u"json")
        return Format::Json;
    return std::nullopt;
}

QString TargetFormats::sectionText(const Target &target)
{
    return target.sectionPath.join(u" > "_s);
}

QString TargetFormats::toTsv(const QList<Target> &targets)
{
    QString out;
    for (const Target &t : targets) {
        const QStringList fields { flatten(t.indicator), Target::directionName(t.direction),
            Target::comparatorName(t.comparator), t.value, flatten(t.unit), flatten(t.horizon),
            flatten(sectionText(t)), QString::number(t.figureStart), flatten(t.changeText()),
            flatten(t.sentence) };
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

QByteArray TargetFormats::toCsv(const QList<Target> &targets)
{
    QString out
        = u"\uFEFFindicator,direction,comparator,value,unit,horizon,section,start,change,sentence\r\n"_s;
    for (const Target &t : targets) {
        const QStringList fields { csvField(t.indicator, true), Target::directionName(t.direction),
            Target::comparatorName(t.comparator), t.value, csvField(t.unit, true), csvField(t.horizon, true),
            csvField(sectionText(t), true), QString::number(t.figureStart), csvField(t.changeText(), true),
            csvField(t.sentence, true) };
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

QString TargetFormats::escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : flatten(text)) {
        // CommonMark lets a backslash escape any ASCII punctuation; these are the ones that start
        // emphasis, code, links, HTML, entities, table cells or strikethrough.
        if (QStringView(u"\\`*_{}[]<>()#+-.!|~&").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString TargetFormats::toMarkdown(const QList<Target> &targets)
{
    QString out
        = u"| Indicator | Direction | Comparator | Value | Unit | Horizon | Section | Start | Change |\n"
          u"|---|---|---|---:|---|---|---|---:|---|\n"_s;
    for (const Target &t : targets) {
        const QStringList fields { escapeMarkdown(t.indicator), Target::directionName(t.direction),
            escapeMarkdown(Target::comparatorName(t.comparator)), escapeMarkdown(t.value),
            escapeMarkdown(t.unit), escapeMarkdown(t.horizon), escapeMarkdown(sectionText(t)),
            QString::number(t.figureStart), escapeMarkdown(t.changeText()) };
        out += u"| "_s + fields.join(u" | "_s) + u" |\n"_s;
    }
    return out;
}

QJsonObject TargetFormats::jsonObject(const Target &t)
{
    QJsonObject o;
    o[u"indicator"_s] = t.indicator;
    o[u"direction"_s] = Target::directionName(t.direction);
    o[u"comparator"_s] = Target::comparatorName(t.comparator);
    o[u"value"_s] = t.value;
    o[u"low"_s] = t.low;
    o[u"high"_s] = t.high;
    o[u"unit"_s] = t.unit;
    o[u"horizon"_s] = t.horizon;
    o[u"section"_s] = QJsonArray::fromStringList(t.sectionPath);
    o[u"start"_s] = double(t.start);
    o[u"end"_s] = double(t.end);
    o[u"figureStart"_s] = double(t.figureStart);
    o[u"figureEnd"_s] = double(t.figureEnd);
    o[u"indicatorStart"_s] = double(t.indicatorStart);
    o[u"indicatorEnd"_s] = double(t.indicatorEnd);
    o[u"change"_s] = t.change;
    o[u"changeBase"_s] = t.changeBase;
    o[u"sentence"_s] = t.sentence;
    return o;
}

QByteArray TargetFormats::toJson(const QList<Target> &targets)
{
    QJsonArray array;
    for (const Target &t : targets)
        array.append(jsonObject(t));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace Pizhu
