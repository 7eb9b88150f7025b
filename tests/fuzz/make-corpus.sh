#!/usr/bin/env bash
# Builds a fuzzer's seed corpus in OUTDIR.
#   fuzz_importer: slices of the bundled document and the public fixtures in tests/data (libFuzzer works best on
#     small inputs), the same text in the other encodings and line endings the decoder must tell
#     apart, and a few hand-made edge cases.
#   fuzz_notesjson: Web Annotation JSON in each shape the parser accepts, quoting the fuzzer's
#     document, plus near misses.
#   fuzz_pdflayout: a few pages of word boxes (a column of lines, a footer, words at NaN).
#   tests/fuzz/make-corpus.sh FUZZER OUTDIR
set -euo pipefail
fuzzer=${1:?usage: make-corpus.sh FUZZER OUTDIR}
out=${2:?usage: make-corpus.sh FUZZER OUTDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"

if [ "$fuzzer" = fuzz_notesjson ]; then
    ann() { # ID QUOTE START END [EXTRA-JSON]
        printf '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"%s",' "$1"
        printf '"created":"2026-01-02T03:04:05.678Z","modified":"2026-01-02T03:04:05.678Z",'
        printf '"body":[{"type":"TextualBody","purpose":"commenting","format":"text/markdown","value":"**注** <b>x</b>"},'
        printf '{"type":"TextualBody","purpose":"tagging","value":"质量"},'
        printf '{"type":"TextualBody","purpose":"highlighting","value":"green"}],'
        printf '"target":{"source":"urn:pizhu:sha256:00","selector":[{"type":"TextQuoteSelector","exact":"%s","prefix":"。","suffix":"是"},' "$2"
        printf '{"type":"TextPositionSelector","start":%s,"end":%s}]}%s}' "$3" "$4" "${5:-}"
    }
    a1=$(ann urn:uuid:6f1c2f7e-0000-4000-8000-000000000001 重要保障 20 24)
    a2=$(ann urn:uuid:6f1c2f7e-0000-4000-8000-000000000002 推动高质量发展 60 67)
    a3=$(ann http://example.org/anno/3 质量 -5 99999999999)
    printf '{"type":"AnnotationCollection","label":"t","total":2,"first":{"type":"AnnotationPage","items":[%s,%s]}}' "$a1" "$a2" > "$out/collection.json"
    printf '{"type":"AnnotationPage","items":[%s]}' "$a2" > "$out/page.json"
    printf '[%s,%s,%s]' "$a1" "$a2" "$a3" > "$out/array.json"
    printf '%s' "$a1" > "$out/single.json"
    printf '%s' "$a3" > "$out/foreign-id-bad-offsets.json"
    printf '[%s' "$a1" > "$out/truncated.json"
    printf '{"type":"Annotation"}' > "$out/no-fields.json"
    printf '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]' > "$out/nested.json"
    echo "make-corpus.sh: $(ls "$out" | wc -l) seed inputs in $out"
    exit 0
fi

if [ "$fuzzer" = fuzz_pdflayout ]; then
    # Records of six bytes (page, x, y, width, height, word) after a first byte giving the pages:
    # a column of lines, an indented line, a page number in the footer band, a word at NaN.
    printf '\x02\x00\x1d\x1e\x30\x30\x00\x00\x1d\x24\x30\x30\x01\x00\x22\x2a\x20\x30\x06\x00\x70\xdf\x08\x30\x08' > "$out/column.bin"
    printf '\x01\x00\x1d\x1e\x30\x30\x02\x01\x1d\x1e\x30\x30\x02\x00\x70\xdf\x08\x30\x08\x01\x70\xdf\x08\x30\x08' > "$out/two-pages.bin"
    printf '\x00\x00\xff\xfe\x30\xff\x0c\x00\x10\x10\x30\x30\x0d' > "$out/nan.bin"
    printf '\x83\x00\x10\x10\x30\x30\x14\x00\x10\x10\x30\x30\x15' > "$out/odd-page.bin"
    echo "make-corpus.sh: $(ls "$out" | wc -l) seed inputs in $out"
    exit 0
fi

sources=("$root/resources/quality-outline-and-commentary.txt")
for f in "$root"/tests/data/fixtures/public/*.txt; do
    [ -f "$f" ] || { echo "make-corpus.sh: no fixture $f" >&2; exit 1; }
    sources+=("$f")
done

n=0
for f in "${sources[@]}"; do
    base=$(basename "$f" .txt)
    for size in 512 4096 16384; do
        # cut on a line boundary so the slices are valid UTF-8
        head -c "$size" "$f" | sed '$d' > "$out/$base-$size.txt"
        n=$((n + 1))
    done
    slice="$out/$base-4096.txt"
    iconv -f UTF-8 -t GB18030 "$slice" > "$out/$base-gb18030.txt" 2>/dev/null || true
    { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$slice"; } > "$out/$base-utf16le-bom.txt"
    iconv -f UTF-8 -t UTF-16BE "$slice" > "$out/$base-utf16be.txt"
    { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$slice"; } > "$out/$base-bom-crlf.txt"
    n=$((n + 4))
done

printf '# 标题\n\n## 第一章 总则\n\n正文一段。\n\n- 条目\n' > "$out/markdown.md"
printf '第一章 总则\n第二章 目标\n一、形势\n（一）指导思想\n1. 条目\n' > "$out/only-headings.txt"
printf '一、一、一、一、一、一、一、一、一、一、一、一、\n（一）（一）（一）（一）（一）\n' > "$out/repeated-markers.txt"
printf '正文\xff\xfe\x80里有坏字节。\n' > "$out/invalid-utf8.txt"
printf '\xd5\xfd\xce\xc4\x81\x30\xff\xd2\xbb\n' > "$out/invalid-gb18030.txt"
printf '\n\n   \n' > "$out/blank.txt"
n=$((n + 6))
echo "make-corpus.sh: $n seed inputs in $out"
