/*
 * search.c - the search backend (search.h): folded, exact, regular
 * expression and romanized queries, run over the input in slices.
 *
 * Every way of matching produces raw byte ranges that are widened to whole
 * grapheme clusters (ICU) and reported by the cluster where they start, so
 * that consecutive slices report each match once.
 *
 * The folded literal search has two paths that must agree (tests compare
 * them): the slow one folds the text with pk_fold_map() and looks for the
 * folded query in it; the fast one (fast_scan) finds a rare code point of
 * the query in the raw bytes with memchr() and checks the query around it
 * through a per-code-point table built from pk_fold_map() itself.  That
 * check may cost a query length for each candidate, so the fast path hands
 * a slice that costs too much to the slow one, which is linear.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* memmem */
#endif
#include "config.h"
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "doc.h"
#include "fold.h"
#include "grow.h"
#include "translit.h"
#include "utf8.h"

/* Work on at most this many bytes of a slice at once (the slow paths
 * allocate a key and a map in proportion). */
#define CHUNK ((size_t)1 << 20)
/* How far a match may reach past the end of the slice it starts in, beyond
 * four bytes per byte of the query; longer runs of ignorable characters
 * inside one match are not found across a slice boundary. */
#define REACH 1024
/* Context given to ICU's break iterator around a match edge. */
#define CTX 256
/* The fast path's work on a slice, in code points stepped, may reach this
 * many a byte of the slice; a byte folded for a candidate it hands to
 * pk_fold_map() counts as many steps (folding costs about that much more).
 * Beyond that the slice goes to the slow path, which is linear whatever
 * the query (glibc's strstr() guards its quick loop the same way). */
#define WORK_PER_BYTE 16
/* A regular expression may be this long (bytes), and one find may take
 * REGEX_STEPS plus one ICU time step (about 10^4 match operations) per
 * REGEX_BYTES bytes of text searched: room for any sane pattern, a bound on
 * one that backtracks exponentially. */
#define REGEX_MAX 1024
#define REGEX_STEPS 1000
#define REGEX_BYTES 64

/* ---------------------------------------------------------------- words */

/* One romanized word in the cache: its skeleton and, for each skeleton
 * byte, the offset in the word of the code point it came from. */
typedef struct wentry {
	uint64_t h;
	char *word;       /* the Devanagari bytes, then the skeleton */
	uint32_t wlen, slen;
	uint32_t *off;    /* slen + 1 offsets into the word */
} wentry;

typedef struct wcache {
	wentry *v;
	size_t n, cap;    /* cap a power of two */
} wcache;

/* What a raw code point folds to, for the fast path: a code point, or one
 * of these. */
#define T_IGN 0xFFFFFFFEu /* nothing: a joiner, the soft hyphen, the nukta */
#define T_IRR 0xFFFFFFFFu /* ask pk_fold_map() (several code points, a
                             combining mark that may be reordered, or a code
                             point outside the table) */

/* One raw form of the anchor: its UTF-8 bytes. */
typedef struct aform {
	unsigned char b[4];
	size_t n;
} aform;

struct pk_search {
	unsigned flags;
	bool empty;
	char *key;        /* folded query (the raw query when exact) */
	size_t klen;
	size_t *border;   /* literal queries: border[i] is the longest proper
	                     border of key[0, i) (the KMP failure function) */
	URegularExpression *re;
	bool roman;
	char *skel;       /* the query's romanization skeleton */
	size_t sklen;
	size_t *skborder; /* its borders, as border for key */
	pk_translit *tr;  /* made on first use: ICU's transliterators cost */
	wcache cache;
	pk_breaker *br;
	/* the fast path */
	uint32_t *kc;     /* the key's code points */
	size_t m;
	uint32_t t_ascii[128], t_deva[128];
	bool fast_ok;     /* a literal folded query the fast path can take */
	bool chosen;      /* anchor chosen (on the first scan: it samples text) */
	uint32_t anchor;  /* the key code point searched for, 0 if none */
	aform forms[4];   /* the raw code points that fold to it */
	size_t nforms;
};

/* ---------------------------------------------------------------- helpers */

static size_t
lead_back(const char *t, size_t p)
{
	for (int k = 0; k < 3 && p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80; k++)
		p--;
	return p;
}

static bool
is_deva_letter(uint32_t c)
{
	return (c >= 0x0904 && c <= 0x0939) || c == 0x093D || c == 0x0950 ||
	       (c >= 0x0958 && c <= 0x0961) || (c >= 0x0972 && c <= 0x097F);
}

/* A grapheme cluster boundary that needs no break iterator: next to ASCII
 * (except CR LF), nothing joins; after ASCII a Devanagari letter starts a
 * cluster (only a consonant + virama before it could join it). */
static bool
quick_boundary(const char *t, size_t len, size_t p)
{
	if (p == 0 || p >= len)
		return true;
	unsigned char x = (unsigned char)t[p - 1], y = (unsigned char)t[p];
	if (y < 0x80)
		return !(x == '\r' && y == '\n');
	if (x < 0x80) {
		size_t q = p;
		return is_deva_letter(pk_decode(t, len, &q));
	}
	return false;
}

static size_t
cluster_start(pk_search *s, const char *t, size_t len, size_t p)
{
	if (quick_boundary(t, len, p))
		return p;
	size_t a = lead_back(t, p > CTX ? p - CTX : 0), z = p + 64 < len ? p + 64 : len;
	if (pk_breaker_set(s->br, t, a, z) != PK_OK || pk_breaker_is_boundary(s->br, p))
		return p;
	return pk_breaker_preceding(s->br, p);
}

static size_t
cluster_end(pk_search *s, const char *t, size_t len, size_t p)
{
	if (quick_boundary(t, len, p))
		return p;
	size_t a = lead_back(t, p > CTX ? p - CTX : 0), z = p + CTX < len ? p + CTX : len;
	if (pk_breaker_set(s->br, t, a, z) != PK_OK || pk_breaker_is_boundary(s->br, p))
		return p;
	return pk_breaker_following(s->br, p);
}

/* Widen raw [a, z) to clusters; push it if it starts in [from, to). */
static pk_status
report(pk_search *s, const char *t, size_t len, size_t a, size_t z,
       size_t from, size_t to, pk_spans *out)
{
	size_t ws = cluster_start(s, t, len, a);
	if (ws < from || ws >= to)
		return PK_OK;
	size_t we = cluster_end(s, t, len, z > a ? z : a);
	pk_span sp = { ws, we, PK_SPAN_MATCH, 0 };
	return pk_spans_push(out, sp) ? PK_ERR_NOMEM : PK_OK;
}

/* The start of the normalisation segment containing p (a little way back at
 * most). */
static size_t
segment_back(const char *t, size_t len, size_t p)
{
	size_t lim = p > CTX ? p - CTX : 0;
	p = lead_back(t, p);
	while (p > lim) {
		size_t q = p;
		if (pk_fold_boundary_before(pk_decode(t, len, &q)))
			break;
		p = lead_back(t, p - 1);
	}
	return p;
}

/* The end of the segment that contains byte p - 1 (a little way on at most). */
static size_t
segment_fwd(const char *t, size_t len, size_t p)
{
	size_t lim = p + CTX < len ? p + CTX : len;
	if (p >= len)
		return len;
	p = lead_back(t, p);
	while (p < lim) {
		size_t q = p;
		if (pk_fold_boundary_before(pk_decode(t, len, &q)))
			break;
		p = q;
	}
	return p;
}

/* ---------------------------------------------------------------- occurrences */

/*
 * Every occurrence of the key in a buffer, overlapping ones included, in
 * time linear in the buffer.  memmem() (Two-Way in glibc: linear, and fast)
 * finds the next occurrence; after one, the key's borders carry the search
 * on through the overlapping ones, as Knuth-Morris-Pratt does, until no
 * prefix of the key is pending.  Restarting memmem() one byte after each
 * occurrence instead costs key length x matches (a^m in a^n), and
 * consecutive memmem() calls here start at least a key length apart.
 */
typedef struct occ {
	const char *h;
	size_t n;
	size_t p;   /* the next byte to read */
	size_t k;   /* bytes of the key matched before p */
	const char *key;
	size_t m;
	const size_t *border;
} occ;

static void
border_init(size_t *b, const char *key, size_t m)
{
	size_t k = 0;
	b[0] = b[1] = 0;
	for (size_t i = 1; i < m; i++) {
		while (k > 0 && key[i] != key[k])
			k = b[k];
		if (key[i] == key[k])
			k++;
		b[i + 1] = k;
	}
}

/* The next occurrence in o's buffer: its offset in *at; false at the end. */
static bool
occ_next(occ *o, size_t *at)
{
	const char *key = o->key;
	size_t m = o->m;

	for (;;) {
		if (o->k == 0) {
			const char *q = o->n - o->p >= m ? memmem(o->h + o->p, o->n - o->p, key, m) : NULL;
			if (!q) {
				o->p = o->n;
				return false;
			}
			*at = (size_t)(q - o->h);
			o->p = *at + m;
			o->k = o->border[m];
			return true;
		}
		while (o->p < o->n) {
			char c = o->h[o->p++];
			while (o->k > 0 && key[o->k] != c)
				o->k = o->border[o->k];
			if (key[o->k] == c)
				o->k++;
			if (o->k == m) {
				*at = o->p - m;
				o->k = o->border[m];
				return true;
			}
			if (o->k == 0)
				break;
		}
		if (o->p >= o->n)
			return false;
	}
}

/* ---------------------------------------------------------------- slow literal */

/* Fold [a, z) (segment-aligned) and report every occurrence of the key. */
static pk_status
fold_find(pk_search *s, const char *t, size_t len, size_t a, size_t z,
          size_t from, size_t to, pk_spans *out)
{
	size_t fl;
	pk_fold_src *map;
	char *f = pk_fold_map(t + a, z - a, &fl, &map);
	pk_status st = PK_OK;

	if (!f)
		return PK_ERR_NOMEM;
	occ o = { f, fl, 0, 0, s->key, s->klen, s->border };
	for (size_t i; st == PK_OK && occ_next(&o, &i);)
		st = report(s, t, len, a + map[i].start, a + map[i + s->klen - 1].end, from, to, out);
	free(f);
	free(map);
	return st;
}

static size_t
reach(const pk_search *s)
{
	return 4 * s->klen + REACH;
}

static pk_status
slow_scan(pk_search *s, const char *t, size_t len, size_t from, size_t to, pk_spans *out)
{
	for (size_t c0 = from; c0 < to; c0 += CHUNK) {
		size_t c1 = to - c0 > CHUNK ? c0 + CHUNK : to;
		size_t a = segment_back(t, len, c0);
		size_t z = segment_fwd(t, len, len - c1 > reach(s) ? c1 + reach(s) : len);
		pk_status st = fold_find(s, t, len, a, z, c0, c1, out);
		if (st)
			return st;
	}
	return PK_OK;
}

/* Is p between two code points (as pk_decode() reads them)? */
static bool
cp_boundary(const char *t, size_t len, size_t p)
{
	if (p == 0 || p >= len)
		return true;
	size_t q = lead_back(t, p);
	while (q < p)
		pk_decode(t, len, &q);
	return q == p;
}

static pk_status
exact_scan(pk_search *s, const char *t, size_t len, size_t from, size_t to, pk_spans *out)
{
	size_t z = len - to > CTX ? to + CTX : len;
	occ o = { t + from, z - from, 0, 0, s->key, s->klen, s->border };
	for (size_t i; occ_next(&o, &i);) {
		i += from;
		/* bytes of a query never match part of a character */
		if (!cp_boundary(t, len, i) || !cp_boundary(t, len, i + s->klen))
			continue;
		pk_status st = report(s, t, len, i, i + s->klen, from, to, out);
		if (st)
			return st;
	}
	return PK_OK;
}

/* ---------------------------------------------------------------- fast literal */

/*
 * The fast path of the folded literal search.  Only four characters fold to
 * nothing (ZWJ, ZWNJ, soft hyphen, nukta) and the code points of ASCII and
 * Devanagari each fold alone to one code point, so around a raw code point
 * that folds to a code point of the key, the key can be checked a code
 * point at a time through a table of those folds (built with pk_fold_map(),
 * so it cannot disagree with it).  Whatever the table does not cover sends
 * that one candidate to the slow path.  The anchor is a Devanagari code
 * point or a digit of the key: no character outside the table folds to
 * one (test_search checks this over all of Unicode), so every match has one
 * of the anchor's raw forms in its bytes, and memchr() finds them at memory
 * speed.
 */

static uint32_t
tab(const pk_search *s, uint32_t c)
{
	if (c < 0x80)
		return s->t_ascii[c];
	if (c - 0x0900 < 0x80)
		return s->t_deva[c - 0x0900];
	if (c == 0x00AD || c == 0x200C || c == 0x200D)
		return T_IGN;
	return T_IRR;
}

/* Decode at p: the common cases inline, the rest through pk_decode(). */
static inline uint32_t
next_cp(const char *t, size_t len, size_t *p)
{
	const unsigned char *u = (const unsigned char *)t + *p;
	if (u[0] < 0x80) {
		(*p)++;
		return u[0];
	}
	if ((u[0] & 0xF0) == 0xE0 && *p + 2 < len && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		uint32_t c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*p += 3;
			return c;
		}
	}
	return pk_decode(t, len, p);
}

static int
build_table(pk_search *s)
{
	char u[4];
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i < 128 ? i : 0x0900 + (i - 128), v = T_IRR;
		size_t n = pk_utf8_put(u, c), fl, q = 0;
		char *f = pk_fold(u, n, &fl);
		if (!f)
			return -1;
		uint8_t cc = u_getCombiningClass((UChar32)c);
		if (fl == 0)
			v = T_IGN;
		else if (cc == 0 || cc == 7 || cc == 9) {
			/* a combining mark of another class could be reordered
			 * past its neighbour by NFD */
			uint32_t d = pk_decode(f, fl, &q);
			if (q == fl)
				v = d;
		}
		free(f);
		if (i < 128)
			s->t_ascii[i] = v;
		else
			s->t_deva[i - 128] = v;
	}
	return 0;
}

/* Prepare the fast path for the folded key (pk_search_new). */
static int
fast_init(pk_search *s)
{
	size_t p = 0;
	if (build_table(s) || !(s->kc = malloc((s->klen + 1) * sizeof *s->kc)))
		return -1;
	while (p < s->klen)
		s->kc[s->m++] = pk_decode(s->key, s->klen, &p);
	s->fast_ok = true;
	return 0;
}

/* Choose the anchor: the key code point whose raw forms, counted in a
 * sample of the text, cost the fewest memchr hits and passes. */
static void
choose_anchor(pk_search *s, const char *t, size_t len, size_t from)
{
	size_t cnt[256] = { 0 }, n = len - from < 65536 ? len - from : 65536;
	double best = 0;

	s->chosen = true;
	s->anchor = 0;
	for (size_t i = 0; i < n; i++)
		cnt[(unsigned char)t[from + i]]++;
	for (size_t i = 0; i < s->m; i++) {
		uint32_t k = s->kc[i];
		aform f[4];
		size_t nf = 0;
		double cost = 0;
		if (!(k - 0x0900 < 0x80) && !(k >= '0' && k <= '9'))
			continue;
		for (uint32_t c = 0; c < 256 && nf < 4; c++) {
			uint32_t raw = c < 128 ? c : 0x0900 + (c - 128);
			if (tab(s, raw) != k)
				continue;
			f[nf].n = pk_utf8_put((char *)f[nf].b, raw);
			/* a memchr pass (~0.1 ns a byte), and a check per
			 * occurrence of its last byte (~40 ns) */
			cost += (double)n + 300.0 * (double)cnt[f[nf].b[f[nf].n - 1]];
			nf++;
		}
		if (nf == 0 || nf == 4)
			continue;
		if (!s->anchor || cost < best) {
			best = cost;
			s->anchor = k;
			memcpy(s->forms, f, sizeof f);
			s->nforms = nf;
		}
	}
}

typedef enum { W_NO, W_YES, W_SLOW } wres;

/* Check the key around raw code point [h, h + n) taken as key code point i.
 * On W_YES, [*a, *z) is the raw match. */
static wres
walk(const pk_search *s, const char *t, size_t len, size_t h, size_t n, size_t i,
     size_t *a, size_t *z, size_t *work)
{
	size_t p = h + n;
	for (size_t j = i + 1; j < s->m;) {
		if (p >= len)
			return W_NO;
		(*work)++;
		uint32_t v = tab(s, next_cp(t, len, &p));
		if (v == T_IGN)
			continue;
		if (v == T_IRR)
			return W_SLOW;
		if (v != s->kc[j])
			return W_NO;
		j++;
	}
	*z = p;
	p = h;
	for (size_t j = i; j > 0;) {
		if (p == 0)
			return W_NO;
		size_t b = lead_back(t, p - 1), q = b;
		(*work)++;
		uint32_t v = tab(s, next_cp(t, len, &q));
		if (q != p)
			return W_SLOW; /* ill-formed: let the slow path say */
		p = b;
		if (v == T_IGN)
			continue;
		if (v == T_IRR)
			return W_SLOW;
		if (v != s->kc[j - 1])
			return W_NO;
		j--;
	}
	*a = p;
	return W_YES;
}

/* The slow path around a candidate at h taken as key code point i: fold
 * enough code points either side for any match through it. */
static pk_status
around(pk_search *s, const char *t, size_t len, size_t h, size_t i,
       size_t from, size_t to, pk_spans *out, size_t *work)
{
	size_t a = h, z = h, k;
	for (k = 0; a > 0 && k < i + 2 && h - a < 4 * s->klen + REACH;) {
		size_t b = lead_back(t, a - 1), q = b;
		if (tab(s, next_cp(t, len, &q)) != T_IGN)
			k++;
		a = b;
	}
	for (k = 0; z < len && k < s->m - i + 2 && z - h < 4 * s->klen + REACH;) {
		if (tab(s, next_cp(t, len, &z)) != T_IGN)
			k++;
	}
	a = segment_back(t, len, a);
	z = segment_fwd(t, len, z);
	*work += WORK_PER_BYTE * (z - a);
	return fold_find(s, t, len, a, z, from, to, out);
}

/* Sets *gave_up when the slice cost too much work (WORK_PER_BYTE): its
 * matches are then partly in out, to be dropped. */
static pk_status
fast_scan(pk_search *s, const char *t, size_t len, size_t from, size_t to, pk_spans *out,
          bool *gave_up)
{
	size_t end = len - to > reach(s) ? to + reach(s) : len;
	size_t work = 0, budget = WORK_PER_BYTE * (end - from + CTX);

	for (size_t f = 0; f < s->nforms; f++) {
		const aform *fm = &s->forms[f];
		unsigned char last = fm->b[fm->n - 1];
		for (size_t p = from + fm->n - 1; p < end;) {
			const char *q = memchr(t + p, last, end - p);
			if (!q)
				break;
			size_t h = (size_t)(q - t) - (fm->n - 1);
			p = (size_t)(q - t) + 1;
			if (fm->n == 3 ? (t[h] != (char)fm->b[0] || t[h + 1] != (char)fm->b[1])
			               : fm->n > 1 && memcmp(t + h, fm->b, fm->n - 1))
				continue;
			for (size_t i = 0; i < s->m; i++) {
				size_t a, z;
				pk_status st = PK_OK;
				if (s->kc[i] != s->anchor)
					continue;
				if (work > budget) {
					*gave_up = true;
					return PK_OK;
				}
				switch (walk(s, t, len, h, fm->n, i, &a, &z, &work)) {
				case W_NO:
					break;
				case W_YES:
					st = report(s, t, len, a, z, from, to, out);
					break;
				case W_SLOW:
					st = around(s, t, len, h, i, from, to, out, &work);
					break;
				}
				if (st)
					return st;
			}
		}
	}
	return PK_OK;
}

/* ---------------------------------------------------------------- regex */

static size_t
line_start(const char *t, size_t p, size_t lim)
{
	while (p > lim && t[p - 1] != '\n')
		p--;
	return p;
}

static size_t
line_end(const char *t, size_t len, size_t p, size_t lim)
{
	if (lim > len)
		lim = len;
	const char *q = p < lim ? memchr(t + p, '\n', lim - p) : NULL;
	return q ? (size_t)(q - t) : lim;
}

static pk_status
regex_scan(pk_search *s, const char *t, size_t len, size_t from, size_t to, pk_spans *out)
{
	for (size_t c0 = from; c0 < to; c0 += CHUNK) {
		size_t c1 = to - c0 > CHUNK ? c0 + CHUNK : to;
		size_t a = line_start(t, c0, c0 > PK_BLOCK_MAX ? c0 - PK_BLOCK_MAX : 0);
		size_t z = line_end(t, len, c1, c1 + PK_BLOCK_MAX);
		const char *f = t + a;
		size_t fl = z - a;
		char *own = NULL;
		pk_fold_src *map = NULL;
		UErrorCode e = U_ZERO_ERROR;
		UText *ut;
		pk_status st = PK_OK;

		if (!(s->flags & PK_SEARCH_EXACT)) {
			a = segment_back(t, len, a);
			z = segment_fwd(t, len, z);
			own = pk_fold_map(t + a, z - a, &fl, &map);
			if (!own)
				return PK_ERR_NOMEM;
			f = own;
		}
		ut = utext_openUTF8(NULL, f, (int64_t)fl, &e);
		uregex_setUText(s->re, ut, &e);
		uregex_setTimeLimit(s->re, (int32_t)(REGEX_STEPS + fl / REGEX_BYTES), &e);
		while (U_SUCCESS(e) && st == PK_OK && uregex_findNext(s->re, &e)) {
			int64_t ms = uregex_start64(s->re, 0, &e), me = uregex_end64(s->re, 0, &e);
			if (U_FAILURE(e) || me <= ms)
				continue;
			size_t ra, rz;
			if (map) {
				ra = a + map[ms].start;
				rz = a + map[me - 1].end;
			} else {
				ra = a + (size_t)ms;
				rz = a + (size_t)me;
			}
			st = report(s, t, len, ra, rz, c0, c1, out);
		}
		/* the regex must not keep a pointer to text about to go */
		static const UChar none[1] = { 0 };
		uregex_setText(s->re, none, 0, &e);
		utext_close(ut);
		free(own);
		free(map);
		if (st)
			return st;
		if (U_FAILURE(e))
			return PK_ERR_ICU;
	}
	return PK_OK;
}

/* ---------------------------------------------------------------- romanized */

/*
 * The skeleton both sides of a romanized comparison are reduced to, so that
 * the spellings people type meet the transliteration: lower case; ch, chh
 * and c -> c; sh -> s; ph -> f; aa -> a; ee -> i; oo -> u; w -> v; z -> j;
 * q -> k (क़ is written q, but folding ignores the nukta).  Everything but
 * ASCII letters is dropped.  @p off, if not NULL, gives each input byte's
 * source offset; @p soff receives the offset of each output byte's first
 * input byte.
 */
static size_t
skeleton(const char *in, size_t n, const uint32_t *off, char *out, uint32_t *soff)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		char c = in[i], d = i + 1 < n ? in[i + 1] : 0, e3 = i + 2 < n ? in[i + 2] : 0;
		size_t take = 1;
		char w;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (d >= 'A' && d <= 'Z')
			d += 'a' - 'A';
		if (e3 >= 'A' && e3 <= 'Z')
			e3 += 'a' - 'A';
		if (c < 'a' || c > 'z') {
			i++;
			continue;
		}
		w = c;
		if (c == 'c' && d == 'h')
			take = e3 == 'h' ? 3 : 2;
		else if ((c == 's' || c == 'p') && d == 'h')
			w = c == 's' ? 's' : 'f', take = 2;
		else if ((c == 'a' || c == 'e' || c == 'o') && d == c)
			w = c == 'a' ? 'a' : c == 'e' ? 'i' : 'u', take = 2;
		else if (c == 'w')
			w = 'v';
		else if (c == 'z')
			w = 'j';
		else if (c == 'q')
			w = 'k';
		if (soff)
			soff[o] = off ? off[i] : (uint32_t)i;
		out[o++] = w;
		i += take;
	}
	return o;
}

static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h | 1; /* 0 marks an empty slot */
}

static void
cache_free(wcache *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		free(c->v[i].word);
		free(c->v[i].off);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

static int
cache_grow(wcache *c)
{
	size_t cap = c->cap ? 2 * c->cap : 1024;
	wentry *v = calloc(cap, sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < c->cap; i++) {
		if (!c->v[i].h)
			continue;
		size_t j = c->v[i].h & (cap - 1);
		while (v[j].h)
			j = (j + 1) & (cap - 1);
		v[j] = c->v[i];
	}
	free(c->v);
	c->v = v;
	c->cap = cap;
	return 0;
}

/* The cached romanization skeleton of word [a, z) of t; NULL when out of
 * memory. */
static const wentry *
word_skeleton(pk_search *s, const char *t, size_t a, size_t z)
{
	wcache *c = &s->cache;
	uint64_t h;
	size_t j;

	if (z - a > 4096)
		z = a + 4096; /* a "word" of thousands of letters is hostile input */
	h = hash_bytes(t + a, z - a);
	if (c->cap) {
		for (j = h & (c->cap - 1); c->v[j].h; j = (j + 1) & (c->cap - 1))
			if (c->v[j].h == h && c->v[j].wlen == z - a &&
			    !memcmp(c->v[j].word, t + a, z - a))
				return &c->v[j];
	}
	if (2 * (c->n + 1) > c->cap && cache_grow(c))
		return NULL;
	size_t *map = NULL;
	char *r = pk_translit_run(s->tr, t, a, z, &map);
	if (!r)
		return NULL;
	size_t rl = strlen(r);
	wentry e = { .h = h, .wlen = (uint32_t)(z - a) };
	uint32_t *roff = malloc((rl + 1) * sizeof *roff);
	e.word = malloc((z - a) + rl + 1);
	e.off = malloc((rl + 1) * sizeof *e.off);
	if (!roff || !e.word || !e.off) {
		free(roff);
		free(e.word);
		free(e.off);
		free(r);
		free(map);
		return NULL;
	}
	for (size_t i = 0; i < rl; i++)
		roff[i] = (uint32_t)(map[i] - a);
	memcpy(e.word, t + a, z - a);
	e.slen = (uint32_t)skeleton(r, rl, roff, e.word + (z - a), e.off);
	e.off[e.slen] = (uint32_t)(z - a);
	free(roff);
	free(r);
	free(map);
	for (j = h & (c->cap - 1); c->v[j].h; j = (j + 1) & (c->cap - 1))
		;
	c->v[j] = e;
	c->n++;
	return &c->v[j];
}

/* A Devanagari letter or sign of a word (not a danda, not a digit), or a
 * joiner inside one. */
static bool
is_word_cp(uint32_t c)
{
	return (c >= 0x0900 && c <= 0x0963) || (c >= 0x0970 && c <= 0x097F) ||
	       c == 0x200C || c == 0x200D;
}

/* One word of a phrase being matched. */
typedef struct pword {
	size_t a, z;
	const wentry *w;
	size_t so;        /* where its skeleton starts in the phrase's */
} pword;

static pk_status
roman_scan(pk_search *s, const char *t, size_t len, size_t from, size_t to, pk_spans *out)
{
	pk_status st = PK_OK;
	pword *ws = NULL;
	char *cat = NULL; /* a phrase's skeletons end to end */
	size_t nw = 0, cap = 0, catcap = 0;

	if (!s->tr && !(s->tr = pk_translit_new(PK_ROMAN_ASCII, &st)))
		return st ? st : PK_ERR_ICU;
	/* start at the word that contains from */
	size_t p = lead_back(t, from);
	while (p > 0 && from - p < CTX) {
		size_t q = lead_back(t, p - 1), r = q;
		if (!is_word_cp(pk_decode(t, len, &r)))
			break;
		p = q;
	}
	size_t lim = len - to > 16 * s->sklen + CTX ? to + 16 * s->sklen + CTX : len;
	while (p < len && st == PK_OK) {
		/* collect one phrase: words separated by spaces only */
		nw = 0;
		size_t q = p;
		while (q < len) {
			size_t a = q, r = q;
			while (r < len) {
				size_t r2 = r;
				if (!is_word_cp(pk_decode(t, len, &r2)))
					break;
				r = r2;
			}
			if (r == a)
				break;
			if (pk_grow(&ws, &cap, nw + 1, sizeof *ws, 16)) {
				st = PK_ERR_NOMEM;
				break;
			}
			ws[nw].a = a;
			ws[nw].z = r;
			if (!(ws[nw].w = word_skeleton(s, t, a, r))) {
				st = PK_ERR_NOMEM;
				break;
			}
			nw++;
			q = r;
			size_t sp = q;
			while (sp < len && (t[sp] == ' ' || t[sp] == '\t'))
				sp++;
			if (sp == q || q >= lim)
				break;
			q = sp;
		}
		/* A match starts at a word's first skeleton byte and may end inside
		 * a word: the query's skeleton found in the phrase's, in time
		 * linear in the phrase whatever the query. */
		size_t sl = 0;
		for (size_t k = 0; k < nw; k++) {
			ws[k].so = sl;
			sl += ws[k].w->slen;
		}
		if (st == PK_OK && pk_grow(&cat, &catcap, sl + 1, 1, 256))
			st = PK_ERR_NOMEM;
		for (size_t k = 0; st == PK_OK && k < nw; k++)
			memcpy(cat + ws[k].so, ws[k].w->word + ws[k].w->wlen, ws[k].w->slen);
		occ o = { cat, sl, 0, 0, s->skel, s->sklen, s->skborder };
		size_t k = 0, i = 0;
		for (size_t x; st == PK_OK && occ_next(&o, &x);) {
			/* the word of the last byte matched; the match ends at the
			 * code point after it */
			size_t y = x + s->sklen - 1;
			while (i + 1 < nw && ws[i + 1].so <= y)
				i++;
			const wentry *w = ws[i].w;
			size_t take = y - ws[i].so + 1, e = take;
			while (e < w->slen && w->off[e] == w->off[take - 1])
				e++;
			while (k < nw && ws[k].so < x)
				k++;
			/* words without a skeleton (a lone joiner) start there too */
			for (; st == PK_OK && k < nw && ws[k].so == x; k++)
				if (ws[k].a >= from && ws[k].a < to)
					st = report(s, t, len, ws[k].a, ws[i].a + w->off[e], from, to, out);
		}
		if (q >= to || q >= lim)
			break;
		/* on to the next word start */
		p = q > p ? q : p;
		while (p < len && p < to) {
			size_t r = p;
			if (is_word_cp(pk_decode(t, len, &r)))
				break;
			p = r;
		}
		if (p >= to)
			break;
	}
	free(ws);
	free(cat);
	return st;
}

/* ---------------------------------------------------------------- API */

/* A Latin query: ASCII letters, with spaces, hyphens, apostrophes, dots. */
static bool
is_latin_query(const char *q, size_t n)
{
	bool letter = false;
	for (size_t i = 0; i < n; i++) {
		char c = q[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letter = true;
		else if (c != ' ' && c != '-' && c != '\'' && c != '.')
			return false;
	}
	return letter;
}

/*
 * Fold a regular expression like the text it runs over, except its escapes:
 * a backslash and the ASCII letter after it (\S is not \s), with a
 * {...} argument (\p{Lu}, \N{...}, \x{...}) kept as written.
 */
static char *
fold_pattern(const char *q, size_t n, size_t *out_len)
{
	char *out = malloc(1), *f;
	size_t ol = 0, i = 0;

	while (out && i < n) {
		size_t j = i, fl;
		const char *piece;
		if (q[i] == '\\' && i + 1 < n) {
			j = i + 2;
			if (j < n && q[j] == '{' && ((q[i + 1] | 0x20) == 'p' || q[i + 1] == 'N' || q[i + 1] == 'x')) {
				const char *c = memchr(q + j, '}', n - j);
				j = c ? (size_t)(c - q) + 1 : n;
			}
			f = NULL;
			piece = q + i;
			fl = j - i;
		} else {
			while (j < n && q[j] != '\\')
				j++;
			if (!(f = pk_fold(q + i, j - i, &fl)))
				break;
			piece = f;
		}
		char *o = realloc(out, ol + fl + 1);
		if (o) {
			memcpy(o + ol, piece, fl);
			ol += fl;
		}
		free(f);
		if (!o)
			break;
		out = o;
		i = j;
	}
	if (!out || i < n) {
		free(out);
		return NULL;
	}
	out[ol] = 0;
	*out_len = ol;
	return out;
}

pk_search *
pk_search_new(const char *query, size_t len, unsigned flags, pk_status *err,
              char *why, size_t whysz)
{
	pk_search *s = calloc(1, sizeof *s);
	pk_status st = PK_ERR_NOMEM;

	if (why && whysz)
		why[0] = 0;
	if (!s)
		goto fail;
	s->flags = flags;
	if (!(s->br = pk_breaker_new(PK_BREAK_CLUSTER))) {
		st = PK_ERR_ICU;
		goto fail;
	}
	if (len == 0) {
		s->empty = true;
		*err = PK_OK;
		return s;
	}
	if (flags & PK_SEARCH_REGEX) {
		UErrorCode e = U_ZERO_ERROR;
		UParseError pe;
		char *pat = NULL;
		size_t pl = len;
		if (len > REGEX_MAX) {
			st = PK_ERR_ICU;
			if (why && whysz)
				snprintf(why, whysz, "regular expression too long (over %d bytes)", REGEX_MAX);
			goto fail;
		}
		if (!(flags & PK_SEARCH_EXACT) && !(pat = fold_pattern(query, len, &pl)))
			goto fail;
		UText *ut = utext_openUTF8(NULL, pat ? pat : query, (int64_t)pl, &e);
		s->re = uregex_openUText(ut, UREGEX_MULTILINE, &pe, &e);
		utext_close(ut);
		free(pat);
		if (U_FAILURE(e)) {
			st = PK_ERR_ICU;
			if (why && whysz)
				snprintf(why, whysz, "bad regular expression: %s at offset %d",
				         u_errorName(e), (int)pe.offset);
			goto fail;
		}
		*err = PK_OK;
		return s;
	}
	if (flags & PK_SEARCH_EXACT) {
		if (!(s->key = malloc(len)))
			goto fail;
		memcpy(s->key, query, len);
		s->klen = len;
		if (!(s->border = malloc((len + 1) * sizeof *s->border)))
			goto fail;
		border_init(s->border, s->key, s->klen);
	} else {
		if (!(s->key = pk_fold(query, len, &s->klen)))
			goto fail;
		if (s->klen == 0)
			s->empty = true; /* only ignorable characters */
		if (!(s->border = malloc((s->klen + 1) * sizeof *s->border)))
			goto fail;
		if (s->klen)
			border_init(s->border, s->key, s->klen);
		if (!(flags & PK_SEARCH_SLOW) && fast_init(s))
			goto fail;
		if (is_latin_query(query, len)) {
			if (!(s->skel = malloc(len + 1)))
				goto fail;
			s->sklen = skeleton(query, len, NULL, s->skel, NULL);
			s->roman = s->sklen > 0;
			if (s->roman && !(s->skborder = malloc((s->sklen + 1) * sizeof *s->skborder)))
				goto fail;
			if (s->roman)
				border_init(s->skborder, s->skel, s->sklen);
		}
	}
	*err = PK_OK;
	return s;
fail:
	pk_search_free(s);
	if (why && whysz && !why[0])
		snprintf(why, whysz, "%s", pk_status_str(st));
	*err = st;
	return NULL;
}

void
pk_search_free(pk_search *s)
{
	if (!s)
		return;
	free(s->key);
	free(s->kc);
	free(s->border);
	free(s->skborder);
	free(s->skel);
	if (s->re)
		uregex_close(s->re);
	pk_translit_free(s->tr);
	cache_free(&s->cache);
	pk_breaker_free(s->br);
	free(s);
}

bool
pk_search_is_roman(const pk_search *s)
{
	return s && s->roman;
}

static int
span_cmp(const void *x, const void *y)
{
	const pk_span *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end > b->end ? -1 : a->end < b->end;
}

/* Sort the spans from n0 on and keep one per start (the longest). */
static void
tidy(pk_spans *out, size_t n0)
{
	size_t n = out->n - n0, k = 0;
	if (n < 2)
		return;  /* out->v may be NULL: no pointer arithmetic on it */
	pk_span *v = out->v + n0;
	qsort(v, n, sizeof *v, span_cmp);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v[i].start != v[k - 1].start)
			v[k++] = v[i];
	out->n = n0 + k;
}

pk_status
pk_search_scan(pk_search *s, const char *text, size_t len, size_t from, size_t to,
               pk_spans *out)
{
	size_t n0 = out->n;
	pk_status st = PK_OK;

	if (to > len)
		to = len;
	if (s->empty || from >= to)
		return PK_OK;
	if (s->re)
		st = regex_scan(s, text, len, from, to, out);
	else if (s->flags & PK_SEARCH_EXACT)
		st = exact_scan(s, text, len, from, to, out);
	else {
		if (s->fast_ok && !s->chosen)
			choose_anchor(s, text, len, from);
		bool slow = !(s->fast_ok && s->anchor);
		if (!slow)
			st = fast_scan(s, text, len, from, to, out, &slow);
		if (st == PK_OK && slow) {
			out->n = n0;
			st = slow_scan(s, text, len, from, to, out);
		}
		if (st == PK_OK && s->roman)
			st = roman_scan(s, text, len, from, to, out);
	}
	if (st != PK_OK) {
		out->n = n0;
		return st;
	}
	tidy(out, n0);
	return PK_OK;
}

bool
pk_search_matches(pk_search *s, const char *text, size_t start, size_t end)
{
	pk_spans sp = { 0 };
	bool hit = pk_search_scan(s, text, end, start, end, &sp) == PK_OK && sp.n > 0;
	pk_spans_free(&sp);
	return hit;
}
