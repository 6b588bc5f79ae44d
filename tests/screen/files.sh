#!/bin/sh
# tests/screen/files.sh - several files, as less reads them (tmux, 100x30):
#  * pathak A SEED shows A and "file 1/2" in the status line; :n shows the
#    seed and "file 2/2"; :n past the last says so and stays; :p goes back;
#  * each file keeps its place: 10j in the seed, :p, :n comes back to it;
#  * :e asks "Examine:" and opens the file typed after the current one
#    ("file 2/3"); a file that does not exist says why and changes nothing;
#  * --dump with two files, or - among them, is a usage error (status 2).
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

printf 'पहला लेख\n\nयह पहले लेख का पहला अनुच्छेद है।\n' >"$T/a.txt"
printf 'तीसरा लेख\n\nयह तीसरे लेख का अनुच्छेद है।\n' >"$T/c.txt"
"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/a.txt' '$SEED'"
wait_for 'यह पहले लेख का पहला अनुच्छेद है।' || fail_screen "pathak A SEED does not show A"
wait_status 'file 1/2' || fail_screen "the status line does not say file 1/2"
keys : n
wait_dump_top "$T/dump80" 1 || fail_screen ":n does not show the second file"
wait_status 'file 2/2' || fail_screen "after :n the status line does not say file 2/2"
keys : n
wait_status 'no next file' || fail_screen ":n on the last file does not say so"
wait_dump_top "$T/dump80" 1 || fail_screen ":n on the last file moved"
keys 1 0 j
wait_dump_top "$T/dump80" 11 || fail_screen "10j does not scroll"
keys : p
wait_for 'यह पहले लेख का पहला अनुच्छेद है।' || fail_screen ":p does not go back to A"
wait_status 'file 1/2' || fail_screen "after :p the status line does not say file 1/2"
keys : n
wait_dump_top "$T/dump80" 11 || fail_screen ":p :n does not come back to the seed's place"
ok ":n and :p move between files, each keeping its place"

keys : e
wait_status 'Examine:' || fail_screen ":e does not ask for a file name"
tm send-keys -t pk -l "$T/c.txt"
keys Enter
wait_for 'यह तीसरे लेख का अनुच्छेद है।' || fail_screen ":e FILE does not open it"
wait_status 'file 3/3' || fail_screen ":e does not add the file after the current one"
keys : p
wait_dump_top "$T/dump80" 11 || fail_screen ":p after :e does not go back to the seed"
wait_status 'file 2/3' || fail_screen "the seed is not file 2/3"
keys : e
wait_status 'Examine:' || fail_screen ":e does not ask again"
tm send-keys -t pk -l "$T/missing.txt"
keys Enter
wait_status 'missing.txt: No such file or directory' || fail_screen ":e of a missing file does not say why"
keys j
wait_status 'file 2/3' || fail_screen ":e of a missing file changed the list"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail "pathak exited with $EXIT_STATUS"
ok ":e opens a file after the current one, and says why it cannot"

"$PATHAK" --dump "$T/a.txt" "$SEED" >/dev/null 2>"$T/err"
[ $? = 2 ] || fail "--dump with two files does not exit 2"
grep -q 'take one FILE' "$T/err" || fail "--dump with two files does not say why: $(cat "$T/err")"
tm_start 100 30 "'$PATHAK' '$T/a.txt' - </dev/null"
wait_exit || fail_screen "pathak A - did not exit"
[ "$EXIT_STATUS" = 2 ] || fail "pathak A - exited with $EXIT_STATUS, not 2"
ok "several files where only one can be read is a usage error"
finish
