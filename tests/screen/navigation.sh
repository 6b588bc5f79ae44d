#!/bin/sh
# tests/screen/navigation.sh - ] and [ follow the screen, jumps never pass
# the end, and what the status line says (tmux, the seed at 100x30 unless
# said; rows compared with `pathak --dump --width 80`):
#  * ] G [: after ] (quotation 1) and G, quotation 1 is off screen and no
#    longer current: [ takes the last quotation on screen (10/10), not
#    "no more quotations above"; the screen does not move (it is visible);
#  * from the top, 10] steps to quotation 10, near the end: the jump is
#    clamped, the last screen is full (the last dump line on the last text
#    row), the status says END;
#  * a scroll that leaves the current quotation on screen keeps it: 3] then
#    j then ] goes to quotation 4, and [ [ back to 2;
#  * an empty file: the status line says "empty", no ¶ n/0; = says empty
#    and 0 bytes;
#  * a long title is cut with … in the status line, by display width and
#    never inside a cluster: a title of 60 "कि" (no break opportunity) at
#    40 columns ends in whole कि clusters and …, within 40 columns.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump --width 80 failed"
N=$(wc -l <"$T/dump80")
LASTTOP=$((N - 28))

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak does not show the seed"
keys ']'
wait_status 'quote 1/10' || fail_screen "] does not go to quotation 1"
keys G
wait_status 'END' || fail_screen "G does not show the end"
grep -F -q 'quote 1/10' "$T/status" && fail_screen "after G quotation 1 (off screen) is still current"
keys '['
wait_status 'quote 10/10: किम जोंग उन' || fail_screen "] G [ does not take the last quotation on screen"
wait_dump_top "$T/dump80" "$LASTTOP" || fail_screen "[ moved the screen to a quotation already on it"
keys '['
wait_status 'quote 9/10' || fail_screen "[ after [ does not step back from the current quotation"
ok "] G [ takes the last quotation on screen"

keys g 1 0 ']'
wait_status 'quote 10/10' || fail_screen "10] from the top does not reach quotation 10"
wait_dump_top "$T/dump80" "$LASTTOP" || fail_screen "the jump to quotation 10 is not clamped to a full last screen"
sed -n 29p "$T/screen" | grep -F -q -- "$(sed -n '$p' "$T/dump80" | sed 's/^ *//;s/ *$//')" ||
	fail_screen "after the jump the last line is not on the last text row"
wait_status 'END' || fail_screen "after the jump the status line does not say END"
ok "a jump near the end keeps the last screen full"

# (quotations 1 and 2 are in the title's first line, 3 in paragraph 7)
keys g 3 ']'
wait_status 'quote 3/10' || fail_screen "g 3] does not go to quotation 3"
wait_dump_top "$T/dump80" 1 || fail_screen "3] moved the screen to a quotation already on it"
keys j ']'
wait_status 'quote 4/10' || fail_screen "j ] does not go on from quotation 3 (still on screen)"
# [ [ steps back from 4 through 3 to 2 (which j took off screen: it is
# brought back)
keys '[' '['
wait_status 'quote 2/10' || fail_screen "[ [ from quotation 4 does not reach 2"
ok "a quotation still on screen stays current"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1

# An empty file.
: >"$T/empty.txt"
tm_start 60 10 "'$PATHAK' $RENDER_OPT '$T/empty.txt'"
wait_status 'empty' || fail_screen "an empty file does not say empty"
grep -q '/0' "$T/status" && fail_screen "an empty file shows a position out of 0"
keys G j =
wait_status '0 bytes' || fail_screen "= on an empty file does not say 0 bytes"
grep -F -q 'empty' "$T/status" || fail_screen "= on an empty file does not say empty"
alive || fail_screen "pathak exited on an empty file"
keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
ok "an empty file says empty"

# A long title with no break opportunity.
python3 - "$T/long.txt" <<'PYEOF'
import sys
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('कि' * 60 + '\n' + 'पहला अनुच्छेद है।\n' + 'दूसरा अनुच्छेद है।\n')
PYEOF
tm_start 40 10 "'$PATHAK' $RENDER_OPT '$T/long.txt'"
wait_for 'अनुच्छेद' || fail_screen "the long-title file is not shown"
wait_status '…' || fail_screen "a long title is not cut with …"
python3 - "$T/status" <<'PYEOF' || fail_screen "the cut title splits a cluster or is too wide"
import sys, unicodedata
s = open(sys.argv[1], encoding='utf-8').read().rstrip('\n').rstrip()
def w(t):
    return sum(0 if unicodedata.category(c) in ('Mn', 'Me', 'Cf') else 1 for c in t)
i = s.find('कि')
j = s.find('…')
if i < 0 or j < i or j != len(s) - 1:
    sys.exit('no title ending in …: %r' % s)
t = s[i:j]
if not t or t != 'कि' * (len(t) // 2):
    sys.exit('the title before … is not whole clusters: %r' % t)
if w(s) > 40:
    sys.exit('the status line is %d columns wide' % w(s))
PYEOF
ok "a long title is cut with … between clusters"
finish
