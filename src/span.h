/*
 * span.h - annotations over the input: (start, end, kind, payload).
 *
 * Quotes, entities and search matches are all spans.  Offsets are bytes into
 * the pk_input buffer, end exclusive.  The UI draws a span by its kind through
 * one colour table, so a new kind of highlight is one enum value, not new code.
 */
#ifndef PATHAK_SPAN_H
#define PATHAK_SPAN_H

#include <stddef.h>
#include <stdint.h>

/** What a span marks. */
typedef enum {
	PK_SPAN_QUOTE = 1,   /**< a quotation; payload: index into the quote list */
	PK_SPAN_SPEAKER,     /**< the mention of a quotation's speaker */
	PK_SPAN_ENTITY,      /**< a named entity; payload: entity type/id */
	PK_SPAN_MATCH,       /**< a search match; payload: match number */
	PK_SPAN_KIND_MAX
} pk_span_kind;

/** One annotation. */
typedef struct pk_span {
	size_t start;        /**< first byte */
	size_t end;          /**< one past the last byte */
	pk_span_kind kind;
	uint32_t payload;    /**< meaning depends on kind */
} pk_span;

/** A growable, owned array of spans. */
typedef struct pk_spans {
	pk_span *v;
	size_t n, cap;
} pk_spans;

/** Append a span; returns 0, or -1 when out of memory (the list is unchanged). */
int pk_spans_push(pk_spans *s, pk_span sp);

/** Sort by start, then by longer first; stable for equal keys. */
void pk_spans_sort(pk_spans *s);

/**
 * Index of the first span whose end is after @p off, in a list sorted by
 * pk_spans_sort(); s->n if none.  Used to draw only the spans on screen.
 */
size_t pk_spans_first_after(const pk_spans *s, size_t off);

/**
 * Index of the first span that starts after @p off, in a list sorted by
 * pk_spans_sort(); s->n if none (a binary search).
 */
size_t pk_spans_upper(const pk_spans *s, size_t off);

/** Free the array; the struct is left empty and reusable. */
void pk_spans_free(pk_spans *s);

#endif
