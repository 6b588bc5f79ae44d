/*
 * fuzz_fold.c - search folding with its offset map, and the search that
 * runs on it.  The input is FLAGS QUERY '\n' TEXT: pk_fold_map(TEXT) must
 * give pk_fold()'s key and a map that never decreases, stays inside TEXT
 * and ends at {len, len}; the query (folded, exact, slow path, or as an
 * ICU regular expression on short texts) is compiled and scanned over TEXT
 * in one slice and in two, which must find the same matches, each inside
 * TEXT, non-empty, sorted, on UTF-8 boundaries.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "search.h"
#include "span.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_fold: %s\n", #c); abort(); } } while (0)

static void
fold_check(const char *s, size_t len)
{
	size_t klen = 0, mlen = 0;
	pk_fold_src *map = NULL;
	char *key = pk_fold(s, len, &klen);
	char *mkey = pk_fold_map(s, len, &mlen, &map);
	if (key && mkey) {
		CHECK(klen == mlen && memcmp(key, mkey, klen) == 0);
		CHECK(map);
		for (size_t i = 0; i < mlen; i++) {
			CHECK(map[i].start <= map[i].end && map[i].end <= len);
			CHECK(i == 0 || (map[i - 1].start <= map[i].start && map[i - 1].end <= map[i].end));
		}
		CHECK(map[mlen].start == len && map[mlen].end == len);
	}
	free(key);
	free(mkey);
	free(map);
}

/* Is off where pk_decode() starts a unit: not inside a well-formed
 * sequence?  (A stray continuation byte is a unit of its own, U+FFFD.) */
static bool
boundary(const char *s, size_t len, size_t off)
{
	if (off == 0 || off >= len)
		return true;
	for (size_t back = 1; back <= 3 && back <= off; back++) {
		size_t p = off - back;
		if (((unsigned char)s[p] & 0xC0) == 0x80)
			continue;
		pk_decode(s, len, &p);
		return p <= off;
	}
	return true;
}

static void
check_spans(const pk_spans *sp, const char *s, size_t len)
{
	for (size_t i = 0; i < sp->n; i++) {
		CHECK(sp->v[i].start < sp->v[i].end && sp->v[i].end <= len);
		CHECK(i == 0 || sp->v[i - 1].start <= sp->v[i].start);
		CHECK(boundary(s, len, sp->v[i].start) && boundary(s, len, sp->v[i].end));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned f = data[0];
	const char *q = (const char *)data + 1;
	const char *nl = memchr(q, '\n', size - 1);
	size_t qlen = nl ? (size_t)(nl - q) : 0;
	const char *t = nl ? nl + 1 : q;
	size_t tlen = size - (size_t)(t - (const char *)data);

	/* copies, so that ASan sees any read past either end */
	char *text = malloc(tlen ? tlen : 1), *query = malloc(qlen ? qlen : 1);
	if (!text || !query)
		abort();
	memcpy(text, t, tlen);
	memcpy(query, q, qlen);
	fold_check(text, tlen);
	fold_check(query, qlen);

	unsigned flags = 0;
	if (f & 1)
		flags |= PK_SEARCH_EXACT;
	if (f & 2)
		flags |= PK_SEARCH_SLOW;
	if ((f & 4) && tlen <= 512 && qlen <= 32)
		flags |= PK_SEARCH_REGEX;  /* short: a regex may backtrack */
	pk_status st;
	char why[128];
	pk_search *s = pk_search_new(query, qlen, flags, &st, why, sizeof why);
	if (s) {
		pk_spans one = { 0 }, two = { 0 };
		size_t cut = tlen ? (f >> 3) * tlen / 31 : 0;
		if (cut > tlen)
			cut = tlen;
		pk_status a = pk_search_scan(s, text, tlen, 0, tlen, &one);
		pk_status b = pk_search_scan(s, text, tlen, 0, cut, &two);
		if (b == PK_OK)
			b = pk_search_scan(s, text, tlen, cut, tlen, &two);
		if (a == PK_OK) {
			check_spans(&one, text, tlen);
			(void)pk_search_matches(s, text, 0, tlen);
		}
		if (a == PK_OK && b == PK_OK) {
			check_spans(&two, text, tlen);
			CHECK(one.n == two.n);
			for (size_t i = 0; i < one.n; i++)
				CHECK(one.v[i].start == two.v[i].start && one.v[i].end == two.v[i].end);
		}
		pk_spans_free(&one);
		pk_spans_free(&two);
		pk_search_free(s);
	} else {
		CHECK(st != PK_OK);
	}
	free(text);
	free(query);
	return 0;
}

#include "fuzz_main.h"
