#!/bin/sh
# tests/screen/tmux_outer.sh - inside tmux, pathak asks tmux what terminal is
# outside (the formats client_termname and client_termtype, through
# `tmux display-message -p`) and picks a mode on which tmux's wcwidth grid
# and that terminal agree (tmux, 100x30).  The outside terminal is faked: a
# `tmux` earlier on pathak's PATH answers display-message with what a
# client of that terminal would make tmux say, and passes everything else
# to the real tmux.
#  * kitty (client_termtype "kitty(0.26.5)"): --probe names it and says
#    why; the mode is latin, and the reader shows romanized text;
#  * st (client_termname st-256color only): interlinear, as st alone;
#  * VTE, known only by VTE_VERSION inherited from outside: shaped;
#  * nothing known (a detached session): shaped, and --probe says tmux did
#    not say; its check line says it counts positions only, as tmux does.
. "$top_srcdir/tests/lib.sh"
need_tmux

real=$(command -v tmux)
mkdir -p "$T/bin"
cat >"$T/bin/tmux" <<FAKE
#!/bin/sh
if [ "\$1" = display-message ]; then
	printf '%s\t%s\n' "\${FAKE_TERMNAME:-}" "\${FAKE_TERMTYPE:-}"
	exit 0
fi
exec "$real" "\$@"
FAKE
chmod +x "$T/bin/tmux"

# probe ENV... - run --probe in tmux with the fake on PATH; the screen in $T/probe
probe() {
	tm kill-server >/dev/null 2>&1
	# (once the window has its size, and below a few blank rows: tmux
	# sometimes scrolls the first row off when the detached window is
	# resized, which would take the terminal: line with it)
	tm_start 100 30 "while [ \"\$(stty size)\" != '30 100' ]; do sleep 0.05; done; printf '\n\n\n';" \
		"env PATH='$T/bin':\"\$PATH\" $* '$PATHAK' --probe"
	wait_exit || fail_screen "--probe did not finish ($*)"
	screen >"$T/probe"
	[ "$EXIT_STATUS" = 0 ] || fail_screen "--probe exit status $EXIT_STATUS ($*)"
}

probe FAKE_TERMNAME=xterm-kitty "FAKE_TERMTYPE='kitty(0.26.5)'"
grep -q "terminal: *tmux, inside kitty (tmux's client_termtype" "$T/probe" ||
	fail_screen "tmux in kitty: --probe does not name kitty"
grep -q "render mode: *latin (tmux: tmux lays out by wcwidth, the terminal outside by cluster" "$T/probe" ||
	fail_screen "tmux in kitty: not latin, or no reason given"
grep -q "as tmux counts them: the terminal outside is not asked" "$T/probe" ||
	fail_screen "tmux in kitty: the check claims more than positions tmux counts"
ok "tmux in kitty: --probe names it, latin, and says why"

tm kill-server >/dev/null 2>&1
tm_start 100 30 "env PATH='$T/bin':\"\$PATH\" FAKE_TERMNAME=xterm-kitty FAKE_TERMTYPE='kitty(0.26.5)' '$PATHAK' '$SEED'"
wait_for 'masko, rus' || fail_screen "tmux in kitty: the reader does not show romanized text"
if LC_ALL=C grep -q "$(printf '\340\244')" "$T/screen"; then
	fail_screen "tmux in kitty: Devanagari on screen in latin mode"
fi
keys q
wait_exit || fail_screen "q did not quit"
ok "tmux in kitty: the reader opens romanized"

probe FAKE_TERMNAME=st-256color
grep -q "terminal: *tmux, inside st (tmux's client_termname" "$T/probe" ||
	fail_screen "tmux in st: --probe does not name st"
grep -q "render mode: *interlinear (st: drops vowel signs" "$T/probe" || fail_screen "tmux in st: not interlinear"
ok "tmux in st: interlinear, as st alone"

probe VTE_VERSION=7006
grep -q "terminal: *tmux, inside VTE (variables from outside tmux" "$T/probe" ||
	fail_screen "tmux in VTE: --probe does not name VTE"
grep -q "render mode: *shaped" "$T/probe" || fail_screen "tmux in VTE: not shaped"
ok "tmux in VTE (by its variable): shaped"

probe
grep -q "terminal: *tmux, inside unknown (tmux did not say" "$T/probe" ||
	fail_screen "tmux, nothing known: --probe does not say so"
grep -q "render mode: *shaped" "$T/probe" || fail_screen "tmux, nothing known: not shaped"
ok "tmux with no outside terminal known: shaped, and --probe says tmux did not say"
finish
