#include "notessearchdock.h"

#include "clearbutton.h"
#include "notesearchmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

NotesSearchDock::NotesSearchDock(QWidget *parent)
    : QDockWidget(tr("Search Notes"), parent),
      m_model(new NoteSearchModel(this)),
      m_debounce(new QTimer(this))
{
    setObjectName(u"notesSearchDock"_s);
    m_model->setHeaders({ tr("Document"), tr("Section"), tr("Quote"), tr("Note") });
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(SearchDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &NotesSearchDock::searchNow);
}

QLineEdit *NotesSearchDock::field()
{
    buildContent();
    return m_field;
}

QLabel *NotesSearchDock::countLabel()
{
    buildContent();
    return m_count;
}

QLabel *NotesSearchDock::unavailableLabel()
{
    buildContent();
    return m_unavailable;
}

QTableView *NotesSearchDock::view()
{
    buildContent();
    return m_view;
}

void NotesSearchDock::showEvent(QShowEvent *event)
{
    buildContent();
    QDockWidget::showEvent(event);
}

void NotesSearchDock::buildContent()
{
    // Built when the dock is first shown: it is closed by default, and a table's bold header
    // alone would open the CJK bold face (megabytes) at every start-up.
    if (m_view)
        return;
    m_field = new QLineEdit;
    m_field->setObjectName(u"notesSearchField"_s);
    m_field->setPlaceholderText(tr("Search notes in all documents"));
    addClearButtonOnFirstText(m_field);
    m_field->installEventFilter(this); // Down moves into the hits
    m_count = new QLabel;
    m_count->setObjectName(u"notesSearchCount"_s);
    m_count->setTextFormat(Qt::PlainText); // a store's error detail is not markup
    m_unavailable = new QLabel;
    m_unavailable->setObjectName(u"notesSearchUnavailable"_s);
    m_unavailable->setTextFormat(Qt::PlainText);
    m_unavailable->setWordWrap(true);

    m_view = new QTableView;
    m_view->setObjectName(u"notesSearchView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setAccessibleName(tr("Notes found"));
    m_view->setColumnWidth(NoteSearchModel::DocumentColumn, 180);
    m_view->setColumnWidth(NoteSearchModel::SectionColumn, 220);
    m_view->setColumnWidth(NoteSearchModel::QuoteColumn, 320);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->addWidget(m_field, 1);
    top->addWidget(m_count);
    layout->addWidget(m_unavailable);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_field, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    // Enter in the field goes to the best hit.
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        searchNow();
        if (const SearchHit *best = m_model->hit(0)) {
            m_view->setCurrentIndex(m_model->index(0, 0));
            emit hitActivated(*best);
        }
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const SearchHit *h = m_model->hit(index.row()))
            emit hitActivated(*h);
    });
    showStore();
}

NotesSearchDock::~NotesSearchDock()
{
    // QWidget's destructor, which runs after this one, destroys the children and moves focus
    // between them: their events and signals must not reach this half-destroyed dock.
    if (!m_view)
        return;
    m_field->removeEventFilter(this);
    m_field->disconnect(this);
    m_view->disconnect(this);
}

void NotesSearchDock::setStore(const AnnotationStore *store, const QString &unavailableReason)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (store) {
        // Notes written while a query is shown (here, in another window, by an import) show up
        // after the same pause as typing.
        auto refresh = [this] {
            if (m_field && !m_field->text().trimmed().isEmpty())
                m_debounce->start();
        };
        connect(store, &AnnotationStore::annotationAdded, this, refresh);
        connect(store, &AnnotationStore::annotationChanged, this, refresh);
        connect(store, &AnnotationStore::annotationRemoved, this, refresh);
        connect(store, &AnnotationStore::documentReanchored, this, refresh);
    }
    m_unavailableReason = unavailableReason;
    if (!store)
        m_model->clear();
    if (m_view)
        showStore();
}

void NotesSearchDock::showStore()
{
    // The reason stays enabled, and so readable; what cannot be used is greyed out.
    m_field->setEnabled(m_store);
    m_view->setEnabled(m_store);
    m_unavailable->setVisible(!m_store);
    m_count->clear();
    if (!m_store) {
        m_unavailable->setText(m_unavailableReason.isEmpty()
                ? tr("Notes cannot be searched: there is no annotation database.")
                : tr("Notes cannot be searched. %1").arg(m_unavailableReason));
        return;
    }
    searchNow();
}

void NotesSearchDock::searchNow()
{
    m_debounce->stop();
    if (!m_store || !m_field) // no field yet: nothing was typed
        return;
    const QString query = m_field->text().simplified();
    if (query.isEmpty()) {
        m_model->clear();
        m_count->clear();
        return;
    }
    const auto hits = m_store->searchNotes(query, MaxHits);
    if (!hits) {
        m_model->clear();
        m_count->setText(tr("The notes cannot be searched: %1").arg(hits.error().detail));
        return;
    }
    m_model->setHits(*hits);
    const qsizetype n = hits->size();
    if (n == 0)
        m_count->setText(tr("No notes match"));
    else if (n == 1)
        m_count->setText(tr("1 note"));
    else if (n >= MaxHits)
        m_count->setText(tr("The first %1 notes").arg(n));
    else
        m_count->setText(tr("%1 notes").arg(n));
    if (n > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

bool NotesSearchDock::eventFilter(QObject *watched, QEvent *event)
{
    if (m_field && watched == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        if (m_debounce->isActive())
            searchNow(); // what is typed, not what was found before the pause
        if (m_model->rowCount() > 0) {
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_model->index(0, 0));
            m_view->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void NotesSearchDock::focusField()
{
    show();
    raise();
    buildContent();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

} // namespace Pizhu
