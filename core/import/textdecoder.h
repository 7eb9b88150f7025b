#pragma once

#include "document.h"
#include "parallel.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace Pizhu {

enum class DecodeError { Binary };

struct DecodedText
{
    QString text; // CRLF and lone CR become LF; every offset in a Document refers to this text
    DecodeInfo info;
};

// Bytes to text: a BOM if there is one; else strict UTF-8 if the bytes are valid UTF-8; else ICU's
// charset detection, trusting GB18030 (which covers GBK and GB2312) and UTF-16 when ICU is confident,
// and falling back to UTF-8 with replacement characters. Binary data (NUL bytes, or mostly control
// characters) is refused.
class TextDecoder
{
public:
    static Result<DecodedText, DecodeError> decode(const QByteArray &bytes, Parallelism parallelism = {});
    static bool looksBinary(const QByteArray &bytes);
};

} // namespace Pizhu
