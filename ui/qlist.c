/* qlist.c - the quote list screen. */
#include "config.h"

#include "qlist.h"
#include "listmove.h"
#include "colors.h"
#include "search.h"

#include <stdlib.h>
#include <string.h>

#define FILTER_MAX 128

/* A row: a speaker heading (grouped view) or a quotation. */
struct row {
	size_t quote;      /* index into q, or PK_QUOTE_NONE for a heading */
	const char *who;   /* heading: the speaker */
	size_t count;      /* heading: quotations under it */
};

struct qlist {
	const pk_quotes *q;
	const char *in;
	char filter[FILTER_MAX];
	size_t nfilter;
	pk_search *fq;     /* the filter compiled, or NULL */
	bool grouped;
	struct row *rows;
	size_t nrows;
	size_t sel;        /* selected row */
	size_t top;        /* first row on screen */
	size_t choice;
};

static const char *
speaker_of(const pk_quote *x)
{
	return x->speaker ? x->speaker : "?";
}

/* Does quotation i match the filter in its speaker, cue or text?  As the
 * text search matches (search.h): spelling variants folded, a Latin
 * filter (putin) read against the romanized words too. */
static bool
matches(const qlist *l, size_t i)
{
	const pk_quote *x = &l->q->v[i];
	const char *who = speaker_of(x);
	if (l->nfilter == 0 || !l->fq)
		return l->nfilter == 0;
	return pk_search_matches(l->fq, who, 0, strlen(who)) ||
	       (x->cue && pk_search_matches(l->fq, x->cue, 0, strlen(x->cue))) ||
	       pk_search_matches(l->fq, l->in, x->start, x->end);
}

static int
by_speaker(const void *a, const void *b, void *ctx)
{
	const pk_quotes *q = ((const qlist *)ctx)->q;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(speaker_of(&q->v[i]), speaker_of(&q->v[j]));
	return c ? c : (i > j) - (i < j);
}

/* Rebuild the rows after the filter or the grouping changed, keeping the
 * selected quotation selected when it is still listed. */
static void
rebuild(qlist *l)
{
	size_t keep = l->nrows && l->sel < l->nrows ? l->rows[l->sel].quote : l->choice;
	size_t *idx = malloc((l->q->n ? l->q->n : 1) * sizeof *idx), n = 0;

	l->nrows = 0;
	pk_search_free(l->fq);
	pk_status st;
	l->fq = l->nfilter ? pk_search_new(l->filter, l->nfilter, 0, &st, NULL, 0) : NULL;
	if (!idx)
		return;
	for (size_t i = 0; i < l->q->n; i++)
		if (matches(l, i))
			idx[n++] = i;
	if (l->grouped)
		qsort_r(idx, n, sizeof *idx, by_speaker, l);
	for (size_t i = 0; i < n; i++) {
		const char *who = speaker_of(&l->q->v[idx[i]]);
		if (l->grouped && (i == 0 || strcmp(who, speaker_of(&l->q->v[idx[i - 1]])) != 0)) {
			size_t c = 1;
			while (i + c < n && strcmp(who, speaker_of(&l->q->v[idx[i + c]])) == 0)
				c++;
			l->rows[l->nrows++] = (struct row){ PK_QUOTE_NONE, who, c };
		}
		l->rows[l->nrows++] = (struct row){ idx[i], NULL, 0 };
	}
	free(idx);
	l->sel = 0;
	for (size_t r = 0; r < l->nrows; r++)
		if (l->rows[r].quote != PK_QUOTE_NONE && (l->rows[l->sel].quote == PK_QUOTE_NONE ||
		                                          l->rows[r].quote == keep)) {
			l->sel = r;
			if (l->rows[r].quote == keep)
				break;
		}
	l->top = 0;
}

qlist *
qlist_new(const pk_quotes *q, const char *input, size_t sel)
{
	qlist *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	/* room for every quotation and a heading for each */
	l->rows = malloc((2 * q->n + 1) * sizeof *l->rows);
	if (!l->rows) {
		free(l);
		return NULL;
	}
	l->q = q;
	l->in = input;
	l->choice = sel;
	rebuild(l);
	return l;
}

void
qlist_free(qlist *l)
{
	if (!l)
		return;
	pk_search_free(l->fq);
	free(l->rows);
	free(l);
}

size_t
qlist_choice(const qlist *l)
{
	return l->choice;
}

static bool
is_heading(const void *ctx, size_t r)
{
	return ((const qlist *)ctx)->rows[r].quote == PK_QUOTE_NONE;
}

/* Move the selection by d rows, skipping headings. */
static void
move_sel(qlist *l, long d)
{
	l->sel = list_move(l->sel, l->nrows, d, is_heading, l);
}

ql_result
qlist_key(qlist *l, int ch)
{
	int page = LINES > 4 ? LINES - 3 : 1;

	switch (ch) {
	case 27: case KEY_F(10):  /* Esc */
		return QL_CLOSE;
	case '\n': case '\r': case KEY_ENTER:
		if (l->sel < l->nrows && l->rows[l->sel].quote != PK_QUOTE_NONE) {
			l->choice = l->rows[l->sel].quote;
			return QL_JUMP;
		}
		return QL_STAY;
	case KEY_DOWN: case 'n' & 0x1f:
		move_sel(l, 1);
		return QL_STAY;
	case KEY_UP: case 'p' & 0x1f:
		move_sel(l, -1);
		return QL_STAY;
	case KEY_NPAGE:
		move_sel(l, page);
		return QL_STAY;
	case KEY_PPAGE:
		move_sel(l, -page);
		return QL_STAY;
	case KEY_HOME:
		move_sel(l, -(long)l->nrows);
		return QL_STAY;
	case KEY_END:
		move_sel(l, (long)l->nrows);
		return QL_STAY;
	case '\t':
		l->grouped = !l->grouped;
		rebuild(l);
		return QL_STAY;
	case KEY_BACKSPACE: case 127: case 8:
		if (l->nfilter) {
			/* drop a whole UTF-8 character */
			do
				l->nfilter--;
			while (l->nfilter && ((unsigned char)l->filter[l->nfilter] & 0xC0) == 0x80);
			l->filter[l->nfilter] = 0;
			rebuild(l);
		}
		return QL_STAY;
	case 'u' & 0x1f:
		l->nfilter = 0;
		l->filter[0] = 0;
		rebuild(l);
		return QL_STAY;
	default:
		/* printable bytes (UTF-8 arrives byte by byte) extend the filter */
		if (ch >= 0x20 && ch <= 0xFF && ch != 0x7F && l->nfilter + 1 < FILTER_MAX) {
			l->filter[l->nfilter++] = (char)ch;
			l->filter[l->nfilter] = 0;
			/* wait for the rest of a multibyte character before filtering */
			if ((ch & 0xC0) != 0xC0)
				rebuild(l);
		}
		return QL_STAY;
	}
}

void
qlist_draw(qlist *l, ql_text_fn text, ql_where_fn where, void *ctx)
{
	int rows = LINES - 2;  /* a header row and a prompt row */
	char buf[64];

	erase();
	if (LINES < 1 || COLS < 1)
		return;
	attrset(colors_attr(ROLE_STATUS));
	move(0, 0);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	/* headings are rows too: count only quotations */
	size_t nq = 0;
	for (size_t r = 0; r < l->nrows; r++)
		nq += l->rows[r].quote != PK_QUOTE_NONE;
	snprintf(buf, sizeof buf, " Quotations: %zu of %zu%s", nq, l->q->n,
	         l->grouped ? ", by speaker" : "");
	mvaddnstr(0, 0, buf, COLS);
	attrset(A_NORMAL);

	if (rows > 0) {
		if (l->sel < l->top)
			l->top = l->sel;
		if (l->sel >= l->top + (size_t)rows)
			l->top = l->sel - (size_t)rows + 1;
		/* show a group's heading above its first quotation */
		if (l->top > 0 && l->top == l->sel && l->rows[l->top - 1].quote == PK_QUOTE_NONE)
			l->top--;
	}
	for (int y = 0; y < rows && l->top + (size_t)y < l->nrows; y++) {
		const struct row *r = &l->rows[l->top + (size_t)y];
		bool cur = l->top + (size_t)y == l->sel;
		attr_t at = cur ? colors_attr(ROLE_QUOTE_CUR) : A_NORMAL;
		int x = 0;
		if (r->quote == PK_QUOTE_NONE) {
			x = text(ctx, y + 1, 1, COLS, r->who, 0, strlen(r->who), colors_attr(ROLE_SPEAKER));
			snprintf(buf, sizeof buf, " (%zu)", r->count);
			mvaddnstr(y + 1, x, buf, COLS - x > 0 ? COLS - x : 0);
			continue;
		}
		const pk_quote *qq = &l->q->v[r->quote];
		if (cur) {
			attrset(at);
			move(y + 1, 0);
			for (int i = 0; i < COLS; i++)
				addch(' ');
		}
		/* position first (ASCII, fixed width), then who, then the words */
		where(ctx, qq->start, buf, sizeof buf);
		attrset(at);
		mvaddnstr(y + 1, 1, buf, COLS > 1 ? COLS - 1 : 0);
		x = 1 + 8;
		if (!l->grouped) {
			const char *who = speaker_of(qq);
			x = text(ctx, y + 1, x, COLS, who, 0, strlen(who),
			         cur ? at : colors_attr(ROLE_SPEAKER));
			if (x + 2 < COLS) {
				attrset(at);
				mvaddstr(y + 1, x, ": ");
				x += 2;
			}
		}
		if (x < COLS)
			text(ctx, y + 1, x, COLS - 1, l->in, qq->start, qq->end,
			     cur ? at : colors_attr(ROLE_QUOTE));
	}
	attrset(A_NORMAL);
	move(LINES - 1, 0);
	clrtoeol();
	snprintf(buf, sizeof buf, " Filter: ");
	mvaddnstr(LINES - 1, 0, buf, COLS);
	int x = 9;
	if (l->nfilter && x < COLS)
		x = text(ctx, LINES - 1, x, COLS, l->filter, 0, l->nfilter, A_BOLD);
	if (x + 2 < COLS) {
		attrset(A_DIM);
		mvaddnstr(LINES - 1, x + 1 < COLS ? x + 1 : x,
		          "(type to filter, Tab: group by speaker, Enter: jump, Esc: back)",
		          COLS - x - 2 > 0 ? COLS - x - 2 : 0);
		attrset(A_NORMAL);
	}
}
