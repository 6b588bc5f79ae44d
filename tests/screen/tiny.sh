#!/bin/sh
# tests/screen/tiny.sh - pathak survives absurdly small terminals (tmux):
#  * started in a 1x1 window, it stays alive through every key (j k Space b
#    d u G g ? and a key to close the help, Ctrl-L), and q exits 0;
#  * the same in 1-row and 1-column windows (80x1, 1x24) and 2x2; the keys
#    include the quote keys and list ("), and r through every render mode;
#  * started at 1x1 and then given 100x30, the rows are the dump's (the
#    start-up probe, unable to measure in one column, must not guess);
#  * a 100x30 window shrunk to 1x1, 3x2, 1x24, 80x1 while reading, then
#    back to 100x30: still alive and showing the article rows as
#    `--dump --width 80` lays them out, and q exits 0.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump --width 80 failed"

# all_keys WHAT - send every command key, checking pathak lives after each.
all_keys() {
	for k in j j k Space b d u G g h x C-l Space G h h j / x Left BSpace Escape ']' '[' '"' x Tab Down Escape r r r r r r q; do
		[ "$k" = q ] && break
		keys "$k"
		# let pathak process it: wait until the key was read and pathak
		# is idle, then make sure it did not exit meanwhile
		settle || fail_screen "$1: pathak did not settle after key $k"
		alive || fail_screen "$1: pathak exited (status: $(cat "$T/exit" 2>/dev/null)) after key $k"
	done
}

for size in 1x1 2x2 80x1 1x24; do
	w=${size%x*} h=${size#*x}
	tm_start "$w" "$h" "'$PATHAK' $RENDER_OPT '$SEED'"
	# There is too little room to look for text; wait until curses has
	# switched to the alternate screen (TERM=screen has smcup) or the
	# program has exited.
	_i=0
	until [ "$(tm display-message -p -t pk '#{alternate_on}')" = 1 ] || [ -f "$T/exit" ]; do
		_i=$((_i + 1))
		[ "$_i" -lt "$POLL_TRIES" ] || break
		_nap
	done
	alive || fail_screen "${size}: pathak exited at start (status: $(cat "$T/exit" 2>/dev/null))"
	all_keys "$size"
	if [ "$size" = 1x1 ]; then
		# started that small, then given room: the layout is right (the
		# start-up probe cannot measure in one column and must not guess)
		tm resize-window -t pk -x 100 -y 30 || hard_error "tmux resize-window failed"
		keys g
		_i=0
		until screen >"$T/screen" && dump_index "$T/dump80" "$T/screen" >/dev/null 2>"$T/why"; do
			_i=$((_i + 1))
			[ "$_i" -lt "$POLL_TRIES" ] || { cat "$T/why" >&2; fail_screen "started at 1x1, at 100x30 the rows are not the dump lines"; }
			_nap
		done
	fi
	keys q
	wait_exit || fail_screen "${size}: q did not quit"
	[ "$EXIT_STATUS" = 0 ] || fail_screen "${size}: exit status $EXIT_STATUS after q, want 0"
	ok "$size window: alive through all keys, q exits 0"
done

# Shrinking while reading, then back.
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'किम जोंग उन' || fail_screen "the seed is not shown at 100x30"
keys Space
for size in 1x1 3x2 1x24 80x1 1x1; do
	tm resize-window -t pk -x "${size%x*}" -y "${size#*x}" || hard_error "tmux resize-window failed"
	keys j
	settle || fail_screen "pathak did not settle at $size"
	alive || fail_screen "pathak exited when resized to $size (status: $(cat "$T/exit" 2>/dev/null))"
	keys G h x g / x Escape
	settle || fail_screen "pathak did not settle after keys at $size"
	alive || fail_screen "pathak exited after keys at $size (status: $(cat "$T/exit" 2>/dev/null))"
done
tm resize-window -t pk -x 100 -y 30 || hard_error "tmux resize-window failed"
keys j
_i=0
until dump_index "$T/dump80" "$T/screen" >/dev/null 2>"$T/why"; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || { cat "$T/why" >&2; fail_screen "back at 100x30 the rows are not the dump lines"; }
	_nap
	screen >"$T/screen"
done
alive || fail_screen "pathak exited after the resizes"
keys q
wait_exit || fail_screen "q did not quit after the resizes"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS after q, want 0"
ok "resized down to 1x1 and back: alive, article shown, q exits 0"
exit 0
