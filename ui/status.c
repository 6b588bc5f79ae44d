/* status.c - the status line (see status.h). */
#include "config.h"

#include "status.h"
#include "draw.h"
#include "colors.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

/* The position: " 12%  ¶ 3/42 " (P for ¶ in ASCII); returns its columns. */
static int
position(const status_info *st, char *buf, size_t n)
{
	const char *pil = st->ascii ? "P" : "¶";
	size_t c = st->paras;

	if (st->empty)
		snprintf(buf, n, " empty ");
	else if (st->para == (size_t)-1)
		snprintf(buf, n, " %3d%%  %s ?/?    ", st->pct, pil);
	else if (c == (size_t)-1)
		snprintf(buf, n, " %3d%%  %s %zu/?    ", st->pct, pil, st->para + 1);
	else
		snprintf(buf, n, " %3d%%  %s %*zu/%zu ", st->pct, pil,
		         c < 10 ? 1 : c < 100 ? 2 : c < 1000 ? 3 : 4, st->para + 1, c);
	if (st->end && !st->empty && strlen(buf) + 5 < n)
		strcat(buf, " END ");
	if (st->files > 1) {
		size_t k = strlen(buf);
		snprintf(buf + k, n - k, " file %d/%d ", st->file, st->files);
	}
	/* ¶: two bytes, one column */
	return (int)strlen(buf) - (st->ascii || st->empty ? 0 : 1);
}

/* The quotation jumped to: its number, speaker and cue. */
static void
draw_quote(const status_info *st, int y, int x, int room, status_text_fn text, void *ctx)
{
	const pk_quote *q = st->quote;
	const char *who = q->speaker ? q->speaker : "?";
	char num[96];

	snprintf(num, sizeof num, _("quote %zu/%zu: "), st->qnum, st->qcount);
	attrset(colors_attr(ROLE_STATUS));
	int used = draw_ui(y, x, num, room);
	if (used < room)
		used += text(ctx, y, x + used, room - used, who, 0, strlen(who),
		             colors_attr(ROLE_STATUS) | A_BOLD, false);
	if (q->cue && used + 3 < room) {
		mvaddstr(y, x + used, " (");
		used += 2;
		used += text(ctx, y, x + used, room - used - 1, q->cue, 0, strlen(q->cue),
		             colors_attr(ROLE_STATUS), false);
		if (used < room)
			mvaddstr(y, x + used, ")");
	}
}

void
status_draw(const status_info *st, status_text_fn text, void *ctx)
{
	char right[112];
	int y = LINES - 1;

	if (y < 0)
		return;
	attrset(colors_attr(ROLE_STATUS));
	move(y, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	int rw = position(st, right, sizeof right);
	mvaddnstr(y, 0, right, COLS);
	int room = COLS - rw - 2;
	if (st->filter && room > 8) {
		/* the filter is on: say so before anything else */
		int fw = text(ctx, y, rw + 1, room / 2, st->filter, 0, strlen(st->filter),
		              colors_attr(ROLE_STATUS) | A_BOLD | A_UNDERLINE, true);
		rw += fw + 2;
		room -= fw + 2;
	}
	if (room > 0) {
		int x = rw + 1;
		if (st->flash) {
			/* a message may be UTF-8 (a file name): whole clusters */
			text(ctx, y, x, room, st->flash, 0, strlen(st->flash),
			     colors_attr(ROLE_STATUS) | A_BOLD, true);
		} else if (st->quote) {
			draw_quote(st, y, x, room, text, ctx);
		} else if (st->title) {
			text(ctx, y, x, room, st->title, st->title_a, st->title_b,
			     colors_attr(ROLE_STATUS) | A_BOLD, true);
		} else if (st->name) {
			text(ctx, y, x, room, st->name, 0, strlen(st->name),
			     colors_attr(ROLE_STATUS) | A_BOLD, true);
		}
	}
	attrset(A_NORMAL);
}
