/*
 * search.h - find a query in the input, forgiving Hindi spelling and reading
 * Latin queries against romanized Devanagari.
 *
 * A query is compiled once (pk_search_new) and then run over byte ranges of
 * the input in slices (pk_search_scan), so that the UI can search a 100 MB
 * file between keystrokes and drop the search when a new key arrives.  Every
 * match is reported as a PK_SPAN_MATCH span of byte offsets into the original
 * input, widened to whole grapheme clusters: a highlight never splits one.
 *
 * Folding (the default) makes these equal, through pk_fold() (fold.h), the one
 * fold function of the library: NFC/NFD forms; with and without nukta
 * (ज़ = ज, क़ U+0958 = क); ॉ = ो, ॅ = े; chandrabindu = anusvara; long and short
 * vowels; ZWJ, ZWNJ and soft hyphen ignored; Devanagari digits = ASCII digits;
 * Latin case.  A query of Latin letters additionally matches Devanagari words
 * whose romanization (translit.h, ASCII-folded) matches it, accepting the
 * informal spellings people type (c/ch, sh, aa/a, ee/i, oo/u, w/v, z/j, ph/f).
 *
 * Literal and romanized searches take time linear in the text scanned,
 * whatever the query.  A regular expression is at most 1024 bytes, and ICU
 * stops one find that runs far longer than its text calls for (a pattern
 * that backtracks exponentially): the scan then fails with PK_ERR_ICU.
 *
 * No curses, no terminal I/O, no globals: a pk_search is used by one thread.
 */
#ifndef PATHAK_SEARCH_H
#define PATHAK_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "span.h"

/** How a query is read; flags combine with |. */
typedef enum {
	PK_SEARCH_EXACT = 1u << 0,   /**< no folding and no romanized matching */
	PK_SEARCH_REGEX = 1u << 1,   /**< the query is an ICU regular expression,
	                                  run over the folded text (the raw text
	                                  with PK_SEARCH_EXACT) */
	PK_SEARCH_SLOW = 1u << 2,    /**< for tests and benchmarks: never take
	                                  the fast path of a folded literal
	                                  search (the results are the same) */
} pk_search_flags;

/** A compiled query. */
typedef struct pk_search pk_search;

/**
 * Compile @p query (@p len bytes of UTF-8).
 * @param flags  a combination of pk_search_flags
 * @param err    receives PK_OK, PK_ERR_NOMEM, or PK_ERR_ICU (e.g. a bad
 *               or too long regular expression)
 * @param why    on error, receives a short English reason for the status
 *               line (for a regex, ICU's error name and the offset), NUL-
 *               terminated; may be NULL
 * @param whysz  size of @p why in bytes
 * @return the query, or NULL on error.  An empty query compiles and matches
 *         nothing.
 */
pk_search *pk_search_new(const char *query, size_t len, unsigned flags,
                         pk_status *err, char *why, size_t whysz);

/** Free a query; NULL is allowed. */
void pk_search_free(pk_search *s);

/** True when the query is read as Latin letters matched against romanized Devanagari too. */
bool pk_search_is_roman(const pk_search *s);

/**
 * Find the matches that start in bytes [@p from, @p to) of @p text (the
 * whole input, @p len bytes, which may be read beyond @p to to finish a
 * match), and append each to @p out as a PK_SPAN_MATCH span with payload 0,
 * in order of start.  Consecutive slices [a,b), [b,c) find each match exactly
 * once, so a caller may scan a big input a few megabytes at a time.
 * An ill-formed byte is a unit of its own that folds to U+FFFD (as in
 * pk_fold()): it matches an ill-formed byte or U+FFFD in the query, and a
 * match starts and ends where pk_decode() starts a unit, never inside a
 * well-formed sequence.
 * @return PK_OK, PK_ERR_NOMEM or PK_ERR_ICU (also when a regular
 *         expression hit ICU's time limit; nothing is appended then).
 */
pk_status pk_search_scan(pk_search *s, const char *text, size_t len,
                         size_t from, size_t to, pk_spans *out);

/**
 * Does bytes [@p start, @p end) of @p text contain a match?  For filters
 * over short strings (the quotation list, the entity pane, the paragraph
 * filter `&`).
 */
bool pk_search_matches(pk_search *s, const char *text, size_t start, size_t end);

#endif
