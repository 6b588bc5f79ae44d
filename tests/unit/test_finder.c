/* test_finder.c - the search's curses-free half: the finder (slices, the
 * current match, n and N, wrapping, not found), the prompt's line editor
 * (clusters, history and its file) and the view's paragraph filter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "finder.h"
#include "input.h"
#include "lineedit.h"
#include "view.h"
#include "width.h"

/* ---------------------------------------------------------------- finder */

/* Lines "line N word\n" with "needle" on the lines in @p at. */
static char *
make_text(size_t lines, const size_t *at, size_t nat, size_t *len)
{
	char *t = malloc(lines * 40 + 1);
	size_t k = 0;
	assert_non_null(t);
	for (size_t i = 0; i < lines; i++) {
		bool hit = false;
		for (size_t j = 0; j < nat; j++)
			hit |= at[j] == i;
		k += (size_t)sprintf(t + k, "line %zu %s\n", i, hit ? "needle" : "hay");
	}
	*len = k;
	return t;
}

static size_t
line_off(const char *t, size_t line)
{
	size_t off = 0;
	for (size_t i = 0; i < line; i++)
		off = (size_t)(strchr(t + off, '\n') - t) + 1;
	return off;
}

static void
run_all(finder *f, size_t budget)
{
	for (int i = 0; i < 100000 && !finder_done(f); i++)
		finder_step(f, budget);
	assert_true(finder_done(f));
}

static void
test_forward_wraps(void **state)
{
	const size_t at[] = { 3, 50, 400 };
	size_t len, from;
	char *t = make_text(500, at, 3, &len);
	finder *f = finder_new(t, len);
	bool wrapped;
	(void)state;

	from = line_off(t, 100);
	assert_int_equal(finder_start(f, "needle", 6, PK_SEARCH_EXACT, 1, from, NULL, 0), PK_OK);
	assert_true(finder_active(f));
	run_all(f, 4096);
	assert_int_equal(finder_matches(f)->n, 3);
	/* sorted, and each is the word */
	for (size_t i = 0; i < 3; i++) {
		const pk_span *m = &finder_matches(f)->v[i];
		assert_memory_equal(t + m->start, "needle", 6);
		assert_int_equal(m->payload, i);
		if (i)
			assert_true(m->start > finder_matches(f)->v[i - 1].start);
	}
	/* the first at or after line 100: line 400, match 3 of 3 */
	assert_int_equal(finder_event(f, &wrapped), FIND_EV_JUMP);
	assert_false(wrapped);
	assert_int_equal(finder_current(f), 2);
	assert_int_equal(finder_number(f), 3);
	/* n past the last goes round to the first, and says so */
	size_t s2 = finder_matches(f)->v[2].start;
	finder_next(f, 1, s2, s2 + 10);
	assert_int_equal(finder_event(f, &wrapped), FIND_EV_JUMP);
	assert_true(wrapped);
	assert_int_equal(finder_current(f), 0);
	/* N before the first goes round to the last */
	size_t s0 = finder_matches(f)->v[0].start;
	finder_next(f, -1, s0, s0 + 10);
	assert_int_equal(finder_event(f, &wrapped), FIND_EV_JUMP);
	assert_true(wrapped);
	assert_int_equal(finder_current(f), 2);
	/* off screen: n counts from the screen */
	finder_next(f, 1, line_off(t, 10), line_off(t, 20));
	assert_int_equal(finder_event(f, &wrapped), FIND_EV_JUMP);
	assert_false(wrapped);
	assert_int_equal(finder_current(f), 1);
	finder_free(f);
	free(t);
}

static void
test_backward(void **state)
{
	const size_t at[] = { 3, 50, 400 };
	size_t len;
	char *t = make_text(500, at, 3, &len);
	finder *f = finder_new(t, len);
	bool wrapped;
	(void)state;

	assert_int_equal(finder_start(f, "needle", 6, PK_SEARCH_EXACT, -1, line_off(t, 100),
	                              NULL, 0), PK_OK);
	run_all(f, 4096);
	assert_int_equal(finder_event(f, &wrapped), FIND_EV_JUMP);
	assert_int_equal(finder_current(f), 1);  /* line 50, the last before 100 */
	/* n goes on backward, N forward */
	size_t s1 = finder_matches(f)->v[1].start;
	finder_next(f, 1, s1, s1 + 10);
	assert_int_equal(finder_event(f, NULL), FIND_EV_JUMP);
	assert_int_equal(finder_current(f), 0);
	finder_next(f, -1, finder_matches(f)->v[0].start, finder_matches(f)->v[0].start + 10);
	assert_int_equal(finder_event(f, NULL), FIND_EV_JUMP);
	assert_int_equal(finder_current(f), 1);
	finder_free(f);
	free(t);
}

/* The first match is known before the scan ends; its number only once
 * what lies before it is scanned; the slices find each match once. */
static void
test_slices(void **state)
{
	size_t at[40], len;
	for (size_t i = 0; i < 40; i++)
		at[i] = i * 250 + 7;
	char *t = make_text(10000, at, 40, &len);
	finder *f = finder_new(t, len);
	(void)state;

	assert_true(len > 20 * 4096);
	assert_int_equal(finder_start(f, "needle", 6, PK_SEARCH_EXACT, 1, line_off(t, 5000), NULL,
	                              0), PK_OK);
	assert_true(finder_pending(f));
	int steps = 0;
	while (finder_event(f, NULL) != FIND_EV_JUMP) {
		assert_false(finder_done(f));
		finder_step(f, 4096);
		steps++;
	}
	assert_false(finder_done(f));
	assert_int_equal(finder_matches(f)->v[finder_current(f)].start,
	                 line_off(t, 5007) + strlen("line 5007 "));
	assert_int_equal(finder_number(f), 0);  /* the first half is not scanned */
	assert_true(finder_progress(f) < 100);
	run_all(f, 4096);
	assert_int_equal(finder_progress(f), 100);
	assert_int_equal(finder_matches(f)->n, 40);
	assert_int_equal(finder_number(f), 21);  /* the current kept its match */
	for (size_t i = 1; i < 40; i++)
		assert_true(finder_matches(f)->v[i].start > finder_matches(f)->v[i - 1].start);
	/* a seek beyond what is scanned waits for the scan */
	assert_int_equal(finder_start(f, "needle", 6, PK_SEARCH_EXACT, 1, 0, NULL, 0), PK_OK);
	finder_step(f, 4096);
	finder_event(f, NULL);
	finder_seek(f, 1, line_off(t, 9000));
	assert_true(finder_pending(f));
	run_all(f, 4096);
	assert_false(finder_pending(f));
	assert_int_equal(finder_number(f), 37);
	assert_int_equal(finder_next_start(f, line_off(t, 9000)), finder_matches(f)->v[36].start);
	assert_int_equal(finder_prev_start(f, line_off(t, 9000)), finder_matches(f)->v[35].start);
	assert_int_equal(finder_next_start(f, len), FIND_NONE);
	assert_int_equal(finder_prev_start(f, 0), FIND_NONE);
	finder_free(f);
	free(t);
}

static void
test_not_found(void **state)
{
	size_t len;
	char *t = make_text(100, NULL, 0, &len);
	finder *f = finder_new(t, len);
	(void)state;
	assert_int_equal(finder_start(f, "needle", 6, 0, 1, 50, NULL, 0), PK_OK);
	run_all(f, 4096);
	assert_int_equal(finder_event(f, NULL), FIND_EV_NOTFOUND);
	assert_int_equal(finder_current(f), FIND_NONE);
	assert_int_equal(finder_number(f), 0);
	/* an empty query matches nothing */
	assert_int_equal(finder_start(f, "", 0, 0, 1, 0, NULL, 0), PK_OK);
	run_all(f, 4096);
	assert_int_equal(finder_matches(f)->n, 0);
	finder_clear(f);
	assert_false(finder_active(f));
	finder_free(f);
	free(t);
}

/* "\r" and "\e" at the start of a query set the flags. */
static void
test_prefixes(void **state)
{
	const char *t = "Needle needle NEEDLE\n";
	finder *f = finder_new(t, strlen(t));
	(void)state;
	assert_int_equal(finder_start(f, "\\eneedle", 8, 0, 1, 0, NULL, 0), PK_OK);
	assert_int_equal(finder_flags(f), PK_SEARCH_EXACT);
	assert_string_equal(finder_query(f), "\\eneedle");
	run_all(f, 4096);
	assert_int_equal(finder_matches(f)->n, 1);  /* exact: one case only */
	assert_int_equal(finder_start(f, "\\rne+dle", 8, 0, 1, 0, NULL, 0), PK_OK);
	assert_int_equal(finder_flags(f), PK_SEARCH_REGEX);
	run_all(f, 4096);
	assert_int_equal(finder_matches(f)->n, 3);  /* folded: every case */
	/* a bad regular expression says why and leaves no search */
	char why[128] = "";
	assert_int_not_equal(finder_start(f, "\\r(ne", 5, 0, 1, 0, why, sizeof why), PK_OK);
	assert_false(finder_active(f));
	assert_true(why[0] != 0);
	finder_free(f);
}

/* ---------------------------------------------------------------- lineedit */

static void
type(ledit *e, const char *s)
{
	for (; *s; s++)
		ledit_byte(e, (unsigned char)*s);
}

static void
test_clusters(void **state)
{
	ledit *e = ledit_new();
	(void)state;
	assert_non_null(e);
	/* UTF-8 byte by byte: a character is inserted once it is whole */
	assert_false(ledit_byte(e, 0xE0));
	assert_false(ledit_byte(e, 0xA4));
	assert_true(ledit_byte(e, 0x95));
	assert_string_equal(ledit_text(e), "क");
	ledit_clear(e);
	type(e, "किम स्थिति");
	assert_string_equal(ledit_text(e), "किम स्थिति");
	/* Backspace removes the last cluster, ति, not just its vowel sign */
	assert_true(ledit_backspace(e));
	assert_string_equal(ledit_text(e), "किम स्थि");
	assert_true(ledit_backspace(e));
	assert_string_equal(ledit_text(e), "किम ");
	/* Left and Right by clusters: कि is one */
	ledit_set(e, "किम");
	assert_true(ledit_left(e));
	assert_int_equal(ledit_cursor(e), strlen("कि"));
	assert_true(ledit_left(e));
	assert_int_equal(ledit_cursor(e), 0);
	assert_false(ledit_left(e));
	assert_true(ledit_right(e));
	assert_int_equal(ledit_cursor(e), strlen("कि"));
	assert_true(ledit_delete(e));
	assert_string_equal(ledit_text(e), "कि");
	assert_true(ledit_home(e));
	type(e, "x");
	assert_string_equal(ledit_text(e), "xकि");
	assert_true(ledit_end(e));
	assert_int_equal(ledit_cursor(e), ledit_len(e));
	/* controls and broken sequences are dropped */
	ledit_clear(e);
	ledit_byte(e, 0x01);
	ledit_byte(e, 0xE0);
	ledit_byte(e, 'a');
	assert_string_equal(ledit_text(e), "a");
	/* the line is bounded */
	ledit_clear(e);
	for (int i = 0; i < LEDIT_MAX + 50; i++)
		ledit_byte(e, 'a');
	assert_int_equal(ledit_len(e), LEDIT_MAX);
	ledit_free(e);
}

static void
test_history(void **state)
{
	char dir[] = "/tmp/pathak-hist.XXXXXX", path[256], line[64];
	ledit *e = ledit_new(), *g = ledit_new();
	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	assert_true(ledit_hist_path(path, sizeof path));
	snprintf(line, sizeof line, "%s/pathak/search_history", dir);
	assert_string_equal(path, line);
	setenv("XDG_STATE_HOME", "relative", 1);  /* ignored, as the spec says */
	setenv("HOME", "/home/x", 1);
	assert_true(ledit_hist_path(line, sizeof line));
	assert_string_equal(line, "/home/x/.local/state/pathak/search_history");

	ledit_hist_add(e, "पुतिन");
	ledit_hist_add(e, "kim");
	ledit_hist_add(e, "पुतिन");  /* moves to the end */
	ledit_hist_add(e, "");
	assert_int_equal(ledit_hist_count(e), 2);
	assert_string_equal(ledit_hist_get(e, 1), "पुतिन");
	/* Up and Down, and back to what was being typed */
	type(e, "ab");
	assert_true(ledit_hist_prev(e));
	assert_string_equal(ledit_text(e), "पुतिन");
	assert_true(ledit_hist_prev(e));
	assert_string_equal(ledit_text(e), "kim");
	assert_false(ledit_hist_prev(e));
	assert_true(ledit_hist_next(e));
	assert_true(ledit_hist_next(e));
	assert_string_equal(ledit_text(e), "ab");
	assert_false(ledit_hist_next(e));
	/* the file: its directory made, read back the same */
	assert_int_equal(ledit_hist_save(e, path), 0);
	assert_int_equal(ledit_hist_load(g, path), 0);
	assert_int_equal(ledit_hist_count(g), 2);
	assert_string_equal(ledit_hist_get(g, 0), "kim");
	assert_string_equal(ledit_hist_get(g, 1), "पुतिन");
	/* bounded */
	for (int i = 0; i < LEDIT_HIST_MAX + 20; i++) {
		snprintf(line, sizeof line, "q%d", i);
		ledit_hist_add(g, line);
	}
	assert_int_equal(ledit_hist_count(g), LEDIT_HIST_MAX);
	snprintf(line, sizeof line, "q%d", LEDIT_HIST_MAX + 19);
	assert_string_equal(ledit_hist_get(g, LEDIT_HIST_MAX - 1), line);
	assert_int_equal(ledit_hist_save(g, path), 0);
	/* no temporary file is left */
	snprintf(line, sizeof line, "rm -r '%s'", dir);
	char tmpl[300];
	snprintf(tmpl, sizeof tmpl, "%s/pathak", dir);
	struct stat sb;
	assert_int_equal(stat(tmpl, &sb), 0);
	assert_int_equal(system(line), 0);
	/* a missing file is an empty history */
	assert_int_equal(ledit_hist_load(e, "/nonexistent/x"), 0);
	ledit_free(e);
	ledit_free(g);
}

/* ---------------------------------------------------------------- filter */

static void
test_view_filter(void **state)
{
	const size_t at[] = { 2, 5, 9 };
	size_t len;
	char *t = make_text(12, at, 3, &len);
	pk_input in;
	pk_doc *doc;
	view *v;
	finder *f = finder_new(t, len);
	(void)state;

	pk_input_from_mem(&in, t, len);
	doc = pk_doc_new(&in);
	v = view_new(doc, WIDTH_WCWIDTH, RENDER_SHAPED, false);
	assert_non_null(v);
	view_resize(v, 40, 10);
	assert_int_equal(finder_start(f, "needle", 6, 0, 1, 0, NULL, 0), PK_OK);
	run_all(f, 4096);
	view_filter vf = finder_filter(f);
	view_set_filter(v, &vf);
	/* the rows: the three lines with the word, a blank row between */
	view_pos q = view_top_pos(v);
	char got[256] = "";
	int n = 0;
	do {
		view_row r;
		view_row_get(v, &q, &r);
		if (r.blank)
			strcat(got, "|");
		else
			strncat(got, r.s + r.start, r.vis_end - r.start);
		n++;
	} while (view_pos_next(v, &q));
	assert_string_equal(got, "line 2 needle|line 5 needle|line 9 needle");
	assert_int_equal(n, 5);
	view_end(v);
	assert_false(view_empty(v));
	/* off again: every line */
	view_set_filter(v, NULL);
	view_top(v);
	q = view_top_pos(v);
	n = 0;
	do
		n++;
	while (view_pos_next(v, &q));
	assert_int_equal(n, 23);
	view_free(v);
	pk_doc_free(doc);
	finder_free(f);
	free(t);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	width_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward_wraps),
		cmocka_unit_test(test_backward),
		cmocka_unit_test(test_slices),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_view_filter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
