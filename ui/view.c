/* view.c - the reader's view of a document, without a terminal (view.h). */
#include "config.h"

#include "view.h"
#include "rblock.h"

#include <limits.h>
#include <stdlib.h>

#define CACHE_N 64                 /* laid-out blocks kept */

/* One laid-out block. */
struct entry {
	pk_block blk;
	lay_lines lines;
	rblock rb;
	int width;
	bool has_next;
	size_t blanks;       /* blank rows after the block */
	bool used;
	unsigned long stamp;
};

struct view {
	pk_doc *doc;
	const pk_input *in;
	layout *lay;
	pk_translit *tr;     /* the romanizer, made on first use */
	render_mode mode;
	bool ascii;
	int width;           /* the text column */
	int rows;            /* text rows on screen */
	bool empty;
	view_pos top;
	struct entry cache[CACHE_N];
	unsigned long clock;
	/* What a re-layout keeps on top, remembered until the next motion so
	 * that a resize and its reverse come back to the same row. */
	bool anchored;
	size_t anchor;       /* input offset of the top row's text */
	bool anchor_blank;   /* the top row was the blank row after anchor_blk */
	pk_block anchor_blk;
	const view_filter *only;  /* show only the blocks it keeps, or NULL */
	bool verbatim;       /* lines as written: their indent, their blank lines */
};

/* ---------------------------------------------------------------- filtered walk */

/* The block holding kept offset m that lies in [lo, hi), or false. */
static bool
kept_block(view *v, size_t m, size_t lo, size_t hi, pk_block *out)
{
	return m != VIEW_KEEP_NONE && pk_doc_block_at(v->doc, m, out) && out->start >= lo &&
	       out->end <= hi && out->start <= m && m < out->end;
}

/* The first and last blocks, the next and the previous: of the document,
 * or of the blocks the filter keeps. */
static bool
doc_next(view *v, const pk_block *cur, pk_block *out)
{
	if (!v->only)
		return pk_doc_next(v->doc, cur, out);
	for (size_t off = cur->end; off <= v->in->len; off++) {
		size_t m = v->only->next(v->only->ctx, off);
		if (m == VIEW_KEEP_NONE)
			return false;
		if (kept_block(v, m, cur->end, v->in->len, out))
			return true;
		off = m;  /* between blocks: on from there */
	}
	return false;
}

static bool
doc_prev(view *v, const pk_block *cur, pk_block *out)
{
	if (!v->only)
		return pk_doc_prev(v->doc, cur, out);
	for (size_t off = cur->start; off > 0;) {
		size_t m = v->only->prev(v->only->ctx, off);
		if (m == VIEW_KEEP_NONE)
			return false;
		if (kept_block(v, m, 0, cur->start, out))
			return true;
		off = m;
	}
	return false;
}

static bool
doc_first(view *v, pk_block *out)
{
	pk_block z = { 0, 0, PK_BLOCK_PARAGRAPH };
	return v->only ? doc_next(v, &z, out) : pk_doc_first(v->doc, out);
}

static bool
doc_last(view *v, pk_block *out)
{
	pk_block z = { v->in->len, v->in->len, PK_BLOCK_PARAGRAPH };
	return v->only ? doc_prev(v, &z, out) : pk_doc_last(v->doc, out);
}

/* The block at off, or with a filter the kept one at or after it (else
 * before it). */
static bool
doc_block_at(view *v, size_t off, pk_block *out)
{
	pk_block z = { off, off, PK_BLOCK_PARAGRAPH };
	if (!v->only)
		return pk_doc_block_at(v->doc, off, out);
	if (pk_doc_block_at(v->doc, off, out) && out->start <= off && off < out->end) {
		size_t m = v->only->next(v->only->ctx, out->start);
		if (m != VIEW_KEEP_NONE && m < out->end)
			return true;
	}
	return doc_next(v, &z, out) || doc_prev(v, &z, out);
}

/* ---------------------------------------------------------------- blocks */

static struct entry *
block_entry(view *v, const pk_block *b)
{
	struct entry *victim = &v->cache[0];
	pk_block nx;

	for (int i = 0; i < CACHE_N; i++) {
		struct entry *e = &v->cache[i];
		if (e->used && e->blk.start == b->start && e->width == v->width) {
			e->stamp = ++v->clock;
			return e;
		}
		if (!e->used || e->stamp < victim->stamp)
			victim = e;
	}
	lay_lines_clear(&victim->lines);
	rblock_free(&victim->rb);
	victim->blk = *b;
	victim->width = v->width;
	victim->used = true;
	victim->stamp = ++v->clock;
	victim->has_next = doc_next(v, b, &nx);
	victim->blanks = victim->has_next ? 1 : 0;
	size_t a = b->start;
	if (v->verbatim) {
		/* the blank lines of the text, not one after each line, and the
		 * line's indent */
		if (victim->has_next && !v->only) {
			size_t nl = 0;
			for (size_t i = b->end; i < nx.start; i++)
				nl += v->in->bytes[i] == '\n';
			victim->blanks = nl > 1 ? nl - 1 : 0;
		}
		while (a > 0 && (v->in->bytes[a - 1] == ' ' || v->in->bytes[a - 1] == '\t'))
			a--;
	}
	if (rblock_wrap(v->lay, &v->tr, v->mode, v->ascii, v->in->bytes, a, b->end,
	                v->width, &victim->lines, &victim->rb) < 0 ||
	    victim->lines.n == 0) {
		/* Out of memory or ICU failure: show the block as one clipped line. */
		lay_lines_clear(&victim->lines);
		rblock_free(&victim->rb);
		if (victim->lines.cap || (victim->lines.v = malloc(sizeof *victim->lines.v))) {
			victim->lines.cap = victim->lines.cap ? victim->lines.cap : 1;
			victim->lines.v[0] = (lay_line){ b->start, b->end, b->end, v->width };
			victim->lines.n = 1;
		}
	}
	return victim;
}

static void
cache_flush(view *v)
{
	for (int i = 0; i < CACHE_N; i++)
		v->cache[i].used = false;
}

static size_t
block_rows(view *v, const pk_block *b)
{
	struct entry *e = block_entry(v, b);
	return e->lines.n + e->blanks;
}

/* ---------------------------------------------------------------- positions */

bool
view_pos_next(view *v, view_pos *q)
{
	pk_block nx;
	if (v->empty)
		return false;
	if (q->row + 1 < block_rows(v, &q->blk)) {
		q->row++;
		return true;
	}
	if (!doc_next(v, &q->blk, &nx))
		return false;
	q->blk = nx;
	q->row = 0;
	return true;
}

static bool
pos_prev(view *v, view_pos *q)
{
	pk_block pv;
	if (q->row > 0) {
		q->row--;
		return true;
	}
	if (!doc_prev(v, &q->blk, &pv))
		return false;
	q->blk = pv;
	q->row = block_rows(v, &pv) - 1;
	return true;
}

/* Row q's extent in input offsets (a blank row: the block's end, twice). */
static void
pos_src(view *v, const view_pos *q, size_t *a, size_t *b)
{
	struct entry *e = block_entry(v, &q->blk);
	if (q->row >= e->lines.n) {
		*a = *b = q->blk.end;
		return;
	}
	rblock_line_src(&e->rb, &e->lines.v[q->row], q->row, a, b);
}

/* The row `rows - 1` below q (or the last one); false when q is the last. */
static view_pos
pos_bottom(view *v, view_pos q)
{
	for (int i = 1; i < v->rows && view_pos_next(v, &q);)
		i++;
	return q;
}

/* Pull the text down so that no screen shows the last rows above empty
 * ones (as less does), when the document is long enough to fill it. */
static void
clamp_end(view *v)
{
	view_pos q = v->top;
	int n = 1;
	while (n < v->rows && view_pos_next(v, &q))
		n++;
	for (; n < v->rows && pos_prev(v, &v->top); n++)
		;
}

/* Put the row holding byte off on top (no clamping). */
static void
set_offset(view *v, size_t off)
{
	pk_block b;
	if (!doc_block_at(v, off, &b)) {
		if (off >= v->in->len && doc_last(v, &b)) {
			v->top.blk = b;
			v->top.row = block_rows(v, &b) - 1;
		}
		return;
	}
	struct entry *e = block_entry(v, &b);
	size_t r = 0;
	for (size_t i = 1, a, z; i < e->lines.n; i++) {
		if (e->rb.kinds && e->rb.kinds[i])
			continue;  /* interlinear: land on the Devanagari row */
		rblock_line_src(&e->rb, &e->lines.v[i], i, &a, &z);
		if (a > off)
			break;
		r = i;
	}
	v->top.blk = b;
	v->top.row = r;
}

/* ---------------------------------------------------------------- motion */

void
view_scroll(view *v, long n)
{
	v->anchored = false;
	if (v->empty)
		return;
	if (n < 0) {
		for (long i = 0; i > n && pos_prev(v, &v->top); i--)
			;
		return;
	}
	/* the top and the bottom move together until the bottom is the last row */
	view_pos bot = pos_bottom(v, v->top);
	for (long i = 0; i < n && view_pos_next(v, &bot); i++)
		view_pos_next(v, &v->top);
}

int
view_page(const view *v)
{
	return v->rows > 1 ? v->rows - 1 : 1;
}

void
view_top(view *v)
{
	v->anchored = false;
	if (!v->empty && doc_first(v, &v->top.blk))
		v->top.row = 0;
}

void
view_end(view *v)
{
	v->anchored = false;
	pk_block last;
	if (v->empty || !doc_last(v, &last))
		return;
	v->top.blk = last;
	v->top.row = block_rows(v, &last) - 1;
	clamp_end(v);
}

void
view_goto_line(view *v, size_t n)
{
	view_top(v);
	if (n > 1)
		view_scroll(v, n - 1 > (size_t)LONG_MAX ? LONG_MAX : (long)(n - 1));
}

void
view_goto_percent(view *v, int pct)
{
	v->anchored = false;
	if (v->empty)
		return;
	if (pct <= 0) {
		view_top(v);
		return;
	}
	if (pct >= 100) {
		view_end(v);
		return;
	}
	set_offset(v, (size_t)((double)v->in->len * pct / 100.0));
	clamp_end(v);
}

void
view_goto_offset(view *v, size_t off, int above)
{
	v->anchored = false;
	if (v->empty)
		return;
	set_offset(v, off);
	if (above > 0)
		view_scroll(v, -above);
	clamp_end(v);
}

/* ---------------------------------------------------------------- geometry */

/* Re-lay out (after the width or the mode changed): the text of the top
 * row stays on top; the blank row after a block stays with that block. */
static void
relayout(view *v, int width, int rows, render_mode mode)
{
	size_t z;

	/* the cache still has the old lines, so the anchor is right */
	if (!v->empty && !v->anchored) {
		pos_src(v, &v->top, &v->anchor, &z);
		v->anchor_blank = v->top.row >= block_entry(v, &v->top.blk)->lines.n;
		v->anchor_blk = v->top.blk;
		v->anchored = true;
	}
	v->width = width < 1 ? 1 : width;
	v->rows = rows < 0 ? 0 : rows;
	v->mode = mode;
	cache_flush(v);
	if (v->empty)
		return;
	set_offset(v, v->anchor);
	if (v->anchor_blank) {
		v->top.blk = v->anchor_blk;
		v->top.row = block_rows(v, &v->anchor_blk) - 1;
	}
	clamp_end(v);
}

void
view_resize(view *v, int width, int rows)
{
	relayout(v, width, rows, v->mode);
}

void
view_set_mode(view *v, render_mode mode)
{
	relayout(v, v->width, v->rows, mode);
}

void
view_set_verbatim(view *v, bool on)
{
	if (v->verbatim == on)
		return;
	v->verbatim = on;
	relayout(v, v->width, v->rows, v->mode);
}

render_mode view_mode(const view *v) { return v->mode; }
int view_rows(const view *v) { return v->rows; }
int view_width(const view *v) { return v->width; }
bool view_empty(const view *v) { return v->empty; }
layout *view_layout(view *v) { return v->lay; }
pk_translit **view_translit(view *v) { return &v->tr; }

/* ---------------------------------------------------------------- where */

view_pos
view_top_pos(const view *v)
{
	return v->top;
}

void
view_row_get(view *v, const view_pos *q, view_row *r)
{
	struct entry *e = block_entry(v, &q->blk);
	*r = (view_row){ .type = q->blk.type };
	if (q->row >= e->lines.n) {
		r->blank = true;
		r->src_a = r->src_b = q->blk.end;
		return;
	}
	const lay_line *ln = &e->lines.v[q->row];
	r->s = rblock_line_buf(v->in->bytes, &e->rb, q->row, &r->roman);
	r->map = r->roman ? e->rb.map : NULL;
	r->gloss = r->roman && e->rb.kinds;
	r->start = ln->start;
	r->vis_end = ln->vis_end;
	rblock_line_src(&e->rb, ln, q->row, &r->src_a, &r->src_b);
}

size_t
view_top_offset(view *v)
{
	size_t a = 0, b;
	if (!v->empty)
		pos_src(v, &v->top, &a, &b);
	return a;
}

void
view_screen_span(view *v, size_t *first, size_t *last)
{
	size_t a;
	*first = *last = 0;
	if (v->empty)
		return;
	view_pos bot = pos_bottom(v, v->top);
	pos_src(v, &v->top, first, &a);
	pos_src(v, &bot, &a, last);
}

bool
view_at_end(view *v)
{
	view_pos bot = pos_bottom(v, v->top);
	return v->empty || !view_pos_next(v, &bot);
}

int
view_percent(view *v)
{
	size_t len = v->in->len;
	return len ? (int)((double)view_top_offset(v) * 100.0 / (double)len) : 0;
}

size_t
view_paragraph(view *v)
{
	return v->empty ? (size_t)-1 : pk_doc_block_number(v->doc, v->top.blk.start);
}

/* ---------------------------------------------------------------- filter */

void
view_set_filter(view *v, const view_filter *only)
{
	size_t off = view_top_offset(v);
	v->anchored = false;
	v->only = only;
	cache_flush(v);
	/* without a filter the document decides; with one, whether it keeps any */
	v->empty = !pk_doc_first(v->doc, &v->top.blk) ||
	           (only && !doc_first(v, &v->top.blk));
	v->top.row = 0;
	if (!v->empty)
		view_goto_offset(v, off, 0);
}

void
view_input_grew(view *v)
{
	cache_flush(v);  /* the last block gains a next one, a title its type */
	if (v->empty) {
		v->empty = !pk_doc_first(v->doc, &v->top.blk) ||
		           (v->only && !doc_first(v, &v->top.blk));
		v->top.row = 0;
		return;
	}
	/* the top block keeps its start; its type (so its rows) may change */
	pk_block b;
	if (pk_doc_block_at(v->doc, v->top.blk.start, &b) && b.start == v->top.blk.start) {
		v->top.blk = b;
		if (v->top.row >= block_rows(v, &v->top.blk))
			v->top.row = 0;
	}
}

void
view_filter_grew(view *v)
{
	if (!v->only)
		return;
	view_pos top = v->top;
	cache_flush(v);  /* a block's blank row follows whether one comes after */
	if (v->empty) {
		view_set_filter(v, v->only);
		return;
	}
	v->top = top;
	if (v->top.row >= block_rows(v, &v->top.blk))
		v->top.row = block_rows(v, &v->top.blk) - 1;
	clamp_end(v);
}

const view_filter *
view_get_filter(const view *v)
{
	return v->only;
}

void
view_set_top(view *v, view_pos q)
{
	v->anchored = false;
	if (v->empty)
		return;
	v->top = q;
	if (v->top.row >= block_rows(v, &v->top.blk))
		v->top.row = block_rows(v, &v->top.blk) - 1;
	clamp_end(v);
}

/* The number of the laid-out line @p to_top stops at (the top line), or of
 * the last line when it is false; 0 past @p limit lines or when empty. */
static size_t
count_lines(view *v, bool to_top, size_t limit)
{
	view_pos q;
	size_t n = 1;
	if (v->empty || !doc_first(v, &q.blk))
		return 0;
	q.row = 0;
	while (!(to_top && q.blk.start == v->top.blk.start && q.row == v->top.row)) {
		if (!view_pos_next(v, &q))
			return to_top ? 0 : n;
		if (++n > limit)
			return 0;
	}
	return n;
}

size_t
view_line(view *v, size_t limit)
{
	return count_lines(v, true, limit);
}

size_t
view_lines(view *v, size_t limit)
{
	return count_lines(v, false, limit);
}

/* ---------------------------------------------------------------- life */

view *
view_new(pk_doc *doc, width_model m, render_mode mode, bool ascii)
{
	view *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->doc = doc;
	v->in = pk_doc_input(doc);
	v->mode = ascii ? RENDER_LATIN : mode;
	v->ascii = ascii;
	v->width = 1;
	v->rows = 1;
	v->lay = layout_new(m);
	if (!v->lay) {
		free(v);
		return NULL;
	}
	v->empty = !pk_doc_first(doc, &v->top.blk);
	v->top.row = 0;
	return v;
}

void
view_free(view *v)
{
	if (!v)
		return;
	for (int i = 0; i < CACHE_N; i++) {
		lay_lines_free(&v->cache[i].lines);
		rblock_free(&v->cache[i].rb);
	}
	pk_translit_free(v->tr);
	layout_free(v->lay);
	free(v);
}
