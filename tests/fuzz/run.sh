#!/bin/sh
# tests/fuzz/run.sh [SECONDS [TARGET...]] - build the fuzz targets with
# libFuzzer (clang -fsanitize=fuzzer,address,undefined) and run each for
# SECONDS (default 60).  `make fuzz` calls this.
#
# Environment: FUZZ_OUT (default ./fuzz): objects, binaries, the growing
# corpora (FUZZ_OUT/corpus-TARGET, seeded from tests/fuzz/corpus and the
# seed article) and crash artifacts (FUZZ_OUT/crashes).  FUZZ_BUILDDIR: the
# build directory holding places.inc (default: the current directory).
# FUZZ_CC (default clang), FUZZ_MAX_LEN (default 16384), FUZZ_JOBS for the
# compile (default 2), FUZZ_PARALLEL: how many targets fuzz at once (default
# 1), each in one process.
#
# A crash, leak, timeout or broken invariant ends the run with status 1 and
# names the artifact; minimize it (./fuzz/TARGET -minimize_crash=1 ...),
# add it to tests/fuzz/corpus/ and fix the code: make check replays the
# corpus through every target (tests/fuzz/corpus.sh).
set -e
status=0
secs=${1:-60}
[ $# -gt 0 ] && shift
all="fuzz_doc fuzz_quotes fuzz_ner fuzz_fold fuzz_draw"
targets=${*:-$all}
top=$(cd "$(dirname "$0")/../.." && pwd)
bld=$(cd "${FUZZ_BUILDDIR:-.}" && pwd)
out=${FUZZ_OUT:-$bld/fuzz}
cc=${FUZZ_CC:-clang}
maxlen=${FUZZ_MAX_LEN:-16384}
mkdir -p "$out/inc" "$out/obj" "$out/crashes"
cp "$top/tests/fuzz/fuzz_config.h" "$out/inc/config.h"
[ -f "$bld/places.inc" ] || { echo "run.sh: $bld/places.inc is missing (run make first)" >&2; exit 2; }

san="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="$san -DPATHAK_LIBFUZZER -DFUZZ_TOP=\"$top\" -I$out/inc -I$top/src -I$top/ui -I$top/assets -I$bld"
pkgs=$(pkg-config --cflags icu-uc icu-i18n jansson ncursesw libxml-2.0)
libs="$(pkg-config --libs icu-uc icu-i18n jansson ncursesw libxml-2.0) -lunistring"

# The library and the drawing code once, instrumented for coverage.
srcs=$(cd "$top" && ls src/*.c src/quote/*.c ui/*.c | grep -v -e '^ui/main\.c$')
echo "run.sh: compiling $(echo "$srcs" | wc -l) files with $cc"
export cc cflags pkgs top
for f in $srcs; do
	o="$out/obj/$(echo "$f" | tr '/' '_' | sed 's/\.c$/.o/')"
	if [ ! -f "$o" ] || [ "$top/$f" -nt "$o" ]; then echo "$f $o"; fi
done | xargs -r -n 2 -P "${FUZZ_JOBS:-2}" sh -c \
	'$cc $cflags -fsanitize=fuzzer-no-link $pkgs -c "$top/$0" -o "$1"' || exit 1

for t in $targets; do
	$cc $cflags -fsanitize=fuzzer $pkgs "$top/tests/fuzz/$t.c" "$out"/obj/*.o $libs -o "$out/$t"
	mkdir -p "$out/corpus-$t"
	cp "$top"/tests/fuzz/corpus/* "$top/assets/articles/seed.txt" "$out/corpus-$t/" 2>/dev/null || :
	rm -f "$out/$t.rc"
done

# Each target writes its log to $out/TARGET.log and its status to
# $out/TARGET.rc (not 0: a finding).
export out secs maxlen
echo $targets | tr ' ' '\n' | xargs -n 1 -P "${FUZZ_PARALLEL:-1}" sh -c '
	echo "run.sh: $0 for $secs s"
	cd "$out" && rc=0 && "./$0" -max_total_time="$secs" -max_len="$maxlen" -timeout=25 \
		-print_final_stats=1 -artifact_prefix="$out/crashes/$0-" "corpus-$0" 2>"$out/$0.log" || rc=$?
	echo $rc >"$out/$0.rc"'

for t in $targets; do
	if [ "$(cat "$out/$t.rc" 2>/dev/null)" != 0 ]; then
		tail -60 "$out/$t.log" >&2
		echo "run.sh: $t FAILED; artifacts in $out/crashes:" >&2
		ls "$out/crashes" >&2
		status=1
	fi
	echo "run.sh: $t: $(grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$out/$t.log" | tr -s ' \t\n' ' ')"
done
exit $status
