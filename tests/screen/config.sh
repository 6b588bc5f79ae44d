#!/bin/sh
# tests/screen/config.sh - the configuration file and $PATHAK_OPTIONS
# (tmux, the seed at 100x30; $XDG_CONFIG_HOME is the test's own):
#  * a file with render = latin, width = 60, bind x quit and a wrong line:
#    pathak starts, romanized and 60 columns wide, the status line says
#    "config:3:1: unknown setting 'colour'", x quits with status 0, and
#    standard error has the same line;
#  * $PATHAK_OPTIONS="--render=shaped -w 80" wins over the file: the screen
#    is the shaped dump at width 80; the command line wins over both;
#  * bind q none: q no longer quits (Q does).
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

"$PATHAK" --dump --width 60 --render=latin "$SEED" >"$T/dumplatin" || fail "dump --render=latin failed"
"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"
mkdir -p "$XDG_CONFIG_HOME/pathak"
cat >"$XDG_CONFIG_HOME/pathak/config" <<'CFG'
# pathak, as I like it
render = latin
colour = blue
width = 60
bind x quit
CFG

tm_start 100 30 "'$PATHAK' '$SEED' 2>'$T/err'"
wait_status "config:3:1: unknown setting 'colour'" || fail_screen "a wrong line is not said in the status line"
wait_dump_top "$T/dumplatin" 1 || fail_screen "render = latin and width = 60 are not used"
keys x
wait_exit || fail_screen "bind x quit: x does not quit"
[ "$EXIT_STATUS" = 0 ] || fail "x quit with status $EXIT_STATUS"
grep -q "pathak/config:3:1: unknown setting 'colour'" "$T/err" ||
	fail "standard error lacks the wrong line: $(cat "$T/err")"
ok "the file is read; a wrong line is said and skipped"

PATHAK_OPTIONS='--render=shaped -w 80'
export PATHAK_OPTIONS
tm_start 100 30 "'$PATHAK' '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "\$PATHAK_OPTIONS does not win over the file"
keys x
wait_exit || fail_screen "x does not quit"
tm_start 100 30 "'$PATHAK' --render=latin -w 60 '$SEED'"
wait_dump_top "$T/dumplatin" 1 || fail_screen "the command line does not win over \$PATHAK_OPTIONS"
keys x
wait_exit || fail_screen "x does not quit"
unset PATHAK_OPTIONS
ok "\$PATHAK_OPTIONS over the file, the command line over both"

printf 'bind q none\n' >"$XDG_CONFIG_HOME/pathak/config"
tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
wait_dump_top "$T/dump80" 1 || fail_screen "pathak does not start"
keys q
wait_status 'q: no such key' || fail_screen "bind q none: q is still bound"
alive || fail_screen "q quit although unbound"
keys Q
wait_exit || fail_screen "Q does not quit"
ok "bind KEY none unbinds"
finish
