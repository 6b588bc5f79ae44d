/* test_ner.c - the named-entity tagger: the bundled model loads, a bad or
 * truncated model is refused, names in sentences of our own are found with
 * their byte offsets, and odd input (empty, ill-formed, 100 KB of one word)
 * gives whole-token, sorted, non-overlapping spans inside [a, b). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "ner.h"
#include "testutil.h"

#define MODEL TEST_SRCDIR "/assets/ner.model"

static pk_ner *
load(void)
{
	pk_status st = PK_ERR_IO;
	pk_ner *m = pk_ner_load(MODEL, &st);
	assert_int_equal(st, PK_OK);
	assert_non_null(m);
	return m;
}

/* Spans lie in [a, b), are sorted, do not overlap, and (when s[a, b) is
 * well-formed and a is a character boundary) begin and end on characters. */
static void
check_spans(const char *s, size_t a, size_t b, const pk_ner_span *sp, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_true(a <= sp[i].start);
		assert_true(sp[i].start < sp[i].end);
		assert_true(sp[i].end <= b);
		assert_true(sp[i].type < PK_ENT_NTYPES);
		if (i)
			assert_true(sp[i - 1].end <= sp[i].start);
		if (a != 0)
			continue; /* a may be inside a character */
		assert_true(((unsigned char)s[sp[i].start] & 0xC0) != 0x80);
		assert_true(sp[i].end == b || ((unsigned char)s[sp[i].end] & 0xC0) != 0x80);
	}
}

static void
test_load(void **state)
{
	(void)state;
	pk_ner *m = load();
	pk_ner_free(m);
	pk_ner_free(NULL);
	pk_status st = PK_OK;
	assert_null(pk_ner_load(TEST_SRCDIR "/no/such/ner.model", &st));
	assert_int_equal(st, PK_ERR_IO);
	assert_null(pk_ner_load(TEST_SRCDIR "/assets", &st));
	assert_int_not_equal(st, PK_OK);
	assert_string_equal(pk_ent_type_name(PK_ENT_PER), "PER");
	assert_string_equal(pk_ent_type_name(PK_ENT_LOC), "LOC");
	assert_string_equal(pk_ent_type_name(PK_ENT_ORG), "ORG");
}

/* A copy of the model's first len bytes (or garbage) must be refused. */
static void
try_bad(const char *bytes, size_t len)
{
	char path[] = "/tmp/test_ner_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, len), (ssize_t)len);
	close(fd);
	pk_status st = PK_OK;
	pk_ner *m = pk_ner_load(path, &st);
	unlink(path);
	assert_null(m);
	assert_int_equal(st, PK_ERR_FORMAT);
}

static void
test_bad_model(void **state)
{
	(void)state;
	size_t len;
	char *model = test_slurp(MODEL, &len);
	assert_true(len > 4096);
	try_bad(model, 0);
	try_bad(model, 7);
	try_bad(model, 200);
	try_bad(model, 4096);
	try_bad(model, len - 1);
	char *junk = malloc(len);
	assert_non_null(junk);
	memset(junk, 'x', len);
	try_bad(junk, len);
	memcpy(junk, model, len);
	junk[8] ^= 1; /* another version */
	try_bad(junk, len);
	free(junk);
	free(model);
}

/* Is there a span of type ty whose text is want (its first occurrence)? */
static bool
found(const char *s, const pk_ner_span *sp, size_t n, const char *want, pk_ent_type ty)
{
	const char *at = strstr(s, want);
	assert_non_null(at);
	size_t start = (size_t)(at - s), end = start + strlen(want);
	for (size_t i = 0; i < n; i++)
		if (sp[i].start == start && sp[i].end == end && sp[i].type == ty)
			return true;
	return false;
}

static void
expect(const char *s, const pk_ner_span *sp, size_t n, const char *want, pk_ent_type ty)
{
	if (!found(s, sp, n, want, ty))
		fail_msg("no %s span \"%s\"", pk_ent_type_name(ty), want);
}

static void
test_sentence(void **state)
{
	(void)state;
	pk_ner *m = load();
	const char *s = "रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा कि संयुक्त राष्ट्र में "
			"भारतीय जनता पार्टी की बात होगी।";
	pk_ner_span *sp = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(pk_ner_tag(m, s, 0, strlen(s), &sp, &n, &cap), 0);
	check_spans(s, 0, strlen(s), sp, n);
	expect(s, sp, n, "व्लादिमीर पुतिन", PK_ENT_PER);
	expect(s, sp, n, "रूस", PK_ENT_LOC);
	/* one of the two organisations at least (the training data itself is
	 * not consistent about संयुक्त राष्ट्र) */
	assert_true(found(s, sp, n, "संयुक्त राष्ट्र", PK_ENT_ORG) ||
		    found(s, sp, n, "भारतीय जनता पार्टी", PK_ENT_ORG));
	/* appending: a second call adds after the first's spans */
	size_t before = n;
	const char *t = "मैंने कुछ नहीं कहा। रूस बड़ा देश है।";
	assert_int_equal(pk_ner_tag(m, t, 0, strlen(t), &sp, &n, &cap), 0);
	assert_true(n >= before);
	free(sp);
	pk_ner_free(m);
}

/* Tag s[a, b) from a copy holding exactly those bytes (so a read outside
 * [a, b) is a heap overflow for ASan and valgrind), check the spans. */
static void
tag_exact(const pk_ner *m, const char *s, size_t a, size_t b)
{
	char *copy = malloc(b - a + 1);
	assert_non_null(copy);
	memcpy(copy, s + a, b - a);
	pk_ner_span *sp = NULL;
	size_t n = 0, cap = 0;
	/* the copy shifted so that offset a is its first byte */
	assert_int_equal(pk_ner_tag(m, copy - a, a, b, &sp, &n, &cap), 0);
	check_spans(copy - a, a, b, sp, n);
	free(sp);
	free(copy);
}

static void
test_odd_input(void **state)
{
	(void)state;
	pk_ner *m = load();
	pk_ner_span *sp = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(pk_ner_tag(m, "", 0, 0, &sp, &n, &cap), 0);
	assert_int_equal(n, 0);
	assert_int_equal(pk_ner_tag(m, "abc", 2, 1, &sp, &n, &cap), 0);
	assert_int_equal(n, 0);
	free(sp);
	const char *bad = "\xE0\xA4 \xFF\xFEरूस\xE0 \xE0\xA4\xB0\xC0\x80 पुतिन \xED\xA0\x80 ने।\xF4\x90\x80\x80";
	tag_exact(m, bad, 0, strlen(bad));
	for (size_t a = 0; a < strlen(bad); a++)
		tag_exact(m, bad, a, strlen(bad));
	/* a range inside a longer text: nothing outside it */
	const char *s = "व्लादिमीर पुतिन ने रूस में कहा";
	tag_exact(m, s, 3, strlen(s) - 2);
	/* 100 KB of one word, no spaces, and with spaces */
	size_t big = 100 * 1024;
	char *buf = malloc(big + 1);
	assert_non_null(buf);
	for (size_t i = 0; i + 15 <= big; i += 15)
		memcpy(buf + i, "पुतिन", 15);
	for (size_t i = big - big % 15; i < big; i++)
		buf[i] = ' ';
	buf[big] = 0;
	tag_exact(m, buf, 0, big);
	for (size_t i = 0; i + 16 <= big; i += 16)
		memcpy(buf + i, "पुतिन ", 16);
	tag_exact(m, buf, 0, big);
	memset(buf, '.', big);
	tag_exact(m, buf, 0, big);
	free(buf);
	pk_ner_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_bad_model),
		cmocka_unit_test(test_sentence),
		cmocka_unit_test(test_odd_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
