#!/bin/sh
# tests/quotes_stream.sh - `pathak --quotes` on a stream writes each
# quotation once it is final, not at the end of the stream:
#  * yes '…' | pathak --quotes | head -2 ends at once (never waits for EOF);
#  * of a slow pipe, quotations are written while the writer still sleeps,
#    and in the end they are the list `--quotes FILE` gives without the
#    entity pass (which a stream cannot wait for), whatever the chunks;
#  * a stream shorter than the look-ahead is written at its end, complete.
. "$top_srcdir/tests/lib.sh"

out=$(timeout 10 sh -c "yes 'राम ने कहा “हम आएँगे।”' | '$PATHAK' --quotes | head -2")
[ $? -eq 0 ] || fail "yes | pathak --quotes | head -2 did not end"
[ "$(printf '%s\n' "$out" | head -1)" = "1. [direct] राम (ने कहा) {cue-before}" ] ||
	fail "yes | pathak --quotes | head -2 printed: $out"
ok "yes | pathak --quotes | head -2 ends"

# the seed eight times: some 70 KB, well past the look-ahead
for i in 1 2 3 4 5 6 7 8; do cat "$SEED"; done >"$T/seed8"
PATHAK_NER_MODEL=/nonexistent "$PATHAK" --quotes "$T/seed8" >"$T/want" 2>/dev/null ||
	fail "--quotes of the file failed"
( cat "$T/seed8"; sleep 5 ) | "$PATHAK" --quotes >"$T/slow" &
sleep 2.5
grep -q '^1\. ' "$T/slow" || fail "--quotes wrote nothing while the pipe was open"
n=$(grep -c '^[0-9]*\. ' "$T/slow")
wait
[ "$(grep -c '^[0-9]*\. ' "$T/want")" -gt "$n" ] ||
	fail "--quotes wrote all $n quotations before the pipe ended (the end was not waited for)"
cmp -s "$T/want" "$T/slow" || fail "--quotes of a pipe differs from --quotes of the file: $(diff "$T/want" "$T/slow" | head -5)"
ok "--quotes writes $n quotations before the pipe ends, then the rest: the file's list"

# dribbled in pieces of odd sizes, a line cut anywhere: the same list
python3 - "$T/seed8" "$PATHAK" "$T/chunks" <<'PY' || fail "--quotes of a dribbled stream failed"
import subprocess, sys, time
data = open(sys.argv[1], "rb").read()
p = subprocess.Popen([sys.argv[2], "--quotes"], stdin=subprocess.PIPE, stdout=open(sys.argv[3], "wb"))
i, k = 0, 0
while i < len(data):
    n = (7919 * (k + 1)) % 6000 + 1
    p.stdin.write(data[i:i + n])
    p.stdin.flush()
    i += n
    k += 1
    if k % 5 == 0:
        time.sleep(0.01)
p.stdin.close()
sys.exit(p.wait())
PY
cmp -s "$T/want" "$T/chunks" || fail "--quotes of a dribbled stream differs: $(diff "$T/want" "$T/chunks" | head -5)"
ok "--quotes of a stream read in odd pieces: the file's list"

( cat "$SEED"; sleep 1 ) | "$PATHAK" --quotes >"$T/short" || fail "--quotes of a short pipe failed"
PATHAK_NER_MODEL=/nonexistent "$PATHAK" --quotes "$SEED" 2>/dev/null | cmp -s - "$T/short" ||
	fail "--quotes of a short pipe differs from the file's"
printf '' | "$PATHAK" --quotes | grep -qx '(no quotations found)' || fail "an empty pipe: no '(no quotations found)'"
ok "a short pipe: its quotations at the end; an empty one: none found"
finish
