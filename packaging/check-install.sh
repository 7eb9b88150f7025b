#!/usr/bin/env bash
# Installs a build into a scratch DESTDIR and checks what a desktop would see: every file in its
# place, the desktop entry and the AppStream metainfo accepted by their validators, the installed
# executable running, and every library it links coming from a package the .deb depends on.
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

# Every library the executable needs must come from a package named in the .deb's Depends.
depends=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_DEPENDS "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$depends" ] || fail "no CPACK_DEBIAN_PACKAGE_DEPENDS in $build/CPackConfig.cmake"
for lib in $(readelf -d "$root/bin/pizhu" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    # awk reads to the end rather than exiting at the first match: an early exit would kill
    # ldconfig with SIGPIPE, which pipefail turns into a failure of the whole script.
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l && !found {print $NF; found = 1}')
    [ -n "$path" ] || { fail "cannot find $lib"; continue; }
    pkg=$(dpkg-query -S "$(readlink -f "$path")" 2>/dev/null | awk -F: 'NR == 1 {print $1}') || true
    [ -n "$pkg" ] || pkg=$(dpkg-query -S "$path" 2>/dev/null | awk -F: 'NR == 1 {print $1}') || true
    [ -n "$pkg" ] || { fail "$lib ($path) belongs to no package"; continue; }
    [[ ", $depends," == *", $pkg"[\ ,]* ]] || fail "pizhu links $lib from $pkg, which the .deb does not depend on"
done

if [ "$failures" -gt 0 ]; then
    echo "check-install: $failures failure(s)"
    exit 1
fi
echo "check-install: the installed files pass"
