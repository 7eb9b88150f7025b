#include "storenoticebar.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t), float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

StoreNoticeBar::StoreNoticeBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"storeNotice"_s);
    setAccessibleName(tr("Notes database notice"));
    const QColor red(0xD0, 0x40, 0x30);
    const QColor window = palette().color(QPalette::Window);
    setStyleSheet(u"QFrame#storeNotice { background: %1; border: none; border-bottom: 1px solid %2; }"_s.arg(
        mix(window, red, 0.16).name(), mix(window, red, 0.5).name()));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 3, 4, 3);
    row->setSpacing(8);
    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    row->addWidget(icon, 0, Qt::AlignTop);
    m_text = new QLabel;
    m_text->setObjectName(u"storeNoticeText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse); // the path can be copied
    row->addWidget(m_text, 1);
    auto *dismiss = new QAction(style()->standardIcon(QStyle::SP_TitleBarCloseButton), tr("Dismiss"), this);
    dismiss->setObjectName(u"dismissStoreNoticeAction"_s);
    connect(dismiss, &QAction::triggered, this, &QWidget::hide);
    auto *button = new QToolButton;
    button->setDefaultAction(dismiss);
    button->setAutoRaise(true);
    row->addWidget(button, 0, Qt::AlignTop);
    hide();
}

QString StoreNoticeBar::recoveredText(const AnnotationStore &store)
{
    if (store.movedAsidePath().isEmpty())
        return {};
    const QString kept = QDir::toNativeSeparators(store.movedAsidePath());
    if (store.recoveredNotes() == 1)
        return tr("Your notes database was damaged. 1 note could still be read and was recovered into a "
                  "new database; the damaged file is kept as %1.")
            .arg(kept);
    return tr("Your notes database was damaged. %1 notes could still be read and were recovered into a "
              "new database; the damaged file is kept as %2.")
        .arg(store.recoveredNotes())
        .arg(kept);
}

QString StoreNoticeBar::failureText(const QString &path, const StoreFailure &failure)
{
    const QString file = QDir::toNativeSeparators(path);
    switch (failure.kind) {
    case StoreError::NotAStore:
        return tr("%1 is not a Pizhu notes database; it was left as it is. Highlighting is off.").arg(file);
    case StoreError::Unreadable:
        return tr("The notes database %1 cannot be read. Highlighting is off.").arg(file);
    case StoreError::NewerSchema:
        return tr(
            "The notes database %1 was made by a newer Pizhu; it was left as it is. Highlighting is off.")
            .arg(file);
    case StoreError::Corrupt:
        return tr("The notes database %1 is damaged and its notes could not be recovered (%2); it was left "
                  "as it is. Highlighting is off.")
            .arg(file, failure.detail);
    case StoreError::DiskFull:
        return tr("The notes database %1 cannot be opened: the disk is full. Highlighting is off.").arg(file);
    case StoreError::Busy:
        return tr("Another program is holding the notes database %1. Highlighting is off.").arg(file);
    case StoreError::ReadOnly:
    case StoreError::IoError:
    case StoreError::NotFound:
    case StoreError::Invalid:
        break;
    }
    return QCoreApplication::translate(
        "Pizhu::AnnotationActions", "The annotation database cannot be opened (%1): highlighting is off.")
        .arg(failure.detail);
}

void StoreNoticeBar::showNotice(const QString &text)
{
    m_text->setText(text);
    show();
}

QString StoreNoticeBar::text() const
{
    return m_text->text();
}

} // namespace Pizhu
