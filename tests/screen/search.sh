#!/bin/sh
# tests/screen/search.sh - keyword search on the seed (tmux, 100x30; the
# history in a private $XDG_STATE_HOME):
#  * /कोस्मोड्रोम Enter shows [1/2] and highlights both spellings
#    (कॉस्मोड्रोम and कोस्मोड्रोम; checked in the colours of capture-pane -e:
#    the current match in its own colour, the other in the match colour);
#  * n goes to [2/2]; n past the last wraps to [1/2] and says so; N back;
#  * /putin finds the 13 पुतिन ([1/13]), n 12 times reaches [13/13];
#  * a query that matches nothing says "Pattern not found";
#  * typing a word found only at the end moves the text there as you type
#    (incremental); Esc goes back to the first line;
#  * &कोस्मोड्रोम shows only the two paragraphs that have it, the status
#    line shows the filter; & alone shows every paragraph again;
#  * a Devanagari prompt: Backspace removes one cluster (स्थिति -> स्थि),
#    Left moves over one and typing inserts before it;
#  * a bad regular expression (\r prefix) says why;
#  * the history survives a restart (Up recalls the last search);
#  * pathak +/WORD and -p WORD open at the match; --exact does not fold;
#  * the quotation list's filter takes Latin: putin.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

XDG_STATE_HOME=$T/state
export XDG_STATE_HOME
"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"

# highlights - the highlighted runs of the screen, one a line:
# "cur TEXT" (the current match: blue background, SGR 44) or "match TEXT"
# (green, SGR 42), in screen order.
highlights() {
	tm capture-pane -p -e -t pk >"$T/ansi"
	python3 - "$T/ansi" <<'PYEOF'
import re, sys
out = []
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    sgr, run, kind = set(), '', None
    for m in re.finditer(r'\x1b\[([0-9;]*)m|[^\x1b]', line.rstrip('\n')):
        if m.group(1) is not None:
            ps = m.group(1).split(';') if m.group(1) else ['0']
            for p in ps:
                if p in ('0', ''):
                    sgr = set()
                elif p == '49':
                    sgr -= {'42', '44'}
                else:
                    sgr.add(p)
            continue
        k = 'cur' if '44' in sgr else 'match' if '42' in sgr else None
        if k != kind and run:
            out.append('%s %s' % (kind, run))
            run = ''
        kind = k
        if k:
            run += m.group(0)
    if run:
        out.append('%s %s' % (kind, run))
print('\n'.join(out))
PYEOF
}

start() {
	tm_start 100 30 "'$PATHAK' $RENDER_OPT $*"
	wait_for 'जोंग' || fail_screen "pathak did not start ($*)"
}

start "'$SEED'"
keys / 'कोस्मोड्रोम'
wait_for '/कोस्मोड्रोम' || fail_screen "the prompt does not show the Devanagari typed"
keys Enter
wait_status '[1/2]' || fail_screen "/कोस्मोड्रोम does not say [1/2]"
highlights >"$T/hl"
grep -qx 'cur कॉस्मोड्रोम' "$T/hl" || { cat "$T/hl" >&2; fail_screen "the first match (कॉस्मोड्रोम) is not highlighted as current"; }
grep -qx 'match कोस्मोड्रोम' "$T/hl" || { cat "$T/hl" >&2; fail_screen "the second spelling (कोस्मोड्रोम) is not highlighted"; }
[ "$(wc -l <"$T/hl")" -eq 2 ] || { cat "$T/hl" >&2; fail_screen "more than the two matches are highlighted"; }
ok "/कोस्मोड्रोम: [1/2], both spellings highlighted"

keys n
wait_status '[2/2]' || fail_screen "n does not go to [2/2]"
highlights >"$T/hl"
grep -qx 'cur कोस्मोड्रोम' "$T/hl" || { cat "$T/hl" >&2; fail_screen "after n the second match is not the current one"; }
keys n
wait_status '[1/2] wrapped to the top' || fail_screen "n past the last does not wrap to [1/2] and say so"
keys N
wait_status '[2/2]' || fail_screen "N past the first does not go round to [2/2]"
grep -F -q 'wrapped' "$T/status" || fail_screen "N round the start does not say it wrapped"
ok "n and N step, wrap and say so"

keys / putin Enter
wait_status '[1/13]' || fail_screen "/putin does not find 13 matches ([1/13])"
# "puti", typed on the way, finds 13 too: wait for the whole word's highlight
_i=0
until highlights >"$T/hl" && grep -qx 'cur पुतिन' "$T/hl"; do
	_i=$((_i + 1))
	[ "$_i" -lt "$POLL_TRIES" ] || { cat "$T/hl" >&2; fail_screen "/putin does not highlight पुतिन"; }
	_nap
done
keys 1 2 n
wait_status '[13/13]' || fail_screen "12n does not reach [13/13]"
ok "/putin finds the 13 पुतिन"

keys / zzqqxx Enter
wait_status 'Pattern not found' || fail_screen "a query without matches does not say Pattern not found"
ok "no match says Pattern not found"

keys g
wait_dump_top "$T/dump80" 1 || fail_screen "g does not go to the top"
keys / 'शंख्यानील'
wait_for 'शंख्यानील सरकार' || fail_screen "typing a word of the last paragraph does not bring it on screen"
keys Escape
wait_dump_top "$T/dump80" 1 || fail_screen "Esc does not go back to where the reader was"
wait_gone '/शंख्यानील' || fail_screen "Esc does not close the prompt"
ok "incremental: the text follows the typing; Esc goes back"

keys '&' 'कोस्मोड्रोम' Enter
wait_status '&कोस्मोड्रोम' || fail_screen "the status line does not show the filter"
screen >"$T/screen"
paras=$(sed '$d' "$T/screen" | awk 'BEGIN{n=0; inpara=0} /[^ ]/{ if (!inpara) n++; inpara=1; next } { inpara=0 } END{print n}')
[ "$paras" -eq 2 ] || fail_screen "& shows $paras paragraphs, want the 2 with the word"
sed '$d' "$T/screen" | grep -F -q 'किम जोंग उन का कहना है' && fail_screen "the filter still shows the title"
keys '&' Enter
wait_status 'filter off' || fail_screen "& alone does not say the filter is off"
wait_for 'दो घंटे तक चली शिखर वार्ता' || fail_screen "& alone does not show every paragraph again"
keys g
wait_dump_top "$T/dump80" 1 || fail_screen "after & alone g does not show the first line"
ok "& filters and & alone clears"

keys / 'स्थिति'
wait_for '/स्थिति' || fail_screen "the prompt does not show स्थिति"
keys BSpace
wait_line 30 '/स्थि' || fail_screen "Backspace did not leave स्थि"
screen | tail -n 1 | grep -F -q '/स्थिति' && fail_screen "Backspace did not remove the cluster ति"
screen | tail -n 1 | grep -q '/स्थ ' && fail_screen "Backspace removed only a vowel sign"
keys Left 'क'
wait_line 30 '/कस्थि' || fail_screen "Left did not move over the cluster स्थि"
keys Escape
ok "the prompt edits by clusters"

keys / '\r(' Enter
wait_status 'U_REGEX' || fail_screen "a bad regular expression does not say why"
ok "a bad regex says why"

keys q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1

# the history, across a restart
[ -s "$XDG_STATE_HOME/pathak/search_history" ] || fail "no history file in \$XDG_STATE_HOME/pathak"
grep -qx 'putin' "$XDG_STATE_HOME/pathak/search_history" || fail "the history file lacks putin"
ls "$XDG_STATE_HOME/pathak" | grep -q tmp && fail "a temporary history file is left"
start "'$SEED'"
keys / Up
wait_line 30 '/\r(' || fail_screen "Up in the prompt does not recall the last search after a restart"
keys Up
wait_line 30 '/कोस्मोड्रोम' || fail_screen "Up Up does not recall an older search"
keys Escape q
wait_exit || fail_screen "q did not quit"
tm kill-server >/dev/null 2>&1
ok "the history survives a restart"

# +/WORD and -p WORD open at the match
start "'+/शंख्यानील' '$SEED'"
wait_for 'शंख्यानील सरकार' || fail_screen "+/शंख्यानील does not open at the match"
wait_status '[1/1]' || fail_screen "+/शंख्यानील does not say [1/1]"
keys q
tm kill-server >/dev/null 2>&1
tm_start 100 30 "'$PATHAK' $RENDER_OPT -p 'शंख्यानील' '$SEED'"
wait_for 'शंख्यानील सरकार' || fail_screen "-p शंख्यानील does not open at the match"
keys q
tm kill-server >/dev/null 2>&1
tm_start 100 30 "'$PATHAK' $RENDER_OPT --exact -p 'कोस्मोड्रोम' '$SEED'"
wait_status '[1/1]' || fail_screen "--exact still folds (want [1/1])"
keys q
tm kill-server >/dev/null 2>&1
ok "+/WORD, -p WORD and --exact"

# the quotation list's filter reads Latin
start "'$SEED'"
keys '"'
wait_for 'Quotations: 10 of 10' || fail_screen "\" does not open the list"
keys p u t i n
wait_gone 'Quotations: 10 of 10' || fail_screen "typing putin does not filter the list"
n=$(sed -n 's/.*Quotations: \([0-9]*\) of 10.*/\1/p' "$T/screen")
[ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt 10 ] || fail_screen "the list filtered on putin shows $n of 10"
keys Escape q
ok "the quotation list filter takes putin ($n of 10)"
finish
