/* test_artlist.c - the articles of a folder (ui/artlist.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "artlist.h"
#include "testutil.h"

static char dir[] = "/tmp/pathak-artlist.XXXXXX";

static void
put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	size_t len;
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	char *seed = test_slurp(TEST_SEED, &len);
	put("b-seed.txt", seed);
	free(seed);
	put("a-short.txt", "नदी पर नया पुल\n\nपटना, बिहार\n\nपुल आज खुल गया। मंत्री ने कहा, “यह पुल सबका है।”\n");
	put("c-empty.txt", "");
	put(".hidden.txt", "छिपा हुआ\n");
	put("d-controls.txt", "शीर्षक\x1b[31m लाल\x07\n\nपाठ।\n");
	char sub[128];
	snprintf(sub, sizeof sub, "%s/folder", dir);
	mkdir(sub, 0700);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[160];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_list(void **state)
{
	pk_status st;
	(void)state;
	artlist *l = artlist_open(dir, &st);
	assert_non_null(l);
	/* regular files only, hidden ones left out, in name order; nothing read */
	assert_int_equal(artlist_total(l), 4);
	assert_string_equal(artlist_row(l, 0)->name, "a-short.txt");
	assert_string_equal(artlist_row(l, 3)->name, "d-controls.txt");
	assert_null(artlist_row(l, 0)->title);
	assert_int_equal(artlist_row(l, 0)->quotes, -1);
	/* a slice of no time still does one step: the first screen's first */
	assert_true(artlist_work(l, 0, 0));
	assert_int_equal(artlist_read(l), 1);
	assert_string_equal(artlist_row(l, 0)->title, "नदी पर नया पुल");
	while (artlist_work(l, 0, 50))
		;
	assert_int_equal(artlist_read(l), 4);
	assert_int_equal(artlist_counted(l), 4);
	const art_row *a = artlist_row(l, 0), *seed = artlist_row(l, 1);
	assert_string_equal(a->dateline, "पटना, बिहार");
	assert_int_equal(a->quotes, 1);
	assert_int_equal(seed->quotes, 10);
	assert_true(seed->people >= 5);  /* पुतिन, किम जोंग उन, शोइगु, लावरोव, ... */
	assert_non_null(strstr(seed->title, "किम जोंग उन का कहना है"));
	assert_string_equal(seed->dateline, "मास्को, रूस");
	assert_string_equal(artlist_row(l, 2)->title, "(empty)");
	/* no control byte of a file reaches a title */
	assert_string_equal(artlist_row(l, 3)->title, "शीर्षक[31m लाल");
	artlist_free(l);
}

static void
test_sort_filter(void **state)
{
	pk_status st;
	(void)state;
	artlist *l = artlist_open(dir, &st);
	while (artlist_work(l, 0, 50))
		;
	artlist_sort(l, ART_BY_SIZE, false);
	assert_string_equal(artlist_row(l, 0)->name, "b-seed.txt");   /* biggest first */
	assert_string_equal(artlist_row(l, 3)->name, "c-empty.txt");
	artlist_sort(l, ART_BY_QUOTES, true);
	assert_string_equal(artlist_row(l, 3)->name, "b-seed.txt");   /* reversed: most last */
	artlist_sort(l, ART_BY_NAME, false);
	/* the fold: पूल finds पुल; Latin finds the romanized title */
	assert_int_equal(artlist_filter(l, "पूल"), 0);
	assert_int_equal(artlist_shown(l), 1);
	assert_string_equal(artlist_row(l, 0)->name, "a-short.txt");
	assert_int_equal(artlist_filter(l, "putin"), 0);
	assert_int_equal(artlist_shown(l), 1);
	assert_string_equal(artlist_row(l, 0)->name, "b-seed.txt");
	assert_int_equal(artlist_find(l, artlist_row(l, 0)->path), 0);
	/* the dateline and the file name are matched too */
	assert_int_equal(artlist_filter(l, "मास्को"), 0);
	assert_int_equal(artlist_shown(l), 1);
	assert_int_equal(artlist_filter(l, "empty"), 0);
	assert_int_equal(artlist_shown(l), 1);
	assert_int_equal(artlist_filter(l, "कोई नहीं"), 0);
	assert_int_equal(artlist_shown(l), 0);
	assert_null(artlist_row(l, 0));
	assert_int_equal(artlist_filter(l, ""), 0);
	assert_int_equal(artlist_shown(l), 4);
	artlist_free(l);
}

static void
test_not_a_folder(void **state)
{
	pk_status st;
	char path[128];
	(void)state;
	assert_null(artlist_open("/nonexistent/pathak", &st));
	assert_int_equal(st, PK_ERR_NOENT);
	snprintf(path, sizeof path, "%s/a-short.txt", dir);
	assert_null(artlist_open(path, &st));
	assert_int_equal(st, PK_ERR_NOTFILE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_sort_filter),
		cmocka_unit_test(test_not_a_folder),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
