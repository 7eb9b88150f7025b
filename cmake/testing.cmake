# How every test is registered, in one place.
#
# PIZHU_TEST_TIMEOUT is each test's TIMEOUT property. CTest applies that property over any
# `ctest --timeout`, so it is the only limit there is: a slower build (the sanitizer run in pizhu.sh)
# configures a longer one with -DPIZHU_TEST_TIMEOUT=... . tests/meta/check-test-properties.cmake
# (the test every_test_has_the_time_limit) fails on any test registered without it.
set(PIZHU_TEST_TIMEOUT 600 CACHE STRING "Time limit of every test, in seconds (the TIMEOUT property)")

# A skip is reported as skipped, never as passed. A Qt Test program exits 0 after a QSKIP and ends
# with "Totals: P passed, F failed, S skipped, ...": the expression marks it skipped when something
# was skipped and nothing failed (a failure stays a failure). A shell script reports a skip with the
# exit code 77, as Automake's tests do. The test command (pizhu.sh) then fails on any skip that
# tests/allowed-skips.txt does not list.
set(PIZHU_QTEST_SKIPPED "Totals: [0-9]+ passed, 0 failed, [1-9][0-9]* skipped")

# pizhu_add_test(NAME <name> COMMAND <command> [args...]
#                [SKIP_RETURN_CODE <code>]  (a script; without it, a Qt Test program)
#                [ENVIRONMENT <VAR=value>...] [WORKING_DIRECTORY <dir>])
function(pizhu_add_test)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;SKIP_RETURN_CODE;WORKING_DIRECTORY"
                          "COMMAND;ENVIRONMENT")
    if(NOT arg_NAME OR NOT arg_COMMAND OR arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "pizhu_add_test: NAME and COMMAND are required (got ${ARGN})")
    endif()
    if(arg_WORKING_DIRECTORY)
        add_test(NAME ${arg_NAME} COMMAND ${arg_COMMAND} WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
    else()
        add_test(NAME ${arg_NAME} COMMAND ${arg_COMMAND})
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES TIMEOUT ${PIZHU_TEST_TIMEOUT})
    if(DEFINED arg_SKIP_RETURN_CODE)
        set_tests_properties(${arg_NAME} PROPERTIES SKIP_RETURN_CODE ${arg_SKIP_RETURN_CODE})
    else()
        set_tests_properties(${arg_NAME} PROPERTIES SKIP_REGULAR_EXPRESSION "${PIZHU_QTEST_SKIPPED}")
    endif()
    if(arg_ENVIRONMENT)
        set_tests_properties(${arg_NAME} PROPERTIES ENVIRONMENT "${arg_ENVIRONMENT}")
    endif()
endfunction()
