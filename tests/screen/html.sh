#!/bin/sh
# tests/screen/html.sh - a web page as input (tmux, 100x30): the fixture
# tests/fixtures/news.html is a saved news page (a site header with its
# menu, a cookie banner, ads, scripts, an article with a <q>, a figure and
# a <blockquote>, related links, comments, a footer):
#  * pathak shows the article: its headline, date, byline and paragraphs,
#    none of the page's furniture (menu, ads, cookie banner, scripts,
#    footer) and no tag;
#  * its <q> and <blockquote> are quotations: ] ] ] reaches 3/3, and मीरा
#    संधू is named;
#  * through a pipe (curl URL | pathak) the same; --dump prints the text
#    the offsets of --json refer to.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python
PAGE=$top_srcdir/tests/fixtures/news.html

check_page() {
	wait_for 'शहर परिषद ने रामपुर कलां के लिए नई बस सेवा को मंज़ूरी दी' ||
		fail_screen "$1: the headline is not shown"
	wait_for 'शहर परिषद ने सोमवार शाम हुई बैठक में' || fail_screen "$1: the first paragraph is not shown"
	settle
	screen >"$T/screen"
	grep -q '<\|विज्ञापन\|होम\|कुकी\|document\.' "$T/screen" && fail_screen "$1: tags or the page's furniture are shown"
	keys ']' ']' ']'
	wait_status 'quote 3/3' || fail_screen "$1: the <q> and the <blockquote> are not quotations"
	keys '[' 
	wait_status 'quote 2/3: मीरा संधू' || fail_screen "$1: मीरा संधू is not named"
	keys q
	wait_exit || fail_screen "$1: q did not quit"
}

tm_start 100 30 "'$PATHAK' $RENDER_OPT '$PAGE'"
check_page "a saved page"
ok "a saved page shows its article and its quotations"

tm_start 100 30 "cat '$PAGE' | '$PATHAK' $RENDER_OPT"
check_page "a page through a pipe"
ok "a page through a pipe (curl URL | pathak)"

"$PATHAK" --dump "$PAGE" >"$T/dump" || fail "--dump of the page failed"
grep -q '<' "$T/dump" && fail "--dump of the page has tags"
"$PATHAK" --json "$PAGE" >"$T/json" || fail "--json of the page failed"
python3 - "$T/json" <<'PY' || fail "--json of the page: quotations not on the extracted text"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
q = d["quotes"]
assert len(q) == 3, len(q)
assert any(x["speaker"] == "मीरा संधू" for x in q), [x["speaker"] for x in q]
assert all(x["end"] < 4000 for x in q), "offsets into the page, not the text"
PY
ok "--dump and --json read the article"
finish
