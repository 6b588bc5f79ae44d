/*
 * pager.c - the reader pane: the screens (text, help, quote list), the
 * actions of the key table, the quotations, background work.  The view
 * (view.c) holds the positions, draw.c the drawing of text, status.c the
 * status line, keys.c the keys, overlay.c the cluster overlay.
 */
#include "config.h"

#include "pager.h"
#include "colors.h"
#include "draw.h"
#include "entities.h"
#include "epane.h"
#include "keys.h"
#include "overlay.h"
#include "qlist.h"
#include "qnav.h"
#include "status.h"
#include "view.h"
#include "quotes.h"
#include "span.h"

#include <curses.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* = counts the lines of a file up to this size. */
#define INFO_LINES_MAX (1u << 20)
#define INDEX_STEP (8u << 20)      /* bytes indexed per idle slice */
/* Up to this size the quotations are found while idle after the first
 * screen; a larger file finds them when first asked (], [, "). */
#define QUOTES_IDLE_MAX (8u << 20)
/* The entity pane: its width, and the narrowest window that has room for
 * it beside a text column. */
#define PANE_MIN_W 28
#define PANE_MAX_W 36
#define PANE_MIN_COLS 60
#define PANE_FILTER_MAX 128
/* Tagging runs at a few hundred thousand words a second: up to this size
 * the entities are found while idle (a slice of under half a second);
 * up to ENTS_MAX when the pane opens; a larger file has none (as --json). */
#define ENTS_IDLE_MAX (1u << 20)
#define ENTS_MAX (16u << 20)

struct pager {
	pk_doc *doc;
	const pk_input *in;
	view *v;             /* the laid-out document and the top row */
	drawer d;            /* how text is drawn (draw.h) */
	pager_opts o;
	int left;            /* left margin that centres the text column */
	bool help;           /* the help screen is up */
	int help_top;        /* its first line shown, when it is taller than the window */
	const char *flash;   /* a message for the next status line */
	pk_quotes quotes;    /* the quotations, once found */
	bool quotes_done;
	pk_spans spans;      /* QUOTE and SPEAKER spans, sorted */
	size_t cur;          /* the quotation jumped to, or PK_QUOTE_NONE */
	qlist *ql;           /* the quote list, while it is open */
	keys_state keys;     /* a count or a key sequence being typed */
	char msg[512];       /* the text of a composed flash */

	/* the entity pane (e) */
	pk_ner *ner;         /* the model, once loaded */
	pk_status ner_st;    /* why it is not loaded */
	pk_entities ents;    /* the entities, once found */
	bool ents_done;
	epane *ep;           /* the pane's rows (epane.h), once found */
	bool pane;           /* the user wants the pane open */
	int pw;              /* its width now; 0 when it is not shown */
	int textcols;        /* the columns left of it (the whole width without it) */
	bool pane_focus;     /* keys go to the pane */
	bool filtering;      /* letters go to the filter */
	char filter[PANE_FILTER_MAX];
	size_t nfilter;
	size_t esel;         /* the entity highlighted in the text (Enter), or EP_NONE */
	size_t nmen, mcur;   /* its mentions, the one jumped to (EP_NONE: none) */
	size_t *mst, *men;   /* their starts and ends */
	size_t nquo, qcur;   /* its quotations, the one jumped to */
	size_t *qidx, *qst, *qen;  /* their indices into quotes, starts and ends */
	pk_spans marks;      /* the mentions as spans, payload their number */
	char note[320];      /* what n N ] [ last did, while it is on screen */
	bool note_quote;     /* the note is of a quotation (] [), else of a mention */
};

/* The text column: at most o.width, centred in the columns left of the
 * entity pane (when it is shown: a column of its own for its edge and one
 * between the text and the edge); the last row is the status. */
static void
geometry(pager *p)
{
	int cols = COLS > 0 ? COLS : 1;
	p->pw = 0;
	if (p->pane && cols >= PANE_MIN_COLS) {
		p->pw = cols / 3;
		p->pw = p->pw < PANE_MIN_W ? PANE_MIN_W : p->pw > PANE_MAX_W ? PANE_MAX_W : p->pw;
	}
	if (!p->pw)
		p->pane_focus = p->filtering = false;
	p->textcols = p->pw ? cols - p->pw - 2 : cols;
	int w = p->o.width < p->textcols ? p->o.width : p->textcols;
	p->left = (p->textcols - w) / 2;
	if (p->d.ov)
		overlay_fence(p->d.ov, p->pw ? p->textcols + 1 : -1);
	view_resize(p->v, w, LINES > 1 ? LINES - 1 : 0);
}

static void say(pager *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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
	qnav_spans(&p->quotes, &p->spans);  /* short of memory: less colour */
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
 * longer current (the status line stops naming it, ] and [ count from the
 * screen). */
static void
follow_screen(pager *p)
{
	size_t first, last;
	view_screen_span(p->v, &first, &last);
	if (p->cur != PK_QUOTE_NONE && !qnav_on_screen(&p->quotes.v[p->cur], first, last))
		p->cur = PK_QUOTE_NONE;
	/* n N ] [ say what they jumped to while it is on screen */
	if (p->note_quote ? p->cur == PK_QUOTE_NONE
	                  : p->mcur != EP_NONE && !(p->men[p->mcur] > first && p->mst[p->mcur] < last))
		p->note[0] = 0;
}

/* ] and [ (qnav.h).  @return false when there is none that way (the
 * status line says so). */
static bool
quote_step(pager *p, int dir)
{
	size_t first, last, i;
	if (p->quotes.n == 0) {
		p->flash = "no quotations in this article";
		return false;
	}
	view_screen_span(p->v, &first, &last);
	i = qnav_step(&p->quotes, p->cur, first, last, dir);
	if (i == PK_QUOTE_NONE) {
		p->flash = dir > 0 ? "no more quotations below" : "no more quotations above";
		return false;
	}
	quote_show(p, i);
	return true;
}

/* ---------------------------------------------------------------- entities */

/* Find the entities (once), after the quotations (their speakers are
 * persons, and are then named through the entities), and make the pane's
 * rows. */
static void
ents_ensure(pager *p)
{
	if (p->ents_done)
		return;
	quotes_ensure(p);
	p->ents_done = true;
	if (p->in->len > ENTS_MAX)
		return;  /* the pane says "too big" */
	if (!(p->ner = pk_ner_load_default(&p->ner_st)))
		return;  /* the pane says "no entity model" */
	if (pk_entities_find(p->doc, p->ner, &p->quotes, &p->ents) != PK_OK)
		return;
	/* the speakers named as their entities; a person's quotations counted */
	pk_entities_link_speakers(&p->ents, p->doc, &p->quotes);
	pk_translit *tr = pk_translit_new(PK_ROMAN_ASCII, NULL);
	p->ep = epane_new(&p->ents, tr);  /* short of memory: "no entities" */
	pk_translit_free(tr);
}

/* For a big file finding them takes a moment: say so before. */
static void
ents_ensure_visibly(pager *p)
{
	if (p->ents_done)
		return;
	if (LINES > 0) {
		attrset(colors_attr(ROLE_STATUS));
		mvaddnstr(LINES - 1, 0, " finding entities... ", COLS);
		attrset(A_NORMAL);
		refresh();
	}
	ents_ensure(p);
}

static const char *
ent_name(const pager *p, size_t ent)
{
	return p->ents.e[ent].name;
}

/* Forget the entity highlighted in the text. */
static void
ent_clear(pager *p)
{
	free(p->mst);
	free(p->men);
	free(p->qidx);
	free(p->qst);
	free(p->qen);
	p->mst = p->men = p->qidx = p->qst = p->qen = NULL;
	p->nmen = p->nquo = 0;
	p->mcur = p->qcur = EP_NONE;
	p->esel = EP_NONE;
	p->marks.n = 0;
	p->d.mcur = EP_NONE;
	p->note[0] = 0;
}

/* Highlight entity @p ent in the text: its mentions and its quotations. */
static bool
ent_select(pager *p, size_t ent)
{
	size_t *mi, *qi, nm, nq;
	ent_clear(p);
	mi = epane_mentions(&p->ents, ent, &nm);
	qi = epane_quotes(&p->ents, &p->quotes, ent, &nq);
	p->mst = malloc((nm ? nm : 1) * sizeof *p->mst);
	p->men = malloc((nm ? nm : 1) * sizeof *p->men);
	p->qst = malloc((nq ? nq : 1) * sizeof *p->qst);
	p->qen = malloc((nq ? nq : 1) * sizeof *p->qen);
	if (!p->mst || !p->men || !p->qst || !p->qen) {
		free(mi);
		free(qi);
		ent_clear(p);
		p->flash = "out of memory";
		return false;
	}
	for (size_t i = 0; i < nm; i++) {
		const pk_mention *m = &p->ents.m[mi[i]];
		p->mst[i] = m->start;
		p->men[i] = m->end;
		pk_spans_push(&p->marks, (pk_span){ m->start, m->end, PK_SPAN_ENTITY, (uint32_t)i });
	}
	pk_spans_sort(&p->marks);  /* short of memory: fewer marks */
	for (size_t i = 0; i < nq; i++) {
		const pk_quote *q = &p->quotes.v[qi[i]];
		p->qst[i] = q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start;
		p->qen[i] = q->end;
	}
	free(mi);
	p->qidx = qi;
	p->nmen = nm;
	p->nquo = nq;
	p->esel = ent;
	return true;
}

/* Bring bytes [a, b) on screen unless they are, with a little context. */
static void
show_range(pager *p, size_t a, size_t b)
{
	size_t first, last;
	view_screen_span(p->v, &first, &last);
	if (a >= first && b <= last)
		return;
	view_goto_offset(p->v, a, view_rows(p->v) > 8 ? 2 : 0);
}

static void
mention_show(pager *p, size_t k)
{
	p->mcur = p->d.mcur = k;
	show_range(p, p->mst[k], p->men[k]);
	snprintf(p->note, sizeof p->note, "mention %zu/%zu of %s", k + 1, p->nmen,
	         ent_name(p, p->esel));
	p->note_quote = false;
}

/* n and N over the selected entity's mentions. */
static bool
mention_step(pager *p, int dir)
{
	size_t first, last, k;
	view_screen_span(p->v, &first, &last);
	k = epane_step(p->mst, p->men, p->nmen, p->mcur, first, last, dir);
	if (k == EP_NONE) {
		say(p, "no more mentions of %s %s", ent_name(p, p->esel),
		    dir > 0 ? "below" : "above");
		return false;
	}
	mention_show(p, k);
	return true;
}

/* ] and [ over the selected person's quotations. */
static bool
ent_quote_step(pager *p, int dir)
{
	size_t first, last, k;
	if (p->nquo == 0) {
		say(p, "no quotations of %s", ent_name(p, p->esel));
		return false;
	}
	view_screen_span(p->v, &first, &last);
	k = epane_step(p->qst, p->qen, p->nquo, p->qcur, first, last, dir);
	if (k == EP_NONE) {
		say(p, "no more quotations of %s %s", ent_name(p, p->esel),
		    dir > 0 ? "below" : "above");
		return false;
	}
	p->qcur = k;
	quote_show(p, p->qidx[k]);
	snprintf(p->note, sizeof p->note, "quote %zu/%zu of %s", k + 1, p->nquo,
	         ent_name(p, p->esel));
	p->note_quote = true;
	return true;
}

/* Enter in the pane: highlight the selected entity, jump to its first mention. */
static void
pane_choose(pager *p)
{
	size_t ent = p->ep ? epane_selected(p->ep) : EP_NONE;
	if (ent == EP_NONE) {
		p->flash = "no entity selected";
		return;
	}
	if (ent_select(p, ent) && p->nmen > 0)
		mention_show(p, 0);
}

static void
pane_refilter(pager *p)
{
	p->filter[p->nfilter] = 0;
	if (p->ep && epane_filter(p->ep, p->filter) < 0)
		p->flash = "out of memory";
}

/* A key while the pane has the focus.  @return false when it is not the
 * pane's: the key table has it then. */
static bool
pane_key(pager *p, int ch)
{
	int page = LINES > 4 ? LINES - 3 : 1;

	if (p->filtering) {
		switch (ch) {
		case 27:
			p->nfilter = 0;
			p->filtering = false;
			pane_refilter(p);
			return true;
		case '\n': case '\r': case KEY_ENTER:
			p->filtering = false;
			pane_choose(p);
			return true;
		case '\t':
			p->filtering = false;
			return false;
		case KEY_DOWN: case 'n' & 0x1f:
			if (p->ep)
				epane_move(p->ep, 1);
			return true;
		case KEY_UP: case 'p' & 0x1f:
			if (p->ep)
				epane_move(p->ep, -1);
			return true;
		case KEY_BACKSPACE: case 127: case 8:
			if (!p->nfilter) {
				p->filtering = false;
				return true;
			}
			do  /* a whole UTF-8 character */
				p->nfilter--;
			while (p->nfilter && ((unsigned char)p->filter[p->nfilter] & 0xC0) == 0x80);
			pane_refilter(p);
			return true;
		case 'u' & 0x1f:
			p->nfilter = 0;
			pane_refilter(p);
			return true;
		default:
			/* printable bytes (UTF-8 arrives byte by byte) extend it */
			if (ch >= 0x20 && ch <= 0xFF && ch != 0x7F &&
			    p->nfilter + 1 < PANE_FILTER_MAX) {
				p->filter[p->nfilter++] = (char)ch;
				/* wait for the rest of a multibyte character */
				if ((ch & 0xC0) != 0xC0)
					pane_refilter(p);
			}
			return true;
		}
	}
	switch (ch) {
	case 'j': case KEY_DOWN: case 'n' & 0x1f:
		if (p->ep)
			epane_move(p->ep, 1);
		return true;
	case 'k': case KEY_UP: case 'p' & 0x1f:
		if (p->ep)
			epane_move(p->ep, -1);
		return true;
	case KEY_NPAGE:
		if (p->ep)
			epane_move(p->ep, page);
		return true;
	case KEY_PPAGE:
		if (p->ep)
			epane_move(p->ep, -page);
		return true;
	case 'g': case KEY_HOME:
		if (p->ep)
			epane_move(p->ep, -(long)epane_nrows(p->ep));
		return true;
	case 'G': case KEY_END:
		if (p->ep)
			epane_move(p->ep, (long)epane_nrows(p->ep));
		return true;
	case '\n': case '\r': case KEY_ENTER:
		pane_choose(p);
		return true;
	case '/':
		p->filtering = true;
		return true;
	case 27:
		if (!p->nfilter)
			return false;  /* Esc: the key table's */
		p->nfilter = 0;
		pane_refilter(p);
		return true;
	case KEY_BACKSPACE: case 127: case 8:
		if (p->nfilter) {
			p->filtering = true;
			return pane_key(p, ch);
		}
		return true;
	default:
		if ((ch >= 0x80 && ch <= 0xFF) ||
		    (ch < 0x80 && isalpha(ch) && !strchr("jkgGnNeqh", ch))) {
			p->filtering = true;
			return pane_key(p, ch);
		}
		return false;
	}
}

/* The pane's counts of entity @p e: "13 · 4 quotes", or shorter. */
static int
pane_counts(const pager *p, const pk_entity *e, int room, char *buf, size_t n)
{
	const char *dot = p->o.ascii ? "," : " \u00b7";
	int len;
	if (e->type == PK_ENT_PER && e->quotes > 0) {
		len = snprintf(buf, n, "%zu%s %zu quote%s", e->mentions, dot, e->quotes,
		               e->quotes == 1 ? "" : "s");
		if (len - (p->o.ascii ? 0 : 1) > room)
			len = snprintf(buf, n, "%zu%s %zuq", e->mentions, dot, e->quotes);
		return len - (p->o.ascii ? 0 : 1);  /* the dot: two bytes, one column */
	}
	return snprintf(buf, n, "%zu", e->mentions);
}

static color_role
type_role(pk_ent_type t)
{
	return t == PK_ENT_PER ? ROLE_ENT_PER : t == PK_ENT_LOC ? ROLE_ENT_LOC : ROLE_ENT_ORG;
}

/* The pane: its edge, a header, the rows, the filter on its last row. */
static void
pane_draw(pager *p)
{
	int edge = p->textcols + 1, x0 = edge + 1, w = p->pw, rows = LINES - 1;
	char buf[160];

	attrset(A_NORMAL);
	for (int y = 0; y < rows; y++) {
		if (p->o.ascii)
			mvaddch(y, edge, '|');
		else
			mvaddwstr(y, edge, L"\u2502");
	}
	if (rows < 1)
		return;
	/* the header: reverse while the pane has the focus */
	attrset(p->pane_focus ? colors_attr(ROLE_STATUS) : A_BOLD);
	move(0, x0);
	for (int x = x0; x < COLS; x++)
		addch(' ');
	if (!p->ents_done)
		snprintf(buf, sizeof buf, " finding entities...");
	else if (p->in->len > ENTS_MAX)
		snprintf(buf, sizeof buf, " too big for entities (%u MB)", ENTS_MAX >> 20);
	else if (!p->ner)
		snprintf(buf, sizeof buf, " no entity model");
	else if (!p->ep)
		snprintf(buf, sizeof buf, " no entities");
	else if (p->nfilter) {
		size_t shown = 0;
		for (size_t r = 0; r < epane_nrows(p->ep); r++)
			shown += !epane_row(p->ep, r)->head;
		snprintf(buf, sizeof buf, " Entities: %zu of %zu", shown, p->ents.ne);
	} else
		snprintf(buf, sizeof buf, " Entities: %zu", p->ents.ne);
	mvaddnstr(0, x0, buf, w);
	attrset(A_NORMAL);
	if (!p->ep)
		return;

	bool frow = p->filtering || p->nfilter;  /* the last row shows the filter */
	int list = rows - 1 - (frow ? 1 : 0);
	size_t top = epane_top(p->ep, list > 0 ? (size_t)list : 0);
	size_t sel = epane_sel_row(p->ep);
	for (int y = 0; y < list && top + (size_t)y < epane_nrows(p->ep); y++) {
		const ep_row *r = epane_row(p->ep, top + (size_t)y);
		int yy = y + 1;
		if (r->head) {
			attrset(colors_attr(type_role(r->type)) | A_BOLD);
			snprintf(buf, sizeof buf, " %s (%zu)", pk_ent_type_name(r->type), r->count);
			mvaddnstr(yy, x0, buf, w);
			continue;
		}
		const pk_entity *e = &p->ents.e[r->ent];
		bool cur = top + (size_t)y == sel;
		attr_t at = cur && p->pane_focus ? colors_attr(ROLE_PANE_SEL)
		          : cur ? A_BOLD | A_UNDERLINE : A_NORMAL;
		attrset(at);
		move(yy, x0);
		for (int x = x0; x < COLS - 1; x++)
			addch(' ');
		if (r->ent == p->esel)
			mvaddstr(yy, x0 + 1, p->o.ascii ? "*" : "\u25b8");
		/* "quotes" in words when the pane is wide enough for a name too */
		int cw = pane_counts(p, e, w >= 32 ? w - 12 : 0, buf, sizeof buf);
		int room = w - 2 - 2 - cw - 1;  /* two blanks before the counts */
		if (room > 2)
			draw_clipped(&p->d, e->name, yy, x0 + 2, room, 0, strlen(e->name),
			             cur && p->pane_focus ? at : colors_attr(type_role(e->type)) |
			                                          (cur ? A_BOLD | A_UNDERLINE : 0),
			             true);
		attrset(at);
		mvaddnstr(yy, x0 + w - 1 - cw, buf, (int)strlen(buf));
	}
	if (frow) {
		attrset(A_NORMAL);
		mvaddstr(rows - 1, x0, p->filtering ? " /" : " filter: ");
		int x = x0 + (p->filtering ? 2 : 9);
		if (p->nfilter && x < COLS - 1)
			x += draw_clipped(&p->d, p->filter, rows - 1, x, COLS - 1 - x, 0, p->nfilter,
			                  A_BOLD, false);
		if (p->filtering && x < COLS - 1) {
			attrset(A_REVERSE);
			mvaddch(rows - 1, x, ' ');  /* where typing goes */
		}
	}
	attrset(A_NORMAL);
}

/* The quote list draws through the pager, so it shares its drawing. */
static int
ql_text(void *ctx, int y, int x, int maxx, const char *s, size_t a, size_t b, attr_t attr)
{
	pager *p = ctx;
	if (x >= maxx)
		return x;
	return x + draw_clipped(&p->d, s, y, x, maxx - x, a, b, attr, false);
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
	const pager *p = ctx;
	return draw_clipped(&p->d, s, y, x, w, a, b, attr, cut);
}

static void
draw_status(pager *p)
{
	status_info st = { .empty = view_empty(p->v), .ascii = p->o.ascii,
	                   .flash = p->flash ? p->flash : p->note[0] ? p->note : NULL,
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

/* How many lines the help screen has. */
static int
help_lines(void)
{
	char line[256];
	int n = 0;
	while (keys_help_line((size_t)n, line, sizeof line))
		n++;
	return n;
}

/* The help screen, printed from the key table.  Taller than the window, it
 * scrolls from @p top and its last row says how (as man does through less). */
static void
help_draw(int top)
{
	char line[256];
	int n = help_lines(), rows = n > LINES ? LINES - 1 : LINES;
	attrset(colors_attr(ROLE_HELP));
	for (int y = 0; y < rows && keys_help_line((size_t)(top + y), line, sizeof line); y++) {
		move(y, 0);
		clrtoeol();
		mvaddnstr(y, 2 < COLS ? 2 : 0, line, COLS > 2 ? COLS - 2 : COLS);
	}
	if (rows < LINES && rows > 0) {
		snprintf(line, sizeof line, "help %d-%d/%d: j k Space b scroll, q closes",
			 top + 1, top + rows, n);
		attrset(colors_attr(ROLE_STATUS));
		mvaddnstr(LINES - 1, 0, line, COLS);
	}
	attrset(A_NORMAL);
}

/* A key on the help screen: scroll keys move a help taller than the window;
 * any other key closes it. */
static void
help_key(pager *p, int ch)
{
	int n = help_lines(), rows = LINES - 1, top = p->help_top;
	if (n <= LINES || rows < 1) {
		p->help = false;
		return;
	}
	switch (ch) {
	case 'j': case KEY_DOWN: case '\n': case '\r': case KEY_ENTER: top++; break;
	case 'k': case KEY_UP: top--; break;
	case ' ': case 'f': case KEY_NPAGE: top += rows; break;
	case 'b': case KEY_PPAGE: top -= rows; break;
	case 'g': case KEY_HOME: top = 0; break;
	case 'G': case KEY_END: top = n; break;
	case KEY_RESIZE: break;
	default:
		p->help = false;
		return;
	}
	if (top > n - rows)
		top = n - rows;
	p->help_top = top < 0 ? 0 : top;
}

void
pager_draw(pager *p)
{
	if (p->d.ov)
		overlay_begin(p->d.ov);
	p->d.cur = p->cur;  /* highlighted */
	erase();
	if (p->help) {
		help_draw(p->help_top);
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
		draw_row(&p->d, &r, y, p->left, p->textcols);
		if (!view_pos_next(p->v, &q))
			break;
	}
	if (p->pw)
		pane_draw(p);
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

/* A file name cut to about @p max bytes from the left, so that its end
 * (the file itself) stays: "…/articles/seed.txt". */
static const char *
name_fit(const char *name, int max, bool ascii, char *buf, size_t n)
{
	size_t len = strlen(name);
	if (max < 12)
		max = 12;  /* a narrow screen: the end of the name, the rest cut */
	if (len <= (size_t)max)
		return name;
	const char *t = name + len - (size_t)(max - 3), *slash;
	while ((*t & 0xC0) == 0x80)
		t++;  /* not inside a UTF-8 sequence */
	if ((slash = strchr(t, '/')) && slash[1])
		t = slash;
	snprintf(buf, n, "%s%s", ascii ? "..." : "\u2026", t);
	return buf;
}

/* = and Ctrl-G: the file name, the lines on screen, the paragraph, the
 * percent and the size.  Lines are counted only in a file of modest size
 * (counting lays out everything before the top).  A long name loses its
 * start, so that the rest fits beside the position (at most 26 columns). */
static void
show_info(pager *p)
{
	char lines[64] = "", para[48] = "", rest[160], buf[256];
	const char *name = p->o.name ? p->o.name : "(stdin)";
	const char *pil = p->o.ascii ? "P" : "\u00b6";
	size_t len = p->in->len;

	if (view_empty(p->v)) {
		snprintf(rest, sizeof rest, "  %zu bytes", len);
		say(p, "%s%s", name_fit(name, COLS - 26 - (int)strlen(rest), p->o.ascii, buf,
		                          sizeof buf), rest);
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
	snprintf(rest, sizeof rest, "  %s%s%d%%  %zu bytes", lines, para, view_percent(p->v), len);
	say(p, "%s%s", name_fit(name, COLS - 26 - (int)strlen(rest), p->o.ascii, buf, sizeof buf),
	    rest);
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
		if (p->esel != EP_NONE) {
			for (long i = 0; i < times && ent_quote_step(p, act == ACT_QUOTE_NEXT ? 1 : -1);
			     i++)
				;
			return true;
		}
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
		ent_clear(p);
		return true;
	case ACT_PANE:
		if (p->pw) {
			p->pane = false;
			geometry(p);
			return true;
		}
		if (COLS < PANE_MIN_COLS) {
			/* and when a resize hid it, it stays closed */
			p->pane = false;
			say(p, "entity pane: needs %d columns", PANE_MIN_COLS);
			return true;
		}
		ents_ensure_visibly(p);
		p->pane = p->pane_focus = true;
		geometry(p);
		if (p->ep)
			p->flash = "j k: select, Enter: highlight, type: filter, Tab: the text";
		return true;
	case ACT_FOCUS:
		if (!p->pw)
			p->flash = "no entity pane (e opens it)";
		else
			p->pane_focus = !p->pane_focus;
		p->filtering = false;
		return true;
	case ACT_NEXT:
	case ACT_PREV:
		/* a search, once there is one, takes n and N while it is active */
		if (p->esel == EP_NONE) {
			p->flash = "n, N: no entity selected (e, then Enter on one)";
			return true;
		}
		for (long i = 0; i < times && mention_step(p, act == ACT_NEXT ? 1 : -1); i++)
			;
		return true;
	case ACT_RENDER:
		if (p->o.ascii) {
			p->flash = "render: latin (the locale is not UTF-8)";
			return true;
		}
		p->o.mode = p->d.mode = render_mode_next(p->o.mode);
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
		p->help_top = 0;
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
		if (p->help)
			help_key(p, ch);
		return true;
	}
	if (p->help) {
		help_key(p, ch);
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
	if (p->pane_focus && p->pw && p->keys.count < 0 && p->keys.nseq == 0 && pane_key(p, ch))
		return true;
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
	bool shown = p->pw > 0;
	geometry(p);
	if (shown && !p->pw)
		say(p, "pane hidden: needs %d columns", PANE_MIN_COLS);
}

bool
pager_busy(const pager *p)
{
	return !pk_doc_indexed(p->doc) ||
	       (!p->quotes_done && p->in->len <= QUOTES_IDLE_MAX) ||
	       (!p->ents_done && p->in->len <= ENTS_IDLE_MAX && !p->ql);
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
	if (!p->ents_done && p->in->len <= ENTS_IDLE_MAX && !p->ql) {
		/* not under the quote list: naming the speakers renames its rows' */
		ents_ensure(p);
		return p->pw > 0;  /* the pane lists them */
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
	p->esel = p->mcur = p->qcur = EP_NONE;
	p->keys = (keys_state)KEYS_STATE_INIT;
	if (p->o.width < 1)
		p->o.width = 80;
	if (p->o.ascii)
		p->o.mode = RENDER_LATIN;
	if (render_mode_roman(p->o.deva))
		p->o.deva = RENDER_REORDER;
	p->v = view_new(doc, o->model, p->o.mode, o->ascii);
	if (!p->v || (o->model == WIDTH_CLUSTER && !o->ascii && !(p->d.ov = overlay_new()))) {
		view_free(p->v);
		free(p);
		return NULL;
	}
	p->d = (drawer){ view_layout(p->v), view_translit(p->v), p->d.ov, p->o.ascii, p->o.mode,
	                 p->o.deva, p->in->bytes, &p->spans, PK_QUOTE_NONE, &p->marks, EP_NONE };
	geometry(p);
	return p;
}

void
pager_free(pager *p)
{
	if (!p)
		return;
	qlist_free(p->ql);
	ent_clear(p);
	pk_spans_free(&p->marks);
	epane_free(p->ep);
	pk_entities_free(&p->ents);
	pk_ner_free(p->ner);
	pk_quotes_free(&p->quotes);
	pk_spans_free(&p->spans);
	overlay_free(p->d.ov);
	view_free(p->v);
	free(p);
}

void
pager_overlay(pager *p)
{
	if (p->d.ov)
		overlay_flush(p->d.ov);
}

render_mode
pager_mode(const pager *p)
{
	return p->o.mode;
}
