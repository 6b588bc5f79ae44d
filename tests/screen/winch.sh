#!/bin/sh
# tests/screen/winch.sh - a storm of 200 resizes (SIGWINCH) between 40x12
# and 100x30 (issue 10): pathak stays alive and answering, and at the end
# the layout is right for the last size: at 60x20 the rows are exactly the
# lines of `pathak --dump --width 60` from the top, and j moves one line.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

TITLE='किम जोंग उन का कहना है'
"$PATHAK" --dump --width 60 "$SEED" >"$T/dump60" || fail "pathak --dump --width 60 failed"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for "$TITLE" || fail_screen "pathak did not start"
i=0
while [ "$i" -lt 100 ]; do
	tm resize-window -t pk -x 40 -y 12 >/dev/null 2>&1
	tm resize-window -t pk -x 100 -y 30 >/dev/null 2>&1
	i=$((i + 1))
done
alive || fail_screen "pathak died in the resize storm"
tm resize-window -t pk -x 60 -y 20 >/dev/null 2>&1
wait_dump_top "$T/dump60" 1 || fail_screen "after the storm the rows are not the 60-column dump"
keys j
wait_dump_top "$T/dump60" 2 || fail_screen "j after the storm did not move one line"
keys q
wait_exit || fail_screen "q did not quit after the storm"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS"
ok "200 resizes: alive, laid out for 60x20, answering"
finish
