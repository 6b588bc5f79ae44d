#!/bin/sh
# tests/screen/controls.sh - an article full of terminal control sequences
# cannot drive the terminal it is read in (tmux, 100x30):
#  * ESC [2J (clear screen), ESC c (reset), ESC ]52;c;... BEL (clipboard
#    write), ESC ]2;... BEL (window title), C1 controls as UTF-8 (U+009B CSI,
#    U+009D OSC, U+0085 NEL), NUL, DEL, BEL and invalid bytes, in the body
#    and in the title;
#  * the screen is not cleared: the text before and after every sequence
#    is visible, the article rows are exactly the `--dump --width 80` lines
#    (which dump.sh checks for visible control symbols), ␛ is shown for ESC,
#    also in the status line (which draws the title by its own code path);
#  * no clipboard write reaches tmux (no paste buffer) and the pane title is
#    unchanged; a positive control first shows that tmux in this setup does
#    record both when the raw bytes reach it;
#  * the same after scrolling to the end and back, and q exits 0.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

ESC=$(printf '\033')
BEL=$(printf '\007')
{
	printf 'नियंत्रण शीर्षक \033[2J शीर्ष \033]2;TITLEPWN\007 समाप्त\n'
	printf 'START-MARK पहली पंक्ति\n'
	printf 'clear: पहले \033[2J बाद\n'
	printf 'reset: पहले \033c बाद\n'
	printf 'clip: पहले \033]52;c;cHduZWQ=\007 बाद\n'
	printf 'title: पहले \033]2;BODYPWN\007 बाद\n'
	printf 'c1csi: पहले \302\2332J बाद\n'
	printf 'c1osc: पहले \302\23552;c;cHduZWQ=\302\234 बाद\n'
	printf 'c1nel: पहले \302\205 बाद\n'
	printf 'nul: पहले \000 बाद\n'
	printf 'del: पहले \177 बाद\n'
	printf 'bel: पहले \007 बाद\n'
	printf 'bad: पहले \377\376\300\200 बाद\n'
	printf 'hide: पहले \033[8m छिपा \033[0m बाद\n'
	printf 'END-MARK अंतिम पंक्ति\n'
} >"$T/ctl.txt"
"$PATHAK" --dump --binary --width 80 "$T/ctl.txt" >"$T/dump80" || fail "pathak --dump of the control article exits $?"
grep -q "$ESC" "$T/dump80" && fail "the dump contains a raw ESC (see dump.sh)"
grep -q "$BEL" "$T/dump80" && fail "the dump contains a raw BEL (see dump.sh)"

# Positive control: raw bytes through this tmux do set a buffer and a title.
tm_start 100 30 "printf 'raw \\033]52;c;cHduZWQ=\\007\\033]2;RAWTITLE\\007 done\\n'; sleep 30"
wait_for "raw  done" || wait_for "raw done" || fail_screen "positive control: printf did not run"
_i=0
until [ "$(tm display-message -p -t pk '#{pane_title}')" = RAWTITLE ] && tm list-buffers | grep -q pwned; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || skip "this tmux does not record OSC 52/OSC 2 from a pane; the check would prove nothing"
	_nap
done
tm kill-server >/dev/null 2>&1

tm_start 100 30 "'$PATHAK' $RENDER_OPT --binary '$T/ctl.txt'"
title0=$(tm display-message -p -t pk '#{pane_title}')
wait_for "END-MARK" || fail_screen "the end of the article is not shown (was the screen cleared?)"
wait_for "START-MARK" || fail_screen "the start of the article is not shown (was the screen cleared?)"
k=$(dump_index "$T/dump80" "$T/screen") || fail_screen "the article rows are not the --dump --width 80 lines"
[ "$k" = 1 ] || fail_screen "the article does not start at its first line"
for label in clear reset clip title c1csi c1osc c1nel nul del bel bad hide; do
	grep -q "^ *$label: पहले .* बाद *\$" "$T/screen" ||
		fail_screen "the line '$label: पहले ... बाद' is not shown whole"
done
grep -F -q '␛' "$T/screen" || fail_screen "no ␛ symbol on screen for ESC"
grep -F -q '␛[2J' "$T/screen" || fail_screen "ESC [2J is not shown as ␛[2J"
grep -F -q 'छिपा' "$T/screen" || fail_screen "text after ESC [8m is not visible"
sed -n 30p "$T/screen" | grep -F -q '␛' || fail_screen "the status line does not show the title's ESC as ␛"
sed -n 30p "$T/screen" | grep -F -q 'नियंत्रण शीर्षक' || fail_screen "the status line does not show the title"
ok "control sequences are shown as symbols, the screen is intact"

keys G
_i=0
until grep -q END-MARK "$T/screen" && dump_index "$T/dump80" "$T/screen" >/dev/null 2>&1; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || fail_screen "after G the rows are not the dump lines"
	_nap
	screen >"$T/screen"
done
keys C-l g
wait_for "START-MARK" || fail_screen "after G, Ctrl-L, g the start is not shown"
wait_for "END-MARK" || fail_screen "after G, Ctrl-L, g the end is not shown"
dump_index "$T/dump80" "$T/screen" >/dev/null || fail_screen "after G, Ctrl-L, g the rows are not the dump lines"

tm list-buffers >"$T/buffers" 2>/dev/null
[ -s "$T/buffers" ] && fail "a clipboard write reached the terminal: $(cat "$T/buffers")"
title1=$(tm display-message -p -t pk '#{pane_title}')
[ "$title1" = "$title0" ] || fail "the pane title changed from '$title0' to '$title1'"
case $title1 in *PWN*) fail "the pane title was set by the article: $title1" ;; esac
ok "no clipboard write, no title change"

keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS after q, want 0"
tm list-buffers >"$T/buffers" 2>/dev/null
[ -s "$T/buffers" ] && fail "a clipboard write reached the terminal: $(cat "$T/buffers")"
ok "q exits 0"
exit 0
