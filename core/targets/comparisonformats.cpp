#include "comparisonformats.h"

#include "targetformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

QString ComparisonFormats::cellText(const std::optional<Target> &cell)
{
    if (!cell)
        return {};
    return cell->change.isEmpty() ? cell->valueText()
                                  : cell->valueText() + u" ("_s + cell->changeText() + u')';
}

namespace {

// The table as rows of plain text, the header first; each format escapes it its own way.
QList<QStringList> table(const TargetComparison &comparison)
{
    QStringList header { u"Indicator"_s };
    for (const TargetComparison::Column &c : comparison.columns())
        header.append(c.label);
    QList<QStringList> rows { header };
    for (const TargetComparison::Row &row : comparison.rows()) {
        QStringList fields { row.indicator };
        for (const std::optional<Target> &cell : row.cells)
            fields.append(ComparisonFormats::cellText(cell));
        rows.append(fields);
    }
    return rows;
}

} // namespace

QString ComparisonFormats::toTsv(const TargetComparison &comparison)
{
    QString out;
    for (QStringList fields : table(comparison)) {
        for (QString &f : fields)
            f = TargetFormats::flatten(f);
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

QByteArray ComparisonFormats::toCsv(const TargetComparison &comparison)
{
    QString out = u"\uFEFF"_s;
    for (QStringList fields : table(comparison)) {
        for (QString &f : fields)
            f = TargetFormats::csvField(f, true);
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

QString ComparisonFormats::toMarkdown(const TargetComparison &comparison)
{
    const QList<QStringList> rows = table(comparison);
    QString out;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QStringList fields = rows.at(r);
        for (QString &f : fields)
            f = TargetFormats::escapeMarkdown(f);
        out += u"| "_s + fields.join(u" | "_s) + u" |\n"_s;
        if (r == 0)
            out += u"|---"_s + u"|---"_s.repeated(fields.size() - 1) + u"|\n"_s;
    }
    return out;
}

QByteArray ComparisonFormats::toJson(const TargetComparison &comparison)
{
    QJsonArray documents;
    for (const TargetComparison::Column &c : comparison.columns()) {
        QJsonObject o;
        o[u"label"_s] = c.label;
        o[u"file"_s] = c.fileName;
        o[u"year"_s] = c.year > 0 ? QJsonValue(c.year) : QJsonValue();
        documents.append(o);
    }
    QJsonArray rows;
    for (const TargetComparison::Row &row : comparison.rows()) {
        QJsonArray cells;
        for (const std::optional<Target> &cell : row.cells) {
            if (!cell) {
                cells.append(QJsonValue());
                continue;
            }
            QJsonObject o = TargetFormats::jsonObject(*cell);
            o[u"text"_s] = cellText(cell);
            cells.append(o);
        }
        QJsonObject o;
        o[u"indicator"_s] = row.indicator;
        o[u"cells"_s] = cells;
        rows.append(o);
    }
    QJsonObject root;
    root[u"documents"_s] = documents;
    root[u"rows"_s] = rows;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Pizhu
