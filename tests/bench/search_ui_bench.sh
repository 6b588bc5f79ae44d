#!/bin/sh
# tests/bench/search_ui_bench.sh SRCDIR PATHAK - a benchmark, not a test
# (`make bench-search-ui`).
#
# A ~100 MB article built from SRCDIR/../shared/data/articles/*.txt (in a
# mktemp -d directory, removed at exit) with a word found nowhere else
# placed once near its end.  Time from start to the match on the screen:
#   pathak +/WORD BIG   (folding on: the default)
#   less +/WORD BIG     (its default regex search)
# both in a 100x30 pseudo-terminal (tests/bench/ptyharness.py), until the
# word has been written to the terminal; and rg -F WORD BIG until it exits.
# Also pathak's peak memory (VmHWM) once the search is done, against the
# file's size.  REPS runs each (default 5), median.  Targets (issue 9):
# pathak within 3x of rg -F, at least 20x faster than less, memory under
# twice the file.  Skips when ../shared, less or python3 is missing (rg is
# reported as missing but does not stop the rest).
srcdir=${1:?usage: search_ui_bench.sh SRCDIR PATHAK}
pathak=${2:?usage: search_ui_bench.sh SRCDIR PATHAK}
arts=$srcdir/../shared/data/articles
if [ ! -d "$arts" ]; then
	echo "bench-search-ui: $arts is absent: nothing to measure (skipped)"
	exit 0
fi
for tool in python3 less; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "bench-search-ui: $tool is not installed (skipped)"; exit 0; }
done
[ -x "$pathak" ] || { echo "bench-search-ui: $pathak is not built" >&2; exit 1; }

mb=${BENCH_MB:-100}
dir=$(mktemp -d "${TMPDIR:-/tmp}/pathak-sbench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
trap 'rm -rf "$dir"; exit 1' HUP INT TERM

# A made-up word (no pre-base vowel sign: every render mode writes its
# bytes in this order) that the corpus does not have.
WORD=झमटपलखवघढ
big=$dir/big.txt
one=$dir/one.txt
cat "$arts"/*.txt >"$one"
if grep -F -q "$WORD" "$one"; then
	echo "bench-search-ui: $WORD is in the corpus; pick another word" >&2
	exit 1
fi
onesize=$(wc -c <"$one")
want=$((mb * 1024 * 1024))
size=0
: >"$big"
while [ "$size" -lt "$want" ]; do
	cat "$one" >>"$big"
	size=$((size + onesize))
done
# near the end: a paragraph before the last article's worth of text
printf '\nयह वाक्य %s शब्द को एक बार रखता है।\n' "$WORD" >>"$big"
head -c 200000 "$one" >>"$big"
rm -f "$one"
echo "bench-search-ui: $(wc -c <"$big") bytes in $big, $WORD once at byte $(grep -b -o -F "$WORD" "$big" | cut -d: -f1)"
RG=$(command -v rg || :)

python3 - "$pathak" "$big" "$srcdir/tests/bench" "$WORD" "$RG" <<'PYEOF'
import os, statistics, subprocess, sys, time
sys.path.insert(0, sys.argv[3])
from ptyharness import Run, COLS, ROWS

pathak, big, word, rg = sys.argv[1], sys.argv[2], sys.argv[4], sys.argv[5]
REPS = int(os.environ.get('REPS', '5'))
W = word.encode()
size = os.path.getsize(big)

def to_match(argv, mem=False):
    times, hwm = [], []
    for _ in range(REPS):
        r = Run(argv)
        try:
            times.append(r.wait_for(W) - r.t0)
            if mem:
                r.settle()
                hwm.append(r.status_kb()[0])
        finally:
            r.quit()
    return times, hwm

def rg_runs():
    times = []
    for _ in range(REPS):
        t = time.monotonic()
        p = subprocess.run([rg, '-F', word, big], stdout=subprocess.PIPE)
        times.append(time.monotonic() - t)
        assert p.returncode == 0 and W in p.stdout
    return times

med = statistics.median
pk, pk_mem = to_match([pathak, '+/' + word, big], mem=True)
ls, _ = to_match(['less', '+/' + word, big])
rgt = rg_runs() if rg else None

def ms(x):
    return '%.1f ms' % (x * 1000)
print()
print('%d runs each, median; window %dx%d; time from start to the match on screen' % (REPS, COLS, ROWS))
print('  pathak +/WORD   %10s   %s' % (ms(med(pk)), ' '.join('%.3f' % x for x in pk)))
print('  less +/WORD     %10s   %s' % (ms(med(ls)), ' '.join('%.3f' % x for x in ls)))
if rgt:
    print('  rg -F WORD      %10s   %s (until it exits)' % (ms(med(rgt)), ' '.join('%.3f' % x for x in rgt)))
else:
    print('  rg -F WORD      (rg is not installed)')
print('pathak / rg -F    %10s   (target: at most 3)' % ('%.2f' % (med(pk) / med(rgt)) if rgt else '-'))
print('less / pathak     %10s   (target: at least 20)' % ('%.1f' % (med(ls) / med(pk))))
print('pathak peak RSS   %10s   = %.2f x the file (%.1f MB; target: under 2)'
      % ('%.1f MB' % (med(pk_mem) / 1024), med(pk_mem) * 1024 / size, size / 1048576))
PYEOF
