#!/bin/sh
# ner_bench.sh SRCDIR NER-TOOL - load time and tokens/s of assets/ner.model
# on the sample article (one core).  Not part of make check.
set -eu
src=$1 tool=$2
model=${PATHAK_NER_MODEL:-$src/assets/ner.model}
ls -l "$model" | awk '{ print "model: " $5 " bytes" }'
"$tool" bench "$model" "${NER_BENCH_TEXT:-$src/assets/articles/seed.txt}"
