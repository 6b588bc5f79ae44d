/* fold.c - pk_fold(): ICU NFD, Devanagari variant folding, case folding. */
#include "config.h"
#include "fold.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include "norm.h"

char *
pk_fold(const char *s, size_t len, size_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *d = NULL, *f = NULL;
	int32_t dl = 0, fl, n = 0;
	char *out = NULL;

	if (len > INT32_MAX / 8)
		return NULL;
	d = pk_norm16(PK_NFD, s, len, 0, &dl, &err);
	/* case folding at most triples */
	f = malloc((6 * len + 1) * sizeof *f);
	if (!d || !f)
		goto done;
	/* fold in place: the mapping never lengthens */
	for (int32_t i = 0; i < dl;) {
		UChar32 c;
		U16_NEXT(d, i, dl, c);
		uint32_t m = pk_fold_vowel(pk_fold_cp((uint32_t)c));
		if (m)
			U16_APPEND_UNSAFE(d, n, (UChar32)m);
	}
	fl = u_strFoldCase(f, (int32_t)(6 * len + 1), d, n, U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err))
		goto done;
	out = pk_utf16_to_8(f, fl, out_len, &err);
done:
	free(d);
	free(f);
	return out;
}
