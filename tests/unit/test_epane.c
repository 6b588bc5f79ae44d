/* test_epane.c - the entity pane's model: order, filter, selection, steps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epane.h"
#include "translit.h"

/* Entities as the entity layer gives them (in order of first mention;
 * `first` is the index of the first mention). */
static pk_entity ents_v[] = {
	{ .name = "रूस", .type = PK_ENT_LOC, .mentions = 9, .quotes = 0, .first = 10 },
	{ .name = "व्लादिमीर पुतिन", .type = PK_ENT_PER, .mentions = 13, .quotes = 4, .first = 20 },
	/* as many mentions as पुतिन, mentioned earlier */
	{ .name = "किम जोंग उन", .type = PK_ENT_PER, .mentions = 13, .quotes = 6, .first = 5 },
	{ .name = "रॉयटर्स", .type = PK_ENT_ORG, .mentions = 1, .quotes = 0, .first = 30 },
	{ .name = "उत्तर कोरिया", .type = PK_ENT_LOC, .mentions = 6, .quotes = 0, .first = 40 },
	{ .name = "पुतिन-समर्थक दल", .type = PK_ENT_ORG, .mentions = 2, .quotes = 0, .first = 50 },
};
static const pk_entities ents = { .e = ents_v, .ne = sizeof ents_v / sizeof *ents_v };

/* The rows as "H:PER:2" and "E:name" strings joined by '|'. */
static void
rows_str(const epane *l, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	for (size_t i = 0; i < epane_nrows(l) && k < n; i++) {
		const ep_row *r = epane_row(l, i);
		if (r->head)
			k += (size_t)snprintf(buf + k, n - k, "%sH:%s:%zu", i ? "|" : "",
			                      pk_ent_type_name(r->type), r->count);
		else
			k += (size_t)snprintf(buf + k, n - k, "%sE:%s", i ? "|" : "",
			                      ents_v[r->ent].name);
	}
}

static void
test_order(void **state)
{
	char buf[1024];
	epane *l = epane_new(&ents, NULL);
	(void)state;
	assert_non_null(l);
	rows_str(l, buf, sizeof buf);
	/* PER, LOC, ORG; most mentions first; a tie: the first mentioned */
	assert_string_equal(buf, "H:PER:2|E:किम जोंग उन|E:व्लादिमीर पुतिन|H:LOC:2|E:रूस|"
	                         "E:उत्तर कोरिया|H:ORG:2|E:पुतिन-समर्थक दल|E:रॉयटर्स");
	/* the selection starts on the first entity, not on a heading */
	assert_int_equal(epane_sel_row(l), 1);
	assert_int_equal(epane_selected(l), 2);
	epane_free(l);
}

static void
test_move(void **state)
{
	epane *l = epane_new(&ents, NULL);
	(void)state;
	epane_move(l, 1);
	assert_int_equal(epane_selected(l), 1);
	epane_move(l, 1);  /* over the LOC heading */
	assert_int_equal(epane_sel_row(l), 4);
	assert_int_equal(epane_selected(l), 0);
	epane_move(l, 100);  /* stops at the end */
	assert_int_equal(epane_selected(l), 3);
	epane_move(l, -100);
	assert_int_equal(epane_selected(l), 2);
	epane_move(l, -1);
	assert_int_equal(epane_sel_row(l), 1);
	/* the top keeps the selection visible, with its heading */
	epane_move(l, 5);
	assert_int_equal(epane_sel_row(l), 8);
	assert_int_equal(epane_top(l, 3), 6);
	epane_move(l, -1);
	assert_int_equal(epane_top(l, 3), 6);
	epane_move(l, -5);
	assert_int_equal(epane_top(l, 3), 0);
	epane_free(l);
}

static void
test_filter_folded(void **state)
{
	char buf[1024];
	epane *l = epane_new(&ents, NULL);
	(void)state;
	/* पुतिन: the person and the party that contains the word */
	assert_int_equal(epane_filter(l, "पुतिन"), 0);
	rows_str(l, buf, sizeof buf);
	assert_string_equal(buf, "H:PER:1|E:व्लादिमीर पुतिन|H:ORG:1|E:पुतिन-समर्थक दल");
	/* a spelling variant: रुस (short u) finds रूस */
	assert_int_equal(epane_filter(l, "रुस"), 0);
	rows_str(l, buf, sizeof buf);
	assert_string_equal(buf, "H:LOC:1|E:रूस");
	/* nothing: no rows, no selection */
	assert_int_equal(epane_filter(l, "xyz"), 0);
	assert_int_equal(epane_nrows(l), 0);
	assert_int_equal(epane_selected(l), EP_NONE);
	epane_move(l, 1);
	assert_int_equal(epane_selected(l), EP_NONE);
	assert_int_equal(epane_filter(l, ""), 0);
	assert_int_equal(epane_nrows(l), 9);
	epane_free(l);
}

static void
test_filter_keeps_selection(void **state)
{
	epane *l = epane_new(&ents, NULL);
	(void)state;
	epane_select(l, 1);  /* व्लादिमीर पुतिन */
	assert_int_equal(epane_selected(l), 1);
	assert_int_equal(epane_filter(l, "पुतिन"), 0);
	assert_int_equal(epane_selected(l), 1);
	assert_int_equal(epane_filter(l, ""), 0);
	assert_int_equal(epane_selected(l), 1);
	/* filtered out: the first listed */
	assert_int_equal(epane_filter(l, "रूस"), 0);
	assert_int_equal(epane_selected(l), 0);
	epane_free(l);
}

static void
test_filter_latin(void **state)
{
	char buf[1024];
	pk_translit *tr = pk_translit_new(PK_ROMAN_ASCII, NULL);
	epane *l;
	(void)state;
	assert_non_null(tr);
	l = epane_new(&ents, tr);
	pk_translit_free(tr);  /* not kept */
	assert_non_null(l);
	assert_string_equal(epane_roman(l, 1), "vladimir putin");
	assert_int_equal(epane_filter(l, "putin"), 0);
	rows_str(l, buf, sizeof buf);
	assert_string_equal(buf, "H:PER:1|E:व्लादिमीर पुतिन|H:ORG:1|E:पुतिन-समर्थक दल");
	/* without regard to case, anywhere in the name */
	assert_true(epane_matches(l, 2, "Jong"));
	assert_true(epane_matches(l, 0, "RUS"));
	assert_false(epane_matches(l, 0, "kim"));
	/* the search backend romanizes: no romanizer needed, informal
	 * spellings accepted */
	epane_free(l);
	l = epane_new(&ents, NULL);
	assert_true(epane_matches(l, 1, "putin"));
	assert_true(epane_matches(l, 1, "vladimeer"));
	assert_false(epane_matches(l, 1, "kim"));
	epane_free(l);
}

static void
test_step(void **state)
{
	const size_t st[] = { 10, 50, 200, 900 }, en[] = { 15, 55, 205, 905 };
	(void)state;
	/* from the one jumped to, while it is on screen */
	assert_int_equal(epane_step(st, en, 4, 1, 0, 300, 1), 2);
	assert_int_equal(epane_step(st, en, 4, 1, 0, 300, -1), 0);
	assert_int_equal(epane_step(st, en, 4, 3, 800, 1000, 1), EP_NONE);
	assert_int_equal(epane_step(st, en, 4, 0, 0, 300, -1), EP_NONE);
	/* off screen (or none): from the screen, as ] and [ */
	assert_int_equal(epane_step(st, en, 4, 0, 100, 600, 1), 2);
	assert_int_equal(epane_step(st, en, 4, 0, 100, 600, -1), 2);
	assert_int_equal(epane_step(st, en, 4, EP_NONE, 100, 150, -1), 1);
	assert_int_equal(epane_step(st, en, 4, EP_NONE, 950, 1000, 1), EP_NONE);
	assert_int_equal(epane_step(st, en, 0, EP_NONE, 0, 1000, 1), EP_NONE);
}

static void
test_mentions_and_quotes(void **state)
{
	pk_mention m[] = {
		{ 5, 8, PK_ENT_PER, 2 }, { 10, 12, PK_ENT_LOC, 0 }, { 20, 25, PK_ENT_PER, 1 },
		{ 60, 62, PK_ENT_PER, 1 },
	};
	pk_entities e = ents;
	pk_quote qv[3];
	pk_quotes q = { .v = qv, .n = 3 };
	size_t n, *v;
	(void)state;
	e.m = m;
	e.nm = 4;
	memset(qv, 0, sizeof qv);
	qv[0].speaker_entity = 2;
	qv[1].speaker_entity = PK_QUOTE_NONE;
	qv[2].speaker_entity = 2;
	v = epane_mentions(&e, 1, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0], 2);
	assert_int_equal(v[1], 3);
	free(v);
	v = epane_quotes(&e, &q, 2, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], 2);
	free(v);
	assert_null(epane_quotes(&e, &q, 1, &n));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_filter_folded),
		cmocka_unit_test(test_filter_keeps_selection),
		cmocka_unit_test(test_filter_latin),
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_mentions_and_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
