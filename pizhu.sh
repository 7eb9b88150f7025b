#!/usr/bin/env bash
# One entry point for people and CI:
#   ./pizhu.sh run [FILE]   install what is missing, build, and open FILE (default: the bundled document)
#   ./pizhu.sh test         install what is missing, then in a copy of the checkout in a temporary
#                           folder: build with warnings as errors, run every test (a skip not listed
#                           in tests/allowed-skips.txt fails); then the hardening below
#                           (PIZHU_HARDENING=0 skips it)
#   ./pizhu.sh sanitize     build with AddressSanitizer and UBSan, run every test under them
#   ./pizhu.sh fuzz [SECS]  build the libFuzzer targets with clang, run each for SECS (default 60)
#   ./pizhu.sh bench        build and run the benchmarks in tests/bench (prints figures)
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages Pizhu builds and runs with.
PACKAGES=(cmake g++ ninja-build pkg-config qt6-base-dev libqt6sql6-sqlite qt6-tools-dev
          qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev libicu-dev libsqlite3-dev libcmark-dev
          fonts-noto-cjk fonts-dejavu-core xvfb xauth unicode-data libpoppler-qt6-dev libpoppler-cpp-dev poppler-utils
          clang libclang-rt-14-dev librsvg2-bin desktop-file-utils appstream binutils qpdf clang-format)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -q
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# ccache (if installed) may reuse objects across clones in other folders: paths are hashed relative
# to the checkout, so a fresh clone on the same machine does not rebuild from nothing.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}

# Runs the tests of BUILD_DIR, then fails on any skip tests/allowed-skips.txt does not list: a QSKIP
# or a script's exit 77 is reported as skipped (cmake/testing.cmake), and CTest counts that as no
# failure. The JUnit file keeps each test's whole output, where Qt Test names what it skipped.
run_suite() {
    local dir=$1; shift
    local junit=$PWD/$dir/Testing/junit.xml rc=0
    rm -f "$junit"
    (cd "$dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --output-junit "$junit" \
        --test-output-size-passed 4000000 --test-output-size-failed 4000000 "$@") || rc=$?
    # Skips are reported after failures too: both are things to fix.
    tests/meta/check-skips.sh "$junit" tests/allowed-skips.txt || rc=1
    return "$rc"
}

# `./pizhu.sh test` builds and runs everything in a copy of the checkout, made in a new temporary
# folder with nothing beside it: a test, benchmark or corpus that reads outside the checkout (a
# folder of fixtures next to it, say) fails there instead of passing because of what happens to sit
# next to this one. The copy is what git would commit plus uncommitted work: no .git, no builds.
# It is removed when everything passes and kept, with its builds, when something fails.
test_in_copy() {
    local tmp copy rc=0
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/pizhu-test.XXXXXX")
    copy=$tmp/pizhu
    mkdir "$copy"
    tar -C . --exclude=./.git --exclude='./build*' --exclude=./.cache -cf - . | tar -C "$copy" -xf -
    echo "pizhu.sh test: testing a copy of the checkout in $copy"
    PIZHU_TEST_COPY=1 "$copy/pizhu.sh" test "$@" || rc=$?
    if [ "$rc" = 0 ]; then
        rm -rf "$tmp"
    else
        echo "pizhu.sh test: failed ($rc); the copy and its builds are kept in $copy" >&2
    fi
    return "$rc"
}

# The whole suite again, every library and test instrumented: the first sanitizer report aborts the
# test that caused it (-fno-sanitize-recover), so ctest fails on it.
# Instrumented code runs several times slower: the build gets a longer time limit, which becomes every
# test's TIMEOUT property (cmake/testing.cmake; `ctest --timeout` would not override that property).
sanitize() {
    build build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIZHU_WERROR=ON -DPIZHU_SANITIZE=address,undefined \
        -DPIZHU_TEST_TIMEOUT=1800
    ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
    UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp \
        run_suite build-sanitize "$@"
}

# Each tests/fuzz/fuzz_NAME.cpp for SECONDS, starting from its seed corpus (tests/fuzz/make-corpus.sh)
# plus whatever earlier runs found. libFuzzer exits non-zero on a crash, a leak,
# a sanitizer report, a 30 s input or 2.5 GB of memory; the input that did it lands in
# build-fuzz/artifacts/.
fuzz() {
    local seconds=${1:-60}
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPIZHU_FUZZ=ON -DBUILD_TESTING=OFF \
          -DCMAKE_BUILD_TYPE=RelWithDebInfo
    local names=()
    for src in tests/fuzz/fuzz_*.cpp; do names+=("$(basename "$src" .cpp)"); done
    cmake --build build-fuzz --parallel "$(nproc)" --target "${names[@]}"
    mkdir -p build-fuzz/artifacts
    local failed=()
    for name in "${names[@]}"; do
        local seed=build-fuzz/seed/$name corpus=build-fuzz/corpus/$name
        rm -rf "$seed" && mkdir -p "$seed" "$corpus"
        tests/fuzz/make-corpus.sh "$name" "$seed"
        echo "== $name for ${seconds}s"
        LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp \
            "build-fuzz/tests/fuzz/$name" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
            -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$name-" \
            "$corpus" "$seed" || failed+=("$name")
    done
    # Every fuzzer gets its minute even when an earlier one found something.
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz: ${failed[*]} failed; reproduce with build-fuzz/tests/fuzz/NAME build-fuzz/artifacts/NAME-*" >&2
        return 1
    fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        install_missing
        build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
        exec ./build/app/pizhu "$@"
        ;;
    test)
        install_missing
        if [ -z "${PIZHU_TEST_COPY:-}" ]; then
            test_in_copy "$@"
            exit
        fi
        build build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIZHU_WERROR=ON
        run_suite build-test "$@"
        if [ "${PIZHU_HARDENING:-1}" != 0 ]; then
            sanitize "$@"
            fuzz 60
        fi
        ;;
    sanitize)
        install_missing
        sanitize "$@"
        ;;
    fuzz)
        install_missing
        fuzz "$@"
        ;;
    bench)
        install_missing
        build build -DCMAKE_BUILD_TYPE=Release
        for b in build/tests/bench/tst_bench_*; do
            [ -x "$b" ] && { echo "== $b"; QT_QPA_PLATFORM=offscreen "$b" "$@"; }
        done
        ;;
    *)
        echo "usage: $0 run [FILE] | test | sanitize | fuzz [SECONDS] | bench" >&2
        exit 2
        ;;
esac
