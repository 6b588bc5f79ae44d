/*
 * entpane.c - the entity pane (e), the curses side: finding the entities,
 * the pane's keys and drawing, and the entity chosen in it highlighted in
 * the text, its mentions (n N) and quotations (] [) stepped through.  The
 * rows and the filter are epane.c's; the text is the pager's, reached
 * through the context it lends (entpane.h).
 */
#include "config.h"

#include "entpane.h"
#include "colors.h"
#include "i18n.h"
#include "entities.h"
#include "epane.h"
#include "ner.h"
#include "translit.h"

#include <curses.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The pane's width; the narrowest window is ENTPANE_MIN_COLS. */
#define PANE_MIN_W 28
#define PANE_MAX_W 36
#define PANE_FILTER_MAX 128
/* Tagging runs at a few hundred thousand words a second: up to this size
 * the entities are found while idle (a slice of under half a second);
 * up to ENTS_MAX when the pane opens; a larger file has none (as --json). */
#define ENTS_IDLE_MAX (1u << 20)
#define ENTS_MAX PK_ENTITIES_MAX_BYTES

struct entpane {
	entpane_ctx c;       /* what the pager lends */
	pk_ner *ner;         /* the model, once loaded */
	pk_status ner_st;    /* why it is not loaded */
	pk_entities ents;    /* the entities, once found */
	pk_entities_job *job;  /* finding them, a slice at a time */
	bool ents_done;
	epane *ep;           /* the pane's rows (epane.h), once found */
	bool pane;           /* the user wants the pane open */
	int pw;              /* its width now; 0 when it is not shown */
	int edge;            /* the column of its edge */
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
	unsigned choices;    /* Enter on an entity, counted (n N go to it then) */
};

static void say(entpane *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A message for the status line, composed in the pager's buffer. */
static void
say(entpane *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->c.msg, e->c.msgsize, fmt, ap);
	va_end(ap);
	*e->c.flash = e->c.msg;
}

static void
set_flash(entpane *e, const char *s)
{
	*e->c.flash = s;
}

entpane *
entpane_new(const entpane_ctx *ctx)
{
	entpane *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->c = *ctx;
	e->esel = e->mcur = e->qcur = EP_NONE;
	return e;
}

const pk_spans *
entpane_marks(const entpane *e)
{
	return &e->marks;
}

bool
entpane_found(const entpane *e)
{
	return e->ents_done;
}

bool
entpane_wanted(const entpane *e)
{
	return !e->ents_done && (e->pane || e->c.in->len <= ENTS_IDLE_MAX);
}

bool
entpane_work(entpane *e, size_t budget)
{
	bool fin = false;
	if (e->ents_done)
		return true;
	if (!e->job) {
		if (e->c.in->len > ENTS_MAX ||  /* the pane says "too big" */
		    !(e->ner = pk_ner_load_default(&e->ner_st)) ||  /* "no entity model" */
		    !(e->job = pk_entities_start(e->c.doc, e->ner, e->c.quotes))) {
			e->ents_done = true;
			return true;
		}
	}
	pk_entities_step(e->job, budget, &fin);  /* an error ends it: none found */
	if (!fin)
		return false;
	if (pk_entities_finish(e->job, &e->ents) == PK_OK) {
		/* the speakers named as their entities; a person's quotations counted */
		pk_entities_link_speakers(&e->ents, e->c.doc, e->c.quotes);
		e->ep = epane_new(&e->ents, NULL);  /* short of memory: "no entities" */
	}
	pk_entities_job_free(e->job);
	e->job = NULL;
	e->ents_done = true;
	return true;
}

void
entpane_adopt(entpane *e, pk_ner *ner, pk_status ner_st, pk_entities *ents, bool ok)
{
	if (e->ents_done || e->job) {
		pk_ner_free(ner);
		pk_entities_free(ents);
		return;
	}
	e->ner = ner;
	e->ner_st = ner_st;
	if (ner && ok) {
		e->ents = *ents;
		memset(ents, 0, sizeof *ents);
		e->ep = epane_new(&e->ents, NULL);  /* short of memory: "no entities" */
	} else {
		pk_entities_free(ents);
	}
	e->ents_done = true;
}

static const char *
ent_name(const entpane *e, size_t ent)
{
	return e->ents.e[ent].name;
}

/* Forget the entity highlighted in the text. */
static void
ent_clear(entpane *e)
{
	free(e->mst);
	free(e->men);
	free(e->qidx);
	free(e->qst);
	free(e->qen);
	e->mst = e->men = e->qidx = e->qst = e->qen = NULL;
	e->nmen = e->nquo = 0;
	e->mcur = e->qcur = EP_NONE;
	e->esel = EP_NONE;
	e->marks.n = 0;
	e->c.d->mcur = EP_NONE;
	e->note[0] = 0;
}

void
entpane_free(entpane *e)
{
	if (!e)
		return;
	ent_clear(e);
	pk_spans_free(&e->marks);
	epane_free(e->ep);
	pk_entities_free(&e->ents);
	pk_entities_job_free(e->job);
	pk_ner_free(e->ner);
	free(e);
}

/* Highlight entity @p ent in the text: its mentions and its quotations. */
static bool
ent_select(entpane *e, size_t ent)
{
	size_t *mi, *qi, nm, nq;
	ent_clear(e);
	mi = epane_mentions(&e->ents, ent, &nm);
	qi = epane_quotes(&e->ents, e->c.quotes, ent, &nq);
	e->mst = malloc((nm ? nm : 1) * sizeof *e->mst);
	e->men = malloc((nm ? nm : 1) * sizeof *e->men);
	e->qst = malloc((nq ? nq : 1) * sizeof *e->qst);
	e->qen = malloc((nq ? nq : 1) * sizeof *e->qen);
	if (!e->mst || !e->men || !e->qst || !e->qen) {
		free(mi);
		free(qi);
		ent_clear(e);
		set_flash(e, _("out of memory"));
		return false;
	}
	for (size_t i = 0; i < nm; i++) {
		const pk_mention *m = &e->ents.m[mi[i]];
		e->mst[i] = m->start;
		e->men[i] = m->end;
		pk_spans_push(&e->marks, (pk_span){ m->start, m->end, PK_SPAN_ENTITY, (uint32_t)i });
	}
	pk_spans_sort(&e->marks);  /* short of memory: fewer marks */
	for (size_t i = 0; i < nq; i++) {
		const pk_quote *q = &e->c.quotes->v[qi[i]];
		e->qst[i] = q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start;
		e->qen[i] = q->end;
	}
	free(mi);
	e->qidx = qi;
	e->nmen = nm;
	e->nquo = nq;
	e->esel = ent;
	return true;
}

bool
entpane_chosen(const entpane *e)
{
	return e->esel != EP_NONE;
}

void
entpane_forget(entpane *e)
{
	ent_clear(e);
}

/* Bring bytes [a, b) on screen unless they are, with a little context. */
static void
show_range(entpane *e, size_t a, size_t b)
{
	size_t first, last;
	view_screen_span(e->c.v, &first, &last);
	if (a >= first && b <= last)
		return;
	view_goto_offset(e->c.v, a, view_rows(e->c.v) > 8 ? 2 : 0);
}

static void
mention_show(entpane *e, size_t k)
{
	e->mcur = e->c.d->mcur = k;
	show_range(e, e->mst[k], e->men[k]);
	snprintf(e->note, sizeof e->note, "mention %zu/%zu of %s", k + 1, e->nmen,
	         ent_name(e, e->esel));
	e->note_quote = false;
}

/* n and N once over the selected entity's mentions. */
static bool
mention_step(entpane *e, int dir)
{
	size_t first, last, k;
	view_screen_span(e->c.v, &first, &last);
	k = epane_step(e->mst, e->men, e->nmen, e->mcur, first, last, dir);
	if (k == EP_NONE) {
		say(e, "no more mentions of %s %s", ent_name(e, e->esel),
		    dir > 0 ? "below" : "above");
		return false;
	}
	mention_show(e, k);
	return true;
}

void
entpane_step(entpane *e, int dir, long times)
{
	if (e->esel == EP_NONE) {
		set_flash(e, _("n, N: no entity selected (e, then Enter on one)"));
		return;
	}
	for (long i = 0; i < times && mention_step(e, dir); i++)
		;
}

size_t
entpane_quote_step(entpane *e, int dir)
{
	size_t first, last, k;
	if (e->nquo == 0) {
		say(e, "no quotations of %s", ent_name(e, e->esel));
		return PK_QUOTE_NONE;
	}
	view_screen_span(e->c.v, &first, &last);
	k = epane_step(e->qst, e->qen, e->nquo, e->qcur, first, last, dir);
	if (k == EP_NONE) {
		say(e, "no more quotations of %s %s", ent_name(e, e->esel),
		    dir > 0 ? "below" : "above");
		return PK_QUOTE_NONE;
	}
	e->qcur = k;
	snprintf(e->note, sizeof e->note, "quote %zu/%zu of %s", k + 1, e->nquo,
	         ent_name(e, e->esel));
	e->note_quote = true;
	return e->qidx[k];
}

void
entpane_follow(entpane *e, bool quote_current)
{
	size_t first, last;
	view_screen_span(e->c.v, &first, &last);
	/* n N ] [ say what they jumped to while it is on screen */
	if (e->note_quote ? !quote_current
	                  : e->mcur != EP_NONE && !(e->men[e->mcur] > first && e->mst[e->mcur] < last))
		e->note[0] = 0;
}

const char *
entpane_note(const entpane *e)
{
	return e->note[0] ? e->note : NULL;
}

/* ---------------------------------------------------------------- open, close */

void
entpane_open(entpane *e)
{
	e->pane = e->pane_focus = true;
	if (e->ep)
		set_flash(e, _("j k: select, Enter: highlight, type: filter, Tab: the text"));
}

void
entpane_close(entpane *e)
{
	e->pane = false;
}

void
entpane_focus(entpane *e)
{
	if (!e->pw)
		set_flash(e, _("no entity pane (e opens it)"));
	else
		e->pane_focus = !e->pane_focus;
	e->filtering = false;
}

bool
entpane_focused(const entpane *e)
{
	return e->pane_focus && e->pw;
}

int
entpane_fit(entpane *e, int cols)
{
	e->pw = 0;
	if (e->pane && cols >= ENTPANE_MIN_COLS) {
		e->pw = cols / 3;
		e->pw = e->pw < PANE_MIN_W ? PANE_MIN_W : e->pw > PANE_MAX_W ? PANE_MAX_W : e->pw;
	}
	if (!e->pw)
		e->pane_focus = e->filtering = false;
	e->edge = cols - e->pw - 1;  /* after the text's columns and a blank */
	return e->pw;
}

int
entpane_width(const entpane *e)
{
	return e->pw;
}

/* ---------------------------------------------------------------- keys */

/* Enter in the pane: highlight the selected entity, jump to its first mention. */
static void
pane_choose(entpane *e)
{
	size_t ent = e->ep ? epane_selected(e->ep) : EP_NONE;
	if (ent == EP_NONE) {
		set_flash(e, _("no entity selected"));
		return;
	}
	e->choices++;
	if (ent_select(e, ent) && e->nmen > 0)
		mention_show(e, 0);
}

bool
entpane_click(entpane *e, int y, int x)
{
	if (!e->pw || x < e->edge)
		return false;
	e->pane_focus = true;
	bool frow = e->filtering || e->nfilter;
	int list = LINES - 2 - (frow ? 1 : 0);
	if (!e->ep || y < 1 || y > list)
		return true;  /* the header, the filter row, the edge: the focus only */
	size_t top = epane_top(e->ep, list > 0 ? (size_t)list : 0);
	size_t row = top + (size_t)(y - 1);
	if (row >= epane_nrows(e->ep))
		return true;
	const ep_row *r = epane_row(e->ep, row);
	if (r->head)
		return true;  /* PER, LOC, ORG: no entity */
	epane_select(e->ep, r->ent);
	pane_choose(e);
	return true;
}

unsigned
entpane_choices(const entpane *e)
{
	return e->choices;
}

static void
pane_refilter(entpane *e)
{
	e->filter[e->nfilter] = 0;
	/* the search backend matches: folded, Latin against the romanization */
	if (e->ep && epane_filter(e->ep, e->filter) < 0)
		set_flash(e, _("out of memory"));
}

/* A key while the filter is being typed. */
static bool
filter_key(entpane *e, int ch)
{
	switch (ch) {
	case 27:
		e->nfilter = 0;
		e->filtering = false;
		pane_refilter(e);
		return true;
	case '\n': case '\r': case KEY_ENTER:
		e->filtering = false;
		pane_choose(e);
		return true;
	case '\t':
		e->filtering = false;
		return false;
	case KEY_DOWN: case 'n' & 0x1f:
		if (e->ep)
			epane_move(e->ep, 1);
		return true;
	case KEY_UP: case 'p' & 0x1f:
		if (e->ep)
			epane_move(e->ep, -1);
		return true;
	case KEY_BACKSPACE: case 127: case 8:
		if (!e->nfilter) {
			e->filtering = false;
			return true;
		}
		do  /* a whole UTF-8 character */
			e->nfilter--;
		while (e->nfilter && ((unsigned char)e->filter[e->nfilter] & 0xC0) == 0x80);
		pane_refilter(e);
		return true;
	case 'u' & 0x1f:
		e->nfilter = 0;
		pane_refilter(e);
		return true;
	default:
		/* printable bytes (UTF-8 arrives byte by byte) extend it */
		if (ch >= 0x20 && ch <= 0xFF && ch != 0x7F && e->nfilter + 1 < PANE_FILTER_MAX) {
			e->filter[e->nfilter++] = (char)ch;
			/* wait for the rest of a multibyte character */
			if ((ch & 0xC0) != 0xC0)
				pane_refilter(e);
		}
		return true;
	}
}

bool
entpane_key(entpane *e, int ch)
{
	int page = LINES > 4 ? LINES - 3 : 1;

	if (e->filtering)
		return filter_key(e, ch);
	switch (ch) {
	case 'j': case KEY_DOWN: case 'n' & 0x1f:
		if (e->ep)
			epane_move(e->ep, 1);
		return true;
	case 'k': case KEY_UP: case 'p' & 0x1f:
		if (e->ep)
			epane_move(e->ep, -1);
		return true;
	case KEY_NPAGE:
		if (e->ep)
			epane_move(e->ep, page);
		return true;
	case KEY_PPAGE:
		if (e->ep)
			epane_move(e->ep, -page);
		return true;
	case 'g': case KEY_HOME:
		if (e->ep)
			epane_move(e->ep, -(long)epane_nrows(e->ep));
		return true;
	case 'G': case KEY_END:
		if (e->ep)
			epane_move(e->ep, (long)epane_nrows(e->ep));
		return true;
	case '\n': case '\r': case KEY_ENTER:
		pane_choose(e);
		return true;
	case '/':
		e->filtering = true;
		return true;
	case 27:
		if (!e->nfilter)
			return false;  /* Esc: the key table's */
		e->nfilter = 0;
		pane_refilter(e);
		return true;
	case KEY_BACKSPACE: case 127: case 8:
		if (e->nfilter) {
			e->filtering = true;
			return filter_key(e, ch);
		}
		return true;
	default:
		/* a letter starts the filter, but not the keys that mean more */
		if ((ch >= 0x80 && ch <= 0xFF) ||
		    (ch < 0x80 && isalpha(ch) && !strchr("jkgGnNeqh", ch))) {
			e->filtering = true;
			return filter_key(e, ch);
		}
		return false;
	}
}

/* ---------------------------------------------------------------- drawing */

/* The pane's counts of entity @p en: "13 · 4 quotes", or shorter. */
static int
pane_counts(const entpane *e, const pk_entity *en, int room, char *buf, size_t n)
{
	const char *dot = e->c.ascii ? "," : " \u00b7";
	int len;
	if (en->type == PK_ENT_PER && en->quotes > 0) {
		len = snprintf(buf, n, "%zu%s %zu quote%s", en->mentions, dot, en->quotes,
		               en->quotes == 1 ? "" : "s");
		if (len - (e->c.ascii ? 0 : 1) > room)
			len = snprintf(buf, n, "%zu%s %zuq", en->mentions, dot, en->quotes);
		return len - (e->c.ascii ? 0 : 1);  /* the dot: two bytes, one column */
	}
	return snprintf(buf, n, "%zu", en->mentions);
}

static color_role
type_role(pk_ent_type t)
{
	return t == PK_ENT_PER ? ROLE_ENT_PER : t == PK_ENT_LOC ? ROLE_ENT_LOC : ROLE_ENT_ORG;
}

/* The header: what there is, reverse while the pane has the focus. */
static void
pane_header(const entpane *e, int x0)
{
	char buf[160];
	attrset(e->pane_focus ? colors_attr(ROLE_STATUS) : A_BOLD);
	move(0, x0);
	for (int x = x0; x < COLS; x++)
		addch(' ');
	if (!e->ents_done)
		snprintf(buf, sizeof buf, _(" finding entities..."));
	else if (e->c.in->len > ENTS_MAX)
		snprintf(buf, sizeof buf, _(" too big for entities (%u MB)"), ENTS_MAX >> 20);
	else if (!e->ner)
		snprintf(buf, sizeof buf, _(" no entity model"));
	else if (!e->ep)
		snprintf(buf, sizeof buf, _(" no entities"));
	else if (e->nfilter) {
		size_t shown = 0;
		for (size_t r = 0; r < epane_nrows(e->ep); r++)
			shown += !epane_row(e->ep, r)->head;
		snprintf(buf, sizeof buf, _(" Entities: %zu of %zu"), shown, e->ents.ne);
	} else
		snprintf(buf, sizeof buf, _(" Entities: %zu"), e->ents.ne);
	draw_ui(0, x0, buf, e->pw);
	attrset(A_NORMAL);
}

/* Row @p r of the list at screen row @p yy; @p cur: it is the selected one. */
static void
pane_row(const entpane *e, const ep_row *r, int yy, int x0, bool cur)
{
	int w = e->pw;
	char buf[160];
	if (r->head) {
		attrset(colors_attr(type_role(r->type)) | A_BOLD);
		snprintf(buf, sizeof buf, " %s (%zu)", pk_ent_type_name(r->type), r->count);
		mvaddnstr(yy, x0, buf, w);
		return;
	}
	const pk_entity *en = &e->ents.e[r->ent];
	attr_t at = cur && e->pane_focus ? colors_attr(ROLE_PANE_SEL)
	          : cur ? A_BOLD | A_UNDERLINE : A_NORMAL;
	attrset(at);
	move(yy, x0);
	for (int x = x0; x < COLS - 1; x++)
		addch(' ');
	if (r->ent == e->esel)
		mvaddstr(yy, x0 + 1, e->c.ascii ? "*" : "\u25b8");
	/* "quotes" in words when the pane is wide enough for a name too */
	int cw = pane_counts(e, en, w >= 32 ? w - 12 : 0, buf, sizeof buf);
	int room = w - 2 - 2 - cw - 1;  /* two blanks before the counts */
	if (room > 2)
		draw_clipped_pic(e->c.d, en->name, yy, x0 + 2, room, 0, strlen(en->name),
		             cur && e->pane_focus ? at : colors_attr(type_role(en->type)) |
		                                          (cur ? A_BOLD | A_UNDERLINE : 0),
		             true);
	attrset(at);
	mvaddnstr(yy, x0 + w - 1 - cw, buf, (int)strlen(buf));
}

/* The pane: its edge, a header, the rows, the filter on its last row. */
void
entpane_draw(entpane *e)
{
	int edge = e->edge, x0 = edge + 1, rows = LINES - 1;

	if (!e->pw)
		return;
	attrset(A_NORMAL);
	for (int y = 0; y < rows; y++) {
		if (e->c.ascii)
			mvaddch(y, edge, '|');
		else
			mvaddwstr(y, edge, L"\u2502");
	}
	if (rows < 1)
		return;
	pane_header(e, x0);
	if (!e->ep)
		return;

	bool frow = e->filtering || e->nfilter;  /* the last row shows the filter */
	int list = rows - 1 - (frow ? 1 : 0);
	size_t top = epane_top(e->ep, list > 0 ? (size_t)list : 0);
	size_t sel = epane_sel_row(e->ep);
	for (int y = 0; y < list && top + (size_t)y < epane_nrows(e->ep); y++)
		pane_row(e, epane_row(e->ep, top + (size_t)y), y + 1, x0, top + (size_t)y == sel);
	if (frow) {
		attrset(A_NORMAL);
		int x = x0 + draw_ui(rows - 1, x0, e->filtering ? " /" : _(" filter: "), COLS - x0);
		if (e->nfilter && x < COLS - 1)
			x += draw_clipped(e->c.d, e->filter, rows - 1, x, COLS - 1 - x, 0, e->nfilter,
			                  A_BOLD, false);
		if (e->filtering && x < COLS - 1) {
			attrset(A_REVERSE);
			mvaddch(rows - 1, x, ' ');  /* where typing goes */
		}
	}
	attrset(A_NORMAL);
}
