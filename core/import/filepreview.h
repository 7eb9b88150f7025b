#pragma once

#include "document.h"

#include <QString>

#include <optional>

namespace Pizhu {

// The opening of a large text file, imported on its own: what the window shows while the whole
// file is still being read, so the first screen of text appears at once. Only the first
// maxBytes are read, cut at a line end; the layout of so short a text may differ a little from
// the whole file's (a last paragraph cut short), which the full import then replaces.
// Nothing when the file is no larger than maxBytes (it is read whole soon enough), when it cannot
// be read, when it is a PDF, or when its opening does not import (binary).
std::optional<Document> importFilePreview(const QString &path, qsizetype maxBytes = 64 * 1024);

// The prefix of bytes that ends at the last line end, kept whole for UTF-16 (a line feed is one
// byte of a two-byte unit there); empty when there is no line end.
QByteArray cutAtLastLineEnd(const QByteArray &bytes);

} // namespace Pizhu
