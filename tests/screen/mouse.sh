#!/bin/sh
# tests/screen/mouse.sh - the mouse (tmux, the seed at 100x30, TERM=screen:
# events arrive as X10 sequences, ESC [ M b x y, as xterm sends them):
#  * pathak asks the terminal for mouse reports; --no-mouse and mouse = off
#    in the configuration do not;
#  * the wheel scrolls three lines down and back up;
#  * a click on the words of the title's first quotation (‘हमेशा रूस के
#    साथ’) makes it current: the status line names its speaker;
#  * with the pane open, a click on व्लादिमीर पुतिन selects him: "mention
#    1/13"; n steps on; a click back on the text moves the focus there
#    (j then scrolls the text).
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"

# mouse BUTTON X Y - an X10 report of BUTTON (0 press, 3 release, 64 wheel
# up, 65 wheel down) at column X, row Y (0-based)
mouse() {
	_b=$(printf '%03o' $(($1 + 32)))
	_x=$(printf '%03o' $(($2 + 33)))
	_y=$(printf '%03o' $(($3 + 33)))
	tm send-keys -t pk -l "$(printf "\\033[M\\$_b\\$_x\\$_y")"
}
click() {
	mouse 0 "$1" "$2"
	mouse 3 "$1" "$2"
}
mouse_flag() {
	tm display -p -t pk '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}'
}

tm_start 100 30 "TERM=screen '$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak does not show the seed"
case $(mouse_flag) in *1*) ;; *) fail "pathak did not ask for mouse reports" ;; esac
mouse 65 40 10
wait_dump_top "$T/dump80" 4 || fail_screen "the wheel down does not scroll three lines"
mouse 65 40 10
wait_dump_top "$T/dump80" 7 || fail_screen "the wheel down again does not scroll on"
mouse 64 40 10
wait_dump_top "$T/dump80" 4 || fail_screen "the wheel up does not scroll back"
mouse 64 40 10
wait_dump_top "$T/dump80" 1 || fail_screen "the wheel up does not reach the top"
ok "the wheel scrolls three lines"

# the title's row: the text column starts at 10; ‘हमेशा’ is about 40 in
col=$(python3 - "$T/screen" <<'PY'
import sys, unicodedata
row = open(sys.argv[1], encoding="utf-8").read().split("\n")[0]
col = 0
for i, ch in enumerate(row):
    if row.startswith("हमेशा", i):
        print(col + 1)
        break
    if unicodedata.category(ch) not in ("Mn", "Me", "Cf"):
        col += 1
PY
)
[ -n "$col" ] || fail_screen "the title row has no हमेशा"
click "$col" 0
wait_status 'quote 1/10: किम जोंग उन' || fail_screen "a click on the quotation does not make it current"
ok "a click on a quotation names its speaker"

keys e
wait_for 'PER (' || fail_screen "e does not open the pane"
settle
screen >"$T/screen"
row=$(grep -n 'व्लादिमीर पुतिन  ' "$T/screen" | head -1 | cut -d: -f1)
[ -n "$row" ] || fail_screen "the pane has no row for व्लादिमीर पुतिन"
click 90 $((row - 1))
wait_status 'mention 1/13 of व्लादिमीर पुतिन' || fail_screen "a click on an entity does not select it"
keys n
wait_status 'mention 2/13 of व्लादिमीर पुतिन' || fail_screen "n after the click does not step on"
# a click on the text takes the focus back: j scrolls the text, not the pane
click 20 5
settle
screen >"$T/screen"
# the first row under the top with text (the pane's column cut off)
k=2
while [ "$k" -lt 10 ]; do
	want=$(sed -n "${k}p" "$T/screen" | sed 's/│.*//; s/^ *//; s/ *$//')
	[ -n "$want" ] && break
	k=$((k + 1))
done
[ -n "$want" ] || fail_screen "no text under the top row"
# (no count: a count would take j to the text whatever has the focus)
i=1
while [ "$i" -lt "$k" ]; do
	keys j
	i=$((i + 1))
done
wait_line 1 "$want" || fail_screen "after a click on the text j does not scroll it"
keys q
wait_exit || fail_screen "q did not quit"
ok "a click on an entity selects it"

tm_start 100 30 "TERM=screen '$PATHAK' --no-mouse $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak --no-mouse does not start"
case $(mouse_flag) in *1*) fail "--no-mouse still asks for mouse reports" ;; esac
keys q
wait_exit || fail_screen "q did not quit"
mkdir -p "$XDG_CONFIG_HOME/pathak"
echo 'mouse = off' >"$XDG_CONFIG_HOME/pathak/config"
tm_start 100 30 "TERM=screen '$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak with mouse = off does not start"
case $(mouse_flag) in *1*) fail "mouse = off still asks for mouse reports" ;; esac
keys q
wait_exit || fail_screen "q did not quit"
ok "--no-mouse and mouse = off leave the mouse to the terminal"
finish
