/*
 * status.h - the status line (the last row).
 *
 * The caller says what to show; this lays it out: the position first (a
 * terminal that draws Devanagari wider than its cells then has nothing to
 * push out of place), then a message, the quotation jumped to, or the
 * title (cut with an ellipsis when it is too long), or the file name.
 */
#ifndef PATHAK_STATUS_H
#define PATHAK_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>
#include "quotes.h"

/**
 * Draws bytes [a, b) of s at row y from column x in at most w columns,
 * whole clusters only; with @p cut, text that does not fit ends in an
 * ellipsis.  Returns the columns used.
 */
typedef int (*status_text_fn)(void *ctx, int y, int x, int w, const char *s, size_t a,
                              size_t b, attr_t attr, bool cut);

/** What the status line shows. */
typedef struct status_info {
	bool empty;           /**< the document has no text: "empty" */
	int pct;              /**< position of the top line, percent of the file */
	bool end;             /**< the last line is on screen */
	size_t para;          /**< paragraph of the top line, 0-based, or (size_t)-1 */
	size_t paras;         /**< paragraphs in all, or (size_t)-1 (not yet indexed) */
	bool ascii;           /**< ASCII only: P for the pilcrow */
	const char *flash;    /**< a message, or NULL */
	const pk_quote *quote;/**< the quotation jumped to, or NULL */
	size_t qnum, qcount;  /**< its number (1-based) and the number of quotations */
	const char *title;    /**< the title's bytes [title_a, title_b), or NULL */
	size_t title_a, title_b;
	const char *name;     /**< the file name, shown when there is no title */
	const char *filter;   /**< the paragraph filter while it is on ("&word"), or NULL */
	int file, files;      /**< file @p file of @p files: shown when files > 1 */
} status_info;

/** Draw the status line on the last row of stdscr. */
void status_draw(const status_info *st, status_text_fn text, void *ctx);

#endif
