/*
 * finder.h - the state of a search over the input, without a terminal.
 *
 * A query (src/search.h) is run over the input in slices of a few
 * megabytes, starting where the reader is and going the way of the search
 * (forward: to the end, then from the start; backward: to the start, then
 * from the end), so that the first match shows before a big file is
 * scanned and a keystroke is never kept waiting for more than a slice.
 * The matches found are kept sorted; the scanned part of the input is at
 * most two ranges, so the finder knows when "the next match after x" is
 * certain.  The match jumped to is the current one (n and N step from it).
 *
 * A query beginning with "\r" is a regular expression, one beginning with
 * "\e" is exact (less's and vim's habit of a prefix); the flags given to
 * finder_start() are combined with them.
 */
#ifndef PATHAK_FINDER_H
#define PATHAK_FINDER_H

#include <stdbool.h>
#include <stddef.h>
#include "search.h"
#include "span.h"
#include "view.h"

#define FIND_NONE ((size_t)-1)
/** Bytes scanned per slice between keystrokes. */
#define FIND_SLICE (4u << 20)

typedef struct finder finder;

/** What the last start, seek or step found out (finder_event()). */
typedef enum {
	FIND_EV_NONE,      /**< nothing new */
	FIND_EV_JUMP,      /**< a match became the current one: bring it on screen */
	FIND_EV_NOTFOUND,  /**< the whole input holds no match */
} find_event;

/** A finder over bytes [0, len) of @p text; NULL when out of memory. */
finder *finder_new(const char *text, size_t len);

/** The text (a stream) grew to @p len bytes: the next finder_start searches them all. */
void finder_set_len(finder *f, size_t len);
void finder_free(finder *f);

/**
 * Start a search for @p q (@p qlen bytes of UTF-8) with @p flags
 * (pk_search_flags), @p dir +1 forward or -1 backward from byte @p from:
 * the first match at or after it, or the last one before it, wrapping
 * round the end.  Nothing is scanned yet (finder_step()).
 * @return PK_OK, or an error with a reason in @p why (a bad regular
 * expression); the finder is then inactive.
 */
pk_status finder_start(finder *f, const char *q, size_t qlen, unsigned flags, int dir,
                       size_t from, char *why, size_t whysz);

/** Forget the search. */
void finder_clear(finder *f);

/** Is there a search (started, not cleared)? */
bool finder_active(const finder *f);
/** The query as given to finder_start(), and its direction. */
const char *finder_query(const finder *f);
int finder_dir(const finder *f);
/** The flags the query is run with (prefixes included). */
unsigned finder_flags(const finder *f);

/** Scan about @p budget more bytes.  @return true when the matches, the
 * progress percentage or the current match changed. */
bool finder_step(finder *f, size_t budget);
/** Has the whole input been scanned? */
bool finder_done(const finder *f);
/** Percent of the input scanned. */
int finder_progress(const finder *f);

/** The matches found so far, sorted (PK_SPAN_MATCH). */
const pk_spans *finder_matches(const finder *f);

/** The current match (an index into the matches), or FIND_NONE. */
size_t finder_current(const finder *f);
/** Its number, 1-based, when it is certain (the input before it is
 * scanned); else 0. */
size_t finder_number(const finder *f);

/**
 * Look for the next match (@p dir +1: the first that starts at or after
 * @p off; -1: the last that starts before it), wrapping round the end.
 * Resolved now when the scanned part allows, else while scanning; the
 * result comes as an event.
 */
void finder_seek(finder *f, int dir, size_t off);

/**
 * n and N: from the current match when it lies in [first, last) (the
 * screen), else from the screen as ] and [ do.  @p dir is +1 for the way
 * of the search, -1 against it.
 */
void finder_next(finder *f, int dir, size_t first, size_t last);

/** Is a seek waiting for the scan? */
bool finder_pending(const finder *f);

/** The last event, cleared by the call.  @p wrapped tells whether the
 * jump went round the end of the input (may be NULL). */
find_event finder_event(finder *f, bool *wrapped);

/** For the paragraph filter: the start of the first match found at or
 * after @p off, or FIND_NONE; and of the last one before @p off. */
size_t finder_next_start(const finder *f, size_t off);
size_t finder_prev_start(const finder *f, size_t off);

/** The paragraph filter of @p f's matches, for view_set_filter(). */
view_filter finder_filter(finder *f);

/** The error of the last failed step (PK_OK when none). */
pk_status finder_error(const finder *f);

#endif
