#!/bin/sh
# tests/fuzz/corpus.sh - the fuzz target's regression run: every input in
# tests/fuzz/corpus (hand-written messy text, past crashes) goes through
# the whole backend and the layout once; the target aborts on a broken
# invariant and the sanitizer build catches memory errors.
. "$top_srcdir/tests/lib.sh"
"$top_builddir/tests/fuzz/fuzz_doc" "$top_srcdir"/tests/fuzz/corpus/* ||
	fail "the fuzz target failed on its corpus"
finish
