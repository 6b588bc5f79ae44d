/* overlay.c - clusters written after curses' update (see overlay.h). */
#include "config.h"

#include "overlay.h"
#include "grow.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>
#include <wchar.h>

/* A cluster curses cannot place: drawn raw at (y, x) after the update. */
struct piece {
	int y, x, w;
	attr_t attr;
	size_t off, len;
};

struct pk_overlay {
	struct piece *pc;    /* this frame's clusters */
	size_t npc, cappc;
	char *raw;           /* their UTF-8 bytes */
	size_t nraw, capraw;
	int fence;           /* a column addressed anew in each row, or -1 */
	int *redrew;         /* the rows overlay_begin() had curses repaint */
	size_t nred, capred;
};

pk_overlay *
overlay_new(void)
{
	pk_overlay *ov = calloc(1, sizeof(pk_overlay));
	if (ov)
		ov->fence = -1;
	return ov;
}

void
overlay_fence(pk_overlay *ov, int x)
{
	ov->fence = x;
}

void
overlay_free(pk_overlay *ov)
{
	if (!ov)
		return;
	free(ov->pc);
	free(ov->raw);
	free(ov->redrew);
	free(ov);
}

void
overlay_begin(pk_overlay *ov)
{
	/* The rows overlay_flush() wrote behind curses' back: unknown to it,
	 * so this update repaints them whole and no stale text survives. */
	ov->nred = 0;
	for (size_t i = 0; i < ov->npc; i++)
		if ((i == 0 || ov->pc[i].y != ov->pc[i - 1].y) && ov->pc[i].y < LINES) {
			wredrawln(curscr, ov->pc[i].y, 1);
			if (pk_grow(&ov->redrew, &ov->capred, ov->nred + 1, sizeof *ov->redrew, 64) == 0)
				ov->redrew[ov->nred++] = ov->pc[i].y;
		}
	ov->npc = ov->nraw = 0;
}

bool
overlay_redrew(const pk_overlay *ov, int y)
{
	for (size_t i = 0; ov && i < ov->nred; i++)
		if (ov->redrew[i] == y)
			return true;
	return false;
}

void
overlay_add(pk_overlay *ov, int y, int x, int w, attr_t attr, const uint32_t *cps, size_t n)
{
	if (pk_grow(&ov->pc, &ov->cappc, ov->npc + 1, sizeof *ov->pc, 256) < 0 ||
	    pk_grow(&ov->raw, &ov->capraw, ov->nraw + 4 * n, 1, 8192) < 0)
		return;
	size_t off = ov->nraw;
	for (size_t i = 0; i < n; i++) {
		int k = u8_uctomb((uint8_t *)ov->raw + ov->nraw, cps[i], 4);
		if (k > 0)
			ov->nraw += (size_t)k;
	}
	ov->pc[ov->npc++] = (struct piece){ y, x, w, attr, off, ov->nraw - off };
}

/* vidputs() writes through a bare function: collect its bytes here. */
static char *obuf;
static size_t olen, ocap;

static int
ob_putc(int c)
{
	if (pk_grow(&obuf, &ocap, olen + 1, 1, 16384) < 0)
		return c;
	obuf[olen++] = (char)c;
	return c;
}

static void
ob_put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ob_putc((unsigned char)s[i]);
}

static void
ob_cup(int y, int x)
{
	static char *cup;
	char buf[32];
	if (!cup)
		cup = tigetstr("cup");
	if (cup && cup != (char *)-1) {
		const char *t = tiparm(cup, y, x);
		if (t) {
			ob_put(t, strlen(t));
			return;
		}
	}
	snprintf(buf, sizeof buf, "\033[%d;%dH", y + 1, x + 1);
	ob_put(buf, strlen(buf));
}

/* Write what curses holds in cell (y, x); returns the cells it takes. */
static int
ob_cell(int y, int x, attr_t *cur)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	int w = 1;

	if (mvwin_wch(stdscr, y, x, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR) {
		ob_putc(' ');
		return 1;
	}
	a = (a & ~A_COLOR) | (attr_t)COLOR_PAIR(pair);
	if (a != *cur) {
		vidputs(a, ob_putc);
		*cur = a;
	}
	if (!wch[0])
		wch[0] = L' ';
	for (int i = 0; i < CCHARW_MAX && wch[i]; i++) {
		uint8_t b[6];
		int k = u8_uctomb(b, (ucs4_t)wch[i], sizeof b);
		if (k > 0)
			ob_put((const char *)b, (size_t)k);
	}
	if (wcwidth(wch[0]) == 2)
		w = 2;
	return w;
}

/* Does curses hold a blank in cell (y, x)? */
static bool
cell_blank(int y, int x)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	if (mvwin_wch(stdscr, y, x, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR)
		return true;
	return !wch[0] || wch[0] == L' ';
}

void
overlay_flush(pk_overlay *ov)
{
	attr_t cur = (attr_t)-1;
	int cy, cx;

	if (ov->npc == 0)
		return;
	olen = 0;
	/* Each row that holds such clusters is erased from its first one and
	 * rewritten to the right edge in one sequential run: the clusters, and
	 * between and after them what curses holds.  Measured in mlterm -otl:
	 * text addressed into a shaped row, or a cluster written over cells
	 * that hold text, lands columns off; text written in sequence into an
	 * erased row lands where it belongs.  The fence (the entity pane's
	 * edge, after a blank column) is addressed all the same: a terminal
	 * whose advance is not the model's then keeps the edge straight.  (The last cell of the last row
	 * is written too: the cluster-model terminals all defer the wrap.) */
	for (size_t i = 0; i < ov->npc;) {
		int y = ov->pc[i].y, x = ov->pc[i].x, x0 = x, end = COLS;
		bool moved = false;  /* past the fence, clusters written since it */
		int blanks = 0;      /* blank cells in a row since the last cluster */
		static char *el;
		ob_cup(y, x);
		vidputs(A_NORMAL, ob_putc);
		cur = A_NORMAL;
		if (!el)
			el = tigetstr("el");
		if (el && el != (char *)-1)
			ob_put(el, strlen(el));
		else
			ob_put("\033[K", 3);
		while (x < end) {
			if (x == ov->fence && x > x0)
				ob_cup(y, x);  /* the edge where the model puts it */
			if (i < ov->npc && ov->pc[i].y == y && ov->pc[i].x == x) {
				const struct piece *pc = &ov->pc[i++];
				if (pc->attr != cur) {
					vidputs(pc->attr, ob_putc);
					cur = pc->attr;
				}
				ob_put(ov->raw + pc->off, pc->len);
				x += pc->w;
				moved |= ov->fence >= 0 && x > ov->fence;
				blanks = 0;
			} else if (moved && blanks >= 2 && !cell_blank(y, x)) {
				/* in the pane, text after a name and two blanks (its
				 * counts) is addressed too; a name runs in sequence */
				ob_cup(y, x);
				moved = false;
				x += ob_cell(y, x, &cur);
			} else {
				blanks = cell_blank(y, x) ? blanks + 1 : 0;
				x += ob_cell(y, x, &cur);
			}
		}
		while (i < ov->npc && ov->pc[i].y == y)
			i++;  /* clipped */
	}
	vidputs(A_NORMAL, ob_putc);
	getyx(curscr, cy, cx);
	ob_cup(cy, cx);           /* back where curses believes the cursor is */
	fflush(stdout);
	term_write(fileno(stdout), obuf, olen);
	/* overlay_begin() tells curses these rows are unknown, not here:
	 * reading the cells moved stdscr's cursor, so getch() refreshes, and
	 * that refresh must find nothing to repaint */
}
