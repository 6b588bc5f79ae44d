/*
 * qlist.h - the quote list: every quotation with its speaker, filtered as
 * the user types, optionally grouped by speaker; Enter jumps to one.
 * A screen in the ncdu manner (new/draw/key); it knows the quotations and
 * asks its caller to draw text, so it shares the pager's cluster drawing.
 */
#ifndef PATHAK_QLIST_H
#define PATHAK_QLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>
#include "quotes.h"

typedef struct qlist qlist;

/** What a key did. */
typedef enum {
	QL_STAY,    /**< still open: redraw */
	QL_CLOSE,   /**< closed without a choice */
	QL_JUMP,    /**< closed: jump to qlist_choice() */
} ql_result;

/**
 * Draws bytes [a, b) of s at row y from column x, clipped at column maxx,
 * in attribute attr, cluster by cluster; returns the column after it.
 */
typedef int (*ql_text_fn)(void *ctx, int y, int x, int maxx, const char *s,
                          size_t a, size_t b, attr_t attr);

/** Describes where a quotation stands, e.g. "¶12" (ASCII or UTF-8). */
typedef void (*ql_where_fn)(void *ctx, size_t off, char *buf, size_t n);

/**
 * A list over @p q (which must outlive it); quote texts are bytes of
 * @p input.  @p sel is the quotation to select first (or PK_QUOTE_NONE).
 */
qlist *qlist_new(const pk_quotes *q, const char *input, size_t sel);
void qlist_free(qlist *l);

/** Draw the list into stdscr, full screen. */
void qlist_draw(qlist *l, ql_text_fn text, ql_where_fn where, void *ctx);

/** Handle a key. */
ql_result qlist_key(qlist *l, int ch);

/** The quotation chosen (an index into the list given to qlist_new). */
size_t qlist_choice(const qlist *l);

#endif
