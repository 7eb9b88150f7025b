#pragma once

#include "wordsegmenter.h"

#include <QObject>
#include <QPointer>

class QTextEdit;

namespace Pizhu {

// Double-clicking Chinese selects a word as ICU's dictionary segmentation finds it (质量 inside
// 质量强国); Qt's own word boundaries would take the whole run of Han characters up to the next
// punctuation. Ctrl+Left/Right (with Shift to select) move by the same words. Other scripts keep
// Qt's behaviour.
class WordSelector final : public QObject
{
    Q_OBJECT
public:
    explicit WordSelector(QTextEdit *view, QObject *parent = nullptr);

    // Selects the dictionary word around the QTextDocument position; false when the character
    // there is not Han (the view's own word selection applies).
    bool selectWordAt(int position);
    // Moves the view's cursor to the next (or previous) dictionary word boundary, keeping the
    // selection's anchor when select; false when the character it would cross is not Han.
    bool moveByWord(bool forward, bool select);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QTextEdit> m_view;
    WordSegmenter m_segmenter;
    bool m_forwarding = false;
};

} // namespace Pizhu
