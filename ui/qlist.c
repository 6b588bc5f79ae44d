/* qlist.c - the quote list screen. */
#include "config.h"

#include "qlist.h"
#include "listmove.h"
#include "colors.h"
#include "draw.h"
#include "lineedit.h"
#include "i18n.h"
#include "search.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
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
	bool saving;       /* s: the last row asks for a file name */
	ledit *se;         /* the file name typed (lineedit.h) */
	char note[LEDIT_MAX + 64]; /* what the last save did, until the next key */
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
	if (!l->rows || !(l->se = ledit_new())) {
		free(l->rows);
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
	ledit_free(l->se);
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

/* One CSV field (RFC 4180): quoted, quotes doubled, controls left out. */
static void
csv_field(FILE *f, const char *s, size_t a, size_t b)
{
	fputc('"', f);
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"')
			fputs("\"\"", f);
		else if (c >= 0x20 || c == '\t')
			fputc(c, f);
		else if (c == '\n' || c == '\r')
			fputc(' ', f);
	}
	fputc('"', f);
}

/* The quotations listed (in the list's order) into @p path: JSON when it
 * ends in .json, else CSV.  @return how many, or -1 (errno set). */
static long
save_list(const qlist *l, const char *path)
{
	size_t n = strlen(path);
	bool json = n >= 5 && strcmp(path + n - 5, ".json") == 0;
	json_t *arr = json ? json_array() : NULL;
	FILE *f = fopen(path, "w");
	long k = 0;
	if (!f || (json && !arr)) {
		int err = f ? ENOMEM : errno;
		if (f)
			fclose(f);
		json_decref(arr);
		errno = err;
		return -1;
	}
	if (!json)
		fputs("number,start,end,speaker,cue,quotation\r\n", f);
	for (size_t r = 0; r < l->nrows; r++) {
		size_t i = l->rows[r].quote;
		if (i == PK_QUOTE_NONE)
			continue;
		const pk_quote *x = &l->q->v[i];
		k++;
		if (json) {
			json_t *o = json_pack("{s:I,s:I,s:I,s:s?,s:s?,s:s%}", "number", (json_int_t)i + 1,
			                      "start", (json_int_t)x->start, "end", (json_int_t)x->end,
			                      "speaker", x->speaker, "cue", x->cue, "quotation",
			                      l->in + x->start, x->end - x->start);
			if (!o || json_array_append_new(arr, o) != 0)
				k = -1;
			continue;
		}
		fprintf(f, "%zu,%zu,%zu,", i + 1, x->start, x->end);
		const char *who = speaker_of(x);
		csv_field(f, who, 0, strlen(who));
		fputc(',', f);
		csv_field(f, x->cue ? x->cue : "", 0, x->cue ? strlen(x->cue) : 0);
		fputc(',', f);
		csv_field(f, l->in, x->start, x->end);
		fputs("\r\n", f);
	}
	if (json && k >= 0 && json_dumpf(arr, f, JSON_INDENT(2)) != 0)
		k = -1;
	if (json)
		fputc('\n', f);
	json_decref(arr);
	if (ferror(f))
		k = -1;
	if (fclose(f) != 0)
		k = -1;
	if (k < 0 && !errno)
		errno = EIO;
	return k;
}

/* A key while the file name is asked for. */
static ql_result
save_key(qlist *l, int ch)
{
	switch (ch) {
	case 27:
		l->saving = false;
		return QL_STAY;
	case '\n': case '\r': case KEY_ENTER: {
		l->saving = false;
		if (!ledit_len(l->se))
			return QL_STAY;
		const char *name = ledit_text(l->se);
		errno = 0;
		long k = save_list(l, name);
		if (k < 0)
			snprintf(l->note, sizeof l->note, "%s: %s", name, strerror(errno));
		else
			snprintf(l->note, sizeof l->note,
			         ngettext("saved %ld quotation to %s", "saved %ld quotations to %s",
			                  (unsigned long)k), k, name);
		return QL_STAY;
	}
	case KEY_BACKSPACE: case 127: case 8:
		ledit_backspace(l->se);
		return QL_STAY;
	case 'u' & 0x1f:
		ledit_clear(l->se);
		return QL_STAY;
	default:
		if (ch >= 0 && ch <= 0xFF)
			ledit_byte(l->se, ch);
		return QL_STAY;
	}
}

ql_result
qlist_key(qlist *l, int ch)
{
	int page = LINES > 4 ? LINES - 3 : 1;

	l->note[0] = 0;
	if (l->saving)
		return save_key(l, ch);
	if ((ch == 's' && l->nfilter == 0) || ch == ('s' & 0x1f)) {
		/* s saves (a filter that starts with s: / first); Ctrl-S also
		 * with a filter typed, what it lists */
		l->saving = true;
		ledit_set(l->se, "quotations.csv");
		return QL_STAY;
	}
	if (ch == '/' && l->nfilter == 0)
		return QL_STAY;  /* the filter starts with what comes next */
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
	char buf[160];

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
	snprintf(buf, sizeof buf, _(" Quotations: %zu of %zu%s"), nq, l->q->n,
	         l->grouped ? _(", by speaker") : "");
	draw_ui(0, 0, buf, COLS);
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
	if (l->saving) {
		/* the file name being typed (.json: JSON, else CSV) */
		int x = draw_ui(LINES - 1, 0, _(" Save to (.csv or .json): "), COLS);
		if (ledit_len(l->se) && x < COLS)
			x = text(ctx, LINES - 1, x, COLS, ledit_text(l->se), 0, ledit_len(l->se), A_BOLD);
		if (x < COLS) {
			attrset(A_REVERSE);
			mvaddch(LINES - 1, x, ' ');
			attrset(A_NORMAL);
		}
		return;
	}
	if (l->note[0]) {
		attrset(A_BOLD);
		text(ctx, LINES - 1, 1, COLS, l->note, 0, strlen(l->note), A_BOLD);
		attrset(A_NORMAL);
		return;
	}
	int x = draw_ui(LINES - 1, 0, _(" Filter: "), COLS);
	if (l->nfilter && x < COLS)
		x = text(ctx, LINES - 1, x, COLS, l->filter, 0, l->nfilter, A_BOLD);
	if (x + 2 < COLS) {
		attrset(A_DIM);
		draw_ui(LINES - 1, x + 1 < COLS ? x + 1 : x,
		        _("(type to filter, Tab: by speaker, s ^S: save, Enter: jump, Esc: back)"),
		        COLS - x - 2 > 0 ? COLS - x - 2 : 0);
		attrset(A_NORMAL);
	}
}
