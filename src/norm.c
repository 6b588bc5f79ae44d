/* norm.c - ICU normalisation: UTF-8 to normalised UTF-16 or UTF-8. */
#include "config.h"
#include "norm.h"

#include <stdint.h>
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

UChar *
pk_norm16(pk_norm_form form, const char *s, size_t len, size_t extra, int32_t *out_len,
          UErrorCode *err)
{
	const UNormalizer2 *n2;
	UChar *u = NULL, *v = NULL;
	int32_t ul = 0, vl;
	size_t cap;

	if (U_FAILURE(*err))
		return NULL;
	n2 = form == PK_NFC ? unorm2_getNFCInstance(err) : unorm2_getNFDInstance(err);
	if (U_FAILURE(*err) || len > INT32_MAX / 8 || extra > INT32_MAX / 2)
		return NULL;
	/* UTF-16 is never longer than UTF-8 in code units; normalising
	 * Devanagari at most doubles it */
	cap = 2 * len + 8 + extra;
	u = malloc((len + 1) * sizeof *u);
	v = malloc(cap * sizeof *v);
	if (!u || !v)
		goto fail;
	u_strFromUTF8WithSub(u, (int32_t)len + 1, &ul, s, (int32_t)len, 0xFFFD, NULL, err);
	if (U_FAILURE(*err))
		goto fail;
	vl = unorm2_normalize(n2, u, ul, v, (int32_t)cap, err);
	if (U_FAILURE(*err))
		goto fail;
	free(u);
	*out_len = vl;
	return v;
fail:
	free(u);
	free(v);
	return NULL;
}

char *
pk_utf16_to_8(const UChar *u, int32_t n, size_t *out_len, UErrorCode *err)
{
	int32_t ol = 0;
	char *out;

	if (U_FAILURE(*err) || n < 0 || n > INT32_MAX / 3 - 1)
		return NULL;
	out = malloc((size_t)n * 3 + 1);
	if (!out)
		return NULL;
	u_strToUTF8(out, n * 3 + 1, &ol, u, n, err);
	if (U_FAILURE(*err)) {
		free(out);
		return NULL;
	}
	if (out_len)
		*out_len = (size_t)ol;
	return out;
}

char *
pk_nfc(const char *s, size_t len, size_t *out_len, UErrorCode *err)
{
	int32_t n = 0;
	UChar *u = pk_norm16(PK_NFC, s, len, 0, &n, err);
	char *out = u ? pk_utf16_to_8(u, n, out_len, err) : NULL;
	free(u);
	return out;
}
