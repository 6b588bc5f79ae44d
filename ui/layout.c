/* layout.c - cluster-safe wrapping at ICU line-break opportunities. */
#include "config.h"

#include "layout.h"
#include "doc.h"
#include "grow.h"

#include <stdbool.h>
#include <stdlib.h>

struct clu;

struct layout {
	width_model model;
	render_mode mode;
	pk_breaker *line;
	pk_breaker *cluster;
	struct clu *clu;   /* scratch: the clusters of the run being wrapped */
	size_t capc;
};

layout *
layout_new(width_model m)
{
	layout *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->model = m;
	l->line = pk_breaker_new(PK_BREAK_LINE);
	l->cluster = pk_breaker_new(PK_BREAK_CLUSTER);
	if (!l->line || !l->cluster) {
		layout_free(l);
		return NULL;
	}
	return l;
}

void
layout_free(layout *l)
{
	if (!l)
		return;
	pk_breaker_free(l->line);
	pk_breaker_free(l->cluster);
	free(l->clu);
	free(l);
}

void
layout_set_model(layout *l, width_model m)
{
	l->model = m;
}

void
layout_set_mode(layout *l, render_mode mode)
{
	l->mode = mode;
}

width_model
layout_model(const layout *l)
{
	return l->model;
}

void
lay_lines_clear(lay_lines *ls)
{
	ls->n = 0;
}

void
lay_lines_free(lay_lines *ls)
{
	free(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
}

int
lay_lines_push(lay_lines *ls, const lay_line *ln)
{
	if (pk_grow(&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v, 64) < 0)
		return -1;
	ls->v[ls->n++] = *ln;
	return 0;
}

static int
push(lay_lines *out, size_t a, size_t vis_end, size_t b, int w)
{
	return lay_lines_push(out, &(lay_line){ a, b, vis_end, w });
}

int
layout_clusters(layout *l, const char *s, size_t a, size_t b,
                int (*fn)(void *ctx, size_t cs, size_t ce, int w), void *ctx)
{
	if (a >= b)
		return 0;
	if (pk_breaker_set(l->cluster, s, a, b) != PK_OK)
		return -1;
	for (size_t p = a, q; (q = pk_breaker_next(l->cluster)) != (size_t)-1; p = q) {
		int r = fn(ctx, p, q, render_width(l->model, l->mode, s, p, q));
		if (r)
			return r;
	}
	return 0;
}

/* One cluster as the wrapper sees it. */
struct clu {
	size_t start, end;
	int w;
	bool space;  /* whitespace: hangs at a break */
	bool brk;    /* a line may break before it */
};

static int
grow_clusters(layout *l, size_t need)
{
	return pk_grow(&l->clu, &l->capc, need, sizeof *l->clu, 256);
}

/* Collect the clusters of [a, b) with widths and break flags. */
static int
collect(layout *l, const char *s, size_t a, size_t b, size_t *n_out)
{
	size_t n = 0, lb;

	if (pk_breaker_set(l->cluster, s, a, b) != PK_OK ||
	    pk_breaker_set(l->line, s, a, b) != PK_OK)
		return -1;
	lb = pk_breaker_next(l->line);
	for (size_t p = a, q; (q = pk_breaker_next(l->cluster)) != (size_t)-1; p = q) {
		if (grow_clusters(l, n + 1) < 0)
			return -1;
		while (lb != (size_t)-1 && lb < p)
			lb = pk_breaker_next(l->line);
		l->clu[n] = (struct clu){
			.start = p, .end = q,
			.w = render_width(l->model, l->mode, s, p, q),
			.space = width_is_space(s, p, q),
			.brk = lb == p,
		};
		n++;
	}
	*n_out = n;
	return 0;
}

/* Emit clusters [i, j) as one line; trailing spaces hang. */
static int
emit(layout *l, lay_lines *out, size_t i, size_t j)
{
	size_t k = j;
	int w = 0;
	while (k > i && l->clu[k - 1].space)
		k--;
	for (size_t x = i; x < k; x++)
		w += l->clu[x].w;
	return push(out, l->clu[i].start, k > i ? l->clu[k - 1].end : l->clu[i].start,
	            l->clu[j - 1].end, w);
}

int
layout_wrap(layout *l, const char *s, size_t a, size_t b, int width, lay_lines *out)
{
	size_t n, i = 0;

	if (width < 1)
		width = 1;
	if (a >= b)
		return push(out, a, a, a, 0);
	if (collect(l, s, a, b, &n) < 0)
		return -1;
	while (i < n) {
		size_t best = 0, j = i;
		int tw = 0;      /* width of [i, j) including spaces */
		bool broke = false;
		for (; j < n; j++) {
			struct clu *c = &l->clu[j];
			if (j > i && c->brk)
				best = j;
			if (!c->space && tw + c->w > width && j > i) {
				size_t cut = best > i ? best : j;
				if (emit(l, out, i, cut) < 0)
					return -1;
				i = cut;
				broke = true;
				break;
			}
			tw += c->w;
		}
		if (!broke) {
			if (emit(l, out, i, n) < 0)
				return -1;
			i = n;
		}
	}
	return 0;
}
