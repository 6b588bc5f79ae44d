#!/bin/sh
# tests/scale.sh - big and hostile inputs behave (behaviour, not time:
# timings are in tests/bench/scale_bench.sh, make bench-scale).
#  1. --dump and --json of a 48 MB file hand the pages they have read back:
#     the peak resident size stays far below the file's size.
#  2. A cluster of 5000 accents on one letter (10 KB) across the 64 KB cut
#     of a line of 105 KB without spaces comes out whole on one line of
#     --dump.
#  3. --json on a 100 KB line of letters and 10^4 stray quotation marks
#     succeeds, with blocks of at most 64 KB.
. "$top_srcdir/tests/lib.sh"
need_python

# peak_kb CMD... - run CMD (stdout to /dev/null), print its peak RSS in KB
peak_kb() {
	python3 -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
if r.returncode:
    sys.exit("exit %d" % r.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}

# 1. 48 MB: a short paragraph, then 64 KB of blank lines, again and again
python3 -c '
import sys
blank = "\n" * 65536
para = "राम ने कहा कि कल बारिश होगी।\n"
with open(sys.argv[1], "w") as f:
    for i in range(48 * 1024 * 1024 // (len(blank) + len(para.encode()))):
        f.write(para + blank)' "$T/big.txt" || hard_error "could not write $T/big.txt"
for mode in --dump --json; do
	kb=$(peak_kb "$PATHAK" $mode "$T/big.txt") || fail "pathak $mode on 48 MB: $kb"
	[ "$kb" -lt 28000 ] || fail "pathak $mode on 48 MB peaks at $kb KB resident (pages not handed back)"
	ok "pathak $mode on 48 MB peaks at $kb KB resident"
done
rm -f "$T/big.txt"

# 2. the cluster
python3 -c '
import sys
s = "शीर्षक\n\n" + "क" * 20000 + "ख" + "\u0301" * 5000 + "क" * 15000 + "\n"
open(sys.argv[1], "w").write(s)' "$T/cluster.txt"
"$PATHAK" --dump --width=80 "$T/cluster.txt" >"$T/cluster.out" || fail "--dump of the cluster exits $?"
# (the screen draws a few of its marks; split, a second line would start
# with the rest, drawn on a dotted circle ◌)
python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
marked = [l for l in lines if "\u0301" in l]
sys.exit(0 if len(marked) == 1 and marked[0].startswith("ख") and
         not any("\u25cc" in l for l in lines) else 1)' "$T/cluster.out" ||
	fail "the 10 KB cluster is split in --dump"
ok "a 10 KB cluster comes out whole"

# 3. a 100 KB line and stray marks
python3 -c '
import sys
s = "शीर्षक\n\n" + "क" * 34000 + "\n\n" + "“क ख " * 10000 + "\nअंत।\n"
open(sys.argv[1], "w").write(s)' "$T/long.txt"
"$PATHAK" --json "$T/long.txt" >"$T/long.json" || fail "--json of the long line exits $?"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
b = d["blocks"]
assert len(b) >= 4, len(b)
assert all(x["end"] - x["start"] <= 65536 for x in b)' "$T/long.json" || fail "--json blocks of the long line"
ok "--json of a 100 KB line and 10^4 stray marks"
finish
