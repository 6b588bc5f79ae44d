/* draw.c - text into stdscr as the layout measured it (see draw.h). */
#include "config.h"

#include "draw.h"
#include "colors.h"
#include "imgrows.h"
#include "rblock.h"
#include "width.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct draw_ctx {
	const drawer *d;
	const char *s;       /* the buffer: the input, or a romanized block */
	render_mode mode;
	int y, x, maxx;
	attr_t attr;
	const size_t *map;   /* romanized buffer: byte -> input offset */
	size_t sp0;          /* spans: the first that may cover this row, or SIZE_MAX */
	size_t mk0;          /* marks: the first that may cover this row, or SIZE_MAX */
	size_t fd0;          /* matches: the first that may cover this row, or SIZE_MAX */
};

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

/* The role of the span covering input byte off, or -1, scanning from the
 * row's first span (pk_spans_first_after) to the last that starts by off.
 * A speaker's mention wins over a quotation; the current quotation over
 * others. */
static int
span_role(const drawer *d, size_t from, size_t off)
{
	const pk_spans *sp = d->spans;
	int role = -1;

	for (size_t i = from; i < sp->n && sp->v[i].start <= off; i++) {
		const pk_span *x = &sp->v[i];
		if (x->end <= off)
			continue;
		if (x->kind == PK_SPAN_SPEAKER)
			return ROLE_SPEAKER;
		if (x->kind == PK_SPAN_QUOTE && role != ROLE_QUOTE_CUR)
			role = x->payload == d->cur ? ROLE_QUOTE_CUR : ROLE_QUOTE;
	}
	return role;
}

/* The role of the entity mention covering input byte off, or -1. */
static int
mark_role(const drawer *d, size_t from, size_t off)
{
	const pk_spans *mk = d->marks;
	for (size_t i = from; i < mk->n && mk->v[i].start <= off; i++)
		if (mk->v[i].end > off)
			return mk->v[i].payload == d->mcur ? ROLE_MENTION_CUR : ROLE_MENTION;
	return -1;
}

/* The first match that may cover off: matches do not nest, so a binary
 * search (pk_spans_first_after scans back, too slow for a million). */
static size_t
found_first(const pk_spans *f, size_t off)
{
	size_t lo = pk_spans_upper(f, off);
	return lo > 0 && f->v[lo - 1].end > off ? lo - 1 : lo;
}

/* The role of the search match covering input byte off, or -1. */
static int
found_role(const drawer *d, size_t from, size_t off)
{
	const pk_spans *f = d->found;
	for (size_t i = from; i < f->n && f->v[i].start <= off; i++)
		if (f->v[i].end > off)
			return f->v[i].payload == d->fcur ? ROLE_MATCH_CUR : ROLE_MATCH;
	return -1;
}

/* The highlight of the cluster at cs, or -1: a match over a mention over
 * a quotation. */
static int
cluster_role(const struct draw_ctx *dc, size_t cs)
{
	const drawer *d = dc->d;
	size_t off = dc->map ? dc->map[cs] : cs;
	int role = dc->fd0 != SIZE_MAX ? found_role(d, dc->fd0, off) : -1;
	if (role < 0 && dc->mk0 != SIZE_MAX)
		role = mark_role(d, dc->mk0, off);
	if (role < 0 && dc->sp0 != SIZE_MAX)
		role = span_role(d, dc->sp0, off);
	return role;
}

static int
draw_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct draw_ctx *dc = ctx;
	const drawer *d = dc->d;
	uint32_t cps[RENDER_DISPLAY_MAX];
	wchar_t wcs[RENDER_DISPLAY_MAX + 1];
	size_t n = render_display(dc->mode, dc->s, cs, ce, cps);
	bool ctrl = false, multi = false;

	if (dc->x + w > dc->maxx)
		return 1;  /* clip: the window is narrower than the column */
	/* ZWJ is never sent to the terminal.  tmux (and other terminals that
	 * join emoji sequences) puts the character after a ZWJ into the ZWJ's
	 * cell: after a cluster ending in one (x + ZWJ; राज् + ZWJ | य, where the
	 * break rules end the cluster at the ZWJ) the next cluster was pulled
	 * into its cell and the rest of the row and the status line drifted
	 * left; inside a cluster it drew narrower than measured.  Without it
	 * every terminal advances as the layout measures (its width is 0); the
	 * price is a half form shown as the conjunct, as halant mode does. */
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (cps[i] != 0x200D || (i == 0 && n == 1))
			cps[kept++] = cps[i];
	n = kept;
	for (size_t i = 0; i < n; i++) {
		wcs[i] = (wchar_t)cps[i];
		ctrl |= (cps[i] >= 0x2400 && cps[i] <= 0x2421) || cps[i] == 0xFFFD;
		multi |= cps[i] >= 0x80;
	}
	wcs[n] = 0;
	attr_t attr = dc->attr;
	if (ctrl) {
		attr = colors_attr(ROLE_CONTROL);
	} else {
		int role = cluster_role(dc, cs);
		if (role >= 0)  /* keep the block's weight (bold title, dim caption) */
			attr = colors_attr((color_role)role) | (dc->attr & (A_BOLD | A_DIM));
	}
	attrset(attr);
	if (d->ascii) {
		/* not UTF-8: ASCII stand-ins (roman text is folded already) */
		char buf[2], out[64];
		size_t k = 0;
		for (size_t i = 0; i < n && k < sizeof out - 4; i++)
			for (const char *t = render_ascii(cps[i], buf); *t; t++)
				out[k++] = *t;
		out[k] = 0;
		mvaddnstr(dc->y, dc->x, out, w);
	} else if (d->ov && multi && (n > 1 || width_cp(cps[0]) != w)) {
		/* curses cannot keep this cluster in the cells the terminal
		 * gives it: blank placeholders now, the text after the update */
		move(dc->y, dc->x);
		for (int i = 0; i < w; i++)
			addch(' ');
		overlay_add(d->ov, dc->y, dc->x, w, attr, cps, n);
	} else {
		mvaddnwstr(dc->y, dc->x, wcs, (int)n);
	}
	dc->x += w;
	return 0;
}

/* The mode Devanagari text is drawn in (image mode's text: the pane, the
 * status line, a row not pictured, in the terminal's own mode). */
static render_mode
deva_mode(const drawer *d)
{
	return render_mode_roman(d->mode) || d->mode == RENDER_IMAGE ? d->deva : d->mode;
}

/* Image mode: the attributes of each byte of the row, a cluster at a
 * time, as draw_cluster() would set them. */
struct attr_ctx {
	struct draw_ctx *dc;
	attr_t *attrs;     /* for bytes [a, ...) */
	size_t a;
};

static int
attr_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct attr_ctx *ac = ctx;
	int role = cluster_role(ac->dc, cs);
	attr_t at = role >= 0 ? colors_attr((color_role)role) | (ac->dc->attr & (A_BOLD | A_DIM))
	                      : ac->dc->attr;
	(void)w;
	for (size_t i = cs; i < ce; i++)
		ac->attrs[i - ac->a] = at;
	return 0;
}

/* Image mode: the row as a picture over blank cells (imgrows.h).  @return
 * false when it is drawn as text after all (out of memory). */
static bool
draw_image_row(struct draw_ctx *dc, const view_row *r)
{
	const drawer *d = dc->d;
	size_t n = r->vis_end - r->start;
	int cols = d->imgcols < dc->maxx - dc->x ? d->imgcols : dc->maxx - dc->x;
	attr_t *attrs = malloc((n ? n : 1) * sizeof *attrs);
	if (!attrs || cols < 1) {
		free(attrs);
		return false;
	}
	struct attr_ctx ac = { dc, attrs, r->start };
	for (size_t i = 0; i < n; i++)
		attrs[i] = dc->attr;
	layout_clusters(d->lay, r->s, r->start, r->vis_end, attr_cluster, &ac);
	imgrows_add(d->img, dc->y, dc->x, cols, r->s + r->start, n, attrs, A_NORMAL);
	free(attrs);
	return true;
}

void
draw_row(const drawer *d, const view_row *r, int y, int x, int maxx)
{
	attr_t attr = colors_attr(block_role(r->type));
	struct draw_ctx dc = { d, r->s, r->roman ? RENDER_SHAPED : deva_mode(d), y, x, maxx,
	                       attr, r->map, SIZE_MAX, SIZE_MAX, SIZE_MAX };
	if (r->blank)
		return;
	if (r->gloss)
		dc.attr |= A_DIM;  /* interlinear: the romanization is the gloss */
	if (d->spans && d->spans->n && (r->map || r->s == d->input))
		dc.sp0 = pk_spans_first_after(d->spans, r->src_a);
	if (d->marks && d->marks->n && (r->map || r->s == d->input))
		dc.mk0 = pk_spans_first_after(d->marks, r->src_a);
	if (d->found && d->found->n && (r->map || r->s == d->input))
		dc.fd0 = found_first(d->found, r->src_a);
	if (d->img && d->mode == RENDER_IMAGE && !r->roman &&
	    imgrows_wants(r->s + r->start, r->vis_end - r->start) && draw_image_row(&dc, r))
		return;
	layout_clusters(d->lay, r->s, r->start, r->vis_end, draw_cluster, &dc);
}

/* The first line of [a, b) of src at w columns, as draw_clipped() shows
 * it (leaving room for an ellipsis when cut and more would follow):
 * its layout in ls and rb, its buffer in *s.  @return whether text was
 * left out. */
static bool
clip_line(const drawer *d, const char *src, int w, size_t a, size_t b, bool cut, int ew,
          lay_lines *ls, rblock *rb, const char **s, bool *roman)
{
	render_mode m = d->ascii || d->mode == RENDER_LATIN ? RENDER_LATIN : RENDER_SHAPED;
	bool more = false;
	if (w > 0 && rblock_wrap(d->lay, d->tr, m, d->ascii, src, a, b, w, ls, rb) == 0 &&
	    ls->n > 0 && (more = cut && ls->n > 1) && w > ew) {
		/* again, leaving room for the ellipsis */
		lay_lines_clear(ls);
		rblock_free(rb);
		if (rblock_wrap(d->lay, d->tr, m, d->ascii, src, a, b, w - ew, ls, rb) < 0)
			lay_lines_clear(ls);
	}
	if (ls->n > 0)
		*s = rblock_line_buf(src, rb, 0, roman);
	return more;
}

static int
clipped(const drawer *d, const char *src, int y, int x, int w, size_t a, size_t b, attr_t attr,
        bool cut, bool pictures)
{
	lay_lines ls = { 0 };
	rblock rb = { 0 };
	const char *ell = d->ascii ? "..." : "\u2026", *s = NULL;
	int ew = d->ascii ? 3 : 1, used = 0;
	bool roman = false;
	bool more = clip_line(d, src, w, a, b, cut, ew, &ls, &rb, &s, &roman);

	if (ls.n > 0) {
		size_t la = ls.v[0].start, lb = ls.v[0].vis_end;
		used = ls.v[0].width;
		attr_t *attrs = NULL;
		if (pictures && !roman && lb > la && imgrows_wants(s + la, lb - la) &&
		    (y < LINES - 1 || imgrows_last_row(d->img)) &&
		    (attrs = malloc((lb - la) * sizeof *attrs))) {
			/* image mode: the picture over the cells the text takes */
			for (size_t i = 0; i < lb - la; i++)
				attrs[i] = attr;
			attrset(attr);
			mvhline(y, x, ' ', used);
			imgrows_add(d->img, y, x, used, s + la, lb - la, attrs, attr);
			free(attrs);
		} else {
			struct draw_ctx dc = { d, s, roman ? RENDER_SHAPED : deva_mode(d), y, x, x + w,
			                       attr, NULL, SIZE_MAX, SIZE_MAX, SIZE_MAX };
			layout_clusters(d->lay, s, la, lb, draw_cluster, &dc);
		}
		if (more && used + ew <= w) {
			attrset(attr);
			mvaddstr(y, x + used, ell);
			used += ew;
		}
	}
	lay_lines_free(&ls);
	rblock_free(&rb);
	return used;
}

int
draw_clipped(const drawer *d, const char *src, int y, int x, int w, size_t a, size_t b,
             attr_t attr, bool cut)
{
	return clipped(d, src, y, x, w, a, b, attr, cut, false);
}

int
draw_clipped_pic(const drawer *d, const char *src, int y, int x, int w, size_t a, size_t b,
                 attr_t attr, bool cut)
{
	return clipped(d, src, y, x, w, a, b, attr, cut, d->img && d->mode == RENDER_IMAGE);
}

int
draw_ui(int y, int x, const char *s, int maxcols)
{
	mbstate_t ms;
	int used = 0;
	memset(&ms, 0, sizeof ms);
	move(y, x);
	while (*s && used < maxcols) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, strlen(s), &ms);
		if (k == 0 || k == (size_t)-1 || k == (size_t)-2) {
			wc = L'?';  /* not UTF-8 (or the locale is not): one column */
			k = 1;
			memset(&ms, 0, sizeof ms);
		}
		int w = wcwidth(wc);
		if (w < 0)
			wc = L'?', w = 1;
		if (used + w > maxcols)
			break;
		wchar_t one[2] = { wc, 0 };
		addnwstr(one, 1);
		used += w;
		s += k;
	}
	return used;
}

void
draw_refresh(void)
{
	if (COLS == 1 && LINES > 0) {
		attr_t a;
		short pair;
		cchar_t blank;
		int y, x;
		getyx(stdscr, y, x);
		attr_get(&a, &pair, NULL);
		/* the blank curses clears to, so there is nothing to update */
		setcchar(&blank, L" ", A_NORMAL, 0, NULL);
		attr_set(A_NORMAL, 0, NULL);
		mvadd_wch(LINES - 1, 0, &blank);
		attr_set(a, pair, NULL);
		move(y, x);
	}
	refresh();
}
