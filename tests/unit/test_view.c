/* test_view.c - the curses-free view: scrolling, paging, jumps, clamping,
 * resize anchoring, the top line's percent and paragraph, an empty file.
 * The view's rows must be the lines of --dump (dump_doc), row for row. */
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

#include "doc.h"
#include "dump.h"
#include "input.h"
#include "qnav.h"
#include "quotes.h"
#include "view.h"
#include "width.h"

#define W 40
#define ROWS 10

struct fix {
	char *text;
	size_t len;
	pk_input in;
	pk_doc *doc;
	view *v;
	char **dump;      /* the --dump lines at width W */
	size_t ndump;
};

static void
load_dump(struct fix *f)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	assert_non_null(m);
	assert_int_equal(dump_doc(f->doc, W, WIDTH_WCWIDTH, RENDER_SHAPED, RENDER_SHAPED, false, m), 0);
	fclose(m);
	for (char *s = buf; *s;) {
		char *nl = strchr(s, '\n');
		assert_non_null(nl);
		f->dump = realloc(f->dump, (f->ndump + 1) * sizeof *f->dump);
		f->dump[f->ndump++] = strndup(s, (size_t)(nl - s));
		s = nl + 1;
	}
	free(buf);
}

static struct fix *
fix_new(const char *text, size_t len)
{
	struct fix *f = calloc(1, sizeof *f);
	f->text = malloc(len + 1);
	memcpy(f->text, text, len);
	f->len = len;
	pk_input_from_mem(&f->in, f->text, len);
	f->doc = pk_doc_new(&f->in);
	assert_non_null(f->doc);
	f->v = view_new(f->doc, WIDTH_WCWIDTH, RENDER_SHAPED, false);
	assert_non_null(f->v);
	view_resize(f->v, W, ROWS);
	load_dump(f);
	return f;
}

static int
setup_seed(void **state)
{
	size_t len;
	char *s = test_slurp(TEST_SEED, &len);
	*state = fix_new(s, len);
	free(s);
	return 0;
}

static int
setup_empty(void **state)
{
	*state = fix_new("", 0);
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	view_free(f->v);
	pk_doc_free(f->doc);
	for (size_t i = 0; i < f->ndump; i++)
		free(f->dump[i]);
	free(f->dump);
	free(f->text);
	free(f);
	return 0;
}

/* Row k of the screen as text (empty for a blank row). */
static char *
row_text(view *v, size_t k)
{
	view_pos q = view_top_pos(v);
	view_row r;
	while (k-- > 0)
		if (!view_pos_next(v, &q))
			return NULL;
	view_row_get(v, &q, &r);
	return r.blank ? strdup("") : strndup(r.s + r.start, r.vis_end - r.start);
}

/* The screen shows dump lines top, top + 1, ... (blank past the end). */
static void
assert_screen_is_dump(struct fix *f, size_t top)
{
	for (size_t k = 0; k < ROWS; k++) {
		char *t = row_text(f->v, k);
		if (top - 1 + k >= f->ndump) {
			assert_null(t);
			continue;
		}
		assert_non_null(t);
		/* --dump writes the shaped clusters; the seed has no controls */
		assert_string_equal(t, f->dump[top - 1 + k]);
		free(t);
	}
}

static void
test_rows_are_dump_lines(void **state)
{
	struct fix *f = *state;
	size_t n = view_lines(f->v, 100000);
	assert_int_equal(n, f->ndump);
	assert_true(n > 3 * ROWS);
	assert_int_equal(view_line(f->v, 100000), 1);
	assert_screen_is_dump(f, 1);
	view_goto_line(f->v, 17);
	assert_int_equal(view_line(f->v, 100000), 17);
	assert_screen_is_dump(f, 17);
}

static void
test_scroll(void **state)
{
	struct fix *f = *state;
	view_scroll(f->v, 1);
	assert_int_equal(view_line(f->v, 100000), 2);
	view_scroll(f->v, 5);
	assert_int_equal(view_line(f->v, 100000), 7);
	view_scroll(f->v, -3);
	assert_int_equal(view_line(f->v, 100000), 4);
	view_scroll(f->v, -100);  /* stops at the top */
	assert_int_equal(view_line(f->v, 100000), 1);
	assert_screen_is_dump(f, 1);
}

static void
test_page(void **state)
{
	struct fix *f = *state;
	assert_int_equal(view_page(f->v), ROWS - 1);
	view_scroll(f->v, view_page(f->v));
	assert_int_equal(view_line(f->v, 100000), ROWS);
	view_scroll(f->v, view_page(f->v) / 2);
	assert_int_equal(view_line(f->v, 100000), ROWS + 4);
	view_scroll(f->v, -view_page(f->v));
	assert_int_equal(view_line(f->v, 100000), 5);
}

/* Every way to the end shows a full last screen, never past it. */
static void
test_end_clamping(void **state)
{
	struct fix *f = *state;
	size_t n = f->ndump, last_top = n - ROWS + 1;

	view_end(f->v);
	assert_true(view_at_end(f->v));
	assert_int_equal(view_line(f->v, 100000), last_top);
	assert_screen_is_dump(f, last_top);
	view_scroll(f->v, 1);
	assert_int_equal(view_line(f->v, 100000), last_top);

	view_top(f->v);
	assert_false(view_at_end(f->v));
	view_scroll(f->v, 100000);
	assert_int_equal(view_line(f->v, 100000), last_top);

	view_goto_line(f->v, n - 2);           /* a jump near the end */
	assert_int_equal(view_line(f->v, 100000), last_top);
	view_goto_line(f->v, n + 50);
	assert_int_equal(view_line(f->v, 100000), last_top);
	view_goto_line(f->v, last_top - 1);    /* just before: not clamped */
	assert_int_equal(view_line(f->v, 100000), last_top - 1);
	assert_false(view_at_end(f->v));

	view_goto_percent(f->v, 99);
	assert_int_equal(view_line(f->v, 100000), last_top);
	view_goto_percent(f->v, 100);
	assert_int_equal(view_line(f->v, 100000), last_top);
	view_goto_offset(f->v, f->len - 1, 2);
	assert_int_equal(view_line(f->v, 100000), last_top);
	assert_screen_is_dump(f, last_top);
}

static void
test_goto_line_and_percent(void **state)
{
	struct fix *f = *state;
	view_goto_line(f->v, 0);
	assert_int_equal(view_line(f->v, 100000), 1);
	view_goto_line(f->v, 20);
	assert_int_equal(view_line(f->v, 100000), 20);
	view_goto_percent(f->v, 0);
	assert_int_equal(view_line(f->v, 100000), 1);
	assert_int_equal(view_percent(f->v), 0);
	/* 50%: the row holding the middle byte is on top */
	view_goto_percent(f->v, 50);
	size_t first, last;
	view_screen_span(f->v, &first, &last);
	assert_true(first <= f->len / 2);
	view_pos q = view_top_pos(f->v);
	view_row r;
	view_row_get(f->v, &q, &r);
	assert_true(r.src_b >= f->len / 2 || r.blank);
	assert_true(view_percent(f->v) >= 45 && view_percent(f->v) <= 50);
}

/* The percent and the paragraph describe the same line: the top one. */
static void
test_percent_and_paragraph_of_top(void **state)
{
	struct fix *f = *state;
	for (size_t k = 1; k < f->ndump - ROWS; k += 7) {
		view_goto_line(f->v, k);
		size_t off = view_top_offset(f->v);
		assert_int_equal(view_percent(f->v), (int)(off * 100 / f->len));
		pk_doc_index_step(f->doc, (size_t)-1);
		pk_block b = view_top_pos(f->v).blk;
		assert_int_equal(view_paragraph(f->v), pk_doc_block_number(f->doc, b.start));
		assert_true(b.start <= off && off <= b.end);
	}
	view_top(f->v);
	assert_int_equal(view_paragraph(f->v), 0);
}

/* A resize keeps the top row's text on top; back to the old size, the
 * same line is on top again. */
static void
test_resize_anchor(void **state)
{
	struct fix *f = *state;
	view_goto_line(f->v, 30);
	char *before = row_text(f->v, 0);
	assert_true(before[0] != 0);   /* line 30 of the seed at 40 columns has text */
	size_t anchor = view_top_offset(f->v);

	view_resize(f->v, 25, 6);
	view_pos q = view_top_pos(f->v);
	view_row r;
	view_row_get(f->v, &q, &r);
	assert_false(r.blank);
	assert_true(r.src_a <= anchor && anchor < r.src_b);

	view_resize(f->v, W, ROWS);
	assert_int_equal(view_line(f->v, 100000), 30);
	char *after = row_text(f->v, 0);
	assert_string_equal(before, after);
	free(before);
	free(after);

	/* growing the screen at the end pulls the text down: no empty rows */
	view_end(f->v);
	view_resize(f->v, W, ROWS + 5);
	assert_int_equal(view_line(f->v, 100000), f->ndump - (ROWS + 5) + 1);
}

/* A document shorter than the screen: the top stays on line 1. */
static void
test_short_document(void **state)
{
	(void)state;
	struct fix *f = fix_new("एक\nदो\n", 6 + 1 + 6 + 1);
	assert_int_equal(f->ndump, 3);
	view_end(f->v);
	assert_int_equal(view_line(f->v, 100), 1);
	view_scroll(f->v, 5);
	assert_int_equal(view_line(f->v, 100), 1);
	assert_true(view_at_end(f->v));
	view_goto_line(f->v, 3);
	assert_int_equal(view_line(f->v, 100), 1);
	assert_screen_is_dump(f, 1);
	void *p = f;
	teardown(&p);
}

static void
test_empty(void **state)
{
	struct fix *f = *state;
	assert_true(view_empty(f->v));
	assert_int_equal(f->ndump, 0);
	view_scroll(f->v, 3);
	view_scroll(f->v, -3);
	view_end(f->v);
	view_top(f->v);
	view_goto_line(f->v, 20);
	view_goto_percent(f->v, 50);
	view_goto_offset(f->v, 10, 2);
	view_resize(f->v, 10, 3);
	assert_true(view_at_end(f->v));
	assert_int_equal(view_percent(f->v), 0);
	assert_int_equal(view_paragraph(f->v), (size_t)-1);
	assert_int_equal(view_line(f->v, 100), 0);
	assert_int_equal(view_lines(f->v, 100), 0);
	assert_int_equal(view_top_offset(f->v), 0);
	view_pos q = view_top_pos(f->v);
	assert_false(view_pos_next(f->v, &q));
}

/* ] and [ follow the screen (qnav.h), on hand-made quotations. */
static void
test_qnav_rules(void **state)
{
	pk_quote v[4] = {
		{ .start = 10, .end = 20 }, { .start = 30, .end = 40 },
		{ .start = 100, .end = 120 }, { .start = 200, .end = 210 },
	};
	pk_quotes qs = { .v = v, .n = 4 };
	(void)state;
	/* a screen showing [0, 50): none current */
	assert_int_equal(qnav_step(&qs, PK_QUOTE_NONE, 0, 50, 1), 0);
	assert_int_equal(qnav_step(&qs, PK_QUOTE_NONE, 0, 50, -1), 1);
	/* current and on screen: its neighbours */
	assert_int_equal(qnav_step(&qs, 0, 0, 50, 1), 1);
	assert_int_equal(qnav_step(&qs, 1, 0, 50, -1), 0);
	assert_int_equal(qnav_step(&qs, 0, 0, 50, -1), PK_QUOTE_NONE);
	/* the screen moved to [150, 250): quotation 0 is left behind */
	assert_int_equal(qnav_step(&qs, 0, 150, 250, -1), 3);
	assert_int_equal(qnav_step(&qs, 0, 150, 250, 1), 3);
	assert_int_equal(qnav_step(&qs, 3, 150, 250, 1), PK_QUOTE_NONE);
	/* a screen between quotations: ] the next below, [ the last above */
	assert_int_equal(qnav_step(&qs, PK_QUOTE_NONE, 50, 90, 1), 2);
	assert_int_equal(qnav_step(&qs, PK_QUOTE_NONE, 50, 90, -1), 1);
	/* partly on screen counts */
	assert_true(qnav_on_screen(&v[2], 110, 300));
	assert_false(qnav_on_screen(&v[2], 120, 300));
	pk_quotes none = { .v = NULL };
	assert_int_equal(qnav_step(&none, PK_QUOTE_NONE, 0, 50, 1), PK_QUOTE_NONE);
}

/* The regression of issue 7 on the seed, without a terminal: ] then G,
 * and [ takes the last quotation on screen, not "none above". */
static void
test_qnav_after_end(void **state)
{
	struct fix *f = *state;
	pk_quotes qs;
	size_t first, last, cur;
	assert_int_equal(pk_quotes_find(f->doc, &qs), PK_OK);
	assert_int_equal(qs.n, 10);
	view_resize(f->v, 80, 29);
	view_screen_span(f->v, &first, &last);
	cur = qnav_step(&qs, PK_QUOTE_NONE, first, last, 1);   /* ] */
	assert_int_equal(cur, 0);
	view_end(f->v);                                        /* G */
	view_screen_span(f->v, &first, &last);
	assert_false(qnav_on_screen(&qs.v[cur], first, last));
	size_t prev = qnav_step(&qs, cur, first, last, -1);    /* [ */
	assert_int_equal(prev, 9);
	assert_true(qnav_on_screen(&qs.v[prev], first, last));
	assert_int_equal(qnav_step(&qs, cur, first, last, 1), 7);  /* ] instead */
	pk_quotes_free(&qs);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	width_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows_are_dump_lines, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_scroll, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_page, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_end_clamping, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_goto_line_and_percent, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_percent_and_paragraph_of_top, setup_seed, teardown),
		cmocka_unit_test_setup_teardown(test_resize_anchor, setup_seed, teardown),
		cmocka_unit_test(test_short_document),
		cmocka_unit_test_setup_teardown(test_empty, setup_empty, teardown),
		cmocka_unit_test(test_qnav_rules),
		cmocka_unit_test_setup_teardown(test_qnav_after_end, setup_seed, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
