#!/bin/sh
# tests/bench/pane_bench.sh SRCDIR PATHAK [FILE] - a benchmark, not a test.
#
# Time to the first screen with the entity pane open (pathak --pane) against
# the same without it, on the bundled article (or FILE), in a 100x30
# pseudo-terminal (tests/bench/ptyharness.py).  The first screen is complete
# when the status line's ¶ has been written, and with the pane also its
# "Entities:" header (finding the entities happens before it).  REPS runs
# each (default 15), alternating, median reported.
srcdir=${1:?usage: pane_bench.sh SRCDIR PATHAK [FILE]}
pathak=${2:?usage: pane_bench.sh SRCDIR PATHAK [FILE]}
file=${3:-$srcdir/assets/articles/seed.txt}
command -v python3 >/dev/null 2>&1 || { echo "pane_bench: python3 is not installed (skipped)"; exit 0; }
[ -x "$pathak" ] || { echo "pane_bench: $pathak is not built" >&2; exit 1; }

python3 - "$pathak" "$file" "$srcdir/tests/bench" <<'PYEOF'
import os, statistics, sys, time
sys.path.insert(0, sys.argv[3])
from ptyharness import first_screen, COLS, ROWS

pathak, path = sys.argv[1], sys.argv[2]
REPS = int(os.environ.get('REPS', '15'))

plain, pane = [], []
for _ in range(REPS):
    plain.append(first_screen([pathak, path], ['\u00b6'.encode()]))
    pane.append(first_screen([pathak, '--pane', path], ['\u00b6'.encode(), b'Entities:']))
med = statistics.median
print('%d runs each, alternating, median; window %dx%d; %s' % (REPS, COLS, ROWS, path))
print('first screen without the pane  %7.1f ms' % (med(plain) * 1000))
print('first screen with the pane     %7.1f ms' % (med(pane) * 1000))
print('ratio (with / without)         %7.2f' % (med(pane) / med(plain)))
PYEOF
