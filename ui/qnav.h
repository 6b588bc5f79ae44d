/*
 * qnav.h - the rules of the quotation keys ] and [, without a terminal.
 *
 * Navigation follows the screen: the current quotation counts only while
 * it is on screen.  Then ] and [ go to the next and previous one;
 * otherwise ] takes the first quotation that starts on or below the top
 * line and [ the last one that starts before the end of the bottom line
 * (less searches forward from the top line and backward from the bottom
 * one).  The screen is given as the input offsets [first, last) it shows.
 */
#ifndef PATHAK_QNAV_H
#define PATHAK_QNAV_H

#include <stdbool.h>
#include <stddef.h>
#include "quotes.h"
#include "span.h"

/** Is any of quotation @p q on a screen showing [first, last)? */
bool qnav_on_screen(const pk_quote *q, size_t first, size_t last);

/** The quotation ] (@p dir > 0) or [ (@p dir < 0) goes to from @p cur
 * (PK_QUOTE_NONE: none), or PK_QUOTE_NONE when there is none that way. */
size_t qnav_step(const pk_quotes *qs, size_t cur, size_t first, size_t last, int dir);

/** Append the QUOTE and SPEAKER spans of @p qs to @p out and sort it.
 * @return 0, or -1 when out of memory (some spans may be missing). */
int qnav_spans(const pk_quotes *qs, pk_spans *out);

#endif
