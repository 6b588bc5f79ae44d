/* span.c - the growable span list. */
#include "config.h"

#include "span.h"
#include "grow.h"

#include <stdlib.h>

int
pk_spans_push(pk_spans *s, pk_span sp)
{
	if (pk_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v, 16) < 0)
		return -1;
	s->v[s->n++] = sp;
	return 0;
}

static int
span_cmp(const void *a, const void *b)
{
	const pk_span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->payload < y->payload ? -1 : x->payload > y->payload;
}

void
pk_spans_sort(pk_spans *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, span_cmp);
}

size_t
pk_spans_upper(const pk_spans *s, size_t off)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
pk_spans_first_after(const pk_spans *s, size_t off)
{
	/* Spans can nest, so ends are not sorted: binary-search the starts for
	 * a window, then scan back over spans that may still reach off. */
	size_t lo = pk_spans_upper(s, off);
	size_t first = lo;
	for (size_t i = lo; i-- > 0;)
		if (s->v[i].end > off)
			first = i;
	return first;
}

void
pk_spans_free(pk_spans *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}
