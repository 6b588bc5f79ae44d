#!/bin/sh
# tests/screen/stream.sh - standard input read as it arrives (tmux):
#  * (cat seed; sleep) into pathak: the first screen shows while the writer
#    is still open, the status line says "reading", F follows the end and
#    shows a line sent later, and q quits at once;
#  * yes नमस्ते | pathak: readable at once, resident memory small while
#    reading ahead, bounded by --max-input after G (which follows to the
#    limit and says so), q quits at once;
#  * an unfinished line over 256 KiB with the writer open is shown, and
#    pathak waits for more without using the CPU;
#  * a file that looks binary gets less's question: n quits, y shows it.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"
first=$(sed -n '/[^ ]/{s/^ *//;s/ *$//;p;q;}' "$T/dump80" | cut -c1-20)

# ---- a slow pipe: the first screen while the writer is open
mkfifo "$T/fifo" || hard_error "mkfifo failed"
( cat "$SEED" "$SEED"; sleep 2; echo LATE-MARKER-LINE; sleep 30 ) >"$T/fifo" &
feeder=$!
tm_start 100 30 "'$PATHAK' $RENDER_OPT <'$T/fifo'"
wait_for "$first" || { kill "$feeder"; fail_screen "first screen not shown while the pipe is open"; }
wait_status "reading" || { kill "$feeder"; fail_screen "the status line does not say reading"; }
ok "first screen shown while the writer is open; status says reading"
grep -q LATE-MARKER-LINE "$T/screen" && { kill "$feeder"; fail_screen "the late line shown before it was sent"; }
keys F
POLL_TRIES=$((200 * TIME_FACTOR)) wait_for LATE-MARKER-LINE || { kill "$feeder"; fail_screen "F did not follow to the line sent later"; }
ok "F follows the end: a line sent later is shown"
t0=$(date +%s)
keys q
POLL_TRIES=$((40 * TIME_FACTOR)) wait_exit || { kill "$feeder"; fail_screen "q did not quit within 2 s while the pipe is open"; }
[ "$EXIT_STATUS" = 0 ] || fail "exit status $EXIT_STATUS after q, want 0"
kill "$feeder" 2>/dev/null
ok "q quits at once while the writer is still open ($(( $(date +%s) - t0 )) s)"

# ---- an endless stream
rss() { # the resident set of the pathak in the pane, in kB
	sed -n 's/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$(cat "$T/pid")/status" 2>/dev/null
}
tm_start 100 30 "yes नमस्ते | sh -c 'echo \$\$ >\"$T/pid\"; exec \"$PATHAK\" $RENDER_OPT --max-input=64M'"
wait_for "नमस्ते" || fail_screen "yes नमस्ते | pathak shows nothing"
sleep 1
r1=$(rss)
[ -n "$r1" ] || fail "cannot read the resident set of pathak"
# under valgrind the resident set is valgrind's: no limits then
[ -n "${PATHAK_WRAPPER:-}" ] || [ "$r1" -lt 40000 ] || fail_screen "resident set ${r1} kB after 1 s of yes (reads ahead without bound?)"
ok "yes नमस्ते | pathak: readable, ${r1} kB resident while reading ahead"
keys G
POLL_TRIES=$((300 * TIME_FACTOR)) wait_for "stopped reading" || fail_screen "G on an endless stream never reached the --max-input limit"
r2=$(rss)
[ -n "${PATHAK_WRAPPER:-}" ] || [ "$r2" -lt 400000 ] || fail "resident set ${r2} kB at a 64 MB limit"
ok "G follows to the 64 MB limit and says so; ${r2} kB resident"
keys q
POLL_TRIES=$((40 * TIME_FACTOR)) wait_exit || fail_screen "q did not quit within 2 s on yes | pathak"
ok "q quits at once on an endless stream"

# ---- an unfinished line over 256 KiB, the writer still open: it is shown,
# and pathak sleeps until more arrives (the index once tried again and again
# to finish the line, at full CPU)
python3 -c 'import sys; sys.stdout.write("x" * 300000)' >"$T/long" || hard_error "python3 failed"
rm -f "$T/pid"
mkfifo "$T/fifo2" || hard_error "mkfifo failed"
sh -c 'cat "$1"; exec sleep 60' sh "$T/long" >"$T/fifo2" &
feeder=$!
tm_start 100 30 "sh -c 'echo \$\$ >\"$T/pid\"; exec \"$PATHAK\" $RENDER_OPT' <'$T/fifo2'"
wait_for "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" || { kill "$feeder"; fail_screen "the unfinished long line is not shown"; }
wait_status "reading" || { kill "$feeder"; fail_screen "the status line does not say reading"; }
cpu() { # user + system clock ticks of the pathak in the pane
	sed 's/.*) //' "/proc/$(cat "$T/pid")/stat" | awk '{ print $12 + $13 }'
}
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
sleep 1
c0=$(cpu)
sleep 2
c1=$(cpu)
[ -n "$c0" ] && [ -n "$c1" ] || { kill "$feeder"; fail "cannot read the CPU time of pathak"; }
# 2 s of waiting: allow a tenth of it (a spinning pathak took all it got)
[ $((c1 - c0)) -le $((hz / 5)) ] || { kill "$feeder"
	fail_screen "pathak used $((c1 - c0)) of $((2 * hz)) clock ticks waiting for the rest of a long line"; }
keys q
wait_exit || { kill "$feeder"; fail_screen "q did not quit on the unfinished line"; }
kill "$feeder" 2>/dev/null
ok "an unfinished 300000-byte line: shown; $((c1 - c0)) clock ticks in 2 s of waiting"

# ---- the binary question
printf '\177ELF\002\001\001\000\000\000\000\000binary text\n' >"$T/bin"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/bin'"
wait_for "may be a binary file.  See it anyway? (y/n)" || fail_screen "no binary question"
keys n
wait_exit || fail_screen "n did not quit"
[ "$EXIT_STATUS" = 0 ] || fail "exit status $EXIT_STATUS after n, want 0"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/bin'"
wait_for "See it anyway" || fail_screen "no binary question"
keys y
wait_for "binary text" || fail_screen "y did not show the file"
keys q
wait_exit || fail_screen "q did not quit"
tm_start 100 30 "'$PATHAK' $RENDER_OPT --binary '$T/bin'"
wait_for "binary text" || fail_screen "--binary did not show the file at once"
keys q
wait_exit || fail_screen "q did not quit"
ok "binary file: less's question, n quits, y and --binary show it"
finish
