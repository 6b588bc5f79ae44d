#!/bin/sh
# tests/screen/entities.sh - the entity pane on the seed (tmux, 100x30):
#  * e opens it: व्लादिमीर पुतिन and किम जोंग उन under PER, रूस under LOC, with
#    their mention counts; the text column narrows beside it;
#  * typing पुतिन filters it to व्लादिमीर पुतिन; Enter highlights its mentions
#    and says "mention 1/N of व्लादिमीर पुतिन"; n steps to mention 2/N (the
#    highlighted mention moves), n to the last scrolls the text; N goes
#    back; n past the last says there are no more;
#  * Tab gives the text the focus; ] and [ step through that person's
#    quotations only ("quote 1/M of");
#  * Esc forgets the entity: n then says none is selected;
#  * in latin mode (r) a Latin filter (putin) finds the romanized name;
#  * the pane edge stays in one column on every row, at 100x30, after a
#    resize to 70x20 and back, and with --advance=cluster;
#  * at 50 columns the pane steps aside (a resize hides it, e says why);
#  * --pane opens it at start;
#  * without a model ($PATHAK_NER_MODEL missing) the pane says so;
#  * NO_COLOR: no colour escapes; the mention is underlined or reversed;
#  * on a 12 MB file the pane opens at once saying it is finding them, and
#    j and q are answered meanwhile.
# The list comes from the entity layer (the model), not from this test.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

SEED="$top_srcdir/assets/articles/seed.txt"
PUTIN='व्लादिमीर पुतिन'
KIM='किम जोंग उन'

# pane_text - the pane's part of the screen (right of the edge), to $T/pane
pane_text() {
	screen | sed -n 's/^[^│]*│//p' >"$T/pane"
}

# edge_check WHAT - every row but the status line has the edge in one
# column (cells counted as wcwidth counts them); at least MIN rows have it.
edge_check() {
	screen >"$T/edge"
	python3 - "$T/edge" "${2:-0}" <<'PYEOF' || fail_screen "$1: the pane edge is not straight"
import sys, unicodedata
def cw(ch):
    o = ord(ch)
    if 0x200B <= o <= 0x200F or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
if rows and rows[-1] == '':
    rows.pop()
rows = rows[:-1]   # the status line
cols, missing = set(), 0
for r in rows:
    k = r.find('\u2502')
    if k < 0:
        missing += 1
        continue
    cols.add(sum(cw(c) for c in r[:k]))
need = int(sys.argv[2]) or len(rows)
if len(cols) != 1 or len(rows) - missing < need:
    print('edge columns %s, %d of %d rows without it' % (sorted(cols), missing, len(rows)),
          file=sys.stderr)
    sys.exit(1)
PYEOF
}

# mark_row - the screen row (1-based) holding the current mention (bold
# white on magenta: SGR 37 with 45), or nothing.
mark_row() {
	tm capture-pane -p -e -t pk >"$T/ansi"
	python3 - "$T/ansi" <<'PYEOF'
import re, sys
for i, line in enumerate(open(sys.argv[1], encoding='utf-8', errors='replace'), 1):
    sgr = ''
    for m in re.finditer(r'\x1b\[([0-9;]*)m|[^\x1b]', line):
        if m.group(1) is not None:
            sgr = 'reset' if m.group(1) in ('', '0') else sgr + ';' + m.group(1)
        elif '37' in sgr.split(';') and '45' in sgr.split(';') and m.group(0).strip():
            print(i)
            sys.exit(0)
PYEOF
}

tm_start 100 30 "'$PATHAK' --render=shaped '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start"
keys e
wait_for 'PER (' || fail_screen "e does not open the pane with a PER heading"
pane_text
python3 - "$T/pane" "$PUTIN" "$KIM" 'रूस' <<'PYEOF' || fail_screen "the pane does not list them under their types"
import re, sys
rows = [r.strip() for r in open(sys.argv[1], encoding='utf-8')]
def at(prefix):
    for i, r in enumerate(rows):
        if r.startswith(prefix):
            return i
    return -1
def entity(name):
    for i, r in enumerate(rows):
        m = re.match(r'^(?:▸)?(.*?)\s{2,}(\d+)', r)
        if m and m.group(1) == name:
            return i
    return -1
per, loc, org = at('PER ('), at('LOC ('), at('ORG (')
p, k, r = entity(sys.argv[2]), entity(sys.argv[3]), entity(sys.argv[4])
ends = sorted(x for x in (per, loc, org, len(rows)) if x >= 0)
def under(h, i):
    return h >= 0 and i > h and all(not (h < e <= i) for e in ends if e != h)
ok = under(per, p) and under(per, k) and under(loc, r)
if not ok:
    print('PER %d LOC %d ORG %d; putin %d kim %d rus %d' % (per, loc, org, p, k, r),
          file=sys.stderr)
sys.exit(0 if ok else 1)
PYEOF
grep -q "$PUTIN .*[0-9][0-9]* · [0-9]* quote" "$T/pane" ||
	fail_screen "$PUTIN has no mention and quotation counts"
ok "e lists $PUTIN and $KIM under PER, रूस under LOC"
edge_check "100x30"
ok "the edge is straight at 100x30"

keys 'पुतिन'
wait_for '/पुतिन' || fail_screen "typing in the pane does not show a filter"
pane_text
grep -q "$KIM" "$T/pane" && fail_screen "the filter पुतिन still lists $KIM"
grep -q "$PUTIN" "$T/pane" || fail_screen "the filter पुतिन lost $PUTIN"
keys Enter
wait_status "mention 1/" || fail_screen "Enter does not jump to the first mention"
grep -q "of $PUTIN" "$T/status" || fail_screen "the status line does not name $PUTIN"
N=$(sed -n 's/.*mention 1\/\([0-9]*\).*/\1/p' "$T/status")
[ "${N:-0}" -ge 3 ] || fail_screen "$PUTIN has fewer than 3 mentions ($N)"
r1=$(mark_row)
[ -n "$r1" ] || fail_screen "the current mention is not highlighted"
top1=$(first_text_line)
keys n
wait_status "mention 2/$N of $PUTIN" || fail_screen "n does not go to mention 2/$N"
r2=$(mark_row)
[ -n "$r2" ] && [ "$r2" != "$r1" ] || fail_screen "n: the highlight did not move (rows $r1, $r2)"
keys N
wait_status "mention 1/$N of $PUTIN" || fail_screen "N does not go back to mention 1"
i=1
while [ "$i" -lt "$N" ]; do
	keys n
	i=$((i + 1))
done
wait_status "mention $N/$N of $PUTIN" || fail_screen "n $N times does not reach the last mention"
[ "$(first_text_line)" != "$top1" ] || fail_screen "the last mention did not scroll the text"
keys n
wait_status "no more mentions of $PUTIN below" || fail_screen "n past the last mention"
ok "Enter, n and N move between the $N mentions of $PUTIN"

keys Tab g ']'
wait_status "quote 1/" || fail_screen "] does not step through $PUTIN's quotations"
grep -q "of $PUTIN" "$T/status" || fail_screen "] does not name $PUTIN"
M=$(sed -n 's/.*quote 1\/\([0-9]*\).*/\1/p' "$T/status")
if [ "${M:-0}" -ge 2 ]; then
	keys ']'
	wait_status "quote 2/$M of $PUTIN" || fail_screen "] ] does not reach quote 2/$M"
	keys '['
	wait_status "quote 1/$M of $PUTIN" || fail_screen "[ does not go back to quote 1/$M"
fi
ok "] and [ step through $PUTIN's $M quotations"

keys Escape
keys Escape n
wait_status "no entity selected" || fail_screen "Esc does not forget the entity"
ok "Esc forgets the entity"

# a Latin filter in latin mode (r in the text; in the pane it would filter):
# shaped, reorder, halant, reorder+halant, latin
keys r r r r
wait_status latin || fail_screen "r does not reach latin"
keys Tab
keys '/' p u t i n
wait_for '/putin' || fail_screen "the Latin filter is not shown"
pane_text
grep -qi 'putin' "$T/pane" || fail_screen "the Latin filter putin does not find the romanized name"
grep -qi 'kim' "$T/pane" && fail_screen "the Latin filter putin still lists kim"
keys Escape
ok "in latin mode putin finds vladimir putin"
keys Tab r r
wait_status shaped || fail_screen "r r does not come back to shaped"

# resize: the text re-wraps, the edge stays straight
tm resize-window -t pk -x 70 -y 20
wait_line 1 '│' || fail_screen "no pane at 70x20"
settle || fail_screen "pathak did not settle"
edge_check "70x20"
tm resize-window -t pk -x 100 -y 30
settle || fail_screen "pathak did not settle"
wait_for 'PER (' || fail_screen "the pane is gone after a resize back"
edge_check "100x30 again"
ok "resizes keep the edge straight"

# 50 columns: the pane steps aside
tm resize-window -t pk -x 50 -y 20
wait_status "hidden" || fail_screen "a resize to 50 columns does not say the pane is hidden"
screen | grep -q '│' && fail_screen "the pane is drawn at 50 columns"
tm resize-window -t pk -x 100 -y 30
wait_for 'PER (' || fail_screen "the pane does not come back at 100 columns"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail "exit status $EXIT_STATUS"
tm kill-server >/dev/null 2>&1
tm_start 50 20 "'$PATHAK' --render=shaped '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start at 50 columns"
keys e
wait_status "needs 60 columns" || fail_screen "e at 50 columns does not say why there is no pane"
screen | grep -q '│' && fail_screen "the pane opened at 50 columns"
tm kill-server >/dev/null 2>&1
ok "in 50 columns the pane steps aside"

# no model: the pane says so, the reader goes on
tm_start 100 30 "PATHAK_NER_MODEL='$T/none.model' '$PATHAK' --render=shaped '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start without a model"
keys e
wait_for 'no entity model' || fail_screen "the pane does not say there is no entity model"
keys Tab j
alive || fail_screen "pathak died without a model"
tm kill-server >/dev/null 2>&1
ok "without a model the pane says so"

# the cluster-advance model: the edge is written at its column
tm_start 100 30 "'$PATHAK' --render=shaped --advance=cluster '$SEED'"
# a key typed before pathak reads keys (during its start-up probe) is lost
wait_for '¶' || fail_screen "pathak did not start with --advance=cluster"
keys e
wait_for 'PER (' || fail_screen "no pane with --advance=cluster"
settle || fail_screen "pathak did not settle"
# tmux advances by wcwidth, so a row of Devanagari written for the cluster
# model is wider than planned (and the status line may scroll the screen
# by a row): the rows that have the edge have it in one column.
edge_check "--advance=cluster" 20
tm kill-server >/dev/null 2>&1
ok "--advance=cluster: the edge is straight"

# NO_COLOR
tm_start 100 30 "NO_COLOR=1 '$PATHAK' --render=shaped '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start with NO_COLOR"
keys e
wait_for 'PER (' || fail_screen "e with NO_COLOR"
keys 'पुतिन' Enter
wait_status "mention 1/" || fail_screen "Enter with NO_COLOR"
keys n
wait_status "mention 2/" || fail_screen "n with NO_COLOR"
tm capture-pane -p -e -t pk >"$T/ansi"
python3 - "$T/ansi" 'पुतिन' <<'PYEOF' || fail_screen "NO_COLOR: colours, or the mentions are not marked"
import re, sys
s = open(sys.argv[1], encoding='utf-8', errors='replace').read()
codes = set()
for m in re.finditer(r'\x1b\[([0-9;]*)m', s):
    codes.update(c for c in m.group(1).split(';') if c)
colour = sorted(c for c in codes if re.fullmatch(r'3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48', c))
if colour:
    print('colour codes %s' % colour, file=sys.stderr)
    sys.exit(1)
# the text's पुतिन (left of the edge) carries underline or reverse
for line in s.split('\n'):
    text = line.split('\u2502')[0]
    i = text.find(sys.argv[2])
    if i < 0:
        continue
    sgr = re.findall(r'\x1b\[([0-9;]*)m', text[:i])
    last = []
    for g in sgr:
        last = [] if g in ('', '0') else last + g.split(';')
    if '4' in last or '7' in last:
        sys.exit(0)
print('no underlined or reversed mention', file=sys.stderr)
sys.exit(1)
PYEOF
ok "NO_COLOR: no colours; mentions underlined or reversed"
# --pane opens the pane at start, with no key pressed
tm kill-server >/dev/null 2>&1
tm_start 100 30 "'$PATHAK' $RENDER_OPT --pane '$SEED'"
wait_for 'Entities:' || fail_screen "--pane does not open the entity pane at start"
wait_for 'व्लादिमीर पुतिन' || fail_screen "--pane: व्लादिमीर पुतिन is not listed"
keys e
wait_gone 'Entities:' || fail_screen "e does not close the pane --pane opened"
ok "--pane opens the pane at start"
# On a big file (the seed 1024 times, 12 MB) the pane opens at once and
# says it is finding them; keys are answered meanwhile (Tab, j moves the
# text) and q quits before they are found.
tm kill-server >/dev/null 2>&1
cp "$SEED" "$T/big.txt"
for _i in 1 2 3 4 5 6 7 8 9 10; do
	cat "$T/big.txt" "$T/big.txt" >"$T/big2.txt" && mv "$T/big2.txt" "$T/big.txt"
done
tm_start 100 30 "'$PATHAK' $RENDER_OPT --pane '$T/big.txt'"
wait_line 1 'finding entities' || fail_screen "--pane on 12 MB: the pane does not open while they are found"
top=$(screen | sed -n '1s/│.*//p')
keys Tab j
_i=0
while [ "$(screen | sed -n '1s/│.*//p')" = "$top" ]; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || fail_screen "--pane on 12 MB: j is not answered while the entities are found"
	_nap
done
screen >"$T/before_q"
keys q
wait_exit || fail_screen "--pane on 12 MB: q does not quit while the entities are found"
grep -F -q 'finding entities' "$T/before_q" ||
	echo "note: the entities were found before q (a fast machine); q still quit" >&2
ok "a big file: the pane opens at once, keys answered, q quits, while they are found"
finish
