#pragma once

#include "document.h"

#include <QFont>
#include <QList>
#include <QTextDocument>

#include <functional>
#include <memory>

namespace Pizhu {

// The look a pane is rendered with. Rendering with the view's font and spacing on the worker
// spares the UI thread a second layout of the whole text when the content arrives.
struct PaneStyle
{
    QFont font;
    int lineSpacing = 150; // percent of the font's line height
    bool originalText = false; // Document::originalText(block): the characters before repairs
};

// What one reading pane shows: a run of the document's parts rendered into a QTextDocument, one
// QTextBlock per Block, and each block's offset in Document::text() so positions map both ways.
// Built with QTextCursor and formats only: the document's text is never parsed as HTML.
struct PaneContent
{
    // Where a page of the document starts in this pane, for the page labels in its margin.
    struct PageStart
    {
        qsizetype offset = 0; // in Document::text()
        QString label; // Document::pageLabel(): the printed number where the file had one
    };

    std::unique_ptr<QTextDocument> textDocument;
    QList<qsizetype> blockStarts; // Document::text() offset of QTextBlock n, ascending
    // Ascending; empty when the document has no pages. The first entry is the page the pane opens
    // on, wherever that page started.
    QList<PageStart> pageStarts;
    int firstPart = 0; // parts [firstPart, lastPart] of the Document
    int lastPart = -1;
    PaneStyle style;

    bool isEmpty() const { return blockStarts.isEmpty(); }
    qsizetype textStart() const { return blockStarts.isEmpty() ? 0 : blockStarts.first(); }
    qsizetype textEnd() const; // one past the last character shown
    // The label of the page offset (of Document::text()) stood on; empty without pages.
    QString pageLabelAt(qsizetype offset) const;

    // Renders parts [firstPart, lastPart]. progress gets the fraction done and may return false
    // to cancel, which returns nothing. Safe to call on a worker thread: the QTextDocument has no
    // parent and is moved to targetThread (if given) before it is returned.
    static std::unique_ptr<PaneContent> build(const Document &doc, int firstPart, int lastPart,
        const PaneStyle &style, const std::function<bool(double)> &progress = {},
        QThread *targetThread = nullptr);
};

} // namespace Pizhu
