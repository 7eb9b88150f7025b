#pragma once

// The fixed annotations on the bundled document that the export tests share: one in the preamble,
// in a level-1 section, in a run-in heading, in an item, after the items of a section, in the
// commentary, and one orphan. Header-only so each test program stays one .cpp file.

#include "anchoring.h"
#include "annotation.h"
#include "document.h"
#include "importer.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUuid>

namespace Pizhu::ExportFixture {

using namespace Qt::Literals::StringLiterals;

inline QString bundledPath()
{
    return QStringLiteral(PIZHU_SOURCE_DIR) + u"/resources/quality-outline-and-commentary.txt"_s;
}

inline Document bundledDocument()
{
    auto doc = Importer().importFile(bundledPath());
    if (!doc)
        qFatal("the bundled document did not import");
    return std::move(doc).value();
}

inline QDateTime fixedTime(int minute = 0)
{
    return QDateTime(QDate(2026, 2, 6), QTime(8, minute, 0), Qt::UTC);
}

inline QUuid fixedId(int n)
{
    return QUuid::fromString(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0')));
}

// An annotation on the first occurrence of quote in doc (after `after`, if given).
inline Annotation on(const Document &doc, int n, const QString &quote, AnnotationColor color,
    const QString &note, const QStringList &tags, const QString &after = {})
{
    const qsizetype from = after.isEmpty() ? 0 : doc.text().indexOf(after);
    const qsizetype start = doc.text().indexOf(quote, std::max<qsizetype>(from, 0));
    if (start < 0)
        qFatal("fixture quote not found in the bundled document");
    Annotation a = Anchoring::makeAnnotation(doc, start, start + quote.size());
    a.id = fixedId(n);
    a.color = color;
    a.note = note;
    a.tags = tags;
    a.created = fixedTime(n);
    a.modified = fixedTime(n + 10);
    return a;
}

inline Annotation orphan(const Document &doc, int n)
{
    Annotation a;
    a.id = fixedId(n);
    a.documentHash = doc.hash();
    a.anchor.quote = u"已经删去的一句：质量是生命。"_s;
    a.anchor.start = 100;
    a.anchor.end = 100 + a.anchor.quote.size();
    a.anchor.sectionPath = { u"质量强国建设纲要"_s, u"三、推动经济质量效益型发展"_s };
    a.color = AnnotationColor::Green;
    a.note = u"原文修订后找不到了。"_s;
    a.created = fixedTime(n);
    a.modified = fixedTime(n);
    a.reanchoring.method = AnchorMethod::Orphaned;
    a.reanchoring.similarity = 0;
    return a;
}

// Non-orphans in document order, then the orphan: the order AnnotationStore::list() gives.
inline QList<Annotation> annotations(const Document &doc)
{
    return {
        on(doc, 1, u"建设质量强国是推动高质量发展"_s, AnnotationColor::Yellow,
            u"开篇**定位**：质量强国是“重要举措”。"_s, { u"定位"_s }),
        on(doc, 2, u"质量是人类生产生活的重要保障"_s, AnnotationColor::Green,
            u"两个要点：\n\n- 历史性成效\n- 质量意识提高"_s, {}),
        on(doc, 3, u"深入实施质量强国战略"_s, AnnotationColor::Blue, {}, { u"战略"_s, u"重点"_s }),
        on(doc, 4, u"经济发展质量效益明显提升"_s, AnnotationColor::Pink,
            u"数据见 [统计公报](https://www.stats.gov.cn/) 与 <https://example.org/a_b>。"_s, {}),
        on(doc, 5, u"到 2035 年"_s, AnnotationColor::Purple,
            u"<b>远景</b> & 2035 —— [点我](javascript:alert(1))"_s, { u"远景 目标"_s }),
        on(doc, 6, u"治国必先治党"_s, AnnotationColor::Yellow, u"评论部分的*要点*。"_s, { u"解读"_s }),
        orphan(doc, 7),
    };
}

} // namespace Pizhu::ExportFixture
