#!/bin/sh
# tests/wrap_shared.sh - the wrap properties of dump.sh on every article of
# the local corpus, $top_srcdir/../shared/data/articles/*.txt (skipped when
# that directory is absent, e.g. in a distribution tarball elsewhere):
#  * no line wider than the width (glibc wcwidth rules, see tests/lib.sh),
#  * no line starting with a combining mark / vowel sign / virama,
#  * no text lost or invented (whitespace aside), exit 0, nothing on stderr.
#
# Widths: all of 10..120 for ~600 files would be ~66,000 runs; this uses 13
# widths, a mix of primes and common terminal widths, at and around the
# interesting small ones:  10 11 13 17 23 31 40 53 60 71 80 97 120.
# All dumps are spawned from one python3 process (see wrap_check), one per
# CPU in parallel: 597 files x 13 widths = 7,761 runs took 49 s on the
# development machine (2 CPUs, other builds running), under the ~60 s
# budget; drop widths here if it grows.  The corpus texts are third-party:
# they are only read here, never copied into the repository.
. "$top_srcdir/tests/lib.sh"
need_python

[ -d "$SHARED_ARTICLES" ] || skip "no corpus at $SHARED_ARTICLES"
set -- "$SHARED_ARTICLES"/*.txt
[ -f "$1" ] || skip "no .txt articles in $SHARED_ARTICLES"
echo "corpus: $# articles in $SHARED_ARTICLES"
wrap_check 10,11,13,17,23,31,40,53,60,71,80,97,120 "$@" ||
	fail "wrap properties on the corpus (see above)"
ok "all $# corpus articles wrap correctly at 13 widths"
exit 0
