#!/bin/sh
# eval.sh SRCDIR PATHAK - score `pathak --json` quotations against the gold-dev
# annotations in SRCDIR/../shared (exact-span P/R/F1, speaker accuracy).
# Skips (exit 0) when ../shared is absent: the data is not part of the project.
srcdir=${1:?usage: eval.sh SRCDIR PATHAK}
pathak=${2:?usage: eval.sh SRCDIR PATHAK}
shared=$srcdir/../shared/data
if [ ! -d "$shared/gold-dev" ] || [ ! -d "$shared/articles" ]; then
	echo "eval: $srcdir/../shared not found; skipping"
	exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "eval: python3 not found; skipping"; exit 0; }
exec python3 "$srcdir/tests/eval/score_quotes.py" "$shared/gold-dev" "$shared/articles" "$pathak" ${EVAL_VERBOSE:+-v}
