#!/bin/sh
# tests/screen/list.sh - pathak DIR, the article list (tmux, 120x30):
#  * a folder of three articles (and a hidden file and a subfolder, left
#    out): the rows show each title, dateline, size, quotations and people;
#    the header says "3 of 3 articles"; the last row says when all are read;
#  * Enter reads the selected article ("file 2/3"), n (no search) goes to
#    the next one, p to the previous, q comes back to the list on it, q
#    again quits with status 0;
#  * / filters with the fold and in Latin: पूल finds पुल, putin finds the
#    seed; Esc shows all again; o sorts by title, then size (biggest first);
#  * with ../shared: the 599 files of data/articles are listed and read.
. "$top_srcdir/tests/lib.sh"
need_tmux
need_python

D=$T/articles
mkdir -p "$D/sub"
cp "$SEED" "$D/b-seed.txt"
printf 'नदी पर नया पुल\n\nपटना, बिहार\n\nपुल आज खुल गया। मंत्री ने कहा, “यह पुल सबका है।”\n' >"$D/a-pul.txt"
printf 'बारिश का मौसम\n\nजयपुर\n\nआज बारिश हुई।\n' >"$D/c-barish.txt"
printf 'छिपा\n' >"$D/.hidden.txt"

tm_start 120 30 "'$PATHAK' $RENDER_OPT '$D'"
wait_for '3 of 3 articles' || fail_screen "pathak DIR does not list the three articles"
wait_for '3 articles read in' || fail_screen "the list does not say when all are read"
settle
screen >"$T/screen"
grep -F -q 'नदी पर नया पुल' "$T/screen" || fail_screen "the list lacks a title"
grep -F -q 'पटना, बिहार' "$T/screen" || fail_screen "the list lacks a dateline"
grep 'किम जोंग उन का कहना है' "$T/screen" | grep -q 'मास्को, रूस.* 10 ' ||
	fail_screen "the seed's row lacks its dateline or its 10 quotations"
grep -F -q 'छिपा' "$T/screen" && fail_screen "a hidden file is listed"
grep -F -q ' sub' "$T/screen" && fail_screen "a subfolder is listed"
ok "the list shows titles, datelines and counts"

keys j Enter
wait_status 'file 2/3' || fail_screen "Enter does not read the selected article"
wait_for 'किम जोंग उन का कहना है' || fail_screen "Enter does not show the seed"
keys n
wait_status 'file 3/3' || fail_screen "n (no search) does not go to the next article"
wait_for 'आज बारिश हुई।' || fail_screen "n does not show the next article"
keys p
wait_status 'file 2/3' || fail_screen "p does not go to the previous article"
keys q
wait_for '3 of 3 articles' || fail_screen "q in the reader does not come back to the list"
alive || fail_screen "q in the reader quit pathak"
# the selection is on the article read: Enter reads it again
keys Enter
wait_status 'file 2/3' || fail_screen "back in the list, the article read is not selected"
keys q
wait_for '3 of 3 articles' || fail_screen "q does not come back again"
ok "Enter reads, n and p move, q comes back"

keys / 'पूल'
wait_for '1 of 3 articles' || fail_screen "/पूल (a spelling variant) does not filter to one"
grep -F -q 'नदी पर नया पुल' "$T/screen" || fail_screen "/पूल does not keep the पुल article"
keys Escape
wait_for '3 of 3 articles' || fail_screen "Esc does not clear the filter"
keys / p u t i n Enter
wait_for '1 of 3 articles' || fail_screen "/putin does not find the seed"
grep -F -q 'किम जोंग उन' "$T/screen" || fail_screen "/putin keeps another article"
keys Escape
wait_for '3 of 3 articles' || fail_screen "Esc does not clear the filter"
keys o
wait_for 'by title' || fail_screen "o does not sort by title"
keys o
wait_for 'by size' || fail_screen "o o does not sort by size"
first=$(sed -n 3p "$T/screen")
case $first in *'किम जोंग उन'*) ;; *) fail_screen "by size the seed (biggest) is not first" ;; esac
keys q
wait_exit || fail_screen "q in the list does not quit"
[ "$EXIT_STATUS" = 0 ] || fail "pathak DIR exited with $EXIT_STATUS"
ok "/ filters (fold and Latin), o sorts"

if [ -d "$SHARED_ARTICLES" ]; then
	n=$(ls "$SHARED_ARTICLES" | wc -l)
	tm_start 120 30 "'$PATHAK' $RENDER_OPT '$SHARED_ARTICLES'"
	wait_for "$n of $n articles" || fail_screen "the shared folder's $n files are not listed"
	wait_for "$n articles read in" || fail_screen "the shared folder is not read to the end"
	keys G Enter
	wait_status "file $n/$n" || fail_screen "G Enter does not read the last article"
	keys q q
	wait_exit || fail_screen "q q does not quit"
	ok "the $n files of ../shared/data/articles"
else
	echo "SKIP (part): ../shared/data/articles is absent"
fi
finish
