#!/bin/sh
# eval.sh SRCDIR PATHAK - score `pathak --json` quotations against gold
# annotations (exact-span P/R/F1, speaker accuracy, overall and per sieve),
# and its entities (F1 of each article's set of (surface, type), averaged).
#   PATHAK_GOLD      gold dir (default SRCDIR/../shared/data/gold-dev); any dir
#                    of <id>.tsv files in the gold-dev format, e.g. a held-out set
#   PATHAK_ARTICLES  article texts (default SRCDIR/../shared/data/articles)
#   EVAL_VERBOSE=1   list false positives, misses and wrong speakers
# Skips (exit 0) when the data is absent: it is not part of the project.
srcdir=${1:?usage: eval.sh SRCDIR PATHAK}
pathak=${2:?usage: eval.sh SRCDIR PATHAK}
shared=$srcdir/../shared/data
gold=${PATHAK_GOLD:-$shared/gold-dev}
arts=${PATHAK_ARTICLES:-$shared/articles}
if [ ! -d "$gold" ] || [ ! -d "$arts" ]; then
	echo "eval: $gold or $arts not found; skipping"
	exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "eval: python3 not found; skipping"; exit 0; }
echo "eval: gold $gold"
python3 "$srcdir/tests/eval/score_quotes.py" "$gold" "$arts" "$pathak" ${EVAL_VERBOSE:+-v} || exit 1
echo
python3 "$srcdir/tests/eval/score_entities.py" "$gold" "$arts" "$pathak" ${EVAL_VERBOSE:+-v}
