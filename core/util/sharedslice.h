#pragma once

#include <QString>

namespace Pizhu {

// A QString that is the range [from, from + size) of whole and shares its buffer instead of
// copying it: it holds a reference to the buffer, so it stays valid while it lives, whatever
// becomes of whole; changing it copies it first, the buffer being shared, as for any QString.
// Unlike a copy it is not followed by a NUL (utf16() on it is as on QString::fromRawData()), so
// it goes to C APIs with its length. The importer keeps a document's text once this way: every
// block's text is a slice of the document's.
inline QString sharedSlice(const QString &whole, qsizetype from, qsizetype size)
{
    if (size <= 0)
        return {};
    // Taking a reference changes the buffer's atomic count, not whole.
    QString::DataPointer &d = const_cast<QString &>(whole).data_ptr();
    if (!d.d_ptr()) // static or raw data: nothing to share
        return whole.sliced(from, size);
    d.d_ptr()->ref();
    return QString(QString::DataPointer(d.d_ptr(), d.data() + from, size));
}

// Whether a and b share one buffer: slices of one string (sharedSlice), or copies of it.
inline bool sameBuffer(const QString &a, const QString &b)
{
    const auto header = [](const QString &s) { return const_cast<QString &>(s).data_ptr().d_ptr(); };
    return header(a) && header(a) == header(b);
}

} // namespace Pizhu
