#!/bin/sh
# tests/screen/resume.sh - memory of where the reader was, and marks (tmux,
# the seed at 100x30; rows compared with `pathak --dump --width 80`):
#  * 15j m a G '' comes back to the marked line, '' again to the end;
#  * r (the render mode) and q, then reopening: the status line says
#    "back where you left off", the same line is on top, the mode chosen is
#    back (ि drawn before its consonant, as reorder draws it), '' goes to
#    the start, 'a to the mark;
#  * the places file has one line, no temporary file is left;
#  * a copy of the article under another name resumes too (the key is a hash
#    of its bytes); the article with one more line opens at the top;
#  * --no-resume opens at the top; +/WORD opens at the match;
#  * 'b (not set) says so; '' before any jump says so.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python
KEEP_PLACES=1

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"
# 15j from the top: dump line 16
MARK=16
N=$(wc -l <"$T/dump80")
LASTTOP=$((N - 28))

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak does not show the seed"
keys "'" "'"
wait_status "no jump to go back from" || fail_screen "'' before a jump does not say so"
keys 1 5 j
wait_dump_top "$T/dump80" "$MARK" || fail_screen "15j does not scroll 15 lines"
keys m a
wait_status 'mark a set' || fail_screen "m a does not say the mark is set"
keys G
wait_dump_top "$T/dump80" "$LASTTOP" || fail_screen "G does not go to the end"
keys "'" "'"
wait_dump_top "$T/dump80" "$MARK" || fail_screen "'' after G does not come back to where G left"
keys "'" "'"
wait_dump_top "$T/dump80" "$LASTTOP" || fail_screen "'' '' does not go back to the end"
keys "'" b
wait_status 'mark b is not set' || fail_screen "'b (never set) does not say so"
keys "'" a
wait_dump_top "$T/dump80" "$MARK" || fail_screen "'a does not go to mark a"
ok "marks and '' in one run"

keys r
wait_status 'reorder' || fail_screen "r does not go to reorder"
keys q
wait_exit || fail_screen "q did not quit"
[ "$(grep -c -v '^#' "$XDG_STATE_HOME/pathak/places")" = 1 ] ||
	fail "the places file does not hold one article: $(cat "$XDG_STATE_HOME/pathak/places")"
ls "$XDG_STATE_HOME/pathak" | grep -q tmp && fail "a temporary places file is left"

# Again, without --render: the mode is the one r chose
tm_start 100 30 "'$PATHAK' '$SEED'"
wait_status 'back where you left off' || fail_screen "reopening does not say it resumed"
# reorder draws कि as िक: compare with a dump in that mode
"$PATHAK" --dump --width 80 --render=reorder "$SEED" >"$T/dumpr" || fail "dump --render=reorder failed"
wait_dump_top "$T/dumpr" "$MARK" || fail_screen "reopening does not show the line left on top, in reorder mode"
keys "'" "'"
wait_dump_top "$T/dumpr" 1 || fail_screen "'' after resuming does not go to the start"
keys "'" a
wait_dump_top "$T/dumpr" "$MARK" || fail_screen "mark a was not remembered"
keys r
wait_status 'halant' || fail_screen "r after resuming reorder does not go on to halant"
keys q
wait_exit || fail_screen "q did not quit"
ok "reopening resumes the place, the mode and the marks"

# the key is the content: a copy resumes, an edited article does not
cp "$SEED" "$T/copy.txt"
tm_start 100 30 "'$PATHAK' --render=shaped '$T/copy.txt'"
wait_dump_top "$T/dump80" "$MARK" || fail_screen "a copy of the article does not resume"
keys q
wait_exit || fail_screen "q did not quit"
{ cat "$SEED"; printf '\nएक और पंक्ति।\n'; } >"$T/edited.txt"
tm_start 100 30 "'$PATHAK' --render=shaped '$T/edited.txt'"
wait_dump_top "$T/dump80" 1 || fail_screen "an edited article does not open at the top"
keys q
wait_exit || fail_screen "q did not quit"
ok "a copy resumes, an edited article starts afresh"

tm_start 100 30 "'$PATHAK' --render=shaped --no-resume '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "--no-resume does not open at the top"
grep -q 'back where' "$T/screen" && fail_screen "--no-resume still says it resumed"
keys q
wait_exit || fail_screen "q did not quit"
# --no-resume leaves the place as it was (the seed's line 16)
tm_start 100 30 "'$PATHAK' --render=shaped '$SEED'"
wait_dump_top "$T/dump80" "$MARK" || fail_screen "--no-resume forgot or moved the place"
keys q
wait_exit || fail_screen "q did not quit"
tm_start 100 30 "'$PATHAK' --render=shaped '+/प्योंगयांग' '$SEED'"
wait_status '[1/' || fail_screen "+/WORD with a place does not search"
grep -q 'back where' "$T/status" && fail_screen "+/WORD resumed instead of searching"
keys q
wait_exit || fail_screen "q did not quit"
ok "--no-resume and +/WORD open where they say"
finish
