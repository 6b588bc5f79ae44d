#!/bin/sh
# tests/screen/pager.sh - pathak as $PAGER for man and git (tmux, 100x30):
#  * nroff's overstrikes (N BS N bold, _ BS x underline) and colour
#    sequences (ESC [ ... m) come out: no ␈ or ␛ on screen, the words whole;
#  * text with no Devanagari from standard input keeps its lines: the
#    indent, its own blank lines and no others, the window's width;
#  * an article through standard input is still laid out as one;
#  * with man and git installed: MANPAGER=pathak man ls and GIT_PAGER=pathak
#    git log show plain text.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

# what man writes for a pager, and git's colours
{
	printf 'LS(1)                    User Commands                    LS(1)\n\n'
	printf 'N\bNA\bAM\bME\bE\n'
	printf '       ls - list directory contents\n\n'
	printf 'S\bSY\bYN\bNO\bOP\bPS\bSI\bIS\bS\n'
	printf '       \033[1mls\033[0m [\033[4mOPTION\033[24m]... [_\bF_\bI_\bL_\bE]...\n'
	printf '       \033[33mcommit 1234abcd\033[m (HEAD -> main)\n'
} >"$T/man.txt"
tm_start 100 30 "'$PATHAK' < '$T/man.txt'"
wait_for 'ls - list directory contents' || fail_screen "the man text is not shown"
# the last line drawn: the screen captured is then whole
wait_for 'commit 1234abcd (HEAD -> main)' || fail_screen "the colour sequences of the last line are not taken out"
grep -q '␈\|␛' "$T/screen" && fail_screen "overstrikes or colour sequences are shown as symbols"
sed -n 3p "$T/screen" | grep -qx 'NAME *' || fail_screen "NAME (bold by overstrike) is not plain at column 0 of row 3"
sed -n 4p "$T/screen" | grep -q '^       ls - list directory contents' ||
	fail_screen "the indent or the lines of the man text are not kept"
sed -n 5p "$T/screen" | grep -q '^ *$' || fail_screen "the man text's own blank line is lost"
sed -n 6p "$T/screen" | grep -qx 'SYNOPSIS *' || fail_screen "a blank row was added between lines"
grep -q '^       ls \[OPTION\]\.\.\. \[FILE\]\.\.\.' "$T/screen" || fail_screen "underline and SGR are not taken out"
grep -q '^LS(1) .* LS(1)' "$T/screen" || fail_screen "the first line is not whole at the window's width"
keys q
wait_exit || fail_screen "q did not quit"
ok "man's overstrikes and git's colours come out; lines are kept"

tm_start 100 30 "'$PATHAK' $RENDER_OPT < '$SEED'"
"$PATHAK" --dump --width 80 "$SEED" >"$T/dump80" || fail "pathak --dump failed"
wait_dump_top "$T/dump80" 1 || fail_screen "an article through standard input is not laid out as one"
keys q
wait_exit || fail_screen "q did not quit"
ok "an article through standard input is still an article"

if command -v man >/dev/null 2>&1 && man -w ls >/dev/null 2>&1; then
	tm_start 100 30 "MANPAGER='$PATHAK' man ls"
	wait_for 'list directory contents' || fail_screen "MANPAGER=pathak man ls shows nothing"
	grep -q '␈\|␛' "$T/screen" && fail_screen "man ls shows control symbols"
	grep -q '^NAME' "$T/screen" || fail_screen "man ls: NAME is not at column 0"
	keys q
	wait_exit || fail_screen "q did not quit man"
	ok "MANPAGER=pathak man ls"
else
	echo "SKIP (part): man or its page for ls is not installed"
fi
if command -v git >/dev/null 2>&1; then
	R=$T/repo
	git init -q "$R" && printf 'x\n' >"$R/f" && git -C "$R" add f &&
		git -C "$R" -c user.name=T -c user.email=t@example.org commit -q -m 'पहला बदलाव: first change' ||
		hard_error "cannot make a git repository"
	tm_start 100 30 "cd '$R' && GIT_PAGER='$PATHAK' git -c color.ui=always log"
	wait_for 'first change' || fail_screen "GIT_PAGER=pathak git log shows nothing"
	grep -q '␛' "$T/screen" && fail_screen "git log shows colour sequences as symbols"
	grep -q '^commit [0-9a-f]' "$T/screen" || fail_screen "git log: the commit line is not plain"
	keys q
	wait_exit || fail_screen "q did not quit git log"
	ok "GIT_PAGER=pathak git log"
fi
finish
