/* quote_tok.c - a block cut into words, punctuation and quotation marks. */
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>
#include "grow.h"

static int
toks_push(toks *k, tok t)
{
	if (pk_grow(&k->v, &k->cap, k->n + 1, sizeof *k->v, 32) < 0)
		return -1;
	k->v[k->n++] = t;
	return 0;
}

int
q_tokenize(const lexicon *L, const char *s, size_t a, size_t b, toks *k)
{
	size_t i = a;
	bool sp = true;

	k->n = 0;
	while (i < b) {
		size_t st = i;
		uint32_t c = qc_next(s, b, &i);
		unsigned char dir = 0;
		int fam;

		if (qc_space(c)) {
			sp = true;
			continue;
		}
		if (qc_word(c)) {
			bool fold = (qc_class(c) & CC_FOLDY) != 0;
			for (;;) {
				size_t j = i;
				if (j >= b)
					break;
				uint32_t d = qc_next(s, b, &j);
				if (qc_word(d)) {
					fold |= (qc_class(d) & CC_FOLDY) != 0;
					i = j;
					continue;
				}
				if ((qc_class(d) & CC_JOINER) && j < b) {
					size_t k2 = j;
					uint32_t e = qc_next(s, b, &k2);
					/* a point joins digits only */
					if (qc_word(e) && (d != '.' ||
					    ((qc_class(c) & CC_DIGIT) && (qc_class(e) & CC_DIGIT)))) {
						i = k2;
						c = e;
						fold |= (qc_class(e) & CC_FOLDY) != 0;
						continue;
					}
				}
				break;
			}
			if (toks_push(k, (tok){ st, i, 0, T_WORD, 0, 0, sp, lex_lookup(L, s, st, i, !fold) }) < 0)
				return -1;
			sp = false;
			continue;
		}
		fam = qc_mark(c, &dir);
		if (fam) {
			/* doubled marks (‘‘ ’’ '' `` ‚‚) act as one double mark */
			size_t j = i;
			if (j < b) {
				uint32_t d = qc_next(s, b, &j);
				if (d == c && fam == F_SINGLE) {
					i = j;
					fam = F_DOUBLE;
				}
			}
			if (toks_push(k, (tok){ st, i, c, T_MARK, (unsigned char)fam, dir, sp, { { 0 } } }) < 0)
				return -1;
			sp = false;
			continue;
		}
		if (toks_push(k, (tok){ st, i, c, T_PUNCT, 0, 0, sp, { { 0 } } }) < 0)
			return -1;
		sp = false;
	}
	return 0;
}

size_t
q_sent_start(const qslice *c, size_t o, size_t floor)
{
	size_t i = o;
	while (i > floor && o - i < CLAUSE_TOKS && !q_sent_end(&c->v[i - 1]))
		i--;
	return i;
}

size_t
q_sent_end_tok(const qslice *c, size_t e)
{
	size_t i = e;
	while (i < c->n && i - e < CLAUSE_TOKS && !q_sent_end(&c->v[i]))
		i++;
	return i;
}

void
q_trim_ws(const char *s, size_t *a, size_t *b)
{
	while (*a < *b) {
		size_t p = *a;
		if (!qc_space(pk_decode(s, *b, &p)))
			break;
		*a = p;
	}
	while (*b > *a) {
		size_t p = *b - 1;
		while (p > *a && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		size_t q = p;
		if (!qc_space(pk_decode(s, *b, &q)))
			break;
		*b = p;
	}
}

char *
q_dup_range(const char *s, size_t a, size_t b)
{
	char *p = malloc(b - a + 1);
	if (p) {
		memcpy(p, s + a, b - a);
		p[b - a] = '\0';
	}
	return p;
}
