/*
 * pager.c - the reader pane: the screens (text, help, quote list), the
 * actions of the key table, the quotations, background work.  The view
 * (view.c) holds the positions, draw.c the drawing of text, status.c the
 * status line, keys.c the keys, overlay.c the cluster overlay, help.c the
 * help screen, entpane.c the entity pane.
 */
#include "config.h"

#include "pager.h"
#include "colors.h"
#include "draw.h"
#include "early.h"
#include "entpane.h"
#include "epane.h"
#include "finder.h"
#include "help.h"
#include "imgrows.h"
#include "image.h"
#include "keys.h"
#include "i18n.h"
#include "overlay.h"
#include "places.h"
#include "prompt.h"
#include "qlist.h"
#include "qnav.h"
#include "status.h"
#include "view.h"
#include "quotes.h"
#include "span.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

/* = counts the lines of a file up to this size. */
#define INFO_LINES_MAX (1u << 20)
#define INDEX_STEP (8u << 20)      /* bytes indexed per idle slice */
/* Up to this size the quotations are found while idle after the first
 * screen; a larger file finds them when first asked (], [, "). */
#define QUOTES_IDLE_MAX (8u << 20)
/* A stream is read this far past the screen unless followed (G, F). */
#define READ_AHEAD (4u << 20)
#define READ_SLICE (1u << 20)      /* bytes of a stream read per idle slice */
#define READ_WAIT_MS 50            /* an idle slice waits this long for a stream */
#define QUOTES_SLICE (256u << 10) /* bytes of quotation finding per idle slice */
/* Up to this size the pane's entities are found when it opens (about a
 * tenth of a second at most); a bigger file's while idle, keys answered. */
#define ENTS_AT_ONCE EARLY_MAX  /* as much as early.h works on */

struct pager {
	pk_doc *doc;
	const pk_input *in;
	view *v;             /* the laid-out document and the top row */
	drawer d;            /* how text is drawn (draw.h) */
	pager_opts o;
	int left;            /* left margin that centres the text column */
	int textcols;        /* the columns left of the entity pane (the whole width without it) */
	help_screen help;    /* the help screen (help.h) */
	const char *flash;   /* a message for the status line, until the next key */
	pk_quotes quotes;    /* the quotations, once found */
	bool quotes_done;
	pk_quotes_job *qjob; /* finding them, a slice at a time */
	pk_spans spans;      /* QUOTE and SPEAKER spans, sorted */
	size_t cur;          /* the quotation jumped to, or PK_QUOTE_NONE */
	qlist *ql;           /* the quote list, while it is open */
	entpane *pane;       /* the entity pane (e) and the entity chosen in it */
	keys_state keys;     /* a count or a key sequence being typed */
	char msg[512];       /* the text of a composed flash */
	/* search (finder.h) and its prompt (prompt.h) */
	prompt *pr;          /* the / ? & prompt */
	finder *find;        /* the search n and N step through */
	finder *inc;         /* the search being typed */
	finder *filt;        /* the & filter's matches */
	view_filter vf;      /* the view's side of the filter */
	bool filt_on;        /* the view shows only matching paragraphs */
	view_pos origin;     /* where the reader was when the prompt opened */
	size_t origin_off;
	unsigned sflags;     /* exact, regex (-e, -r, --exact) for the next search */
	enum { NN_NONE, NN_SEARCH, NN_ENTITY } nn;  /* what n and N step through */
	unsigned chose;      /* the pane's choices seen (a new one takes n N) */
	bool wrapped;        /* the last jump went round the end: say so */
	char snote[256];     /* the search's part of the status line */
	char why[160];       /* why a query failed (a bad regex) */
	/* standard input still arriving (o.stream) */
	bool follow;         /* G or F: stay at the end as text arrives */
	size_t idx_stall;    /* the stream's length when the index last had to
	                      * wait for the rest of a line; SIZE_MAX: none */
	bool cap_said, enc_said;
	char rnote[128];     /* "reading… N bytes" */
	pager_req req;       /* what the caller is asked to do when pager_key() returns false */
	long req_count;      /* :n, :p: how many files on */
	char open_name[4096];/* :e: the file name typed */
	size_t marks[PLACE_MARKS]; /* m<letter>: input offsets, PLACE_NONE unset */
	size_t back;         /* '': where the last jump left, or PLACE_NONE */
	bool jumped;         /* this key jumped (G, ], n, a mark...): '' comes back */
	size_t jump_from;    /* where from, when not the top as the key came (a search
	                      * typed moves the screen before Enter) */
	bool mode_chosen;    /* r was pressed: the mode is the reader's choice */
	bool follow_file;    /* F on a file: the caller reads it again as it grows */
	char *clip;          /* y: what goes to the clipboard after the next refresh */
	bool img_tried;      /* image mode: imgrows_new() was tried (d.img if it worked) */
	const char *img_why; /* why not */
};

/* The text column: at most o.width, centred in the columns left of the
 * entity pane (when it is shown: a column of its own for its edge and one
 * between the text and the edge); the last row is the status. */
static void
geometry(pager *p)
{
	int cols = COLS > 0 ? COLS : 1;
	int pw = entpane_fit(p->pane, cols);
	p->textcols = pw ? cols - pw - 2 : cols;
	int w = p->o.width < p->textcols ? p->o.width : p->textcols;
	p->left = (p->textcols - w) / 2;
	p->d.imgcols = w;
	if (p->d.ov)
		overlay_fence(p->d.ov, pw ? p->textcols + 1 : -1);
	view_resize(p->v, w, LINES > 1 ? LINES - 1 : 0);
}

static void say(pager *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The layout measures clusters in the mode the drawer draws them in (a
 * halant mode's ZWNJ takes a column in some terminals: render_width()). */
static void
layout_mode(pager *p)
{
	render_mode m = p->o.mode;
	layout_set_mode(view_layout(p->v),
	                render_mode_roman(m) || m == RENDER_IMAGE ? p->o.deva : m);
}

/* Can render mode image draw here?  Tried once, on the first use: the
 * font is found then, not at start-up. */
static bool
image_ready(pager *p)
{
	if (!p->img_tried) {
		color_theme t = colors_resolve(p->o.theme, p->o.bg);
		p->img_tried = true;
		p->d.img = p->o.ascii ? NULL
		                      : imgrows_new(p->o.gfx, p->o.cell_w, p->o.cell_h, p->o.bg,
		                                    t == THEME_LIGHT, &p->img_why);
		if (p->o.ascii)
			p->img_why = "the locale is not UTF-8";
		p->d.imgcols = view_width(p->v);
	}
	return p->d.img != NULL;
}

/* Leave or enter mode m: the pictures go when it is left. */
static void
set_mode(pager *p, render_mode m)
{
	if (p->o.mode == RENDER_IMAGE && m != RENDER_IMAGE && p->d.img)
		imgrows_clear(p->d.img);
	p->o.mode = p->d.mode = m;
	layout_mode(p);
	view_set_mode(p->v, m);
}

/* ---------------------------------------------------------------- quotations */

/* Find the quotations a slice of about @p budget bytes further; once
 * found, make their spans.  @return true when they are found. */
static bool
quotes_slice(pager *p, size_t budget)
{
	bool fin = false;
	if (p->quotes_done)
		return true;
	if (!p->qjob && !(p->qjob = pk_quotes_start(p->doc)))
		fin = true;  /* out of memory: no quotations, the keys say so */
	else
		pk_quotes_step(p->qjob, budget, &fin);  /* an error ends it: none found */
	if (!fin)
		return false;
	if (p->qjob && pk_quotes_finish(p->qjob, &p->quotes) == PK_OK)
		qnav_spans(&p->quotes, &p->spans);  /* short of memory: less colour */
	pk_quotes_job_free(p->qjob);
	p->qjob = NULL;
	p->quotes_done = true;
	return true;
}

/* A search of a big file takes a moment: say so on the status row before
 * it starts. */
static void
busy_note(const char *what)
{
	if (LINES > 0) {
		attrset(colors_attr(ROLE_STATUS));
		mvaddnstr(LINES - 1, 0, what, COLS);
		attrset(A_NORMAL);
		draw_refresh();
	}
}

/* The quotations for a key that needs them: found a slice at a time,
 * and given up on (false) as soon as another key is typed, which is then
 * read as usual: a key is never kept waiting. */
static bool
quotes_ensure_visibly(pager *p)
{
	if (p->quotes_done)
		return true;
	busy_note(" finding quotations... ");
	while (!quotes_slice(p, QUOTES_SLICE)) {
		timeout(0);
		int ch = getch();
		if (ch != ERR) {
			ungetch(ch);
			p->flash = _("finding quotations...");
			return false;
		}
	}
	return true;
}

/* Make quotation i the current one and bring it on screen, with a little
 * context above, unless it is already wholly visible. */
static void
quote_show(pager *p, size_t i)
{
	const pk_quote *q = &p->quotes.v[i];
	size_t first, last;
	p->cur = i;
	p->jumped = true;
	view_screen_span(p->v, &first, &last);
	if (q->start >= first && q->end <= last)
		return;
	view_goto_offset(p->v, q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start,
	                 view_rows(p->v) > 8 ? 2 : 0);
}

/* A motion may take the current quotation off screen: then it is no
 * longer current (the status line stops naming it, ] and [ count from the
 * screen); the pane's note goes as what it names does. */
static void
follow_screen(pager *p)
{
	size_t first, last;
	view_screen_span(p->v, &first, &last);
	if (p->cur != PK_QUOTE_NONE && !qnav_on_screen(&p->quotes.v[p->cur], first, last))
		p->cur = PK_QUOTE_NONE;
	entpane_follow(p->pane, p->cur != PK_QUOTE_NONE);
}

/* ] and [ (qnav.h).  @return false when there is none that way (the
 * status line says so). */
static bool
quote_step(pager *p, int dir)
{
	size_t first, last, i;
	if (p->quotes.n == 0) {
		p->flash = _("no quotations in this article");
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

/* Find the entities a slice further, after the quotations: their speakers
 * are persons, and are then named through the entities.  @return true once
 * they are found. */
static bool
ents_slice(pager *p, size_t budget)
{
	if (!p->quotes_done)
		return quotes_slice(p, budget) && entpane_work(p->pane, budget);
	return entpane_work(p->pane, budget);
}

/* e: open the pane beside the text, or close it. */
static void
pane_toggle(pager *p)
{
	if (entpane_width(p->pane)) {
		entpane_close(p->pane);
		geometry(p);
		return;
	}
	if (COLS < ENTPANE_MIN_COLS) {
		/* and when a resize hid it, it stays closed */
		entpane_close(p->pane);
		say(p, _("entity pane: needs %d columns"), ENTPANE_MIN_COLS);
		return;
	}
	/* An article's are found at once; a big file's while idle, the pane
	 * saying "finding entities..." and keys answered between slices. */
	early_result er;
	if (p->in->growing)
		;  /* a stream's wait for its end, as its quotations do */
	else if (!p->quotes_done && !p->qjob && early_take(p->o.early, &er)) {
		/* found on a thread while the terminal was asked (early.h) */
		p->quotes = er.quotes;
		if (er.qst == PK_OK)
			qnav_spans(&p->quotes, &p->spans);  /* short of memory: less colour */
		p->quotes_done = true;
		entpane_adopt(p->pane, er.ner, er.ner_st, &er.ents, er.est == PK_OK);
	} else if (p->in->len <= ENTS_AT_ONCE)
		while (!ents_slice(p, SIZE_MAX))  /* an article: a few ms */
			;
	else
		ents_slice(p, QUOTES_SLICE);
	entpane_open(p->pane);
	geometry(p);
}

/* ---------------------------------------------------------------- search */

/* Bring match k of f on screen unless it is, with a little context. */
static void
match_show(pager *p, const finder *f, size_t k)
{
	const pk_span *m = &finder_matches(f)->v[k];
	size_t first, last;
	p->jumped = true;
	view_screen_span(p->v, &first, &last);
	if (m->start >= first && m->end <= last)
		return;
	view_goto_offset(p->v, m->start, view_rows(p->v) > 8 ? 2 : 0);
}

/* The dir of a prompt kind: ? searches backward. */
static int
kind_dir(int kind)
{
	return kind == '?' ? -1 : 1;
}

/* What a finder's last step found: a jump shows the match; the whole
 * input without one says so.  @return true when the screen changes. */
static bool
find_events(pager *p, finder *f, bool move)
{
	bool wrapped;
	switch (finder_event(f, &wrapped)) {
	case FIND_EV_JUMP:
		if (move)
			match_show(p, f, finder_current(f));
		p->wrapped = wrapped;
		return true;
	case FIND_EV_NOTFOUND:
		p->flash = _("Pattern not found");
		return true;
	case FIND_EV_NONE:
		break;
	}
	return false;
}

/* The filter: on once it has a match; off when the scan ends without. */
static bool
filter_update(pager *p)
{
	if (!finder_active(p->filt))
		return false;
	if (!p->filt_on && finder_matches(p->filt)->n > 0) {
		p->filt_on = true;
		view_set_filter(p->v, &p->vf);
		return true;
	}
	if (p->filt_on) {
		view_filter_grew(p->v);
		return true;
	}
	if (finder_done(p->filt)) {
		p->flash = _("Pattern not found");
		finder_clear(p->filt);
		return true;
	}
	return false;
}

static void
filter_off(pager *p)
{
	finder_clear(p->filt);
	if (p->filt_on) {
		p->filt_on = false;
		view_set_filter(p->v, NULL);
	}
}

/* Start f on q; a bad query says why in the status line. */
static bool
find_start(pager *p, finder *f, const char *q, size_t n, unsigned flags, int dir, size_t from)
{
	pk_status st;
	p->why[0] = 0;
	finder_set_len(f, p->in->len);  /* a stream: all that has arrived */
	st = finder_start(f, q, n, flags, dir, from, p->why, sizeof p->why);
	if (st == PK_OK)
		return true;
	say(p, "%s", p->why[0] ? p->why : pk_status_str(st));
	return false;
}

/* The prompt's text changed: search again from where the reader was, one
 * slice now (a small file is done with it), the rest while idle. */
static void
incremental(pager *p)
{
	int kind = prompt_kind(p->pr);
	view_set_top(p->v, p->origin);
	finder_clear(p->inc);
	if (prompt_len(p->pr) == 0)
		return;
	if (!find_start(p, p->inc, prompt_text(p->pr), prompt_len(p->pr), prompt_flags(p->pr),
	                kind_dir(kind), p->origin_off))
		return;
	finder_step(p->inc, FIND_SLICE);
	find_events(p, p->inc, kind != '&');
}

/* Enter in the prompt. */
static void
prompt_done(pager *p)
{
	int kind = prompt_kind(p->pr);
	finder *t;
	if (kind == '&') {
		filter_off(p);
		if (prompt_len(p->pr) == 0) {
			p->flash = _("filter off: every paragraph");
			finder_clear(p->inc);
			return;
		}
		if (!finder_active(p->inc)) {
			say(p, "%s", p->why[0] ? p->why : _("bad query"));  /* a bad regex */
			return;
		}
		t = p->filt, p->filt = p->inc, p->inc = t;
		p->vf.ctx = p->filt;
		view_set_top(p->v, p->origin);
		filter_update(p);
		return;
	}
	if (prompt_len(p->pr) == 0) {
		/* as less: an empty pattern repeats the last one */
		finder_clear(p->inc);
		if (!finder_active(p->find)) {
			p->flash = _("no previous search");
			return;
		}
		p->nn = NN_SEARCH;
		size_t first, last;
		view_screen_span(p->v, &first, &last);
		finder_next(p->find, kind_dir(kind) * finder_dir(p->find), first, last);
		find_events(p, p->find, true);
		return;
	}
	if (!finder_active(p->inc)) {
		say(p, "%s", p->why[0] ? p->why : _("bad query"));  /* a bad regex */
		return;
	}
	t = p->find, p->find = p->inc, p->inc = t;
	finder_clear(p->inc);
	p->nn = NN_SEARCH;
	if (finder_done(p->find) && finder_matches(p->find)->n == 0)
		p->flash = _("Pattern not found");
}

/* A key while the prompt is open. */
static void
prompt_keyed(pager *p, int ch)
{
	if (prompt_kind(p->pr) == ':') {
		/* :e: a file name; Enter asks the caller to open it */
		if (prompt_key(p->pr, ch) == PR_ENTER && prompt_len(p->pr)) {
			snprintf(p->open_name, sizeof p->open_name, "%s", prompt_text(p->pr));
			p->req = PAGER_OPEN;
		}
		return;
	}
	switch (prompt_key(p->pr, ch)) {
	case PR_EDIT:
	case PR_FLAGS:
		incremental(p);
		break;
	case PR_ENTER:
		p->jumped = true;  /* '' goes back to where the prompt opened */
		p->jump_from = p->origin_off;
		prompt_done(p);
		break;
	case PR_CANCEL:
		finder_clear(p->inc);
		view_set_top(p->v, p->origin);
		break;
	case PR_MOVE:
	case PR_NONE:
		break;
	}
}

/* /, ? and &: open the prompt where the reader is. */
static void
prompt_start(pager *p, int kind)
{
	p->origin = view_top_pos(p->v);
	p->origin_off = view_top_offset(p->v);
	finder_clear(p->inc);
	prompt_open(p->pr, kind, p->sflags);
}

/* n and N over the search. */
static void
search_step(pager *p, int dir, long times)
{
	size_t first, last;
	for (long i = 0; i < times; i++) {
		view_screen_span(p->v, &first, &last);
		finder_next(p->find, dir, first, last);
		if (!find_events(p, p->find, true) || finder_pending(p->find))
			break;  /* it waits for the scan, or there is none */
	}
}

/* The search's part of the status line for finder f: [i/N] and the query,
 * or how far the scan is. */
static const char *
search_note(pager *p, const finder *f, bool query)
{
	size_t k = finder_current(f), num = finder_number(f), n = finder_matches(f)->n;
	int pct = finder_progress(f);
	const char *q = finder_query(f);
	char where[48];

	if (!finder_active(f))
		return NULL;
	if (k == FIND_NONE) {
		if (finder_done(f))
			return NULL;
		snprintf(p->snote, sizeof p->snote, "searching %d%%", pct);
		return p->snote;
	}
	if (!finder_done(f) && num)
		snprintf(where, sizeof where, "[%zu/%zu+] %d%%", num, n, pct);
	else if (!finder_done(f))
		snprintf(where, sizeof where, "[?/%zu+] %d%%", n, pct);
	else
		snprintf(where, sizeof where, "[%zu/%zu]", num, n);
	snprintf(p->snote, sizeof p->snote, "%s%s%s%s%s", where,
	         p->wrapped ? (finder_dir(f) > 0 ? _(" wrapped to the top") : _(" wrapped to the bottom"))
	                    : "",
	         query ? "  " : "", query ? (finder_dir(f) > 0 ? "/" : "?") : "", query ? q : "");
	return p->snote;
}

/* -e and -r: the flag for the next search, and the current one again. */
static void
toggle_flag(pager *p, unsigned flag)
{
	p->sflags ^= flag;
	say(p, "%s %s", flag == PK_SEARCH_EXACT ? _("exact search") : _("regular expressions"),
	    p->sflags & flag ? _("on") : _("off"));
	if (finder_active(p->find)) {
		char *q = strdup(finder_query(p->find));
		int dir = finder_dir(p->find);
		size_t first, last;
		view_screen_span(p->v, &first, &last);
		if (q && find_start(p, p->find, q, strlen(q), p->sflags, dir, dir > 0 ? first : last)) {
			finder_step(p->find, FIND_SLICE);
			find_events(p, p->find, true);
		}
		free(q);
	}
}

/* The quote list draws through the pager, so it shares its drawing. */
static int
ql_text(void *ctx, int y, int x, int maxx, const char *s, size_t a, size_t b, attr_t attr)
{
	pager *p = ctx;
	if (x >= maxx)
		return x;
	return x + draw_clipped_pic(&p->d, s, y, x, maxx - x, a, b, attr, false);
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

/* The status line's word on a stream: reading, or stopped at the limit. */
static const char *
stream_note(pager *p)
{
	const pk_input *in = p->o.stream;
	double mb = (double)in->got / (1024.0 * 1024.0);
	if (in->growing)
		snprintf(p->rnote, sizeof p->rnote, "%s %.1f MB%s", p->o.ascii ? "reading..." :
		         "reading…", mb, p->follow ? " (following; any key stops)" : "");
	else
		snprintf(p->rnote, sizeof p->rnote, "stopped reading at %.0f MB (--max-input)", mb);
	return p->rnote;
}

static int
status_text(void *ctx, int y, int x, int w, const char *s, size_t a, size_t b, attr_t attr,
            bool cut)
{
	const pager *p = ctx;
	return draw_clipped_pic(&p->d, s, y, x, w, a, b, attr, cut);
}

static void
draw_status(pager *p)
{
	status_info st = { .empty = view_empty(p->v), .ascii = p->o.ascii,
	                   .flash = p->flash, .name = p->o.name, .file = p->o.file,
	                   .files = p->o.files };
	pk_block title;
	char filter[160];

	if (!st.flash && p->nn == NN_ENTITY)
		st.flash = entpane_note(p->pane);
	if (!st.flash && finder_active(p->find) && (p->nn == NN_SEARCH || finder_pending(p->find)))
		st.flash = search_note(p, p->find, true);
	if (!st.flash)
		st.flash = entpane_note(p->pane);
	if (!st.flash && p->o.stream && (p->o.stream->growing || p->o.stream->capped))
		st.flash = stream_note(p);
	if (p->filt_on || finder_active(p->filt)) {
		snprintf(filter, sizeof filter, "&%s%s", finder_query(p->filt),
		         finder_done(p->filt) ? "" : " …");
		st.filter = filter;
	}

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

static void draw_screen(pager *p);

void
pager_draw(pager *p)
{
	bool img = p->d.img && p->o.mode == RENDER_IMAGE;
	if (img)
		imgrows_begin(p->d.img);
	draw_screen(p);
	if (img)
		imgrows_settle(p->d.img, p->d.ov);
}

/* The screen (help, quote list, or the text, the pane and the status). */
static void
draw_screen(pager *p)
{
	if (p->d.ov)
		overlay_begin(p->d.ov);
	p->d.cur = p->cur;  /* highlighted */
	/* the matches of the search being typed, else of the last one */
	finder *f = prompt_is_open(p->pr) && finder_active(p->inc) ? p->inc
	          : finder_active(p->find) ? p->find : NULL;
	p->d.found = f ? finder_matches(f) : NULL;
	p->d.fcur = f && finder_current(f) != FIND_NONE ? finder_current(f) : (size_t)-2;
	erase();
	if (p->help.up) {
		help_draw(&p->help);
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
	entpane_draw(p->pane);
	if (prompt_is_open(p->pr)) {
		const char *note = p->flash ? p->flash : search_note(p, p->inc, false);
		prompt_draw(p->pr, &p->d, LINES - 1, note);
		return;
	}
	draw_status(p);
}

/* ---------------------------------------------------------------- mouse */

/* Walking a row's clusters to the one under a column. */
typedef struct hit {
	int want, col;
	size_t at;
	bool found;
} hit;

static int
on_hit(void *ctx, size_t cs, size_t ce, int w)
{
	hit *h = ctx;
	(void)ce;
	if (h->col + w > h->want) {
		h->at = cs;
		h->found = true;
		return 1;
	}
	h->col += w;
	return 0;
}

/* The input offset under row @p y, column @p x of the text, or
 * PLACE_NONE (a blank row, past the end of the line, the margin). */
static size_t
offset_at(pager *p, int y, int x)
{
	if (view_empty(p->v) || y < 0 || y >= view_rows(p->v) || x < p->left)
		return PLACE_NONE;
	view_pos q = view_top_pos(p->v);
	for (int i = 0; i < y; i++)
		if (!view_pos_next(p->v, &q))
			return PLACE_NONE;
	view_row r;
	view_row_get(p->v, &q, &r);
	if (r.blank)
		return PLACE_NONE;
	hit h = { x - p->left, 0, 0, false };
	layout_clusters(view_layout(p->v), r.s, r.start, r.vis_end, on_hit, &h);
	if (!h.found)
		return PLACE_NONE;
	return r.map ? r.map[h.at] : h.at;
}

/* A click on the text: the quotation under it becomes the current one
 * (the status line names its speaker); elsewhere the current one goes. */
static void
click_text(pager *p, int y, int x)
{
	size_t off = offset_at(p, y, x);
	if (off == PLACE_NONE || !quotes_ensure_visibly(p))
		return;
	for (size_t i = 0; i < p->quotes.n; i++) {
		const pk_quote *q = &p->quotes.v[i];
		size_t a = q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start;
		if (off >= a && off < q->end) {
			p->cur = i;
			return;
		}
	}
	p->cur = PK_QUOTE_NONE;
}

/* A mouse event: the wheel scrolls (what is open: the help, the list, the
 * text) three lines, as less --mouse does; button 1 clicks. */
static void
mouse_event(pager *p)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	int dir = ev.bstate & BUTTON4_PRESSED ? -1 :
#ifdef BUTTON5_PRESSED
	          ev.bstate & BUTTON5_PRESSED ? 1 :
#endif
	          0;
	if (dir) {
		for (int i = 0; i < 3; i++) {
			if (p->help.up)
				help_key(&p->help, dir > 0 ? 'j' : 'k');
			else if (p->ql)
				qlist_key(p->ql, dir > 0 ? KEY_DOWN : KEY_UP);
		}
		if (!p->help.up && !p->ql)
			view_scroll(p->v, 3 * dir);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || p->help.up || p->ql ||
	    prompt_is_open(p->pr))
		return;
	if (entpane_click(p->pane, ev.y, ev.x)) {
		if (entpane_choices(p->pane) != p->chose) {
			p->chose = entpane_choices(p->pane);
			p->nn = NN_ENTITY;
			p->jumped = true;
		}
		return;
	}
	if (entpane_focused(p->pane))
		entpane_focus(p->pane);  /* a click on the text takes the focus there */
	click_text(p, ev.y, ev.x);
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

/* Base64 of s[0, n) into a malloc'd string (OSC 52 carries it). */
static char *
base64(const unsigned char *s, size_t n)
{
	char *out = malloc((n + 2) / 3 * 4 + 1);
	if (out)
		out[img_base64(s, n, out)] = 0;
	return out;
}

/* y: the current quotation, as written, and its speaker, for the clipboard
 * (sent after the next refresh).  Control characters are left out: what
 * the clipboard gets is text. */
#define CLIP_MAX (64u << 10)
static void
copy_quote(pager *p)
{
	if (p->cur == PK_QUOTE_NONE) {
		p->flash = _("y: no quotation is current (] or a click picks one)");
		return;
	}
	const pk_quote *q = &p->quotes.v[p->cur];
	size_t a = q->open_mark != PK_QUOTE_NONE ? q->open_mark : q->start;
	size_t b = q->close_mark != PK_QUOTE_NONE ? q->close_mark + 1 : q->end;
	while (b < p->in->len && b > 0 && ((unsigned char)p->in->bytes[b] & 0xC0) == 0x80)
		b++;  /* the rest of the closing mark's bytes */
	const char *who = q->speaker ? q->speaker : "?";
	size_t cap = (b - a < CLIP_MAX ? b - a : CLIP_MAX) + strlen(who) + 8, n = 0;
	unsigned char *t = malloc(cap);
	if (!t) {
		p->flash = _("out of memory");
		return;
	}
	for (size_t i = a; i < b && n + 1 < cap - strlen(who) - 6; i++) {
		unsigned char c = (unsigned char)p->in->bytes[i];
		if (c < 0x20 && c != '\n' && c != '\t')
			continue;
		if (c == 0x7F || (c == 0xC2 && i + 1 < b && (unsigned char)p->in->bytes[i + 1] < 0xA0)) {
			i += c == 0xC2;  /* DEL, a C1 control */
			continue;
		}
		t[n++] = c;
	}
	n += (size_t)snprintf((char *)t + n, cap - n, " \xe2\x80\x94 %s", who);
	free(p->clip);
	p->clip = base64(t, n);
	free(t);
	say(p, _("quote %zu/%zu and its speaker copied (OSC 52, if the terminal allows it)"),
	    p->cur + 1, p->quotes.n);
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
	case ACT_RELOAD:
		p->req = PAGER_RELOAD;
		return false;
	case ACT_FILE_NEXT:
	case ACT_FILE_PREV:
		p->req = act == ACT_FILE_NEXT ? PAGER_NEXT : PAGER_PREV;
		p->req_count = times;
		return false;
	case ACT_FILE_OPEN:
		prompt_start(p, ':');
		return true;
	case ACT_MARK: {
		int slot = place_mark_slot(p->keys.letter);
		if (slot < 0 || view_empty(p->v))
			return true;
		p->marks[slot] = pager_top_offset(p);
		say(p, _("mark %c set"), p->keys.letter);
		return true;
	}
	case ACT_GOTO_MARK: {
		int slot = place_mark_slot(p->keys.letter);
		if (slot < 0)
			return true;
		if (p->marks[slot] == PLACE_NONE) {
			say(p, _("mark %c is not set (m%c sets it)"), p->keys.letter, p->keys.letter);
			return true;
		}
		p->jumped = true;
		pager_goto_offset(p, p->marks[slot]);
		break;
	}
	case ACT_BACK:
		if (p->back == PLACE_NONE) {
			p->flash = _("'': no jump to go back from yet");
			return true;
		}
		p->jumped = true;
		pager_goto_offset(p, p->back);
		break;
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
		p->jumped = true;
		if (n > 0)
			view_goto_line(p->v, (size_t)n);
		else
			view_top(p->v);
		break;
	case ACT_END:
		p->jumped = true;
		if (n > 0)
			view_goto_line(p->v, (size_t)n);
		else
			view_end(p->v);
		if (n <= 0 && p->o.stream && p->o.stream->growing)
			p->follow = true;  /* what has arrived, then what arrives */
		break;
	case ACT_FOLLOW:
		view_end(p->v);
		if (p->o.stream && p->o.stream->growing)
			p->follow = true;
		else if (p->o.stream)
			say(p, _("not reading: the whole input is here"));
		else {
			/* a file: as less's F, wait for it to grow */
			p->follow_file = true;
			p->flash = p->o.ascii ? _("following the file - any key stops")
			                      : _("following the file \u2014 any key stops");
		}
		break;
	case ACT_COPY:
		copy_quote(p);
		return true;
	case ACT_EDIT:
		p->req = PAGER_EDIT;
		return false;
	case ACT_PERCENT:
		if (p->o.in_list && n < 0 && p->keys.letter == 'p') {
			/* from the list, p alone is the previous article */
			p->req = PAGER_PREV;
			p->req_count = 1;
			return false;
		}
		p->jumped = true;
		view_goto_percent(p->v, n > 100 ? 100 : n > 0 ? (int)n : 0);
		break;
	case ACT_QUOTE_NEXT:
	case ACT_QUOTE_PREV:
		if (!quotes_ensure_visibly(p))
			return true;
		if (entpane_chosen(p->pane)) {
			/* the chosen person's quotations */
			for (long i = 0; i < times; i++) {
				size_t q = entpane_quote_step(p->pane, act == ACT_QUOTE_NEXT ? 1 : -1);
				if (q == PK_QUOTE_NONE)
					break;
				quote_show(p, q);
			}
			return true;
		}
		for (long i = 0; i < times && quote_step(p, act == ACT_QUOTE_NEXT ? 1 : -1); i++)
			;
		return true;
	case ACT_QUOTE_LIST:
		if (!quotes_ensure_visibly(p))
			return true;
		if (p->quotes.n == 0)
			p->flash = _("no quotations in this article");
		else if (!(p->ql = qlist_new(&p->quotes, p->in->bytes, p->cur)))
			p->flash = _("out of memory");
		return true;
	case ACT_FORGET:
		p->cur = PK_QUOTE_NONE;
		entpane_forget(p->pane);
		finder_clear(p->find);
		p->nn = NN_NONE;
		return true;
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
	case ACT_FILTER:
		prompt_start(p, act == ACT_SEARCH ? '/' : act == ACT_FILTER ? '&' : '?');
		return true;
	case ACT_EXACT:
	case ACT_REGEX:
		toggle_flag(p, act == ACT_EXACT ? PK_SEARCH_EXACT : PK_SEARCH_REGEX);
		return true;
	case ACT_PANE:
		pane_toggle(p);
		return true;
	case ACT_FOCUS:
		entpane_focus(p->pane);
		return true;
	case ACT_NEXT:
	case ACT_PREV:
		/* the search or the entity: whichever was used last */
		if (p->nn == NN_SEARCH && finder_active(p->find))
			search_step(p, act == ACT_NEXT ? 1 : -1, times);
		else if (p->nn == NN_ENTITY || entpane_chosen(p->pane)) {
			entpane_step(p->pane, act == ACT_NEXT ? 1 : -1, times);
			p->jumped = true;
		}
		else if (p->o.in_list) {
			/* nothing to step through: the next article of the list */
			p->req = act == ACT_NEXT ? PAGER_NEXT : PAGER_PREV;
			p->req_count = times;
			return false;
		} else
			p->flash = _("n, N: no search, no entity selected (/ searches)");
		break;
	case ACT_RENDER:
		if (p->o.ascii) {
			p->flash = _("render: latin (the locale is not UTF-8)");
			return true;
		}
	{
		render_mode m = render_mode_next(p->o.mode);
		if (m == RENDER_IMAGE && !image_ready(p))
			m = render_mode_next(m);  /* no pictures here: the cycle skips it */
		set_mode(p, m);
		p->mode_chosen = true;
		if (m == RENDER_IMAGE) {
			char b[200];
			say(p, _("image (%s)"), imgrows_describe(p->d.img, b, sizeof b));
		} else {
			p->flash = render_mode_name(m);
		}
		return true;
	}
	case ACT_INFO:
		show_info(p);
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		if (p->d.img)
			imgrows_forget(p->d.img);  /* the clear takes the pictures too */
		return true;
	case ACT_HELP:
		help_open(&p->help);
		return true;
	case ACT_NONE:
	case ACT_N:
		return true;
	}
	follow_screen(p);
	return true;
}

static bool
key_dispatch(pager *p, int ch)
{
	key_action act = ACT_NONE;
	long n = -1;
	char seq[48];

	if (ch == KEY_RESIZE) {
		pager_resize(p);
		if (p->help.up)
			help_key(&p->help, ch);
		return true;
	}
	if (ch == KEY_MOUSE) {
		p->flash = NULL;
		p->follow = false;
		mouse_event(p);
		follow_screen(p);
		return true;
	}
	/* a message stays until a key: a redraw when idle work is done
	 * (the quotations found) must not wipe it at once */
	p->flash = NULL;
	p->wrapped = false;  /* said once */
	p->follow = false;   /* any key stops following; G and F start again */
	p->follow_file = false;
	if (prompt_is_open(p->pr)) {
		prompt_keyed(p, ch);
		follow_screen(p);
		return true;
	}
	if (p->help.up) {
		help_key(&p->help, ch);
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
	if (entpane_focused(p->pane) && p->keys.count < 0 && p->keys.nseq == 0 &&
	    entpane_key(p->pane, ch)) {
		if (entpane_choices(p->pane) != p->chose) {
			/* Enter on an entity: n and N step through its mentions now */
			p->chose = entpane_choices(p->pane);
			p->nn = NN_ENTITY;
			p->jumped = true;
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
		say(p, "%s: no such key (press h for help)", seq);
		return true;
	case KEYS_CANCEL:
		return true;
	case KEYS_DONE:
		break;
	}
	return pager_act(p, act, n);
}

bool
pager_key(pager *p, int ch)
{
	size_t before = pager_top_offset(p);
	p->req = PAGER_NONE;
	p->jumped = false;
	p->jump_from = PLACE_NONE;
	bool go_on = key_dispatch(p, ch);
	if (p->jumped) {
		size_t from = p->jump_from != PLACE_NONE ? p->jump_from : before;
		if (pager_top_offset(p) != from)
			p->back = from;
	}
	return go_on && p->req == PAGER_NONE;
}

void
pager_resize(pager *p)
{
	bool shown = entpane_width(p->pane) > 0;
	geometry(p);
	if (p->d.img && p->o.mode == RENDER_IMAGE) {
		/* the terminal may have moved the pictures with its text (a
		 * reflow): the screen is cleared and they are sent again */
		clearok(curscr, TRUE);
		imgrows_forget(p->d.img);
	}
	if (shown && !entpane_width(p->pane))
		say(p, _("pane hidden: needs %d columns"), ENTPANE_MIN_COLS);
}

/* The searches scan while idle, before anything else: the one being typed,
 * the one n and N use, the filter.  @return true when the screen changes. */
static bool
search_idle(pager *p, bool *did)
{
	*did = true;
	if (prompt_is_open(p->pr) && finder_active(p->inc) && !finder_done(p->inc)) {
		bool ch = finder_step(p->inc, FIND_SLICE);
		return find_events(p, p->inc, prompt_kind(p->pr) != '&') || ch;
	}
	if (finder_active(p->find) && !finder_done(p->find)) {
		bool ch = finder_step(p->find, FIND_SLICE);
		return find_events(p, p->find, true) || ch;
	}
	if (finder_active(p->filt) && !finder_done(p->filt)) {
		bool ch = finder_step(p->filt, FIND_SLICE);
		return filter_update(p) || ch;
	}
	*did = false;
	return false;
}

static bool
search_busy(const pager *p)
{
	return (prompt_is_open(p->pr) && finder_active(p->inc) && !finder_done(p->inc)) ||
	       (finder_active(p->find) && !finder_done(p->find)) ||
	       (finder_active(p->filt) && !finder_done(p->filt));
}

/* Should idle time read more of the stream?  While following, and while
 * less than READ_AHEAD has arrived past the screen (as less reads ahead). */
static bool
stream_due(const pager *p)
{
	const pk_input *in = p->o.stream;
	size_t first, last;
	if (!in || !in->growing)
		return false;
	if (p->follow || view_empty(p->v))
		return true;
	view_screen_span(p->v, &first, &last);
	return in->len < READ_AHEAD || in->len - READ_AHEAD < last;
}

/* The index has work: all of a finished input, or what has arrived -
 * unless it stopped at an unfinished line and nothing has arrived since
 * (idle time would index nothing, over and over, and never sleep). */
static bool
index_due(const pager *p)
{
	if (pk_doc_indexed(p->doc))
		return false;
	if (!p->in->growing)
		return true;
	return p->in->len > p->in->body && p->in->len != p->idx_stall &&
	       pk_doc_block_number(p->doc, p->in->len - 1) == (size_t)-1;
}

/* How far the index has reached: the first offset it has not. */
static size_t
index_reach(const pager *p)
{
	size_t lo = 0, hi = p->in->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pk_doc_block_number(p->doc, mid) == (size_t)-1)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* A step of the index; one that gets no further on a stream waits for
 * more of it.  @return true once all is indexed. */
static bool
index_slice(pager *p)
{
	size_t was = p->in->growing ? index_reach(p) : 0;
	bool done = pk_doc_index_step(p->doc, INDEX_STEP);
	if (!done && p->in->growing && index_reach(p) == was)
		p->idx_stall = p->in->len;
	return done;
}

bool
pager_busy(const pager *p)
{
	bool whole = !p->in->growing;  /* quotations and entities wait for the end */
	return search_busy(p) || index_due(p) || stream_due(p) ||
	       (whole && !p->quotes_done && (p->in->len <= QUOTES_IDLE_MAX || p->qjob)) ||
	       (whole && entpane_wanted(p->pane) && !p->ql);
}

/* Read a slice of the stream; @return true when the screen changes. */
static bool
stream_idle(pager *p)
{
	pk_input *in = p->o.stream;
	size_t was = in->got;
	bool cpu = search_busy(p) || index_due(p);
	pk_status st = pk_input_pump(in, READ_SLICE, cpu ? 0 : READ_WAIT_MS);
	if (st != PK_OK)
		say(p, _("read error: %s"), pk_status_str(st));
	if (!pk_doc_grew(p->doc))
		return in->got != was;  /* the byte count on the status line */
	view_input_grew(p->v);
	if (!in->growing && (p->quotes_done || p->qjob)) {
		/* found on part of the text: find them again on all of it */
		pk_quotes_job_free(p->qjob);
		p->qjob = NULL;
		pk_quotes_free(&p->quotes);
		pk_spans_free(&p->spans);
		memset(&p->quotes, 0, sizeof p->quotes);
		p->cur = PK_QUOTE_NONE;
		p->quotes_done = false;
	}
	if (in->capped && !p->cap_said) {
		p->cap_said = true;
		say(p, _("stopped reading at %zu MB: the --max-input limit"), in->limit >> 20);
	}
	if (in->detected[0] && !p->enc_said) {
		p->enc_said = true;
		say(p, _("not UTF-8: it may be %s (try --encoding=%s)"), in->detected, in->detected);
	}
	if (p->follow)
		view_end(p->v);
	return true;
}

bool
pager_idle(pager *p)
{
	bool did, changed = search_idle(p, &did);
	if (did) {
		follow_screen(p);
		return changed;
	}
	if (stream_due(p))
		changed = stream_idle(p);
	if (index_due(p))
		return index_slice(p) || changed;
	if (p->in->growing)
		return changed;
	if (!pk_doc_indexed(p->doc))
		return index_slice(p);  /* done: ¶ n/N */
	if (!p->quotes_done && (p->in->len <= QUOTES_IDLE_MAX || p->qjob))
		/* a slice at a time, so that keys are read between slices (a
		 * search a key began and another key interrupted goes on) */
		return quotes_slice(p, QUOTES_SLICE) && p->quotes.n > 0;  /* they get their colour */
	if (entpane_wanted(p->pane) && !p->ql) {
		/* not under the quote list: naming the speakers renames its rows' */
		bool had = p->quotes_done;
		if (ents_slice(p, QUOTES_SLICE))
			return entpane_width(p->pane) > 0 || (!had && p->quotes.n > 0);  /* the pane lists them */
		return !had && p->quotes_done && p->quotes.n > 0;  /* they get their colour */
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
	p->idx_stall = SIZE_MAX;
	p->keys = (keys_state)KEYS_STATE_INIT;
	p->keys.user = o->keys;
	if (p->o.width < 1)
		p->o.width = 80;
	if (p->o.ascii)
		p->o.mode = RENDER_LATIN;
	if (render_mode_roman(p->o.deva))
		p->o.deva = RENDER_REORDER;
	p->v = view_new(doc, o->model, p->o.mode, o->ascii);
	if (p->v && o->verbatim)
		view_set_verbatim(p->v, true);
	entpane_ctx ec = { doc, p->in, p->v, &p->d, &p->quotes, p->o.ascii, &p->flash, p->msg,
	                   sizeof p->msg };
	if (!p->v || (o->model == WIDTH_CLUSTER && !o->ascii && !(p->d.ov = overlay_new())) ||
	    !(p->pane = entpane_new(&ec))) {
		overlay_free(p->d.ov);
		view_free(p->v);
		free(p);
		return NULL;
	}
	p->d = (drawer){ view_layout(p->v), view_translit(p->v), p->d.ov, p->o.ascii, p->o.mode,
	                 p->o.deva, p->in->bytes, &p->spans, PK_QUOTE_NONE,
	                 entpane_marks(p->pane), EP_NONE, NULL, 0, NULL, 0 };
	layout_mode(p);

	p->sflags = o->search_flags;
	if (!(p->pr = prompt_new()) || !(p->find = finder_new(p->in->bytes, p->in->len)) ||
	    !(p->inc = finder_new(p->in->bytes, p->in->len)) ||
	    !(p->filt = finder_new(p->in->bytes, p->in->len))) {
		pager_free(p);
		return NULL;
	}
	p->vf = finder_filter(p->filt);
	geometry(p);
	if (p->o.mode == RENDER_IMAGE && !image_ready(p)) {
		/* --render=image where no picture can be drawn: the text mode */
		set_mode(p, p->o.text_mode == RENDER_IMAGE ? RENDER_SHAPED : p->o.text_mode);
		say(p, _("image mode: %s; %s instead"), p->img_why, render_mode_name(p->o.mode));
	}
	if (o->note)
		p->flash = o->note;
	if (p->in->detected[0]) {
		p->enc_said = true;
		say(p, _("not UTF-8: it may be %s (try --encoding=%s)"), p->in->detected,
		    p->in->detected);
	}
	p->back = PLACE_NONE;
	for (int i = 0; i < PLACE_MARKS; i++)
		p->marks[i] = PLACE_NONE;
	if (o->pane)
		pane_toggle(p);
	if (o->search && *o->search) {
		/* +/word, -p word: the first match from the top (the last one for
		 * +?); +&word: the filter.  Found while idle, a slice at a time. */
		int kind = o->search_kind ? o->search_kind : '/';
		finder *f = kind == '&' ? p->filt : p->find;
		size_t n = strlen(o->search);
		if (find_start(p, f, o->search, n, p->sflags, kind_dir(kind),
		               kind == '?' ? p->in->len : 0) && kind != '&')
			p->nn = NN_SEARCH;
	}
	return p;
}

void
pager_free(pager *p)
{
	if (!p)
		return;
	qlist_free(p->ql);
	free(p->clip);
	prompt_free(p->pr);
	finder_free(p->find);
	finder_free(p->inc);
	finder_free(p->filt);
	entpane_free(p->pane);
	pk_quotes_job_free(p->qjob);
	pk_quotes_free(&p->quotes);
	pk_spans_free(&p->spans);
	if (p->d.img) {
		imgrows_clear(p->d.img);  /* kitty keeps pictures until told */
		imgrows_free(p->d.img);
	}
	overlay_free(p->d.ov);
	view_free(p->v);
	free(p);
}

void
pager_overlay(pager *p)
{
	if (p->clip) {
		/* OSC 52: the terminal sets the clipboard to what y copied */
		fputs("\033]52;c;", stdout);
		fputs(p->clip, stdout);
		fputs("\a", stdout);
		fflush(stdout);
		free(p->clip);
		p->clip = NULL;
	}
	if (p->d.ov)
		overlay_flush(p->d.ov);
	if (p->d.img && p->o.mode == RENDER_IMAGE)
		imgrows_flush(p->d.img, p->d.ov);
}

render_mode
pager_mode(const pager *p)
{
	return p->o.mode;
}

void
pager_note(pager *p, const char *msg)
{
	if (!p->flash)
		p->flash = msg;
}

pager_req
pager_request(const pager *p, long *count, const char **name)
{
	if (count)
		*count = p->req_count;
	if (name)
		*name = p->open_name;
	return p->req;
}

bool
pager_following_file(const pager *p)
{
	return p->follow_file;
}

void
pager_follow_file(pager *p)
{
	view_end(p->v);
	p->follow_file = true;
	p->flash = p->o.ascii ? _("following the file - any key stops")
	                      : _("following the file \u2014 any key stops");
}

bool
pager_mode_chosen(const pager *p)
{
	return p->mode_chosen;
}

const size_t *
pager_marks(const pager *p)
{
	return p->marks;
}

void
pager_set_marks(pager *p, const size_t *marks)
{
	for (int i = 0; i < PLACE_MARKS; i++)
		p->marks[i] = marks[i] <= p->in->len ? marks[i] : PLACE_NONE;
}

void
pager_jump(pager *p, size_t off)
{
	size_t from = pager_top_offset(p);
	pager_goto_offset(p, off);
	if (pager_top_offset(p) != from)
		p->back = from;
}

size_t
pager_top_offset(pager *p)
{
	size_t first = 0, last = 0;
	if (!view_empty(p->v))
		view_screen_span(p->v, &first, &last);
	return first;
}

void
pager_goto_offset(pager *p, size_t off)
{
	if (view_empty(p->v))
		return;
	off = off < p->in->len ? off : p->in->len;
	view_goto_offset(p->v, off, 0);
	/* a blank row between paragraphs has its block's end as its offset,
	 * which the row below starts at too: the blank row was the top */
	if (pager_top_offset(p) != off) {
		view_scroll(p->v, -1);
		if (pager_top_offset(p) != off)
			view_scroll(p->v, 1);
	}
}
