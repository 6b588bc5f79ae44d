#!/bin/sh
# tests/bench/list_bench.sh SRCDIR PATHAK [DIR] - a benchmark, not a test.
#
# The article list (pathak DIR) on ../shared/data/articles (or DIR): the
# time to its first screen (the rows, by file name, and the keys' line
# written), to the first titles on it (the first Devanagari bytes), and
# until every article is read and counted (its "N articles read in" note), in a
# 120x30 pseudo-terminal (tests/bench/ptyharness.py).  REPS runs (default
# 11), median reported.  Skips without the folder.
srcdir=${1:?usage: list_bench.sh SRCDIR PATHAK [DIR]}
pathak=${2:?usage: list_bench.sh SRCDIR PATHAK [DIR]}
dir=${3:-$srcdir/../shared/data/articles}
command -v python3 >/dev/null 2>&1 || { echo "list_bench: python3 is not installed (skipped)"; exit 0; }
[ -d "$dir" ] || { echo "list_bench: $dir is absent (skipped)"; exit 0; }
[ -x "$pathak" ] || { echo "list_bench: $pathak is not built" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/pathak-list.XXXXXX") || exit 1
trap 'rm -rf "$state"' EXIT

COLS=120 XDG_STATE_HOME=$state python3 - "$pathak" "$dir" "$srcdir/tests/bench" <<'PYEOF'
import os, statistics, sys, time
sys.path.insert(0, sys.argv[3])
from ptyharness import Run, COLS, ROWS

pathak, path = sys.argv[1], sys.argv[2]
REPS = int(os.environ.get('REPS', '11'))
first, titled, done = [], [], []
n = len([f for f in os.listdir(path) if not f.startswith('.')])
for _ in range(REPS):
    r = Run([pathak, path])
    try:
        first.append(r.wait_for(b'Enter read') - r.t0)
        r.seen = 0
        titled.append(r.wait_for(b'\xe0\xa4') - r.t0)
        done.append(r.wait_for(b'articles read in') - r.t0)
    finally:
        r.quit()
med = statistics.median
print('%d runs, median; window %dx%d; %s (%d files)' % (REPS, COLS, ROWS, path, n))
print('first screen of the list       %7.1f ms' % (med(first) * 1000))
print('its titles drawn                %7.1f ms' % (med(titled) * 1000))
print('every article read and counted %7.1f ms' % (med(done) * 1000))
PYEOF
