/* test_search.c - the search backend: folding rules, the offset map,
 * clusters, romanized queries, regular expressions, slices, bad input. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input.h"
#include "fold.h"
#include "search.h"
#include "testutil.h"

/* The spans of query q (flags fl) over text t, scanned whole. */
static pk_spans
find(const char *q, unsigned fl, const char *t)
{
	pk_status st = PK_ERR_IO;
	char why[128];
	pk_search *s = pk_search_new(q, strlen(q), fl, &st, why, sizeof why);
	pk_spans sp = { 0 };
	assert_non_null(s);
	assert_int_equal(st, PK_OK);
	assert_int_equal(pk_search_scan(s, t, strlen(t), 0, strlen(t), &sp), PK_OK);
	pk_search_free(s);
	return sp;
}

/* How many matches of q in t. */
static size_t
count(const char *q, unsigned fl, const char *t)
{
	pk_spans sp = find(q, fl, t);
	size_t n = sp.n;
	pk_spans_free(&sp);
	return n;
}

/* The one match of q in t is the text m. */
static void
match_is(const char *q, unsigned fl, const char *t, const char *m)
{
	pk_spans sp = find(q, fl, t);
	assert_int_equal(sp.n, 1);
	assert_int_equal(sp.v[0].end - sp.v[0].start, strlen(m));
	assert_memory_equal(t + sp.v[0].start, m, strlen(m));
	assert_int_equal(sp.v[0].kind, PK_SPAN_MATCH);
	pk_spans_free(&sp);
}

static void
test_basic(void **state)
{
	(void)state;
	match_is("पुतिन", 0, "राष्ट्रपति पुतीन ने कहा", "पुतीन");
	assert_int_equal(count("पुतिन", PK_SEARCH_EXACT, "राष्ट्रपति पुतीन ने कहा"), 0);
	assert_int_equal(count("putin", 0, "राष्ट्रपति पुतिन और Putin"), 2);
	assert_int_equal(count("पु.िन", PK_SEARCH_REGEX, "पुतिन"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
