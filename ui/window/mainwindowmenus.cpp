// MainWindow's menus, status bar and docks: the commands and panels features add to (menu(),
// addDock(), addNoticeBar()), kept apart from the window's document handling in mainwindow.cpp.
#include "mainwindow.h"

#include "documentview.h"
#include "readingspace.h"
#include "readingstyle.h"
#include "recentfiles.h"
#include "windowstatus.h"

#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

void MainWindow::createMenus()
{
    QMenu *file = m_menus[int(Menu::File)] = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        const QString dir = m_settings->value(u"lastDirectory"_s).toString();
        const QString filter
            = tr("Documents (*.txt *.md *.markdown *.pdf);;Text and Markdown (*.txt *.md *.markdown);;"
                 "PDF files (*.pdf);;All files (*)");
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Document"), dir, filter);
        if (!path.isEmpty())
            openFile(path);
    });
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    m_recentFiles = new RecentFiles(m_settings, recent, this);
    connect(m_recentFiles, &RecentFiles::openRequested, this, &MainWindow::openFile);
    file->addAction(tr("Open &Bundled Document"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), this,
        &MainWindow::openBundledDocument);
    file->addSeparator();
    // QKeySequence::Quit is empty on platforms without a standard binding for it (and offscreen).
    file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close)
        ->setMenuRole(QAction::QuitRole);

    QMenu *edit = m_menus[int(Menu::Edit)] = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, [this] { activeView()->copy(); });
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, [this] { activeView()->selectAll(); });

    QMenu *view = m_menus[int(Menu::View)] = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { setZoom(zoom() + 1); });
    zoomIn->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn });
    view->addAction(
        tr("Zoom &Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), this, [this] { setZoom(zoom() - 1); });
    view->addAction(tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { setZoom(0); });
    view->addAction(
        tr("&Font…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, &MainWindow::chooseFont);
    QMenu *spacing = view->addMenu(tr("&Line Spacing"));
    auto *spacingGroup = new QActionGroup(spacing);
    for (int percent : { 100, 130, 160, 200 }) {
        QAction *a = spacing->addAction(
            tr("%1%").arg(percent), m_style, [this, percent] { m_style->setLineSpacing(percent); });
        a->setCheckable(true);
        a->setChecked(percent == m_style->lineSpacing());
        spacingGroup->addAction(a);
    }
    view->addSeparator();
    auto addToggle = [&](const QString &text, int key, const QString &name, QWidget *pane) {
        QAction *a = view->addAction(text, QKeySequence(Qt::CTRL | Qt::ALT | key));
        connect(a, &QAction::triggered, this, [this, a, pane] {
            if (a->isChecked())
                m_space->release(pane); // asked for, so shown even where the window is narrow
            updatePaneVisibility();
        });
        a->setObjectName(name);
        a->setCheckable(true);
        a->setChecked(m_settings->value(u"view/"_s + name, true).toBool());
        return a;
    };
    m_showOutline = addToggle(tr("Show &Outline"), Qt::Key_1, u"showOutline"_s, m_outlineView);
    m_showMain = addToggle(tr("Show &Document"), Qt::Key_2, u"showMain"_s, m_centre);
    m_showCommentary = addToggle(tr("Show &Commentary"), Qt::Key_3, u"showCommentary"_s, m_commentaryView);
    view->addSeparator(); // docks added later put their toggles below

    QMenu *go = m_menus[int(Menu::Go)] = menuBar()->addMenu(tr("&Go"));
    go->addAction(
        tr("&Next Section"), QKeySequence(Qt::ALT | Qt::Key_Down), this, [this] { goToSection(true); });
    go->addAction(
        tr("&Previous Section"), QKeySequence(Qt::ALT | Qt::Key_Up), this, [this] { goToSection(false); });
    go->addAction(tr("Back to &Top"), QKeySequence(Qt::ALT | Qt::Key_Home), this, &MainWindow::goToTop);
    go->addSeparator();
    go->addAction(tr("&Outline"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        m_showOutline->setChecked(true);
        m_space->release(m_outlineView);
        updatePaneVisibility();
        m_outlineView->setFocus();
    });

    QMenu *help = m_menus[int(Menu::Help)] = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts)
        ->setObjectName(u"keyboardShortcutsAction"_s);
    help->addAction(tr("&About Pizhu"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    m_status = new WindowStatus(statusBar());
    connect(m_status, &WindowStatus::cancelRequested, this, &MainWindow::cancelLoading);
}

void MainWindow::applyStyle()
{
    const QFont font = m_style->font();
    for (DocumentView *view : { m_mainView, m_commentaryView }) {
        view->setReadingFont(font);
        view->setLineSpacing(m_style->lineSpacing());
    }
    applyPanelFont();
}

void MainWindow::applyPanelFont()
{
    // Zoom scales the side panels' text along with the reading panes', step for step: a reader
    // who needs larger text needs it in the outline and the lists too.
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max(6.0, font.pointSizeF() + m_style->zoom()));
    m_outlineView->setFont(font);
    for (const QPointer<QDockWidget> &dock : std::as_const(m_docks))
        if (dock && dock->widget())
            dock->widget()->setFont(font);
}

QMenu *MainWindow::menu(Menu which) const
{
    return m_menus[int(which)];
}

QStringList MainWindow::recentFiles() const
{
    return m_recentFiles ? m_recentFiles->files() : QStringList();
}

QAction *MainWindow::addDock(
    QDockWidget *dock, Qt::DockWidgetArea area, DockStart start, Qt::Orientation split)
{
    // A dock added after the window restored its layout takes its remembered place; a new one
    // goes to area and is shown, since children added to a visible window stay hidden. One that
    // starts hidden leaves the text its width until asked for; the layout restored when the
    // window is built shows it again if it was open when the window last closed.
    if (!restoreDockWidget(dock)) {
        addDockWidget(area, dock, split);
        dock->setVisible(start == DockStart::Shown);
    }
    m_space->addDock(dock);
    m_docks.append(dock);
    if (dock->widget())
        applyPanelFont();
    QAction *toggle = dock->toggleViewAction();
    menu(Menu::View)->addAction(toggle);
    return toggle;
}

void MainWindow::addNoticeBar(QWidget *bar)
{
    m_noticeColumn->layout()->addWidget(bar);
}

void MainWindow::showShortcuts()
{
    // Read from the actions themselves, so that the list is never behind the menus: every command
    // of every menu (submenus under their menu) with its keys.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *filter = new QLineEdit(dialog);
    filter->setPlaceholderText(tr("Filter commands or keys"));
    filter->setClearButtonEnabled(true);
    auto *tree = new QTreeWidget(dialog);
    tree->setObjectName(u"shortcutsList"_s);
    tree->setColumnCount(2);
    tree->setHeaderLabels({ tr("Command"), tr("Keys") });
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    const auto addMenu = [&](const auto &self, QMenu *menu, const QString &path) -> void {
        for (QAction *action : menu->actions()) {
            const QString name = QString(action->text()).remove(u'&');
            if (action->menu()) {
                self(self, action->menu(), path + u" › "_s + name);
                continue;
            }
            if (action->isSeparator() || action->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            auto *row = new QTreeWidgetItem(tree, { path + u" › "_s + name, keys.join(u",  "_s) });
            row->setToolTip(0, action->toolTip());
        }
    };
    for (QMenu *menu : m_menus)
        addMenu(addMenu, menu, QString(menu->title()).remove(u'&'));
    tree->resizeColumnToContents(0);
    connect(filter, &QLineEdit::textChanged, tree, [tree](const QString &text) {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *row = tree->topLevelItem(i);
            row->setHidden(!row->text(0).contains(text, Qt::CaseInsensitive)
                && !row->text(1).contains(text, Qt::CaseInsensitive));
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(filter);
    layout->addWidget(tree, 1);
    layout->addWidget(buttons);
    dialog->resize(640, 560);
    dialog->show(); // not exec(): the window stays usable beside it
    filter->setFocus();
}

void MainWindow::showAbout()
{
    // Not QMessageBox::about(), which blocks: the event loop (and a test) carries on behind it.
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Pizhu"),
        tr("<h3>Pizhu %1</h3><p>Close reading and annotation of long documents.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(PIZHU_VERSION), QString::fromLatin1(qVersion())),
        QMessageBox::Ok, this);
    box->setObjectName(u"aboutDialog"_s);
    box->setIconPixmap(windowIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Pizhu
