/* pager.c - the reader pane: lazy layout, scrolling, status line, help. */
#include "config.h"

#include "pager.h"
#include "colors.h"
#include "grow.h"
#include "keys.h"
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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

/* = counts the lines of a file up to this size. */
#define INFO_LINES_MAX (2u << 20)
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
	keys_state keys;     /* a count or a key sequence being typed */
	char msg[512];       /* the text of a composed flash */
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

/* A motion may take the current quotation off screen: then it is no
 * longer current (] and [ count from the screen, the status line stops
 * naming it). */
static void
follow_screen(pager *p)
{
	size_t first, last;
	if (p->cur == PK_QUOTE_NONE)
		return;
	const pk_quote *q = &p->quotes.v[p->cur];
	view_screen_span(p->v, &first, &last);
	if (q->end <= first || q->start >= last)
		p->cur = PK_QUOTE_NONE;
}

/*
 * ] and [ step from what is on screen.  While the current quotation is on
 * screen, the next or previous one; otherwise ] takes the first quotation
 * that starts on or below the top line and [ the last one that starts
 * above the end of the bottom line (less searches forward from the top
 * line and backward from the bottom one).  @return false when there is
 * none (the status line says so).
 */
static bool
quote_step(pager *p, int dir)
{
	size_t n = p->quotes.n, first, last;
	if (n == 0) {
		p->flash = "no quotations in this article";
		return false;
	}
	follow_screen(p);
	if (p->cur != PK_QUOTE_NONE) {
		if (dir > 0 ? p->cur + 1 < n : p->cur > 0) {
			quote_show(p, dir > 0 ? p->cur + 1 : p->cur - 1);
			return true;
		}
	} else {
		view_screen_span(p->v, &first, &last);
		if (dir > 0) {
			for (size_t i = 0; i < n; i++)
				if (p->quotes.v[i].start >= first) {
					quote_show(p, i);
					return true;
				}
		} else {
			for (size_t i = n; i-- > 0;)
				if (p->quotes.v[i].start < last) {
					quote_show(p, i);
					return true;
				}
		}
	}
	p->flash = dir > 0 ? "no more quotations below" : "no more quotations above";
	return false;
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

/* The help screen, printed from the key table. */
static void
help_draw(void)
{
	char line[256];
	attrset(colors_attr(ROLE_HELP));
	for (int i = 0; i < LINES && keys_help_line((size_t)i, line, sizeof line); i++) {
		move(i, 0);
		clrtoeol();
		mvaddnstr(i, 2 < COLS ? 2 : 0, line, COLS > 2 ? COLS - 2 : COLS);
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

/* curses' key -> the key table's code. */
static int
key_code(int ch)
{
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: return PK_KEY_ENTER;
	case KEY_DOWN: return PK_KEY_DOWN;
	case KEY_UP: return PK_KEY_UP;
	case KEY_NPAGE: return PK_KEY_PGDN;
	case KEY_PPAGE: return PK_KEY_PGUP;
	case KEY_HOME: return PK_KEY_HOME;
	case KEY_END: return PK_KEY_END;
	case KEY_F(1): return PK_KEY_F1;
	case KEY_BACKSPACE: return 127;
	default: return ch >= KEY_MIN ? PK_KEY_OTHER : ch;
	}
}

/* A message for the status line, kept in the pager. */
static void
say(pager *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof p->msg, fmt, ap);
	va_end(ap);
	p->flash = p->msg;
}

/* = and Ctrl-G: the file name, the lines on screen, the paragraph, the
 * percent and the size.  Lines are counted only in a file of modest size
 * (counting lays out everything before the top). */
static void
show_info(pager *p)
{
	char lines[64] = "", para[48] = "";
	const char *name = p->o.name ? p->o.name : "(stdin)";
	const char *pil = p->o.ascii ? "P" : "\u00b6";
	size_t len = p->in->len;

	if (view_empty(p->v)) {
		say(p, "%s  %zu bytes", name, len);
		return;
	}
	if (len <= INFO_LINES_MAX) {
		size_t top = view_line(p->v, (size_t)-1), all = view_lines(p->v, (size_t)-1);
		size_t bot = top + (size_t)view_rows(p->v) - 1;
		snprintf(lines, sizeof lines, "lines %zu-%zu/%zu  ", top, bot < all ? bot : all, all);
	}
	size_t k = view_paragraph(p->v), c = pk_doc_block_count(p->doc);
	if (k != (size_t)-1 && c != (size_t)-1)
		snprintf(para, sizeof para, "%s %zu/%zu  ", pil, k + 1, c);
	else if (k != (size_t)-1)
		snprintf(para, sizeof para, "%s %zu/?  ", pil, k + 1);
	say(p, "%s  %s%s%d%%  %zu bytes", name, lines, para, view_percent(p->v), len);
}

/* Do what a key of the table asks, @p n times or at @p n (-1: none).
 * @return false to quit. */
static bool
pager_act(pager *p, key_action act, long n)
{
	int page = view_page(p->v), half = page / 2 ? page / 2 : 1;
	long times = n > 0 ? n : 1;

	switch (act) {
	case ACT_QUIT:
		return false;
	case ACT_DOWN:
		view_scroll(p->v, times);
		break;
	case ACT_UP:
		view_scroll(p->v, -times);
		break;
	case ACT_PAGE_DOWN:
		view_scroll(p->v, n > 0 ? n : page);
		break;
	case ACT_PAGE_UP:
		view_scroll(p->v, -(n > 0 ? n : page));
		break;
	case ACT_HALF_DOWN:
		view_scroll(p->v, n > 0 ? n : half);
		break;
	case ACT_HALF_UP:
		view_scroll(p->v, -(n > 0 ? n : half));
		break;
	case ACT_TOP:
		if (n > 0)
			view_goto_line(p->v, (size_t)n);
		else
			view_top(p->v);
		break;
	case ACT_END:
		if (n > 0)
			view_goto_line(p->v, (size_t)n);
		else
			view_end(p->v);
		break;
	case ACT_PERCENT:
		view_goto_percent(p->v, n > 100 ? 100 : n > 0 ? (int)n : 0);
		break;
	case ACT_QUOTE_NEXT:
	case ACT_QUOTE_PREV:
		quotes_ensure_visibly(p);
		for (long i = 0; i < times && quote_step(p, act == ACT_QUOTE_NEXT ? 1 : -1); i++)
			;
		return true;
	case ACT_QUOTE_LIST:
		quotes_ensure_visibly(p);
		if (p->quotes.n == 0)
			p->flash = "no quotations in this article";
		else if (!(p->ql = qlist_new(&p->quotes, p->in->bytes, p->cur)))
			p->flash = "out of memory";
		return true;
	case ACT_FORGET:
		p->cur = PK_QUOTE_NONE;
		return true;
	case ACT_RENDER:
		if (p->o.ascii) {
			p->flash = "render: latin (the locale is not UTF-8)";
			return true;
		}
		p->o.mode = render_mode_next(p->o.mode);
		p->flash = render_mode_name(p->o.mode);
		view_set_mode(p->v, p->o.mode);
		return true;
	case ACT_INFO:
		show_info(p);
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return true;
	case ACT_HELP:
		p->help = true;
		return true;
	case ACT_NONE:
	case ACT_N:
		return true;
	}
	follow_screen(p);
	return true;
}

bool
pager_key(pager *p, int ch)
{
	key_action act = ACT_NONE;
	long n = -1;
	char seq[48];

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
	switch (keys_feed(&p->keys, key_code(ch), &act, &n)) {
	case KEYS_MORE:
		/* a count or a prefix being typed: show it, as less does */
		keys_seq_name(&p->keys, seq, sizeof seq);
		say(p, "%s", seq);
		return true;
	case KEYS_UNBOUND:
		keys_seq_name(&p->keys, seq, sizeof seq);
		if (ch >= KEY_MIN && keyname(ch))
			snprintf(seq, sizeof seq, "%s", keyname(ch));
		say(p, "%s: no such key (press ? for help)", seq);
		return true;
	case KEYS_CANCEL:
		return true;
	case KEYS_DONE:
		break;
	}
	return pager_act(p, act, n);
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
	p->keys = (keys_state)KEYS_STATE_INIT;
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
