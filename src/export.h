/*
 * export.h - quotations and blocks written out: `pathak --json` and
 * `pathak --quotes`.
 *
 * JSON is built with jansson, never by hand.  Offsets are bytes into the
 * input as given (a BOM counts), end exclusive.  Text with ill-formed UTF-8
 * is written with U+FFFD in place of the bad bytes, so output never fails on
 * bad input.  Nothing here touches a terminal beyond writing to the FILE given.
 */
#ifndef PATHAK_EXPORT_H
#define PATHAK_EXPORT_H

#include <stdio.h>
#include "input.h"
#include "doc.h"
#include "quotes.h"

/**
 * Write the document as one JSON object to @p out:
 * `{"version", "source", "blocks": [{"type","start","end"}],
 *   "quotes": [{"start","end","text","kind","speaker","mention",
 *               "mention_start","mention_end","cue"}], "entities": []}`.
 * Unknown values are JSON null.  Indexes the whole document.
 *
 * @param d        the document
 * @param q        its quotations (from pk_quotes_find()); NULL writes none
 * @param source   the file name to report (NULL gives null)
 * @param version  the program version string (NULL gives null)
 * @param out      where to write; a newline ends the object
 * @return PK_OK, PK_ERR_NOMEM, or PK_ERR_IO if writing failed
 */
pk_status pk_export_json(pk_doc *d, const pk_quotes *q, const char *source,
                         const char *version, FILE *out);

/**
 * Write the quotations as a readable list, one quotation per entry:
 * number, kind, speaker (or `?`), cue, then the quoted text on the next line.
 * Control characters in the text are shown as pk_visible() does.
 *
 * @return PK_OK, or PK_ERR_IO if writing failed
 */
pk_status pk_export_quotes_text(pk_doc *d, const pk_quotes *q, FILE *out);

/**
 * Copy bytes [a, b) of @p s as well-formed UTF-8: each ill-formed sequence
 * becomes U+FFFD (pk_decode()'s rule), NUL becomes U+2400.
 *
 * @param len  receives the length of the result (may be NULL)
 * @return a malloc'd, NUL-terminated string, or NULL when out of memory
 */
char *pk_export_clean_utf8(const char *s, size_t a, size_t b, size_t *len);

#endif
