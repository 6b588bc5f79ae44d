/* quote_cue.c - speech cues (X ने कहा, X कहते हैं, X का कहना है) and the
 * attribution sieves: where a quotation's speaker is mentioned. */
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>

/* The speaker noun phrase ending just before token k, not reaching before
 * token lo: words walking back until a stop word or punctuation.  Genitive
 * postpositions may sit inside (विभाग के एक प्रवक्ता).  False if empty. */
bool
q_np_before(const qslice *c, size_t lo, size_t k, size_t *a, size_t *b)
{
	const tok *v = c->v;
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
		       !q_sent_end(&v[j - 1]) && !(v[j - 1].t == T_PUNCT && v[j - 1].cp == ','))
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
		       !(v[j - 1].t == T_PUNCT && (v[j - 1].cp == '(' || q_sent_end(&v[j - 1]))))
			j--;
		if (j > lo + 1 && v[j - 1].t == T_PUNCT && v[j - 1].cp == '(' && j + 1 < k &&
		    v[j - 2].t == T_WORD && !IS(&v[j - 2], PRONOUNS))
			i = k = j - 1;
	}
	if (k > lo && IS(&v[k - 1], PRONOUNS)) {
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
		} else if (IS(t, NP_STOPS) || IS(t, PRONOUNS) ||
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
np_after(const qslice *c, size_t k, size_t hi, size_t *a, size_t *b)
{
	const tok *v = c->v;
	size_t i = k, words = 0;

	if (k < hi && IS(&v[k], PRONOUNS)) {
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

/* End cue q at verb v: the cue runs to v and an auxiliary after it
 * (कहा है, कहते हैं); the gap (words left out of the cue) starts at gap. */
static bool
cue_end_at_verb(const qslice *c, cue *q, size_t v, size_t gap, size_t hi)
{
	const tok *t = c->v;
	q->ce = v + 1;
	q->gap_s = q->gap_e = gap;
	if (q->ce < hi && IS(&t[q->ce], AUXES))
		q->ce++;
	q->vend = q->ce;
	return true;
}

/* X ने (…) कहा, उन्होंने कहा: the nearest ने (or उन्होंने) before the verb
 * at v, within the clause; a light verb after it completes the cue
 * (दावा किया, धन्यवाद दिया). */
static bool
cue_ne_verb(const qslice *c, size_t lo, size_t v, size_t hi, cue *q)
{
	const tok *t = c->v;
	size_t i;

	for (i = v; i > lo && v - i < 30; i--) {
		const tok *n = &t[i - 1];
		if (n->t != T_WORD) {
			if (n->t == T_PUNCT && (q_sent_end(n) || n->cp == ':'))
				return false;
			continue;
		}
		if (IS(n, NE)) {
			if (!q_np_before(c, lo, i - 1, &q->ms, &q->me))
				return false;
			break;
		}
		if (IS(n, PRON_NE)) {
			q->ms = i - 1;
			q->me = i;
			break;
		}
	}
	if (i == lo || v - i >= 30)
		return false;
	q->cs = i - 1;
	q->gap_s = i;
	q->gap_e = v;
	q->ce = v + 1;
	if (q->ce < hi && t[q->ce].t == T_WORD && IS(&t[q->ce], LIGHT))
		q->ce++;
	q->vend = q->ce;
	return true;
}

/* Is the mention of q a lone pronoun? */
static bool
lone_pronoun(const qslice *c, const cue *q)
{
	return q->me - q->ms == 1 && IS(&c->v[q->ms], PRONOUNS);
}

/* X कहते हैं: the subject stands bare before the verb at v. */
static bool
cue_subj_verb(const qslice *c, size_t lo, size_t v, size_t hi, cue *q)
{
	const tok *t = c->v;

	/* X अपनी किताब में Y को कहते हुए बताती हैं: X relays Y's words */
	if (v >= lo + 4 && IS(&t[v - 1], HUYE) && IS(&t[v - 2], SUBJ_VERBS) &&
	    IS(&t[v - 3], KO) && q_np_before(c, lo, v - 3, &q->ms, &q->me) && !lone_pronoun(c, q)) {
		q->cs = v - 2;
		return cue_end_at_verb(c, q, v, v - 2, hi);
	}
	/* X भी इसी तरह का एक और किस्सा बताती हैं: an object phrase (with एक
	 * or a genitive) between X भी and the verb */
	size_t bh = v, obj = 0;
	while (bh > lo && v - bh < 8 && t[bh - 1].t == T_WORD && !IS(&t[bh - 1], BHI)) {
		obj |= IS(&t[bh - 1], EK) || IS(&t[bh - 1], GENITIVES);
		bh--;
	}
	if (obj && bh > lo + 1 && bh < v && IS(&t[bh - 1], BHI) &&
	    q_np_before(c, lo, bh - 1, &q->ms, &q->me) && !lone_pronoun(c, q)) {
		q->cs = v;
		return cue_end_at_verb(c, q, v, v, hi);
	}
	if (!q_np_before(c, lo, v, &q->ms, &q->me))
		return false;
	q->cs = v;
	return cue_end_at_verb(c, q, v, v, hi);
}

/* X का कहना है, X के मुताबिक़, उनका कहना: a genitive before the noun at v. */
static bool
cue_gen_noun(const qslice *c, size_t lo, size_t v, size_t hi, cue *q)
{
	const tok *g;

	if (v <= lo)
		return false;
	g = &c->v[v - 1];
	if (IS(g, GENITIVES)) {
		if (!q_np_before(c, lo, v - 1, &q->ms, &q->me))
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

/* The cue patterns, by the class of the word at the verb: the first whose
 * class it is decides. */
static const struct {
	enum lex_class verb;
	bool (*at)(const qslice *, size_t, size_t, size_t, cue *);
} cue_patterns[] = {
	{ LC_NE_VERBS, cue_ne_verb },
	{ LC_SUBJ_VERBS, cue_subj_verb },
	{ LC_GEN_NOUNS, cue_gen_noun },
};

bool
q_cue_at(const qslice *c, size_t lo, size_t v, size_t hi, cue *q)
{
	if (c->v[v].t != T_WORD)
		return false;
	for (size_t i = 0; i < sizeof cue_patterns / sizeof *cue_patterns; i++)
		if (lex_has(&c->v[v].lex, cue_patterns[i].verb))
			return cue_patterns[i].at(c, lo, v, hi, q);
	return false;
}

/* The last cue in tokens [lo, hi) (nearest an opener at hi). */
static bool
cue_last(const qslice *c, size_t lo, size_t hi, cue *q)
{
	for (size_t v = hi; v > lo; v--) {
		memset(q, 0, sizeof *q);
		if (q_cue_at(c, lo, v - 1, hi, q))
			return true;
	}
	return false;
}

/* Cue text: the cue tokens as written, with `…` for a left-out gap;
 * NULL when out of memory. */
static char *
cue_text(const qslice *c, const cue *q)
{
	const tok *t = c->v;
	if (q->gap_s == q->gap_e)
		return q_dup_range(c->s, t[q->cs].s, t[q->ce - 1].e);
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

/* Record the named subject of cue q (token indices) in the history. */
static int
note_subject(const qslice *c, qhist *h, const cue *q, bool strong)
{
	size_t na, nb;
	if (q_glued_vo(c, &c->v[q->me - 1]))
		return 0;
	if (q_np_classify(c, q->ms, q->me, &na, &nb) == NP_NAME) {
		size_t a = c->v[na].s;
		a += q_glued_prefix(c, a, c->v[na].e);
		return q_hist_push(h, a, a, c->v[nb - 1].e, strong);
	}
	return 0;
}

int
q_scan_narration(const qslice *c, qhist *h, size_t lo, size_t hi)
{
	for (size_t v = lo; v < hi; v++) {
		const tok *t = &c->v[v];
		cue k;
		size_t a, b;
		if (t->t == T_WORD && IS(t, NE) &&
		    q_np_before(c, lo, v, &a, &b)) {
			k.ms = a;
			k.me = b;
			if (note_subject(c, h, &k, false) < 0)
				return -1;
			continue;
		}
		/* Y से पूछा / Y से बात की: Y is who answers next (not the one
		 * who asks, nor Y से बात करने के बाद) */
		if (t->t == T_WORD && IS(t, ARG) && !IS(t, NE) && v + 1 < hi &&
		    (IS(&c->v[v + 1], ASK) ||
		     (v + 2 < hi && IS(&c->v[v + 1], TALK) && IS(&c->v[v + 2], LIGHT))) &&
		    q_np_before(c, lo, v, &a, &b) && !(b - a == 1 && IS(&c->v[a], PRONOUNS))) {
			k.ms = a;
			k.me = b;
			if (note_subject(c, h, &k, true) < 0)
				return -1;
			continue;
		}
		if (t->t != T_WORD || !(IS(t, NE_VERBS) || IS(t, SUBJ_VERBS) ||
		                        IS(t, GEN_NOUNS)))
			continue;
		memset(&k, 0, sizeof k);
		if (q_cue_at(c, v > CLAUSE_TOKS ? v - CLAUSE_TOKS : 0, v, hi, &k) && k.ms >= lo &&
		    note_subject(c, h, &k, !IS(t, ASK)) < 0)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The attribution sieves                                              */

/* What every attribution sieve sees of the quote. */
typedef struct att_in {
	const qslice *c;
	size_t o, e;          /* tokens of the marks (e == c->n: unclosed) */
	size_t floor;         /* tokens before it belong to an earlier pair */
	size_t bs;            /* first token of the sentence of the opener */
	size_t ae;            /* the sentence end after the closer */
	bool partial;
} att_in;

/* What a sieve found: a cue (and its subject), or a bare mention. */
typedef struct att_out {
	cue k;
	bool has_cue;
	bool cont;            /* no mention at all */
	size_t ma, mb;        /* the mention's tokens, when no cue */
} att_out;

/* 1. A cue right before the opener: X ने कहा, “…” / X कहती हैं कि ‘‘…’’. */
static bool
a_cue_before(const att_in *x, att_out *y)
{
	const tok *t = x->c->v;
	if (x->partial || !cue_last(x->c, x->bs, x->o, &y->k))
		return false;
	size_t gap = y->k.vend;
	while (gap < x->o && (t[gap].t == T_PUNCT || IS(&t[gap], KI) || IS(&t[gap], AUXES)))
		gap++;
	return y->has_cue = gap == x->o;
}

/* The noun phrase after the closer (and the punctuation before it):
 * tokens [*ma, *mb); *dash if a dash stands between. */
static bool
after_closer(const att_in *x, size_t *ma, size_t *mb, bool *dash)
{
	const tok *t = x->c->v;
	size_t i = x->e + 1;
	*dash = false;
	if (x->e >= x->c->n)
		return false;
	while (i < x->ae && t[i].t == T_PUNCT && !q_sent_end(&t[i])) {
		if (t[i].cp == '-' || t[i].cp == 0x2013 || t[i].cp == 0x2014)
			*dash = true;
		i++;
	}
	return i < x->ae && np_after(x->c, i, x->ae, ma, mb);
}

/* 2. A signature after the closer: ” - X. */
static bool
a_dash_signoff(const att_in *x, att_out *y)
{
	bool dash;
	return after_closer(x, &y->ma, &y->mb, &dash) && dash &&
	       (y->mb >= x->ae || x->c->v[y->mb].t == T_PUNCT);
}

/* 3. A cue after the closer: “…,” X ने कहा / ”X कहते हैं. */
static bool
a_cue_after(const att_in *x, att_out *y)
{
	size_t ma, mb;
	bool dash;
	cue *k = &y->k;
	if (!after_closer(x, &ma, &mb, &dash))
		return false;
	for (size_t v = mb; v < x->ae; v++) {
		memset(k, 0, sizeof *k);
		if (q_cue_at(x->c, ma, v, x->ae, k) && k->ms <= mb && k->me >= ma) {
			/* the phrase right after the closer is the subject, even
			 * when ने stands further on */
			k->ms = ma;
			if (k->me > mb || k->me < ma)
				k->me = mb;
			if (k->me > k->cs)
				k->me = k->cs > ma ? k->cs : mb;
			return y->has_cue = true;
		}
	}
	return false;
}

/* 4. Any cue earlier in the sentence: X ने कहा कि यह साल ‘…’. */
static bool
a_cue_in_sentence(const att_in *x, att_out *y)
{
	return y->has_cue = cue_last(x->c, x->bs, x->o, &y->k);
}

/* 5. X ने ‘…’ का दावा किया: ने before a fragment, the verb after it. */
static bool
a_ne_before(const att_in *x, att_out *y)
{
	const tok *t = x->c->v;
	if (!x->partial || x->e >= x->c->n)
		return false;
	for (size_t i = x->o; i > x->bs; i--) {
		const tok *w = &t[i - 1];
		if (w->t == T_WORD && (IS(w, NE) || IS(w, PRON_NE))) {
			if (IS(w, PRON_NE)) {
				y->ma = i - 1;
				y->mb = i;
				return true;
			}
			return q_np_before(x->c, x->bs, i - 1, &y->ma, &y->mb);
		}
	}
	return false;
}

/* 6. No cue: the quotation continues the turn of the speaker before. */
static bool
a_continuation(const att_in *x, att_out *y)
{
	(void)x;
	return y->cont = true;
}

static const struct sieve {
	const char *name;
	bool (*fires)(const att_in *, att_out *);
} sieves[] = {
	{ "cue-before", a_cue_before },
	{ "dash-signoff", a_dash_signoff },
	{ "cue-after", a_cue_after },
	{ "cue-in-sentence", a_cue_in_sentence },
	{ "ne-before", a_ne_before },
	{ "continuation", a_continuation },
};

int
q_attribute(const qslice *c, size_t o, size_t e, size_t floor, bool partial, raw_attr *r,
            char **cue_out)
{
	size_t n = c->n;
	att_in x = { c, o, e, floor, q_sent_start(c, o, floor),
	             e < n ? q_sent_end_tok(c, e + 1) : n, partial };
	att_out y;
	size_t i;

	memset(r, 0, sizeof *r);
	r->ms = r->me = PK_QUOTE_NONE;
	*cue_out = NULL;
	for (i = 0; i < sizeof sieves / sizeof *sieves; i++) {
		memset(&y, 0, sizeof y);
		if (sieves[i].fires(&x, &y))
			break;
	}
	r->rule = sieves[i].name;
	if (y.cont) {
		r->cont = true;
		return 0;
	}
	if (!y.has_cue) {
		q_set_mention(c, r, y.ma, y.mb);
		return 0;
	}
	q_set_mention(c, r, y.k.ms, y.k.me);
	if (r->np == NP_PRONOUN) {
		/* वे कहती हैं after a sentence that opens with a name */
		size_t na, nb;
		if (q_topic_subject(c, y.k.ms, floor, &na, &nb)) {
			r->np = NP_NAME;
			r->ns = c->v[na].s;
			r->ne = c->v[nb - 1].e;
			r->rule = "topic-subject";
		}
	}
	*cue_out = cue_text(c, &y.k);
	return *cue_out ? 0 : -1;
}
