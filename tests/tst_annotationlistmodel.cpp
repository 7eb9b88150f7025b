#include "annotationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Annotation make(qsizetype start, const QString &quote, const QStringList &path,
    AnnotationColor color = AnnotationColor::Yellow, const QString &note = {}, const QStringList &tags = {},
    int minutesAfter = 0)
{
    Annotation a;
    a.id = QUuid::createUuid();
    a.documentHash = "hash";
    a.anchor.quote = quote;
    a.anchor.start = start;
    a.anchor.end = start + quote.size();
    a.anchor.sectionPath = path;
    a.color = color;
    a.note = note;
    a.tags = tags;
    a.created = QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::utc()).addSecs(60 * minutesAfter);
    a.modified = a.created;
    return a;
}

const QStringList Goals { u"纲要"_s, u"一、主要目标"_s };
const QStringList Means { u"纲要"_s, u"二、推动质量变革"_s };

// Eight annotations over two sections and one orphan.
QList<Annotation> sample()
{
    Annotation orphan = make(5, u"旧文字"_s, Goals, AnnotationColor::Pink, u"lost"_s, {}, 7);
    orphan.reanchoring.method = AnchorMethod::Orphaned;
    return {
        make(10, u"质量强国"_s, Goals, AnnotationColor::Yellow, u"核心概念"_s, { u"概念"_s }, 3),
        make(40, u"到2025年"_s, Goals, AnnotationColor::Green, {}, { u"目标"_s, u"时间"_s }, 1),
        make(90, u"质量效益明显提升"_s, Goals, AnnotationColor::Yellow, u"Check the figures\nsecond line"_s,
            {}, 5),
        make(300, u"增强质量发展创新动能"_s, Means, AnnotationColor::Blue, {}, { u"创新"_s }, 2),
        make(350, u"树立质量发展绿色导向"_s, Means, AnnotationColor::Green, u"green growth"_s, { u"目标"_s },
            6),
        make(420, u"强化质量发展利民惠民"_s, Means, AnnotationColor::Purple, {}, {}, 4),
        make(500, u"质量"_s, Means, AnnotationColor::Yellow, {}, {}, 0),
        orphan,
    };
}

// Every annotation row's quote, group by group, in the model's order.
QStringList quotes(const AnnotationListModel &model)
{
    QStringList out;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        for (int r = 0; r < model.rowCount(group); ++r)
            out << model.index(r, 0, group).data(AnnotationListModel::QuoteRole).toString();
    }
    return out;
}

} // namespace

class TestAnnotationListModel : public QObject
{
    Q_OBJECT
private slots:
    void groupsBySectionPathWithOrphansLast();
    void sortsByPositionOrNewestFirst();
    void filtersNarrowTheList_data();
    void filtersNarrowTheList();
    void textMatchesFromTheStoreWidenTheTextFilter();
    void upsertRecolourKeepsTheRowInPlace();
    void upsertOfFilteredOutAnnotationRemovesItsRow();
    void insertAndRemoveCreateAndDropGroups();
    void newestAnnotationMovesItsGroupFirstWhenSortedByTime();
    void rowShowsShortQuoteNoteFirstLineAndTags();
    void usedTagsAreDistinctAndSorted();
};

void TestAnnotationListModel::groupsBySectionPathWithOrphansLast()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnnotations(sample());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(AnnotationListModel::SectionPathRole).toStringList(), Goals);
    QCOMPARE(model.index(1, 0).data(AnnotationListModel::SectionPathRole).toStringList(), Means);
    QVERIFY(model.index(2, 0).data(AnnotationListModel::OrphanedRole).toBool());
    QCOMPARE(model.rowCount(model.index(2, 0)), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"纲要 › 一、主要目标 (3)"_s);
    QCOMPARE(model.count(), 8);
    QCOMPARE(model.totalCount(), 8);
}

void TestAnnotationListModel::sortsByPositionOrNewestFirst()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnnotations(sample());
    QCOMPARE(quotes(model),
        (QStringList { u"质量强国"_s, u"到2025年"_s, u"质量效益明显提升"_s, u"增强质量发展创新动能"_s,
            u"树立质量发展绿色导向"_s, u"强化质量发展利民惠民"_s, u"质量"_s, u"旧文字"_s }));
    model.setSortOrder(AnnotationListModel::SortOrder::Time);
    // Groups follow their newest annotation (Means has the one made at +6 min); orphans stay last.
    QCOMPARE(quotes(model),
        (QStringList { u"树立质量发展绿色导向"_s, u"强化质量发展利民惠民"_s, u"增强质量发展创新动能"_s,
            u"质量"_s, u"质量效益明显提升"_s, u"质量强国"_s, u"到2025年"_s, u"旧文字"_s }));
}

void TestAnnotationListModel::filtersNarrowTheList_data()
{
    QTest::addColumn<int>("color"); // -1: no colour filter
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("green only") << int(AnnotationColor::Green) << QString() << QString()
                                << QStringList { u"到2025年"_s, u"树立质量发展绿色导向"_s };
    QTest::newRow("tag 目标") << -1 << u"目标"_s << QString()
                              << QStringList { u"到2025年"_s, u"树立质量发展绿色导向"_s };
    QTest::newRow("text in quote") << -1 << QString() << u"创新"_s
                                   << QStringList { u"增强质量发展创新动能"_s };
    QTest::newRow("text in note, any case")
        << -1 << QString() << u"CHECK"_s << QStringList { u"质量效益明显提升"_s };
    QTest::newRow("text in a tag") << -1 << QString() << u"时间"_s << QStringList { u"到2025年"_s };
    QTest::newRow("colour and text together")
        << int(AnnotationColor::Yellow) << QString() << u"质量"_s
        << QStringList { u"质量强国"_s, u"质量效益明显提升"_s, u"质量"_s };
    QTest::newRow("orphans are filtered too")
        << int(AnnotationColor::Pink) << QString() << QString() << QStringList { u"旧文字"_s };
    QTest::newRow("nothing matches") << -1 << u"no such tag"_s << QString() << QStringList {};
}

void TestAnnotationListModel::filtersNarrowTheList()
{
    QFETCH(int, color);
    QFETCH(QString, tag);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnnotations(sample());
    QSignalSpy counts(&model, &AnnotationListModel::countChanged);
    if (color >= 0)
        model.setColorFilter(AnnotationColor(color));
    model.setTagFilter(tag);
    model.setTextFilter(text);
    QCOMPARE(quotes(model), expected);
    QCOMPARE(model.count(), expected.size());
    QCOMPARE(model.totalCount(), 8);
    QVERIFY(!counts.isEmpty());
    QCOMPARE(counts.last().at(0).toInt(), int(expected.size()));
    // Clearing the filters brings every row back.
    model.setColorFilter(std::nullopt);
    model.setTagFilter({});
    model.setTextFilter({});
    QCOMPARE(model.count(), 8);
}

void TestAnnotationListModel::textMatchesFromTheStoreWidenTheTextFilter()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Annotation> all = sample();
    model.setAnnotations(all);
    // Without a text filter the matches change nothing.
    model.setTextMatches({ all.at(3).id });
    QCOMPARE(model.count(), 8);
    // Words in another order: no substring, but the full-text search found two.
    model.setTextFilter(u"growth green"_s);
    QCOMPARE(quotes(model), (QStringList { u"增强质量发展创新动能"_s }));
    model.setTextMatches({ all.at(3).id, all.at(4).id });
    QCOMPARE(quotes(model), (QStringList { u"增强质量发展创新动能"_s, u"树立质量发展绿色导向"_s }));
    // The substring test still stands beside them; the colour filter still narrows.
    model.setTextFilter(u"创新"_s);
    QCOMPARE(model.count(), 2);
    model.setColorFilter(AnnotationColor::Green);
    QCOMPARE(quotes(model), (QStringList { u"树立质量发展绿色导向"_s }));
    model.setColorFilter(std::nullopt);
    model.setTextMatches({});
    QCOMPARE(quotes(model), (QStringList { u"增强质量发展创新动能"_s }));
}

void TestAnnotationListModel::upsertRecolourKeepsTheRowInPlace()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Annotation> all = sample();
    model.setAnnotations(all);
    const QPersistentModelIndex before = model.indexOf(all.at(1).id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    Annotation a = all.at(1);
    a.color = AnnotationColor::Purple;
    a.note = u"new note"_s;
    model.upsert(a);
    QVERIFY(removed.isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(QModelIndex(before), model.indexOf(a.id));
    QCOMPARE(before.data(AnnotationListModel::ColorRole).toInt(), int(AnnotationColor::Purple));
    QCOMPARE(before.data(AnnotationListModel::NoteRole).toString(), u"new note"_s);
}

void TestAnnotationListModel::upsertOfFilteredOutAnnotationRemovesItsRow()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Annotation> all = sample();
    model.setAnnotations(all);
    model.setColorFilter(AnnotationColor::Green);
    QCOMPARE(model.count(), 2);
    Annotation a = all.at(1);
    a.color = AnnotationColor::Blue;
    model.upsert(a);
    QCOMPARE(quotes(model), QStringList { u"树立质量发展绿色导向"_s });
    a.color = AnnotationColor::Green;
    model.upsert(a);
    QCOMPARE(quotes(model), (QStringList { u"到2025年"_s, u"树立质量发展绿色导向"_s }));
}

void TestAnnotationListModel::insertAndRemoveCreateAndDropGroups()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnnotations(sample());
    const Annotation early = make(1, u"纲要"_s, { u"纲要"_s }, AnnotationColor::Blue);
    model.upsert(early);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, 0).data(AnnotationListModel::SectionPathRole).toStringList(),
        QStringList { u"纲要"_s });
    QCOMPARE(model.count(), 9);
    const Annotation middle = make(200, u"中间"_s, Goals);
    model.upsert(middle);
    QCOMPARE(model.indexOf(middle.id).row(), 3);
    QCOMPARE(model.indexOf(middle.id).parent().row(), 1);
    model.remove(early.id);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.indexOf(early.id).isValid());
    model.remove(middle.id);
    QCOMPARE(model.count(), 8);
    QCOMPARE(model.index(0, 0).data(AnnotationListModel::ChildCountRole).toInt(), 3);
}

void TestAnnotationListModel::newestAnnotationMovesItsGroupFirstWhenSortedByTime()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnnotations(sample());
    model.setSortOrder(AnnotationListModel::SortOrder::Time);
    QCOMPARE(model.index(0, 0).data(AnnotationListModel::SectionPathRole).toStringList(), Means);
    const Annotation latest = make(60, u"新的"_s, Goals, AnnotationColor::Yellow, {}, {}, 30);
    model.upsert(latest);
    QCOMPARE(model.index(0, 0).data(AnnotationListModel::SectionPathRole).toStringList(), Goals);
    QCOMPARE(model.indexOf(latest.id), model.index(0, 0, model.index(0, 0)));
}

void TestAnnotationListModel::rowShowsShortQuoteNoteFirstLineAndTags()
{
    AnnotationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString longQuote(60, u'质');
    Annotation a = make(0, longQuote, Goals, AnnotationColor::Yellow, u"first\nsecond"_s, { u"a"_s, u"b"_s });
    model.setAnnotations({ a });
    const QString shown = model.indexOf(a.id).data().toString();
    QCOMPARE(shown, QString(AnnotationListModel::QuoteDisplayLength, u'质') + u"… — first  #a  #b"_s);
}

void TestAnnotationListModel::usedTagsAreDistinctAndSorted()
{
    AnnotationListModel model;
    model.setAnnotations(sample());
    model.setColorFilter(AnnotationColor::Purple); // filters do not hide tags from completion
    QStringList expected { u"概念"_s, u"目标"_s, u"时间"_s, u"创新"_s };
    expected.sort(Qt::CaseInsensitive);
    QCOMPARE(model.usedTags(), expected);
}

QTEST_GUILESS_MAIN(TestAnnotationListModel)
#include "tst_annotationlistmodel.moc"
