/* pager.c - the reader pane: lazy layout, scrolling, status line, help. */
#include "config.h"

#include "pager.h"
#include "colors.h"
#include "width.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#define CACHE_N 64                 /* laid-out blocks kept */
#define INDEX_STEP (8u << 20)      /* bytes indexed per idle slice */

/* One laid-out block.  Rows are its lines plus a blank row after it unless
 * it is the last block. */
struct entry {
	pk_block blk;
	lay_lines lines;
	int width;
	bool has_next;
	bool used;
	unsigned long stamp;
};

/* A row of the document: row `row` of block `blk`. */
struct pos {
	pk_block blk;
	size_t row;
};

struct pager {
	pk_doc *doc;
	const pk_input *in;
	layout *lay;
	pager_opts o;
	int text_w;          /* width of the text column now */
	int left;            /* left margin that centres it */
	int rows;            /* text rows on screen */
	struct pos top;
	bool empty;
	bool help;           /* the help screen is up */
	struct entry cache[CACHE_N];
	unsigned long clock;
	char *title;         /* the title block's text, for the status line */
};

/* ---------------------------------------------------------------- layout */

static struct entry *
block_entry(pager *p, const pk_block *b)
{
	struct entry *victim = &p->cache[0];
	pk_block nx;

	for (int i = 0; i < CACHE_N; i++) {
		struct entry *e = &p->cache[i];
		if (e->used && e->blk.start == b->start && e->width == p->text_w) {
			e->stamp = ++p->clock;
			return e;
		}
		if (!e->used || e->stamp < victim->stamp)
			victim = e;
	}
	lay_lines_clear(&victim->lines);
	victim->blk = *b;
	victim->width = p->text_w;
	victim->used = true;
	victim->stamp = ++p->clock;
	victim->has_next = pk_doc_next(p->doc, b, &nx);
	if (layout_wrap(p->lay, p->in->bytes, b->start, b->end, p->text_w, &victim->lines) < 0 ||
	    victim->lines.n == 0) {
		/* Out of memory or ICU failure: show the block as one clipped line. */
		lay_lines_clear(&victim->lines);
		if (victim->lines.cap || (victim->lines.v = malloc(sizeof *victim->lines.v))) {
			victim->lines.cap = victim->lines.cap ? victim->lines.cap : 1;
			victim->lines.v[0] = (lay_line){ b->start, b->end, b->end, p->text_w };
			victim->lines.n = 1;
		}
	}
	return victim;
}

static void
cache_flush(pager *p)
{
	for (int i = 0; i < CACHE_N; i++)
		p->cache[i].used = false;
}

static size_t
block_rows(pager *p, const pk_block *b)
{
	struct entry *e = block_entry(p, b);
	return e->lines.n + (e->has_next ? 1 : 0);
}

static bool
pos_next(pager *p, struct pos *q)
{
	pk_block nx;
	if (q->row + 1 < block_rows(p, &q->blk)) {
		q->row++;
		return true;
	}
	if (!pk_doc_next(p->doc, &q->blk, &nx))
		return false;
	q->blk = nx;
	q->row = 0;
	return true;
}

static bool
pos_prev(pager *p, struct pos *q)
{
	pk_block pv;
	if (q->row > 0) {
		q->row--;
		return true;
	}
	if (!pk_doc_prev(p->doc, &q->blk, &pv))
		return false;
	q->blk = pv;
	q->row = block_rows(p, &pv) - 1;
	return true;
}

/* The byte offset where a row starts (a blank row: the block's end). */
static size_t
pos_offset(pager *p, const struct pos *q)
{
	struct entry *e = block_entry(p, &q->blk);
	return q->row < e->lines.n ? e->lines.v[q->row].start : q->blk.end;
}

/* Is the last row of the document on screen when q is the top row? */
static bool
at_end(pager *p, struct pos q)
{
	for (int i = 1; i < p->rows; i++)
		if (!pos_next(p, &q))
			return true;
	return !pos_next(p, &q);
}

static void
scroll_down(pager *p, int n)
{
	for (int i = 0; i < n && !at_end(p, p->top); i++)
		if (!pos_next(p, &p->top))
			break;
}

static void
scroll_up(pager *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!pos_prev(p, &p->top))
			break;
}

static void
go_top(pager *p)
{
	if (pk_doc_first(p->doc, &p->top.blk))
		p->top.row = 0;
}

static void
go_end(pager *p)
{
	pk_block last;
	if (!pk_doc_last(p->doc, &last))
		return;
	p->top.blk = last;
	p->top.row = block_rows(p, &last) - 1;
	scroll_up(p, p->rows - 1);
}

/* Put the row containing byte off at the top. */
static void
go_offset(pager *p, size_t off)
{
	pk_block b;
	if (!pk_doc_block_at(p->doc, off, &b))
		return;
	struct entry *e = block_entry(p, &b);
	size_t r = 0;
	while (r + 1 < e->lines.n && e->lines.v[r + 1].start <= off)
		r++;
	p->top.blk = b;
	p->top.row = r;
}

static void
geometry(pager *p)
{
	int cols = COLS > 0 ? COLS : 1;
	p->text_w = p->o.width < cols ? p->o.width : cols;
	if (p->text_w < 1)
		p->text_w = 1;
	p->left = (cols - p->text_w) / 2;
	p->rows = LINES > 1 ? LINES - 1 : 0;
}

/* ---------------------------------------------------------------- drawing */

static color_role
block_role(pk_block_type t)
{
	switch (t) {
	case PK_BLOCK_TITLE: return ROLE_TITLE;
	case PK_BLOCK_META: return ROLE_META;
	case PK_BLOCK_DATELINE: return ROLE_DATELINE;
	case PK_BLOCK_CAPTION: return ROLE_CAPTION;
	case PK_BLOCK_BYLINE: return ROLE_BYLINE;
	default: return ROLE_TEXT;
	}
}

struct draw_ctx {
	pager *p;
	int y, x, maxx;
	attr_t attr;
};

static int
draw_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct draw_ctx *dc = ctx;
	const char *s = dc->p->in->bytes;
	uint32_t cps[WIDTH_DISPLAY_MAX];
	wchar_t wcs[WIDTH_DISPLAY_MAX + 1];
	size_t n = width_display(s, cs, ce, cps);
	bool ctrl = false;

	if (dc->x + w > dc->maxx)
		return 1;  /* clip: the window is narrower than the column */
	for (size_t i = 0; i < n; i++) {
		wcs[i] = (wchar_t)cps[i];
		ctrl |= (cps[i] >= 0x2400 && cps[i] <= 0x2421) || cps[i] == 0xFFFD;
	}
	wcs[n] = 0;
	attrset(ctrl ? colors_attr(ROLE_CONTROL) : dc->attr);
	mvaddnwstr(dc->y, dc->x, wcs, (int)n);
	dc->x += w;
	return 0;
}

static void
draw_text(pager *p, int y, int x, int maxx, size_t a, size_t b, attr_t attr)
{
	struct draw_ctx dc = { p, y, x, maxx, attr };
	layout_clusters(p->lay, p->in->bytes, a, b, draw_cluster, &dc);
}

/* Write the first line of [a, b) laid out at w columns; returns its width. */
static int
draw_clipped(pager *p, int y, int x, int w, size_t a, size_t b, attr_t attr)
{
	lay_lines ls = { 0 };
	int used = 0;
	if (w > 0 && layout_wrap(p->lay, p->in->bytes, a, b, w, &ls) == 0 && ls.n > 0) {
		draw_text(p, y, x, x + w, ls.v[0].start, ls.v[0].vis_end, attr);
		used = ls.v[0].width;
	}
	lay_lines_free(&ls);
	return used;
}

static void
draw_status(pager *p)
{
	char right[96];
	pk_block title;
	struct pos q = p->top;
	int y = LINES - 1;
	size_t n, count, bottom;

	if (y < 0)
		return;
	for (int i = 1; i < p->rows && pos_next(p, &q);)
		i++;
	if (at_end(p, p->top)) {
		bottom = p->in->len;
	} else {
		struct entry *e = block_entry(p, &q.blk);
		bottom = q.row < e->lines.n ? e->lines.v[q.row].end : q.blk.end;
	}
	int pct = p->in->len ? (int)((double)bottom * 100.0 / (double)p->in->len) : 100;
	n = pk_doc_block_number(p->doc, p->top.blk.start);
	count = pk_doc_block_count(p->doc);
	if (n == (size_t)-1)
		snprintf(right, sizeof right, " %3d%%  ¶ ?/? ", pct);
	else if (count == (size_t)-1)
		snprintf(right, sizeof right, " %3d%%  ¶ %zu/? ", pct, n + 1);
	else
		snprintf(right, sizeof right, " %3d%%  ¶ %zu/%zu ", pct, n + 1, count);

	attrset(colors_attr(ROLE_STATUS));
	move(y, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	int rw = (int)strlen(right) - 1;  /* ¶ is two bytes, one column */
	if (rw <= COLS)
		mvaddstr(y, COLS - rw, right);
	int room = COLS - rw - 2;
	if (room > 0) {
		if (pk_doc_first(p->doc, &title) && title.type == PK_BLOCK_TITLE) {
			draw_clipped(p, y, 1, room, title.start, title.end, colors_attr(ROLE_STATUS) | A_BOLD);
		} else if (p->o.name) {
			attrset(colors_attr(ROLE_STATUS) | A_BOLD);
			mvaddnstr(y, 1, p->o.name, room);
		}
	}
	attrset(A_NORMAL);
}

static const char *const help_lines[] = {
	"pathak - keys",
	"",
	"  j  Down  Enter    one line down",
	"  k  Up             one line up",
	"  Space  f  PgDn    one screen down",
	"  b  PgUp           one screen up",
	"  d  u              half a screen down / up",
	"  g  Home  <        start of the article",
	"  G  End   >        end of the article",
	"  Ctrl-L            redraw",
	"  ?  F1             this help",
	"  q                 quit",
	"",
	"Any key closes this help.",
};

static void
help_draw(void)
{
	int n = (int)(sizeof help_lines / sizeof *help_lines);
	attrset(colors_attr(ROLE_HELP));
	for (int i = 0; i < n && i < LINES; i++) {
		move(i, 0);
		clrtoeol();
		mvaddnstr(i, 2 < COLS ? 2 : 0, help_lines[i], COLS > 2 ? COLS - 2 : COLS);
	}
	attrset(A_NORMAL);
}

void
pager_draw(pager *p)
{
	struct pos q = p->top;

	erase();
	if (p->help) {
		help_draw();
		return;
	}
	if (!p->empty && p->rows > 0) {
		for (int y = 0; y < p->rows; y++) {
			struct entry *e = block_entry(p, &q.blk);
			if (q.row < e->lines.n) {
				const lay_line *ln = &e->lines.v[q.row];
				draw_text(p, y, p->left, COLS, ln->start, ln->vis_end,
				          colors_attr(block_role(q.blk.type)));
			}
			if (!pos_next(p, &q))
				break;
		}
	}
	draw_status(p);
}

/* ---------------------------------------------------------------- keys */

bool
pager_key(pager *p, int ch)
{
	int page = p->rows > 1 ? p->rows - 1 : 1;

	if (p->help) {
		p->help = false;  /* any key closes the help */
		return true;
	}
	switch (ch) {
	case 'q': case 'Q':
		return false;
	case 'j': case KEY_DOWN: case '\n': case '\r': case KEY_ENTER: case 'e' & 0x1f:
		scroll_down(p, 1);
		break;
	case 'k': case KEY_UP: case 'y' & 0x1f: case 'p' & 0x1f:
		scroll_up(p, 1);
		break;
	case ' ': case 'f': case KEY_NPAGE: case 'f' & 0x1f:
		scroll_down(p, page);
		break;
	case 'b': case KEY_PPAGE: case 'b' & 0x1f:
		scroll_up(p, page);
		break;
	case 'd': case 'd' & 0x1f:
		scroll_down(p, page / 2 ? page / 2 : 1);
		break;
	case 'u': case 'u' & 0x1f:
		scroll_up(p, page / 2 ? page / 2 : 1);
		break;
	case 'g': case KEY_HOME: case '<':
		go_top(p);
		break;
	case 'G': case KEY_END: case '>':
		go_end(p);
		break;
	case '?': case KEY_F(1): case 'h':
		p->help = true;
		break;
	case 'l' & 0x1f:
		clearok(curscr, TRUE);
		break;
	case KEY_RESIZE:
		pager_resize(p);
		break;
	default:
		break;
	}
	return true;
}

/* After a resize near the end, pull the text down so that no screen
 * shows the last lines above empty rows (as less does). */
static void
fill_to_end(pager *p)
{
	struct pos q = p->top;
	int n = 1;
	while (n < p->rows && pos_next(p, &q))
		n++;
	if (n < p->rows)
		scroll_up(p, p->rows - n);
}

void
pager_resize(pager *p)
{
	size_t anchor = p->empty ? 0 : pos_offset(p, &p->top);
	geometry(p);
	cache_flush(p);
	if (!p->empty) {
		go_offset(p, anchor);
		fill_to_end(p);
	}
}

bool
pager_idle(pager *p)
{
	if (pk_doc_indexed(p->doc))
		return true;
	pk_doc_index_step(p->doc, INDEX_STEP);
	return false;
}

pager *
pager_new(pk_doc *doc, const pager_opts *o)
{
	pager *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->doc = doc;
	p->in = pk_doc_input(doc);
	p->o = *o;
	if (p->o.width < 1)
		p->o.width = 80;
	p->lay = layout_new(o->model);
	if (!p->lay) {
		free(p);
		return NULL;
	}
	geometry(p);
	p->empty = !pk_doc_first(doc, &p->top.blk);
	p->top.row = 0;
	return p;
}

void
pager_free(pager *p)
{
	if (!p)
		return;
	for (int i = 0; i < CACHE_N; i++)
		lay_lines_free(&p->cache[i].lines);
	layout_free(p->lay);
	free(p->title);
	free(p);
}

/* ---------------------------------------------------------------- --dump */

struct dump_ctx {
	const char *s;
	FILE *out;
};

static int
dump_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct dump_ctx *dc = ctx;
	uint32_t cps[WIDTH_DISPLAY_MAX];
	size_t n = width_display(dc->s, cs, ce, cps);
	(void)w;
	for (size_t i = 0; i < n; i++) {
		uint8_t buf[6];
		int k = u8_uctomb(buf, cps[i], sizeof buf);
		if (k > 0)
			fwrite(buf, 1, (size_t)k, dc->out);
	}
	return 0;
}

int
pager_dump(pk_doc *doc, int width, width_model m, FILE *out)
{
	const pk_input *in = pk_doc_input(doc);
	layout *lay = layout_new(m);
	lay_lines ls = { 0 };
	pk_block b;
	bool more, first = true;
	int rc = 0;

	if (!lay)
		return -1;
	for (more = pk_doc_first(doc, &b); more; more = pk_doc_next(doc, &b, &b)) {
		if (!first)
			fputc('\n', out);
		first = false;
		lay_lines_clear(&ls);
		if (layout_wrap(lay, in->bytes, b.start, b.end, width, &ls) < 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < ls.n; i++) {
			struct dump_ctx dc = { in->bytes, out };
			layout_clusters(lay, in->bytes, ls.v[i].start, ls.v[i].vis_end, dump_cluster, &dc);
			fputc('\n', out);
		}
		if (ferror(out)) {
			rc = -1;
			break;
		}
	}
	lay_lines_free(&ls);
	layout_free(lay);
	return rc;
}
