#!/bin/sh
# tests/screen/render_modes.sh - the render modes of issue 3 in tmux (100x30):
#  * --render=reorder: the first article row is line 1 of
#    `pathak --dump --render=reorder` (ि before its consonant: िकम);
#  * r cycles halant, reorder+halant, latin, interlinear, shaped: each time
#    the status line names the mode, the first row is what --dump prints in
#    that mode, and the status line keeps the position (¶ 1/20) and the
#    mode's name each in its column (no drift);
#  * --probe inside tmux: wcwidth model measured, the check line PASSes;
#  * --advance=cluster: curses holds placeholder cells and the overlay
#    writes the clusters itself, so the words are on screen (tmux advances
#    by wcwidth, so their columns may differ; the words must be there);
#  * stdin and stdout not a terminal: no probe wait, the dump is printed;
#  * a non-UTF-8 locale: --dump and the screen are ASCII only.
. "$top_srcdir/tests/lib.sh"
need_tmux

for m in shaped reorder halant reorder+halant latin interlinear; do
	"$PATHAK" --dump --width 80 --render="$m" "$SEED" >"$T/dump-$m" ||
		fail "pathak --dump --render=$m failed"
done
grep -F -q 'िकम जोंग' "$T/dump-reorder" || fail "--dump --render=reorder: no िकम"
grep -F -q 'kim jong un' "$T/dump-latin" || fail "--dump --render=latin: no 'kim jong un'"
[ "$(sed -n 1p "$T/dump-interlinear")" = "$(sed -n 1p "$T/dump-shaped")" ] ||
	fail "interlinear: line 1 is not the Devanagari line"
sed -n 2p "$T/dump-interlinear" | grep -F -q 'kim jong un' ||
	fail "interlinear: line 2 is not the romanization"

# row1_is FILE - the first screen row (trimmed) is line 1 of FILE.
row1_is() {
	_want=$(sed -n 1p "$1")
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		_got=$(first_text_line)
		[ "$_got" = "$_want" ] && return 0
		_i=$((_i + 1))
		_nap
	done
	printf 'want: %s\ngot:  %s\n' "$_want" "$_got" >&2
	return 1
}

# status_ok MODE - the last row is the position (¶ 1/20) at the left edge
# and then MODE's name, each in its column: nothing drifted.
status_ok() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		_last=$(screen | tail -n 1)
		_rest=$(printf '%s\n' "$_last" | sed -E 's/^ [ 0-9]{2}[0-9]%//')
		[ "$_rest" != "$_last" ] && [ "$_rest" = "  ¶  1/20  $1" ] && return 0
		_i=$((_i + 1))
		_nap
	done
	printf 'status: [%s]\n' "$_last" >&2
	return 1
}

tm_start 100 30 "'$PATHAK' --render=reorder '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start"
row1_is "$T/dump-reorder" || fail_screen "reorder: row 1 is not the dump's"
ok "reorder"
for m in halant reorder+halant latin interlinear shaped; do
	keys r
	status_ok "$m" || fail_screen "$m: status line"
	row1_is "$T/dump-$m" || fail_screen "$m: row 1 is not the dump's"
	ok "$m"
done
# interlinear again: rows 1 and 2 are the Devanagari line and its romanization
keys r r r r r
status_ok interlinear || fail_screen "interlinear: status"
screen | sed -n '2s/^ *//;2s/ *$//;2p' >"$T/row2"
[ "$(cat "$T/row2")" = "$(sed -n 2p "$T/dump-interlinear")" ] || fail_screen "interlinear: row 2"
ok "interlinear rows"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail "exit status $EXIT_STATUS"
tm kill-server >/dev/null 2>&1

# --probe inside tmux
tm_start 100 30 "'$PATHAK' --probe"
wait_exit || fail_screen "--probe did not finish"
screen >"$T/probe"
grep -q 'advance model: wcwidth (measured)' "$T/probe" || fail_screen "--probe: model"
grep -q 'check: *PASS' "$T/probe" || fail_screen "--probe: check"
[ "$EXIT_STATUS" = 0 ] || fail "--probe exit status $EXIT_STATUS"
ok "--probe in tmux"
tm kill-server >/dev/null 2>&1

# the cluster-advance overlay: without it only placeholders would show
tm_start 100 30 "'$PATHAK' --advance=cluster '$SEED'"
wait_for 'मास्को' || fail_screen "--advance=cluster: the overlay did not write the text (मास्को)"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
ok "--advance=cluster: the overlay writes the clusters"

# no terminal at all: no probe, no wait
start=$(date +%s)
"$PATHAK" "$SEED" </dev/null >"$T/out" 2>&1 || fail "pathak without a terminal failed"
[ $(( $(date +%s) - start )) -le $((2 * TIME_FACTOR)) ] || fail "pathak without a terminal took too long"
cmp -s "$T/out" "$T/dump-shaped" || fail "without a terminal the output is not the dump"
"$PATHAK" --probe </dev/null >"$T/probe2" 2>&1 || fail "--probe without a terminal failed"
grep -q 'not run' "$T/probe2" || fail "--probe without a terminal probed"
ok "no terminal: no probe"

# a non-UTF-8 locale: ASCII only
LC_ALL=C "$PATHAK" --dump --width 80 "$SEED" >"$T/ascii" || fail "LC_ALL=C --dump failed"
LC_ALL=C grep -q '[^ -~]' "$T/ascii" && fail "LC_ALL=C --dump wrote non-ASCII"
grep -F -q 'kim jong un' "$T/ascii" || fail "LC_ALL=C --dump is not romanized"
tm_start 100 30 "LC_ALL=C '$PATHAK' '$SEED'"
wait_for 'kim jong un' || fail_screen "LC_ALL=C: no romanized screen"
screen | LC_ALL=C grep -q '[^ -~]' && fail_screen "LC_ALL=C: non-ASCII on screen"
keys q
ok "ASCII only in the C locale"
exit 0
