#!/bin/sh
# tests/screen/quotes.sh - the quote navigator on the seed (tmux, 100x30):
#  * ] jumps to the first quotation: the status line names it (quote 1/10)
#    and its speaker (किम जोंग उन); ] ] [ step through them (3/10, then 2/10);
#  * quotations are coloured in the text: the quoted words carry the quote
#    colour (yellow, with --theme=dark: tmux does not report a background),
#    the one jumped to the highlight (yellow background),
#    the speaker's mention green; with NO_COLOR an underline instead;
#  * a jump brings a quotation below the screen into view;
#  * " opens the list (all 10 with speakers); typing पुतिन filters it to the
#    quotations that mention पुतिन; Tab groups by speaker (व्लादिमीर पुतिन (4));
#    Enter jumps to the selected one; Esc closes the list without a jump;
#  * a quotation scrolled off screen is no longer current: after G, ]
#    takes the first quotation on screen (8/10), with or without Esc;
#    after the last quotation ] says there are no more; q exits 0.
. "$top_srcdir/tests/lib.sh"
need_tmux

SEED="$top_srcdir/assets/articles/seed.txt"
ESC=$(printf '\033')

# colour_of TEXT - the SGR sequence in force where TEXT starts on screen.
colour_before() {
	tm capture-pane -p -e -t pk >"$T/ansi"
	python3 - "$T/ansi" "$1" <<'PYEOF'
import re, sys
s = open(sys.argv[1], encoding='utf-8', errors='replace').read()
i = s.find(sys.argv[2])
if i < 0:
    sys.exit(1)
sgr = re.findall(r'\x1b\[([0-9;]*)m', s[:i])
print(';'.join(sgr[-3:]))
PYEOF
}

# a dark theme: with no background known (tmux here) text roles get no colour
tm_start 100 30 "'$PATHAK' --render=shaped --theme=dark '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start"

keys ']'
wait_status 'quote 1/10: किम जोंग उन' || fail_screen "] does not name the first quotation and its speaker"
ok "] jumps to the first quotation and names its speaker"

# colours: the current quotation highlighted, the mention green
c=$(colour_before 'हमेशा रूस के साथ') || fail_screen "the first quotation is not on screen"
case "$c" in *43*) ;; *) fail_screen "the current quotation is not highlighted (SGR $c)" ;; esac
keys ']' ']'
wait_status 'quote 3/10: किम जोंग उन' || fail_screen "] ] does not reach quotation 3"
c=$(colour_before 'हमेशा रूस के साथ') || fail_screen "the title is gone"
case "$c" in *33*) ;; *) fail_screen "a quotation is not in the quote colour (SGR $c)" ;; esac
# the third quotation starts in paragraph 7: it must be on screen
wait_for 'मुझे विश्वास है कि राष्ट्रपति पुतिन' || fail_screen "quotation 3 is not on screen"
keys '['
wait_status 'quote 2/10: व्लादिमीर पुतिन' || fail_screen "[ does not go back to quotation 2"
ok "] and [ step through the quotations; they are coloured"

# a quotation far below the screen comes into view
keys ']' ']' ']' ']' ']' ']' ']'
wait_status 'quote 9/10: व्लादिमीर पुतिन' || fail_screen "] did not reach quotation 9"
wait_for 'खुश' || fail_screen "quotation 9 (खुश) was not brought on screen"
ok "a jump scrolls the quotation into view"

# the list
keys '"'
wait_for 'Quotations: 10 of 10' || fail_screen "\" does not open the list of 10 quotations"
wait_for 'Filter:' || fail_screen "the list has no filter prompt"
grep -F -q 'व्लादिमीर पुतिन: मजबूत भविष्य' "$T/screen" || fail_screen "the list lacks speaker: words"
keys 'पुतिन'
wait_for 'Quotations: 5 of 10' || fail_screen "typing पुतिन does not filter the list to 5"
keys Tab
wait_for 'व्लादिमीर पुतिन (4)' || fail_screen "Tab does not group by speaker"
grep -F -q 'by speaker' "$T/screen" || fail_screen "the header does not say the list is grouped"
keys Escape
wait_gone 'Quotations:' || fail_screen "Esc does not close the list"
wait_status 'quote 9/10' || fail_screen "Esc jumped somewhere"
keys '"'
wait_for 'Quotations: 10 of 10' || fail_screen "\" again: the list (filter cleared)"
keys Home Enter
wait_gone 'Quotations:' || fail_screen "Enter does not close the list"
wait_status 'quote 1/10: किम जोंग उन' || fail_screen "Enter on the first row does not jump to quotation 1"
ok "\" lists, filters, groups, and jumps"

# quotation 1 is off screen after G: ] takes the first one on screen
keys G ']'
wait_status 'quote 8/10: व्लादिमीर पुतिन' || fail_screen "] after G takes the first quotation on screen"
# the same with none current
keys Escape G ']'
wait_status 'quote 8/10: व्लादिमीर पुतिन' || fail_screen "Esc G ]: the first quotation on screen"
keys ']' ']'
wait_status 'quote 10/10: किम जोंग उन' || fail_screen "] ] reaches the last quotation"
keys ']'
wait_status 'no more quotations below' || fail_screen "] after the last quotation"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail "exit status $EXIT_STATUS after q"
ok "at the end ] has nothing below; q exits 0"
tm kill-server >/dev/null 2>&1

# NO_COLOR: the quotation underlined, no colour
tm_start 100 30 "NO_COLOR=1 '$PATHAK' --render=shaped '$SEED'"
wait_for 'जोंग' || fail_screen "pathak did not start with NO_COLOR"
keys ']' ']'
wait_status 'quote 2/10' || fail_screen "] with NO_COLOR"
c=$(colour_before 'हमेशा रूस के साथ') || fail_screen "no title with NO_COLOR"
case "$c" in *3[0-7]*|*4[0-7]*) fail_screen "NO_COLOR but colours (SGR $c)" ;; esac
case "$c" in *4*) ;; *) fail_screen "NO_COLOR: the quotation is not underlined (SGR $c)" ;; esac
ok "NO_COLOR: attributes, no colours"
finish
