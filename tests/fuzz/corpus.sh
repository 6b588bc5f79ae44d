#!/bin/sh
# tests/fuzz/corpus.sh - the fuzz targets' regression run: every input in
# tests/fuzz/corpus (hand-written messy text, what fuzzing found) and the
# web pages of tests/fixtures goes once
# through each target's entry point (built without libFuzzer); the targets
# abort on a broken invariant and the sanitizer build catches memory errors.
. "$top_srcdir/tests/lib.sh"
for t in fuzz_doc fuzz_quotes fuzz_ner fuzz_fold fuzz_draw fuzz_html; do
	"$top_builddir/tests/fuzz/$t" "$top_srcdir"/tests/fuzz/corpus/* \
		"$top_srcdir"/tests/fixtures/*.html >"$T/$t.out" 2>&1 ||
		{ cat "$T/$t.out"; fail "the fuzz target $t failed on its corpus"; }
	ok "$t: $(grep -c '^ok ' "$T/$t.out") inputs"
done
finish
