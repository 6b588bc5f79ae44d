#!/bin/sh
# tests/screen/image.sh - render mode image (issue 11):
#  * inside tmux (which passes no picture through) --render=image falls
#    back to the text mode and says why on the status line, and `r` never
#    reaches image: seven presses name six modes, none of them image;
#  * --dump --render=image prints what --dump --render=shaped does (the
#    dump never draws pictures);
#  * in a terminal that draws pictures, played by tests/screen/image.py
#    (kitty graphics and sixel), the rows go as pictures and only what
#    changed is sent (see there).
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 --render=image "$SEED" >"$T/dump-image" || fail "--dump --render=image failed"
"$PATHAK" --dump --width 80 --render=shaped "$SEED" >"$T/dump-shaped" || fail "--dump --render=shaped failed"
cmp -s "$T/dump-image" "$T/dump-shaped" || fail "--dump --render=image differs from shaped"

tm_start 100 30 "'$PATHAK' --render=image '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start"
wait_status "image mode: the terminal draws no pictures" ||
	fail_screen "--render=image in tmux: no reason on the status line"
grep -F -q "instead" "$T/status" || fail_screen "--render=image in tmux: the mode used is not named"
seen=""
for i in 1 2 3 4 5 6 7; do
	keys r
	settle || :
	_nap
	st=$(screen | tail -n 1)
	case $st in
	*image*) fail_screen "r reached image mode inside tmux (press $i)" ;;
	esac
	seen="$seen|$st"
done
for m in reorder halant latin interlinear shaped; do
	case $seen in
	*"$m"*) ;;
	*) fail_screen "r did not name $m in seven presses" ;;
	esac
done
keys q
wait_exit || fail_screen "q did not quit"

TIME_FACTOR=${TIME_FACTOR:-1} python3 "$top_srcdir/tests/screen/image.py" "$PATHAK" "$SEED" "$T"
rc=$?
[ "$rc" = 77 ] && skip "no pictures here (built without HarfBuzz, or no Devanagari font)"
[ "$rc" = 0 ] || fail "image mode in a terminal with pictures (image.py)"
finish
