#!/bin/sh
# tests/screen/theme.sh - colours for the terminal's background (tmux,
# 100x30, TERM=screen-256color).  tmux does not answer OSC 11 for a
# detached window, so the answer is faked: typed ahead into the tty before
# pathak starts, where the probe reads it with the position reports.
#  * a white background (rgb:ffff/ffff/ffff): --probe reports it and the
#    light theme; in the reader the quotation's colour has a contrast of
#    at least 4.5:1 against white (the old bright yellow had 1.1);
#  * a dark one (rgb:2828/2a2a/3636): the dark theme, contrast >= 4.5
#    against it;
#  * --theme=mono: no colour at all, quotations underlined;
#  * no answer: no text colour (none is safe), quotations underlined;
#    --theme=dark then colours them for black.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

# start_with BG ARGS... - pathak ARGS with the answer "OSC 11 ; BG ST" typed
# ahead (BG empty: none)
start_with() {
	_bg=$1
	shift
	tm kill-server >/dev/null 2>&1
	rm -f "$T/ready" "$T/go"
	tm_start 100 30 "stty -echo; touch '$T/ready'; while [ ! -f '$T/go' ]; do sleep 0.05; done;" \
		"env -u COLORFGBG TERM=screen-256color '$PATHAK' $*"
	_i=0
	while [ ! -f "$T/ready" ]; do
		_i=$((_i + 1))
		[ "$_i" -lt "$POLL_TRIES" ] || hard_error "the window did not start"
		_nap
	done
	if [ -n "$_bg" ]; then
		_hex=$(printf '\033]11;%s\033\\' "$_bg" | od -An -tx1 | tr -s ' \n' '  ')
		# shellcheck disable=SC2086
		tm send-keys -t pk -H $_hex  # one write, not keys(): it paces by key
	fi
	touch "$T/go"
}

# quote_contrast BG - the contrast of the first quotation's colour (from
# capture-pane -e) against BG (r,g,b), printed; fails without a colour
quote_contrast() {
	tm capture-pane -p -e -t pk >"$T/ansi"
	python3 - "$T/ansi" "$1" <<'PYEOF'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
bg = tuple(int(x) for x in sys.argv[2].split(','))
i = s.find('हमेशा')
if i < 0:
    sys.exit('no quotation on screen')
fg = None
for m in re.finditer(r'\x1b\[([0-9;]*)m', s[:i]):
    p = [int(x) if x else 0 for x in m.group(1).split(';')]
    k = 0
    while k < len(p):
        if p[k] == 0 or p[k] == 39:
            fg = None
        elif p[k] == 38 and k + 2 < len(p) and p[k + 1] == 5:
            fg = p[k + 2]; k += 2
        elif 30 <= p[k] <= 37:
            fg = p[k] - 30
        elif 90 <= p[k] <= 97:
            fg = p[k] - 90 + 8
        k += 1
if fg is None:
    sys.exit('the quotation has no colour')
six = [(0,0,0),(205,0,0),(0,205,0),(205,205,0),(0,0,238),(205,0,205),(0,205,205),(229,229,229),
       (127,127,127),(255,0,0),(0,255,0),(255,255,0),(92,92,255),(255,0,255),(0,255,255),(255,255,255)]
lv = [0, 95, 135, 175, 215, 255]
def rgb(i):
    if i < 16: return six[i]
    if i < 232: i -= 16; return (lv[i // 36], lv[i // 6 % 6], lv[i % 6])
    g = 8 + 10 * (i - 232); return (g, g, g)
def lum(c):
    def l(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * l(c[0]) + 0.7152 * l(c[1]) + 0.0722 * l(c[2])
a, b = lum(rgb(fg)), lum(bg)
print('%d %.2f' % (fg, (max(a, b) + 0.05) / (min(a, b) + 0.05)))
PYEOF
}

# wait_quote BG - poll until the first quotation has its colour (the
# quotations are found after the first screen, while idle), then print
# what quote_contrast prints
wait_quote() {
	_i=0
	while ! quote_contrast "$1" 2>/dev/null; do
		_i=$((_i + 1))
		[ "$_i" -lt "$POLL_TRIES" ] || { quote_contrast "$1"; return 1; }
		_nap
	done
}

# wait_underline - poll until something is underlined (the quotations,
# where they get no colour)
wait_underline() {
	_i=0
	while :; do
		tm capture-pane -p -e -t pk >"$T/ansi"
		grep -q "$(printf '\033')\[[0-9;]*4[;m]" "$T/ansi" && return 0
		_i=$((_i + 1))
		[ "$_i" -lt "$POLL_TRIES" ] || return 1
		_nap
	done
}

start_with 'rgb:ffff/ffff/ffff' --probe
wait_exit || fail_screen "--probe did not finish"
screen >"$T/probe"
grep -q 'background: *#ffffff (OSC 11)' "$T/probe" || fail_screen "--probe: the white background is not reported"
grep -q 'theme: *light (from the background)' "$T/probe" || fail_screen "--probe: not the light theme"
ok "--probe: a white background, the light theme"

# reads_on LABEL ANSWER BG ARGS... - pathak ARGS on the seed with ANSWER typed
# ahead: the quotation's colour reads at 4.5:1 or more on BG (r,g,b)
reads_on() {
	_rl=$1 _ra=$2 _rb=$3  # (start_with uses _bg)
	shift 3
	start_with "$_ra" "$@" "'$SEED'"
	wait_for 'हमेशा' || fail_screen "$_rl: the reader did not start"
	c=$(wait_quote "$_rb") || fail_screen "$_rl: $c"
	awk -v c="${c#* }" 'BEGIN { exit !(c >= 4.5) }' ||
		fail_screen "$_rl: quotation colour $c (index, contrast) under 4.5"
	keys q
	wait_exit || fail_screen "q did not quit"
	ok "$_rl: quotations at contrast ${c#* } (colour ${c% *})"
}

reads_on "white background" 'rgb:ffff/ffff/ffff' 255,255,255
reads_on "dark background" 'rgb:2828/2a2a/3636' 40,42,54

start_with 'rgb:ffff/ffff/ffff' --theme=mono "'$SEED'"
wait_for 'हमेशा' || fail_screen "the reader did not start"
wait_underline || fail_screen "--theme=mono: nothing underlined"
if grep -q "$(printf '\033')\[[0-9;]*\(3[0-7]\|38;5\|4[0-7]\|48;5\)[;m]" "$T/ansi"; then
	fail_screen "--theme=mono: colours on screen"
fi
grep -q "$(printf '\033')\[[0-9;]*4[;m]" "$T/ansi" || fail_screen "--theme=mono: nothing underlined"
keys q
wait_exit || fail_screen "q did not quit"
ok "--theme=mono: no colours, quotations underlined"

start_with '' "'$SEED'"
wait_for 'हमेशा' || fail_screen "the reader did not start"
wait_underline || fail_screen "no background known: quotations not underlined"
if c=$(quote_contrast 0,0,0); then
	fail_screen "no background known: the quotation has colour ${c% *}, which may not read"
fi
keys q
wait_exit || fail_screen "q did not quit"
ok "no background known: quotations underlined, not coloured"
reads_on "--theme=dark with no answer" '' 0,0,0 --theme=dark
finish
