/*
 * brown.c - Brown word clusters; see brown.h.
 *
 * Notation (Liang 2005, sec. 3.2): for active classes x, y, n(x) is the
 * count of x's words and n(x, y) how often a word of x is followed by one
 * of y; q(x, y) = n(x, y) log(n(x, y) N / (n(x) n(y))) is the pair's share
 * of the average mutual information (times N, which does not move the
 * argmin).  s(x) is the sum of the q terms that involve x.  L(x, y), the
 * information lost by merging x and y, is kept for every active pair and
 * updated in O(1) a pair when a class is added or two are merged, so that
 * each step costs O(C^2).
 */
#include "config.h"
#include "brown.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct nbr {
	uint32_t w, n;          /* a neighbouring word and the bigram's count */
} nbr;

typedef struct brown {
	size_t S;               /* slots: C + 1 */
	double N;               /* bigrams in all */
	double *p2, *q2, *L;    /* [S][S]: n(x, y), q(x, y), L(x, y) for x < y */
	double *n1, *s;         /* [S]: n(x), s(x) */
	int32_t *node;          /* [S]: the tree node of a slot's class; -1 free */
	uint32_t *act;          /* the active slots, ascending */
	size_t nact;
} brown;

static inline double
qv(const brown *b, double nxy, double nx, double ny)
{
	return nxy > 0 ? nxy * log(nxy * b->N / (nx * ny)) : 0;
}

static void
list_active(brown *b)
{
	b->nact = 0;
	for (size_t x = 0; x < b->S; x++)
		if (b->node[x] >= 0)
			b->act[b->nact++] = (uint32_t)x;
}

/* q(x, e) and q(e, x) for every active e. */
static void
set_q(brown *b, size_t x)
{
	const size_t S = b->S;
	for (size_t i = 0; i < b->nact; i++) {
		size_t e = b->act[i];
		b->q2[x * S + e] = qv(b, b->p2[x * S + e], b->n1[x], b->n1[e]);
		b->q2[e * S + x] = qv(b, b->p2[e * S + x], b->n1[e], b->n1[x]);
	}
}

static void
set_s(brown *b)
{
	const size_t S = b->S;
	for (size_t i = 0; i < b->nact; i++) {
		size_t x = b->act[i];
		double t = -b->q2[x * S + x];
		for (size_t j = 0; j < b->nact; j++) {
			size_t e = b->act[j];
			t += b->q2[x * S + e] + b->q2[e * S + x];
		}
		b->s[x] = t;
	}
}

/* L(x, y) from scratch: the terms of x and y before, of x + y after. */
static double
loss_full(const brown *b, size_t x, size_t y)
{
	const size_t S = b->S;
	const double *p = b->p2;
	double nxy = b->n1[x] + b->n1[y];
	double before = b->s[x] + b->s[y] - b->q2[x * S + y] - b->q2[y * S + x];
	double after = qv(b, p[x * S + x] + p[x * S + y] + p[y * S + x] + p[y * S + y],
			  nxy, nxy);
	for (size_t i = 0; i < b->nact; i++) {
		size_t e = b->act[i];
		if (e == x || e == y)
			continue;
		after += qv(b, p[x * S + e] + p[y * S + e], nxy, b->n1[e]) +
			 qv(b, p[e * S + x] + p[e * S + y], b->n1[e], nxy);
	}
	return before - after;
}

/*
 * Class k joins (sign +1) or leaves (-1) the other classes: for each pair
 * (c, d) of the others (not k, x or y), L(c, d) gains or loses the q terms
 * between c, d and k (there before the merge) less those between c + d
 * and k (there after it).
 */
static void
adjust(brown *b, size_t k, double sign, size_t x, size_t y)
{
	const size_t S = b->S;
	const double *p = b->p2, *q = b->q2, nk = b->n1[k];
	for (size_t i = 0; i < b->nact; i++) {
		size_t c = b->act[i];
		if (c == k || c == x || c == y)
			continue;
		double tc = q[c * S + k] + q[k * S + c];
		double pck = p[c * S + k], pkc = p[k * S + c];
		for (size_t j = i + 1; j < b->nact; j++) {
			size_t d = b->act[j];
			if (d == k || d == x || d == y)
				continue;
			double ncd = b->n1[c] + b->n1[d];
			double delta = tc + q[d * S + k] + q[k * S + d] -
				       qv(b, pck + p[d * S + k], ncd, nk) -
				       qv(b, pkc + p[k * S + d], nk, ncd);
			b->L[c * S + d] += sign * delta;
		}
	}
}

/* L(x, e) from scratch for every active e. */
static void
set_row(brown *b, size_t x)
{
	const size_t S = b->S;
	for (size_t i = 0; i < b->nact; i++) {
		size_t e = b->act[i];
		if (e != x)
			b->L[(e < x ? e : x) * S + (e < x ? x : e)] = loss_full(b, x, e);
	}
}

/* The active pair (x < y) that loses the least; ties to the first. */
static void
best_pair(const brown *b, size_t *bx, size_t *by)
{
	double best = INFINITY;
	*bx = b->act[0];
	*by = b->act[1];
	for (size_t i = 0; i < b->nact; i++)
		for (size_t j = i + 1; j < b->nact; j++) {
			size_t x = b->act[i], y = b->act[j];
			if (b->L[x * b->S + y] < best) {
				best = b->L[x * b->S + y];
				*bx = x;
				*by = y;
			}
		}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorted (w << 32 | v) keys to per-word lists of (v, count). */
static int
make_lists(const uint64_t *key, size_t nk, size_t nwords, size_t **start, nbr **out)
{
	*start = calloc(nwords + 1, sizeof **start);
	*out = malloc((nk ? nk : 1) * sizeof **out);
	if (!*start || !*out)
		return -1;
	size_t m = 0;
	for (size_t i = 0; i < nk;) {
		size_t j = i;
		while (j < nk && key[j] == key[i])
			j++;
		(*out)[m].w = (uint32_t)key[i];
		(*out)[m].n = (uint32_t)(j - i);
		(*start)[(key[i] >> 32) + 1] = ++m;
		i = j;
	}
	for (size_t w = 1; w <= nwords; w++)
		if ((*start)[w] < (*start)[w - 1])
			(*start)[w] = (*start)[w - 1];
	return 0;
}

int
brown_cluster(const uint32_t *stream, size_t n, size_t nwords, size_t c,
	      uint32_t *path)
{
	if (nwords == 0)
		return 0;
	if (c < 2)
		c = 2;
	int rc = -1;
	brown b = { 0 };
	size_t S = b.S = c + 1, nk = 0;
	uint64_t *key = malloc((n ? n : 1) * sizeof *key);
	size_t *rs = NULL, *ls = NULL;
	nbr *rn = NULL, *ln = NULL;
	double *wn = calloc(nwords, sizeof *wn);
	int32_t *wslot = malloc(nwords * sizeof *wslot), *next = malloc(nwords * sizeof *next);
	int32_t *head = malloc(S * sizeof *head);
	uint32_t *kid = malloc(2 * nwords * sizeof *kid);
	if (!key || !wn || !wslot || !next || !head || !kid)
		goto out;
	/* bigrams: right neighbours, then left ones */
	for (size_t i = 0; i < n; i++) {
		if (stream[i] >= nwords)
			continue;
		wn[stream[i]]++;
		if (i + 1 < n && stream[i + 1] < nwords)
			key[nk++] = (uint64_t)stream[i] << 32 | stream[i + 1];
	}
	b.N = (double)nk;
	qsort(key, nk, sizeof *key, cmp_u64);
	if (make_lists(key, nk, nwords, &rs, &rn) != 0)
		goto out;
	for (size_t i = 0; i < nk; i++)
		key[i] = key[i] << 32 | key[i] >> 32;
	qsort(key, nk, sizeof *key, cmp_u64);
	if (make_lists(key, nk, nwords, &ls, &ln) != 0)
		goto out;
	free(key);
	key = NULL;
	if (b.N == 0)
		b.N = 1;

	b.p2 = calloc(S * S, sizeof *b.p2);
	b.q2 = calloc(S * S, sizeof *b.q2);
	b.L = calloc(S * S, sizeof *b.L);
	b.n1 = calloc(S, sizeof *b.n1);
	b.s = calloc(S, sizeof *b.s);
	b.node = malloc(S * sizeof *b.node);
	b.act = malloc(S * sizeof *b.act);
	if (!b.p2 || !b.q2 || !b.L || !b.n1 || !b.s || !b.node || !b.act)
		goto out;
	for (size_t x = 0; x < S; x++)
		b.node[x] = head[x] = -1;
	for (size_t w = 0; w < nwords; w++)
		wslot[w] = -1;
	uint32_t nnode = (uint32_t)nwords; /* internal nodes follow the leaves */

	for (size_t w = 0; w <= nwords; w++) {
		if (w < nwords) {
			/* the word becomes a class of its own in a free slot */
			size_t k = 0;
			while (b.node[k] >= 0)
				k++;
			for (size_t e = 0; e < S; e++)
				b.p2[k * S + e] = b.p2[e * S + k] = 0;
			for (size_t j = rs[w]; j < rs[w + 1]; j++) {
				uint32_t v = rn[j].w;
				if (v == w)
					b.p2[k * S + k] += rn[j].n;
				else if (wslot[v] >= 0)
					b.p2[k * S + (size_t)wslot[v]] += rn[j].n;
			}
			for (size_t j = ls[w]; j < ls[w + 1]; j++) {
				uint32_t v = ln[j].w;
				if (v != w && wslot[v] >= 0)
					b.p2[(size_t)wslot[v] * S + k] += ln[j].n;
			}
			b.n1[k] = wn[w];
			b.node[k] = (int32_t)w;
			wslot[w] = (int32_t)k;
			head[k] = (int32_t)w;
			next[w] = -1;
			list_active(&b);
			set_q(&b, k);
			adjust(&b, k, +1, k, k);
			set_s(&b);
			set_row(&b, k);
			if (b.nact <= c)
				continue;
		} else if (b.nact <= 1) {
			break;
		}
		/* merge the pair that loses least; in phase 2 (all words in),
		 * repeat until one class is left */
		do {
			size_t x, y;
			best_pair(&b, &x, &y);
			adjust(&b, x, -1, x, y);
			adjust(&b, y, -1, x, y);
			double xx = b.p2[x * S + x] + b.p2[x * S + y] + b.p2[y * S + x] +
				    b.p2[y * S + y];
			for (size_t i = 0; i < b.nact; i++) {
				size_t e = b.act[i];
				b.p2[x * S + e] += b.p2[y * S + e];
				b.p2[e * S + x] += b.p2[e * S + y];
			}
			b.p2[x * S + x] = xx;
			b.n1[x] += b.n1[y];
			for (size_t e = 0; e < S; e++)
				b.p2[y * S + e] = b.p2[e * S + y] = b.q2[y * S + e] =
					b.q2[e * S + y] = 0;
			kid[2 * (nnode - nwords)] = (uint32_t)b.node[x];
			kid[2 * (nnode - nwords) + 1] = (uint32_t)b.node[y];
			b.node[x] = (int32_t)nnode++;
			b.node[y] = -1;
			/* y's words now belong to x */
			int32_t t = head[y];
			while (t >= 0) {
				wslot[t] = (int32_t)x;
				if (next[t] < 0) {
					next[t] = head[x];
					break;
				}
				t = next[t];
			}
			head[x] = head[y];
			head[y] = -1;
			list_active(&b);
			set_q(&b, x);
			adjust(&b, x, +1, x, x);
			set_s(&b);
			set_row(&b, x);
		} while (w == nwords && b.nact > 1);
	}

	/* paths: walk down from the root */
	{
		uint32_t *stk = malloc(3 * (size_t)nnode * sizeof *stk);
		if (!stk)
			goto out;
		size_t sp = 0;
		stk[sp++] = (uint32_t)b.node[b.act[0]];
		stk[sp++] = 0;
		stk[sp++] = 0;
		while (sp) {
			uint32_t len = stk[--sp], bits = stk[--sp], nd = stk[--sp];
			if (nd < nwords) {
				path[nd] = (uint32_t)1 << len | bits;
				continue;
			}
			for (uint32_t side = 0; side < 2; side++) {
				stk[sp++] = kid[2 * (nd - nwords) + side];
				stk[sp++] = len < BROWN_MAXBITS ? bits << 1 | side : bits;
				stk[sp++] = len < BROWN_MAXBITS ? len + 1 : len;
			}
		}
		free(stk);
	}
	rc = 0;
out:
	free(key); free(rs); free(ls); free(rn); free(ln); free(wn); free(wslot);
	free(next); free(head); free(kid); free(b.p2); free(b.q2); free(b.L);
	free(b.n1); free(b.s); free(b.node); free(b.act);
	return rc;
}
