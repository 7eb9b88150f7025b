#include "annotationsdock.h"

#include "annotationcontroller.h"
#include "annotationdelegate.h"
#include "annotationlistmodel.h"
#include "annotationpalette.h"
#include "annotationstore.h"
#include "clearbutton.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStringListModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {
// Tags are typed as a comma-separated list; full-width commas count too.
QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(QRegularExpression(u"[,，、]"_s), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags << t.trimmed();
    return tags;
}
} // namespace

AnnotationsDock::AnnotationsDock(AnnotationController *controller, QWidget *parent)
    : QDockWidget(tr("Annotations"), parent),
      m_controller(controller),
      m_filter(new QLineEdit),
      m_color(new QComboBox),
      m_tag(new QComboBox),
      m_sort(new QComboBox),
      m_count(new QLabel),
      m_view(new QTreeView),
      m_note(new QPlainTextEdit),
      m_tags(new QLineEdit),
      m_tagWords(new QStringListModel(this)),
      m_completer(new QCompleter(m_tagWords, this)),
      m_saveTimer(new QTimer(this))
{
    setObjectName(u"annotationsDock"_s);
    AnnotationListModel *model = controller->model();

    m_filter->setObjectName(u"annotationFilter"_s);
    m_filter->setPlaceholderText(tr("Filter annotations"));
    addClearButtonOnFirstText(m_filter);
    m_color->setObjectName(u"annotationColorFilter"_s);
    m_color->addItem(tr("All colours"), -1);
    for (AnnotationColor c : allAnnotationColors())
        m_color->addItem(AnnotationPalette::swatch(c), AnnotationPalette::label(c), int(c));
    m_tag->setObjectName(u"annotationTagFilter"_s);
    m_tag->addItem(tr("All tags"));
    m_sort->setObjectName(u"annotationSort"_s);
    m_sort->addItem(tr("By position"), int(AnnotationListModel::SortOrder::Position));
    m_sort->addItem(tr("Newest first"), int(AnnotationListModel::SortOrder::Time));
    m_count->setObjectName(u"annotationCount"_s);

    m_view->setObjectName(u"annotationList"_s);
    m_view->setModel(model);
    m_view->setItemDelegate(new AnnotationDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAccessibleName(tr("Annotations"));

    m_note->setObjectName(u"noteEditor"_s);
    m_note->setPlaceholderText(tr("Note (plain text, Markdown allowed)"));
    m_note->setTabChangesFocus(true);
    m_note->installEventFilter(this);
    m_tags->setObjectName(u"tagsEditor"_s);
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(m_tags);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(SaveDelayMs);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_color);
    filters->addWidget(m_tag);
    filters->addWidget(m_sort);
    auto *editor = new QFormLayout;
    editor->addRow(tr("Note:"), m_note);
    editor->addRow(tr("Tags:"), m_tags);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_filter);
    layout->addLayout(filters);
    layout->addWidget(m_count);
    layout->addWidget(m_view, 3);
    layout->addLayout(editor, 1);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, &AnnotationsDock::applyFilters);
    connect(m_color, &QComboBox::currentIndexChanged, this, &AnnotationsDock::applyFilters);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &AnnotationsDock::applyFilters);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &AnnotationsDock::applyFilters);
    connect(model, &AnnotationListModel::countChanged, this, &AnnotationsDock::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        updateTagChoices();
        if (!m_controller->annotation(m_current))
            setCurrent({});
        else
            select(m_current);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            if (!parent.isValid())
                for (int r = first; r <= last; ++r)
                    m_view->expand(m_controller->model()->index(r, 0));
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) {
            // A section's own row is no note: the editor empties and locks, so that what is typed
            // next cannot go into the note that was selected before.
            const Annotation *a = m_controller->model()->annotation(index);
            setCurrent(a ? a->id : QUuid());
        });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const Annotation *a = m_controller->model()->annotation(index); a && !a->isOrphaned())
            emit showRequested(a->anchor.start, a->anchor.end);
    });
    // The full-text matches follow the annotations: another document, a note edited.
    connect(m_controller, &AnnotationController::annotationsReset, this, &AnnotationsDock::updateTextMatches);
    connect(m_controller, &AnnotationController::annotationChanged, this, [this](const QUuid &id) {
        if (!m_filter->text().trimmed().isEmpty())
            updateTextMatches();
        updateTagChoices();
        if (id == m_current)
            loadEditor();
    });
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_saveTimer->start();
    });
    connect(m_saveTimer, &QTimer::timeout, this, &AnnotationsDock::saveNow);
    connect(m_tags, &QLineEdit::editingFinished, this, &AnnotationsDock::saveTags);
    connect(m_tags, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QStringList parts = text.split(QRegularExpression(u"[,，、]"_s));
        m_completer->setCompletionPrefix(parts.isEmpty() ? QString() : parts.last().trimmed());
        if (!m_completer->completionPrefix().isEmpty())
            m_completer->complete();
    });
    connect(
        m_completer, qOverload<const QString &>(&QCompleter::activated), this, &AnnotationsDock::completeTag);

    updateTagChoices();
    updateCount();
    setCurrent({});
}

AnnotationsDock::~AnnotationsDock()
{
    saveNow();
    // QWidget's destructor, which runs after this one, destroys the children, and that moves
    // focus between them (the completer's popup hands it back to the tags editor, which then
    // loses it). Their signals must not reach this half-destroyed dock.
    m_note->disconnect(this);
    m_tags->disconnect(this);
    m_completer->disconnect(this);
    m_note->removeEventFilter(this);
}

void AnnotationsDock::select(const QUuid &id, bool editNote)
{
    const QModelIndex index = m_controller->model()->indexOf(id);
    if (index.isValid()) {
        m_view->scrollTo(index);
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    setCurrent(id);
    if (editNote && m_controller->annotation(id)) {
        show();
        raise();
        m_note->setFocus();
    }
}

void AnnotationsDock::setCurrent(const QUuid &id)
{
    if (id == m_current && !id.isNull())
        return;
    saveNow();
    saveTags();
    m_current = id;
    loadEditor();
}

void AnnotationsDock::loadEditor()
{
    const Annotation *a = m_controller ? m_controller->annotation(m_current) : nullptr;
    const bool editable = a && m_controller->canEdit();
    m_note->setEnabled(editable);
    m_tags->setEnabled(editable);
    // A save of this very note arrives back here: keep the text (and cursor) the reader has.
    const QString note = a ? a->note : QString();
    if (m_note->toPlainText() != note && !m_saveTimer->isActive()) {
        m_loading = true;
        m_note->setPlainText(note);
        m_loading = false;
    }
    const QString tags = a ? a->tags.join(u", "_s) : QString();
    if (!m_tags->hasFocus() || splitTags(m_tags->text()) == (a ? a->tags : QStringList()))
        m_tags->setText(tags);
}

void AnnotationsDock::saveNow()
{
    m_saveTimer->stop();
    if (!m_controller || m_current.isNull())
        return;
    const Annotation *a = m_controller->annotation(m_current);
    if (a && a->note != m_note->toPlainText())
        m_controller->setNote(m_current, m_note->toPlainText());
}

void AnnotationsDock::saveTags()
{
    if (!m_controller || m_current.isNull())
        return;
    const Annotation *a = m_controller->annotation(m_current);
    const QStringList tags = splitTags(m_tags->text());
    if (a && a->tags != tags)
        m_controller->setTags(m_current, tags);
}

void AnnotationsDock::completeTag(const QString &chosen)
{
    QStringList parts = m_tags->text().split(QRegularExpression(u"[,，、]"_s));
    if (parts.isEmpty())
        parts << QString();
    parts.last() = chosen;
    for (QString &p : parts)
        p = p.trimmed();
    m_tags->setText(parts.join(u", "_s));
}

bool AnnotationsDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::FocusOut)
        saveNow();
    return QDockWidget::eventFilter(watched, event);
}

void AnnotationsDock::applyFilters()
{
    AnnotationListModel *model = m_controller->model();
    const int color = m_color->currentData().toInt();
    model->setColorFilter(color < 0 ? std::nullopt : std::optional(AnnotationColor(color)));
    model->setTagFilter(m_tag->currentIndex() <= 0 ? QString() : m_tag->currentText());
    updateTextMatches();
    model->setTextFilter(m_filter->text());
    model->setSortOrder(AnnotationListModel::SortOrder(m_sort->currentData().toInt()));
}

void AnnotationsDock::updateTextMatches()
{
    // Besides the plain substring test the model makes, the filter finds what the store's
    // full-text search finds in this document (every word, in any order, in quote, note or tags).
    AnnotationListModel *model = m_controller->model();
    const QString text = m_filter->text().trimmed();
    const AnnotationStore *store = m_controller->store();
    const Document *document = m_controller->document();
    QSet<QUuid> ids;
    if (store && document && !text.isEmpty()) {
        // Every annotation of the document may match: no limit below their number.
        if (const auto hits = store->searchNotes(text, std::max(1, model->totalCount()), document->hash()))
            for (const SearchHit &hit : *hits)
                ids.insert(hit.id);
    }
    model->setTextMatches(ids);
}

void AnnotationsDock::updateCount()
{
    const AnnotationListModel *model = m_controller->model();
    m_count->setText(model->count() == model->totalCount()
            ? tr("%n annotation(s)", nullptr, model->totalCount())
            : tr("%1 of %n annotation(s)", nullptr, model->totalCount()).arg(model->count()));
}

void AnnotationsDock::updateTagChoices()
{
    const QStringList tags = m_controller->model()->usedTags();
    if (tags == m_tagWords->stringList())
        return;
    m_tagWords->setStringList(tags);
    const QString chosen = m_tag->currentIndex() > 0 ? m_tag->currentText() : QString();
    const QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"));
    m_tag->addItems(tags);
    m_tag->setCurrentIndex(std::max(0, int(m_tag->findText(chosen))));
}

} // namespace Pizhu
