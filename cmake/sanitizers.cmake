# Hardening builds. Included from the top-level CMakeLists.txt before any target exists, so the
# flags reach every library and test: a sanitizer only sees the code it instrumented.
#
#   -DPIZHU_SANITIZE=address,undefined   the test suite under ASan and UBSan (gcc or clang)
#   -DPIZHU_FUZZ=ON                       libFuzzer targets in tests/fuzz (clang only); implies
#                                         address,undefined unless PIZHU_SANITIZE says otherwise

set(PIZHU_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list for every target, e.g. address,undefined")
option(PIZHU_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(PIZHU_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "PIZHU_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(NOT PIZHU_SANITIZE)
        set(PIZHU_SANITIZE address,undefined)
    endif()
    # Coverage feedback for everything the fuzzers link; only the fuzzer executables get the
    # libFuzzer main() (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer there).
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(PIZHU_SANITIZE)
    # No recovery: the first report fails the test that caused it, instead of scrolling past in a
    # log nobody reads. Frame pointers keep the reports' stacks readable at -O1 and above.
    add_compile_options(-fsanitize=${PIZHU_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${PIZHU_SANITIZE})
endif()
