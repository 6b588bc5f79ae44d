#!/bin/sh
# tests/screen/handoff.sh - handing the article on (tmux, 100x30):
#  * y with no current quotation says so; ] y puts the quotation and its
#    speaker on the clipboard through OSC 52 (tmux keeps it as a buffer):
#    "‘हमेशा रूस के साथ’ — किम जोंग उन"; the article's own bytes never set
#    it (a file with an OSC 52 inside leaves no buffer);
#  * v runs $VISUAL with +LINE and the file, and reads the file again when
#    the editor ends (a line the editor added is shown);
#  * F on a file follows it: text appended is shown, at the end; a key
#    stops following;
#  * s in the quotation list saves what it lists: a .json name gives the 10
#    quotations as JSON (speaker, cue, text), after a filter a .csv name
#    the 5 of पुतिन as CSV with a header row.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'किम जोंग उन' || fail_screen "pathak does not show the seed"
keys y
wait_status 'y: no quotation is current' || fail_screen "y without a quotation does not say so"
tm list-buffers 2>/dev/null | grep -q . && fail "a buffer was set without a quotation"
keys ']' y
wait_status 'copied' || fail_screen "y does not say it copied"
i=0
until tm show-buffer >"$T/clip" 2>/dev/null && [ -s "$T/clip" ]; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "y set no tmux buffer (OSC 52)"
	sleep 0.05
done
grep -F -q '‘हमेशा रूस के साथ’ — किम जोंग उन' "$T/clip" ||
	fail "the clipboard holds [$(cat "$T/clip")], not the quotation and its speaker"
keys q
wait_exit || fail_screen "q did not quit"
# an article that carries an OSC 52 of its own: shown harmlessly, no buffer
printf 'शीर्षक\n\nपाठ \033]52;c;ZXZpbA==\a यहाँ।\n' >"$T/osc.txt"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/osc.txt'"
wait_for 'यहाँ' || fail_screen "pathak does not show the file"
sleep 0.3
tm list-buffers 2>/dev/null | grep -q . && fail "the article's own OSC 52 set the clipboard"
keys q
wait_exit || fail_screen "q did not quit"
ok "y copies the quotation and its speaker, and only y does"

# v: an editor that says what it was given and adds a line
cat >"$T/ed.sh" <<'ED'
#!/bin/sh
echo "$@" >"$EDLOG"
printf '\nसंपादक ने यह जोड़ा।\n' >>"$2"
ED
chmod +x "$T/ed.sh"
cp "$SEED" "$T/seed.txt"
EDLOG=$T/edlog
export EDLOG
tm_start 100 30 "VISUAL='$T/ed.sh' '$PATHAK' $RENDER_OPT '$T/seed.txt'"
wait_for 'किम जोंग उन' || fail_screen "pathak does not show the copy"
keys 1 0 j v
i=0
until [ -s "$EDLOG" ]; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail_screen "v did not run \$VISUAL"
	sleep 0.05
done
read -r line file <"$EDLOG"
[ "$file" = "$T/seed.txt" ] || fail "v gave the editor '$file', not the file"
case $line in +[0-9]*) ;; *) fail "v gave the editor '$line', not +LINE" ;; esac
[ "${line#+}" -gt 1 ] || fail "10j v gave line $line, not the line of the top"
keys G
wait_for 'संपादक ने यह जोड़ा।' || fail_screen "after v the file was not read again"
keys q
wait_exit || fail_screen "q did not quit"
ok "v runs the editor at the line and reads the file again"

printf 'पहली पंक्ति\n\nदूसरा अनुच्छेद।\n' >"$T/grow.txt"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/grow.txt'"
wait_for 'दूसरा अनुच्छेद।' || fail_screen "pathak does not show the file"
keys F
wait_status 'following the file' || fail_screen "F on a file does not follow it"
printf '\nनया अनुच्छेद आया।\n' >>"$T/grow.txt"
wait_for 'नया अनुच्छेद आया।' || fail_screen "F does not show what was appended"
keys j
sleep 0.3
printf '\nऔर एक अनुच्छेद।\n' >>"$T/grow.txt"
sleep 0.8
screen >"$T/screen"
grep -F -q 'और एक अनुच्छेद।' "$T/screen" && fail_screen "a key did not stop following"
keys q
wait_exit || fail_screen "q did not quit"
ok "F follows a growing file until a key"

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'किम जोंग उन' || fail_screen "pathak does not show the seed"
keys '"'
wait_for 'Quotations: 10 of 10' || fail_screen "\" does not open the list"
keys s
wait_for 'Save to (.csv or .json): quotations.csv' || fail_screen "s does not ask where to save"
keys C-u
tm send-keys -t pk -l "$T/q.json"
keys Enter
wait_for "saved 10 quotations to $T/q.json" || fail_screen "s does not say it saved 10"
python3 - "$T/q.json" <<'PY' || fail "the JSON saved is not the 10 quotations"
import json, sys
q = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(q) == 10, len(q)
assert q[0]["number"] == 1 and q[0]["speaker"] == "किम जोंग उन", q[0]
assert q[0]["quotation"] == "हमेशा रूस के साथ", q[0]["quotation"]
assert all(set(x) >= {"start", "end", "speaker", "cue", "quotation"} for x in q)
PY
keys 'पुतिन'
wait_for 'Quotations: 5 of 10' || fail_screen "the filter does not keep 5"
# with a filter typed, s is part of it; Ctrl-S saves what is listed
keys C-s
wait_for 'Save to' || fail_screen "Ctrl-S with a filter does not ask"
keys C-u
tm send-keys -t pk -l "$T/q.csv"
keys Enter
wait_for "saved 5 quotations to $T/q.csv" || fail_screen "Ctrl-S does not save the 5 listed"
head -1 "$T/q.csv" | grep -q '^number,start,end,speaker,cue,quotation' || fail "the CSV has no header row"
[ "$(wc -l <"$T/q.csv")" = 6 ] || fail "the CSV does not have 5 rows and a header"
[ "$(grep -c 'पुतिन' "$T/q.csv")" = 5 ] || fail "the CSV rows are not the 5 of पुतिन"
keys Escape q
wait_exit || fail_screen "q did not quit"
ok "s saves the quotation list as JSON or CSV"
finish
