#!/bin/sh
# tests/bench/resume_bench.sh SRCDIR PATHAK [FILE] - a benchmark, not a test.
#
# What remembering the place costs at start-up: time to the first screen of
# the bundled article (or FILE) resumed from a full places file (1000
# articles, this one among them, its place in the middle) against the same
# with --no-resume, in a 100x30 pseudo-terminal (tests/bench/ptyharness.py).
# REPS runs each (default 31), alternating, median reported.  The file is
# written into a private $XDG_STATE_HOME by a first run of pathak itself.
srcdir=${1:?usage: resume_bench.sh SRCDIR PATHAK [FILE]}
pathak=${2:?usage: resume_bench.sh SRCDIR PATHAK [FILE]}
file=${3:-$srcdir/assets/articles/seed.txt}
command -v python3 >/dev/null 2>&1 || { echo "resume_bench: python3 is not installed (skipped)"; exit 0; }
[ -x "$pathak" ] || { echo "resume_bench: $pathak is not built" >&2; exit 1; }
state=$(mktemp -d "${TMPDIR:-/tmp}/pathak-resume.XXXXXX") || exit 1
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/pathak"
# 999 other articles, then this one through pathak (so the key is its own)
awk 'BEGIN { print "# pathak places 1";
	for (i = 1; i <= 999; i++) printf "%016x %d - %d a=%d\n", i * 7919, i * 13, 1700000000 + i, i }' \
	>"$state/pathak/places"

XDG_STATE_HOME=$state python3 - "$pathak" "$file" "$srcdir/tests/bench" "$state" <<'PYEOF'
import os, statistics, sys, time
sys.path.insert(0, sys.argv[3])
from ptyharness import first_screen, COLS, ROWS

pathak, path, state = sys.argv[1], sys.argv[2], sys.argv[4]
REPS = int(os.environ.get('REPS', '31'))

# put this article's place in the middle: 50% then q
first_screen([pathak, path], ['\u00b6'.encode()], b'50%')
places = os.path.join(state, 'pathak', 'places')
n = sum(1 for l in open(places) if not l.startswith('#'))
resumed, fresh = [], []
for _ in range(REPS):
    resumed.append(first_screen([pathak, path], ['\u00b6'.encode(), b'back where']))
    fresh.append(first_screen([pathak, '--no-resume', path], ['\u00b6'.encode()]))
med = statistics.median
print('%d runs each, alternating, median; window %dx%d; %s; places file of %d articles'
      % (REPS, COLS, ROWS, path, n))
print('first screen, resumed          %7.1f ms' % (med(resumed) * 1000))
print('first screen, --no-resume      %7.1f ms' % (med(fresh) * 1000))
print('resume adds                    %7.1f ms' % ((med(resumed) - med(fresh)) * 1000))
PYEOF
