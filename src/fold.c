/* fold.c - pk_fold(): ICU NFD, Devanagari variant folding, case folding. */
#include "config.h"
#include "fold.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

char *
pk_fold(const char *s, size_t len, size_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar *u = NULL, *d = NULL, *f = NULL;
	int32_t ul = 0, dl, fl, ol = 0, n = 0;
	char *out = NULL;

	if (U_FAILURE(err) || len > INT32_MAX / 8)
		return NULL;
	/* UTF-16 is never longer than UTF-8 in code units; NFD of Devanagari
	 * at most doubles it, and case folding at most triples */
	u = malloc((len + 1) * sizeof *u);
	d = malloc((2 * len + 1) * sizeof *d);
	f = malloc((6 * len + 1) * sizeof *f);
	if (!u || !d || !f)
		goto done;
	u_strFromUTF8WithSub(u, (int32_t)len + 1, &ul, s, (int32_t)len, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		goto done;
	dl = unorm2_normalize(nfd, u, ul, d, (int32_t)(2 * len + 1), &err);
	if (U_FAILURE(err))
		goto done;
	/* fold in place: the mapping never lengthens */
	for (int32_t i = 0; i < dl;) {
		UChar32 c;
		U16_NEXT(d, i, dl, c);
		uint32_t m = pk_fold_cp((uint32_t)c);
		if (m)
			U16_APPEND_UNSAFE(d, n, (UChar32)m);
	}
	fl = u_strFoldCase(f, (int32_t)(6 * len + 1), d, n, U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err))
		goto done;
	out = malloc((size_t)fl * 3 + 1);
	if (!out)
		goto done;
	u_strToUTF8(out, fl * 3 + 1, &ol, f, fl, &err);
	if (U_FAILURE(err)) {
		free(out);
		out = NULL;
		goto done;
	}
	if (out_len)
		*out_len = (size_t)ol;
done:
	free(u);
	free(d);
	free(f);
	return out;
}
