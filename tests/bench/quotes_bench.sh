#!/bin/sh
# quotes_bench.sh SRCDIR PATHAK - time `pathak --json` (quotation finding
# included) on ~100 MB of articles and on files of 10^4, 10^5, 10^6
# unbalanced marks, to show linear growth.  Not a test; prints timings.
# Needs ../shared/data/articles (skips without it).  Files go to $TMPDIR.
srcdir=${1:?usage: quotes_bench.sh SRCDIR PATHAK}
pathak=${2:?usage: quotes_bench.sh SRCDIR PATHAK}
arts=$srcdir/../shared/data/articles
tmp=${TMPDIR:-/tmp}/pathak-qbench.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

t() {  # t FILE - seconds for pathak --json FILE
	s=$(date +%s.%N)
	"$pathak" --json "$1" >/dev/null || echo "  (pathak failed on $1)"
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }'
}

if [ -d "$arts" ]; then
	cat "$arts"/*.txt > "$tmp/one"
	: > "$tmp/big"
	while [ "$(wc -c < "$tmp/big")" -lt 100000000 ]; do
		cat "$tmp/one" "$tmp/one" "$tmp/one" "$tmp/one" >> "$tmp/big"
	done
	echo "articles x N: $(wc -c < "$tmp/big") bytes: $(t "$tmp/big") s"
else
	echo "no $arts; skipping the 100 MB run"
fi
for n in 10000 100000 1000000; do
	# stray openers and closers with words between, on one line and on many
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf (i % 3 ? "“क ख " : "” ग "); print "" }' > "$tmp/m1"
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf ("\"क %s", (i % 50 ? "" : "\n")); print "" }' > "$tmp/m2"
	echo "$n marks: one line $(t "$tmp/m1") s, paragraphs $(t "$tmp/m2") s"
done
