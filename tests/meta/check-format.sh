#!/usr/bin/env bash
# Every C++ source and header of the project is as clang-format (Debian 12's, version 14) lays it
# out with .clang-format: a change that drifted (includes out of order after a move, say) fails the
# test command instead of waiting for the next person to run the formatter.
#   check-format.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: check-format.sh SOURCE_DIR}
cd "$src"
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed (pizhu.sh installs it)"; exit 1; }
mapfile -d '' files < <(find app core ui pdf tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
[ "${#files[@]}" -gt 100 ] || { echo "check-format: only ${#files[@]} sources found under $src"; exit 1; }
if ! out=$(clang-format --dry-run --Werror "${files[@]}" 2>&1); then
    echo "check-format: these files are not as clang-format lays them out (run clang-format -i on them):"
    echo "$out" | grep -oE '^[^:]+\.(cpp|h)' | sort -u
    exit 1
fi
echo "check-format: ${#files[@]} sources as clang-format lays them out"
