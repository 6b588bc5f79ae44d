#!/bin/sh
# tests/badinput.sh - what a user sees when pathak is given something wrong.
#  * A directory, a missing file, an unreadable file, two FILE arguments, a
#    bad --width: exactly one line on stderr (starting "pathak:"), exit
#    status 2, nothing on stdout.  An unknown option: exit 2, a message on
#    stderr, nothing on stdout.
#  * --help and --version: exit 0, GNU-style text on stdout, nothing on
#    stderr.
#  * A file with NULs and invalid UTF-8 dumps with exit 0; an empty file
#    dumps with exit 0 and no error.
#  * With stdout not a terminal, `pathak < FILE`, `cat FILE | pathak`,
#    `pathak - < FILE` print the same as `pathak FILE` and `pathak --dump
#    FILE`.
#  * A file name with ESC, C0, C1 and bidi controls: the errors (missing
#    file, with --encoding and --json, a directory, a binary file, the
#    not-UTF-8 note, bad option values) name it without a raw control.
#  * An empty file opened interactively (tmux, when installed) shows a
#    screen and q exits 0.
. "$top_srcdir/tests/lib.sh"

# usage_error NAME ARGS... - run pathak ARGS, expect the one-line error.
usage_error() {
	_name=$1
	shift
	"$PATHAK" "$@" >"$T/out" 2>"$T/err" </dev/null
	_rc=$?
	_bad=
	[ "$_rc" -eq 2 ] || _bad="$_bad; exit status $_rc, want 2"
	[ -s "$T/out" ] && _bad="$_bad; wrote to stdout: $(head -c 200 "$T/out")"
	_n=$(wc -l <"$T/err")
	[ "$_n" -eq 1 ] || _bad="$_bad; $_n lines on stderr, want exactly 1"
	grep -q '^pathak: ' "$T/err" || _bad="$_bad; the message does not start with 'pathak: '"
	if [ -n "$_bad" ]; then
		sed 's/^/  stderr: /' "$T/err" >&2
		soft_fail "$_name: ${_bad#; }"
		return 1
	fi
	ok "$_name: $(cat "$T/err")"
}

mkdir "$T/dir"
usage_error "directory" "$T/dir" &&
	{ grep -F -q "$T/dir" "$T/err" || soft_fail "directory: the message does not name the directory"; }
usage_error "directory, --dump" --dump "$T/dir"

usage_error "missing file" "$T/no-such-file.txt" &&
	{ grep -F -q "no-such-file.txt" "$T/err" || soft_fail "missing file: the message does not name the file"; }
usage_error "missing file, --dump" --dump --width 40 "$T/no-such-file.txt"

# Unreadable: root reads anything, so as root run pathak as nobody (when
# setpriv is there and nobody may run the binary); otherwise skip this case.
cp "$SEED" "$T/unreadable.txt"
chmod 000 "$T/unreadable.txt"
if [ "$(id -u)" -ne 0 ]; then
	usage_error "unreadable file" "$T/unreadable.txt" &&
		{ grep -F -q "unreadable.txt" "$T/err" || soft_fail "unreadable file: the message does not name the file"; }
elif command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PATHAK" 2>/dev/null; then
	# $T is mode 0700: nobody is refused at the directory, also EACCES.
	chmod 755 "$T"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PATHAK" "$T/unreadable.txt" >"$T/out" 2>"$T/err" </dev/null
	_rc=$?
	chmod 700 "$T"
	[ "$_rc" -eq 2 ] || fail "unreadable file: exit status $_rc, want 2 (stderr: $(cat "$T/err"))"
	[ -s "$T/out" ] && fail "unreadable file: wrote to stdout"
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "unreadable file: want exactly one line on stderr, got: $(cat "$T/err")"
	grep -q '^pathak: .*unreadable.txt' "$T/err" || fail "unreadable file: bad message: $(cat "$T/err")"
	ok "unreadable file (as nobody): $(cat "$T/err")"
else
	echo "note: running as root without a usable setpriv: unreadable-file case skipped"
fi

usage_error "two FILE arguments" "$SEED" "$SEED"
usage_error "three arguments with --dump" --dump "$SEED" "$SEED" "$SEED"
for w in 0 -5 abc 12x '' 10001 99999999999999999999; do
	usage_error "--width '$w'" --dump --width "$w" "$SEED" &&
		{ grep -q -i 'width' "$T/err" || soft_fail "--width '$w': the message does not mention the width"; }
done

# Unknown option: GNU getopt's message plus a hint are fine; status and
# silence on stdout are what matter.
"$PATHAK" --no-such-option "$SEED" >"$T/out" 2>"$T/err" </dev/null
_rc=$?
[ "$_rc" -eq 2 ] || fail "unknown option: exit status $_rc, want 2"
[ -s "$T/out" ] && fail "unknown option: wrote to stdout"
grep -q 'no-such-option' "$T/err" || fail "unknown option: the message does not name the option: $(cat "$T/err")"
ok "unknown option"

# --help and --version.
"$PATHAK" --help >"$T/out" 2>"$T/err"
_rc=$?
[ "$_rc" -eq 0 ] || fail "--help: exit status $_rc, want 0"
[ -s "$T/err" ] && fail "--help: wrote to stderr: $(cat "$T/err")"
head -n 1 "$T/out" | grep -q '^Usage: pathak ' || fail "--help: the first line is not 'Usage: pathak ...': $(head -n 1 "$T/out")"
for opt in --dump --width --help --version; do
	grep -q -- "$opt" "$T/out" || fail "--help: does not describe $opt"
done
"$PATHAK" -h >"$T/out2" 2>&1 && cmp -s "$T/out" "$T/out2" || fail "-h differs from --help"
ok "--help"

"$PATHAK" --version >"$T/out" 2>"$T/err"
_rc=$?
[ "$_rc" -eq 0 ] || fail "--version: exit status $_rc, want 0"
[ -s "$T/err" ] && fail "--version: wrote to stderr: $(cat "$T/err")"
head -n 1 "$T/out" | grep -q '^pathak [0-9][0-9.]*' || fail "--version: the first line is not 'pathak VERSION': $(head -n 1 "$T/out")"
grep -q '^Copyright' "$T/out" || fail "--version: no Copyright line"
"$PATHAK" -V >"$T/out2" 2>&1 && cmp -s "$T/out" "$T/out2" || fail "-V differs from --version"
ok "--version: $(head -n 1 "$T/out")"

# NULs and invalid UTF-8 (--binary: a NUL makes a file look binary).
printf 'पहला अनुच्छेद\000बीच में\377\376 और \300\200 अंत\n\nदूसरा \355\240\200 अनुच्छेद\n' >"$T/binary.txt"
"$PATHAK" --dump --binary "$T/binary.txt" >"$T/out" 2>"$T/err"
_rc=$?
[ "$_rc" -eq 0 ] || fail "NUL/invalid UTF-8 file: exit status $_rc, want 0 (stderr: $(cat "$T/err"))"
[ -s "$T/err" ] && fail "NUL/invalid UTF-8 file: wrote to stderr: $(cat "$T/err")"
grep -F -q 'पहला अनुच्छेद' "$T/out" && grep -F -q 'अंत' "$T/out" && grep -F -q 'दूसरा' "$T/out" ||
	fail "NUL/invalid UTF-8 file: text around the bad bytes is missing"
grep -F -q "$(printf '\357\277\275')" "$T/out" || fail "NUL/invalid UTF-8 file: no U+FFFD shown"
ok "NUL and invalid UTF-8 dump with exit 0"

# Empty file.
: >"$T/empty.txt"
"$PATHAK" --dump "$T/empty.txt" >"$T/out" 2>"$T/err"
_rc=$?
[ "$_rc" -eq 0 ] || fail "empty file: exit status $_rc, want 0 (stderr: $(cat "$T/err"))"
[ -s "$T/err" ] && fail "empty file: wrote to stderr: $(cat "$T/err")"
[ -z "$(tr -d ' \n' <"$T/out")" ] || fail "empty file: dump is not blank: $(head -c 200 "$T/out")"
printf '\357\273\277' >"$T/bomonly.txt"
"$PATHAK" --dump "$T/bomonly.txt" >"$T/out" 2>"$T/err" || fail "BOM-only file: exit status $?"
[ -z "$(tr -d ' \n' <"$T/out")" ] || fail "BOM-only file: dump is not blank: $(head -c 200 "$T/out")"
ok "empty file"

# Standard input, stdout not a terminal: the same text as the file.
"$PATHAK" --dump "$SEED" >"$T/file.out" 2>"$T/err" || fail "pathak --dump SEED: exit $?"
[ -s "$T/file.out" ] || fail "pathak --dump SEED printed nothing"
"$PATHAK" "$SEED" >"$T/plain.out" 2>"$T/err" </dev/null || fail "pathak SEED >file: exit $?"
cmp -s "$T/file.out" "$T/plain.out" || fail "pathak SEED >file differs from pathak --dump SEED"
"$PATHAK" <"$SEED" >"$T/stdin.out" 2>"$T/err" || fail "pathak <SEED: exit $? ($(cat "$T/err"))"
cmp -s "$T/file.out" "$T/stdin.out" || fail "pathak <SEED differs from pathak SEED"
cat "$SEED" | "$PATHAK" >"$T/pipe.out" 2>"$T/err" || fail "cat SEED | pathak: exit $?"
cmp -s "$T/file.out" "$T/pipe.out" || fail "cat SEED | pathak differs from pathak SEED"
"$PATHAK" - <"$SEED" >"$T/dash.out" 2>"$T/err" || fail "pathak - <SEED: exit $?"
cmp -s "$T/file.out" "$T/dash.out" || fail "pathak - <SEED differs from pathak SEED"
"$PATHAK" --dump --width 33 <"$SEED" >"$T/stdin33.out" 2>"$T/err" || fail "pathak --dump --width 33 <SEED: exit $?"
"$PATHAK" --dump --width 33 "$SEED" >"$T/file33.out" 2>"$T/err" || fail "pathak --dump --width 33 SEED: exit $?"
cmp -s "$T/file33.out" "$T/stdin33.out" || fail "--width 33: stdin differs from the file"
ok "standard input dumps like the file"

# A hostile file name: no error message may hand the terminal its ESC
# (here an OSC 52 clipboard write), C0 (BEL, TAB), C1 (the one-byte CSI
# U+009B) or bidi controls (U+202E); the rest of the name is still shown.
if command -v python3 >/dev/null 2>&1; then
	# raw_controls FILE - print the controls in FILE other than newlines
	raw_controls() {
		python3 -c '
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
bad = re.findall("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", t)
print(" ".join("U+%04X" % ord(c) for c in bad))' "$1"
	}
	evil=$(printf 'ev\033]52;c;cHduZWQ=\007il\302\233[31m\342\200\256txt\tname')
	# name_error WHAT ARGS... - pathak ARGS fails with a message that names
	# the file ("ev" ... "name") without a control in it.
	name_error() {
		_what=$1
		shift
		"$PATHAK" "$@" >"$T/out" 2>"$T/err" </dev/null && soft_fail "$_what: exit status 0"
		_c=$(raw_controls "$T/err")
		if [ -n "$_c" ]; then
			soft_fail "$_what: stderr holds controls: $_c"
		elif ! grep -q 'ev.*il.*name' "$T/err"; then
			soft_fail "$_what: the message does not name the file: $(cat "$T/err")"
		else
			ok "$_what: $(cat "$T/err")"
		fi
	}
	name_error "missing file, hostile name" "$T/$evil"
	name_error "missing file, hostile name, --encoding" --encoding=ISO-8859-1 "$T/$evil"
	name_error "missing file, hostile name, --json" --json "$T/$evil"
	mkdir "$T/$evil.d" && name_error "directory, hostile name" "$T/$evil.d"
	printf '\177ELF\000\001binary\n' >"$T/$evil.bin" &&
		name_error "binary file, hostile name" --dump "$T/$evil.bin"
	printf 'caf\351 na\357ve r\351sum\351 \340 la carte, d\351j\340 vu, fa\347ade, cr\350me br\373l\351e\n%.0s' \
		1 2 3 4 5 6 7 8 >"$T/$evil.latin1"
	"$PATHAK" --dump "$T/$evil.latin1" >"$T/out" 2>"$T/err"
	if grep -q 'not valid UTF-8' "$T/err"; then
		_c=$(raw_controls "$T/err")
		[ -z "$_c" ] || soft_fail "encoding note, hostile name: stderr holds controls: $_c"
		grep -q 'ev.*il.*name' "$T/err" || soft_fail "encoding note: the file is not named: $(cat "$T/err")"
		[ -z "$_c" ] && ok "encoding note, hostile name: $(cat "$T/err")"
	else
		soft_fail "a Latin-1 file: no note that it is not UTF-8 ($(cat "$T/err"))"
	fi
	name_error "bad --encoding value" --encoding="$evil" "$SEED"
	name_error "bad --width value" --width="$evil" "$SEED"
	name_error "unknown long option" "--$evil" "$SEED"
	name_error "unknown +command" "+$evil" "$SEED"
else
	echo "note: python3 not installed: hostile file names not checked"
fi

# The empty file in a terminal: a screen, and q quits with status 0.
if command -v tmux >/dev/null 2>&1; then
	tm_start 80 24 "'$PATHAK' $RENDER_OPT '$T/empty.txt'"
	wait_for "empty.txt" || wait_for "%" || fail_screen "empty file: no status line"
	alive || fail_screen "empty file: pathak exited on its own ($(cat "$T/exit" 2>/dev/null))"
	keys j G k g Space
	keys q
	wait_exit || fail_screen "empty file: q did not quit"
	[ "$EXIT_STATUS" = 0 ] || fail_screen "empty file: exit status $EXIT_STATUS after q, want 0"
	ok "empty file in a terminal"
else
	echo "note: tmux not installed: interactive empty-file case skipped"
fi
finish
