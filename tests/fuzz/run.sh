#!/bin/sh
# tests/fuzz/run.sh [SECONDS] - fuzz libpathak and the layout with libFuzzer
# (clang, with ASan and UBSan) for SECONDS (default 60).  Not part of make
# check: a developer's tool.  New crashes land in tests/fuzz/crashes/; add
# the minimized ones to tests/fuzz/corpus/ so that make check keeps them.
set -e
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/pathak-fuzz
mkdir -p "$out/corpus" "$out/inc" "$top/tests/fuzz/crashes"
cp "$top/tests/fuzz/fuzz_config.h" "$out/inc/config.h"
cp "$top"/tests/fuzz/corpus/* "$out/corpus/"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
clang $flags -DPATHAK_LIBFUZZER -DFUZZ_TOP="\"$top\"" -I"$out/inc" -I"$top/src" -I"$top/ui" -I"$top/assets" \
	"$top/tests/fuzz/fuzz_doc.c" "$top"/src/*.c "$top"/src/quote/*.c "$top/ui/width.c" "$top/ui/layout.c" \
	$(pkg-config --cflags --libs icu-uc icu-i18n jansson) -lunistring -o "$out/fuzz_doc"
cd "$out"
./fuzz_doc -max_total_time="$secs" -max_len=65536 -artifact_prefix="$top/tests/fuzz/crashes/" corpus
