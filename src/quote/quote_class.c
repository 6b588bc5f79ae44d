/* quote_class.c - is a pair of marks a quotation (direct or partial), or a
 * title, a label, a heading?  An ordered table of named sieves. */
#include "config.h"
#include "quote_int.h"

#include <string.h>

bool
q_range_speechy(const qslice *c, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		if (IS(&c->v[i], SPEECHY) ||
		    IS(&c->v[i], SUBJ_VERBS))
			return true;
	return false;
}

/* Word count and sentence punctuation inside tokens (o, e). */
static void
content_shape(const qslice *c, size_t o, size_t e, size_t *words, bool *punct, bool *endp)
{
	*words = 0;
	*punct = *endp = false;
	for (size_t i = o + 1; i < e; i++) {
		const tok *t = &c->v[i];
		if (t->t == T_WORD)
			(*words)++;
		else if (t->t == T_PUNCT && (q_sent_end(t) || t->cp == ',' || t->cp == ';' ||
		                             t->cp == ':'))
			*punct = true;
	}
	if (e > o + 1) {
		const tok *l = &c->v[e - 1];
		*endp = l->t == T_PUNCT && (q_sent_end(l) || l->cp == ',');
	}
}

/* Is a short pair at tokens o..e a title, name or label? */
static bool
looks_like_title(const qslice *c, size_t o, size_t e)
{
	const tok *v = c->v;
	size_t n = c->n;

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
short_is_label(const qslice *c, size_t o, size_t e)
{
	const tok *v = c->v;
	size_t n = c->n;

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

/* Remember the quoted bytes [a, b) as a title: when the phrase recurs
 * (फ़िल्म ‘X’ … ‘X’ के बारे में), it is a title again. */
static void
title_note(qtitles *ts, size_t a, size_t b)
{
	if (b - a > TITLE_BYTES)
		return;
	size_t k = ts->n++ % MAX_TITLES;
	ts->s[k] = a;
	ts->e[k] = b;
}

static bool
title_seen(const char *s, const qtitles *ts, size_t a, size_t b)
{
	size_t n = ts->n < MAX_TITLES ? ts->n : MAX_TITLES;
	for (size_t i = 0; i < n; i++)
		if (ts->e[i] - ts->s[i] == b - a && !memcmp(s + ts->s[i], s + a, b - a))
			return true;
	return false;
}

/* ‘…’ उनकी सर्वश्रेष्ठ फ़िल्म है: a title noun a few words after the closer,
 * as the predicate of a copula, makes the pair a title. */
static bool
title_predicate(const qslice *c, size_t e)
{
	const tok *v = c->v;
	size_t n = c->n;
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
sung_title(const qslice *c, size_t o, size_t e, size_t words)
{
	const tok *v = c->v;
	size_t n = c->n, last = e;
	if (words >= 12 || e + 1 >= n || v[e + 1].t != T_WORD ||
	    !(IS(&v[e + 1], SING) || IS(&v[e + 1], TITLE_NOUNS)))
		return false;
	/* the trailing run of points */
	while (last > o + 1 && v[last - 1].t == T_PUNCT &&
	       (v[last - 1].cp == '.' || v[last - 1].cp == 0x2026))
		last--;
	for (size_t i = o + 1; i < last; i++)
		if (q_sent_end(&v[i]))
			return false;
	if (IS(&v[e + 1], SING))
		return true;
	/* a title noun after a sentence: only with an ellipsis (a cut-off
	 * line quoted as the title) */
	return e - last >= 2 || (e - last == 1 && v[last].cp == 0x2026);
}

bool
q_cue_before(const qslice *c, size_t o, size_t floor, bool punct)
{
	const tok *t = c->v;
	size_t i = o;
	if (punct && o > floor && t[o - 1].t == T_PUNCT && !q_sent_end(&t[o - 1]))
		return true;
	while (i > floor && o - i < 6 &&
	       ((t[i - 1].t == T_PUNCT && !q_sent_end(&t[i - 1])) || IS(&t[i - 1], KI) ||
	        IS(&t[i - 1], AUXES) || IS(&t[i - 1], PASS)))
		i--;
	return i > floor && t[i - 1].t == T_WORD &&
	       (IS(&t[i - 1], NE_VERBS) || IS(&t[i - 1], SUBJ_VERBS) ||
	        IS(&t[i - 1], SPEECHY) || IS(&t[i - 1], GEN_NOUNS) || IS(&t[i - 1], LIGHT));
}

/* Is the pair at tokens o, e a sub-heading: alone on its line, no danda,
 * no final full stop, and no cue before it? */
static bool
heading(const qslice *c, size_t o, size_t e, size_t floor)
{
	const tok *t = c->v;
	size_t n = c->n;
	if (o > 0 && !memchr(c->s + t[o - 1].e, '\n', t[o].s - t[o - 1].e))
		return false;
	if (e + 1 < n && !memchr(c->s + t[e].e, '\n', t[e + 1].s - t[e].e))
		return false;
	for (size_t i = o + 1; i < e; i++)
		if (t[i].t == T_PUNCT && (t[i].cp == 0x964 || t[i].cp == 0x965))
			return false;
	if (e > o + 1 && t[e - 1].t == T_PUNCT && (t[e - 1].cp == '.' || t[e - 1].cp == '!'))
		return false;
	return !q_cue_before(c, o, floor, true);
}

/* ------------------------------------------------------------------ */
/* The sieves                                                          */

/* What every classification sieve sees of the pair. */
typedef struct cls_in {
	const qslice *c;
	const qtitles *titles;
	const pk_quote *last;  /* the quotation before, or NULL */
	size_t o, e;           /* tokens of the marks (e == c->n: unclosed) */
	size_t a, b;           /* the quoted bytes, trimmed */
	size_t floor;          /* tokens before it belong to an earlier pair */
	size_t words;          /* words inside */
	bool punct;            /* sentence punctuation inside */
	bool endp;             /* ending in sentence punctuation or a comma */
	bool clause;           /* long or punctuated enough to be a clause */
} cls_in;

/* Sub-heading alone on its line. */
static bool
s_heading(const cls_in *x)
{
	return x->e < x->c->n && heading(x->c, x->o, x->e, x->floor);
}

/* The same words were a title before. */
static bool
s_title_seen(const cls_in *x)
{
	return title_seen(x->c->s, x->titles, x->a, x->b);
}

/* A short sentence next to a title noun or governed by a genitive. */
static bool
s_label(const cls_in *x)
{
	return x->clause && x->words < 6 && short_is_label(x->c, x->o, x->e);
}

/* ‘…’ उनकी सर्वश्रेष्ठ फ़िल्म है (a short clause, or a fragment). */
static bool
s_title_predicate(const cls_in *x)
{
	return ((x->clause && x->words < 6) || (!x->clause && x->e < x->c->n)) &&
	       title_predicate(x->c, x->e);
}

/* किताब ‘… …’ में लिखते हैं, किताब ‘…’, लिखने वाली: a title after its
 * noun, governed by a postposition or set off by a comma. */
static bool
s_title_after_noun(const cls_in *x)
{
	const tok *t = x->c->v;
	size_t o = x->o, e = x->e;
	return x->clause && x->words < 12 && !x->punct && o > 0 && IS(&t[o - 1], TITLE_NOUNS) &&
	       e + 1 < x->c->n && (IS(&t[e + 1], LOC) || IS(&t[e + 1], GENITIVES) ||
	                           IS(&t[e + 1], ARG) ||
	                           (t[e + 1].t == T_PUNCT && t[e + 1].cp == ','));
}

/* ‘… …’ शीर्षक वाली: a long title, told by the noun after it. */
static bool
s_title_before_noun(const cls_in *x)
{
	return x->clause && x->words < 12 && !x->punct && x->e + 1 < x->c->n &&
	       IS(&x->c->v[x->e + 1], TITLE_NOUNS);
}

static bool
s_sung_title(const cls_in *x)
{
	return x->clause && x->e < x->c->n && sung_title(x->c, x->o, x->e, x->words);
}

/* A clause or sentences: the speaker's own words. */
static bool
s_clause(const cls_in *x)
{
	return x->clause;
}

/* From here on, a fragment.  Unclosed, it is no quotation. */
static bool
s_fragment_unclosed(const cls_in *x)
{
	return x->e >= x->c->n;
}

static bool
s_fragment_title(const cls_in *x)
{
	return looks_like_title(x->c, x->o, x->e);
}

/* A fragment in a sentence with a speech word: a partial quotation. */
static bool
s_fragment_cue(const cls_in *x)
{
	return q_range_speechy(x->c, q_sent_start(x->c, x->o, x->floor),
	                       q_sent_end_tok(x->c, x->e));
}

/* आरोप लगाया कि वह ‘‘छुपाकर’’ … ‘‘गुमराह’’ कर रही हैं: a second fragment
 * shares the cue of the sentence before with the partial quote there. */
static bool
s_fragment_shared_cue(const cls_in *x)
{
	size_t ss = q_sent_start(x->c, x->o, x->floor), s0 = q_sent_start(x->c, x->o, 0);
	const pk_quote *lq = x->last;
	return s0 < ss && lq && lq->kind == PK_QUOTE_PARTIAL && lq->close_mark != PK_QUOTE_NONE &&
	       lq->close_mark >= x->c->v[s0].s && q_range_speechy(x->c, s0, ss);
}

static bool
s_always(const cls_in *x)
{
	(void)x;
	return true;
}

static const struct sieve {
	const char *name;
	bool (*fires)(const cls_in *);
	enum q_verdict verdict;
} sieves[] = {
	{ "heading", s_heading, V_DROP },
	{ "title-seen", s_title_seen, V_DROP },
	{ "label", s_label, V_TITLE },
	{ "title-predicate", s_title_predicate, V_TITLE },
	{ "title-after-noun", s_title_after_noun, V_TITLE },
	{ "title-before-noun", s_title_before_noun, V_TITLE },
	{ "sung-title", s_sung_title, V_TITLE },
	{ "clause", s_clause, V_DIRECT },
	{ "fragment-unclosed", s_fragment_unclosed, V_DROP },
	{ "fragment-title", s_fragment_title, V_TITLE },
	{ "fragment-cue", s_fragment_cue, V_PARTIAL },
	{ "fragment-shared-cue", s_fragment_shared_cue, V_PARTIAL },
	{ "fragment-no-cue", s_always, V_DROP },
};

qclass
q_classify(const qslice *c, qtitles *titles, const pk_quote *last, size_t o, size_t e,
           size_t a, size_t b, size_t floor)
{
	cls_in x = { c, titles, last, o, e, a, b, floor, 0, false, false, false };
	qclass r = { V_DROP, "empty" };

	content_shape(c, o, e, &x.words, &x.punct, &x.endp);
	if (!x.words)
		return r;
	x.clause = x.words >= 6 || (x.words >= 3 && x.punct) || (x.words >= 2 && x.endp);
	for (size_t i = 0; i < sizeof sieves / sizeof *sieves; i++)
		if (sieves[i].fires(&x)) {
			r.verdict = sieves[i].verdict;
			r.rule = sieves[i].name;
			break;
		}
	if (r.verdict == V_TITLE)
		title_note(titles, a, b);
	return r;
}
