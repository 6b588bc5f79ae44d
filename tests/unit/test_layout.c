/* test_layout.c - the width model and cluster-safe wrapping. */
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
#include <unicode/uchar.h>

#include "doc.h"
#include "input.h"
#include "layout.h"
#include "width.h"

static int
w_of(width_model m, const char *s)
{
	/* the width of a string: the sum over its ICU clusters */
	pk_breaker *b = pk_breaker_new(PK_BREAK_CLUSTER);
	int w = 0;
	pk_breaker_set(b, s, 0, strlen(s));
	for (size_t p = 0, q; (q = pk_breaker_next(b)) != (size_t)-1; p = q)
		w += width_cluster(m, s, p, q);
	pk_breaker_free(b);
	return w;
}

static void
test_widths_match_wcwidth(void **state)
{
	(void)state;
	/* glibc wcwidth: ि ा ी ो ॉ ः take a cell; ् ़ ं ँ ु ू े ZWJ ZWNJ none */
	assert_int_equal(w_of(WIDTH_WCWIDTH, "कि"), 2);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "क्ष"), 2);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "स्थि"), 3);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "प्रतिनिधिमंडल"), 11);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "कुँ"), 1);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "ज़ू"), 1);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "क\u200dष"), 2);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "दुःख"), 3);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "ऑफ़"), 2);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "汉"), 2);
}

static void
test_widths_cluster_model(void **state)
{
	(void)state;
	/* measured in kitty and mlterm: one column per legacy cluster */
	assert_int_equal(w_of(WIDTH_CLUSTER, "कि"), 1);
	assert_int_equal(w_of(WIDTH_CLUSTER, "क्ष"), 2);
	assert_int_equal(w_of(WIDTH_CLUSTER, "स्थि"), 2);
	assert_int_equal(w_of(WIDTH_CLUSTER, "प्रतिनिधिमंडल"), 8);
	assert_int_equal(w_of(WIDTH_CLUSTER, "abc"), 3);
	assert_int_equal(w_of(WIDTH_CLUSTER, "汉"), 2);
}

static void
test_display_symbols(void **state)
{
	(void)state;
	uint32_t cps[WIDTH_DISPLAY_MAX];
	/* a control shows as its picture, one cell */
	assert_int_equal(width_display("\x1b", 0, 1, cps), 1);
	assert_int_equal(cps[0], 0x241B);
	assert_int_equal(w_of(WIDTH_WCWIDTH, "\x1b"), 1);
	/* a mark with no base gets a dotted circle */
	assert_int_equal(width_display("ि", 0, strlen("ि"), cps), 2);
	assert_int_equal(cps[0], 0x25CC);
	/* a cell keeps a base and four marks: a fifth is dropped, the base stays */
	const char *stack = "क\u0901\u0902\u093c\u0941\u0942\u0947";
	size_t n = width_display(stack, 0, strlen(stack), cps);
	assert_int_equal(n, 1 + WIDTH_CELL_MARKS);
	assert_int_equal(cps[0], 0x0915);
	/* C1 and the bidirectional controls show as U+FFFD, one cell, never
	 * as themselves (issue 10) */
	static const char *const bidi[] = { "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
	                                     "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
	                                     "\u200f", "\u061c", "\xc2\x9b", "\xc2\x85" };
	for (size_t i = 0; i < sizeof bidi / sizeof *bidi; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "a%sb", bidi[i]);
		n = width_display(buf, 1, strlen(buf) - 1, cps);
		assert_int_equal(n, 1);
		assert_int_equal(cps[0], 0xFFFD);
		assert_int_equal(w_of(WIDTH_WCWIDTH, bidi[i]), 1);
	}
}

static bool
starts_with_mark(const char *s, size_t a, size_t b)
{
	size_t p = a;
	if (a >= b)
		return false;
	uint32_t cp = pk_decode(s, b, &p);
	int8_t t = u_charType((UChar32)cp);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* The wrap properties for one block at one width and model. */
static void
check_wrap(layout *l, const char *s, size_t a, size_t b, int width)
{
	lay_lines ls = { 0 };
	assert_int_equal(layout_wrap(l, s, a, b, width, &ls), 0);
	assert_true(ls.n >= 1);
	assert_int_equal(ls.v[0].start, a);
	assert_int_equal(ls.v[ls.n - 1].end, b);
	for (size_t i = 0; i < ls.n; i++) {
		const lay_line *ln = &ls.v[i];
		/* the lines tile the text: joined, they give it back */
		if (i > 0)
			assert_int_equal(ln->start, ls.v[i - 1].end);
		assert_true(ln->width <= width);
		assert_false(starts_with_mark(s, ln->start, ln->end));
		/* the width reported is the width drawn */
		int w = 0;
		pk_breaker *cb = pk_breaker_new(PK_BREAK_CLUSTER);
		pk_breaker_set(cb, s, ln->start, ln->vis_end);
		for (size_t p = ln->start, q; (q = pk_breaker_next(cb)) != (size_t)-1; p = q)
			w += width_cluster(layout_model(l), s, p, q);
		pk_breaker_free(cb);
		assert_int_equal(w, ln->width);
	}
	lay_lines_free(&ls);
}

static void
test_seed_all_widths(void **state)
{
	(void)state;
	size_t len;
	char *s = test_slurp(TEST_SEED, &len);
	pk_input in;
	pk_input_from_mem(&in, s, len);
	pk_doc *d = pk_doc_new(&in);
	for (int m = WIDTH_WCWIDTH; m <= WIDTH_CLUSTER; m++) {
		layout *l = layout_new((width_model)m);
		for (int w = 10; w <= 120; w++) {
			pk_block b;
			for (bool more = pk_doc_first(d, &b); more; more = pk_doc_next(d, &b, &b))
				check_wrap(l, s, b.start, b.end, w);
		}
		layout_free(l);
	}
	pk_doc_free(d);
	free(s);
}

static void
test_long_word_breaks_between_clusters(void **state)
{
	(void)state;
	/* a word wider than the line breaks between clusters, never inside */
	const char *s = "प्रतिनिधिमंडलप्रतिनिधिमंडलप्रतिनिधिमंडल";
	layout *l = layout_new(WIDTH_WCWIDTH);
	lay_lines ls = { 0 };
	assert_int_equal(layout_wrap(l, s, 0, strlen(s), 10, &ls), 0);
	assert_true(ls.n >= 4);
	pk_breaker *cb = pk_breaker_new(PK_BREAK_CLUSTER);
	pk_breaker_set(cb, s, 0, strlen(s));
	for (size_t i = 1; i < ls.n; i++)
		assert_true(pk_breaker_is_boundary(cb, ls.v[i].start));
	pk_breaker_free(cb);
	lay_lines_free(&ls);
	check_wrap(l, s, 0, strlen(s), 10);
	layout_free(l);
}

static void
test_spaces_hang(void **state)
{
	(void)state;
	/* "एक दो" at width 2: the space hangs after एक, दो starts the next line */
	const char *s = "एक दो तीन";
	layout *l = layout_new(WIDTH_WCWIDTH);
	lay_lines ls = { 0 };
	assert_int_equal(layout_wrap(l, s, 0, strlen(s), 3, &ls), 0);
	assert_int_equal(ls.n, 3);
	assert_int_equal(ls.v[0].width, 2);
	assert_memory_equal(s + ls.v[1].start, "दो", strlen("दो"));
	assert_int_equal(ls.v[0].end - ls.v[0].vis_end, 1);
	lay_lines_free(&ls);
	/* the text fits: one line */
	assert_int_equal(layout_wrap(l, s, 0, strlen(s), 80, &ls), 0);
	assert_int_equal(ls.n, 1);
	lay_lines_free(&ls);
	layout_free(l);
}

static void
test_break_at_danda_and_hyphen(void **state)
{
	(void)state;
	/* a line may break after a hyphen (प्योंगयांग-मॉस्को) */
	const char *s = "प्योंगयांग-मॉस्को";
	layout *l = layout_new(WIDTH_WCWIDTH);
	lay_lines ls = { 0 };
	assert_int_equal(layout_wrap(l, s, 0, strlen(s), 8, &ls), 0);
	assert_int_equal(ls.n, 2);
	assert_memory_equal(s + ls.v[1].start, "मॉस्को", strlen("मॉस्को"));
	lay_lines_free(&ls);
	layout_free(l);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	width_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths_match_wcwidth),
		cmocka_unit_test(test_widths_cluster_model),
		cmocka_unit_test(test_display_symbols),
		cmocka_unit_test(test_seed_all_widths),
		cmocka_unit_test(test_long_word_breaks_between_clusters),
		cmocka_unit_test(test_spaces_hang),
		cmocka_unit_test(test_break_at_danda_and_hyphen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
