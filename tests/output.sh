#!/bin/sh
# tests/output.sh - output that cannot be written, and a file truncated
# while --json, --quotes or --dump read it (issue 10):
#  * --help, --version, --probe, --help-keys, --json, --quotes and --dump
#    with standard output on /dev/full exit non-zero with exactly one line
#    on stderr;
#  * `pathak --dump BIG | head -2` ends at once, with nothing on stderr,
#    also with SIGPIPE ignored (EPIPE: quietly);
#  * --json, --quotes and --dump of a file truncated while they write:
#    pathak writes into a pipe whose reader takes one byte, truncates the
#    file and then reads the rest, so pathak is blocked in its output, well
#    before the end of the file, when the file shrinks (deterministic: the
#    output is far larger than a pipe holds).  pathak does not die of
#    SIGBUS (status 135) but exits 1 with "FILE: file changed while
#    reading".
. "$top_srcdir/tests/lib.sh"

[ -w /dev/full ] || skip "/dev/full is missing"
for args in --help --version --probe --help-keys "--json $SEED" "--quotes $SEED" "--dump $SEED"; do
	# shellcheck disable=SC2086
	"$PATHAK" $args >/dev/full 2>"$T/err"
	rc=$?
	[ "$rc" -ne 0 ] || fail "pathak $args >/dev/full: exit status 0"
	[ "$(wc -l <"$T/err")" = 1 ] || fail "pathak $args >/dev/full: stderr is not one line: $(cat "$T/err")"
	ok "$args >/dev/full: status $rc, $(cat "$T/err")"
done

big=$T/big.txt
: >"$big"
i=0
while [ "$i" -lt 110 ]; do cat "$SEED" >>"$big"; i=$((i + 1)); done

# pathak --dump BIG | head: at once, quietly, with SIGPIPE as it comes.
for pipe in default ignored; do
	if [ "$pipe" = ignored ]; then
		(trap '' PIPE; "$PATHAK" --dump "$big" 2>"$T/err"; echo $? >"$T/st") | head -2 >"$T/head"
	else
		("$PATHAK" --dump "$big" 2>"$T/err"; echo $? >"$T/st") | head -2 >"$T/head"
	fi
	[ "$(wc -l <"$T/head")" = 2 ] || fail "--dump | head -2 (SIGPIPE $pipe): not 2 lines"
	[ -s "$T/err" ] && fail "--dump | head -2 (SIGPIPE $pipe): stderr: $(cat "$T/err")"
	[ "$(cat "$T/st")" != 0 ] || fail "--dump | head -2 (SIGPIPE $pipe): status 0 for a cut output"
	ok "--dump | head -2 (SIGPIPE $pipe): quiet, status $(cat "$T/st")"
done

for mode in --json --quotes --dump; do
	cp "$big" "$T/f.txt"
	("$PATHAK" "$mode" "$T/f.txt" 2>"$T/err"; echo $? >"$T/st") |
		(head -c 1 >/dev/null; truncate -s 1000 "$T/f.txt"; cat >/dev/null)
	st=$(cat "$T/st")
	[ "$st" = 135 ] && fail "$mode: killed by SIGBUS when the file shrank"
	[ "$st" = 1 ] || fail "$mode: exit status $st after the file shrank, want 1 ($(cat "$T/err"))"
	grep -q -F "$T/f.txt: file changed while reading" "$T/err" ||
		fail "$mode: stderr does not say the file changed: $(cat "$T/err")"
	ok "$mode, file truncated mid-run: status 1, $(cat "$T/err")"
done
finish
