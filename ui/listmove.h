/*
 * listmove.h - moving a selection through a list with heading rows (the
 * quotation list's speakers, the entity pane's types).  No curses.
 */
#ifndef PATHAK_LISTMOVE_H
#define PATHAK_LISTMOVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

/**
 * The row @p d selectable rows away from row @p sel among @p nrows, where
 * @p heading tells the rows that cannot be selected; it stops at the last
 * selectable row in that direction.
 */
static inline size_t
list_move(size_t sel, size_t nrows, long d, bool (*heading)(const void *ctx, size_t r),
	  const void *ctx)
{
	long step = d < 0 ? -1 : 1, r = (long)sel;
	for (long left = labs(d); left > 0;) {
		long nr = r + step;
		while (nr >= 0 && nr < (long)nrows && heading(ctx, (size_t)nr))
			nr += step;
		if (nr < 0 || nr >= (long)nrows)
			break;
		r = nr;
		left--;
	}
	return (size_t)r;
}

#endif
