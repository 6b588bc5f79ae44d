/*
 * quotes.c - quotation marks paired, classified and attributed.
 *
 * Per block (a paragraph; a whole article for texts that lost their line
 * breaks) the text is cut into tokens: words, punctuation and quotation
 * marks.  Marks are paired with a small stack that trusts spacing more than
 * glyph direction (a `”` before a word opens, a `“` after a word closes), so
 * wrong-direction and mismatched marks pair as published.  A pair is a
 * quotation when it holds a clause, or a short fragment inside a sentence
 * with a speech cue; titles, names and labels are dropped.  Attribution looks
 * at the clause just before the opener and the clause just after the closer.
 *
 * A second pass resolves speakers: pronouns and definite descriptors to the
 * nearest named speaker before them, short names to the fullest form found
 * nearby in the article.  Every look-around is bounded (tokens in a clause,
 * bytes around a quote), so the whole thing is linear in the input.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* memmem, strdup, open_memstream */
#endif
#include "config.h"
#include "quotes.h"
#include "fold.h"
#include "quote/quote_int.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define NONE PK_QUOTE_NONE

/* Bounds that keep every look-around constant-size. */
#define MAX_OPEN_BYTES 4000   /* a quote open longer than this lost its closer */
#define UNBAL_TAIL 1500       /* an unclosed quote this close to a block end runs to it */
#define JAB_BYTES 600         /* how far back a जब … तो clause is looked for */
#define JAB_HIST 64           /* history entries each side looked at for its subject */
#define CLAUSE_TOKS 48        /* tokens looked at before an opener or after a closer */
#define NP_WORDS 7            /* longest speaker noun phrase, in words */
#define ANTE_BYTES 6000       /* how far back a pronoun looks for its antecedent */
#define CONT_BYTES 4000       /* how far back a cue-less quote inherits a speaker */
#define NAME_BACK 12000       /* window searched for the fullest form of a name */
#define NAME_FWD 4000
#define MAX_TITLES 64         /* titles remembered, to drop them again when they recur */
#define TITLE_BYTES 200       /* longest title remembered */
#define RELEASE_LAG (256 * 1024)   /* bytes kept resident behind the scan */
#define RELEASE_STEP (4u << 20)    /* released in steps this large */

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

enum { T_WORD, T_PUNCT, T_MARK };
typedef struct tok {
	size_t s, e;          /* bytes */
	uint32_t cp;          /* the code point of a punctuation token */
	unsigned char t, fam, dir;
	bool sp;              /* whitespace (or the block start) before it */
	lexset lex;           /* the lexicon classes of a word */
} tok;

typedef struct toks {
	tok *v;
	size_t n, cap;
} toks;

static int
toks_push(toks *k, tok t)
{
	if (k->n == k->cap) {
		size_t nc = k->cap ? k->cap * 2 : 256;
		tok *nv = realloc(k->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		k->v = nv;
		k->cap = nc;
	}
	k->v[k->n++] = t;
	return 0;
}

/* Tokenize bytes [a, b) of s (len bytes in all) into k (emptied first);
 * words get their lexicon bits from L. */
static int
tokenize(const lexicon *L, const char *s, size_t len, size_t a, size_t b, toks *k)
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
	(void)len;
	return 0;
}

static bool
is_sent_end(const tok *t)
{
	return t->t == T_PUNCT && (t->cp == '.' || t->cp == 0x964 || t->cp == 0x965 ||
	                          t->cp == '?' || t->cp == '!');
}

static bool
is_open_bracket(const tok *t)
{
	return t->t == T_PUNCT && (t->cp == '(' || t->cp == '[' || t->cp == '{');
}

/* ------------------------------------------------------------------ */
/* The result being built                                              */

enum { NP_NONE, NP_NAME, NP_PRONOUN, NP_DEF_DESC, NP_INDEF_DESC };

/* What pass 1 knows of a quote's attribution. */
typedef struct raw_attr {
	int np;               /* NP_* */
	size_t ms, me;        /* the mention */
	size_t ns, ne;        /* the name part of a NP_NAME mention */
	bool cont;            /* no cue: continues the previous speaker */
} raw_attr;

/* A named subject of some speech cue (quote or narration), for antecedents. */
typedef struct hist {
	size_t pos;           /* where the name is */
	size_t ns, ne;        /* the name */
	bool strong;          /* subject of a speech cue, not just of any ने */
} hist;

typedef struct ctx {
	const pk_input *in;
	const char *s;
	size_t len;
	toks tk;
	pk_quotes out;
	size_t cap;
	raw_attr *ra;         /* parallel to out.v */
	size_t racap;
	hist *h;
	size_t nh, hcap;
	lexicon *lex;
	size_t title_s[MAX_TITLES], title_e[MAX_TITLES];  /* phrases dropped as titles */
	size_t ntitles;       /* how many were seen (the last MAX_TITLES kept) */
	bool no_open;         /* the pair being emitted starts after a cue, not a mark */
	bool oom;
} ctx;

static void *
grow(void *v, size_t *cap, size_t need, size_t elt)
{
	if (need <= *cap)
		return v;
	size_t nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	void *nv = realloc(v, nc * elt);
	if (nv)
		*cap = nc;
	return nv;
}

static char *
dup_range(const char *s, size_t a, size_t b)
{
	char *p = malloc(b - a + 1);
	if (p) {
		memcpy(p, s + a, b - a);
		p[b - a] = '\0';
	}
	return p;
}

/* ------------------------------------------------------------------ */
/* Noun phrases and cues inside one block's tokens                     */

static bool
is_pronoun(const ctx *c, const tok *t)
{
	(void)c;
	return IS(t, PRONOUNS);
}

/*
 * The speaker noun phrase ending just before token k, not reaching before
 * token lo: words walking back until a stop word or punctuation.  Genitive
 * postpositions may sit inside (विभाग के एक प्रवक्ता).  Returns false if empty.
 */
static bool
np_before(const ctx *c, size_t lo, size_t k, size_t *a, size_t *b)
{
	const tok *v = c->tk.v;
	size_t i = k, words = 0;

	/* X फिर भी यही कहते हैं: adverbs between subject and verb */
	while (i > lo && k - i < 3 && (IS(&v[i - 1], SKIP_ADV) ||
	                               (IS(&v[i - 1], PRED) && IS(&v[k], SUBJ_VERBS))))
		i--;
	/* X अपनी किताब ‘…’ में लिखते हैं: where the subject says it stands
	 * between the subject and a subject verb */
	if (i > lo + 2 && IS(&v[k], SUBJ_VERBS) && IS(&v[i - 1], LOC)) {
		size_t j = i - 1;
		while (j > lo + 1 && i - j < 14 && !IS(&v[j - 1], APNA) &&
		       !is_sent_end(&v[j - 1]) && !(v[j - 1].t == T_PUNCT && v[j - 1].cp == ','))
			j--;
		if (j > lo + 1 && IS(&v[j - 1], APNA) && v[j - 2].t == T_WORD)
			i = j - 1;
	}
	k = i;
	/* हेमंत शर्मा (Health Minister Himanta Sarma) ने: a gloss in
	 * brackets between the subject and its verb is passed over */
	if (k > lo + 2 && v[k - 1].t == T_PUNCT && v[k - 1].cp == ')') {
		size_t j = k - 1;
		while (j > lo && k - j < 14 && v[j - 1].t != T_MARK &&
		       !(v[j - 1].t == T_PUNCT && (v[j - 1].cp == '(' || is_sent_end(&v[j - 1]))))
			j--;
		if (j > lo + 1 && v[j - 1].t == T_PUNCT && v[j - 1].cp == '(' && j + 1 < k &&
		    v[j - 2].t == T_WORD && !is_pronoun(c, &v[j - 2]))
			i = k = j - 1;
	}
	if (k > lo && is_pronoun(c, &v[k - 1])) {
		*a = *b = k - 1;
		(*b)++;
		return true;
	}
	while (i > lo && words < NP_WORDS) {
		const tok *t = &v[i - 1];
		if (t->t != T_WORD)
			break;
		if (IS(t, GENITIVES)) {
			/* inside only: something must precede and follow */
			if (i == k || i - 1 == lo || v[i - 2].t != T_WORD)
				break;
		} else if (IS(t, NP_STOPS) || is_pronoun(c, t) ||
		           IS(t, SUBJ_VERBS) || IS(t, NE_VERBS)) {
			break;
		}
		i--;
		words++;
	}
	/* a phrase cannot start with a genitive */
	while (i < k && IS(&v[i], GENITIVES))
		i++;
	if (i >= k)
		return false;
	*a = i;
	*b = k;
	return true;
}

/* The speaker noun phrase starting at token k (after a closer): words up to
 * a stop word, punctuation or ने. */
static bool
np_after(const ctx *c, size_t k, size_t hi, size_t *a, size_t *b)
{
	const tok *v = c->tk.v;
	size_t i = k, words = 0;

	if (k < hi && is_pronoun(c, &v[k])) {
		*a = k;
		*b = k + 1;
		return true;
	}
	while (i < hi && words < NP_WORDS && v[i].t == T_WORD &&
	       !IS(&v[i], NP_STOPS) && !IS(&v[i], SUBJ_VERBS) &&
	       !IS(&v[i], NE_VERBS)) {
		i++;
		words++;
	}
	/* a genitive at the end belongs to a cue (X का कहना) */
	while (i > k && IS(&v[i - 1], GENITIVES))
		i--;
	if (i == k)
		return false;
	*a = k;
	*b = i;
	return true;
}

/* A cue found in a token range. */
typedef struct cue {
	size_t cs, ce;        /* tokens of the cue expression */
	size_t gap_s, gap_e;  /* tokens left out of it (`ने … कहा`), gap_s == gap_e if none */
	size_t ms, me;        /* tokens of the subject mention */
	size_t vend;          /* token after the verb group */
} cue;

/* Is there a cue with its verb at token v, subject in [lo, v)? */
/* End cue q at verb v: the cue runs to v and an auxiliary after it
 * (कहा है, कहते हैं); the gap (words left out of the cue) starts at gap. */
static bool
cue_end_at_verb(const ctx *c, cue *q, size_t v, size_t gap, size_t hi)
{
	const tok *t = c->tk.v;
	q->ce = v + 1;
	q->gap_s = q->gap_e = gap;
	if (q->ce < hi && IS(&t[q->ce], AUXES))
		q->ce++;
	q->vend = q->ce;
	return true;
}

static bool
cue_at(const ctx *c, size_t lo, size_t v, size_t hi, cue *q)
{
	const tok *t = c->tk.v;

	if (t[v].t != T_WORD)
		return false;
	if (IS(&t[v], NE_VERBS)) {
		bool found = false;
		/* nearest ने (or उन्होंने) before the verb, within the clause */
		for (size_t i = v; i > lo && v - i < 30; i--) {
			const tok *n = &t[i - 1];
			if (n->t != T_WORD) {
				if (n->t == T_PUNCT && (is_sent_end(n) || n->cp == ':'))
					break;
				continue;
			}
			if (IS(n, NE)) {
				if (!np_before(c, lo, i - 1, &q->ms, &q->me))
					return false;
				q->cs = i - 1;
				q->gap_s = i;
				q->gap_e = v;
				found = true;
				break;
			}
			if (IS(n, PRON_NE)) {
				q->ms = i - 1;
				q->me = i;
				q->cs = i - 1;
				q->gap_s = i;
				q->gap_e = v;
				found = true;
				break;
			}
		}
		if (!found)
			return false;
		q->ce = v + 1;
		/* a light verb completes the cue: दावा किया, धन्यवाद दिया */
		if (q->ce < hi && t[q->ce].t == T_WORD &&
		    IS(&t[q->ce], LIGHT))
			q->ce++;
		q->vend = q->ce;
		return true;
	}
	if (IS(&t[v], SUBJ_VERBS)) {
		/* X अपनी किताब में Y को कहते हुए बताती हैं: X relays Y's words */
		if (v >= lo + 4 && IS(&t[v - 1], HUYE) && IS(&t[v - 2], SUBJ_VERBS) &&
		    IS(&t[v - 3], KO) && np_before(c, lo, v - 3, &q->ms, &q->me) &&
		    !(q->me - q->ms == 1 && is_pronoun(c, &t[q->ms]))) {
			q->cs = v - 2;
			return cue_end_at_verb(c, q, v, v - 2, hi);
		}
		/* X भी इसी तरह का एक और किस्सा बताती हैं: an object phrase
		 * (with एक or a genitive) between X भी and the verb */
		size_t bh = v, obj = 0;
		while (bh > lo && v - bh < 8 && t[bh - 1].t == T_WORD && !IS(&t[bh - 1], BHI)) {
			obj |= IS(&t[bh - 1], EK) || IS(&t[bh - 1], GENITIVES);
			bh--;
		}
		if (obj && bh > lo + 1 && bh < v && IS(&t[bh - 1], BHI) &&
		    np_before(c, lo, bh - 1, &q->ms, &q->me) &&
		    !(q->me - q->ms == 1 && is_pronoun(c, &t[q->ms]))) {
			q->cs = v;
			return cue_end_at_verb(c, q, v, v, hi);
		}
		if (!np_before(c, lo, v, &q->ms, &q->me))
			return false;
		q->cs = v;
		return cue_end_at_verb(c, q, v, v, hi);
	}
	if (IS(&t[v], GEN_NOUNS) && v > lo) {
		const tok *g = &t[v - 1];
		if (IS(g, GENITIVES)) {
			if (!np_before(c, lo, v - 1, &q->ms, &q->me))
				return false;
			q->cs = v - 1;
		} else if (IS(g, GENPRON)) {
			q->ms = v - 1;
			q->me = v;
			q->cs = v;
		} else {
			return false;
		}
		return cue_end_at_verb(c, q, v, v, hi);
	}
	return false;
}

/* The last cue in tokens [lo, hi) (nearest an opener at hi). */
static bool
cue_last(const ctx *c, size_t lo, size_t hi, cue *q)
{
	for (size_t v = hi; v > lo; v--) {
		memset(q, 0, sizeof *q);
		if (cue_at(c, lo, v - 1, hi, q))
			return true;
	}
	return false;
}

/* Cue text: the cue tokens as written, with `…` for a left-out gap. */
static char *
cue_text(const ctx *c, const cue *q)
{
	const tok *t = c->tk.v;
	if (q->gap_s == q->gap_e)
		return dup_range(c->s, t[q->cs].s, t[q->ce - 1].e);
	size_t l1 = t[q->gap_s - 1].e - t[q->cs].s, l2 = t[q->ce - 1].e - t[q->gap_e].s;
	char *p = malloc(l1 + l2 + 6);
	if (!p)
		return NULL;
	memcpy(p, c->s + t[q->cs].s, l1);
	memcpy(p + l1, " \xE2\x80\xA6 ", 5);
	memcpy(p + l1 + 5, c->s + t[q->gap_e].s, l2);
	p[l1 + l2 + 5] = '\0';
	return p;
}

/* Classify the mention tokens [a, b): pronoun, name (and where), descriptor. */
static int
np_classify(const ctx *c, size_t a, size_t b, size_t *na, size_t *nb)
{
	const tok *t = c->tk.v;
	size_t cut = a;
	bool indef = false;

	if (b - a == 1 && is_pronoun(c, &t[a]))
		return NP_PRONOUN;
	for (size_t i = a; i < b; i++) {
		const tok *w = &t[i];
		/* रूस से हिंदी पढ़ने भारत आईं ओल्गा: a clause with a participle
		 * of coming qualifies the name after it */
		if (i + 1 < b && IS(w, CAME)) {
			cut = i + 1;
			continue;
		}
		/* एक बार राज कपूर ने, एक दिन X ने: a time, not the speaker */
		if (i > a && IS(&t[i - 1], EK) && i + 1 < b && IS(w, TIME_NOUNS)) {
			cut = i + 1;
			indef = false;
			continue;
		}
		if (IS(w, EK))
			indef = true;
		if (IS(w, DESCRIPTORS) || IS(w, GENITIVES) ||
		    IS(w, EK) || (c->s[w->s] >= '0' && c->s[w->s] <= '9') ||
		    lex_suffix(LS_ADJ_SUFFIX, c->s, w->s, w->e) ||
		    lex_suffix(LS_VADI_SUFFIX, c->s, w->s, w->e) ||
		    lex_suffix(LS_PROF_SUFFIX, c->s, w->s, w->e))
			cut = i + 1;
	}
	/* राष्ट्रीय महिला आयोग: an organisation's name, the speaker as written
	 * (not an antecedent for the pronouns after it, which mean people) */
	if (b - a >= 2 && IS(&t[b - 1], ORG) && !IS(&t[b - 2], GENITIVES) && !indef)
		return NP_INDEF_DESC;
	/* एक अन्य मरीज, पिंकी की पूर्व लिव-इन पार्टनर: after a word that only
	 * qualifies a noun comes a common noun, not a name */
	if (cut > a && cut < b && IS(&t[cut - 1], MODIF))
		return NP_INDEF_DESC;
	if (cut >= b) {
		/* `कंपनी के प्रवक्ता`: a descriptor with its own genitive names
		 * the speaker as well as the article will */
		bool gen = false;
		for (size_t i = a + 1; i + 1 < b; i++)
			gen |= IS(&t[i], GENITIVES) && IS(&t[b - 1], SPOKES);
		return indef || gen ? NP_INDEF_DESC : NP_DEF_DESC;
	}
	*na = cut;
	*nb = b;
	return NP_NAME;
}

/* ------------------------------------------------------------------ */
/* Pass 1: pairs, kinds, raw attributions                              */

static int
hist_push(ctx *c, size_t pos, size_t ns, size_t ne, bool strong)
{
	hist *nv = grow(c->h, &c->hcap, c->nh + 1, sizeof *c->h);
	if (!nv)
		return -1;
	c->h = nv;
	c->h[c->nh++] = (hist){ pos, ns, ne, strong };
	return 0;
}

static bool glued_vo(const ctx *c, const tok *w);
static size_t glued_prefix(const ctx *c, size_t a, size_t b);

/* Record the named subject of cue q (token indices) in the history. */
static void
note_subject(ctx *c, const cue *q, bool strong)
{
	size_t na, nb;
	if (glued_vo(c, &c->tk.v[q->me - 1]))
		return;
	if (np_classify(c, q->ms, q->me, &na, &nb) == NP_NAME) {
		size_t a = c->tk.v[na].s;
		a += glued_prefix(c, a, c->tk.v[na].e);
		if (hist_push(c, a, a, c->tk.v[nb - 1].e, strong) < 0)
			c->oom = true;
	}
}

/* Do tokens [lo, hi) hold a word that makes a fragment reported speech? */
static bool
range_speechy(const ctx *c, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		if (IS(&c->tk.v[i], SPEECHY) ||
		    IS(&c->tk.v[i], SUBJ_VERBS))
			return true;
	return false;
}

/* Sentence around tokens [o, e]: first token after the last sentence end
 * before o, bounded; and the token of the next sentence end after e. */
static size_t
sent_start(const ctx *c, size_t o, size_t floor)
{
	size_t i = o;
	while (i > floor && o - i < CLAUSE_TOKS && !is_sent_end(&c->tk.v[i - 1]))
		i--;
	return i;
}

static size_t
sent_end(const ctx *c, size_t e)
{
	size_t i = e;
	while (i < c->tk.n && i - e < CLAUSE_TOKS && !is_sent_end(&c->tk.v[i]))
		i++;
	return i;
}

/* Word count and sentence punctuation inside tokens (o, e). */
static void
content_shape(const ctx *c, size_t o, size_t e, size_t *words, bool *punct, bool *endp)
{
	*words = 0;
	*punct = *endp = false;
	for (size_t i = o + 1; i < e; i++) {
		const tok *t = &c->tk.v[i];
		if (t->t == T_WORD)
			(*words)++;
		else if (t->t == T_PUNCT && (is_sent_end(t) || t->cp == ',' || t->cp == ';' ||
		                             t->cp == ':'))
			*punct = true;
	}
	if (e > o + 1) {
		const tok *l = &c->tk.v[e - 1];
		*endp = l->t == T_PUNCT && (is_sent_end(l) || l->cp == ',');
	}
}

/* Is a short pair at tokens o..e a title, name or label? */
static bool
looks_like_title(const ctx *c, size_t o, size_t e)
{
	const tok *v = c->tk.v;
	size_t n = c->tk.n;

	if (e + 1 < n && IS(&v[e + 1], TITLE_NOUNS))
		return true;
	if (o > 0 && IS(&v[o - 1], TITLE_NOUNS))
		return true;
	/* गाने, ‘…’: a title noun and a comma before */
	if (o > 1 && v[o - 1].t == T_PUNCT && v[o - 1].cp == ',' && IS(&v[o - 2], TITLE_NOUNS))
		return true;
	/* a list of quoted labels: ‘अच्छी’ या ‘संतोषजनक’ */
	if (e + 2 < n && v[e + 2].t == T_MARK &&
	    (IS(&v[e + 1], CONJ) ||
	     (v[e + 1].t == T_PUNCT && v[e + 1].cp == ',')))
		return true;
	if (o >= 2 && v[o - 2].t == T_MARK &&
	    (IS(&v[o - 1], CONJ) ||
	     (v[o - 1].t == T_PUNCT && v[o - 1].cp == ',')))
		return true;
	/* a name in an argument slot, not words: ‘…’ को दिए, ‘…’ ने */
	if (e + 1 < n && IS(&v[e + 1], ARG))
		return true;
	/* a source's name: ‘…’ के मुताबिक, ‘…’ के अनुसार */
	if (e + 2 < n && IS(&v[e + 1], GENITIVES) && IS(&v[e + 2], GEN_NOUNS))
		return true;
	/* one word qualifying a noun: ‘अग्निपथ’ का रीमेक (but ‘…’ का दावा
	 * किया is speech, and a phrase, “व्यस्त कार्यक्रम” के बावजूद, may be) */
	if (e == o + 2 && e + 1 < n && (IS(&v[e + 1], GENITIVES) || IS(&v[e + 1], LOC)) &&
	    !(e + 2 < n && (IS(&v[e + 2], SPEECHY) || IS(&v[e + 2], NE_VERBS))))
		return true;
	return false;
}

/* A pair of under six words that reads as a sentence is still a title or a
 * label when a title noun stands next to it (फ़िल्म ‘…’, गाने, ‘…’ से) or a
 * genitive governs it (की ‘आदर्श हीरोइन थीं.’): a noun phrase, not speech. */
static bool
short_is_label(const ctx *c, size_t o, size_t e)
{
	const tok *v = c->tk.v;
	size_t n = c->tk.n;

	if (e >= n)
		return false;
	if (e + 1 < n && IS(&v[e + 1], TITLE_NOUNS))
		return true;
	if (o > 0 && (IS(&v[o - 1], TITLE_NOUNS) || IS(&v[o - 1], GENITIVES)))
		return true;
	if (o > 1 && v[o - 1].t == T_PUNCT && v[o - 1].cp == ',' && IS(&v[o - 2], TITLE_NOUNS))
		return true;
	return false;
}

static int
quote_push(ctx *c, pk_quote q, raw_attr r)
{
	pk_quote *nv = grow(c->out.v, &c->cap, c->out.n + 1, sizeof *nv);
	if (!nv)
		return -1;
	c->out.v = nv;
	raw_attr *nr = grow(c->ra, &c->racap, c->out.n + 1, sizeof *nr);
	if (!nr)
		return -1;
	c->ra = nr;
	c->out.v[c->out.n] = q;
	c->ra[c->out.n] = r;
	c->out.n++;
	return 0;
}

/* Does the word at bytes [a, b) occur elsewhere in the text as a whole
 * word (within the name windows)?  @p skip is an occurrence to ignore. */
static bool
word_elsewhere(const ctx *c, size_t a, size_t b, size_t skip)
{
	size_t l = b - a, lo = a > NAME_BACK ? a - NAME_BACK : 0;
	size_t hi = b + NAME_FWD < c->len ? b + NAME_FWD : c->len;
	for (size_t p = lo; p + l <= hi;) {
		const char *f = memmem(c->s + p, hi - p, c->s + a, l);
		if (!f)
			break;
		size_t at = (size_t)(f - c->s), z, q = at + l;
		p = at + 1;
		if (at <= skip && skip < q)
			continue;
		if (at > 0) {
			z = at - 1;
			while (z > 0 && ((unsigned char)c->s[z] & 0xC0) == 0x80)
				z--;
			if (qc_word(pk_decode(c->s, c->len, &z)))
				continue;
		}
		z = q;
		if (q < c->len && qc_word(pk_decode(c->s, c->len, &z)))
			continue;
		return true;
	}
	return false;
}

/* Bytes to cut off the front of the word [a, b): a glued verb, when what
 * follows it is a word the article uses on its own (a name), else 0. */
static size_t
glued_prefix(const ctx *c, size_t a, size_t b)
{
	const char *const *pre = lex_prefixes(LP_GLUE_PRE);
	for (size_t i = 0; pre[i]; i++) {
		size_t l = strlen(pre[i]), p = a + l;
		if (b - a < l + 6 || memcmp(c->s + a, pre[i], l))
			continue;
		size_t z = p;
		if (!(qc_class(pk_decode(c->s, b, &z)) & CC_WSTART))
			continue;
		if (word_elsewhere(c, p, b, p))
			return l;
	}
	return 0;
}

/* `रचा इतिहासवो कहती हैं`: the pronoun वो glued to a lost heading (a word
 * ending in वो, not after a virama, that the article has only once). */
static bool
glued_vo(const ctx *c, const tok *w)
{
	if (w->t != T_WORD || w->e - w->s <= 9 || memcmp(c->s + w->e - 6, "वो", 6))
		return false;
	size_t y = w->e - 9;
	while (y > w->s && ((unsigned char)c->s[y] & 0xC0) == 0x80)
		y--;
	if (pk_decode(c->s, w->e, &y) == 0x94D)
		return false;
	return !word_elsewhere(c, w->s, w->e, w->s);
}

static void
set_mention(ctx *c, raw_attr *r, size_t ms, size_t me)
{
	const tok *t = c->tk.v;
	const tok *w = &t[me - 1];
	r->ms = t[ms].s;
	r->me = w->e;
	if (glued_vo(c, w)) {
		r->ms = w->e - 6;
		r->np = NP_PRONOUN;
		return;
	}
	r->np = np_classify(c, ms, me, &r->ns, &r->ne);
	if (r->np == NP_NAME) {
		size_t a = r->ns, b = r->ne;
		r->ns = t[a].s;
		r->ne = t[b - 1].e;
		size_t g = glued_prefix(c, r->ns, t[a].e);
		if (g) {
			r->ns += g;
			if (a == ms)
				r->ms = r->ns;
		}
	}
}

/* Does word token t end in the oblique plural ों (बच्चों, लोगों)? */
static bool
oblique_plural(const ctx *c, const tok *t)
{
	return t->t == T_WORD && t->e - t->s > 6 && !memcmp(c->s + t->e - 6, "ों", 6);
}

/*
 * A pronoun opening a sentence (`वे कहती हैं, “…”`) after a sentence that
 * has no speech cue and no quote of its own, but opens with a named subject
 * (`जेनेट क्रोंपटन छोटे बच्चों को पढ़ाती हैं …`, `एक अन्य छात्र हैने
 * वेगर यह …`): that subject is the antecedent.  Returns its name tokens.
 */
static bool
topic_subject(const ctx *c, size_t m, size_t floor, size_t *na, size_t *nb)
{
	const tok *t = c->tk.v;
	size_t pe, ps, i, skips = 0, restarts = 0, st;

	if (m <= floor + 1 || !is_sent_end(&t[m - 1]))
		return false;
	pe = m - 1;
	ps = sent_start(c, pe, floor);
	if (ps >= pe || (ps > floor && !is_sent_end(&t[ps - 1])))
		return false;
	for (i = ps; i < pe; i++) {
		cue k;
		if (t[i].t == T_MARK || IS(&t[i], NE) || IS(&t[i], PRON_NE))
			return false;
		memset(&k, 0, sizeof k);
		if ((IS(&t[i], NE_VERBS) || IS(&t[i], SUBJ_VERBS) || IS(&t[i], GEN_NOUNS)) &&
		    cue_at(c, ps, i, pe, &k))
			return false;
	}
	i = ps;
	for (;;) {
		/* titles and roles before the name: एक अन्य छात्र */
		while (i < pe && skips < 4 && t[i].t == T_WORD &&
		       (IS(&t[i], DESCRIPTORS) || IS(&t[i], EK))) {
			i++;
			skips++;
		}
		st = i;
		while (i < pe && i - st < 4 && t[i].t == T_WORD &&
		       !(IS(&t[i], NP_STOPS) || IS(&t[i], PRONOUNS) || IS(&t[i], NE_VERBS) ||
		         IS(&t[i], SUBJ_VERBS) || IS(&t[i], LOC) || IS(&t[i], ARG) ||
		         IS(&t[i], DESCRIPTORS) || IS(&t[i], EK) || IS(&t[i], GENITIVES) ||
		         IS(&t[i], AUXES)) &&
		       !(c->s[t[i].s] >= '0' && c->s[t[i].s] <= '9') && !oblique_plural(c, &t[i]))
			i++;
		/* कॉलेज के प्रिंसिपल X: the head comes after the genitive */
		if (i < pe && i > st && IS(&t[i], GENITIVES) && restarts < 2) {
			i++;
			restarts++;
			continue;
		}
		break;
	}
	if (i >= pe || i == st)
		return false;
	/* छोटे बच्चों: an adjective agreeing with the noun after the name */
	if (oblique_plural(c, &t[i])) {
		/* only `Name Adj-े Noun-ों`: right before the noun, the words are
		 * an adjective phrase (लगातार फ़्लॉप फ़िल्मों), not a name */
		if (!(i - st > 2 && t[i - 1].e - t[i - 1].s >= 6 &&
		      !memcmp(c->s + t[i - 1].e - 3, "\xE0\xA5\x87", 3)))  /* े */
			return false;
		i--;
	} else if (t[i].t != T_WORD || !IS(&t[i], TOPIC_END)) {
		/* an object, a place or a noun phrase (बाकी छात्र), not a
		 * name followed by भी, यह, … */
		return false;
	}
	/* a first name and a last name at least: one word is too often a
	 * noun or an adverb (इसी, पीछे, कई) */
	if (i - st > 3 || i - st < 2)
		return false;
	*na = st;
	*nb = i;
	return true;
}

/*
 * Attribute the quote between marks at tokens o and e (e may be c->tk.n for an
 * unbalanced quote), @p prev_e the token of the previous pair's closer (or 0).
 */
static void
attribute(ctx *c, size_t o, size_t e, size_t floor, bool partial, pk_quote *q, raw_attr *r)
{
	const tok *t = c->tk.v;
	size_t n = c->tk.n;
	size_t bs = sent_start(c, o, floor);
	size_t ae = e < n ? sent_end(c, e + 1) : n;
	cue k;

	memset(r, 0, sizeof *r);
	r->ms = r->me = NONE;

	/* 1. a cue right before the opener: X ने कहा, “…” / X कहती हैं कि ‘‘…’’ */
	if (!partial && cue_last(c, bs, o, &k)) {
		size_t gap = k.vend;
		while (gap < o && (t[gap].t == T_PUNCT ||
		                   IS(&t[gap], KI) ||
		                   IS(&t[gap], AUXES)))
			gap++;
		if (gap == o)
			goto found;
	}
	/* 2. after the closer: “…,” X ने कहा / ”X कहते हैं / ” - X */
	if (e < n) {
		size_t i = e + 1, ma, mb;
		bool dash = false;
		while (i < ae && t[i].t == T_PUNCT && !is_sent_end(&t[i])) {
			if (t[i].cp == '-' || t[i].cp == 0x2013 || t[i].cp == 0x2014)
				dash = true;
			i++;
		}
		if (i < ae && np_after(c, i, ae, &ma, &mb)) {
			if (dash && (mb >= ae || t[mb].t == T_PUNCT)) {
				set_mention(c, r, ma, mb);
				return;
			}
			for (size_t v = mb; v < ae; v++) {
				memset(&k, 0, sizeof k);
				if (cue_at(c, ma, v, ae, &k) && k.ms <= mb && k.me >= ma) {
					/* the phrase right after the closer is the subject,
					 * even when ने stands further on */
					k.ms = ma;
					if (k.me > mb || k.me < ma)
						k.me = mb;
					if (k.me > k.cs)
						k.me = k.cs > ma ? k.cs : mb;
					goto found;
				}
			}
		}
	}
	/* 3. any cue earlier in the sentence: X ने कहा कि यह साल ‘…’ */
	if (cue_last(c, bs, o, &k))
		goto found;
	/* 4. X ने ‘…’ का दावा किया: ने before, the verb after */
	if (partial && e < n) {
		for (size_t i = o; i > bs; i--) {
			const tok *w = &t[i - 1];
			if (w->t == T_WORD && (IS(w, NE) || IS(w, PRON_NE))) {
				size_t ma, mb;
				if (IS(w, PRON_NE)) {
					ma = i - 1;
					mb = i;
				} else if (!np_before(c, bs, i - 1, &ma, &mb)) {
					break;
				}
				set_mention(c, r, ma, mb);
				if (range_speechy(c, e + 1, ae))
					q->cue = NULL;
				return;
			}
		}
	}
	r->cont = true;
	return;
found:
	set_mention(c, r, k.ms, k.me);
	if (r->np == NP_PRONOUN) {
		size_t na, nb;
		if (topic_subject(c, k.ms, floor, &na, &nb)) {
			r->np = NP_NAME;
			r->ns = t[na].s;
			r->ne = t[nb - 1].e;
		}
	}
	q->cue = cue_text(c, &k);
	if (!q->cue)
		c->oom = true;
}

/* Trim whitespace off bytes [a, b). */
static void
trim_ws(const char *s, size_t *a, size_t *b)
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

/* Remember the quoted bytes [a, b) as a title: when the phrase recurs
 * (फ़िल्म ‘X’ … ‘X’ के बारे में), it is a title again. */
static void
title_note(ctx *c, size_t a, size_t b)
{
	if (b - a > TITLE_BYTES)
		return;
	size_t k = c->ntitles++ % MAX_TITLES;
	c->title_s[k] = a;
	c->title_e[k] = b;
}

static bool
title_seen(const ctx *c, size_t a, size_t b)
{
	size_t n = c->ntitles < MAX_TITLES ? c->ntitles : MAX_TITLES;
	for (size_t i = 0; i < n; i++)
		if (c->title_e[i] - c->title_s[i] == b - a &&
		    !memcmp(c->s + c->title_s[i], c->s + a, b - a))
			return true;
	return false;
}

/* ‘…’ उनकी सर्वश्रेष्ठ फ़िल्म है: a title noun a few words after the closer,
 * as the predicate of a copula, makes the pair a title. */
static bool
title_predicate(const ctx *c, size_t e)
{
	const tok *v = c->tk.v;
	size_t n = c->tk.n;
	for (size_t i = e + 1; i < n && i <= e + 7; i++) {
		if (v[i].t != T_WORD || IS(&v[i], NE) || IS(&v[i], SPEECHY) ||
		    IS(&v[i], SUBJ_VERBS) || IS(&v[i], NE_VERBS))
			return false;
		if (IS(&v[i], TITLE_NOUNS))
			return i + 1 < n && IS(&v[i + 1], AUXES);
	}
	return false;
}

/* A sung or named title: “मेरे अंगने में … है...” गाया / गाने को.  Under 12
 * words, no danda, no sentence end but a trailing ellipsis, and a title
 * noun or a verb of singing right after the closer. */
static bool
sung_title(const ctx *c, size_t o, size_t e, size_t words)
{
	const tok *v = c->tk.v;
	size_t n = c->tk.n, last = e;
	if (words >= 12 || e + 1 >= n || v[e + 1].t != T_WORD ||
	    !(IS(&v[e + 1], SING) || IS(&v[e + 1], TITLE_NOUNS)))
		return false;
	/* the trailing run of points */
	while (last > o + 1 && v[last - 1].t == T_PUNCT &&
	       (v[last - 1].cp == '.' || v[last - 1].cp == 0x2026))
		last--;
	for (size_t i = o + 1; i < last; i++)
		if (is_sent_end(&v[i]))
			return false;
	if (IS(&v[e + 1], SING))
		return true;
	/* a title noun after a sentence: only with an ellipsis (a cut-off
	 * line quoted as the title) */
	return e - last >= 2 || (e - last == 1 && v[last].cp == 0x2026);
}

/* Is there a speech cue right before token o (कहा:, कहती हैं, कहा गया है कि)?
 * With @p punct, a colon, comma or dash alone before it is enough. */
static bool
cue_before(const ctx *c, size_t o, size_t floor, bool punct)
{
	const tok *t = c->tk.v;
	size_t i = o;
	if (punct && o > floor && t[o - 1].t == T_PUNCT && !is_sent_end(&t[o - 1]))
		return true;
	while (i > floor && o - i < 6 &&
	       ((t[i - 1].t == T_PUNCT && !is_sent_end(&t[i - 1])) || IS(&t[i - 1], KI) ||
	        IS(&t[i - 1], AUXES) || IS(&t[i - 1], PASS)))
		i--;
	return i > floor && t[i - 1].t == T_WORD &&
	       (IS(&t[i - 1], NE_VERBS) || IS(&t[i - 1], SUBJ_VERBS) ||
	        IS(&t[i - 1], SPEECHY) || IS(&t[i - 1], GEN_NOUNS) || IS(&t[i - 1], LIGHT));
}

/* Is the pair at tokens o, e a sub-heading: alone on its line, no danda,
 * no final full stop, and no cue before it? */
static bool
heading(const ctx *c, size_t o, size_t e, size_t floor)
{
	const tok *t = c->tk.v;
	size_t n = c->tk.n;
	if (o > 0 && !memchr(c->s + t[o - 1].e, '\n', t[o].s - t[o - 1].e))
		return false;
	if (e + 1 < n && !memchr(c->s + t[e].e, '\n', t[e + 1].s - t[e].e))
		return false;
	for (size_t i = o + 1; i < e; i++)
		if (t[i].t == T_PUNCT && (t[i].cp == 0x964 || t[i].cp == 0x965))
			return false;
	if (e > o + 1 && t[e - 1].t == T_PUNCT && (t[e - 1].cp == '.' || t[e - 1].cp == '!'))
		return false;
	return !cue_before(c, o, floor, true);
}

/* One pair of marks (tokens o, e; e == tk.n when unbalanced to block end).
 * Returns false when the pair is a title, label or heading, not a quote. */
static bool
emit(ctx *c, size_t o, size_t e, size_t bend, size_t floor)
{
	const tok *t = c->tk.v;
	size_t a = t[o].e, b = e < c->tk.n ? t[e].s : bend;
	size_t words;
	bool punct, endp, partial;
	pk_quote q;
	raw_attr r;

	trim_ws(c->s, &a, &b);
	if (a >= b)
		return false;
	content_shape(c, o, e, &words, &punct, &endp);
	if (!words)
		return false;
	if (e < c->tk.n && heading(c, o, e, floor))
		return false;
	if (title_seen(c, a, b))
		return false;
	if (words >= 6 || (words >= 3 && punct) || (words >= 2 && endp)) {
		if (words < 6 && (short_is_label(c, o, e) || title_predicate(c, e))) {
			title_note(c, a, b);
			return false;
		}
		/* किताब ‘… …’ में लिखते हैं, किताब ‘…’, लिखने वाली: a title after
		 * its noun, governed by a postposition or set off by a comma */
		if (words < 12 && !punct && o > 0 && IS(&t[o - 1], TITLE_NOUNS) &&
		    e + 1 < c->tk.n && (IS(&t[e + 1], LOC) || IS(&t[e + 1], GENITIVES) ||
		                        IS(&t[e + 1], ARG) ||
		                        (t[e + 1].t == T_PUNCT && t[e + 1].cp == ','))) {
			title_note(c, a, b);
			return false;
		}
		/* ‘… …’ शीर्षक वाली: a long title, told by the noun after it */
		if ((words < 12 && !punct && e + 1 < c->tk.n && IS(&t[e + 1], TITLE_NOUNS)) ||
		    (e < c->tk.n && sung_title(c, o, e, words))) {
			title_note(c, a, b);
			return false;
		}
		partial = false;
	} else {
		size_t ss = sent_start(c, o, floor), se = sent_end(c, e < c->tk.n ? e : o);
		if (e >= c->tk.n)
			return false;
		if (looks_like_title(c, o, e) || title_predicate(c, e)) {
			title_note(c, a, b);
			return false;
		}
		/* आरोप लगाया कि वह ‘‘छुपाकर’’ … ‘‘गुमराह’’ कर रही हैं: a second
		 * fragment shares the sentence's cue with the first */
		if (!range_speechy(c, ss, se)) {
			size_t s0 = sent_start(c, o, 0);
			const pk_quote *lq = c->out.n ? &c->out.v[c->out.n - 1] : NULL;
			if (!(s0 < ss && lq && lq->kind == PK_QUOTE_PARTIAL &&
			      lq->close_mark != NONE && lq->close_mark >= t[s0].s &&
			      range_speechy(c, s0, ss)))
				return false;
		}
		partial = true;
	}
	memset(&q, 0, sizeof q);
	q.start = a;
	q.end = b;
	q.open_mark = c->no_open ? NONE : t[o].s;
	q.close_mark = e < c->tk.n ? t[e].s : NONE;
	q.kind = partial ? PK_QUOTE_PARTIAL : PK_QUOTE_DIRECT;
	q.mention_start = q.mention_end = NONE;
	attribute(c, o, e, floor, partial, &q, &r);
	if (!r.cont) {
		q.mention_start = r.ms;
		q.mention_end = r.me;
	}
	if (r.np == NP_NAME && hist_push(c, r.ns, r.ns, r.ne, true) < 0)
		c->oom = true;
	if (quote_push(c, q, r) < 0) {
		free(q.cue);
		c->oom = true;
	}
	return true;
}

/* Narration cues (X ने कहा कि …) between tokens [lo, hi): named subjects
 * become antecedents for later pronouns. */
static void
scan_narration(ctx *c, size_t lo, size_t hi)
{
	for (size_t v = lo; v < hi; v++) {
		const tok *t = &c->tk.v[v];
		cue k;
		size_t a, b;
		if (t->t == T_WORD && IS(t, NE) &&
		    np_before(c, lo, v, &a, &b)) {
			k.ms = a;
			k.me = b;
			note_subject(c, &k, false);
			continue;
		}
		/* Y से पूछा / Y से बात की: Y is who answers next (not the one
		 * who asks, nor Y से बात करने के बाद) */
		if (t->t == T_WORD && IS(t, ARG) && !IS(t, NE) && v + 1 < hi &&
		    (IS(&c->tk.v[v + 1], ASK) ||
		     (v + 2 < hi && IS(&c->tk.v[v + 1], TALK) && IS(&c->tk.v[v + 2], LIGHT))) &&
		    np_before(c, lo, v, &a, &b) && !(b - a == 1 && is_pronoun(c, &c->tk.v[a]))) {
			k.ms = a;
			k.me = b;
			note_subject(c, &k, true);
			continue;
		}
		if (t->t != T_WORD || !(IS(t, NE_VERBS) || IS(t, SUBJ_VERBS) ||
		                        IS(t, GEN_NOUNS)))
			continue;
		memset(&k, 0, sizeof k);
		if (cue_at(c, v > CLAUSE_TOKS ? v - CLAUSE_TOKS : 0, v, hi, &k) && k.ms >= lo)
			note_subject(c, &k, !IS(t, ASK));
	}
}

/* A straight `"` at token i right after `कहा,` / `कहते हैं,` / `:` with a
 * word after it opens a quote, with or without a space after it. */
static bool
cue_opens(const ctx *c, size_t i, size_t floor)
{
	const tok *t = c->tk.v;
	if (t[i].cp != '"' || i < 2 || i + 1 >= c->tk.n || t[i + 1].t != T_WORD)
		return false;
	if (t[i - 1].t != T_PUNCT || (t[i - 1].cp != ',' && t[i - 1].cp != ':'))
		return false;
	return t[i - 2].t == T_WORD && cue_before(c, i - 1, floor, false);
}

/* Is the straight `"` at token i shaped as a closer: glued to a word or to
 * sentence punctuation before it, nothing glued after it? */
static bool
close_shaped(const ctx *c, size_t i)
{
	const tok *t = c->tk.v;
	if (t[i].cp != '"' || t[i].sp || i == 0)
		return false;
	if (i + 1 < c->tk.n && !t[i + 1].sp && t[i + 1].t != T_PUNCT)
		return false;
	return t[i - 1].t == T_WORD ||
	       (t[i - 1].t == T_PUNCT && (is_sent_end(&t[i - 1]) || t[i - 1].cp == ','));
}

/* Does a sentence end glued to the next word at token p (है.उनका): a
 * paragraph break lost upstream, where a quote left open evidently stops? */
static bool
glued_break(const ctx *c, size_t p)
{
	const tok *t = c->tk.v;
	return p > 0 && p + 1 < c->tk.n && (t[p].cp == '.' || t[p].cp == 0x964) &&
	       t[p].t == T_PUNCT && !t[p].sp && t[p - 1].t == T_WORD &&
	       t[p - 1].e - t[p - 1].s >= 6 && (c->s[t[p - 1].s] & 0x80) &&
	       !t[p + 1].sp && t[p + 1].t == T_WORD && (c->s[t[p + 1].s] & 0x80);
}

/* Does a verb of saying end just before the comma at token o (कहते हैं,
 * ने बताया, का कहना है), not a light verb alone (फैसला किया है,)? */
static bool
speech_verb_before(const ctx *c, size_t o, size_t floor)
{
	const tok *t = c->tk.v;
	size_t i = o;
	while (i > floor && o - i < 4 && (IS(&t[i - 1], AUXES) || IS(&t[i - 1], PASS)))
		i--;
	return i > floor && t[i - 1].t == T_WORD &&
	       (IS(&t[i - 1], NE_VERBS) || IS(&t[i - 1], SUBJ_VERBS) ||
	        IS(&t[i - 1], GEN_NOUNS));
}

/* A straight closer at token i with no opener (वह कहते हैं, जब … है. "):
 * the quote began after the nearest speech cue and comma before it, a few
 * sentences back at most, with no double mark between.  Emits it and
 * returns true if it was a quote. */
static bool
emit_orphan(ctx *c, size_t i, size_t floor, size_t *scanned)
{
	const tok *t = c->tk.v;
	size_t sents = 0;
	for (size_t j = i; j > floor + 2 && i - j < 160; j--) {
		const tok *p = &t[j - 1];
		if (p->t == T_MARK && p->fam == F_DOUBLE)
			return false;
		if (is_sent_end(p) && ++sents > 4)
			return false;
		if (p->t == T_PUNCT && (p->cp == ',' || p->cp == ':') && j + 1 < i &&
		    t[j].t == T_WORD && t[j - 2].t == T_WORD && speech_verb_before(c, j - 1, floor)) {
			bool ok;
			if (*scanned < j - 1)
				scan_narration(c, *scanned, j - 1);
			c->no_open = true;
			ok = emit(c, j - 1, i, t[i].s, floor);
			c->no_open = false;
			if (ok)
				*scanned = i + 1;
			return ok;
		}
	}
	return false;
}

/* An opener at token o after a cue that a new opener at token i finds
 * still open (कहती हैं, ''… था.अलका का कहना है, "…): the quote ran to the
 * end of the sentence before the one that introduces the new quote.
 * Returns the first token after that sentence end if it was emitted, else 0. */
static size_t
emit_unclosed(ctx *c, size_t o, size_t i, size_t floor)
{
	const tok *t = c->tk.v;
	size_t s0 = sent_start(c, i, o + 1), save = c->tk.n;
	bool ok;
	if (s0 <= o + 2 || !is_sent_end(&t[s0 - 1]) || !cue_before(c, o, floor, false))
		return 0;
	/* a paragraph break lost upstream ends it sooner */
	for (size_t p = o + 2; p + 1 < s0; p++)
		if (glued_break(c, p)) {
			s0 = p + 1;
			break;
		}
	/* the sentence (with its full stop) ends it, as a block end would */
	c->tk.n = s0;
	ok = emit(c, o, s0, t[s0 - 1].e, floor);
	c->tk.n = save;
	return ok ? s0 : 0;
}

/* Pair the marks of the block tokens and emit quotations. */
/* The pair opened at mark o closes at mark e: scan the narration before
 * it, emit it, and move the pairing state (floor, scanned) past it. */
static void
pair_close(ctx *c, size_t o, size_t e, size_t bend, size_t *floor, size_t *scanned)
{
	if (*scanned < o)
		scan_narration(c, *scanned, o);
	if (emit(c, o, e, bend, *floor))
		*floor = e + 1;
	*scanned = e + 1;
}

static void
pair_block(ctx *c, const pk_block *blk, bool next_opens)
{
	const tok *t = c->tk.v;
	size_t n = c->tk.n;
	size_t st[3], k = 0;
	size_t floor = 0;   /* tokens before this belong to an earlier pair */
	size_t scanned = 0; /* narration scanned up to this token */

	for (size_t i = 0; i < n; i++) {
		const tok *m = &t[i];
		if (m->t != T_MARK)
			continue;
		bool sp_before = m->sp || i == 0 || is_open_bracket(&t[i - 1]);
		bool end = i + 1 == n || t[i + 1].sp;
		bool next_word = !end && (t[i + 1].t == T_WORD || is_open_bracket(&t[i + 1]) ||
		                          t[i + 1].t == T_MARK);
		bool prev_word = i > 0 && !m->sp && t[i - 1].t == T_WORD;
		bool strict_open = sp_before && next_word;

		/* a quote open too long lost its closer */
		while (k && m->s - t[st[0]].e > MAX_OPEN_BYTES)
			k = 0;
		/* कि 'कई … रहे हैं.''मुगले: a straight single closer glued to the
		 * opener of what follows reads as a doubled mark; it closes */
		if (k == 1 && t[st[0]].cp == '\'' && t[st[0]].fam == F_SINGLE && m->cp == '\'' &&
		    m->fam == F_DOUBLE && !m->sp && i > 0 && is_sent_end(&t[i - 1]) && i - st[0] > 4) {
			k = 0;
			pair_close(c, st[0], i, blk->end, &floor, &scanned);
			continue;
		}
		/* a single quote open when a double mark comes was not a quote */
		if (k && t[st[k - 1]].fam == F_SINGLE && m->fam == F_DOUBLE)
			k--;
		/* कहती हैं," मैं …: glued to a comma or colon after a speech cue,
		 * a mark opens even with a space after it */
		bool after_comma = !k && i > 1 && !m->sp && t[i - 1].t == T_PUNCT &&
		                   (t[i - 1].cp == ',' || t[i - 1].cp == ':') && i + 1 < n &&
		                   t[i - 2].t == T_WORD && cue_before(c, i - 1, floor, false);
		bool cue_open = cue_opens(c, i, floor);
		if (!k) {
			/* a closer with no opener: the quote began after a cue */
			if (!cue_open && close_shaped(c, i) && emit_orphan(c, i, floor, &scanned)) {
				floor = i + 1;
				continue;
			}
			if (next_word || (sp_before && m->dir != D_CLOSE) ||
			    (!prev_word && !end && m->dir != D_CLOSE) ||
			    (after_comma && m->dir != D_CLOSE))
				st[k++] = i;
			continue;
		}
		const tok *top = &t[st[k - 1]];
		if (m->fam == top->fam) {
			if (strict_open && !cue_open && m->cp == '"' && top->cp == '"' && k == 1) {
				/* जो "इंडोलॉजी" यानि: a short pair nested in the open quote */
				size_t j = i + 1;
				while (j < n && j - i <= 6 && t[j].t != T_MARK && !is_sent_end(&t[j]))
					j++;
				if (j < n && j - i <= 6 && t[j].cp == '"' && close_shaped(c, j) &&
				    j + 1 < n && t[j + 1].t == T_WORD) {
					i = j;
					continue;
				}
			}
			if ((strict_open && m->dir != D_CLOSE && !prev_word) || cue_open) {
				/* a new opener: the open quote was never closed */
				if (k == 1 && scanned <= st[0]) {
					size_t o0 = st[0];
					if (scanned < st[0])
						scan_narration(c, scanned, st[0]);
					scanned = st[0];
					size_t s0 = emit_unclosed(c, st[0], i, floor);
					if (s0)
						floor = scanned = s0;
					/* है. "इसी …, " ससुराल: the mark left open
					 * closed a quote whose opener was lost */
					else if (t[o0].cp == '"' && !cue_opens(c, o0, floor) &&
					         emit_orphan(c, o0, floor, &scanned))
						floor = o0 + 1;
				}
				k = 0;
				st[k++] = i;
				continue;
			}
			k--;
			if (k == 0) {
				pair_close(c, st[0], i, blk->end, &floor, &scanned);
			}
			continue;
		}
		/* a single mark inside a double quote: nested, or an apostrophe */
		if (m->fam == F_SINGLE && strict_open && k < 3) {
			st[k++] = i;
			continue;
		}
		/* "… कार होगी.' कपूर: a straight single mark glued to a full stop
		 * with a space after it closes the double quote, mismatched */
		if (k == 1 && top->fam == F_DOUBLE && m->cp == '\'' && i > 0 &&
		    is_sent_end(&t[i - 1]) && !m->sp && end && i + 1 < n) {
			k = 0;
			pair_close(c, st[0], i, blk->end, &floor, &scanned);
			continue;
		}
		/* “हेल्पलाइन’ पर: a single closer after a word shortly after a
		 * double opener closes it, mismatched as published */
		if (k == 1 && top->fam == F_DOUBLE && top->dir == D_OPEN && m->dir == D_CLOSE &&
		    prev_word && (end || t[i + 1].t == T_PUNCT) && i - st[0] <= 8) {
			k = 0;
			pair_close(c, st[0], i, blk->end, &floor, &scanned);
		}
	}
	if (k) {
		/* unclosed: runs to the paragraph end if the next paragraph
		 * reopens (a quote over paragraphs) or the end is near */
		if (next_opens || blk->end - t[st[0]].e <= UNBAL_TAIL) {
			if (scanned < st[0])
				scan_narration(c, scanned, st[0]);
			emit(c, st[0], n, blk->end, floor);
			scanned = n;
		}
	}
	if (scanned < n)
		scan_narration(c, scanned, n);
}

/* Does the first quotation mark of block b close and reopen at once: a
 * straight closer glued to sentence punctuation, then (after at most a
 * space) a straight opener glued to a word (था.""फिर, था." "फिर)?  Such a
 * paragraph continues a quote left open in the paragraph before.  Single
 * marks before it (a link headline's 'title') do not count. */
static bool
block_reopens(const ctx *c, const pk_block *b)
{
	size_t p = b->start, q;
	uint32_t prev = 0, cp = 0;
	unsigned char dir;
	while (p < b->end) {
		cp = qc_next(c->s, b->end, &p);
		if (qc_mark(cp, &dir) == F_DOUBLE)
			break;
		prev = cp;
	}
	if (p >= b->end || cp != '"' ||
	    !(prev == '.' || prev == ',' || prev == '?' || prev == '!' || prev == 0x964))
		return false;
	q = p;
	cp = qc_next(c->s, b->end, &q);
	if (cp == ' ' && q < b->end)
		cp = qc_next(c->s, b->end, &q);
	if (cp != '"' || q >= b->end)
		return false;
	cp = qc_next(c->s, b->end, &q);
	return qc_word(cp);
}

/* Is the count of straight double marks in bytes [a, b) odd (a quote left open)? */
static bool
straight_odd(const ctx *c, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += c->s[i] == '"';
	return n & 1;
}

/* Does block b start with a quotation mark? */
static bool
block_opens(const ctx *c, const pk_block *b)
{
	size_t p = b->start;
	unsigned char dir;
	uint32_t cp = pk_decode(c->s, b->end, &p);
	return qc_mark(cp, &dir) != 0;
}

/* ------------------------------------------------------------------ */
/* Pass 2: speakers                                                    */

/* UTF-8 NFC of bytes [a, b); NULL on failure. */
static char *
nfc(const char *s, size_t a, size_t b, UErrorCode *err)
{
	const UNormalizer2 *n2 = unorm2_getNFCInstance(err);
	int32_t ul = 0, nl, ol;
	UChar *u = NULL, *v = NULL;
	char *out = NULL;

	if (U_FAILURE(*err) || b - a > 4096)
		return NULL;
	u = malloc((b - a + 1) * sizeof *u);
	v = malloc((2 * (b - a) + 8) * sizeof *v);
	if (!u || !v)
		goto done;
	u_strFromUTF8WithSub(u, (int32_t)(b - a + 1), &ul, s + a, (int32_t)(b - a), 0xFFFD, NULL, err);
	if (U_FAILURE(*err))
		goto done;
	nl = unorm2_normalize(n2, u, ul, v, (int32_t)(2 * (b - a) + 8), err);
	if (U_FAILURE(*err))
		goto done;
	out = malloc((size_t)nl * 3 + 1);
	if (!out)
		goto done;
	u_strToUTF8(out, nl * 3 + 1, &ol, v, nl, err);
	if (U_FAILURE(*err)) {
		free(out);
		out = NULL;
	}
done:
	free(u);
	free(v);
	return out;
}

/* Words equal, or (both of 4+ letters) one edit apart: जिबाकलम = जिबकलम. */
static bool
word_fuzzy(const char *s, size_t a, size_t b, size_t x, size_t y)
{
	uint32_t u[40], w[40];
	size_t nu = 0, nw = 0, i = a, j = x;
	/* nukta letters decomposed and nukta dropped (fold_next), then the
	 * rest of pk_fold()'s equivalence: vowel length, chandrabindu */
	while (i < b && nu < 40) { uint32_t cp = pk_fold_cp(qc_fold_next(s, b, &i)); if (cp) u[nu++] = cp; }
	while (j < y && nw < 40) { uint32_t cp = pk_fold_cp(qc_fold_next(s, y, &j)); if (cp) w[nw++] = cp; }
	if (i < b || j < y)
		return false;
	if (nu == nw && !memcmp(u, w, nu * sizeof *u))
		return true;
	if (nu < 4 || nw < 4 || (nu > nw ? nu - nw : nw - nu) > 1)
		return false;
	size_t p = 0;
	while (p < nu && p < nw && u[p] == w[p])
		p++;
	size_t qu = nu, qw = nw;
	while (qu > p && qw > p && u[qu - 1] == w[qw - 1]) {
		qu--;
		qw--;
	}
	return qu - p <= 1 && qw - p <= 1;
}

/* Token list of bytes [a, b) compared word by word with [x, y) (folded,
 * hyphens as spaces): 1 if [x,y)'s words end [a,b)'s, 2 if they start them,
 * 3 if they stand inside them, 0 if none of these. */
static int
name_contains(const char *s, size_t a, size_t b, size_t x, size_t y)
{
	/* Collect word starts of each (names are short). */
	size_t wa[12][2], wx[12][2], na = 0, nx = 0;
	size_t ranges[2][2] = { { a, b }, { x, y } };
	for (int r = 0; r < 2; r++) {
		size_t i = ranges[r][0], e = ranges[r][1], (*w)[2] = r ? wx : wa, *nw = r ? &nx : &na;
		while (i < e && *nw < 12) {
			size_t p = i;
			uint32_t cp = pk_decode(s, e, &p);
			if (!qc_word(cp)) {
				i = p;
				continue;
			}
			size_t st = i;
			while (i < e) {
				p = i;
				cp = pk_decode(s, e, &p);
				if (!qc_word(cp))
					break;
				i = p;
			}
			w[*nw][0] = st;
			w[(*nw)++][1] = i;
		}
	}
	if (!nx || nx > na)
		return 0;
	bool suf = true, pre = true;
	for (size_t i = 0; i < nx; i++) {
		if (!word_fuzzy(s, wa[na - nx + i][0], wa[na - nx + i][1], wx[i][0], wx[i][1]))
			suf = false;
		if (!word_fuzzy(s, wa[i][0], wa[i][1], wx[i][0], wx[i][1]))
			pre = false;
	}
	if (suf || pre)
		return suf ? 1 : 2;
	/* a middle name: the second word of three or four (चात्रा हैकेन बाकर
	 * → हैकन); further in, the words before are more often a role */
	if (na >= 3 && na <= 4 && nx + 1 < na) {
		size_t i = 0;
		while (i < nx && word_fuzzy(s, wa[1 + i][0], wa[1 + i][1], wx[i][0], wx[i][1]))
			i++;
		if (i == nx)
			return 3;
	}
	return 0;
}

/* The first word of bytes [a, b), as [*x, *y). */
static void
first_word(const char *s, size_t a, size_t b, size_t *x, size_t *y)
{
	size_t i = a, p;
	while (i < b) {
		p = i;
		if (qc_word(pk_decode(s, b, &p)))
			break;
		i = p;
	}
	*x = i;
	while (i < b) {
		p = i;
		if (!qc_word(pk_decode(s, b, &p)))
			break;
		i = p;
	}
	*y = i;
}

/* Does a name written once at bytes [at, ext) (first word ending at q)
 * stand where names stand: after a sentence end, a comma, और, a title or
 * वाली; with no digits and no oblique plural (अधिकारियों) in what it adds? */
static bool
name_slot(const ctx *c, size_t at, size_t q, size_t ext)
{
	size_t p = at, w;
	for (size_t i = q; i < ext; i++)
		if (c->s[i] >= '0' && c->s[i] <= '9')
			return false;
	if (ext - q > 6 && !memcmp(c->s + ext - 6, "ों", 6))
		return false;
	while (p > 0 && (c->s[p - 1] == ' ' || c->s[p - 1] == '\n'))
		p--;
	if (p == 0)
		return true;
	w = p - 1;
	while (w > 0 && ((unsigned char)c->s[w] & 0xC0) == 0x80)
		w--;
	{
		size_t z = w;
		uint32_t cp = pk_decode(c->s, c->len, &z);
		if (cp == '.' || cp == ',' || cp == 0x964 || cp == '?' || cp == '!')
			return true;
		if (!qc_word(cp))
			return false;
	}
	/* the word before: back to its start */
	while (w > 0) {
		size_t v = w - 1;
		while (v > 0 && ((unsigned char)c->s[v] & 0xC0) == 0x80)
			v--;
		size_t z = v;
		if (!qc_word(pk_decode(c->s, c->len, &z)))
			break;
		w = v;
	}
	if (p - w > 200)
		return false;
	lexset x = lex_find(c->lex, c->s, w, p);
	return LEX_IN(x, DESCRIPTORS) || LEX_IN(x, VALA) || LEX_IN(x, CONJ);
}

/*
 * Extend name [ns, ne) to the right by the words that follow it most often
 * nearby (किम → किम जोंग उन), when they recur: a one-off is a following
 * noun, not a name part.  Returns the new end (in the occurrence at ns).
 */
static size_t
extend_right(ctx *c, size_t ns, size_t ne, size_t *xs, size_t *xe)
{
	size_t lo = ns > NAME_BACK ? ns - NAME_BACK : 0;
	size_t hi = ne + NAME_FWD < c->len ? ne + NAME_FWD : c->len;
	size_t l = ne - ns, best_n = 0, best_words = 0;
	size_t cand_s[32], cand_e[32], cnt[32], nc = 0;
	size_t one_s = 0, one_e = 0, n_ext = 0;  /* extensions ended by any stop word */
	size_t oth_s[32], oth_e[32], no = 0;     /* extensions not ended by a postposition */

	if (!l || l > 200)
		return ne;
	for (size_t p = lo; p + l <= hi;) {
		const char *f = memmem(c->s + p, hi - p, c->s + ns, l);
		if (!f)
			break;
		size_t at = (size_t)(f - c->s), q = at + l, r, w = 0, ext = q;
		p = q;
		/* whole words only */
		if (at > 0) {
			size_t z = at - 1;
			while (z > 0 && ((unsigned char)c->s[z] & 0xC0) == 0x80)
				z--;
			size_t zz = z;
			if (qc_word(pk_decode(c->s, c->len, &zz)))
				continue;
		}
		r = q;
		if (r < c->len) {
			size_t zz = r;
			if (qc_word(pk_decode(c->s, c->len, &zz)))
				continue;
		}
		/* up to 2 more words, ended by a postposition or punctuation */
		while (w < 2) {
			size_t x, y;
			if (r >= hi || c->s[r] != ' ')
				break;
			first_word(c->s, r + 1, hi < r + 120 ? hi : r + 120, &x, &y);
			if (x != r + 1 || y == x)
				break;
			if (y - x >= 128)
				break;
			lexset xw = lex_find(c->lex, c->s, x, y);
			bool stop = LEX_IN(xw, XEND) || LEX_IN(xw, NP_STOPS) ||
			            LEX_IN(xw, DESCRIPTORS) || LEX_IN(xw, SUBJ_VERBS);
			if (stop)
				break;
			ext = y;
			r = y;
			w++;
		}
		if (ext == q)
			continue;
		/* was it ended by a postposition? */
		{
			size_t x, y;
			first_word(c->s, ext, hi < ext + 40 ? hi : ext + 40, &x, &y);
			static const lexset none;
			lexset bits = x == ext + 1 && y > x ? lex_find(c->lex, c->s, x, y) : none;
			if ((LEX_IN(bits, POSTP) || LEX_IN(bits, NP_STOPS)) && !LEX_IN(bits, GENITIVES) &&
			    name_slot(c, at, q, ext)) {
				n_ext++;
				one_s = q;
				one_e = ext;
			}
			if (!LEX_IN(bits, POSTP)) {
				if (no < 32) {
					oth_s[no] = q;
					oth_e[no++] = ext;
				}
				continue;
			}
		}
		size_t j;
		for (j = 0; j < nc; j++)
			if (cand_e[j] - cand_s[j] == ext - q &&
			    !memcmp(c->s + cand_s[j], c->s + q, ext - q))
				break;
		if (j == nc) {
			if (nc == 32)
				continue;
			cand_s[nc] = q;
			cand_e[nc] = ext;
			cnt[nc++] = 0;
		}
		cnt[j]++;
		(void)w;
	}
	/* सोनम कपूर की … सोनम कपूर फ़िल्म: a longer run of words that begins
	 * with a candidate (and a space) supports it too */
	for (size_t j = 0; j < nc; j++) {
		size_t cl = cand_e[j] - cand_s[j];
		for (size_t o = 0; o < no; o++)
			if (oth_e[o] - oth_s[o] > cl && c->s[oth_s[o] + cl] == ' ' &&
			    !memcmp(c->s + oth_s[o], c->s + cand_s[j], cl))
				cnt[j]++;
	}
	size_t bi = (size_t)-1;
	for (size_t j = 0; j < nc; j++) {
		size_t words = 0;
		for (size_t z = cand_s[j]; z < cand_e[j]; z++)
			words += c->s[z] == ' ';
		if (cnt[j] >= 2 && (cnt[j] > best_n || (cnt[j] == best_n && words > best_words))) {
			best_n = cnt[j];
			best_words = words;
			bi = j;
		}
	}
	*xs = *xe = 0;
	if (bi == (size_t)-1) {
		/* the full name written once (हर्षिता वेंकटेश केवल 22 साल की …,
		 * युवराज सिंह और …): trusted when its next word stands nowhere
		 * else nearby, as a surname would, and a following noun would not */
		size_t x, y;
		if (n_ext != 1)
			return ne;
		first_word(c->s, one_s, one_e, &x, &y);
		if (y > x && !word_elsewhere(c, x, y, x)) {
			*xs = one_s;
			*xe = one_e;
		}
		return ne;
	}
	/* the extension as found elsewhere (with its leading space) */
	*xs = cand_s[bi];
	*xe = cand_e[bi];
	return ne;
}

/* Extend name [*ns, ne) leftwards by first names seen before it nearby:
 * `राष्ट्रपति व्लादिमीर पुतिन` gives व्लादिमीर.  Returns an occurrence. */
static void
extend_left(ctx *c, size_t *ns, size_t *ne)
{
	size_t lo = *ns > NAME_BACK ? *ns - NAME_BACK : 0;
	size_t hi = *ne + NAME_FWD < c->len ? *ne + NAME_FWD : c->len;
	size_t best_s = 0, best_e = 0, best_w = 0;
	size_t cs[16], ce[16], cq[16], cw[16], cn[16], nc = 0;
	size_t nw[6][2], nn = 0, l;
	bool cst[16];

	/* search for the last word; earlier words are matched token by token
	 * so that `वॉलर ब्रिज` finds `फीबी वॉलर-ब्रिज` */
	for (size_t i = *ns; i < *ne && nn < 6;) {
		size_t x, y;
		first_word(c->s, i, *ne, &x, &y);
		if (y == x)
			break;
		nw[nn][0] = x;
		nw[nn++][1] = y;
		i = y;
	}
	if (!nn || nn == 6)
		return;
	l = nw[nn - 1][1] - nw[nn - 1][0];
	if (!l || l > 200)
		return;
	for (size_t p = lo; p + l <= hi;) {
		const char *f = memmem(c->s + p, hi - p, c->s + nw[nn - 1][0], l);
		if (!f)
			break;
		size_t at = (size_t)(f - c->s), q = at + l;
		p = q;
		if (q < c->len) {
			size_t zz = q;
			if (qc_word(pk_decode(c->s, c->len, &zz)))
				continue;
		}
		/* tokens of the 120 bytes before */
		size_t a = at > 160 ? at - 160 : 0;
		while (a < at && ((unsigned char)c->s[a] & 0xC0) == 0x80)
			a++;
		toks saved = c->tk;
		toks tk = { 0 };
		if (tokenize(c->lex, c->s, c->len, a, at, &tk) < 0) {
			free(tk.v);
			c->oom = true;
			return;
		}
		c->tk = tk;
		size_t n = tk.n, i = n, w = 0;
		for (size_t m = nn; m > 0; m--) {
			if (i && tk.v[i - 1].e == (i == n ? at : tk.v[i].s)) {
				/* joined by a hyphen (वॉलर-ब्रिज), or glued to a longer word */
				if (!(tk.v[i - 1].t == T_PUNCT && tk.v[i - 1].cp == '-'))
					goto next;
				i--;
			}
			if (m == 1)
				break;
			if (!i || tk.v[i - 1].t != T_WORD ||
			    !word_fuzzy(c->s, tk.v[i - 1].s, tk.v[i - 1].e, nw[m - 2][0], nw[m - 2][1]))
				goto next;
			i--;
		}
		at = i < n ? tk.v[i].s : at;
		while (i > 0 && w < 2) {
			const tok *t = &tk.v[i - 1];
			if (t->t != T_WORD || IS(t, NP_STOPS) || IS(t, DESCRIPTORS) ||
			    lex_suffix(LS_PROF_SUFFIX, c->s, t->s, t->e) ||
			    IS(t, GENITIVES) || is_pronoun(c, t) || IS(t, NE_VERBS) ||
			    IS(t, EK) || lex_suffix(LS_ADJ_SUFFIX, c->s, t->s, t->e))
				break;
			i--;
			w++;
		}
		/* a first name is trusted after a title or a genitive (राष्ट्रपति
		 * व्लादिमीर पुतिन), or when the same words precede it twice */
		if (w && i > 0) {
			bool strong = tk.v[i - 1].t == T_WORD &&
			              (IS(&tk.v[i - 1], DESCRIPTORS) ||
			               lex_suffix(LS_PROF_SUFFIX, c->s, tk.v[i - 1].s, tk.v[i - 1].e) ||
			               IS(&tk.v[i - 1], GENITIVES) ||
			               IS(&tk.v[i - 1], VALA));
			size_t es = tk.v[i].s, j;
			for (j = 0; j < nc; j++)
				if (ce[j] - cs[j] == at - es && !memcmp(c->s + cs[j], c->s + es, at - es))
					break;
			if (j == nc && nc < 16) {
				cs[nc] = es;
				ce[nc] = at;
				cq[nc] = q;
				cw[nc] = w;
				cn[nc] = 0;
				cst[nc++] = false;
			}
			if (j < nc) {
				cn[j]++;
				cst[j] |= strong;
			}
		}
next:
		free(tk.v);
		c->tk = saved;
	}
	for (size_t j = 0; j < nc; j++)
		if ((cst[j] || cn[j] >= 2) && cw[j] > best_w) {
			best_w = cw[j];
			best_s = cs[j];
			best_e = cq[j];
		}
	if (best_w) {
		*ns = best_s;
		*ne = best_e;
	}
}

/* Fullest form of the name at bytes [ns, ne) near @p pos, NFC. */
static char *
fullest(ctx *c, size_t ns, size_t ne, size_t pos, UErrorCode *err)
{
	/* 1. a longer named subject of some cue nearby that contains it */
	size_t bs = ns, be = ne, bw = 0, lo = 0, hi = c->nh;
	/* history is in document order, give or take a clause: binary search */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->h[mid].pos + NAME_BACK + NAME_FWD < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < c->nh && c->h[i].pos <= pos + 2 * NAME_FWD; i++) {
		const hist *h = &c->h[i];
		if (h->pos + NAME_BACK < pos || h->pos > pos + NAME_FWD)
			continue;
		size_t words = 1;
		for (size_t z = h->ns; z < h->ne; z++)
			words += c->s[z] == ' ';
		if ((words > bw || (words == bw && bw)) && h->ne - h->ns >= ne - ns &&
		    name_contains(c->s, h->ns, h->ne, ns, ne)) {
			bs = h->ns;
			be = h->ne;
			bw = words;
		}
	}
	/* 2. first names and last names that recur next to it */
	size_t xs, xe;
	extend_left(c, &bs, &be);
	/* a one-word name may gain its other parts (किम → किम जोंग उन); a longer
	 * one is complete, and what follows it is a noun (… उदयपुर के) */
	xs = xe = 0;
	if (!memchr(c->s + bs, ' ', be - bs))
		extend_right(c, bs, be, &xs, &xe);
	if (xe > xs) {
		char *a = nfc(c->s, bs, be, err), *b = nfc(c->s, xs, xe, err), *r = NULL;
		if (a && b && (r = malloc(strlen(a) + strlen(b) + 1)))
			strcat(strcpy(r, a), b);
		free(a);
		free(b);
		return r;
	}
	return nfc(c->s, bs, be, err);
}

/* hist is built in document order; find the last entry before pos. */
static const hist *
antecedent(const ctx *c, size_t pos, size_t *hint)
{
	size_t i = *hint;
	while (i < c->nh && c->h[i].pos < pos)
		i++;
	*hint = i;
	/* the nearest subject of a speech cue, else of any ने */
	for (size_t j = i; j > 0 && c->h[j - 1].pos + ANTE_BYTES >= pos; j--)
		if (c->h[j - 1].strong)
			return &c->h[j - 1];
	if (i && c->h[i - 1].pos + ANTE_BYTES >= pos)
		return &c->h[i - 1];
	return NULL;
}

/* Does s[p..] hold the word w (UTF-8) with a space or start before it and
 * a space after it? */
static bool
word_at(const ctx *c, size_t p, const char *w)
{
	size_t l = strlen(w);
	return p + l < c->len && !memcmp(c->s + p, w, l) && c->s[p + l] == ' ' &&
	       (p == 0 || c->s[p - 1] == ' ' || c->s[p - 1] == ',');
}

/* जब राज कपूर … आए थे तो उन्होंने कहा: a pronoun in the main clause after
 * `जब … तो` means the subject of the जब clause.  That subject is the
 * longest name of the history (a speaker somewhere in the article) that
 * starts one of the first words after जब; NULL if none does. */
static const hist *hist_name_at(const ctx *c, size_t w, size_t m, size_t hint, int words);

static const hist *
jab_subject(const ctx *c, size_t m, size_t hint)
{
	size_t lo = m > JAB_BYTES ? m - JAB_BYTES : 0, jab = NONE;
	bool to = false;
	for (size_t p = m; p > lo; p--) {
		unsigned char b = (unsigned char)c->s[p - 1];
		if (b == '.' || b == '?' || b == '!' || b == '"' || b == '\n' ||
		    (p >= 3 && !memcmp(c->s + p - 3, "\xE0\xA5\xA4", 3)))
			return NULL;
		if (!to && word_at(c, p - 1, "तो"))
			to = true;
		else if (to && word_at(c, p - 1, "जब")) {
			jab = p - 1 + strlen("जब") + 1;
			break;
		}
	}
	if (jab == NONE)
		return NULL;
	return hist_name_at(c, jab, m, hint, 4);
}

/* The longest name of the history near entry hint that starts one of the
 * first @p words words at w (before m); NULL if none does. */
static const hist *
hist_name_at(const ctx *c, size_t w, size_t m, size_t hint, int words)
{
	const hist *best = NULL;
	/* the history near m only: bounded work per pronoun */
	size_t j0 = hint > JAB_HIST ? hint - JAB_HIST : 0;
	size_t j1 = hint + JAB_HIST < c->nh ? hint + JAB_HIST : c->nh;
	for (int k = 0; k < words && w < m; k++) {
		for (size_t j = j0; j < j1; j++) {
			const hist *h = &c->h[j];
			size_t l = h->ne - h->ns, z = w + l;
			if (l && z < m && !memcmp(c->s + w, c->s + h->ns, l) &&
			    !qc_word(pk_decode(c->s, c->len, &z)) && (!best || l > best->ne - best->ns))
				best = h;
		}
		if (best)
			return best;
		while (w < m && c->s[w] != ' ')
			w++;
		while (w < m && c->s[w] == ' ')
			w++;
	}
	return NULL;
}

/* Is byte p the end of a sentence (., ।, ?, !)?  Sets *l to its length. */
static bool
sent_end_at(const ctx *c, size_t p, size_t *l)
{
	unsigned char b = (unsigned char)c->s[p];
	*l = 1;
	if (b == '.' || b == '?' || b == '!')
		return true;
	*l = 3;
	return p + 3 <= c->len && !memcmp(c->s + p, "\xE0\xA5\xA4", 3);
}

/* राज कपूर दरवाज़े के पीछे … सुन रहे थे. उन्होंने … कहा: a pronoun that
 * opens its sentence means a name the history knows that opens the
 * sentence before, as its subject (no postposition after it). */
static const hist *
prev_subject(const ctx *c, size_t m, size_t hint)
{
	size_t p = m, l, lo;
	while (p > 0 && c->s[p - 1] == ' ')
		p--;
	if (p < 3)
		return NULL;
	if (!(c->s[p - 1] == '.' || (p >= 3 && !memcmp(c->s + p - 3, "\xE0\xA5\xA4", 3))))
		return NULL;
	size_t e = c->s[p - 1] == '.' ? p - 1 : p - 3;
	lo = e > JAB_BYTES ? e - JAB_BYTES : 0;
	size_t q = e;
	while (q > lo) {
		unsigned char b = (unsigned char)c->s[q - 1];
		if ((q >= 3 && sent_end_at(c, q - 3, &l) && l == 3) || b == '.' || b == '?' ||
		    b == '!' || b == '"' || b == '\n')
			break;
		/* after a closer (”, ’): the quote ended the sentence */
		if (q >= 3 && (!memcmp(c->s + q - 3, "\xE2\x80\x9D", 3) ||
		               !memcmp(c->s + q - 3, "\xE2\x80\x99", 3)))
			break;
		q--;
	}
	if (q == lo && lo > 0)
		return NULL;
	while (q < e && c->s[q] == ' ')
		q++;
	const hist *h = hist_name_at(c, q, e, hint, 1);
	if (!h) {
		/* X ने … शादी की है. उनका कहना है: the subject of a ने in the
		 * sentence before, the only one there */
		const hist *one = NULL;
		for (size_t j = hint < c->nh ? hint + 1 : c->nh; j > 0; j--) {
			const hist *x = &c->h[j - 1];
			if (x->pos >= e)
				continue;
			if (x->pos < q)
				break;
			/* उनके साथियों ने: a plural noun, nobody named */
			if (x->ne - x->ns > 6 && !memchr(c->s + x->ns, ' ', x->ne - x->ns) &&
			    !memcmp(c->s + x->ne - 6, "\xE0\xA5\x8B\xE0\xA4\x82", 6))
				continue;
			if (one && (one->ne - one->ns != x->ne - x->ns ||
			            memcmp(c->s + one->ns, c->s + x->ns, x->ne - x->ns)))
				return NULL;
			one = x;
		}
		return one;
	}
	/* the name's next word is no postposition */
	size_t z = q + (h->ne - h->ns), y;
	if (z >= e || c->s[z] != ' ')
		return NULL;
	y = z + 1;
	while (y < e && c->s[y] != ' ')
		y++;
	lexset x = lex_find(c->lex, c->s, z + 1, y);
	if (LEX_IN(x, POSTP) || LEX_IN(x, LOC) || LEX_IN(x, GENITIVES) || LEX_IN(x, ARG) ||
	    LEX_IN(x, NE))
		return NULL;
	return h;
}

/* A pronoun with nobody named before it (an interview that opens with
 * `उन्होंने … जवाब दिया` and names its subject later): the first named
 * subject of a speech cue after it, within ANTE_BYTES.  Subjects of any
 * other ने are too often someone else (व्यापारियों ने …) to guess from. */
static const hist *
cataphor(const ctx *c, size_t pos, size_t hint)
{
	for (size_t j = hint; j < c->nh && c->h[j].pos <= pos + ANTE_BYTES; j++)
		if (c->h[j].pos >= pos && c->h[j].strong)
			return &c->h[j];
	return NULL;
}

/* A one-pass scan of a mapped file must not keep it all resident: hand
 * back what lies well behind @p pos (it stays readable). */
static void
release_behind(const ctx *c, size_t *done, size_t pos)
{
	if (pos > *done + RELEASE_LAG + RELEASE_STEP) {
		pk_input_release(c->in, *done, pos - RELEASE_LAG);
		*done = pos - RELEASE_LAG;
	}
}

static pk_status
resolve(ctx *c)
{
	UErrorCode err = U_ZERO_ERROR;
	size_t hint = 0;
	const char *last = NULL;
	size_t last_pos = 0, released = 0;

	for (size_t i = 0; i < c->out.n; i++) {
		pk_quote *q = &c->out.v[i];
		raw_attr *r = &c->ra[i];
		const hist *h;
		release_behind(c, &released, q->start);
		switch (r->np) {
		case NP_NAME:
			q->speaker = fullest(c, r->ns, r->ne, r->ns, &err);
			break;
		case NP_PRONOUN:
		case NP_DEF_DESC:
			h = antecedent(c, r->ms, &hint);
			if (r->np == NP_PRONOUN && r->ms < q->start) {
				const hist *j = jab_subject(c, r->ms, hint);
				if (!j)
					j = prev_subject(c, r->ms, hint);
				if (j)
					h = j;
			}
			if (h)
				q->speaker = fullest(c, h->ns, h->ne, h->pos, &err);
			else if (last && q->start - last_pos < ANTE_BYTES)
				q->speaker = strdup(last);
			else if (r->np == NP_DEF_DESC)
				q->speaker = nfc(c->s, r->ms, r->me, &err);
			else if (!last && (h = cataphor(c, r->me, hint)) != NULL)
				q->speaker = fullest(c, h->ns, h->ne, h->pos, &err);
			break;
		case NP_INDEF_DESC:
			q->speaker = nfc(c->s, r->ms, r->me, &err);
			break;
		default:
			if (last && q->start - last_pos < CONT_BYTES)
				q->speaker = strdup(last);
			break;
		}
		if (U_FAILURE(err))
			return PK_ERR_ICU;
		if (q->speaker) {
			last = q->speaker;
			last_pos = q->end;
		}
	}
	return PK_OK;
}

/* ------------------------------------------------------------------ */

const char *
pk_quote_kind_name(pk_quote_kind k)
{
	return k == PK_QUOTE_PARTIAL ? "partial" : "direct";
}

void
pk_quotes_free(pk_quotes *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++) {
		free(q->v[i].speaker);
		free(q->v[i].cue);
	}
	free(q->v);
	q->v = NULL;
	q->n = 0;
}

pk_status
pk_quotes_find(pk_doc *d, pk_quotes *out)
{
	const pk_input *in = pk_doc_input(d);
	ctx c;
	pk_block b, nb;
	bool have, more;
	pk_status st = PK_OK;
	size_t released = 0;

	memset(&c, 0, sizeof c);
	c.in = in;
	c.s = in->bytes;
	c.len = in->len;
	out->v = NULL;
	out->n = 0;
	if (!(c.lex = lex_new()))
		return PK_ERR_NOMEM;

	have = pk_doc_first(d, &b);
	while (have && !c.oom) {
		more = pk_doc_next(d, &b, &nb);
		/* a quote left open over paragraphs that each close it and
		 * reopen (था.""फिर): one block, so the spans run across */
		while (more && b.type == PK_BLOCK_PARAGRAPH && nb.type == PK_BLOCK_PARAGRAPH &&
		       nb.end - b.start <= 3 * MAX_OPEN_BYTES && straight_odd(&c, b.start, b.end) &&
		       block_reopens(&c, &nb)) {
			pk_block nn;
			b.end = nb.end;
			more = pk_doc_next(d, &nb, &nn);
			nb = nn;
		}
		if (tokenize(c.lex, c.s, c.len, b.start, b.end, &c.tk) < 0) {
			c.oom = true;
			break;
		}
		pair_block(&c, &b, more && block_opens(&c, &nb));
		release_behind(&c, &released, b.start);
		b = nb;
		have = more;
	}
	if (!c.oom)
		st = resolve(&c);
	free(c.tk.v);
	lex_free(c.lex);
	free(c.ra);
	free(c.h);
	if (c.oom || st != PK_OK) {
		pk_quotes_free(&c.out);
		return c.oom ? PK_ERR_NOMEM : st;
	}
	*out = c.out;
	return PK_OK;
}
