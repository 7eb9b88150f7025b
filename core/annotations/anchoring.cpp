#include "anchoring.h"

#include <QStringMatcher>

#include <algorithm>
#include <numeric>
#include <vector>

namespace Pizhu {

namespace {

// Characters of the stored prefix that still stand right before pos, counted from pos backwards.
qsizetype prefixFit(QStringView text, qsizetype pos, QStringView prefix)
{
    qsizetype n = 0;
    while (n < prefix.size() && pos - n - 1 >= 0 && text[pos - n - 1] == prefix[prefix.size() - n - 1])
        ++n;
    return n;
}

qsizetype suffixFit(QStringView text, qsizetype pos, QStringView suffix)
{
    qsizetype n = 0;
    while (n < suffix.size() && pos + n < text.size() && text[pos + n] == suffix[n])
        ++n;
    return n;
}

bool quoteAt(QStringView text, qsizetype pos, QStringView quote)
{
    return pos >= 0 && pos + quote.size() <= text.size() && text.sliced(pos, quote.size()) == quote;
}

// The quote stands at pos and at least one side of its context is intact: enough to trust the
// place without looking elsewhere.
bool fitsAt(QStringView text, qsizetype pos, const Anchor &stored)
{
    if (!quoteAt(text, pos, stored.quote))
        return false;
    return prefixFit(text, pos, stored.prefix) == stored.prefix.size()
        || suffixFit(text, pos + stored.quote.size(), stored.suffix) == stored.suffix.size();
}

double nearness(qsizetype pos, qsizetype expected, qsizetype textSize)
{
    const double distance = double(std::abs(pos - expected));
    return 1.0 - std::min(1.0, distance / double(std::max<qsizetype>(textSize, 1)));
}

struct Alignment
{
    qsizetype start = -1;
    qsizetype end = -1;
    qsizetype distance = 0;
};

// The substring of text[from, to) closest to quote in edit distance (Sellers' algorithm: the
// alignment may start and end anywhere in the window). Ties go to the end nearest expectedEnd.
Alignment alignIn(QStringView text, qsizetype from, qsizetype to, QStringView quote, qsizetype expectedEnd)
{
    const qsizetype w = to - from;
    const qsizetype m = quote.size();
    std::vector<qsizetype> prev(size_t(w + 1)), cur(size_t(w + 1));
    std::vector<qsizetype> prevStart(size_t(w + 1)), curStart(size_t(w + 1));
    for (qsizetype j = 0; j <= w; ++j) {
        prev[size_t(j)] = 0;
        prevStart[size_t(j)] = j;
    }
    for (qsizetype i = 1; i <= m; ++i) {
        cur[0] = i;
        curStart[0] = 0;
        const QChar q = quote[i - 1];
        for (qsizetype j = 1; j <= w; ++j) {
            const size_t J = size_t(j);
            qsizetype best = prev[J - 1] + (text[from + j - 1] == q ? 0 : 1);
            qsizetype start = prevStart[J - 1];
            if (prev[J] + 1 < best) {
                best = prev[J] + 1;
                start = prevStart[J];
            }
            if (cur[J - 1] + 1 < best) {
                best = cur[J - 1] + 1;
                start = curStart[J - 1];
            }
            cur[J] = best;
            curStart[J] = start;
        }
        std::swap(prev, cur);
        std::swap(prevStart, curStart);
    }
    // Among equally close substrings, prefer the one as long as the quote ("成效" -> "成就" is one
    // substitution, not a deletion that drops "就"), then the one ending nearest the expected place.
    Alignment result;
    auto better = [&](const Alignment &a) {
        if (result.start < 0 || a.distance != result.distance)
            return result.start < 0 || a.distance < result.distance;
        const qsizetype lengthOff = std::abs(a.end - a.start - m),
                        bestLengthOff = std::abs(result.end - result.start - m);
        if (lengthOff != bestLengthOff)
            return lengthOff < bestLengthOff;
        return std::abs(a.end - expectedEnd) < std::abs(result.end - expectedEnd);
    };
    for (qsizetype j = 0; j <= w; ++j) {
        const Alignment a { from + prevStart[size_t(j)], from + j, prev[size_t(j)] };
        if (better(a))
            result = a;
    }
    return result;
}

// Where the quote may start now: occurrences of pieces of it, and of the end of its prefix and the
// start of its suffix. With k pieces and fewer than k edits, at least one piece is intact.
QList<qsizetype> approximateCandidates(QStringView text, const Anchor &stored, qsizetype expected)
{
    constexpr qsizetype MaxOccurrencesPerSeed = 64; // a seed found more often tells nothing
    const QStringView quote = stored.quote;
    const qsizetype m = quote.size();
    QList<qsizetype> candidates { expected };
    auto addSeed = [&](QStringView seed, qsizetype startFromOccurrence) {
        if (seed.size() < 2)
            return;
        QList<qsizetype> found;
        QStringMatcher matcher(seed);
        for (qsizetype pos = matcher.indexIn(text); pos >= 0; pos = matcher.indexIn(text, pos + 1)) {
            found.append(pos);
            if (found.size() > MaxOccurrencesPerSeed)
                return;
        }
        for (qsizetype pos : std::as_const(found))
            candidates.append(pos + startFromOccurrence);
    };
    const qsizetype pieceLength = std::max<qsizetype>(3, m / 4);
    for (qsizetype at = 0; at < m; at += pieceLength) {
        const qsizetype len = std::min(pieceLength, m - at);
        addSeed(quote.sliced(at, len), -at);
    }
    const qsizetype contextSeed = 12;
    const QStringView prefix = stored.prefix;
    const QStringView prefixTail = prefix.last(std::min(contextSeed, prefix.size()));
    addSeed(prefixTail, prefixTail.size());
    const QStringView suffix = stored.suffix;
    addSeed(suffix.first(std::min(contextSeed, suffix.size())), -m);

    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

} // namespace

Anchor Anchoring::makeAnchor(const Document &doc, qsizetype start, qsizetype end)
{
    const QString &text = doc.text();
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    Anchor anchor;
    anchor.start = start;
    anchor.end = end;
    anchor.quote = text.mid(start, end - start);
    const qsizetype prefixStart = std::max<qsizetype>(0, start - Anchor::ContextLength);
    anchor.prefix = text.mid(prefixStart, start - prefixStart);
    anchor.suffix = text.mid(end, Anchor::ContextLength);
    anchor.sectionPath = doc.sectionPathAt(start);
    return anchor;
}

Annotation Anchoring::makeAnnotation(const Document &doc, qsizetype start, qsizetype end)
{
    Annotation a;
    a.id = QUuid::createUuid();
    a.documentHash = doc.hash();
    a.anchor = makeAnchor(doc, start, end);
    a.part = std::max(0, doc.blockAt(a.anchor.start).part);
    a.created = QDateTime::currentDateTimeUtc();
    a.modified = a.created;
    return a;
}

QList<qsizetype> Anchoring::occurrences(const Document &doc, const QString &quote)
{
    QList<qsizetype> found;
    if (quote.isEmpty())
        return found;
    const QStringMatcher matcher(quote);
    for (qsizetype pos = matcher.indexIn(doc.text()); pos >= 0; pos = matcher.indexIn(doc.text(), pos + 1))
        found.append(pos);
    return found;
}

Anchoring::Match Anchoring::reanchor(const Anchor &stored, const Document &doc, qsizetype expectedStart)
{
    const QStringView text = doc.text();
    const qsizetype m = stored.quote.size();
    if (expectedStart < 0)
        expectedStart = stored.start;
    auto found = [&](AnchorMethod method, qsizetype start, qsizetype end, double similarity) {
        if (method != AnchorMethod::Approximate && start == stored.start)
            method = AnchorMethod::StoredOffsets;
        return Match { method, makeAnchor(doc, start, end), similarity };
    };
    if (m == 0)
        return Match { AnchorMethod::Orphaned, stored, 0 };

    // 1. The stored place, or where the shift of the text says it went.
    if (fitsAt(text, stored.start, stored))
        return found(AnchorMethod::StoredOffsets, stored.start, stored.start + m, 1.0);
    if (expectedStart != stored.start && fitsAt(text, expectedStart, stored))
        return found(AnchorMethod::ExactQuote, expectedStart, expectedStart + m, 1.0);

    // 2. Every exact occurrence, scored by surviving context, then nearness.
    {
        const QStringMatcher matcher(stored.quote);
        qsizetype best = -1;
        double bestScore = -1;
        for (qsizetype pos = matcher.indexIn(text); pos >= 0; pos = matcher.indexIn(text, pos + 1)) {
            const double score
                = double(prefixFit(text, pos, stored.prefix) + suffixFit(text, pos + m, stored.suffix))
                + 2.0 * nearness(pos, expectedStart, text.size());
            if (score > bestScore) {
                bestScore = score;
                best = pos;
            }
        }
        if (best >= 0)
            return found(AnchorMethod::ExactQuote, best, best + m, 1.0);
    }

    // 3. Approximate: align the quote around each proposed place.
    if (m >= MinApproximateLength) {
        const qsizetype slack = std::max<qsizetype>(8, m / 2);
        Alignment best;
        double bestSimilarity = 0;
        double bestScore = -1;
        qsizetype lastCandidate = -1;
        for (qsizetype candidate : approximateCandidates(text, stored, expectedStart)) {
            const qsizetype from = std::clamp<qsizetype>(candidate - slack, 0, text.size());
            const qsizetype to = std::clamp<qsizetype>(candidate + m + slack, 0, text.size());
            // Candidates are sorted; one this close to the last searched lies inside its window.
            if (to <= from || (lastCandidate >= 0 && candidate - lastCandidate <= slack / 2))
                continue;
            lastCandidate = candidate;
            const Alignment a = alignIn(text, from, to, stored.quote, candidate + m);
            const qsizetype longer = std::max(m, a.end - a.start);
            const double similarity = 1.0 - double(a.distance) / double(longer);
            const double context
                = double(prefixFit(text, a.start, stored.prefix) + suffixFit(text, a.end, stored.suffix))
                / double(2 * Anchor::ContextLength);
            const double score
                = similarity + 0.1 * context + 0.01 * nearness(a.start, expectedStart, text.size());
            if (score > bestScore) {
                bestScore = score;
                bestSimilarity = similarity;
                best = a;
            }
        }
        if (best.start >= 0 && best.end > best.start && bestSimilarity >= MinSimilarity)
            return found(AnchorMethod::Approximate, best.start, best.end, bestSimilarity);
    }

    // 4. Orphaned: keep the old anchor so the quote is still shown.
    return Match { AnchorMethod::Orphaned, stored, 0 };
}

QList<Anchoring::Match> Anchoring::reanchorAll(const QList<Anchor> &anchors, const Document &doc)
{
    QList<qsizetype> order(anchors.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&](qsizetype a, qsizetype b) { return anchors.at(a).start < anchors.at(b).start; });
    QList<Match> results(anchors.size());
    qsizetype shift = 0;
    for (qsizetype i : std::as_const(order)) {
        const Anchor &stored = anchors.at(i);
        Match match = reanchor(stored, doc, stored.start + shift);
        if (match.method != AnchorMethod::Orphaned)
            shift = match.anchor.start - stored.start;
        results[i] = std::move(match);
    }
    return results;
}

} // namespace Pizhu
