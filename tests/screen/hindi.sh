#!/bin/sh
# tests/screen/hindi.sh - the interface in Hindi (tmux, 100x30), with
# LANG=hi_IN.UTF-8 whether or not that locale is installed here:
#  * the help screen's title and rows, the status line's quotation
#    ("उद्धरण 1/10: किम जोंग उन"), a message (:n: "अगली फ़ाइल नहीं") and the
#    article list's header and keys are Hindi; the text stays as written;
#  * with LANG=C.UTF-8 the same screens are English.
# Skips when the catalogue was not built (no msgfmt).
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python
[ -f "$top_builddir/po/hi/LC_MESSAGES/pathak.mo" ] ||
	skip "po/hi/LC_MESSAGES/pathak.mo was not built (msgfmt, Debian package gettext)"

HI="env -u LC_ALL -u LANGUAGE LANG=hi_IN.UTF-8"
tm_start 100 30 "$HI '$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'किम जोंग उन' || fail_screen "pathak in Hindi does not show the seed"
keys h
wait_for 'पाठक - कुंजियाँ' || fail_screen "the help's title is not Hindi"
wait_for 'अगला / पिछला उद्धरण, वक्ता के साथ' || fail_screen "the help's rows are not Hindi"
grep -F -q ']' "$T/screen" || fail_screen "the keys themselves are gone from the help"
keys q ']'
wait_status 'उद्धरण 1/10: किम जोंग उन' || fail_screen "the status line's quotation is not Hindi"
keys : n
wait_status 'अगली फ़ाइल नहीं' || fail_screen ":n's message is not Hindi"
keys q
wait_exit || fail_screen "q did not quit"
ok "help, status line and messages in Hindi"

D=$T/articles
mkdir -p "$D"
cp "$SEED" "$D/seed.txt"
tm_start 100 30 "$HI '$PATHAK' $RENDER_OPT '$D'"
wait_for '1 में से 1 लेख' || fail_screen "the article list's header is not Hindi"
wait_for 'सेकंड में पढ़े गए' || fail_screen "the article list's last row is not Hindi"
wait_for 'शीर्षक' || fail_screen "the list's column names are not Hindi"
keys q
wait_exit || fail_screen "q did not quit"
ok "the article list in Hindi"

tm_start 100 30 "env -u LC_ALL LANG=C.UTF-8 '$PATHAK' $RENDER_OPT '$SEED'"
wait_for 'किम जोंग उन' || fail_screen "pathak does not show the seed"
keys h
wait_for 'pathak - keys' || fail_screen "with LANG=C.UTF-8 the help is not English"
keys q ']'
wait_status 'quote 1/10: किम जोंग उन' || fail_screen "with LANG=C.UTF-8 the status line is not English"
keys q
wait_exit || fail_screen "q did not quit"
ok "LANG=C.UTF-8: English"
finish
