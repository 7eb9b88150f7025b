#pragma once

#include "target.h"

#include <QList>
#include <QString>

#include <optional>

namespace Pizhu {

// The same targets across documents, the work reports of several years say: one row per
// indicator, matched by IndicatorNames::key() (国内生产总值增长 = GDP增长 = 经济增长预期目标), one
// column per document. A target due in another year than the document's own ("到2025年" in a
// report of 2021) is matched only with targets due in that same year, in a row of its own.
class TargetComparison
{
public:
    struct Column
    {
        QString label; // the year when the document states one and no other column has it, else the file name
        QString fileName;
        int year = 0; // 0 when unknown
    };
    struct Row
    {
        QString indicator; // the canonical name, with the horizon when it is not the document's year
        QList<std::optional<Target>> cells; // one per column
    };

    // Adds a document's targets as a column. year is the document's own (0: unknown).
    void addDocument(const QString &fileName, int year, const QList<Target> &targets);

    // Columns in order of year (documents of unknown year last, as they were added).
    QList<Column> columns() const;
    // Rows in the order the documents list them: a row new in a later document stands after the
    // row it followed there.
    QList<Row> rows() const;

    // A year in a file name ("2024年政府工作报告.pdf", "report-2023.txt"), or 0.
    static int yearInFileName(const QString &path);

private:
    struct Document
    {
        Column column;
        QList<Target> targets;
    };
    QString rowKey(const Target &target, int year) const;
    QList<Document> sortedDocuments() const;

    QList<Document> m_documents;
};

} // namespace Pizhu
