#!/bin/sh
# tests/screen/signals.sh - signals leave the terminal sane (issue 10).
# pathak runs from an interactive shell in tmux, as a user starts it; for
# each fatal signal (INT TERM HUP PIPE USR1 ALRM BUS SEGV) sent with kill -s
# to its pid:
#  * its exit status is the signal's conventional one (128 + n);
#  * the alternate screen is left and the cursor is visible (tmux's
#    #{alternate_on} and #{cursor_flag});
#  * the shell takes the next command at once (Enter ends it: icrnl back)
#    and `stty -a` shows echo, icanon and icrnl on again.
# Also: SIGQUIT (Ctrl-\ and kill -s QUIT) is ignored, as in less; Ctrl-C
# quits with status 130; Ctrl-Z stops it, the terminal is sane, `fg` brings
# it back drawn and answering keys; and when the terminal goes away (its
# tmux server killed, SIGHUP ignored as under nohup) pathak exits 1 with
# one line on stderr.
. "$top_srcdir/tests/lib.sh"
need_tmux

TITLE='किम जोंग उन का कहना है'
# The wrapper the shell runs: pathak's pid in $T/pid, its status in $T/rc.
# The trap keeps the wrapper alive through Ctrl-C and Ctrl-\ (pathak gets their
# default dispositions back on exec).
cat >"$T/w.sh" <<EOS
trap ':' INT QUIT
sh -c 'echo \$\$ >"$T/pid"; exec "\$@"' sh '$PATHAK' $RENDER_OPT "\$@"
echo \$? >"$T/rc.tmp"; mv "$T/rc.tmp" "$T/rc"
EOS

tm_start 100 30 "ENV= PS1='\$ ' exec sh -i"
keys "ulimit -c 0" Enter

# start - run pathak on the seed from the shell; wait for its first screen.
start() {
	rm -f "$T/pid" "$T/rc" "$T/stty" "$T/sttydone"
	keys "clear; sh '$T/w.sh' '$SEED'" Enter
	wait_for "$TITLE" || fail_screen "pathak did not start"
	_i=0
	while [ ! -s "$T/pid" ] && [ "$_i" -lt "$POLL_TRIES" ]; do _nap; _i=$((_i + 1)); done
	PID=$(cat "$T/pid")
}

# wait_rc - poll until pathak has exited; its status in $RC.
wait_rc() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		if [ -f "$T/rc" ]; then
			RC=$(cat "$T/rc")
			return 0
		fi
		_i=$((_i + 1))
		_nap
	done
	return 1
}

# sane WHAT - the terminal is as the shell wants it.
sane() {
	wait_flag '#{alternate_on}' 0 ||
		fail_screen "$1: the alternate screen is still on"
	wait_flag '#{cursor_flag}' 1 ||
		fail_screen "$1: the cursor is hidden"
	rm -f "$T/stty" "$T/sttydone"  # a second call must not read the first's
	keys "stty -a >'$T/stty'; echo >'$T/sttydone'" Enter
	_i=0
	while [ ! -f "$T/sttydone" ] && [ "$_i" -lt "$POLL_TRIES" ]; do _nap; _i=$((_i + 1)); done
	[ -f "$T/sttydone" ] || fail_screen "$1: the shell does not take a command (Enter)"
	for _m in echo icanon icrnl; do
		tr ' ;' '\n\n' <"$T/stty" | grep -q -x -- "$_m" ||
			fail_screen "$1: stty -a does not show $_m: $(cat "$T/stty")"
	done
}

for sig in INT:130 TERM:143 HUP:129 PIPE:141 USR1:138 ALRM:142 BUS:135 SEGV:139; do
	name=${sig%:*} want=${sig#*:}
	start
	kill -s "$name" "$PID" || hard_error "kill -s $name $PID failed"
	wait_rc || fail_screen "SIG$name did not end pathak"
	[ "$RC" = "$want" ] || fail_screen "SIG$name: exit status $RC, want $want"
	sane "SIG$name"
	ok "SIG$name: status $RC, the terminal is sane"
done

# SIGQUIT is ignored (as in less); Ctrl-C quits with 130.
start
keys 'C-\'
kill -s QUIT "$PID"
_nap; _nap
[ -f "$T/rc" ] && fail_screen "SIGQUIT ended pathak (status $(cat "$T/rc"))"
keys j
wait_for "$TITLE" || fail_screen "pathak does not answer after SIGQUIT"
keys C-c
wait_rc || fail_screen "Ctrl-C did not quit"
[ "$RC" = 130 ] || fail_screen "Ctrl-C: exit status $RC, want 130"
sane "Ctrl-C"
ok "SIGQUIT ignored; Ctrl-C quits with 130"

# Ctrl-Z, then fg.
start
keys C-z
wait_gone "$TITLE" || fail_screen "Ctrl-Z did not give the screen back"
wait_flag '#{alternate_on}' 0 || fail_screen "Ctrl-Z: the alternate screen is still on"
sane "Ctrl-Z"
keys fg Enter
wait_for "$TITLE" || fail_screen "fg does not show the article again"
wait_flag '#{alternate_on}' 1 ||
	fail_screen "fg: not back on the alternate screen"
wait_status '%' || fail_screen "fg: no status line"
keys G
wait_status 'END' || fail_screen "G after fg: no END"
keys q
wait_rc || fail_screen "q after fg did not quit"
[ "$RC" = 0 ] || fail_screen "q after fg: exit status $RC"
sane "Ctrl-Z and fg"
ok "Ctrl-Z and fg"
tm kill-server >/dev/null 2>&1

# The terminal goes away under a pathak that ignores SIGHUP.
tm_start 80 24 "trap '' HUP; '$PATHAK' $RENDER_OPT '$SEED' 2>'$T/err'"
wait_for "$TITLE" || fail_screen "pathak did not start"
tm kill-server >/dev/null 2>&1
wait_exit || fail "pathak still runs after its terminal went away"
[ "$EXIT_STATUS" = 1 ] || fail "terminal gone: exit status $EXIT_STATUS, want 1"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q 'terminal' "$T/err" ||
	fail "terminal gone: stderr is not one line about the terminal: $(cat "$T/err")"
ok "the terminal gone: status 1, $(cat "$T/err")"
finish
