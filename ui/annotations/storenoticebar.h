#pragma once

#include "annotationstore.h"

#include <QFrame>

class QLabel;

namespace Pizhu {

// A slim bar above the panes that tells the reader what became of their notes database when the
// window opened it: a damaged one whose notes were recovered into a new one (how many, and where
// the damaged file is kept), or one that cannot be used (and why highlighting is off). It stays
// until dismissed: a status-bar message that vanishes after ten seconds is easy to miss.
class StoreNoticeBar final : public QFrame
{
    Q_OBJECT
public:
    explicit StoreNoticeBar(QWidget *parent = nullptr);

    // The words for a store that opened after a recovery; empty when it opened as it was.
    static QString recoveredText(const AnnotationStore &store);
    // The words for a store that could not be opened at path.
    static QString failureText(const QString &path, const StoreFailure &failure);

    // Shows the bar with text (plain text: the paths in it are the reader's).
    void showNotice(const QString &text);
    QString text() const;

private:
    QLabel *m_text = nullptr;
};

} // namespace Pizhu
