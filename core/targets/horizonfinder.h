#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Pizhu {

class Document;

// A phrase that says when a commitment falls due: "到 2025 年", "到二〇三五年", "2030年前",
// "今年", "“十四五”时期".
struct Horizon
{
    qsizetype start = 0; // range of the phrase in the text searched
    qsizetype end = 0;
    int year = 0; // the year it ends; 0 for 今年 in an undated document
    QString label; // "2025", "今年", "十四五"
    bool period = false; // a plan period (十四五), not a date
};

class HorizonFinder
{
public:
    // docYear resolves 今年 and 明年; 0 when the document never states its year.
    explicit HorizonFinder(int docYear = 0) : m_docYear(docYear) { }

    // Horizons in text, in order. In a heading a bare year names the period too ("三、2021年重点
    // 工作"); in prose only when it opens a clause ("2025年，……"), since elsewhere it is usually a
    // date or a subject ("2023 年是……开局之年"). A time named as a comparison base ("比2020年",
    // "高于“十三五”时期") is no horizon.
    QList<Horizon> find(QStringView text, bool heading = false) const;

    // The year the document speaks from: the date in its first lines ("——2021年3月5日在……"),
    // else a year in its title ("2023年政府工作报告"), else the latest year its headings name
    // ("二、2024年政府工作任务"; "一、2023年工作回顾" reviews the year before 2024); 0 when none
    // states one.
    static int documentYear(const Document &doc);

private:
    static int yearOfHeadings(const Document &doc);

    int m_docYear = 0;
};

} // namespace Pizhu
