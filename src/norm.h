/*
 * norm.h - Unicode normalisation with ICU, in one place: UTF-8 in, the
 * normalised text out (as UTF-16 for further work, or as UTF-8).
 */
#ifndef PATHAK_NORM_H
#define PATHAK_NORM_H

#include <stddef.h>
#include <unicode/utypes.h>

/** The normalisation forms used. */
typedef enum { PK_NFC, PK_NFD } pk_norm_form;

/**
 * Normalise UTF-8 text to UTF-16.  Ill-formed bytes become U+FFFD.
 *
 * @param s, len  the text
 * @param extra   room to leave after the result, in code units, for the
 *                caller's later work (e.g. case folding)
 * @param out_len receives the result's length in code units
 * @param err     ICU status; the call does nothing if it is a failure
 * @return a malloc'd buffer of at least *out_len + extra + 1 units, or NULL
 *         (out of memory, text too long, or an ICU failure in *err)
 */
UChar *pk_norm16(pk_norm_form form, const char *s, size_t len, size_t extra,
                 int32_t *out_len, UErrorCode *err);

/**
 * UTF-16 to a malloc'd, NUL-terminated UTF-8 string (length in *out_len if
 * not NULL); NULL when out of memory or on an ICU failure in *err.
 */
char *pk_utf16_to_8(const UChar *u, int32_t n, size_t *out_len, UErrorCode *err);

/**
 * UTF-8 NFC of @p s: malloc'd, NUL-terminated (length in *out_len if not
 * NULL); NULL when out of memory or on an ICU failure in *err.
 */
char *pk_nfc(const char *s, size_t len, size_t *out_len, UErrorCode *err);

#endif
