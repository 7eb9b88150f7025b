#!/usr/bin/env bash
# The skip rules end to end: a throwaway CTest project registers stand-in tests with
# cmake/testing.cmake's pizhu_add_test, real ctest runs them, and tests/meta/check-skips.sh judges the
# JUnit file against the project's own tests/allowed-skips.txt.
#   test-check-skips.sh CMAKE CTEST SOURCE_DIR
set -euo pipefail
cmake=${1:?usage: test-check-skips.sh CMAKE CTEST SOURCE_DIR}
ctest=${2:?}
src=${3:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A stand-in for a Qt Test program: prints what QTest prints and exits as QTest does.
qtest() { # FILE CLASS [LINE...] ; the last line is the totals
    local file=$1 class=$2; shift 2
    {
        echo '#!/bin/sh'
        echo "cat <<'OUT'"
        echo "********* Start testing of $class *********"
        echo "PASS   : $class::initTestCase()"
        printf '%s\n' "$@"
        echo "********* Finished testing of $class *********"
        echo "OUT"
        case "$*" in *"FAIL!"*) echo 'exit 1' ;; *) echo 'exit 0' ;; esac
    } > "$work/$file"
}
qtest listed.sh TestBadInput \
    'SKIP   : TestBadInput::fullDiskFailsTheWriteAndKeepsWhatWasSaved() cannot mount a small tmpfs in a user namespace here' \
    '   Loc: [tst_badinput.cpp(440)]' 'Totals: 20 passed, 0 failed, 1 skipped, 0 blacklisted, 12ms'
qtest otherreason.sh TestBadInput \
    'SKIP   : TestBadInput::fullDiskFailsTheWriteAndKeepsWhatWasSaved() the store was damaged' \
    'Totals: 20 passed, 0 failed, 1 skipped, 0 blacklisted, 12ms'
qtest otherfunction.sh TestBadInput \
    'SKIP   : TestBadInput::oversizedFileIsRefusedWithoutBeingRead() /proc/self/io is not available here' \
    'Totals: 20 passed, 0 failed, 1 skipped, 0 blacklisted, 12ms'
qtest othertest.sh TestPdfPassword \
    'SKIP   : TestPdfPassword::initTestCase() qpdf is not installed' \
    'Totals: 1 passed, 0 failed, 1 skipped, 0 blacklisted, 3ms'
qtest passes.sh TestImporter 'PASS   : TestImporter::a()' 'Totals: 3 passed, 0 failed, 0 skipped, 0 blacklisted, 5ms'
qtest skipandfail.sh TestCli 'SKIP   : TestCli::a() no reason' 'FAIL!  : TestCli::b() wrong' \
    'Totals: 1 passed, 1 failed, 1 skipped, 0 blacklisted, 5ms'
printf '#!/bin/sh\necho "SKIP: desktop-file-validate is not installed"\nexit 77\n' > "$work/script.sh"
chmod +x "$work"/*.sh

mkdir "$work/project"
cat > "$work/project/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(skips NONE)
enable_testing()
include("$src/cmake/testing.cmake")
# The allowed skip is listed under tst_badinput; the stand-ins borrow the real names.
pizhu_add_test(NAME tst_badinput COMMAND "$work/listed.sh")
pizhu_add_test(NAME tst_badinput_otherreason COMMAND "$work/otherreason.sh")
pizhu_add_test(NAME tst_badinput_otherfunction COMMAND "$work/otherfunction.sh")
pizhu_add_test(NAME tst_ui_pdfpassword COMMAND "$work/othertest.sh")
pizhu_add_test(NAME tst_importer COMMAND "$work/passes.sh")
pizhu_add_test(NAME tst_cli COMMAND "$work/skipandfail.sh")
pizhu_add_test(NAME packaging_install_check COMMAND "$work/script.sh" SKIP_RETURN_CODE 77)
CMAKE
"$cmake" -S "$work/project" -B "$work/build" >/dev/null

# run NAME-REGEX EXPECTED-CHECK-EXIT EXPECTED-STATUS: ctest runs the tests NAME-REGEX matches, the
# check's exit code must be EXPECTED-CHECK-EXIT and each test's JUnit status EXPECTED-STATUS.
run() {
    local regex=$1 expected=$2 status=$3 junit="$work/junit.xml" rc=0
    rm -f "$junit"
    (cd "$work/build" && "$ctest" -R "$regex" --output-junit "$junit" >/dev/null 2>&1) || true
    [ -s "$junit" ] || { fail "$regex: ctest wrote no JUnit file"; return; }
    local statuses
    statuses=$(grep -o 'status="[a-z]*"' "$junit" | sort -u | tr '\n' ' ')
    [ "$statuses" = "status=\"$status\" " ] || fail "$regex: JUnit statuses $statuses, expected $status"
    "$src/tests/meta/check-skips.sh" "$junit" "$src/tests/allowed-skips.txt" > "$work/out" 2>&1 || rc=$?
    [ "$rc" = "$expected" ] || fail "$regex: check-skips exited $rc, expected $expected: $(cat "$work/out")"
    echo "$regex -> $rc: $(tail -n 1 "$work/out")"
}
run '^tst_badinput$' 0 notrun                  # listed skip: reported as skipped, accepted
run '^tst_badinput_otherreason$' 1 notrun      # listed function, reason not listed
run '^tst_badinput_otherfunction$' 1 notrun    # function not listed
run '^tst_ui_pdfpassword$' 1 notrun            # test not listed
run '^packaging_install_check$' 1 notrun       # a script's exit 77 is a skip too
run '^tst_importer$' 0 run                     # "0 skipped" is a pass, not a skip
run '^tst_cli$' 1 fail                         # a skip beside a failure stays a failure
run '^(tst_importer|tst_badinput)$' 0 'notrun" status="run'
run '^(tst_importer|tst_ui_pdfpassword)$' 1 'notrun" status="run'

# No results at all cannot pass, and a malformed list is refused.
printf '<?xml version="1.0"?>\n<testsuite tests="0">\n</testsuite>\n' > "$work/empty.xml"
"$src/tests/meta/check-skips.sh" "$work/empty.xml" "$src/tests/allowed-skips.txt" >/dev/null 2>&1 \
    && fail "an empty JUnit file passed"
printf 'tst_badinput fullDisk cannot mount\n' > "$work/bad-list.txt"
(cd "$work/build" && "$ctest" -R '^tst_importer$' --output-junit "$work/junit.xml" >/dev/null 2>&1) || true
"$src/tests/meta/check-skips.sh" "$work/junit.xml" "$work/bad-list.txt" >/dev/null 2>&1 \
    && fail "a list line without | separators was accepted"

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "all skip rules hold"
