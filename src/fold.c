/* fold.c - pk_fold(), pk_fold_map(): ICU NFD a segment at a time,
 * Devanagari variant folding, ICU case folding. */
#include "config.h"
#include "fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include "input.h"
#include "utf8.h"

/* The rules of pk_fold() on one code point of NFD text; 0 = dropped.  The
 * soft hyphen and the digits are search rules, so they stay out of
 * pk_fold_cp(), which the entity model's features were trained on. */
static uint32_t
fold_one(uint32_t c)
{
	if (c == 0x00AD)
		return 0;
	if (c >= 0x0966 && c <= 0x096F)
		return '0' + (c - 0x0966);
	return pk_fold_vowel(pk_fold_cp(c));
}

bool
pk_fold_boundary_before(uint32_t c)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *n2 = unorm2_getNFDInstance(&e);
	return U_FAILURE(e) || unorm2_hasBoundaryBefore(n2, (UChar32)c);
}

/* The output under construction. */
typedef struct fbuf {
	char *k;
	pk_fold_src *m;
	size_t n, cap;
	bool want_map;
} fbuf;

static int
room(fbuf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2 / sizeof *b->m)
			return -1;
		cap *= 2;
	}
	char *k = realloc(b->k, cap);
	if (!k)
		return -1;
	b->k = k;
	if (b->want_map) {
		pk_fold_src *m = realloc(b->m, cap * sizeof *m);
		if (!m)
			return -1;
		b->m = m;
	}
	b->cap = cap;
	return 0;
}

/* Append the folded form of code point @p c (already decomposed and folded
 * by fold_one) with ICU full case folding, mapped to [a, z). */
static int
put_cp(fbuf *b, UChar32 c, size_t a, size_t z)
{
	UChar in[2], out[8];
	int32_t il = 0, ol;
	UErrorCode e = U_ZERO_ERROR;

	if (c < 0x80 || !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED)) {
		out[0] = 0;
		if (room(b, 4))
			return -1;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		size_t k = pk_utf8_put(b->k + b->n, (uint32_t)c);
		for (size_t i = 0; i < k && b->want_map; i++)
			b->m[b->n + i] = (pk_fold_src){ a, z };
		b->n += k;
		return 0;
	}
	U16_APPEND_UNSAFE(in, il, c);
	ol = u_strFoldCase(out, 8, in, il, U_FOLD_CASE_DEFAULT, &e);
	if (U_FAILURE(e))
		return -1;
	for (int32_t i = 0; i < ol;) {
		UChar32 d;
		U16_NEXT(out, i, ol, d);
		if (room(b, 4))
			return -1;
		size_t k = pk_utf8_put(b->k + b->n, (uint32_t)d);
		for (size_t j = 0; j < k && b->want_map; j++)
			b->m[b->n + j] = (pk_fold_src){ a, z };
		b->n += k;
	}
	return 0;
}

/* Fold one segment: source bytes [a, z) of s, whose first code point is
 * @p c0 (a segment of one code point when z is just after it). */
static int
fold_segment(fbuf *b, const UNormalizer2 *n2, const char *s, size_t a, size_t z,
             uint32_t c0, size_t after0, UChar **tmp, size_t *tmpcap)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar small[16];
	const UChar *d;
	int32_t dl;
	UChar *u;

	if (after0 == z) {
		/* one code point: its full decomposition, or itself */
		dl = unorm2_getDecomposition(n2, (UChar32)c0, small, 16, &e);
		if (U_FAILURE(e))
			return -1;
		if (dl < 0) {
			uint32_t f = fold_one(c0);
			return f ? put_cp(b, (UChar32)f, a, z) : 0;
		}
		d = small;
	} else {
		/* several: normalise them together (canonical reordering) */
		/* NFD at most quadruples UTF-16 (ᾂ: one unit, four) */
		size_t need = (z - a) + 2;
		if (*tmpcap < 5 * need) {
			UChar *t = realloc(*tmp, 5 * need * sizeof *t);
			if (!t)
				return -1;
			*tmp = t;
			*tmpcap = 5 * need;
		}
		int32_t ul = 0;
		size_t pos = a;
		u = *tmp;
		while (pos < z) {
			uint32_t c = pk_decode(s, z, &pos);
			U16_APPEND_UNSAFE(u, ul, (UChar32)c);
		}
		UChar *v = u + need;
		dl = unorm2_normalize(n2, u, ul, v, (int32_t)(4 * need), &e);
		if (U_FAILURE(e))
			return -1;
		d = v;
	}
	for (int32_t i = 0; i < dl;) {
		UChar32 c;
		U16_NEXT(d, i, dl, c);
		uint32_t f = fold_one((uint32_t)c);
		if (f && put_cp(b, (UChar32)f, a, z))
			return -1;
	}
	return 0;
}

char *
pk_fold_map(const char *s, size_t len, size_t *out_len, pk_fold_src **map)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *n2 = unorm2_getNFDInstance(&e);
	fbuf b = { .want_map = map != NULL };
	UChar *tmp = NULL;
	size_t tmpcap = 0, pos = 0;

	if (map)
		*map = NULL;
	if (U_FAILURE(e) || room(&b, len))
		goto fail;
	while (pos < len) {
		size_t a = pos;
		uint32_t c = pk_decode(s, len, &pos);
		size_t after0 = pos, z = pos;
		/* the segment runs to the next code point with a boundary before */
		while (z < len) {
			size_t q = z;
			uint32_t d = pk_decode(s, len, &q);
			if (unorm2_hasBoundaryBefore(n2, (UChar32)d))
				break;
			z = q;
		}
		if (c < 0x80 && after0 == z) {
			if (room(&b, 1))
				goto fail;
			b.k[b.n] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			if (map)
				b.m[b.n] = (pk_fold_src){ a, z };
			b.n++;
		} else if (fold_segment(&b, n2, s, a, z, c, after0, &tmp, &tmpcap)) {
			goto fail;
		}
		pos = z;
	}
	b.k[b.n] = 0;
	if (map)
		b.m[b.n] = (pk_fold_src){ len, len };
	free(tmp);
	if (out_len)
		*out_len = b.n;
	if (map)
		*map = b.m;
	return b.k;
fail:
	free(tmp);
	free(b.k);
	free(b.m);
	return NULL;
}

char *
pk_fold(const char *s, size_t len, size_t *out_len)
{
	return pk_fold_map(s, len, out_len, NULL);
}
