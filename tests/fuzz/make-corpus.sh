#!/usr/bin/env bash
# Builds the importer's seed corpus in OUTDIR from the bundled document and the shared fixtures:
# slices of each (libFuzzer works best on small inputs), the same text in the other encodings and
# line endings the decoder must tell apart, and a few hand-made edge cases.
#   tests/fuzz/make-corpus.sh OUTDIR
set -euo pipefail
out=${1:?usage: make-corpus.sh OUTDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"

sources=("$root/resources/quality-outline-and-commentary.txt")
for f in "$root"/../shared/fixtures/public/*.txt "$root"/../shared/fixtures/seed/*.txt; do
    [ -f "$f" ] && sources+=("$f")
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
