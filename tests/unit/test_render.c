/* test_render.c - the display transformations of ui/render.c. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "layout.h"
#include "render.h"
#include "width.h"

static layout *lay;

static int
setup(void **st)
{
	(void)st;
	setlocale(LC_ALL, "C.UTF-8");
	width_init();
	lay = layout_new(WIDTH_WCWIDTH);
	return lay ? 0 : -1;
}

static int
teardown(void **st)
{
	(void)st;
	layout_free(lay);
	return 0;
}

struct acc {
	render_mode m;
	const char *s;
	char out[512];
	size_t n;
	int clusters;
	int w;
};

static int
acc_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct acc *a = ctx;
	uint32_t cps[RENDER_DISPLAY_MAX];
	size_t n = render_display(a->m, a->s, cs, ce, cps);
	a->clusters++;
	a->w += w;
	for (size_t i = 0; i < n; i++) {
		int k = u8_uctomb((uint8_t *)a->out + a->n, cps[i], (int)(sizeof a->out - a->n - 1));
		assert_true(k > 0);
		a->n += (size_t)k;
	}
	a->out[a->n] = 0;
	return 0;
}

/* The word as drawn in mode m, cluster by cluster (ICU clusters). */
static const char *
shown(render_mode m, const char *s, struct acc *a)
{
	memset(a, 0, sizeof *a);
	a->m = m;
	a->s = s;
	assert_int_equal(layout_clusters(lay, s, 0, strlen(s), acc_cluster, a), 0);
	return a->out;
}

static void
check(render_mode m, const char *in, const char *want)
{
	struct acc a, b;
	const char *got = shown(m, in, &a);
	if (strcmp(got, want) != 0)
		fail_msg("%s of %s: got %s, want %s", render_mode_name(m), in, got, want);
	/* the same clusters, the same width: display only */
	shown(RENDER_SHAPED, in, &b);
	assert_int_equal(a.clusters, b.clusters);
	assert_int_equal(a.w, b.w);
}

static void
t_reorder_words(void **st)
{
	(void)st;
	check(RENDER_REORDER, "स्थिति", "िस्थित");
	check(RENDER_REORDER, "द्विपक्षीय", "िद्वपक्षीय");
	check(RENDER_REORDER, "\u091c\u093c\u093f\u0932\u093e", "\u093f\u091c\u093c\u0932\u093e"); /* ज + nukta */
	check(RENDER_REORDER, "\u095b\u093f\u0932\u093e", "\u093f\u095b\u0932\u093e");             /* precomposed ज़ */
	check(RENDER_REORDER, "कि", "िक");
	check(RENDER_REORDER, "क्षि", "िक्ष");
	check(RENDER_REORDER, "प्रतिनिधिमंडल", "प्रितिनिधमंडल");
	check(RENDER_REORDER, "की स्थिति में", "की िस्थित में");
	/* no pre-base sign: unchanged */
	check(RENDER_REORDER, "भारत रूस", "भारत रूस");
	check(RENDER_SHAPED, "स्थिति", "स्थिति");
}

static void
t_reorder_zw(void **st)
{
	(void)st;
	/* ZWJ asks for a half form: the conjunct is one unit, ि goes first */
	check(RENDER_REORDER, "क्\u200dषि", "िक्\u200dष");
	/* ZWNJ asks for a visible halant: ि stays with the last consonant */
	check(RENDER_REORDER, "क्\u200cषि", "क्\u200cिष");
	/* a stray sign keeps its dotted circle and its place */
	check(RENDER_REORDER, "ि", "\u25cc" "ि");
	check(RENDER_REORDER, "\u200cि", "\u25cc\u200c" "ि");
}

static void
t_halant(void **st)
{
	(void)st;
	check(RENDER_HALANT, "क्ष", "क्\u200cष");
	check(RENDER_HALANT, "स्थिति", "स्\u200cथिति");
	check(RENDER_HALANT, "क्\u200dष", "क्\u200cष");       /* ZWJ -> ZWNJ */
	check(RENDER_HALANT, "क्\u200cष", "क्\u200cष");       /* already explicit */
	check(RENDER_HALANT, "पत्", "पत्");                   /* final virama: nothing to join */
	check(RENDER_REORDER_HALANT, "स्थिति", "स्\u200cिथित");
	check(RENDER_REORDER_HALANT, "द्विपक्षीय", "द्\u200cिवपक्\u200cषीय");
	check(RENDER_INTERLINEAR, "स्थिति", "स्थिति");
}

/* Widths as mlterm advances them, measured with ESC[6n inside mlterm
 * (render-shot): क्+ZWNJ+ख 3 columns, a+ZWNJ+b 3, द्+ZWNJ+ि+व 4, ि+क 2;
 * kitty 2, 2, -, 1.  With those answers the probe sets width_set_zwnj_cell(), and what
 * the halant modes draw must be measured as drawn, or every halant in a
 * row pushes it a column past the model (at the bottom row: a scroll,
 * every row drawn twice). */
static int
rw(width_model m, render_mode mode, const char *s)
{
	return render_width(m, mode, s, 0, strlen(s));
}

static void
t_zwnj_cell(void **st)
{
	(void)st;
	width_set_zwnj_cell(true);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_HALANT, "क्ष"), 3);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_REORDER_HALANT, "द्वि"), 4);  /* द्‌ ि व */
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_HALANT, "द्वि"), 3);          /* द्‌ वि */
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_HALANT, "क्‌ष"), 3);  /* written in the text */
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_SHAPED, "क्ष"), 2);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_SHAPED, "a‌"), 2);
	assert_int_equal(rw(WIDTH_WCWIDTH, RENDER_HALANT, "क्ष"), 2);      /* wcwidth: ZWNJ is 0 */
	width_set_zwnj_cell(false);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_HALANT, "क्ष"), 2);      /* kitty */
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_REORDER, "कि"), 1);     /* kitty: ि+क 1 */
	assert_int_equal(rw(WIDTH_WCWIDTH, RENDER_REORDER, "कि"), 2);
	width_set_zwnj_cell(true);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_SHAPED, "कि"), 1);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_REORDER, "कि"), 2);     /* mlterm: ि+क 2 */
	width_set_zwnj_cell(false);
	assert_int_equal(rw(WIDTH_CLUSTER, RENDER_SHAPED, "a‌"), 1);
}

static void
t_marks_capped(void **st)
{
	(void)st;
	/* base + 6 marks: a cell holds the base and 4 of them */
	uint32_t in[] = { 0x0915, 0x0941, 0x0902, 0x0901, 0x093C, 0x0951, 0x0952 };
	uint32_t out[RENDER_DISPLAY_MAX];
	size_t n = render_cluster(RENDER_HALANT, in, 7, out);
	assert_int_equal(n, 5);
	assert_int_equal(out[0], 0x0915);
	/* halant insertion beyond the cap drops marks, never the base letter */
	uint32_t in2[] = { 0x0915, 0x093C, 0x0951, 0x0952, 0x094D, 0x0937 };
	n = render_cluster(RENDER_HALANT, in2, 6, out);
	assert_int_equal(out[0], 0x0915);
	assert_int_equal(out[n - 1], 0x0937);
	assert_true(n <= 6);
}

static void
t_names(void **st)
{
	(void)st;
	render_mode m;
	for (int i = 0; i < RENDER_MODE_MAX; i++) {
		assert_true(render_mode_parse(render_mode_name((render_mode)i), &m));
		assert_int_equal(m, i);
	}
	assert_true(render_mode_parse("reorder-halant", &m));
	assert_int_equal(m, RENDER_REORDER_HALANT);
	assert_false(render_mode_parse("bogus", &m));
	assert_int_equal(render_mode_next(RENDER_INTERLINEAR), RENDER_IMAGE);
	assert_int_equal(render_mode_next(RENDER_IMAGE), RENDER_SHAPED);
	assert_true(render_mode_roman(RENDER_LATIN));
	assert_false(render_mode_roman(RENDER_REORDER));
}

static void
t_ascii(void **st)
{
	(void)st;
	char b[2];
	assert_string_equal(render_ascii('a', b), "a");
	assert_string_equal(render_ascii(0x201C, b), "\"");
	assert_string_equal(render_ascii(0x0964, b), ".");
	assert_string_equal(render_ascii(0x0967, b), "1");
	assert_string_equal(render_ascii(0x0915, b), "?");
	assert_string_equal(render_ascii(0x00B6, b), "P");
}

int
main(void)
{
	const struct CMUnitTest ts[] = {
		cmocka_unit_test(t_reorder_words),
		cmocka_unit_test(t_reorder_zw),
		cmocka_unit_test(t_halant),
		cmocka_unit_test(t_zwnj_cell),
		cmocka_unit_test(t_marks_capped),
		cmocka_unit_test(t_names),
		cmocka_unit_test(t_ascii),
	};
	return cmocka_run_group_tests(ts, setup, teardown);
}
