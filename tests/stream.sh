#!/bin/sh
# tests/stream.sh - streams and encodings without a terminal:
#  * yes | pathak --dump | head -2 ends (dump writes as it reads);
#  * --dump of a slow pipe writes the first paragraphs before the writer ends;
#  * --json /dev/zero and --json of a binary file exit 2 with one line;
#    --binary --max-input reads /dev/zero up to the limit and says so;
#  * /proc/cpuinfo (size 0) is not empty;
#  * UTF-16 with a BOM dumps as the UTF-8 text; --json says "encoding";
#  * Latin-1 is flagged on stderr and --encoding=ISO-8859-1 decodes it.
. "$top_srcdir/tests/lib.sh"

out=$(timeout 10 sh -c "yes नमस्ते | '$PATHAK' --dump | head -2")
[ $? -eq 0 ] || fail "yes | pathak --dump | head -2 did not end"
[ "$(printf '%s\n' "$out" | head -1)" = "नमस्ते" ] || fail "yes | pathak --dump | head -2 printed: $out"
ok "yes | pathak --dump | head -2 ends"

( cat "$SEED"; sleep 3 ) | "$PATHAK" --dump >"$T/slow" &
sleep 1.5
[ -s "$T/slow" ] || fail "--dump wrote nothing while the pipe was open"
wait
"$PATHAK" --dump "$SEED" | cmp -s - "$T/slow" || fail "--dump of a pipe differs from --dump of the file"
ok "--dump writes as it reads, and the same lines"

"$PATHAK" --json /dev/zero >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "--json /dev/zero: exit $rc, want 2"
grep -q "binary" "$T/err" || fail "--json /dev/zero: no word that it is binary: $(cat "$T/err")"
printf 'x\000y\n' >"$T/bin"
"$PATHAK" --quotes "$T/bin" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--quotes on a binary file: exit $rc, want 2"
"$PATHAK" --dump "$T/bin" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--dump on a binary file: exit $rc, want 2"
"$PATHAK" --dump --binary "$T/bin" >/dev/null 2>&1 || fail "--dump --binary failed"
timeout 20 "$PATHAK" --json --binary --max-input=8M /dev/zero >"$T/out" 2>"$T/err" ||
	fail "--json --binary --max-input=8M /dev/zero failed or did not end: $(cat "$T/err")"
grep -q "stopped reading at 8388608 bytes" "$T/err" || fail "the limit is not reported: $(cat "$T/err")"
ok "binary input: exit 2 for --json/--quotes/--dump; --binary and --max-input read /dev/zero to the limit"

if [ -r /proc/cpuinfo ]; then
	"$PATHAK" --dump /proc/cpuinfo | grep -q . || fail "/proc/cpuinfo dumps empty"
	ok "/proc/cpuinfo is read (size 0 is not empty)"
fi

printf '\377\376' >"$T/u16"
printf 'शीर्षक\nराम ने कहा, “हम आएँगे।”\n' >"$T/u8"
iconv -f UTF-8 -t UTF-16LE <"$T/u8" >>"$T/u16" 2>/dev/null || skip "iconv cannot make UTF-16"
"$PATHAK" --dump "$T/u16" >"$T/a" && "$PATHAK" --dump "$T/u8" >"$T/b" || fail "--dump failed"
cmp -s "$T/a" "$T/b" || fail "UTF-16 with a BOM does not dump as its UTF-8 text"
"$PATHAK" --json "$T/u16" | grep -q ',"encoding":"UTF-16LE"}$' || fail "--json of UTF-16 lacks \"encoding\""
"$PATHAK" --json "$T/u8" | grep -q ',"encoding":null}$' || fail "--json of UTF-8: \"encoding\" is not null"
ok "UTF-16LE with a BOM: decoded; --json says encoding"

printf 'Le gar\347on a mang\351 une cr\352pe \340 la cr\350me br\373l\351e, pr\350s de la fen\352tre.\n' >"$T/l1"
"$PATHAK" --dump "$T/l1" 2>"$T/err" >/dev/null
grep -q "not valid UTF-8" "$T/err" || fail "Latin-1 input is not flagged: $(cat "$T/err")"
"$PATHAK" --dump --encoding=ISO-8859-1 "$T/l1" 2>"$T/err" | grep -q "garçon" ||
	fail "--encoding=ISO-8859-1 does not decode"
[ ! -s "$T/err" ] || fail "--encoding=ISO-8859-1 still warns: $(cat "$T/err")"
"$PATHAK" --dump --encoding=no-such-thing "$T/l1" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--encoding=no-such-thing: exit $rc, want 2"
ok "Latin-1 flagged; --encoding decodes it"
finish
