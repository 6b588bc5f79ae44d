#!/bin/sh
# ner_eval.sh SRCDIR NER-TOOL - score assets/ner.model (exact span + type,
# micro P/R/F1 over PER/LOC/ORG) on IL-NER $NER_SPLIT (dev unless told;
# report test only once, at the end) and on the sample article's gold.
# Skips when ../shared/data/ner is absent.
set -eu
src=$1 tool=$2
data=$src/../shared/data/ner
model=${PATHAK_NER_MODEL:-$src/assets/ner.model}
split=${NER_SPLIT:-dev}
if [ ! -d "$data/ilner_hindi" ]; then
	echo "eval-ner: $data is absent; skipped"
	exit 0
fi
for f in "$data/ilner_hindi/Hindi-$split.txt" "$data/seed/seed_gold.conll"; do
	echo "== $(basename "$f")"
	"$tool" tag "$model" "$f" | python3 "$src/tests/eval/ner_score.py"
done
