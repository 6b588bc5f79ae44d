#!/bin/sh
# tests/screen/basic.sh - reading the bundled article in a 100x30 terminal
# (tmux), as a user would:
#  * with no argument pathak opens the seed: its title is on screen, in the
#    article column and in the status line (last row);
#  * the article rows are exactly the lines of `pathak --dump --width 80`
#    (the default column), at every position checked below;
#  * j moves one line, Space a screen: the first row changes to the expected
#    later dump line and text further down the article appears;
#  * G shows the end: the last paragraph (शंख्यानील सरकार ...) and END in
#    the status line (its percent is the top line's); g goes back to the
#    title;
#  * ? shows the help screen (the article is gone), any key closes it and
#    the article is back at the same place;
#  * resizing to 40x12 and back to 100x30 keeps the reading position: the
#    first row shows the same text as before; at 40x12 every row fits in
#    40 columns and the first row is text of the same paragraph;
#  * q quits with exit status 0;
#  * `cat seed | pathak` reads the article from the pipe and keys from the
#    terminal: j scrolls, q exits 0.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

TITLE='किम जोंग उन का कहना है'
LAST='शंख्यानील सरकार'
"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump --width 80 failed"
"$PATHAK" --dump --width 40 "$SEED" >"$T/dump40" || fail "pathak --dump --width 40 failed"
grep -F -q "$TITLE" "$T/dump80" && grep -F -q "$LAST" "$T/dump80" ||
	hard_error "the seed does not contain the expected title/last paragraph"

# top_index - poll until the article rows follow the dump; print the index.
top_index() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		_k=$(dump_index "$T/dump80" "$T/screen" 2>"$T/why") && { echo "$_k"; return 0; }
		_i=$((_i + 1))
		_nap
	done
	cat "$T/why" >&2
	return 1
}

# wait_top K - poll until the article rows show the dump from line K.
wait_top() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		_k=$(dump_index "$T/dump80" "$T/screen" 2>"$T/why")
		[ "$_k" = "$1" ] && return 0
		_i=$((_i + 1))
		_nap
	done
	[ -s "$T/why" ] && cat "$T/why" >&2
	echo "top row shows dump line ${_k:-?}, want $1" >&2
	return 1
}

status_line() {
	sed -n '30p' "$T/screen"
}

PATHAK_DATADIR=$top_srcdir/assets
export PATHAK_DATADIR
tm_start 100 30 "'$PATHAK' $RENDER_OPT"

# Opening: the title, on the first row and in the status line.
wait_for "$TITLE" || fail_screen "the title ($TITLE) is not shown"
k=$(top_index) || fail_screen "the article rows are not the --dump --width 80 lines"
[ "$k" = 1 ] || fail_screen "the article does not start at its first line (dump line $k on top)"
sed -n '1p' "$T/screen" | grep -F -q "$TITLE" || fail_screen "the title is not on the first row"
status_line | grep -F -q "$TITLE" || fail_screen "the status line does not show the title"
status_line | grep -q '100%' && fail_screen "the status line says 100% at the top of a long article"
status_line | grep -q ' 0%' || fail_screen "the status line does not say 0% at the top"
status_line | grep -q 'END' && fail_screen "the status line says END at the top of a long article"
alive || fail_screen "pathak exited"
ok "opens the seed with its title"

# j: one line down.
keys j
wait_top 2 || fail_screen "j did not move one line down"
keys j j
wait_top 4 || fail_screen "j j did not move two more lines down"
ok "j scrolls one line"

# Space: one screen down.
before=$(sed -n 1p "$T/screen")
keys Space
_i=0
while :; do
	k=$(top_index) || fail_screen "after Space the article rows are not the dump lines"
	[ "$k" -gt 4 ] && break
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || fail_screen "Space did not scroll"
	_nap
done
[ "$k" -ge 20 ] || fail_screen "Space moved only from line 4 to line $k (a 29-row page)"
[ "$k" -le 33 ] || fail_screen "Space moved from line 4 to line $k, past one screen (29 rows)"
[ "$(sed -n 1p "$T/screen")" != "$before" ] || fail_screen "the first row did not change"
# text that was below the first screen is now visible
sed -n "$((k + 28))p" "$T/dump80" >"$T/want"
[ -s "$T/want" ] && want=$(sed 's/^ *//;s/ *$//' "$T/want") &&
	{ [ -z "$want" ] || grep -F -q -- "$want" "$T/screen"; } ||
	fail_screen "the text of dump line $((k + 28)) is not visible after Space"
ok "Space scrolls one screen (top line $k)"

# G: the end of the article.
keys G
wait_for "$LAST" || fail_screen "G does not show the last paragraph ($LAST)"
_i=0
until status_line | grep -q 'END'; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || fail_screen "the status line does not say END after G"
	_nap
	screen >"$T/screen"
done
lastline=$(sed -n '$p' "$T/dump80" | sed 's/^ *//;s/ *$//')
grep -F -q -- "$lastline" "$T/screen" || fail_screen "the last dump line is not on screen after G"
top_index >/dev/null || fail_screen "after G the article rows are not the dump lines"
ok "G shows the end and END"

# g: back to the top.
keys g
wait_top 1 || fail_screen "g does not go back to the first line"
sed -n '1p' "$T/screen" | grep -F -q "$TITLE" || fail_screen "the title is not on the first row after g"
ok "g goes to the top"

# h: help, and any key closes it.
keys j j j
wait_top 4 || fail_screen "j j j did not move to line 4"
keys h
wait_for 'pathak - keys' || fail_screen "h does not show the help screen"
# the help is one refresh, but the capture may come mid-write: wait for its end
wait_for 'any other key closes it.' || fail_screen "the help screen is incomplete"
grep -F -q 'quit' "$T/screen" || fail_screen "the help screen does not describe q"
sed -n "4p" "$T/dump80" >"$T/want"
want=$(sed 's/^ *//;s/ *$//' "$T/want")
grep -F -q -- "$want" "$T/screen" && fail_screen "the article is still visible under the help"
keys x
wait_gone 'pathak - keys' || fail_screen "a key does not close the help"
wait_top 4 || fail_screen "after closing the help the article is not back at line 4"
alive || fail_screen "pathak exited when the help was closed with x"
ok "? shows the help, a key closes it"

# Resize to 40x12 and back: the same first row.
# One key at a time, each waited for, so that the row read below is the
# row pathak shows once every key is handled (no race with pending keys).
k=$(top_index) || fail_screen "the article rows are not the dump lines"
keys Space
k=$((k + 28))   # a page is the 29 text rows less one
wait_top "$k" || fail_screen "Space did not scroll one page before the resize"
for _j in 1 2 3; do
	keys j
	k=$((k + 1))
	wait_top "$k" || fail_screen "j did not scroll one line before the resize"
done
# stop at a row with text, mid-paragraph if possible
if [ -z "$(sed -n "${k}p" "$T/dump80" | tr -d ' ')" ]; then
	keys j
	k=$((k + 1))
	wait_top "$k" || fail_screen "j did not scroll"
fi
toprow=$(sed -n 1p "$T/screen" | sed 's/^ *//;s/ *$//')
[ -n "$toprow" ] || fail_screen "no text on the first row before resizing"
tm resize-window -t pk -x 40 -y 12 || hard_error "tmux resize-window failed"
# at 40x12: wait for the narrow layout: rows 1..11 are --width 40 dump lines
_i=0
while :; do
	screen >"$T/screen"
	# (the --width 40 dump lines are at most 40 cells wide: see dump.sh)
	if [ "$(wc -l <"$T/screen")" -le 12 ] &&
		dump_index "$T/dump40" "$T/screen" 1 11 >/dev/null 2>&1; then
		break
	fi
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || {
		dump_index "$T/dump40" "$T/screen" 1 11 >/dev/null
		fail_screen "at 40x12 the rows are not the lines of --dump --width 40"
	}
	_nap
done
alive || fail_screen "pathak exited on the resize to 40x12"
narrow=$(sed -n 1p "$T/screen" | tr -d ' ')
python3 - "$T/dump80" "$k" "$narrow" <<'PYEOF' || fail_screen "at 40x12 the first row is not from the paragraph that was on top"
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
k = int(sys.argv[2]) - 1
lo = k
while lo > 0 and lines[lo - 1].strip():
    lo -= 1
hi = k
while hi < len(lines) and lines[hi].strip():
    hi += 1
para = ''.join(lines[lo:hi]).replace(' ', '')
top = sys.argv[3]
if not top or top not in para:
    print('first row at 40x12 %r is not in the paragraph %r' % (top, para[:120]), file=sys.stderr)
    sys.exit(1)
PYEOF
tm resize-window -t pk -x 100 -y 30 || hard_error "tmux resize-window failed"
wait_top "$k" || fail_screen "after resizing to 40x12 and back the first row changed (was dump line $k: $toprow)"
[ "$(sed -n 1p "$T/screen" | sed 's/^ *//;s/ *$//')" = "$toprow" ] || fail_screen "the first row changed over the resize"
ok "a resize to 40x12 and back keeps the position"

# q: exit 0.
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS after q, want 0"
ok "q exits 0"
tm kill-server >/dev/null 2>&1

# The article from a pipe, keys from the terminal.
tm_start 100 30 "cat '$SEED' | '$PATHAK' $RENDER_OPT"
wait_for "$TITLE" || fail_screen "cat seed | pathak does not show the title"
wait_top 1 || fail_screen "cat seed | pathak: the rows are not the dump lines"
keys j
wait_top 2 || fail_screen "cat seed | pathak: j (from the terminal) did not scroll"
keys G
wait_for "$LAST" || fail_screen "cat seed | pathak: G does not show the end"
keys q
wait_exit || fail_screen "cat seed | pathak: q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail_screen "cat seed | pathak: exit status $EXIT_STATUS after q, want 0"
ok "cat seed | pathak reads keys from the terminal"
exit 0
