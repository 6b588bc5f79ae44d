/* test_translit.c - romanization: the Hindi word list, ISO style, the byte map,
 * ill-formed input, mixed scripts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "translit.h"

static pk_translit *
new_or_fail(pk_roman_style style)
{
	pk_status st = PK_ERR_IO;
	pk_translit *t = pk_translit_new(style, &st);
	assert_non_null(t);
	assert_int_equal(st, PK_OK);
	return t;
}

/* Romanize all of s with t. */
static char *
roman(pk_translit *t, const char *s)
{
	char *r = pk_translit_run(t, s, 0, strlen(s), NULL);
	assert_non_null(r);
	return r;
}

/* Check the map contract for the result r of [start, end). */
static void
check_map(const char *r, const size_t *map, size_t start, size_t end)
{
	size_t n = strlen(r);
	assert_non_null(map);
	for (size_t i = 0; i < n; i++) {
		assert_true(map[i] >= start);
		assert_true(map[i] < end);
		if (i > 0)
			assert_true(map[i] >= map[i - 1]);
	}
	assert_int_equal(map[n], end);
}

/* Is s well-formed UTF-8?  (Everything decodes without U+FFFD, unless the
 * text really is U+FFFD: EF BF BD.) */
static bool
valid_utf8(const char *s)
{
	size_t len = strlen(s), pos = 0;
	while (pos < len) {
		size_t at = pos;
		uint32_t c = pk_decode(s, len, &pos);
		if (c == 0xFFFD && !(pos - at == 3 && memcmp(s + at, "\xEF\xBF\xBD", 3) == 0))
			return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */

/* Every row of the word list romanizes as expected, except the known
 * failures listed in its third column, which give exactly what is recorded
 * there (so a fix, or a different miss, is noticed and the list updated). */
static void
test_word_list(void **state)
{
	(void)state;
	char path[4096], line[1024];
	FILE *f;
	size_t n = 0, ok = 0, known = 0, wrong = 0, lineno = 0;
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);

	snprintf(path, sizeof path, "%s/tests/unit/translit_words.tsv", TEST_SRCDIR);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *want, *fails, *got;
		size_t *map = NULL;
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		want = strchr(line, '\t');
		assert_non_null(want);
		*want++ = '\0';
		fails = strchr(want, '\t');
		if (fails)
			*fails++ = '\0';
		got = pk_translit_run(t, line, 0, strlen(line), &map);
		assert_non_null(got);
		check_map(got, map, 0, strlen(line));
		n++;
		if (!fails && strcmp(got, want) == 0) {
			ok++;
		} else if (fails && strcmp(got, fails) == 0) {
			known++;
		} else {
			wrong++;
			printf("  translit_words.tsv:%zu: %s -> %s (expected %s%s%s)\n", lineno,
			       line, got, fails ? "the known failure " : "", fails ? fails : want,
			       fails && strcmp(got, want) == 0 ? "; it is fixed: drop the third column" : "");
		}
		free(got);
		free(map);
	}
	fclose(f);
	pk_translit_free(t);

	assert_true(n >= 300);
	printf("  translit word list: %zu/%zu as expected, %zu known failures\n", ok, n, known);
	assert_int_equal(wrong, 0);
}

static void
test_examples(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "पुतिन", "putin" },
		{ "रूस", "rus" },
		{ "किम जोंग उन", "kim jong un" },
		{ "कम", "kam" },
		{ "समझना", "samajhna" },
		{ "मित्र", "mitra" },
		{ "संबंध", "sambandh" },
		{ "न", "na" },
		{ "ज़िला फ़ौज क़ानून ख़बर ग़रीब", "zila fauj qanun khabar gharib" },
		{ "हँसना", "hansna" },
		{ "दुःख", "dukh" },
		{ "नमः", "namah" },
		{ "राष्ट्रपति", "rashtrapati" },
		{ "क्‍ष", "ksha" },                  /* ZWJ inside a conjunct */
	};
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *r = roman(t, cases[i][0]);
		assert_string_equal(r, cases[i][1]);
		free(r);
	}
	assert_int_equal(pk_translit_style(t), PK_ROMAN_ASCII);
	pk_translit_free(t);
}

static void
test_nukta_decomposed(void **state)
{
	(void)state;
	/* क + ़ (decomposed) and U+0958 (precomposed) romanize alike. */
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);
	char *a = roman(t, "\xE0\xA4\x95\xE0\xA4\xBC\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5\x82\xE0\xA4\xA8");
	char *b = roman(t, "\xE0\xA5\x98\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA5\x82\xE0\xA4\xA8");
	assert_string_equal(a, "qanun");
	assert_string_equal(b, "qanun");
	free(a);
	free(b);
	pk_translit_free(t);
}

static void
test_iso(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "पुतिन", "putin" },
		{ "रूस", "rūs" },
		{ "भारत", "bhārat" },
		{ "किम जोंग उन", "kim jōṅg un" },
		{ "शिक्षा", "śikṣā" },
		{ "कई", "ka'ī" },
		{ "दुःख", "duḥkh" },
		{ "हँसना", "ham̐snā" },
		{ "ज्ञान", "jñān" },
	};
	pk_translit *t = new_or_fail(PK_ROMAN_ISO15919);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *r = roman(t, cases[i][0]);
		assert_string_equal(r, cases[i][1]);
		free(r);
	}
	assert_int_equal(pk_translit_style(t), PK_ROMAN_ISO15919);
	pk_translit_free(t);
}

static void
test_map(void **state)
{
	(void)state;
	/* A sub-range of a larger buffer: offsets are absolute. */
	const char *s = "xx रूसी राष्ट्रपति व्लादिमीर पुतिन ने कहा yy";
	size_t start = 3, end = strlen(s) - 3, *map = NULL;
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);
	char *r = pk_translit_run(t, s, start, end, &map);
	const char *hit;
	size_t h, putin = (size_t)(strstr(s, "पुतिन") - s);

	assert_non_null(r);
	assert_string_equal(r, "rusi rashtrapati vladimir putin ne kaha");
	check_map(r, map, start, end);
	/* "putin" maps back onto पुतिन: its first byte to प, its last inside it */
	hit = strstr(r, "putin");
	assert_non_null(hit);
	h = (size_t)(hit - r);
	assert_int_equal(map[h], putin);
	assert_true(map[h + 4] > putin && map[h + 4] < putin + strlen("पुतिन"));
	/* the 'i' of "pu-ti-n" comes from the vowel sign ि, not from त */
	assert_int_equal(map[h + 3], putin + 9);
	free(r);
	free(map);

	/* ISO style and mixed text keep the contract too */
	pk_translit_free(t);
	t = new_or_fail(PK_ROMAN_ISO15919);
	s = "COVID-19: दिल्ली में ४२ नए मामले। \"अच्छा\" é";
	r = pk_translit_run(t, s, 0, strlen(s), &map);
	check_map(r, map, 0, strlen(s));
	free(r);
	free(map);

	/* empty and inverted ranges */
	r = pk_translit_run(t, s, 5, 5, &map);
	assert_string_equal(r, "");
	assert_int_equal(map[0], 5);
	free(r);
	free(map);
	r = pk_translit_run(t, s, 7, 2, &map);
	assert_string_equal(r, "");
	assert_int_equal(map[0], 7);
	free(r);
	free(map);
	pk_translit_free(t);
}

static void
test_mixed(void **state)
{
	(void)state;
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);
	char *r = roman(t, "COVID-19 के २०२४ में 1,234 मामले (PTI)।");
	assert_string_equal(r, "COVID-19 ke 2024 men 1,234 mamle (PTI).");
	free(r);
	/* Non-Devanagari scripts and symbols are left alone. */
	r = roman(t, "Москва — मास्को, 東京 😀 café");
	assert_string_equal(r, "Москва — masko, 東京 😀 café");
	free(r);
	pk_translit_free(t);
}

static void
test_ill_formed(void **state)
{
	(void)state;
	/* a stray byte, a truncated Devanagari letter, a surrogate, overlong,
	 * and a NUL in the middle */
	static const char s[] = "क\xFFम \xE0\xA4 पुतिन\xED\xA0\x80\xC0\xAF\0रूस\xE0\xA4";
	size_t len = sizeof s - 1, *map = NULL;
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);
	char *r = pk_translit_run(t, s, 0, len, &map);

	assert_non_null(r);
	assert_true(valid_utf8(r));
	check_map(r, map, 0, len);
	assert_non_null(strstr(r, "putin"));
	assert_non_null(strstr(r, "\xE2\x90\x80rus"));   /* NUL shown as U+2400 */
	assert_non_null(strstr(r, "\xEF\xBF\xBD"));
	free(r);
	free(map);

	/* every prefix, so that each truncation point is tried */
	for (size_t i = 0; i <= len; i++) {
		r = pk_translit_run(t, s, 0, i, &map);
		assert_non_null(r);
		assert_true(valid_utf8(r));
		check_map(r, map, 0, i);
		free(r);
		free(map);
	}
	pk_translit_free(t);
}

static void
test_odd_devanagari(void **state)
{
	(void)state;
	/* Stray signs, a vowel sign without a consonant, a very long conjunct,
	 * avagraha, Om, all the consonant x vowel-sign pairs (more than the
	 * cache holds).  Nothing may crash and output stays valid. */
	char buf[16384];
	size_t n = 0;
	pk_translit *a = new_or_fail(PK_ROMAN_ASCII), *iso = new_or_fail(PK_ROMAN_ISO15919);
	const char *odd[] = {
		"ि", "ंः", "़", "्", "अा", "कोे", "ॐ", "अऽ", "॥१॥",
		"क्क्क्क्क्क्क्क्क्क्क्क्क", "क्‌ष", "\u200Dक", "क\u200D", "ॲॳॴ",
	};
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		size_t *map = NULL;
		char *r = pk_translit_run(a, odd[i], 0, strlen(odd[i]), &map);
		assert_non_null(r);
		check_map(r, map, 0, strlen(odd[i]));
		free(r);
		free(map);
		r = roman(iso, odd[i]);
		assert_true(valid_utf8(r));
		free(r);
	}
	for (uint32_t c = 0x0915; c <= 0x0939; c++)
		for (uint32_t v = 0x093E; v <= 0x094D; v++) {
			if (n + 16 > sizeof buf)
				break;
			buf[n++] = (char)(0xE0);
			buf[n++] = (char)(0xA4 | ((c >> 6) & 1));
			buf[n++] = (char)(0x80 | (c & 0x3F));
			buf[n++] = (char)(0xE0);
			buf[n++] = (char)(0xA4 | ((v >> 6) & 1));
			buf[n++] = (char)(0x80 | (v & 0x3F));
			buf[n++] = ' ';
		}
	buf[n] = '\0';
	for (int round = 0; round < 2; round++) {   /* second round: cached */
		size_t *map = NULL;
		char *r = pk_translit_run(round ? iso : a, buf, 0, n, &map);
		assert_non_null(r);
		assert_true(valid_utf8(r));
		check_map(r, map, 0, n);
		free(r);
		free(map);
	}
	pk_translit_free(a);
	pk_translit_free(iso);
}

static void
test_long_input(void **state)
{
	(void)state;
	/* 1 MB of a news paragraph: linear, and the same text each time. */
	const char *para = "रूस के राष्ट्रपति व्लादिमीर पुतिन ने सोमवार को मास्को में कहा कि "
	                   "यूक्रेन के साथ बातचीत जारी रहेगी। ";
	size_t plen = strlen(para), reps = (1u << 20) / plen, *map = NULL;
	char *s = malloc(plen * reps + 1), *r, *one;
	pk_translit *t = new_or_fail(PK_ROMAN_ASCII);

	assert_non_null(s);
	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * plen, para, plen);
	s[plen * reps] = '\0';
	one = roman(t, para);
	r = pk_translit_run(t, s, 0, plen * reps, &map);
	assert_non_null(r);
	assert_int_equal(strlen(r), strlen(one) * reps);
	assert_memory_equal(r + strlen(one) * (reps - 1), one, strlen(one));
	check_map(r, map, 0, plen * reps);
	free(one);
	free(r);
	free(map);
	free(s);
	pk_translit_free(t);
	pk_translit_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_list),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_nukta_decomposed),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_ill_formed),
		cmocka_unit_test(test_odd_devanagari),
		cmocka_unit_test(test_long_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
