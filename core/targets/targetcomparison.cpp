#include "targetcomparison.h"

#include "indicatornames.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

// The horizon that is the document's own year: its year, or 今年 where it states none.
bool isOwnYear(const Target &target, int year)
{
    return target.horizon.isEmpty() || target.horizon == u"今年"
        || (year > 0 && target.horizon == QString::number(year));
}

} // namespace

void TargetComparison::addDocument(const QString &fileName, int year, const QList<Target> &targets)
{
    m_documents.append({ Column { {}, QFileInfo(fileName).fileName(), year }, targets });
}

QString TargetComparison::rowKey(const Target &target, int year) const
{
    return IndicatorNames::key(target) + u'|' + (isOwnYear(target, year) ? QString() : target.horizon);
}

QList<TargetComparison::Document> TargetComparison::sortedDocuments() const
{
    QList<Document> docs = m_documents;
    const auto order = [](const Document &d) { return d.column.year > 0 ? d.column.year : INT_MAX; };
    std::stable_sort(
        docs.begin(), docs.end(), [&](const Document &a, const Document &b) { return order(a) < order(b); });
    return docs;
}

QList<TargetComparison::Column> TargetComparison::columns() const
{
    const QList<Document> docs = sortedDocuments();
    QHash<int, int> yearCount;
    for (const Document &d : std::as_const(docs))
        ++yearCount[d.column.year];
    QList<Column> result;
    for (const Document &d : std::as_const(docs)) {
        Column c = d.column;
        c.label = c.year > 0 && yearCount.value(c.year) == 1 ? QString::number(c.year) : c.fileName;
        result.append(c);
    }
    return result;
}

QList<TargetComparison::Row> TargetComparison::rows() const
{
    // The first target of a key in a document fills its cell: the main targets come before the
    // same indicator restated in the detail.
    const QList<Document> docs = sortedDocuments();
    QStringList order;
    QHash<QString, Row> rows;
    for (qsizetype d = 0; d < docs.size(); ++d) {
        const Document &doc = docs.at(d);
        qsizetype after = -1; // where in order the last row this document has stands
        for (const Target &t : doc.targets) {
            const QString key = rowKey(t, doc.column.year);
            auto it = rows.find(key);
            if (it == rows.end()) {
                Row row;
                row.indicator = IndicatorNames::canonical(t);
                if (!isOwnYear(t, doc.column.year))
                    row.indicator += u" ("_s + t.horizon + u')';
                row.cells.resize(docs.size());
                it = rows.insert(key, row);
                order.insert(after + 1, key);
            }
            after = order.indexOf(key);
            if (!it->cells.at(d))
                it->cells[d] = t;
        }
    }
    QList<Row> result;
    result.reserve(order.size());
    for (const QString &key : std::as_const(order))
        result.append(rows.value(key));
    return result;
}

int TargetComparison::yearInFileName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    for (qsizetype i = 0; i + 4 <= name.size(); ++i) {
        if ((i > 0 && name[i - 1].isDigit()) || (i + 4 < name.size() && name[i + 4].isDigit()))
            continue;
        int year = 0;
        for (qsizetype k = i; k < i + 4 && year >= 0; ++k)
            year = name[k] >= u'0' && name[k] <= u'9' ? year * 10 + (name[k].unicode() - u'0') : -1;
        if (year >= 1949 && year <= 2199)
            return year;
    }
    return 0;
}

} // namespace Pizhu
