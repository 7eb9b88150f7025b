# Embeds Unicode's Equivalent_Unified_Ideograph data (Debian's unicode-data package) as a C++
# table at configure time: PDF text layers map many ideographs to Kangxi radicals and CJK radical
# supplement characters, and this is the authoritative list of which ideograph each one stands for.
set(PIZHU_EUI_FILE "/usr/share/unicode/EquivalentUnifiedIdeograph.txt" CACHE FILEPATH
    "Unicode EquivalentUnifiedIdeograph.txt (Debian package unicode-data)")
if(NOT EXISTS "${PIZHU_EUI_FILE}")
    message(FATAL_ERROR "${PIZHU_EUI_FILE} not found: install Debian's unicode-data package")
endif()
file(STRINGS "${PIZHU_EUI_FILE}" eui_lines REGEX "^[0-9A-F]")
set(entries "")
set(count 0)
foreach(line IN LISTS eui_lines)
    if(line MATCHES "^([0-9A-F]+)(\\.\\.([0-9A-F]+))? *; *([0-9A-F]+)")
        set(from "${CMAKE_MATCH_1}")
        set(to "${CMAKE_MATCH_3}")
        set(target "${CMAKE_MATCH_4}")
        if(NOT to)
            set(to "${from}")
        endif()
        string(APPEND entries "    {0x${from}, 0x${to}, 0x${target}},\n")
        math(EXPR count "${count} + 1")
    endif()
endforeach()
file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/generated/radicaltable.inc" CONTENT
"// Generated from ${PIZHU_EUI_FILE} by core/text/radicaltable.cmake: do not edit.
// {first, last, equivalent unified ideograph}
@entries@")
message(STATUS "Equivalent_Unified_Ideograph: ${count} mappings embedded")
