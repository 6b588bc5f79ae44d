#!/bin/sh
# tests/mankeys.sh - the KEYS section of doc/pathak.1 is the key table of
# ui/keys.c: the lines between the BEGIN KEYS and END KEYS comments are
# exactly what `pathak --help-keys=man` prints, so editing the table but
# not the manual (or the manual but not the table) fails here.
#   sh tests/mankeys.sh --update   rewrites that part of the manual
#                                  (make update-man runs it).
# Also: the help screen (--help-keys) lists every key of the manual, and
# the TERMINALS section (BEGIN MODES .. END MODES) is exactly what
# `pathak --help-terminals=man` prints: the table the modes are chosen by.
. "$top_srcdir/tests/lib.sh"

MAN=$top_srcdir/doc/pathak.1
grep -q '^\.\\" BEGIN KEYS' "$MAN" && grep -q '^\.\\" END KEYS' "$MAN" ||
	fail "doc/pathak.1 has no BEGIN KEYS / END KEYS markers"
"$PATHAK" --help-keys=man >"$T/gen" || fail "pathak --help-keys=man failed"
[ -s "$T/gen" ] || fail "pathak --help-keys=man printed nothing"

if [ "${1:-}" = --update ]; then
	awk -v gen="$T/gen" '
		/^\.\\" END KEYS/ { skip = 0 }
		!skip { print }
		/^\.\\" BEGIN KEYS/ { while ((getline l < gen) > 0) print l; skip = 1 }
	' "$MAN" >"$T/man" || hard_error "awk failed"
	"$PATHAK" --help-terminals=man >"$T/modes" || hard_error "pathak --help-terminals=man failed"
	awk -v gen="$T/modes" '
		/^\.\\" END MODES/ { skip = 0 }
		!skip { print }
		/^\.\\" BEGIN MODES/ { while ((getline l < gen) > 0) print l; skip = 1 }
	' "$T/man" >"$T/man2" || hard_error "awk failed"
	cmp -s "$T/man2" "$MAN" || cat "$T/man2" >"$MAN"
	echo "doc/pathak.1: KEYS and TERMINALS sections up to date"
	exit 0
fi

sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$MAN" | sed '1d;$d' >"$T/man"
if ! cmp -s "$T/gen" "$T/man"; then
	diff -u "$T/man" "$T/gen" >&2
	fail "the KEYS section of doc/pathak.1 is not the key table of ui/keys.c (run make update-man)"
fi
ok "the manual's key list is the key table"

# every key the manual names is on the help screen
"$PATHAK" --help-keys >"$T/help" || fail "pathak --help-keys failed"
sed -n 's/^\\fB//p' "$T/man" | sed 's/\\fR, \\fB/\n/g; s/\\fR$//; s/\\-/-/g' >"$T/names"
[ -s "$T/names" ] || fail "no key names in the manual's KEYS section"
while IFS= read -r k; do
	grep -F -q -- "$k" "$T/help" || fail "the key $k of the manual is not on the help screen"
done <"$T/names"
ok "the help screen lists the $(wc -l <"$T/names") keys of the manual"

# The TERMINALS section: the table term_decide() chooses render modes by.
grep -q '^\.\\" BEGIN MODES' "$MAN" && grep -q '^\.\\" END MODES' "$MAN" ||
	fail "doc/pathak.1 has no BEGIN MODES / END MODES markers"
"$PATHAK" --help-terminals=man >"$T/modes" || fail "pathak --help-terminals=man failed"
[ -s "$T/modes" ] || fail "pathak --help-terminals=man printed nothing"
sed -n '/^\.\\" BEGIN MODES/,/^\.\\" END MODES/p' "$MAN" | sed '1d;$d' >"$T/manmodes"
if ! cmp -s "$T/modes" "$T/manmodes"; then
	diff -u "$T/manmodes" "$T/modes" >&2
	fail "the TERMINALS section of doc/pathak.1 is not the mode table of ui/term.c (run make update-man)"
fi
ok "the manual's terminal table is the one the code chooses by"
