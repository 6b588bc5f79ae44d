#!/bin/sh
# tests/screen/keys.sh - the keys a less user presses (tmux, 100x30, the
# seed; the article rows are compared with `pathak --dump --width 80`):
#  * counts: 5j moves 5 lines, 5k back; 20G puts dump line 20 on top, g
#    line 1; 60G (near the end) clamps: the last screen is full (dump line
#    38 on top, the last line on the last text row, END); 50% goes to the
#    middle (the status line says 45-50%, the percent of the top line);
#  * Ctrl-N/Ctrl-P, Ctrl-E/Ctrl-Y one line, Ctrl-F/Ctrl-B a page (28),
#    Ctrl-D/Ctrl-U half a page (14);
#  * = shows the file name, the lines on screen and the size in bytes; a
#    long file name loses its start ("…/and-a-third/seed.txt"), not the size;
#  * " opens the list of quotations; Esc closes it;
#  * x says "x: no such key (press h for help)" and does nothing else; a
#    count being typed shows in the status line;
#  * h at 100x30 shows the whole help and any key closes it; in 80x12 the
#    help scrolls (its last row says "help 1-11/N"), G shows its last line,
#    and a key that does not scroll closes it;
#  * q, Q, ZZ and :q each quit with status 0; Z then x does not quit.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump --width 80 failed"
N=$(wc -l <"$T/dump80")
LASTTOP=$((N - 28))   # 29 text rows
SIZE=$(wc -c <"$SEED" | tr -d ' ')

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak does not show the seed from its first line"

keys 5 j
wait_dump_top "$T/dump80" 6 || fail_screen "5j did not move 5 lines"
keys 5 k
wait_dump_top "$T/dump80" 1 || fail_screen "5k did not move back 5 lines"
ok "5j and 5k"

keys C-n
wait_dump_top "$T/dump80" 2 || fail_screen "Ctrl-N did not move a line down"
keys C-p
wait_dump_top "$T/dump80" 1 || fail_screen "Ctrl-P did not move a line up"
keys C-e
wait_dump_top "$T/dump80" 2 || fail_screen "Ctrl-E did not move a line down"
keys C-y
wait_dump_top "$T/dump80" 1 || fail_screen "Ctrl-Y did not move a line up"
keys C-f
wait_dump_top "$T/dump80" 29 || fail_screen "Ctrl-F did not move a page (28 lines)"
keys C-b
wait_dump_top "$T/dump80" 1 || fail_screen "Ctrl-B did not move a page back"
keys C-d
wait_dump_top "$T/dump80" 15 || fail_screen "Ctrl-D did not move half a page (14 lines)"
keys C-u
wait_dump_top "$T/dump80" 1 || fail_screen "Ctrl-U did not move half a page back"
ok "Ctrl-N/P, Ctrl-E/Y, Ctrl-F/B, Ctrl-D/U"

keys 2 0 G
wait_dump_top "$T/dump80" 20 || fail_screen "20G did not put line 20 on top"
keys g
wait_dump_top "$T/dump80" 1 || fail_screen "g did not go back to line 1"
keys 6 0 G
wait_dump_top "$T/dump80" "$LASTTOP" || fail_screen "60G (near the end) is not clamped to a full last screen"
sed -n 29p "$T/screen" | grep -F -q -- "$(sed -n '$p' "$T/dump80" | sed 's/^ *//;s/ *$//')" ||
	fail_screen "after 60G the last line is not on the last text row"
wait_status 'END' || fail_screen "after 60G the status line does not say END"
keys g 1 G
wait_dump_top "$T/dump80" 1 || fail_screen "1G did not go to line 1"
ok "20G, 60G clamped at the end, 1G"

keys 5 0 %
_i=0
while :; do
	screen >"$T/screen"
	pct=$(tail -n 1 "$T/screen" | sed -n 's/^ *\([0-9]*\)%.*/\1/p')
	[ -n "$pct" ] && [ "$pct" -ge 45 ] && [ "$pct" -le 50 ] && break
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || fail_screen "50% does not show 45-50% (the top line's percent)"
	_nap
done
dump_index "$T/dump80" "$T/screen" >/dev/null || fail_screen "after 50% the rows are not the dump lines"
ok "50% goes to the middle ($pct% on top)"

keys g =
wait_status 'seed.txt' || fail_screen "= does not show the file name"
grep -F -q "$SIZE bytes" "$T/status" || fail_screen "= does not show the size ($SIZE bytes)"
grep -F -q "lines 1-29/$N" "$T/status" || fail_screen "= does not show the lines on screen (1-29/$N)"
keys j
wait_gone "$SIZE bytes" || fail_screen "the = message stays after the next key"
keys C-g
wait_status "$SIZE bytes" || fail_screen "Ctrl-G does not show the size"
ok "= and Ctrl-G show name, lines and size"

keys '"'
wait_for 'Quotations: 10 of 10' || fail_screen "\" does not open the list of quotations"
keys Escape
wait_gone 'Quotations:' || fail_screen "Esc does not close the list"
ok "\" opens the quotation list"

keys g
wait_dump_top "$T/dump80" 1 || fail_screen "g"
keys x
wait_status 'x: no such key (press h for help)' || fail_screen "x does not say it is not a key"
wait_dump_top "$T/dump80" 1 || fail_screen "x moved the text"
alive || fail_screen "pathak exited on x"
keys 1 2
wait_status '12' || fail_screen "a count being typed is not shown"
keys Escape j
wait_dump_top "$T/dump80" 2 || fail_screen "Esc did not drop the count 12 (j moved more than a line)"
keys Z x
wait_status 'Zx: no such key' || fail_screen "Z x does not say it is not a key"
alive || fail_screen "Z x quit"
ok "unbound keys say so; Esc drops a count"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS after q, want 0"
tm kill-server >/dev/null 2>&1

# = with a long file name: its start goes, the name and the size stay
LONGDIR=$T/a-directory-with-a-rather-long-name/and-another-one-below-it/and-a-third
mkdir -p "$LONGDIR" && cp "$SEED" "$LONGDIR/seed.txt" || hard_error "cannot copy the seed to $LONGDIR"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$LONGDIR/seed.txt'"
wait_for 'जोंग' || fail_screen "pathak did not start on $LONGDIR/seed.txt"
keys =
wait_status "$SIZE bytes" || fail_screen "= with a long file name does not show the size"
grep -F -q '…/and-a-third/seed.txt' "$T/status" || fail_screen "= does not show the end of a long file name"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
ok "= with a long file name keeps its end and the size"

# the help: whole in 100x30, scrolled in 80x12
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start on the seed"
keys h
wait_for 'pathak - keys' || fail_screen "h does not show the help"
wait_for 'q Q :q :Q ZZ' || fail_screen "the help in 100x30 does not show its last key"
grep -F -q 'help 1-' "$T/screen" && fail_screen "the help in 100x30 scrolls although it fits"
keys j
wait_gone 'pathak - keys' || fail_screen "a key does not close a help that fits"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
tm_start 80 12 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start on the seed in 80x12"
keys h
wait_for 'help 1-11/' || fail_screen "the help in 80x12 does not say it scrolls"
grep -F -q 'q Q :q :Q ZZ' "$T/screen" && fail_screen "the help in 80x12 shows its last key on the first page"
keys G
wait_for 'q Q :q :Q ZZ' || fail_screen "G in the help does not show its end"
keys k
wait_for 'pathak - keys' && fail_screen "k in the help went back to its first line (one line expected)"
keys x
wait_gone 'help ' || fail_screen "x does not close the help"
wait_for 'जोंग' || fail_screen "the text is not back after the help"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
ok "h shows the help; it scrolls when taller than the window"

quits_with Q
quits_with Z Z
quits_with : q
ok "q, Q, ZZ and :q quit with status 0"
