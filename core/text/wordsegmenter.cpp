#include "wordsegmenter.h"

#include <unicode/ubrk.h>

namespace Pizhu {

struct WordSegmenter::Impl
{
    UBreakIterator *iterator = nullptr;
};

WordSegmenter::WordSegmenter() : d(std::make_unique<Impl>())
{
    UErrorCode status = U_ZERO_ERROR;
    d->iterator = ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status);
    if (U_FAILURE(status)) {
        if (d->iterator)
            ubrk_close(d->iterator);
        d->iterator = nullptr;
    }
}

WordSegmenter::~WordSegmenter()
{
    if (d->iterator)
        ubrk_close(d->iterator);
}

QList<qsizetype> WordSegmenter::boundaries(QStringView text) const
{
    QList<qsizetype> result;
    result.reserve(text.size() / 2 + 2);
    UErrorCode status = U_ZERO_ERROR;
    if (d->iterator && text.size() < qsizetype(INT32_MAX))
        ubrk_setText(
            d->iterator, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()), &status);
    if (!d->iterator || U_FAILURE(status)) {
        for (qsizetype i = 0; i <= text.size(); ++i)
            result.append(i);
        return result;
    }
    for (int32_t b = ubrk_first(d->iterator); b != UBRK_DONE; b = ubrk_next(d->iterator))
        result.append(b);
    // The iterator keeps a pointer to the text, which the caller may free next.
    static const UChar empty[1] = { 0 };
    ubrk_setText(d->iterator, empty, 0, &status);
    return result;
}

} // namespace Pizhu
