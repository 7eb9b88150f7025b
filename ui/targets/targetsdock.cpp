#include "targetsdock.h"

#include "document.h"
#include "targetextractor.h"
#include "targetformats.h"
#include "targetmodel.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFuture>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

TargetsDock::TargetsDock(QWidget *parent) : QDockWidget(tr("Targets"), parent)
{
    setObjectName(u"targetsDock"_s);
    m_model = new TargetModel(this);
    m_copyMarkdown = new QAction(tr("Copy as Markdown"), this);
    m_copyMarkdown->setObjectName(u"targetsCopyMarkdownAction"_s);
    m_exportCsv = new QAction(tr("Export CSV…"), this);
    m_exportCsv->setObjectName(u"targetsExportCsvAction"_s);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TargetsDock::updateActions);
    connect(m_copyMarkdown, &QAction::triggered, this, &TargetsDock::copyMarkdown);
    connect(m_exportCsv, &QAction::triggered, this, &TargetsDock::chooseCsvFile);
    updateActions();
}

QTableView *TargetsDock::view()
{
    buildContent();
    return m_view;
}

QPushButton *TargetsDock::highlightButton()
{
    buildContent();
    return m_highlight;
}

void TargetsDock::showEvent(QShowEvent *event)
{
    buildContent();
    QDockWidget::showEvent(event);
}

void TargetsDock::buildContent()
{
    // The table is built when the dock is first shown: the dock is closed by default, and a
    // table's bold header alone would open the CJK bold face (megabytes) at every start-up.
    if (m_view)
        return;
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(4, 2, 4, 0);
    m_highlight = new QPushButton(tr("Highlight"), content);
    m_highlight->setObjectName(u"targetsHighlightButton"_s);
    m_highlight->setToolTip(tr("Turn the selected targets into highlights"));
    auto *copyButton = new QToolButton(content);
    copyButton->setDefaultAction(m_copyMarkdown);
    auto *exportButton = new QToolButton(content);
    exportButton->setDefaultAction(m_exportCsv);
    buttons->addWidget(m_highlight);
    buttons->addStretch(1);
    buttons->addWidget(copyButton);
    buttons->addWidget(exportButton);
    layout->addLayout(buttons);

    m_view = new QTableView(content);
    m_view->setObjectName(u"targetsView"_s);
    m_view->setModel(m_model);
    // Text order until the reader picks a column.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Widths in characters; the sentence, last, takes what is left and tells the reader where the
    // row came from.
    const int ch = fontMetrics().averageCharWidth();
    m_view->setColumnWidth(TargetModel::IndicatorColumn, ch * 28);
    m_view->setColumnWidth(TargetModel::DirectionColumn, ch * 6);
    m_view->setColumnWidth(TargetModel::ValueColumn, ch * 16);
    m_view->setColumnWidth(TargetModel::ChangeColumn, ch * 18);
    m_view->setColumnWidth(TargetModel::HorizonColumn, ch * 8);
    m_view->setColumnWidth(TargetModel::SectionColumn, ch * 24);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyMarkdown);
    m_view->addAction(m_exportCsv);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_view, &QTableView::activated, this, &TargetsDock::activate);
    connect(m_view, &QTableView::clicked, this, &TargetsDock::activate);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TargetsDock::updateActions);
    connect(m_highlight, &QPushButton::clicked, this, &TargetsDock::requestHighlights);
    updateActions();
}

TargetsDock::~TargetsDock() = default;

void TargetsDock::setDocument(std::shared_ptr<const Document> doc)
{
    const quint64 generation = ++m_generation;
    if (!doc) {
        setTargets({});
        emit targetsReady(0);
        return;
    }
    // The worker holds the document, so closing it meanwhile is safe; a result that a newer
    // document overtook is dropped. (A watcher, not QFuture::then(context): with Qt 6.4 the
    // continuation sometimes never arrived in tst_ui_targetsdock.)
    auto *watcher = new QFutureWatcher<QList<Target>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        QList<Target> targets = watcher->result();
        const int count = int(targets.size());
        setTargets(std::move(targets));
        emit targetsReady(count);
    });
    watcher->setFuture(QtConcurrent::run([doc] { return TargetExtractor().extract(*doc); }));
}

void TargetsDock::setTargets(QList<Target> targets)
{
    m_model->setTargets(std::move(targets));
    if (!m_view) // never shown: no column chosen, text order
        return;
    const int column = m_view->horizontalHeader()->sortIndicatorSection();
    if (column >= 0 && column < TargetModel::ColumnCount)
        m_model->sort(column, m_view->horizontalHeader()->sortIndicatorOrder());
}

QString TargetsDock::markdown() const
{
    // The table as the reader sees it: its columns, its headers and its words, in the interface
    // language (`pizhu targets --format markdown` keeps the fixed English fields for scripts).
    // Every cell is the document's text or made from it, so it is escaped.
    const int columns = m_model->columnCount();
    QStringList header;
    QStringList rule;
    for (int c = 0; c < columns; ++c) {
        header << TargetFormats::escapeMarkdown(m_model->headerData(c, Qt::Horizontal).toString());
        rule << (c == TargetModel::ValueColumn ? u"---:"_s : u"---"_s);
    }
    QString out = u"| "_s + header.join(u" | "_s) + u" |\n| "_s + rule.join(u" | "_s) + u" |\n"_s;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < columns; ++c) {
            const QString text = m_model->index(r, c).data().toString().simplified();
            cells << TargetFormats::escapeMarkdown(text);
        }
        out += u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
    }
    return out;
}

bool TargetsDock::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(TargetFormats::toCsv(m_model->targets()));
    return file.commit();
}

void TargetsDock::activate(const QModelIndex &index)
{
    if (const Target *t = m_model->targetAt(index))
        emit targetActivated(t->start, t->end);
}

void TargetsDock::requestHighlights()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex());
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        if (const Target *t = m_model->targetAt(index))
            emit highlightRequested(t->start, t->end);
}

void TargetsDock::copyMarkdown()
{
    QGuiApplication::clipboard()->setText(markdown());
}

void TargetsDock::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Targets"), tr("targets.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportCsv(path))
        QMessageBox::warning(
            this, tr("Export Targets"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

void TargetsDock::updateActions()
{
    const bool any = m_model->rowCount() > 0;
    m_copyMarkdown->setEnabled(any);
    m_exportCsv->setEnabled(any);
    if (m_highlight)
        m_highlight->setEnabled(m_view->selectionModel()->hasSelection());
    setWindowTitle(any ? tr("Targets (%1)").arg(m_model->rowCount()) : tr("Targets"));
}

} // namespace Pizhu
