#include "comparetargetsdialog.h"

#include "comparisonformats.h"
#include "comparisonmodel.h"
#include "importer.h"
#include "pdfreader.h"
#include "targetcomparison.h"
#include "targetextractor.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

struct Outcome
{
    TargetComparison comparison;
    int documents = 0;
    int leftOut = 0;
};

// A PDF from its layout (no password: an encrypted one is left out), anything else as text.
std::optional<Document> read(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const bool pdf = PdfReader::looksLikePdf(file.read(1024));
    file.close();
    if (pdf) {
        auto pages = PdfReader::readLayout(path);
        if (!pages)
            return std::nullopt;
        auto doc = Importer().importLaidOut(pages.value());
        return doc ? std::optional<Document>(std::move(doc).value()) : std::nullopt;
    }
    auto doc = Importer().importFile(path);
    return doc ? std::optional<Document>(std::move(doc).value()) : std::nullopt;
}

void add(Outcome &outcome, const Document &doc, const QString &path, bool evenWithoutTargets)
{
    int year = TargetExtractor::documentYear(doc);
    if (year == 0)
        year = TargetComparison::yearInFileName(path);
    const QList<Target> targets = TargetExtractor().extract(doc, year);
    if (targets.isEmpty() && !evenWithoutTargets) {
        ++outcome.leftOut;
        return;
    }
    outcome.comparison.addDocument(path, year, targets);
    ++outcome.documents;
}

} // namespace

CompareTargetsDialog::CompareTargetsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"compareTargetsDialog"_s);
    setWindowTitle(tr("Compare Targets"));
    m_model = new ComparisonModel(this);
    auto *layout = new QVBoxLayout(this);
    m_view = new QTableView(this);
    m_view->setObjectName(u"compareTargetsView"_s);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy as Markdown"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, &CompareTargetsDialog::copyMarkdown);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 24);
}

CompareTargetsDialog::~CompareTargetsDialog() = default;

QString CompareTargetsDialog::status() const
{
    return m_status->text();
}

void CompareTargetsDialog::compare(
    std::shared_ptr<const Document> open, const QString &openPath, const QStringList &files)
{
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Reading the documents…"));
    // The worker holds the open document, so closing it meanwhile is safe.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Outcome outcome = watcher->result();
        m_model->setComparison(outcome.comparison);
        QString text = tr("%n document(s) compared.", nullptr, outcome.documents);
        if (outcome.leftOut > 0)
            text += u' ' + tr("%n left out: unreadable or without targets.", nullptr, outcome.leftOut);
        m_status->setText(text);
        emit compared(outcome.documents);
    });
    watcher->setFuture(QtConcurrent::run([open, openPath, files] {
        Outcome outcome;
        if (open)
            add(outcome, *open, openPath, true);
        for (const QString &path : files) {
            if (path == openPath)
                continue;
            if (const std::optional<Document> doc = read(path))
                add(outcome, *doc, path, false);
            else
                ++outcome.leftOut;
        }
        return outcome;
    }));
}

void CompareTargetsDialog::copyMarkdown() const
{
    QGuiApplication::clipboard()->setText(ComparisonFormats::toMarkdown(m_model->comparison()));
}

} // namespace Pizhu
