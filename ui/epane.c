/* epane.c - the entity pane's model (see epane.h). */
#include "config.h"

#include "epane.h"
#include "listmove.h"
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct epane {
	const pk_entities *e;
	char **roman;       /* ASCII names, per entity, or NULL */
	size_t *order;      /* entities by type, then most mentions first */
	ep_row *rows;
	size_t nrows;
	size_t sel;         /* selected row, or EP_NONE */
	size_t top;
};

static int
by_type_count(const void *a, const void *b, void *ctx)
{
	const pk_entities *e = ctx;
	const pk_entity *x = &e->e[*(const size_t *)a], *y = &e->e[*(const size_t *)b];
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

epane *
epane_new(const pk_entities *e, pk_translit *tr)
{
	epane *l = calloc(1, sizeof *l);
	size_t n = e->ne ? e->ne : 1;
	if (!l)
		return NULL;
	l->e = e;
	l->roman = calloc(n, sizeof *l->roman);
	l->order = malloc(n * sizeof *l->order);
	l->rows = malloc((2 * n + PK_ENT_NTYPES) * sizeof *l->rows);
	if (!l->roman || !l->order || !l->rows) {
		epane_free(l);
		return NULL;
	}
	for (size_t i = 0; i < e->ne; i++) {
		const char *s = e->e[i].name;
		l->order[i] = i;
		if (tr)
			l->roman[i] = pk_translit_run(tr, s, 0, strlen(s), NULL);
	}
	/* qsort is not stable, but the order is total (first mentions differ) */
	qsort_r(l->order, e->ne, sizeof *l->order, by_type_count, (void *)(uintptr_t)e);
	l->sel = EP_NONE;
	if (epane_filter(l, "") < 0) {
		epane_free(l);
		return NULL;
	}
	return l;
}

int
epane_romanize(epane *l, pk_translit *tr)
{
	int rc = 0;
	for (size_t i = 0; i < l->e->ne; i++) {
		const char *s = l->e->e[i].name;
		if (!l->roman[i] && !(l->roman[i] = pk_translit_run(tr, s, 0, strlen(s), NULL)))
			rc = -1;
	}
	return rc;
}

void
epane_free(epane *l)
{
	if (!l)
		return;
	for (size_t i = 0; l->roman && i < l->e->ne; i++)
		free(l->roman[i]);
	free(l->roman);
	free(l->order);
	free(l->rows);
	free(l);
}

/* Does entity ent's name match the compiled filter q (NULL: no filter)?
 * The search backend folds spelling variants and reads a Latin filter
 * against the romanized name, as the text search does. */
static bool
match_key(const epane *l, size_t ent, pk_search *q)
{
	const char *name = l->e->e[ent].name;
	return !q || pk_search_matches(q, name, 0, strlen(name));
}

/* The filter f compiled (NULL for ""); *bad when it cannot be. */
static pk_search *
compile(const char *f, bool *bad)
{
	pk_status st;
	pk_search *q = *f ? pk_search_new(f, strlen(f), 0, &st, NULL, 0) : NULL;
	*bad = *f && !q;
	return q;
}

bool
epane_matches(const epane *l, size_t ent, const char *f)
{
	bool bad;
	pk_search *q = compile(f, &bad);
	bool m = !bad && ent < l->e->ne && match_key(l, ent, q);
	pk_search_free(q);
	return m;
}

int
epane_filter(epane *l, const char *f)
{
	size_t keep = epane_selected(l);
	bool bad;
	pk_search *q = compile(f, &bad);

	if (bad)
		return -1;
	l->nrows = 0;
	l->sel = EP_NONE;
	for (size_t k = 0, hd = 0; k < l->e->ne; k++) {
		size_t i = l->order[k];
		pk_ent_type t = l->e->e[i].type;
		if (!match_key(l, i, q))
			continue;
		if (l->nrows == 0 || l->rows[hd].type != t) {
			hd = l->nrows;  /* the first of its type: its heading */
			l->rows[l->nrows++] = (ep_row){ true, t, EP_NONE, 0 };
		}
		l->rows[hd].count++;
		l->rows[l->nrows++] = (ep_row){ false, t, i, 0 };
		if (l->sel == EP_NONE || i == keep)
			l->sel = l->nrows - 1;  /* the first, or the one selected before */
	}
	pk_search_free(q);
	l->top = 0;
	return 0;
}

size_t
epane_nrows(const epane *l)
{
	return l->nrows;
}

const ep_row *
epane_row(const epane *l, size_t i)
{
	return i < l->nrows ? &l->rows[i] : NULL;
}

const char *
epane_roman(const epane *l, size_t ent)
{
	return ent < l->e->ne ? l->roman[ent] : NULL;
}

size_t
epane_sel_row(const epane *l)
{
	return l->sel;
}

size_t
epane_selected(const epane *l)
{
	return l->sel != EP_NONE && l->sel < l->nrows ? l->rows[l->sel].ent : EP_NONE;
}

static bool
is_heading(const void *ctx, size_t r)
{
	return ((const epane *)ctx)->rows[r].head;
}

void
epane_move(epane *l, long d)
{
	if (l->sel != EP_NONE)
		l->sel = list_move(l->sel, l->nrows, d, is_heading, l);
}

void
epane_select(epane *l, size_t ent)
{
	for (size_t r = 0; r < l->nrows; r++)
		if (!l->rows[r].head && l->rows[r].ent == ent)
			l->sel = r;
}

size_t
epane_top(epane *l, size_t rows)
{
	if (rows == 0 || l->sel == EP_NONE)
		return l->top = 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top > 0 && l->top == l->sel && l->rows[l->top - 1].head)
		l->top--;
	return l->top;
}

size_t *
epane_mentions(const pk_entities *e, size_t ent, size_t *n)
{
	size_t *v = NULL, k = 0;
	*n = 0;
	if (ent >= e->ne || e->e[ent].mentions == 0 || !(v = malloc(e->nm * sizeof *v)))
		return NULL;
	for (size_t i = 0; i < e->nm; i++)
		if (e->m[i].entity == ent)
			v[k++] = i;
	if (k == 0) {
		free(v);
		return NULL;
	}
	*n = k;
	return v;
}

size_t *
epane_quotes(const pk_entities *e, const pk_quotes *q, size_t ent, size_t *n)
{
	size_t *v = NULL, k = 0;
	*n = 0;
	if (!q || q->n == 0 || ent >= e->ne || !(v = malloc(q->n * sizeof *v)))
		return NULL;
	for (size_t i = 0; i < q->n; i++)
		if (q->v[i].speaker_entity == ent)
			v[k++] = i;
	if (k == 0) {
		free(v);
		return NULL;
	}
	*n = k;
	return v;
}

size_t
epane_step(const size_t *starts, const size_t *ends, size_t n, size_t cur, size_t first,
           size_t last, int dir)
{
	if (cur != EP_NONE && cur < n && ends[cur] > first && starts[cur] < last) {
		if (dir > 0)
			return cur + 1 < n ? cur + 1 : EP_NONE;
		return cur > 0 ? cur - 1 : EP_NONE;
	}
	if (dir > 0) {
		for (size_t i = 0; i < n; i++)
			if (starts[i] >= first)
				return i;
	} else {
		for (size_t i = n; i-- > 0;)
			if (starts[i] < last)
				return i;
	}
	return EP_NONE;
}
