#!/bin/sh
# json_sums.sh SRCDIR PATHAK [--write] - is `pathak --json` unchanged on the
# ../shared articles?  For each article, SHA-256 of its --json output with
# every "rule" and "speaker_entity" field and a null "encoding" removed and "entities" emptied
# (later additions, see src/export.h), compared
# with tests/eval/json.sha256 (one line per article: sum, id).  Only the sums
# are kept in the repository, never article text.  Run from SRCDIR as
# `pathak --json ../shared/data/articles/<id>.txt`, since "source" holds that
# path.  --write regenerates the file from PATHAK instead of checking.
# Skips (exit 0) when ../shared is absent: it is not part of the project.
srcdir=${1:?usage: json_sums.sh SRCDIR PATHAK [--write]}
pathak=${2:?usage: json_sums.sh SRCDIR PATHAK [--write]}
sums=$srcdir/tests/eval/json.sha256
cd "$srcdir" || exit 1
arts=../shared/data/articles
if [ ! -d "$arts" ]; then
	echo "json-sums: $srcdir/$arts not found; skipping"
	exit 0
fi
tmp=${TMPDIR:-/tmp}/pathak-sums.$$
trap 'rm -f "$tmp"' EXIT INT TERM
: > "$tmp" || exit 1
for f in "$arts"/*.txt; do
	id=${f##*/}
	id=${id%.txt}
	# "rule" is always the last key of a quote object and its value a
	# plain ASCII name: a `,"rule":"` inside a JSON string would be escaped
	# likewise "speaker_entity" (after "rule") and the rows of "entities"
	sum=$("$pathak" --json "$f" 2>/dev/null | sed 's/,"encoding":null}$/}/; s/,"rule":"[^"]*"//g; s/,"speaker_entity":[0-9a-z]*//g; s/,"entities":\[.*\]}$/,"entities":[]}/' |
		sha256sum | cut -d' ' -f1) || exit 1
	echo "$sum  $id" >> "$tmp"
done
if [ "${3:-}" = --write ]; then
	cp "$tmp" "$sums" && echo "json-sums: wrote $(wc -l < "$sums") sums to $sums"
	exit $?
fi
# compare by article id
awk 'NR == FNR { want[$2] = $1; next }
     { n++; if (want[$2] == $1) same++; else { bad++; if (bad <= 20) print "  differs: " $2 } }
     END { for (id in want) w++
           printf "json-sums: %d of %d articles identical (--json without \"rule\")\n", same, w
           exit !(same == w && n == w) }' "$sums" "$tmp"
