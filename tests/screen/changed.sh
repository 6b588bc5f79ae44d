#!/bin/sh
# tests/screen/changed.sh - a file that changes while pathak shows it
# (issue 10).  A file of the seed repeated (about 1 MB):
#  * truncated to 1000 bytes while open, then G: pathak does not die of
#    SIGBUS; the status line says "file changed — R to reload"; R reads
#    the file again (the status line then shows END of a short file and no
#    longer the note); q quits with status 0 and the terminal is sane
#    (alternate screen left, cursor shown);
#  * rewritten in place (same inode, new text) or replaced (renamed over):
#    the next key brings the note; R shows the new text.
. "$top_srcdir/tests/lib.sh"
need_tmux

TITLE='किम जोंग उन का कहना है'
NOTE='file changed — R to reload'
big=$T/big.txt
: >"$big"
i=0
while [ "$i" -lt 110 ]; do cat "$SEED" >>"$big"; i=$((i + 1)); done

# The pane stays alive after pathak (tmux marks a dead pane in its own way,
# cursor included): pathak's status goes to $T/st.
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$big'; echo \$? >'$T/st'; exec sleep 600"
wait_for "$TITLE" || fail_screen "pathak did not start"
wait_status '¶' || fail_screen "no status line"
truncate -s 1000 "$big" || hard_error "truncate failed"
keys G
wait_status "$NOTE" || fail_screen "after truncation and G: no '$NOTE'"
alive || fail_screen "pathak died after the truncation (exit $(cat "$T/exit"))"
ok "truncated while open: G shows the note"
keys j k
wait_status "$NOTE" || fail_screen "the note went away before R"
keys R
wait_gone "$NOTE" || fail_screen "R did not clear the note"
wait_status 'END' || fail_screen "R: not the short file's end"
keys g
wait_for "$TITLE" || fail_screen "R: the title of the short file is not shown"
ok "R reads the truncated file again"
keys q
_i=0
while [ ! -s "$T/st" ] && [ "$_i" -lt "$POLL_TRIES" ]; do _nap; _i=$((_i + 1)); done
[ -s "$T/st" ] || fail_screen "q did not quit"
[ "$(cat "$T/st")" = 0 ] || fail_screen "exit status $(cat "$T/st"), want 0"
wait_flag '#{alternate_on}' 0 || fail_screen "alternate screen left on"
wait_flag '#{cursor_flag}' 1 || fail_screen "cursor left hidden"
tm kill-server >/dev/null 2>&1
ok "q after a change: status 0, terminal sane"

# Rewritten in place, then replaced.
printf 'पहला शीर्षक\n\nपहला अनुच्छेद।\n' >"$T/f.txt"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$T/f.txt'"
wait_for 'पहला शीर्षक' || fail_screen "pathak did not start on the small file"
sleep 1   # a new mtime, even on a file system that counts in seconds
printf 'दूसरा शीर्षक\n\nदूसरा अनुच्छेद, लंबा।\n' >"$T/f.txt"
keys j
wait_status "$NOTE" || fail_screen "rewritten in place: no note"
keys R
wait_for 'दूसरा शीर्षक' || fail_screen "R after a rewrite: not the new text"
wait_gone "$NOTE" || fail_screen "R after a rewrite: the note stays"
ok "rewritten in place: the note, R shows the new text"
printf 'तीसरा शीर्षक\n\nतीसरा।\n' >"$T/g.txt"
mv "$T/g.txt" "$T/f.txt"
keys j
wait_status "$NOTE" || fail_screen "replaced: no note"
keys R
wait_for 'तीसरा शीर्षक' || fail_screen "R after a replacement: not the new file"
keys q
wait_exit || fail_screen "q did not quit"
[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS, want 0"
ok "replaced: the note, R shows the new file"
finish
