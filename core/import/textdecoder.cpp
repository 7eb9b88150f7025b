#include "textdecoder.h"

#include <QStringDecoder>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

struct CountingContext
{
    qsizetype invalid = 0;
};

// ICU calls this for every byte sequence it cannot convert: count it, then substitute U+FFFD.
void countingSubstitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
    int32_t length, UConverterCallbackReason reason, UErrorCode *status)
{
    if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
        ++static_cast<CountingContext *>(const_cast<void *>(context))->invalid;
        *status = U_ZERO_ERROR;
        const UChar replacement = 0xFFFD;
        ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
        return;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, codeUnits, length, reason, status);
}

struct ConverterCloser
{
    void operator()(UConverter *c) const { ucnv_close(c); }
};

// Converts with ICU, counting the sequences that had to be replaced. False if ICU does not know
// the charset.
bool convert(const char *charset, const char *data, qsizetype size, QString &out, qsizetype &invalid)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset, &status));
    if (U_FAILURE(status))
        return false;
    CountingContext context;
    ucnv_setToUCallBack(conv.get(), countingSubstitute, &context, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return false;
    // Every encoding we accept needs at most one UTF-16 unit per input byte, plus room for flush.
    out.resize(size + 16);
    UChar *target = reinterpret_cast<UChar *>(out.data());
    UChar *const targetBegin = target;
    UChar *const targetEnd = target + out.size();
    const char *source = data;
    ucnv_toUnicode(conv.get(), &target, targetEnd, &source, data + size, nullptr, true, &status);
    if (U_FAILURE(status))
        return false;
    out.resize(target - targetBegin);
    out.squeeze(); // the buffer was sized for the worst case
    invalid = context.invalid;
    return true;
}

// The least a thread is given when validating and decoding UTF-8.
constexpr qsizetype DecodeGrain = 1024 * 1024;

// Whether bytes are valid UTF-8, and how many UTF-16 units they decode to.
bool isValidUtf8(QByteArrayView bytes, qsizetype *utf16Length)
{
    qsizetype units = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        // ASCII, most of an English text, eight bytes at a time.
        if (end - p >= 8) {
            quint64 word;
            memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                units += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            ++units;
            continue;
        }
        // Most of a Chinese text: three bytes led by E1..EC or EE..EF are never overlong nor a
        // surrogate (E0 and ED, which can be, take the full check below).
        if (end - p >= 3 && ((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && (p[1] & 0xC0) == 0x80
            && (p[2] & 0xC0) == 0x80) {
            p += 3;
            ++units;
            continue;
        }
        int extra;
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else
            return false;
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
        units += extra == 3 ? 2 : 1; // past the BMP: a surrogate pair
    }
    *utf16Length = units;
    return true;
}

// UTF-16 without a BOM: in text that is mostly ASCII or CJK, one byte of each pair is NUL far
// more often than the other.
const char *guessUtf16(const QByteArray &bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size() & ~qsizetype(1), 64 * 1024);
    if (n < 4)
        return nullptr;
    qsizetype evenNul = 0, oddNul = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenNul += bytes.at(i) == 0;
        oddNul += bytes.at(i + 1) == 0;
    }
    const qsizetype pairs = n / 2;
    if (oddNul > pairs / 3 && evenNul < pairs / 20)
        return "UTF-16LE";
    if (evenNul > pairs / 3 && oddNul < pairs / 20)
        return "UTF-16BE";
    return nullptr;
}

QString detectCharset(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status))
        return {};
    // Detection needs only a sample; a whole 50 MB file would cost time and say nothing more.
    const int32_t sample = int32_t(std::min<qsizetype>(bytes.size(), 256 * 1024));
    ucsdet_setText(det, bytes.constData(), sample, &status);
    QString best;
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        const QString name = QString::fromLatin1(ucsdet_getName(matches[i], &status));
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        // Mostly UTF-8 with a few bad bytes: ICU ranks UTF-8 above GB18030, and reading it as
        // GB18030 would garble every character rather than replace the few bad ones.
        if (name == u"UTF-8")
            break;
        // ICU reports GB18030 for GB2312 and GBK text as well; it is a superset of both.
        if (name == u"GB18030" && confidence >= 10) {
            best = name;
            break;
        }
        if ((name.startsWith(u"UTF-16") || name.startsWith(u"UTF-32")) && confidence >= 60) {
            best = name;
            break;
        }
    }
    ucsdet_close(det);
    return best;
}

// CRLF and lone CR become LF, in place: the text only shrinks, and a second copy of a 50 MB file
// is what we cannot afford. Returns the new length.
qsizetype normaliseLineEnds(QChar *data, qsizetype n, qsizetype &crlfLines)
{
    qsizetype i = QStringView(data, n).indexOf(u'\r');
    if (i < 0)
        return n;
    // From one CR to the next, the run between moves down whole: a CRLF text has one every line.
    qsizetype out = i;
    while (i < n) {
        ++crlfLines;
        data[out++] = u'\n';
        i += (i + 1 < n && data[i + 1] == u'\n') ? 2 : 1;
        const qsizetype next = QStringView(data + i, n - i).indexOf(u'\r');
        const qsizetype runEnd = next < 0 ? n : i + next;
        memmove(data + out, data + i, size_t(runEnd - i) * sizeof(QChar));
        out += runEnd - i;
        i = runEnd;
    }
    return out;
}

void normaliseLineEnds(QString &text, DecodeInfo &info)
{
    if (!text.contains(u'\r'))
        return;
    text.truncate(normaliseLineEnds(text.data(), text.size(), info.crlfLines));
}

// Cuts bytes into slices where a character starts, never between CR and LF, so that each slice
// validates and decodes on its own exactly as it would inside the whole.
std::vector<qsizetype> utf8Cuts(QByteArrayView bytes, int slices)
{
    const qsizetype n = bytes.size();
    std::vector<qsizetype> cut(size_t(slices) + 1, n);
    cut[0] = 0;
    for (int i = 1; i < slices; ++i) {
        qsizetype c = std::max(Parallelism::bound(n, slices, i), cut[size_t(i) - 1]);
        while (c < n
            && ((uchar(bytes[c]) & 0xC0) == 0x80 || (c > 0 && bytes[c] == '\n' && bytes[c - 1] == '\r')))
            ++c;
        cut[size_t(i)] = c;
    }
    return cut;
}

// Valid UTF-8, the common case, on every core: each slice is checked, then decoded straight into
// its place in a string of the exact size (fromUtf8() would allocate one unit a byte, three times
// what CJK text needs, and copy again to shrink it), its line ends normalised where it stands;
// the slices then close up. False if the bytes are not valid UTF-8.
bool decodeValidUtf8(QByteArrayView bytes, Parallelism parallelism, DecodedText &result)
{
    const int slices = parallelism.slicesFor(bytes.size(), DecodeGrain);
    const std::vector<qsizetype> cut = utf8Cuts(bytes, slices);
    auto slice = [&](int i) { return bytes.sliced(cut[size_t(i)], cut[size_t(i) + 1] - cut[size_t(i)]); };
    std::vector<qsizetype> units(size_t(slices), 0), kept(size_t(slices), 0), crlf(size_t(slices), 0);
    std::vector<char> valid(size_t(slices), 0);
    Parallelism::run(slices, [&](int i) { valid[size_t(i)] = isValidUtf8(slice(i), &units[size_t(i)]); });
    if (std::find(valid.begin(), valid.end(), 0) != valid.end())
        return false;
    std::vector<qsizetype> offset(size_t(slices) + 1, 0);
    for (int i = 0; i < slices; ++i)
        offset[size_t(i) + 1] = offset[size_t(i)] + units[size_t(i)];
    result.text = QString(offset.back(), Qt::Uninitialized);
    QChar *const data = result.text.data(); // detached here, once, before any thread writes
    Parallelism::run(slices, [&](int i) {
        // A U+FEFF that opens a slice is a character of the text, not a BOM to drop.
        QStringDecoder toUtf16(
            QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        QChar *const begin = data + offset[size_t(i)];
        const QChar *end = toUtf16.appendToBuffer(begin, slice(i));
        kept[size_t(i)] = normaliseLineEnds(begin, end - begin, crlf[size_t(i)]);
    });
    qsizetype out = kept[0];
    for (int i = 1; i < slices; ++i) {
        memmove(data + out, data + offset[size_t(i)], size_t(kept[size_t(i)]) * sizeof(QChar));
        out += kept[size_t(i)];
    }
    result.text.truncate(out);
    for (qsizetype lines : crlf)
        result.info.crlfLines += lines;
    return true;
}

} // namespace

bool TextDecoder::looksBinary(const QByteArray &bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
            ++control;
    }
    return n > 0 && control * 10 > n; // over a tenth control characters
}

Result<DecodedText, DecodeError> TextDecoder::decode(const QByteArray &bytes, Parallelism parallelism)
{
    DecodedText result;
    const char *charset = nullptr;
    qsizetype skip = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        charset = "UTF-8";
        skip = 3;
    } else if (bytes.startsWith("\xFF\xFE")) {
        charset = "UTF-16LE";
        skip = 2;
    } else if (bytes.startsWith("\xFE\xFF")) {
        charset = "UTF-16BE";
        skip = 2;
    }
    result.info.hadBom = charset != nullptr;

    QByteArray detected;
    bool validUtf8 = false;
    if (!charset) {
        charset = guessUtf16(bytes);
        if (!charset) {
            if (looksBinary(bytes))
                return Result<DecodedText, DecodeError>::failure(DecodeError::Binary);
            if (decodeValidUtf8(bytes, parallelism, result)) {
                charset = "UTF-8";
                validUtf8 = true;
            } else {
                detected = detectCharset(bytes).toLatin1();
                charset = detected.isEmpty() ? "UTF-8" : detected.constData();
            }
        }
    }

    qsizetype invalid = 0;
    // Valid UTF-8 is decoded already, line ends and all.
    if (!validUtf8
        && !convert(charset, bytes.constData() + skip, bytes.size() - skip, result.text, invalid)) {
        charset = "UTF-8";
        convert(charset, bytes.constData() + skip, bytes.size() - skip, result.text, invalid);
    }
    result.info.encoding = charset;
    result.info.invalidSequences = invalid;
    // Decoded UTF-16 with NULs in it is still binary (an image saved with a UTF-16 BOM, say).
    if (result.info.hadBom || std::string_view(charset).starts_with("UTF-16")) {
        qsizetype nul = result.text.count(QChar(0));
        if (nul > 0)
            return Result<DecodedText, DecodeError>::failure(DecodeError::Binary);
    }
    if (!validUtf8)
        normaliseLineEnds(result.text, result.info);
    return result;
}

} // namespace Pizhu
