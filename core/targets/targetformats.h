#pragma once

#include "target.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Pizhu {

// Writes targets out for other programs and for people. Every format carries the same columns:
// indicator, direction, comparator, value, unit, horizon, section (the path joined with " > "),
// start (the figure's offset in Document::text()), change ("+1.1万亿元 on last year", often
// empty); all but Markdown then the sentence the target was read from.
class TargetFormats
{
public:
    enum class Format { Tsv, Csv, Markdown, Json };

    // "tsv", "csv", "markdown" (or "md"), "json"; nothing for anything else.
    static std::optional<Format> parse(const QString &name);

    // One line per target, no header: INDICATOR<TAB>DIRECTION<TAB>COMPARATOR<TAB>VALUE<TAB>UNIT
    // <TAB>HORIZON<TAB>SECTION<TAB>START<TAB>CHANGE<TAB>SENTENCE. Tabs and line breaks inside a
    // field become spaces.
    static QString toTsv(const QList<Target> &targets);
    // RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a
    // line break. The bytes start with a UTF-8 BOM so spreadsheet programs read Chinese
    // correctly. A document field that starts with = + - @ gets a leading apostrophe, so a
    // spreadsheet shows it instead of running it as a formula.
    static QByteArray toCsv(const QList<Target> &targets);
    // A GitHub-style table; document text is escaped so that it is never read as Markdown or HTML.
    static QString toMarkdown(const QList<Target> &targets);
    // An array of objects, one per target, with the ranges, the change ("change": "+1800亿元",
    // "changeBase": "上年年初预算") and the sentence too.
    static QByteArray toJson(const QList<Target> &targets);
    static QJsonObject jsonObject(const Target &target);

    // The text with every character that Markdown or HTML would interpret escaped.
    static QString escapeMarkdown(const QString &text);

    static QString sectionText(const Target &target);
    // text as one tab-separated field: tabs and line breaks become spaces.
    static QString flatten(QString text);
    // text as one CSV field, quoted when it must be; fromDocument guards a leading = + - @.
    static QString csvField(const QString &text, bool fromDocument);
};

} // namespace Pizhu
