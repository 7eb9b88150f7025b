#!/usr/bin/env bash
# Installs a build into a scratch DESTDIR and checks what a desktop would see: every file in its
# place, the desktop entry and the AppStream metainfo accepted by their validators, the installed
# executable running and reading a PDF through its plugin, and every library the executable and the
# plugin link coming from a package the .deb depends on.
#   packaging/check-install.sh BUILD_DIR        (ctest runs it as packaging_install_check)
# Exit 0 when all pass, 1 on a failure, 77 (ctest: skipped) when a validator is not installed.
set -euo pipefail
build=$(cd "${1:?usage: check-install.sh BUILD_DIR}" && pwd)
id=org.pizhu.Pizhu

for tool in desktop-file-validate appstreamcli readelf dpkg-query; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null
root=$dest/usr
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for f in bin/pizhu share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$id.svg; do
    [ -f "$root/$f" ] || fail "not installed: /usr/$f"
done
for size in 16 32 48 128 256; do
    png=$root/share/icons/hicolor/${size}x${size}/apps/$id.png
    [ -f "$png" ] || { fail "no ${size}x${size} PNG icon"; continue; }
    # width and height are big-endian words at bytes 16 and 20 of a PNG
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
    [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
done

desktop-file-validate "$root/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -q '^MimeType=.*text/plain;' "$root/share/applications/$id.desktop" || fail "desktop entry lacks text/plain"
grep -q '^MimeType=.*text/markdown;' "$root/share/applications/$id.desktop" || fail "desktop entry lacks text/markdown"
# --no-net: the screenshot URL names where the project is published, which need not be reachable
# from a build machine.
appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"

version=$("$root/bin/pizhu" --version) || fail "installed pizhu --version failed"
[[ "$version" == pizhu\ [0-9]* ]] || fail "unexpected --version output: $version"

# PDF support is a plugin the executable loads from LIBDIR/pizhu on the first PDF (pdf/plugin):
# Poppler and the libraries it needs must not be linked into the executable, which every start-up
# would pay for. The installed pizhu reads a PDF, which it can only do through the installed plugin.
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build/CMakeCache.txt")
plugin=$root/${libdir:-lib}/pizhu/libpizhu_pdf.so
[ -f "$plugin" ] || fail "PDF plugin not installed: /usr/${libdir:-lib}/pizhu/libpizhu_pdf.so"
needed=$(readelf -d "$root/bin/pizhu")
[[ "$needed" != *poppler* ]] || fail "the installed pizhu links Poppler, which belongs in the PDF plugin only"

# One page of Helvetica text, written out by hand (with its cross-reference table of byte offsets)
# so that the check needs no PDF tool.
write_text_pdf() {
    local out=$1 text=$2 LC_ALL=C
    local content="BT /F1 12 Tf 72 720 Td ($text) Tj ET"
    local objects=("<< /Type /Catalog /Pages 2 0 R >>"
                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                   "<< /Length ${#content} >>"$'\n'"stream"$'\n'"$content"$'\n'"endstream"
                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    local body=$'%PDF-1.4\n' offsets=() i offset xref
    for i in "${!objects[@]}"; do
        offsets+=("${#body}")
        body+="$((i + 1)) 0 obj"$'\n'"${objects[$i]}"$'\n'"endobj"$'\n'
    done
    xref=${#body}
    body+="xref"$'\n'"0 $((${#objects[@]} + 1))"$'\n'"0000000000 65535 f "$'\n'
    for offset in "${offsets[@]}"; do body+=$(printf '%010d 00000 n ' "$offset")$'\n'; done
    body+="trailer"$'\n'"<< /Size $((${#objects[@]} + 1)) /Root 1 0 R >>"$'\n'"startxref"$'\n'"$xref"$'\n'"%%EOF"$'\n'
    printf '%s' "$body" >"$out"
}
pdf=$dest/plugin-check.pdf
pdf_text="Pizhu reads this PDF through its plugin"
write_text_pdf "$pdf" "$pdf_text"
# No PIZHU_PDF_PLUGIN from the caller's environment: the executable must find the plugin itself.
if blocks=$(env -u PIZHU_PDF_PLUGIN "$root/bin/pizhu" blocks "$pdf" 2>&1); then
    [[ "$blocks" == *"$pdf_text"* ]] || fail "installed pizhu read the PDF as: $blocks"
else
    fail "installed pizhu cannot read a PDF: $blocks"
fi

# Every library the executable and the PDF plugin need must come from a package named in the .deb's
# Depends.
depends=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_DEPENDS "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$depends" ] || fail "no CPACK_DEBIAN_PACKAGE_DEPENDS in $build/CPackConfig.cmake"
for binary in "$root/bin/pizhu" "$plugin"; do
    [ -f "$binary" ] || continue
    name=${binary#"$root"/}
    for lib in $(readelf -d "$binary" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
        # awk reads to the end rather than exiting at the first match: an early exit would kill
        # ldconfig with SIGPIPE, which pipefail turns into a failure of the whole script.
        path=$(ldconfig -p | awk -v l="$lib" '$1 == l && !found {print $NF; found = 1}')
        [ -n "$path" ] || { fail "cannot find $lib"; continue; }
        pkg=$(dpkg-query -S "$(readlink -f "$path")" 2>/dev/null | awk -F: 'NR == 1 {print $1}') || true
        [ -n "$pkg" ] || pkg=$(dpkg-query -S "$path" 2>/dev/null | awk -F: 'NR == 1 {print $1}') || true
        [ -n "$pkg" ] || { fail "$lib ($path) belongs to no package"; continue; }
        [[ ", $depends," == *", $pkg"[\ ,]* ]] || fail "/usr/$name links $lib from $pkg, which the .deb does not depend on"
    done
done

if [ "$failures" -gt 0 ]; then
    echo "check-install: $failures failure(s)"
    exit 1
fi
echo "check-install: the installed files pass"
