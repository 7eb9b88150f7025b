#!/usr/bin/env bash
# Fails when a test was skipped for a reason tests/allowed-skips.txt does not list.
#   tests/meta/check-skips.sh JUNIT_XML ALLOWED_SKIPS
# JUNIT_XML is what `ctest --output-junit` wrote (run ctest with large --test-output-size-* so that no
# test's output is cut). A skip is either a Qt Test "SKIP   : Class::function(...) message" line in any
# test's output, or a test CTest marked skipped (a script's exit code 77) with no such line, whose
# function is then "-". Each must match a line "test | function | reason" of ALLOWED_SKIPS whose reason
# appears in the skip's message (for "-", in the test's output).
set -euo pipefail
junit=${1:?usage: check-skips.sh JUNIT_XML ALLOWED_SKIPS}
allowed=${2:?usage: check-skips.sh JUNIT_XML ALLOWED_SKIPS}
[ -r "$junit" ] || { echo "check-skips: cannot read $junit" >&2; exit 2; }
[ -r "$allowed" ] || { echo "check-skips: cannot read $allowed" >&2; exit 2; }

awk -v allowedFile="$allowed" '
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function unescape(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
    gsub(/&amp;/, "\\&", s); return s
}
function allowedSkip(test, fn, text,    i) {
    for (i = 1; i <= nAllowed; ++i)
        if (aTest[i] == test && aFn[i] == fn && index(text, aReason[i]) > 0) { used[i] = 1; return 1 }
    return 0
}
function report(test, fn, text) {
    ++skips
    if (allowedSkip(test, fn, text)) {
        printf "check-skips: %s %s skipped, as listed: %s\n", test, fn, text
    } else {
        printf "check-skips: %s %s skipped, and %s does not list it: %s\n", test, fn, allowedFile, text
        ++unlisted
    }
}
BEGIN {
    while ((getline line < allowedFile) > 0) {
        if (line ~ /^[ \t]*(#|$)/) continue
        n = split(line, f, "|")
        if (n != 3 || trim(f[1]) == "" || trim(f[2]) == "" || trim(f[3]) == "") {
            printf "check-skips: %s: not \"test | function | reason\": %s\n", allowedFile, line
            bad = 1; continue
        }
        ++nAllowed; aTest[nAllowed] = trim(f[1]); aFn[nAllowed] = trim(f[2]); aReason[nAllowed] = trim(f[3])
    }
    close(allowedFile)
}
/<testcase / {
    match($0, /name="[^"]*"/); test = unescape(substr($0, RSTART + 6, RLENGTH - 7))
    ++cases; ctestSkipped = 0; qtSkips = 0; output = ""
}
/<skipped/ { ctestSkipped = 1 }
{
    raw = $0; gsub(/<[^>]*>/, "", raw) # the markup; the text within has its < escaped
    line = unescape(raw)
    if (trim(line) != "") output = output (output == "" ? "" : " / ") trim(line)
    if (match(line, /SKIP   : [A-Za-z_0-9]+::[A-Za-z_0-9]+\(/)) {
        fn = substr(line, RSTART + 9, RLENGTH - 10); sub(/^[A-Za-z_0-9]+::/, "", fn)
        ++qtSkips; report(test, fn, trim(substr(line, RSTART + 9)))
    }
}
/<\/testcase>/ {
    if (ctestSkipped && qtSkips == 0) report(test, "-", output)
}
END {
    if (cases == 0) { printf "check-skips: no test results in %s\n", FILENAME; exit 1 }
    printf "check-skips: %d tests, %d skips, %d not listed\n", cases, skips, unlisted
    exit (unlisted > 0 || bad) ? 1 : 0
}' "$junit"
