#pragma once

#include <QList>
#include <QStringView>

#include <memory>

namespace Pizhu {

// Splits text into words with ICU's word break rules; its dictionary segmenter finds the words
// inside Chinese, which has no spaces. Keeps ICU types out of the header. Not thread-safe: make
// one per thread; making one is costly, segmenting a short phrase is cheap.
class WordSegmenter
{
public:
    WordSegmenter();
    ~WordSegmenter();
    WordSegmenter(const WordSegmenter &) = delete;
    WordSegmenter &operator=(const WordSegmenter &) = delete;

    // Offsets of the word boundaries in text, from 0 to text.size() inclusive. Without ICU's
    // break iterator (a broken installation), every character is its own word.
    QList<qsizetype> boundaries(QStringView text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Pizhu
