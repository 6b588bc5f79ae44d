/* finder.c - a search over the input, scanned in slices (finder.h). */
#include "config.h"

#include "finder.h"

#include <stdlib.h>
#include <string.h>

struct finder {
	const char *text;
	size_t len;
	pk_search *s;      /* the compiled query, NULL when inactive */
	char *query;
	unsigned flags;
	int dir;           /* the way of the scan */
	size_t from;
	/* Scanned: forward [from, p1) and [0, p2); backward [p1, from) and
	 * [p2, len).  phase 1 moves p1, phase 2 p2, phase 3 is done. */
	size_t p1, p2;
	int phase;
	int pct;           /* progress last reported */
	pk_spans m;        /* matches found, sorted by start */
	pk_spans slice;    /* a slice's matches before they are merged */
	size_t cur;
	bool pend;         /* a seek waits for the scan */
	int pdir;
	size_t poff;
	find_event ev;
	bool wrapped;
	pk_status err;
};

finder *
finder_new(const char *text, size_t len)
{
	finder *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->text = text;
	f->len = len;
	f->cur = FIND_NONE;
	return f;
}

void
finder_clear(finder *f)
{
	pk_search_free(f->s);
	f->s = NULL;
	free(f->query);
	f->query = NULL;
	f->m.n = f->slice.n = 0;
	f->cur = FIND_NONE;
	f->pend = false;
	f->ev = FIND_EV_NONE;
	f->phase = 3;
	f->err = PK_OK;
}

void
finder_free(finder *f)
{
	if (!f)
		return;
	finder_clear(f);
	pk_spans_free(&f->m);
	pk_spans_free(&f->slice);
	free(f);
}

bool finder_active(const finder *f) { return f->s != NULL; }
const char *finder_query(const finder *f) { return f->query ? f->query : ""; }
int finder_dir(const finder *f) { return f->dir; }
unsigned finder_flags(const finder *f) { return f->flags; }
bool finder_done(const finder *f) { return f->phase >= 3; }
const pk_spans *finder_matches(const finder *f) { return &f->m; }
size_t finder_current(const finder *f) { return f->cur; }
bool finder_pending(const finder *f) { return f->pend; }
pk_status finder_error(const finder *f) { return f->err; }

/* How much is scanned, in bytes. */
static size_t
scanned(const finder *f)
{
	if (f->phase >= 3)
		return f->len;
	if (f->dir > 0)
		return (f->p1 - f->from) + f->p2;
	return (f->from - f->p1) + (f->len - f->p2);
}

int
finder_progress(const finder *f)
{
	return f->len ? (int)((double)scanned(f) * 100.0 / (double)f->len) : 100;
}

/* Is all of [a, b) scanned? */
static bool
covered(const finder *f, size_t a, size_t b)
{
	if (a >= b || f->phase >= 3)
		return true;
	if (f->dir > 0)
		return (a >= f->from && b <= f->p1) || b <= f->p2;
	return (a >= f->p1 && b <= f->from) || a >= f->p2;
}

/* The index of the first match starting at or after off. */
static size_t
lower_bound(const pk_spans *m, size_t off)
{
	return off ? pk_spans_upper(m, off - 1) : 0;
}

size_t
finder_next_start(const finder *f, size_t off)
{
	size_t k = lower_bound(&f->m, off);
	return k < f->m.n ? f->m.v[k].start : FIND_NONE;
}

size_t
finder_prev_start(const finder *f, size_t off)
{
	size_t k = lower_bound(&f->m, off);
	return k > 0 ? f->m.v[k - 1].start : FIND_NONE;
}

size_t
finder_number(const finder *f)
{
	if (f->cur == FIND_NONE || !covered(f, 0, f->m.v[f->cur].start))
		return 0;
	return f->cur + 1;
}

/* Settle a waiting seek when the scanned part allows. */
static void
resolve(finder *f)
{
	const pk_spans *m = &f->m;
	size_t k, off = f->poff;
	if (!f->pend)
		return;
	if (f->pdir > 0) {
		k = lower_bound(m, off);
		if (k < m->n) {
			if (!covered(f, off, m->v[k].start))
				return;
			f->wrapped = false;
		} else {
			if (!covered(f, off, f->len))
				return;
			/* round the end: the first of all */
			if (m->n == 0) {
				if (!covered(f, 0, off))
					return;
				goto none;
			}
			if (!covered(f, 0, m->v[0].start))
				return;
			k = 0;
			f->wrapped = true;
		}
	} else {
		k = lower_bound(m, off);
		if (k > 0) {
			if (!covered(f, m->v[k - 1].start, off))
				return;
			k--;
			f->wrapped = false;
		} else {
			if (!covered(f, 0, off))
				return;
			if (m->n == 0) {
				if (!covered(f, off, f->len))
					return;
				goto none;
			}
			if (!covered(f, m->v[m->n - 1].start, f->len))
				return;
			k = m->n - 1;
			f->wrapped = true;
		}
	}
	f->pend = false;
	f->cur = k;
	f->ev = FIND_EV_JUMP;
	return;
none:
	f->pend = false;
	f->ev = FIND_EV_NOTFOUND;
}

void
finder_seek(finder *f, int dir, size_t off)
{
	if (!f->s)
		return;
	f->pend = true;
	f->pdir = dir;
	f->poff = off > f->len ? f->len : off;
	resolve(f);
}

void
finder_next(finder *f, int dir, size_t first, size_t last)
{
	int d = dir * f->dir;
	if (!f->s)
		return;
	if (f->cur != FIND_NONE && f->cur < f->m.n && f->m.v[f->cur].end > first &&
	    f->m.v[f->cur].start < last) {
		size_t st = f->m.v[f->cur].start;
		finder_seek(f, d, d > 0 ? st + 1 : st);
	} else {
		finder_seek(f, d, d > 0 ? first : last);
	}
}

find_event
finder_event(finder *f, bool *wrapped)
{
	find_event ev = f->ev;
	f->ev = FIND_EV_NONE;
	if (wrapped)
		*wrapped = f->wrapped;
	return ev;
}

/* Only "\r" and "\e" mean something at the start of a query. */
static size_t
prefix_flags(const char *q, size_t qlen, unsigned *flags)
{
	size_t k = 0;
	while (k + 1 < qlen && q[k] == '\\' && (q[k + 1] == 'r' || q[k + 1] == 'e')) {
		*flags |= q[k + 1] == 'r' ? PK_SEARCH_REGEX : PK_SEARCH_EXACT;
		k += 2;
	}
	return k;
}

void
finder_set_len(finder *f, size_t len)
{
	f->len = len;
}

pk_status
finder_start(finder *f, const char *q, size_t qlen, unsigned flags, int dir, size_t from,
             char *why, size_t whysz)
{
	pk_status st = PK_OK;
	finder_clear(f);
	size_t k = prefix_flags(q, qlen, &flags);
	if (!(f->query = malloc(qlen + 1)))
		return PK_ERR_NOMEM;
	memcpy(f->query, q, qlen);
	f->query[qlen] = 0;
	f->s = pk_search_new(q + k, qlen - k, flags, &st, why, whysz);
	if (!f->s) {
		free(f->query);
		f->query = NULL;
		return st != PK_OK ? st : PK_ERR_NOMEM;
	}
	f->flags = flags;
	f->dir = dir >= 0 ? 1 : -1;
	f->from = from > f->len ? f->len : from;
	f->p1 = f->from;
	f->p2 = f->dir > 0 ? 0 : f->len;
	f->phase = 1;
	f->pct = -1;
	f->wrapped = false;
	finder_seek(f, f->dir, f->from);
	return PK_OK;
}

/* A slice edge at or after x: after a line break close by, so that no
 * match is cut (a query has no line break), else at a character. */
static size_t
edge(const finder *f, size_t x)
{
	if (x >= f->len)
		return f->len;
	size_t room = f->len - x < 65536 ? f->len - x : 65536;
	const char *nl = memchr(f->text + x, '\n', room);
	if (nl)
		return (size_t)(nl - f->text) + 1;
	while (x < f->len && ((unsigned char)f->text[x] & 0xC0) == 0x80)
		x++;
	return x;
}

/* Merge the slice's matches into the sorted list. */
static int
merge(finder *f)
{
	pk_spans *m = &f->m, *s = &f->slice;
	if (s->n == 0)
		return 0;
	if (m->n + s->n > m->cap) {
		size_t cap = m->cap ? m->cap : 64;
		while (cap < m->n + s->n)
			cap *= 2;
		pk_span *v = realloc(m->v, cap * sizeof *v);
		if (!v)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	size_t at = lower_bound(m, s->v[0].start);
	memmove(m->v + at + s->n, m->v + at, (m->n - at) * sizeof *m->v);
	memcpy(m->v + at, s->v, s->n * sizeof *m->v);
	m->n += s->n;
	if (f->cur != FIND_NONE && f->cur >= at)
		f->cur += s->n;
	for (size_t i = 0; i < m->n; i++)
		m->v[i].payload = (uint32_t)i;
	s->n = 0;
	return 0;
}

bool
finder_step(finder *f, size_t budget)
{
	size_t a, b, n0 = f->m.n, c0 = f->cur;
	if (!f->s || f->phase >= 3)
		return false;
	if (budget < 4096)
		budget = 4096;
	if (f->dir > 0) {
		size_t *p = f->phase == 1 ? &f->p1 : &f->p2;
		size_t end = f->phase == 1 ? f->len : f->from;
		a = *p;
		b = end - a > budget ? edge(f, a + budget) : end;
		if (b > end)
			b = end;
		*p = b;
	} else {
		size_t *p = f->phase == 1 ? &f->p1 : &f->p2;
		size_t lo = f->phase == 1 ? 0 : f->from;
		b = *p;
		a = b - lo > budget ? edge(f, b - budget) : lo;
		if (a >= b)
			a = b - budget;  /* no line break in reach */
		*p = a;
	}
	pk_status st = pk_search_scan(f->s, f->text, f->len, a, b, &f->slice);
	if (st != PK_OK || merge(f) < 0) {
		/* short of memory or ICU failing: stop, say so */
		f->err = st != PK_OK ? st : PK_ERR_NOMEM;
		f->slice.n = 0;
		f->phase = 3;
	}
	if (f->phase == 1 && (f->dir > 0 ? f->p1 >= f->len : f->p1 == 0))
		f->phase = 2;
	if (f->phase == 2 && (f->dir > 0 ? f->p2 >= f->from : f->p2 <= f->from))
		f->phase = 3;
	resolve(f);
	int pct = finder_progress(f);
	bool changed = f->m.n != n0 || f->cur != c0 || pct != f->pct || f->ev != FIND_EV_NONE;
	f->pct = pct;
	return changed;
}

static size_t
keep_next(void *ctx, size_t off)
{
	size_t m = finder_next_start(ctx, off);
	return m == FIND_NONE ? VIEW_KEEP_NONE : m;
}

static size_t
keep_prev(void *ctx, size_t off)
{
	size_t m = finder_prev_start(ctx, off);
	return m == FIND_NONE ? VIEW_KEEP_NONE : m;
}

view_filter
finder_filter(finder *f)
{
	return (view_filter){ keep_next, keep_prev, f };
}
