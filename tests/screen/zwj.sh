#!/bin/sh
# tests/screen/zwj.sh - a grapheme cluster that ends in ZWJ (x + U+200D, or
# a virama + ZWJ before a letter ICU does not join to it) is drawn where the
# layout measured it (issue 10, item 7).  tmux is the reference terminal:
# it joins the character after a ZWJ into the ZWJ's cell, so a ZWJ sent
# last in a cell pulled the next cell's character in, and the rest of the
# row (and the status line drawn after it) drifted left.  Checked in tmux,
# 60x12, every rendering mode but the romanized ones: the rows are exactly
# the `--dump --width 60` lines, and the status line shows its position at
# its right edge.
. "$top_srcdir/tests/lib.sh"
need_tmux

{
	printf 'T\n\nx\342\200\215\n\n'
	printf 'ab\342\200\215cd |END1\n\n'
	printf 'x\342\200\215 y\342\200\215 z\342\200\215 |END2\n\n'
	printf '\342\200\215lead |END3\n\n'
	printf 'क\340\245\215\342\200\215 ख\340\245\215\342\200\215 |END4\n\n'
	printf 'राज्\342\200\215य रिश्\342\200\215ता |END5\n'
} >"$T/zwj.txt"

for mode in shaped reorder halant reorder+halant; do
	# a ZWJ takes no cell: tmux's capture does not show one
	"$PATHAK" --dump --width 60 --render="$mode" "$T/zwj.txt" >"$T/dump60.z" ||
		fail "pathak --dump exits $?"
	sed "s/$(printf '\342\200\215')//g" "$T/dump60.z" >"$T/dump60"
	tm_start 60 14 "'$PATHAK' --render=$mode '$T/zwj.txt'"
	wait_for "END5" || fail_screen "$mode: the last line is not shown"
	# the status line may come a moment after the text (valgrind is slow)
	wait_line 14 "¶" || fail_screen "$mode: no status line"
	sed "s/$(printf '\342\200\215')//g" "$T/screen" >"$T/screen.z" && mv "$T/screen.z" "$T/screen"
	k=$(dump_index "$T/dump60" "$T/screen") ||
		fail_screen "$mode: the rows are not the --dump --width 60 lines (drift after a ZWJ)"
	[ "$k" = 1 ] || fail_screen "$mode: the text does not start at its first line"
	for m in END1 END2 END3 END4 END5; do
		grep -q "|$m *\$" "$T/screen" || fail_screen "$mode: the row ending in $m moved"
	done
	# the status line: the position is drawn at column 1 and must stay there
	sed -n 14p "$T/screen" | grep -q '^ *[0-9]*%' ||
		fail_screen "$mode: the status line is garbled"
	keys q
	wait_exit || fail_screen "$mode: q did not quit"
	tm kill-server >/dev/null 2>&1
	ok "$mode: rows after ZWJ-ending clusters stay in place"
done
exit 0
