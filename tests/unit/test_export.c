/* test_export.c - `pathak --json` of an input too big for the entity pass
 * is written as quotations are found (pk_export_json_stream()): its
 * output must be byte for byte that of pk_export_json() with the list
 * pk_quotes_find() gives, on articles and on text made to reach the
 * places where the streamed search forgets what it has written (speakers
 * named long before, pronouns resolved through names far back, a clause
 * `जब … तो` whose subject is looked up among the subjects around it). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* open_memstream */
#endif
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
#include "doc.h"
#include "quotes.h"
#include "export.h"
#include "testutil.h"

/* Both outputs for text [s, s + n), compared; returns the quotation count. */
static size_t
same_json(const char *s, size_t n)
{
	pk_input in;
	pk_doc *d;
	pk_quotes q;
	char *a = NULL, *b = NULL;
	size_t la = 0, lb = 0, nq;
	FILE *fa = open_memstream(&a, &la), *fb = open_memstream(&b, &lb);

	assert_non_null(fa);
	assert_non_null(fb);
	pk_input_from_mem(&in, s, n);
	assert_non_null(d = pk_doc_new(&in));
	assert_int_equal(pk_quotes_find(d, &q), PK_OK);
	nq = q.n;
	assert_int_equal(pk_export_json(d, &q, NULL, "f.txt", "0.1", fa), PK_OK);
	pk_quotes_free(&q);
	assert_int_equal(pk_export_json_stream(d, "f.txt", "0.1", fb), PK_OK);
	fclose(fa);
	fclose(fb);
	assert_true(la > 0);
	if (la != lb || memcmp(a, b, la)) {
		size_t i = 0;
		while (i < la && i < lb && a[i] == b[i])
			i++;
		fail_msg("streamed --json differs at byte %zu of %zu/%zu: …%.80s… against …%.80s…",
		         i, la, lb, a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
	}
	free(a);
	free(b);
	pk_doc_free(d);
	return nq;
}

/* A growing buffer of text. */
typedef struct buf {
	char *s;
	size_t n, cap;
} buf;

static void add(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add(buf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		va_start(ap, fmt);
		int k = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
		assert_true(k >= 0);
		if ((size_t)k < b->cap - b->n) {
			b->n += (size_t)k;
			return;
		}
		b->cap = b->cap * 2 + (size_t)k + 4096;
		assert_non_null(b->s = realloc(b->s, b->cap));
	}
}

static void
seed_repeated(void **state)
{
	(void)state;
	size_t n;
	char *seed = test_slurp(TEST_SEED, &n);
	buf b = { 0 };
	for (int i = 0; i < 40; i++)
		add(&b, "%s\n", seed);
	assert_true(same_json(b.s, b.n) > 40);
	assert_true(same_json(seed, n) > 0);
	free(b.s);
	free(seed);
}

/* Speakers named, then referred to by pronoun, through a जब … तो clause,
 * by a description; stretches with nobody named; some 60 000 subjects,
 * enough for the history behind to be dropped many times over. */
static void
speakers_far_and_near(void **state)
{
	(void)state;
	static const char *const first[] = { "राहुल", "अमित", "सुनील", "प्रिया", "ममता", "अशोक", "कमल" };
	static const char *const last[] = { "गांधी", "शाह", "शर्मा", "बनर्जी", "सिंह", "यादव", "नाथ" };
	buf b = { 0 };
	unsigned r = 7;
	add(&b, "शीर्षक यहाँ\n\n");
	for (int i = 0; i < 30000; i++) {
		r = r * 1103515245u + 12345u;
		const char *f = first[(r >> 8) % 7], *l = last[(r >> 16) % 7];
		switch ((r >> 24) % 8) {
		case 0:
			add(&b, "%s %s ने कहा “हम इस बार चुनाव जीतेंगे।” उन्होंने कहा कि काम होगा।\n", f, l);
			break;
		case 1:
			add(&b, "उन्होंने कहा, “देश आगे बढ़ेगा।”\n");
			break;
		case 2:
			add(&b, "जब %s आए थे तो उन्होंने कहा “यह अच्छा है।”\n", f);
			break;
		case 3:
			add(&b, "%s %s बैठक में थे. उन्होंने बताया, “बात हुई।”\n", f, l);
			break;
		case 4:
			add(&b, "पार्टी के प्रवक्ता ने कहा, “हम तैयार हैं।”\n");
			break;
		case 5:
			/* nobody named for a while */
			for (int k = 0; k < (int)((r >> 4) % 40); k++)
				add(&b, "बाज़ार में आज भीड़ रही और दाम वैसे ही रहे।\n");
			add(&b, "“यह बात पुरानी है,” उन्होंने कहा।\n");
			break;
		case 6:
			add(&b, "%s ने कहा कि %s %s से बात होगी। “हम मिलेंगे।”\n", l, f, l);
			break;
		default:
			add(&b, "“चलिए,” %s ने कहा।\n", f);
			break;
		}
	}
	assert_true(same_json(b.s, b.n) > 20000);
	free(b.s);
}

/* Text without quotations, and empty text: the skeleton alone. */
static void
no_quotes(void **state)
{
	(void)state;
	const char *t = "शीर्षक\n\nकोई उद्धरण नहीं है।\n";
	assert_int_equal(same_json(t, strlen(t)), 0);
	assert_int_equal(same_json("", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_repeated),
		cmocka_unit_test(speakers_far_and_near),
		cmocka_unit_test(no_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
