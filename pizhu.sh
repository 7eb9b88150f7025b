#!/usr/bin/env bash
# One entry point for people and CI:
#   ./pizhu.sh run [FILE]   install what is missing, build, and open FILE (default: the bundled document)
#   ./pizhu.sh test         install what is missing, build with warnings as errors, run every test
#   ./pizhu.sh bench        build and run the benchmarks in tests/bench (prints figures)
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages Pizhu builds and runs with.
PACKAGES=(cmake g++ ninja-build pkg-config qt6-base-dev libqt6sql6-sqlite qt6-tools-dev
          qt6-tools-dev-tools qt6-l10n-tools libgl-dev libicu-dev libsqlite3-dev libcmark-dev
          fonts-noto-cjk xvfb xauth unicode-data)

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

build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja "$@"
    cmake --build "$dir" --parallel "$(nproc)"
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
        build build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIZHU_WERROR=ON
        cd build-test && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 "$@"
        ;;
    bench)
        install_missing
        build build -DCMAKE_BUILD_TYPE=Release
        for b in build/tests/bench/tst_bench_*; do
            [ -x "$b" ] && { echo "== $b"; QT_QPA_PLATFORM=offscreen "$b" "$@"; }
        done
        ;;
    *)
        echo "usage: $0 run [FILE] | test | bench" >&2
        exit 2
        ;;
esac
