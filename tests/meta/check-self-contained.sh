#!/usr/bin/env bash
# Nothing the tests, benchmarks, fuzz corpora or the build read may name the folder that sits beside
# the checkout where Pizhu is developed: a clone elsewhere has no such folder. pizhu.sh test runs the
# suite in a copy with nothing beside it, which catches relative paths; this catches absolute ones too.
#   check-self-contained.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: check-self-contained.sh SOURCE_DIR}
cd "$src"
for required in tests cmake CMakeLists.txt pizhu.sh tests/fuzz/make-corpus.sh; do
    [ -e "$required" ] || { echo "check-self-contained: $src/$required is missing"; exit 1; }
done
# The pattern is spelt so that this file does not name the folder itself.
pattern='(\.\./|/work/)(s)hared([/"'"'"' ]|$)'
if hits=$(grep -rInE "$pattern" tests cmake CMakeLists.txt pizhu.sh .ci 2>/dev/null); then
    echo "check-self-contained: these lines read outside the checkout:"
    echo "$hits"
    exit 1
fi
echo "check-self-contained: tests, cmake, CMakeLists.txt, pizhu.sh and .ci name nothing outside the checkout"
