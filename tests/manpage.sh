#!/bin/sh
# tests/manpage.sh - the manual shows its Devanagari whole:
#  * no Devanagari inside bold or italic (.B, .BR, \fB ...): grotty
#    overstrikes bold letter by letter, and less then draws क्ष as ्ष;
#  * rendered by groff for a UTF-8 terminal (as man does, through preconv),
#    the page has क्ष whole; so has the Hindi manual (doc/hi/pathak.1),
#    which groff renders without warnings.
. "$top_srcdir/tests/lib.sh"
need_python

python3 - "$top_srcdir/doc/pathak.1" "$top_srcdir/doc/hi/pathak.1" <<'PY' || fail "a manual sets Devanagari in bold or italic"
import re, sys
bad = []
for n, line in ((f + ":" + str(n), l) for f in sys.argv[1:] for n, l in enumerate(open(f, encoding="utf-8"), 1)):
    deva = re.search("[\u0900-\u097F]", line)
    if not deva:
        continue
    if re.match(r"\.(B|I|BR|RB|BI|IB|IR|RI|SH|SS)\b", line) or \
       re.search(r"\\f[BI](?:(?!\\f[RP]).)*[\u0900-\u097F]", line):
        bad.append("%d: %s" % (n, line.rstrip()))
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
if command -v groff >/dev/null 2>&1 && command -v preconv >/dev/null 2>&1; then
	preconv -e UTF-8 "$top_srcdir/doc/pathak.1" | groff -man -Tutf8 2>/dev/null >"$T/man.txt"
	grep -F -q 'क्ष' "$T/man.txt" || fail "groff -Tutf8 does not show क्ष whole"
	grep -F -q '्ष stay' "$T/man.txt" && ! grep -F -q 'क्ष stay' "$T/man.txt" &&
		fail "groff -Tutf8 shows ्ष"
	preconv -e UTF-8 "$top_srcdir/doc/hi/pathak.1" | groff -man -Tutf8 -ww 2>"$T/hi.err" >"$T/hi.txt"
	grep -v "can't break line" "$T/hi.err" | grep -q . && fail "groff warns about the Hindi manual: $(cat "$T/hi.err")"
	grep -F -q 'क्ष' "$T/hi.txt" || fail "the Hindi manual does not show क्ष whole"
	sed 's/.\x08//g' "$T/hi.txt" | grep -F -q -- '--no-resume' || fail "the Hindi manual lacks an option"
	ok "the manuals keep Devanagari out of bold, and क्ष renders whole in both"
else
	ok "the manual keeps Devanagari out of bold (groff not installed: not rendered)"
fi
finish
