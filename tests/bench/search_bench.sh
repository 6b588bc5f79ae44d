#!/bin/sh
# search_bench.sh SRCDIR SEARCH_BENCH - the search backend on a 100 MB file:
# pk_search_scan over all of it (folded, exact, slow path, slices) against
# rg -F.  The file is the articles of ../shared/data/articles repeated, with
# one unique word placed near the end; it is built once in /tmp.  Skips when
# the articles are absent.  (The full `pathak +/WORD BIG`, screen and all,
# is timed by the UI's benchmark.)
set -eu
srcdir=$1 bench=$2
arts=$srcdir/../shared/data/articles
big=${SEARCH_BENCH_FILE:-/tmp/pathak-search-100M.txt}
word=गिरगिटानंद
if ! test -d "$arts"; then
	echo "bench-search: $arts is absent; skipped"
	exit 0
fi
if ! test -s "$big" || ! grep -qF "$word" "$big"; then
	: >"$big.tmp"
	while test "$(wc -c <"$big.tmp")" -lt 100000000; do
		cat "$arts"/*.txt >>"$big.tmp"
	done
	# the word once, about 5 KB before the end
	size=$(wc -c <"$big.tmp")
	head -c $((size - 5000)) "$big.tmp" >"$big"
	printf '\n%s\n' "$word" >>"$big"
	tail -c 5000 "$big.tmp" >>"$big"
	rm -f "$big.tmp"
fi
echo "file: $big, $(wc -c <"$big") bytes; word: $word"
cat "$big" >/dev/null # into the page cache, as for rg
run() { echo "  $*"; "$bench" "$@"; }
echo "pk_search_scan, folded (the default):"
for i in 1 2 3; do run "$big" "$word"; done
run "$big" पुतिन कोस्मोड्रोम
echo "in 4 MB slices, as the pager scans:"
run -s 4 "$big" "$word"
echo "exact:"
run -x "$big" "$word"
echo "romanized (slices of 4 MB; the slow path):"
run -s 4 "$big" putin
if command -v rg >/dev/null 2>&1; then
	echo "rg -F (wall time, best of 3):"
	for i in 1 2 3; do
		s=$(date +%s%N)
		rg -F "$word" "$big" >/dev/null
		e=$(date +%s%N)
		echo "  $(( (e - s) / 1000000 )) ms"
	done
else
	echo "rg: not installed (apt-get install ripgrep)"
fi
if command -v less >/dev/null 2>&1; then
	echo "less: needs a terminal; the UI's benchmark times it against pathak +/$word"
fi
