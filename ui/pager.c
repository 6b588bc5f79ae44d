/* pager.c - the reader pane: lazy layout, scrolling, status line, help. */
#include "config.h"

#include "pager.h"
#include "colors.h"
#include "grow.h"
#include "overlay.h"
#include "qlist.h"
#include "rblock.h"
#include "status.h"
#include "view.h"
#include "quotes.h"
#include "span.h"
#include "render.h"
#include "term.h"
#include "translit.h"
#include "width.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#define INDEX_STEP (8u << 20)      /* bytes indexed per idle slice */
/* Up to this size the quotations are found while idle after the first
 * screen; a larger file finds them when first asked (], [, "). */
#define QUOTES_IDLE_MAX (8u << 20)

struct pager {
	pk_doc *doc;
	const pk_input *in;
	view *v;             /* the laid-out document and the top row */
	layout *lay;         /* the view's, to draw clusters as it measured them */
	pager_opts o;
	int left;            /* left margin that centres the text column */
	bool help;           /* the help screen is up */
	pk_overlay *ov;      /* cluster model: Devanagari drawn after the update */
	const char *flash;   /* a message for the next status line */
	pk_quotes quotes;    /* the quotations, once found */
	bool quotes_done;
	pk_spans spans;      /* QUOTE and SPEAKER spans, sorted */
	size_t cur;          /* the quotation jumped to, or PK_QUOTE_NONE */
	qlist *ql;           /* the quote list, while it is open */
};

/* The text column: at most o.width, centred; the last row is the status. */
static void
geometry(pager *p)
{
	int cols = COLS > 0 ? COLS : 1;
	int w = p->o.width < cols ? p->o.width : cols;
	p->left = (cols - w) / 2;
	view_resize(p->v, w, LINES > 1 ? LINES - 1 : 0);
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
	const char *s;       /* the buffer: the input, or a romanized block */
	render_mode mode;
	int y, x, maxx;
	attr_t attr;
	const size_t *map;   /* romanized buffer: byte -> input offset */
	bool spans;          /* s is the input (or maps to it): colour spans */
};

/* The role of the span covering input byte off, or -1.  A speaker's
 * mention wins over a quotation; the quotation jumped to over others. */
static int
span_role(const pager *p, size_t off)
{
	const pk_spans *sp = &p->spans;
	size_t lo = 0, hi = sp->n;
	int role = -1;

	while (lo < hi) {  /* first span starting after off */
		size_t mid = lo + (hi - lo) / 2;
		if (sp->v[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* spans hardly nest: a few before it are all that can cover off */
	for (size_t i = lo, k = 0; i-- > 0 && k < 4; k++) {
		const pk_span *x = &sp->v[i];
		if (x->end <= off)
			continue;
		if (x->kind == PK_SPAN_SPEAKER)
			return ROLE_SPEAKER;
		if (x->kind == PK_SPAN_QUOTE && role != ROLE_QUOTE_CUR)
			role = x->payload == p->cur ? ROLE_QUOTE_CUR : ROLE_QUOTE;
	}
	return role;
}

static int
draw_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct draw_ctx *dc = ctx;
	uint32_t cps[RENDER_DISPLAY_MAX];
	wchar_t wcs[RENDER_DISPLAY_MAX + 1];
	size_t n = render_display(dc->mode, dc->s, cs, ce, cps);
	bool ctrl = false, multi = false;

	if (dc->x + w > dc->maxx)
		return 1;  /* clip: the window is narrower than the column */
	for (size_t i = 0; i < n; i++) {
		wcs[i] = (wchar_t)cps[i];
		ctrl |= (cps[i] >= 0x2400 && cps[i] <= 0x2421) || cps[i] == 0xFFFD;
		multi |= cps[i] >= 0x80;
	}
	wcs[n] = 0;
	attr_t attr = dc->attr;
	if (ctrl) {
		attr = colors_attr(ROLE_CONTROL);
	} else if (dc->spans && dc->p->spans.n) {
		int role = span_role(dc->p, dc->map ? dc->map[cs] : cs);
		if (role >= 0)  /* keep the block's weight (bold title, dim caption) */
			attr = colors_attr((color_role)role) | (dc->attr & (A_BOLD | A_DIM));
	}
	attrset(attr);
	if (dc->p->o.ascii) {
		/* not UTF-8: ASCII stand-ins (roman text is folded already) */
		char buf[2], out[64];
		size_t k = 0;
		for (size_t i = 0; i < n && k < sizeof out - 4; i++)
			for (const char *t = render_ascii(cps[i], buf); *t; t++)
				out[k++] = *t;
		out[k] = 0;
		mvaddnstr(dc->y, dc->x, out, w);
	} else if (dc->p->ov && multi && (n > 1 || width_cp(cps[0]) != w)) {
		/* curses cannot keep this cluster in the cells the terminal
		 * gives it: blank placeholders now, the text after the update */
		move(dc->y, dc->x);
		for (int i = 0; i < w; i++)
			addch(' ');
		overlay_add(dc->p->ov, dc->y, dc->x, w, attr, cps, n);
	} else {
		mvaddnwstr(dc->y, dc->x, wcs, (int)n);
	}
	dc->x += w;
	return 0;
}

/* Draw [a, b) of s; map (or s being the input) lets spans colour it.
 * Returns the column after the text. */
static int
draw_spanned(pager *p, const char *s, const size_t *map, render_mode mode, int y, int x,
             int maxx, size_t a, size_t b, attr_t attr)
{
	struct draw_ctx dc = { p, s, mode, y, x, maxx, attr, map,
	                       map != NULL || s == p->in->bytes };
	layout_clusters(p->lay, s, a, b, draw_cluster, &dc);
	return dc.x;
}

static int
draw_text(pager *p, const char *s, render_mode mode, int y, int x, int maxx,
          size_t a, size_t b, attr_t attr)
{
	struct draw_ctx dc = { p, s, mode, y, x, maxx, attr, NULL, false };
	layout_clusters(p->lay, s, a, b, draw_cluster, &dc);
	return dc.x;
}

/* The mode Devanagari rows are drawn in. */
static render_mode
deva_mode(const pager *p)
{
	return render_mode_roman(p->o.mode) ? p->o.deva : p->o.mode;
}

/* Write the first line of [a, b) laid out at w columns; returns its width.
 * In latin mode (or ASCII only) the romanized text.  With cut, text that
 * does not fit ends in an ellipsis (whole clusters, by display width). */
static int
draw_clipped_buf(pager *p, const char *src, int y, int x, int w, size_t a, size_t b,
                 attr_t attr, bool cut)
{
	lay_lines ls = { 0 };
	rblock rb = { 0 };
	render_mode m = p->o.ascii ? RENDER_LATIN : p->o.mode == RENDER_LATIN ? RENDER_LATIN : RENDER_SHAPED;
	const char *ell = p->o.ascii ? "..." : "\u2026";
	int ew = p->o.ascii ? 3 : 1, used = 0;
	bool more = false;

	if (w > 0 && rblock_wrap(p->lay, view_translit(p->v), m, p->o.ascii, src, a, b, w, &ls, &rb) == 0 &&
	    ls.n > 0 && (more = cut && ls.n > 1) && w > ew) {
		lay_lines_clear(&ls);
		rblock_free(&rb);
		if (rblock_wrap(p->lay, view_translit(p->v), m, p->o.ascii, src, a, b, w - ew, &ls, &rb) < 0)
			lay_lines_clear(&ls);
	}
	if (ls.n > 0) {
		bool roman;
		const char *s = rblock_line_buf(src, &rb, 0, &roman);
		draw_text(p, s, roman ? RENDER_SHAPED : deva_mode(p), y, x, x + w,
		          ls.v[0].start, ls.v[0].vis_end, attr);
		used = ls.v[0].width;
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

/* ---------------------------------------------------------------- quotations */

/* Find the quotations (once) and make their spans. */
static void
quotes_ensure(pager *p)
{
	if (p->quotes_done)
		return;
	p->quotes_done = true;
	if (pk_quotes_find(p->doc, &p->quotes) != PK_OK)
		return;  /* no quotations: the keys say so */
	for (size_t i = 0; i < p->quotes.n; i++) {
		const pk_quote *q = &p->quotes.v[i];
		pk_spans_push(&p->spans, (pk_span){ q->start, q->end, PK_SPAN_QUOTE, (uint32_t)i });
		if (q->mention_start != PK_QUOTE_NONE && q->mention_end > q->mention_start)
			pk_spans_push(&p->spans, (pk_span){ q->mention_start, q->mention_end,
			                                    PK_SPAN_SPEAKER, (uint32_t)i });
	}
	pk_spans_sort(&p->spans);
}

/* For a big file the search takes a moment: say so before it starts. */
static void
quotes_ensure_visibly(pager *p)
{
	if (p->quotes_done)
		return;
	if (LINES > 0) {
		attrset(colors_attr(ROLE_STATUS));
		mvaddnstr(LINES - 1, 0, " finding quotations... ", COLS);
		attrset(A_NORMAL);
		refresh();
	}
	quotes_ensure(p);
}

/* Make quotation i the current one and bring it on screen, with a little
 * context above, unless it is already wholly visible. */
static void
quote_show(pager *p, size_t i)
{
	const pk_quote *q = &p->quotes.v[i];
	size_t first, last;
	p->cur = i;
	view_screen_span(p->v, &first, &last);
	if (q->start >= first && q->end <= last)
		return;
	view_goto_offset(p->v, q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start,
	                 view_rows(p->v) > 8 ? 2 : 0);
}

/* ] and [: the next or previous quotation after the current one, or from
 * the top of the screen when none is current. */
static void
quote_step(pager *p, int dir)
{
	size_t n = p->quotes.n, first, last;
	if (n == 0) {
		p->flash = "no quotations in this article";
		return;
	}
	if (p->cur != PK_QUOTE_NONE) {
		if ((dir > 0 && p->cur + 1 >= n) || (dir < 0 && p->cur == 0)) {
			p->flash = dir > 0 ? "no more quotations below" : "no more quotations above";
			return;
		}
		quote_show(p, dir > 0 ? p->cur + 1 : p->cur - 1);
		return;
	}
	view_screen_span(p->v, &first, &last);
	if (dir > 0) {
		for (size_t i = 0; i < n; i++)
			if (p->quotes.v[i].start >= first) {
				quote_show(p, i);
				return;
			}
		p->flash = "no more quotations below";
	} else {
		for (size_t i = n; i-- > 0;)
			if (p->quotes.v[i].start < first) {
				quote_show(p, i);
				return;
			}
		p->flash = "no more quotations above";
	}
}

/* The quote list draws through the pager, so it shares its drawing. */
static int
ql_text(void *ctx, int y, int x, int maxx, const char *s, size_t a, size_t b, attr_t attr)
{
	pager *p = ctx;
	if (x >= maxx)
		return x;
	return x + draw_clipped_buf(p, s, y, x, maxx - x, a, b, attr, false);
}

static void
ql_where(void *ctx, size_t off, char *buf, size_t n)
{
	pager *p = ctx;
	size_t k = pk_doc_block_number(p->doc, off);
	pk_block b;
	if (k != (size_t)-1 && pk_doc_block_at(p->doc, off, &b))
		k = pk_doc_block_number(p->doc, b.start);
	if (k != (size_t)-1)
		snprintf(buf, n, p->o.ascii ? "P%-5zu" : "¶%-5zu", k + 1);
	else
		snprintf(buf, n, "%3d%%  ", p->in->len ? (int)(off * 100.0 / (double)p->in->len) : 0);
}

static int
status_text(void *ctx, int y, int x, int w, const char *s, size_t a, size_t b, attr_t attr,
            bool cut)
{
	return draw_clipped_buf(ctx, s, y, x, w, a, b, attr, cut);
}

static void
draw_status(pager *p)
{
	status_info st = { .empty = view_empty(p->v), .ascii = p->o.ascii, .flash = p->flash,
	                   .name = p->o.name };
	pk_block title;

	p->flash = NULL;
	if (!st.empty) {
		st.pct = view_percent(p->v);
		st.end = view_at_end(p->v);
		st.para = view_paragraph(p->v);
		st.paras = pk_doc_block_count(p->doc);
	}
	if (p->cur != PK_QUOTE_NONE) {
		st.quote = &p->quotes.v[p->cur];
		st.qnum = p->cur + 1;
		st.qcount = p->quotes.n;
	}
	if (pk_doc_first(p->doc, &title) && title.type == PK_BLOCK_TITLE) {
		st.title = p->in->bytes;
		st.title_a = title.start;
		st.title_b = title.end;
	}
	status_draw(&st, status_text, p);
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
	"  ]  [              next / previous quotation, with its speaker",
	"  Q                 list of quotations (type to filter, Tab: by speaker)",
	"  Esc               forget the current quotation",
	"  r                 render mode: shaped, reorder, halant,",
	"                    reorder+halant, latin, interlinear",
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
	if (p->ov)
		overlay_begin(p->ov);
	erase();
	if (p->help) {
		help_draw();
		return;
	}
	if (p->ql) {
		qlist_draw(p->ql, ql_text, ql_where, p);
		return;
	}
	view_pos q = view_top_pos(p->v);
	for (int y = 0; y < view_rows(p->v) && !view_empty(p->v); y++) {
		view_row r;
		view_row_get(p->v, &q, &r);
		if (!r.blank) {
			attr_t at = colors_attr(block_role(r.type));
			if (r.gloss)
				at |= A_DIM;  /* interlinear: the romanization is the gloss */
			draw_spanned(p, r.s, r.map, r.roman ? RENDER_SHAPED : deva_mode(p), y, p->left,
			             COLS, r.start, r.vis_end, at);
		}
		if (!view_pos_next(p->v, &q))
			break;
	}
	draw_status(p);
}

/* ---------------------------------------------------------------- keys */

bool
pager_key(pager *p, int ch)
{
	int page = view_page(p->v);

	if (ch == KEY_RESIZE) {
		pager_resize(p);
		return true;
	}
	if (p->help) {
		p->help = false;  /* any key closes the help */
		return true;
	}
	if (p->ql) {
		ql_result r = qlist_key(p->ql, ch);
		if (r == QL_JUMP)
			quote_show(p, qlist_choice(p->ql));
		if (r != QL_STAY) {
			qlist_free(p->ql);
			p->ql = NULL;
		}
		return true;
	}
	switch (ch) {
	case 'q':
		return false;
	case ']':
		quotes_ensure_visibly(p);
		quote_step(p, 1);
		break;
	case '[':
		quotes_ensure_visibly(p);
		quote_step(p, -1);
		break;
	case 'Q':
		quotes_ensure_visibly(p);
		if (p->quotes.n == 0)
			p->flash = "no quotations in this article";
		else if (!(p->ql = qlist_new(&p->quotes, p->in->bytes, p->cur)))
			p->flash = "out of memory";
		break;
	case 27:  /* Esc */
		p->cur = PK_QUOTE_NONE;
		break;
	case 'j': case KEY_DOWN: case '\n': case '\r': case KEY_ENTER: case 'e' & 0x1f:
		view_scroll(p->v, 1);
		break;
	case 'k': case KEY_UP: case 'y' & 0x1f: case 'p' & 0x1f:
		view_scroll(p->v, -1);
		break;
	case ' ': case 'f': case KEY_NPAGE: case 'f' & 0x1f:
		view_scroll(p->v, page);
		break;
	case 'b': case KEY_PPAGE: case 'b' & 0x1f:
		view_scroll(p->v, -page);
		break;
	case 'd': case 'd' & 0x1f:
		view_scroll(p->v, page / 2 ? page / 2 : 1);
		break;
	case 'u': case 'u' & 0x1f:
		view_scroll(p->v, -page / 2 ? page / 2 : 1);
		break;
	case 'g': case KEY_HOME: case '<':
		view_top(p->v);
		break;
	case 'G': case KEY_END: case '>':
		view_end(p->v);
		break;
	case '?': case KEY_F(1): case 'h':
		p->help = true;
		break;
	case 'l' & 0x1f:
		clearok(curscr, TRUE);
		break;
	case 'r':
		if (p->o.ascii) {
			p->flash = "render: latin (the locale is not UTF-8)";
			break;
		}
		/* the cache still has the old lines, so the anchor is right */
		p->o.mode = render_mode_next(p->o.mode);
		p->flash = render_mode_name(p->o.mode);
		view_set_mode(p->v, p->o.mode);
		break;
	case KEY_RESIZE:
		pager_resize(p);
		break;
	default:
		break;
	}
	return true;
}

void
pager_resize(pager *p)
{
	geometry(p);
}

bool
pager_busy(const pager *p)
{
	return !pk_doc_indexed(p->doc) ||
	       (!p->quotes_done && p->in->len <= QUOTES_IDLE_MAX);
}

bool
pager_idle(pager *p)
{
	if (!pk_doc_indexed(p->doc))
		return pk_doc_index_step(p->doc, INDEX_STEP);  /* done: ¶ n/N */
	if (!p->quotes_done && p->in->len <= QUOTES_IDLE_MAX) {
		quotes_ensure(p);
		return p->quotes.n > 0;  /* the quotations get their colour */
	}
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
	p->cur = PK_QUOTE_NONE;
	if (p->o.width < 1)
		p->o.width = 80;
	if (p->o.ascii)
		p->o.mode = RENDER_LATIN;
	if (render_mode_roman(p->o.deva))
		p->o.deva = RENDER_REORDER;
	p->v = view_new(doc, o->model, p->o.mode, o->ascii);
	if (!p->v || (o->model == WIDTH_CLUSTER && !o->ascii && !(p->ov = overlay_new()))) {
		view_free(p->v);
		free(p);
		return NULL;
	}
	p->lay = view_layout(p->v);
	geometry(p);
	return p;
}

void
pager_free(pager *p)
{
	if (!p)
		return;
	qlist_free(p->ql);
	pk_quotes_free(&p->quotes);
	pk_spans_free(&p->spans);
	overlay_free(p->ov);
	view_free(p->v);
	free(p);
}

void
pager_overlay(pager *p)
{
	if (p->ov)
		overlay_flush(p->ov);
}

render_mode
pager_mode(const pager *p)
{
	return p->o.mode;
}
