#!/bin/sh
# tests/bench/bench.sh SRCDIR PATHAK - a benchmark, not a test (`make bench`).
#
# Builds a ~100 MB article by concatenating SRCDIR/../shared/data/articles/
# *.txt over and over (in a mktemp -d directory under $TMPDIR or /tmp,
# removed at exit), with an ASCII marker line at the start (BENCHSTART...)
# and at the very end (BENCHEND...), and compares pathak with less on it:
#
#  1. first screen: time from fork+exec until the start marker has been
#     written to the terminal;
#  2. G: time from sending G until the end marker has been written;
#  3. peak memory: VmHWM from /proc/PID/status, read after G once the
#     program has stopped using CPU (background indexing done), before q;
#     RssAnon/RssFile at that moment show how much of it is the mapped file.
#
# Both programs run under the same small pty harness (python3: pty.fork,
# select on the master, window size set with TIOCSWINSZ, TERM=xterm-256color,
# LC_ALL=C.UTF-8, LESS/LESSOPEN unset).  The harness answers the terminal
# queries a program may send at start-up like a plain xterm would (cursor
# position reports with each code point advancing by its wcwidth, device
# attributes, XTVERSION, DECRQM 2027 unknown) so that a probing program is
# not made to wait for a timeout.  Each program is run REPS times (default 5) and the
# median is reported.  Environment: REPS, BENCH_MB (default 100), COLS,
# LINES (default 100x30), LESS_ARGS (options for less, e.g. -N: with line
# numbers less must count every line before it can show the end).
#
# Exits 0 with a message when ../shared or less is missing.
srcdir=${1:?usage: bench.sh SRCDIR PATHAK}
pathak=${2:?usage: bench.sh SRCDIR PATHAK}
arts=$srcdir/../shared/data/articles
if [ ! -d "$arts" ]; then
	echo "bench: $arts is absent: nothing to measure (skipped)"
	exit 0
fi
for tool in python3 less; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is not installed (skipped)"; exit 0; }
done
[ -x "$pathak" ] || { echo "bench: $pathak is not built" >&2; exit 1; }

mb=${BENCH_MB:-100}
dir=$(mktemp -d "${TMPDIR:-/tmp}/pathak-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
trap 'rm -rf "$dir"; exit 1' HUP INT TERM

big=$dir/big.txt
printf 'BENCHSTART pathak benchmark article\n\n' >"$big"
one=$dir/one.txt
cat "$arts"/*.txt >"$one"
onesize=$(wc -c <"$one")
[ "$onesize" -gt 0 ] || { echo "bench: no articles in $arts" >&2; exit 1; }
want=$((mb * 1024 * 1024))
size=0
while [ "$size" -lt "$want" ]; do
	cat "$one" >>"$big"
	size=$((size + onesize))
done
printf '\n\nBENCHEND the last line of the benchmark article\n' >>"$big"
rm -f "$one"
echo "bench: $(wc -c <"$big") bytes, $(wc -l <"$big") lines in $big"
echo "bench: pathak = $pathak; less = $(command -v less) ($(less --version | head -n 1))"

python3 - "$pathak" "$big" "$srcdir/tests/bench" <<'PYEOF'
import os, statistics, sys, time
sys.path.insert(0, sys.argv[3])
from ptyharness import Run, COLS, ROWS

pathak, big = sys.argv[1], sys.argv[2]
REPS = int(os.environ.get('REPS', '5'))
START, END = b'BENCHSTART', b'BENCHEND'

def measure(argv):
    first, gtime, hwm, anon, filek = [], [], [], [], []
    for _ in range(REPS):
        r = Run(argv)
        try:
            first.append(r.wait_for(START) - r.t0)
            r.drain()
            r.seen = len(r.buf)
            t = time.monotonic()
            os.write(r.fd, b'G')
            gtime.append(r.wait_for(END) - t)
            r.settle()
            m = r.status_kb()
            hwm.append(m[0]); anon.append(m[1]); filek.append(m[2])
        finally:
            r.quit()
    med = statistics.median
    return med(first), med(gtime), med(hwm), first, gtime, med(anon), med(filek)

less = measure(['less'] + os.environ.get('LESS_ARGS', '').split() + [big])
pk = measure([pathak, big])

def ms(x):
    return '%.1f ms' % (x * 1000)
def mb(kb):
    return '%.1f MB' % (kb / 1024)
def ratio(a, b):
    return '%.3g' % (b / a) if a else '-'
print()
print('%d runs each, median; window %dx%d, TERM=xterm-256color; less %s' % (REPS, COLS, ROWS, os.environ.get('LESS_ARGS', '(no options)')))
print('%-22s %12s %12s %10s' % ('metric', 'less', 'pathak', 'pathak/less'))
print('%-22s %12s %12s %10s' % ('first screen', ms(less[0]), ms(pk[0]), ratio(less[0], pk[0])))
print('%-22s %12s %12s %10s' % ('G (end of file)', ms(less[1]), ms(pk[1]), ratio(less[1], pk[1])))
print('%-22s %12s %12s %10s' % ('peak RSS (VmHWM)', mb(less[2]), mb(pk[2]), ratio(less[2], pk[2])))
print('%-22s %12s %12s %10s' % ('  RssAnon at the end', mb(less[5]), mb(pk[5]), ratio(less[5], pk[5])))
print('%-22s %12s %12s %10s' % ('  RssFile at the end', mb(less[6]), mb(pk[6]), ratio(less[6], pk[6])))
print()
print('all runs (s): less first %s G %s' % (['%.4f' % x for x in less[3]], ['%.4f' % x for x in less[4]]))
print('              pathak first %s G %s' % (['%.4f' % x for x in pk[3]], ['%.4f' % x for x in pk[4]]))
PYEOF
