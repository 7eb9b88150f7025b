#!/usr/bin/env bash
# Takes the README's window screenshots under Xvfb: the bundled document with a few highlights and
# notes, at the sizes a reader's screen has, in the light palette and in Night.
#   docs/take-screenshots.sh BUILD_DIR OUT_DIR
# Needs xvfb-run and ImageMagick's import. Uses a settings folder and a notes database of its own.
set -euo pipefail
build=${1:?build folder}
out=${2:?output folder}
pizhu=$(realpath "$build/app/pizhu")
mkdir -p "$out"
out=$(realpath "$out")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data PIZHU_DB=$home/notes.sqlite
doc=$(dirname "$0")/../resources/quality-outline-and-commentary.txt
[ -f "$doc" ] || doc=$(ls "$(dirname "$0")"/../resources/*.txt | head -1)

"$pizhu" note add "$doc" --quote "质量是人类生产生活的重要保障" --color yellow --note "形势背景的总论" --tag 背景 >/dev/null
"$pizhu" note add "$doc" --quote "建设质量强国是推动高质量发展" --color green --tag 意义 >/dev/null
"$pizhu" note add "$doc" --quote "质量强国建设" --occurrence 3 --color blue >/dev/null
"$pizhu" note add "$doc" --quote "全党全国思想统一、步调一致" --color pink --note "解读引文" >/dev/null
"$pizhu" note add "$doc" --quote "非凡历程" --color purple >/dev/null

shoot() { # NAME WIDTH HEIGHT THEME
    local name=$1 w=$2 h=$3 theme=$4
    mkdir -p "$XDG_CONFIG_HOME/pizhu"
    rm -f "$XDG_CONFIG_HOME"/pizhu/*.conf
    printf '[view]\ntheme=%s\n' "$theme" > "$XDG_CONFIG_HOME/pizhu/pizhu.conf"
    xvfb-run -a -s "-screen 0 ${w}x${h}x24" bash -c "
        LC_ALL=C.UTF-8 \"$pizhu\" -qwindowgeometry ${w}x${h}+0+0 \"$doc\" &
        app=\$!
        sleep 4
        import -window root \"$out/$name.png\"
        kill \$app" 2>/dev/null
    echo "$out/$name.png"
}
shoot window-1600x1000-light 1600 1000 light
shoot window-1024x700-light 1024 700 light
shoot window-700x500-light 700 500 light
shoot window-1600x1000-night 1600 1000 night
shoot window-1024x700-night 1024 700 night
shoot window-700x500-night 700 500 night
