/* test_search.c - the search backend: every folding rule, the offset map,
 * cluster edges, romanized queries with the informal spellings, regular
 * expressions, empty and long queries, slices, ill-formed input, and the
 * fast path of the folded search against the slow one. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "input.h"
#include "fold.h"
#include "search.h"
#include "utf8.h"
#include "testutil.h"

static pk_search *
compile(const char *q, size_t ql, unsigned fl)
{
	pk_status st = PK_ERR_IO;
	char why[128];
	pk_search *s = pk_search_new(q, ql, fl, &st, why, sizeof why);
	assert_non_null(s);
	assert_int_equal(st, PK_OK);
	return s;
}

/* The spans of query q (flags fl) over t[0..tl), scanned in slices of
 * `slice` bytes (0: whole). */
static pk_spans
find_n(const char *q, size_t ql, unsigned fl, const char *t, size_t tl, size_t slice)
{
	pk_search *s = compile(q, ql, fl);
	pk_spans sp = { 0 };
	if (!slice)
		slice = tl ? tl : 1;
	for (size_t a = 0; a < tl; a += slice)
		assert_int_equal(pk_search_scan(s, t, tl, a, tl - a > slice ? a + slice : tl, &sp), PK_OK);
	pk_search_free(s);
	return sp;
}

static bool
same_spans(const pk_spans *a, const pk_spans *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].start != b->v[i].start || a->v[i].end != b->v[i].end)
			return false;
	return true;
}

/* The spans of q in t; a folded query is run on both paths, which must
 * agree. */
static pk_spans
find(const char *q, unsigned fl, const char *t)
{
	pk_spans sp = find_n(q, strlen(q), fl, t, strlen(t), 0);
	if (!(fl & (PK_SEARCH_EXACT | PK_SEARCH_REGEX))) {
		pk_spans slow = find_n(q, strlen(q), fl | PK_SEARCH_SLOW, t, strlen(t), 0);
		assert_true(same_spans(&sp, &slow));
		pk_spans_free(&slow);
	}
	for (size_t i = 0; i < sp.n; i++) {
		assert_int_equal(sp.v[i].kind, PK_SPAN_MATCH);
		assert_true(sp.v[i].start < sp.v[i].end);
		if (i)
			assert_true(sp.v[i - 1].start < sp.v[i].start);
	}
	return sp;
}

static size_t
count(const char *q, unsigned fl, const char *t)
{
	pk_spans sp = find(q, fl, t);
	size_t n = sp.n;
	pk_spans_free(&sp);
	return n;
}

/* The matches of q in t are exactly the texts ms (NULL-terminated). */
static void
matches_are(const char *q, unsigned fl, const char *t, const char *const *ms)
{
	pk_spans sp = find(q, fl, t);
	size_t n = 0;
	for (; ms[n]; n++) {
		assert_true(n < sp.n);
		size_t l = sp.v[n].end - sp.v[n].start;
		if (l != strlen(ms[n]) || memcmp(t + sp.v[n].start, ms[n], l))
			fail_msg("query %s: match %zu is \"%.*s\", wanted \"%s\"", q, n, (int)l,
			         t + sp.v[n].start, ms[n]);
	}
	assert_int_equal(sp.n, n);
	pk_spans_free(&sp);
}

#define M(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* ------------------------------------------------------------------ */

/* pk_fold(): each rule of issue 9, both ways round. */
static void
test_fold_rules(void **state)
{
	static const char *const same[][2] = {
		{ "\xE0\xA5\x98", "क" },                 /* क़ U+0958 = क */
		{ "क\xE0\xA4\xBC", "क" },                /* क + nukta = क */
		{ "\xE0\xA5\x98", "क\xE0\xA4\xBC" },     /* both encodings */
		{ "\xE0\xA4\xA9", "न\xE0\xA4\xBC" },     /* ऩ NFC / NFD */
		{ "कॉलेज", "कोलेज" },                    /* ॉ = ो */
		{ "ऑफिस", "ओफिस" },                      /* ऑ = ओ */
		{ "बॅट", "बेट" },                        /* ॅ = े */
		{ "हँसी", "हंसी" },                      /* chandrabindu = anusvara */
		{ "क्\xE2\x80\x8Dष", "क्ष" },            /* ZWJ */
		{ "क्\xE2\x80\x8Cष", "क्ष" },            /* ZWNJ */
		{ "सम\xC2\xADझौता", "समझौता" },          /* soft hyphen */
		{ "१८", "18" }, { "२०२४", "2024" },      /* digits */
		{ "MoDi", "modi" },                      /* Latin case */
		{ "caf\xC3\xA9", "cafe\xCC\x81" },       /* NFC = NFD */
		{ "दीपिका", "दिपिका" },                  /* vowel length */
	};
	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char *a = pk_fold(same[i][0], strlen(same[i][0]), NULL);
		char *b = pk_fold(same[i][1], strlen(same[i][1]), NULL);
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b))
			fail_msg("pk_fold(%s) != pk_fold(%s)", same[i][0], same[i][1]);
		free(a);
		free(b);
	}
}

/* The same rules through the search, in both directions, on both paths. */
static void
test_search_rules(void **state)
{
	(void)state;
	matches_are("क़िला", 0, "किला और \xE0\xA5\x98िला और क\xE0\xA4\xBCिला",
	            M("किला", "\xE0\xA5\x98िला", "क\xE0\xA4\xBCिला"));
	matches_are("किला", 0, "\xE0\xA5\x98िला", M("\xE0\xA5\x98िला"));
	matches_are("ज़्यादा", 0, "ज्यादा ज़्यादा", M("ज्यादा", "ज़्यादा"));
	matches_are("कोस्मोड्रोम", 0, "कॉस्मोड्रोम, कोस्मोड्रोम", M("कॉस्मोड्रोम", "कोस्मोड्रोम"));
	matches_are("कॉस्मोड्रोम", 0, "कॉस्मोड्रोम, कोस्मोड्रोम", M("कॉस्मोड्रोम", "कोस्मोड्रोम"));
	matches_are("बॅट", 0, "बेट", M("बेट"));
	matches_are("हंसी", 0, "हँसी", M("हँसी"));
	matches_are("हँसी", 0, "हंसी", M("हंसी"));
	matches_are("क्षेत्र", 0, "क्\xE2\x80\x8Dषेत्र क्\xE2\x80\x8Cषे\xC2\xADत्र",
	            M("क्\xE2\x80\x8Dषेत्र", "क्\xE2\x80\x8Cषे\xC2\xADत्र"));
	matches_are("18", 0, "सन् १८ और 18", M("१८", "18"));
	matches_are("१८", 0, "सन् १८ और 18", M("१८", "18"));
	matches_are("modi", 0, "Modi MODI modi", M("Modi", "MODI", "modi"));
	matches_are("CAFÉ", 0, "cafe\xCC\x81 caf\xC3\xA9 cafe", M("cafe\xCC\x81", "caf\xC3\xA9"));
	/* what folding keeps apart */
	assert_int_equal(count("की", 0, "के"), 0);
	assert_int_equal(count("है", 0, "हे"), 0);
	assert_int_equal(count("कर्म", 0, "करम"), 0);
	/* exact: none of it */
	assert_int_equal(count("कोस्मोड्रोम", PK_SEARCH_EXACT, "कॉस्मोड्रोम"), 0);
	assert_int_equal(count("modi", PK_SEARCH_EXACT, "Modi modi"), 1);
	assert_int_equal(count("18", PK_SEARCH_EXACT, "१८"), 0);
}

static void
test_mixed_scripts(void **state)
{
	const char *t = "Putin (पुतिन) ने PUTIN से कहा: पुतिनवाद 2024 में";
	(void)state;
	matches_are("पुतिन", 0, t, M("पुतिन", "पुतिन"));
	matches_are("putin", 0, t, M("Putin", "पुतिन", "PUTIN", "पुतिन"));
	matches_are("में 2024", 0, "साल २०२४ में 2024", M("में 2024"));
	matches_are("2024 में", 0, "साल २०२४ में 2024", M("२०२४ में"));
	matches_are("(पुतिन)", 0, t, M("(पुतिन)"));
}

/* A highlight never splits a cluster: a match inside one grows to it. */
static void
test_clusters(void **state)
{
	(void)state;
	matches_are("क", 0, "कि", M("कि"));
	matches_are("ि", 0, "किताब", M("कि"));
	matches_are("क", 0, "क्या", M("क्या")); /* ICU keeps a conjunct whole */
	matches_are("a", PK_SEARCH_EXACT, "xe\xCC\x81" "a\xCC\x81", M("a\xCC\x81"));
	/* two matches in one cluster are one */
	matches_are("ि", PK_SEARCH_REGEX, "कि", M("कि"));
	/* at the very start and end of the text */
	matches_are("ता", 0, "ताता", M("ता", "ता"));
}

/* pk_fold_map(): key bytes map to source segments in order, and folding
 * each segment alone gives back the key. */
static void
test_fold_map(void **state)
{
	const char *t = "Aक़ि\xE0\xA5\x98\xE2\x80\x8Dॉ१\xC2\xAD" "cafe\xCC\x81ß\xFF\x00ी";
	size_t tl = strlen(t) + 4, kl, ml;
	pk_fold_src *map;
	(void)state;
	char *k = pk_fold_map(t, tl, &kl, &map);
	char *plain = pk_fold(t, tl, &ml);
	assert_non_null(k);
	assert_non_null(map);
	assert_int_equal(kl, ml);
	assert_memory_equal(k, plain, kl);
	assert_int_equal(map[kl].start, tl);
	assert_int_equal(map[kl].end, tl);
	char *again = malloc(kl + 1);
	size_t al = 0;
	for (size_t i = 0; i < kl;) {
		size_t a = map[i].start, z = map[i].end, j = i, sl;
		assert_true(a < z);
		assert_true(z <= tl);
		if (i)
			assert_true(a >= map[i - 1].end);
		while (j < kl && map[j].start == a)
			j++;
		char *seg = pk_fold(t + a, z - a, &sl);
		assert_int_equal(sl, j - i);
		memcpy(again + al, seg, sl);
		al += sl;
		free(seg);
		i = j;
	}
	assert_int_equal(al, kl);
	assert_memory_equal(again, k, kl);
	free(again);
	free(k);
	free(plain);
	free(map);
	/* the empty text */
	k = pk_fold_map("", 0, &kl, &map);
	assert_non_null(k);
	assert_int_equal(kl, 0);
	assert_int_equal(map[0].start, 0);
	free(k);
	free(map);
}

/* Romanized queries, with each informal spelling. */
static void
test_roman(void **state)
{
	static const struct { const char *q, *t; } hit[] = {
		{ "putin", "पुतिन" }, { "kim jong un", "किम जोंग उन" },
		{ "vostochan", "वोस्तोचन" }, { "vostochni", "वोस्तोचनी" },
		{ "chand", "चांद" }, { "cand", "चांद" },                 /* c/ch */
		{ "shahar", "शहर" }, { "sahar", "शहर" },                 /* sh */
		{ "vishesh", "विशेष" }, { "visesh", "विशेष" },
		{ "bharat", "भारत" }, { "bhaarat", "भारत" },             /* aa/a */
		{ "jeet", "जीत" }, { "jit", "जीत" },                     /* ee/i */
		{ "roos", "रूस" }, { "rus", "रूस" },                     /* oo/u */
		{ "vishwa", "विश्व" }, { "vishva", "विश्व" },             /* w/v */
		{ "zindgi", "ज़िंदगी" }, { "jindgi", "ज़िंदगी" },         /* z/j */
		{ "zindgi", "जिंदगी" },
		{ "phal", "फल" }, { "fal", "फल" },                       /* ph/f */
		{ "film", "फ़िल्म" }, { "philm", "फ़िल्म" },
		{ "PUTIN", "पुतिन" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof hit / sizeof *hit; i++) {
		pk_search *s = compile(hit[i].q, strlen(hit[i].q), 0);
		assert_true(pk_search_is_roman(s));
		if (!pk_search_matches(s, hit[i].t, 0, strlen(hit[i].t)))
			fail_msg("%s does not find %s", hit[i].q, hit[i].t);
		pk_search_free(s);
	}
	/* words from their start, the rest of the word not needed (the
	 * highlight ends with the cluster: नों) */
	matches_are("putin", 0, "राष्ट्रपति पुतिन ने, पुतिनों", M("पुतिन", "पुतिनों"));
	assert_int_equal(count("tin", 0, "पुतिन"), 0);
	assert_int_equal(count("putin", 0, "पुरानी"), 0);
	/* Latin in the text still matches literally */
	matches_are("putin", 0, "Putin और पुतिन", M("Putin", "पुतिन"));
	/* not a Latin query: not romanized */
	pk_search *s = compile("पुतिन", strlen("पुतिन"), 0);
	assert_false(pk_search_is_roman(s));
	pk_search_free(s);
	s = compile("putin", 5, PK_SEARCH_EXACT);
	assert_false(pk_search_is_roman(s));
	pk_search_free(s);
	s = compile("g20", 3, 0);
	assert_false(pk_search_is_roman(s));
	pk_search_free(s);
}

static void
test_regex(void **state)
{
	pk_status st = PK_OK;
	char why[128] = "";
	(void)state;
	matches_are("पु.िन", PK_SEARCH_REGEX, "पुतीन पुतिन", M("पुतीन", "पुतिन"));
	matches_are("कॉ\\S+", PK_SEARCH_REGEX, "कोस्मोड्रोम", M("कोस्मोड्रोम"));
	matches_are("\\d+", PK_SEARCH_REGEX, "सन् १८ या 19", M("१८", "19"));
	matches_are("^MODI", PK_SEARCH_REGEX, "modi\nके modi", M("modi"));
	matches_are("\\bमें\\b", PK_SEARCH_REGEX | PK_SEARCH_EXACT, "में मेंढक", M("में"));
	assert_int_equal(count("Modi", PK_SEARCH_REGEX | PK_SEARCH_EXACT, "modi"), 0);
	/* zero-length matches highlight nothing */
	assert_int_equal(count("x*", PK_SEARCH_REGEX, "abc"), 0);
	/* a bad regex: an error and a reason for the status line */
	assert_null(pk_search_new("(पुतिन", strlen("(पुतिन"), PK_SEARCH_REGEX, &st, why, sizeof why));
	assert_int_equal(st, PK_ERR_ICU);
	assert_non_null(strstr(why, "U_REGEX"));
	assert_null(pk_search_new("[", 1, PK_SEARCH_REGEX, &st, NULL, 0));
	assert_int_equal(st, PK_ERR_ICU);
	/* a pattern that backtracks exponentially stops with an error */
	static const char aa[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	pk_search *s = compile("(a+)+b", 6, PK_SEARCH_REGEX);
	pk_spans sp = { 0 };
	assert_int_equal(pk_search_scan(s, aa, strlen(aa), 0, strlen(aa), &sp), PK_ERR_ICU);
	assert_int_equal(sp.n, 0);
	pk_search_free(s);
	/* a pattern of over 1 KB is refused, saying why */
	char *big = malloc(1100);
	memset(big, 'a', 1100);
	assert_null(pk_search_new(big, 1100, PK_SEARCH_REGEX, &st, why, sizeof why));
	assert_int_equal(st, PK_ERR_ICU);
	assert_non_null(strstr(why, "too long"));
	free(big);
}

static void
test_empty_and_long(void **state)
{
	(void)state;
	assert_int_equal(count("", 0, "कुछ भी"), 0);
	assert_int_equal(count("", PK_SEARCH_EXACT, "कुछ भी"), 0);
	assert_int_equal(count("", PK_SEARCH_REGEX, "कुछ भी"), 0);
	assert_int_equal(count("\xE2\x80\x8D", 0, "क\xE2\x80\x8Dख"), 0);
	/* 1,000 characters */
	char *q = malloc(4000), *t = malloc(8000);
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		n += pk_utf8_put(q + n, i % 3 ? 0x0915 + (uint32_t)(i % 30) : 'a');
	q[n] = 0;
	sprintf(t, "शुरू %s अंत", q);
	pk_spans sp = find(q, 0, t);
	assert_int_equal(sp.n, 1);
	assert_int_equal(sp.v[0].end - sp.v[0].start, n);
	pk_spans_free(&sp);
	assert_int_equal(count(q, PK_SEARCH_EXACT, t), 1);
	t[n / 2 + 12] = 'Z';
	assert_int_equal(count(q, 0, t), 0);
	free(q);
	free(t);
}

/* A long query over text that keeps repeating its start (what fuzzing
 * found: checking the query at each repeat made a 14 KB query take
 * seconds on 2 KB): every overlapping match is found, none is invented,
 * on every path. */
static void
test_long_repeating(void **state)
{
	(void)state;
	static const char u[] = "उसने कहा, “यह ";
	size_t ul = strlen(u), nq = 300, nt = 700;
	char *q = malloc(ul * nq + 16), *t = malloc(ul * nt + 1);
	for (size_t i = 0; i < nq; i++)
		memcpy(q + i * ul, u, ul);
	for (size_t i = 0; i < nt; i++)
		memcpy(t + i * ul, u, ul);
	q[ul * nq] = 0;
	t[ul * nt] = 0;
	/* a match at every repeat that leaves room for the query */
	assert_int_equal(count(q, 0, t), nt - nq + 1);
	assert_int_equal(count(q, PK_SEARCH_EXACT, t), nt - nq + 1);
	pk_spans sp = find_n(q, strlen(q), 0, t, strlen(t), 4096);
	assert_int_equal(sp.n, nt - nq + 1);
	assert_int_equal(sp.v[1].start - sp.v[0].start, ul);
	pk_spans_free(&sp);
	pk_search *s = compile(q, strlen(q), 0);
	assert_true(pk_search_matches(s, t, 0, strlen(t)));
	assert_false(pk_search_matches(s, t, 0, ul * (nq - 1)));
	pk_search_free(s);
	/* the text repeats all but the query's end: nothing */
	strcat(q, "अंत");
	assert_int_equal(count(q, 0, t), 0);
	assert_int_equal(count(q, PK_SEARCH_EXACT, t), 0);
	free(q);
	free(t);
	/* the same for a romanized query: "ka ka ..." over "क क ..." */
	q = malloc(3 * nq + 1);
	t = malloc(strlen("क ") * nt + 1);
	q[0] = t[0] = 0;
	for (size_t i = 0; i < nq; i++)
		strcat(q, "ka ");
	for (size_t i = 0; i < nt; i++)
		strcat(t, "क ");
	assert_int_equal(count(q, 0, t), nt - nq + 1);
	free(q);
	free(t);
}

/* Every way of cutting the text into slices finds the same matches. */
static void
test_slices(void **state)
{
	const char *t = "पुतिन पुतीन\xE2\x80\x8Dपुतिन कि कि Putin पुतिन ने पुतिन";
	static const struct { const char *q; unsigned fl; } qs[] = {
		{ "पुतिन", 0 }, { "पुतिन", PK_SEARCH_SLOW }, { "पुतिन", PK_SEARCH_EXACT },
		{ "न प", 0 }, { "ि", 0 }, { "putin", 0 }, { "पु.िन", PK_SEARCH_REGEX },
		{ "putin ne", 0 },
	};
	size_t tl = strlen(t);
	(void)state;
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		pk_spans whole = find_n(qs[i].q, strlen(qs[i].q), qs[i].fl, t, tl, 0);
		assert_true(whole.n > 0);
		for (size_t slice = 1; slice < tl; slice++) {
			pk_spans sp = find_n(qs[i].q, strlen(qs[i].q), qs[i].fl, t, tl, slice);
			if (!same_spans(&whole, &sp))
				fail_msg("%s in slices of %zu: %zu matches, whole: %zu", qs[i].q, slice,
				         sp.n, whole.n);
			pk_spans_free(&sp);
		}
		pk_spans_free(&whole);
	}
}

static void
test_bad_bytes(void **state)
{
	const char t[] = "पुतिन\xFFपुतिन\0पुतिन पु\xFFतिन पु\0तिन \xE0\xA4";
	size_t tl = sizeof t - 1;
	(void)state;
	pk_spans sp = find_n("पुतिन", strlen("पुतिन"), 0, t, tl, 0);
	assert_int_equal(sp.n, 3);
	pk_spans_free(&sp);
	sp = find_n("पुतिन", strlen("पुतिन"), PK_SEARCH_SLOW, t, tl, 0);
	assert_int_equal(sp.n, 3);
	pk_spans_free(&sp);
	/* a NUL in the query matches a NUL */
	sp = find_n("न\0प", strlen("न") + 1 + strlen("प"), 0, t, tl, 0);
	assert_int_equal(sp.n, 1);
	pk_spans_free(&sp);
	/* the truncated sequence at the end */
	sp = find_n("\xE0\xA4", 2, PK_SEARCH_EXACT, t, tl, 0);
	assert_int_equal(sp.n, 1);
	assert_int_equal(sp.v[0].end, tl);
	pk_spans_free(&sp);
	sp = find_n("पु", strlen("पु"), PK_SEARCH_REGEX, t, tl, 0);
	assert_int_equal(sp.n, 5);
	pk_spans_free(&sp);
}

/* The bundled article spells the cosmodrome both ways and names Putin 13
 * times. */
static void
test_seed(void **state)
{
	size_t n;
	char *t = test_slurp(TEST_SEED, &n);
	(void)state;
	pk_spans sp = find_n("कोस्मोड्रोम", strlen("कोस्मोड्रोम"), 0, t, n, 0);
	assert_int_equal(sp.n, 2);
	pk_spans_free(&sp);
	sp = find_n("putin", 5, 0, t, n, 0);
	assert_int_equal(sp.n, 13);
	pk_spans_free(&sp);
	sp = find_n("vostochan", 9, 0, t, n, 0);
	assert_true(sp.n >= 1);
	pk_spans_free(&sp);
	free(t);
}

/* The fast path's premise: no character outside ASCII and Devanagari folds
 * to anything with a Devanagari code point or an ASCII digit in it, and
 * only the four ignorables fold to nothing. */
static void
test_fold_premise(void **state)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *n2 = unorm2_getNFDInstance(&e);
	(void)state;
	assert_true(U_SUCCESS(e));
	for (UChar32 c = 0x80; c <= 0x10FFFF; c++) {
		UChar d[32];
		char u[4];
		if ((c >= 0x0900 && c < 0x0980) || (c >= 0xD800 && c <= 0xDFFF))
			continue;
		e = U_ZERO_ERROR;
		if (unorm2_getDecomposition(n2, c, d, 32, &e) < 0 &&
		    !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED) &&
		    c != 0xAD && c != 0x200C && c != 0x200D)
			continue; /* folds to itself */
		size_t n = pk_utf8_put(u, (uint32_t)c), fl, p = 0;
		char *f = pk_fold(u, n, &fl);
		assert_non_null(f);
		if (fl == 0)
			assert_true(c == 0xAD || c == 0x200C || c == 0x200D);
		while (p < fl) {
			uint32_t x = pk_decode(f, fl, &p);
			if ((x >= 0x0900 && x < 0x0980) || (x >= '0' && x <= '9'))
				fail_msg("U+%04X folds to U+%04X", (unsigned)c, (unsigned)x);
		}
		free(f);
	}
}

/* Fast and slow paths agree on generated text full of the hard cases. */
static void
test_fast_equals_slow(void **state)
{
	static const char *const piece[] = {
		"क", "\xE0\xA5\x98", "\xE0\xA4\xBC", "ि", "ी", "\xE2\x80\x8D", "\xE2\x80\x8C",
		"\xC2\xAD", "ड", "\xE0\xA5\x9C", "१", "1", "A", "a", "\xC3\xA1", "\xCC\x81",
		" ", "\xFF", "ॉ", "ो", "\xE0\xA5\x91", "्", "ं", "ँ", "\n", "\xE0\xA4", "ß",
	};
	static const char *const query[] = {
		"कि", "की", "क", "ि", "ड़ो", "1क", "a1", "क्", "कीं", "१a", "ो", "क ड",
		"ड\xE0\xA5\x91", "ā", "ss",
	};
	const size_t np = sizeof piece / sizeof *piece;
	char t[4096];
	unsigned seed = 9;
	(void)state;
	for (int round = 0; round < 300; round++) {
		size_t tl = 0;
		for (int i = 0; i < 120; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = piece[(seed >> 16) % np];
			memcpy(t + tl, p, strlen(p));
			tl += strlen(p);
		}
		for (size_t q = 0; q < sizeof query / sizeof *query; q++) {
			size_t ql = strlen(query[q]);
			size_t slice = round % 3 ? 0 : 1 + round % 17;
			pk_spans a = find_n(query[q], ql, 0, t, tl, slice);
			pk_spans b = find_n(query[q], ql, PK_SEARCH_SLOW, t, tl, slice);
			if (!same_spans(&a, &b))
				fail_msg("round %d, %s: fast %zu, slow %zu", round, query[q], a.n, b.n);
			pk_spans_free(&a);
			pk_spans_free(&b);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_rules),
		cmocka_unit_test(test_search_rules),
		cmocka_unit_test(test_mixed_scripts),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_fold_map),
		cmocka_unit_test(test_roman),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_empty_and_long),
		cmocka_unit_test(test_long_repeating),
		cmocka_unit_test(test_slices),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_fold_premise),
		cmocka_unit_test(test_fast_equals_slow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
