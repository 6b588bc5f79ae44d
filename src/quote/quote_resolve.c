/* quote_resolve.c - who speaks: pronouns and definite descriptions
 * resolved to a named subject before them, continued turns to the
 * speaker before.  An ordered table of named sieves. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* strdup */
#endif
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>
#include "grow.h"

#define RELEASE_LAG (256 * 1024)   /* bytes kept resident behind the scan */
#define RELEASE_STEP (4u << 20)    /* released in steps this large */

int
q_hist_push(qhist *h, size_t pos, size_t ns, size_t ne, bool strong)
{
	if (pk_grow(&h->v, &h->cap, h->n + 1, sizeof *h->v, 64) < 0)
		return -1;
	h->v[h->n++] = (hist){ pos, ns, ne, strong };
	return 0;
}

void
q_release_behind(const pk_input *in, size_t *done, size_t pos)
{
	if (pos > *done + RELEASE_LAG + RELEASE_STEP) {
		/* all of it: looking back (a title seen before, the name of a
		 * subject far back) brings pages in again behind *done */
		pk_input_release(in, 0, pos - RELEASE_LAG);
		*done = pos - RELEASE_LAG;
	}
}

/* The length of the sentence end (. ? ! । ॥) that ends just before byte p
 * of s, or 0 if none does. */
static size_t
sent_end_before(const char *s, size_t p)
{
	size_t q, z;
	if (!p)
		return 0;
	q = p - 1;
	while (q > 0 && p - q < 4 && ((unsigned char)s[q] & 0xC0) == 0x80)
		q--;
	z = q;
	return pk_sent_end_cp(pk_decode(s, p, &z)) && z == p ? p - q : 0;
}

/* The first history entry at or after pos, from hint on (the history is
 * in document order, and quotes are resolved in order). */
static size_t
hist_seek(const qnames *c, size_t pos, size_t hint)
{
	/* entries before h0 lie far before any pos still asked about */
	if (hint < c->h0)
		hint = c->h0;
	while (hint < c->nh && q_hist(c, hint)->pos < pos)
		hint++;
	return hint;
}

/* The antecedent of a mention at pos: the nearest subject before it, of
 * a speech cue if any.  @p i is hist_seek(pos). */
/* Can history entry h name the speaker of a mention at pos: written
 * before it ("give or take a clause" may put a later one in front of
 * the hint), and a name, which never runs over a line break? */
static bool
ante_ok(const qnames *c, const hist *h, size_t pos)
{
	return h->pos <= pos && !memchr(c->s + h->ns, '\n', h->ne - h->ns);
}

static const hist *
antecedent(const qnames *c, size_t pos, size_t i)
{
	/* the nearest subject of a speech cue, else of any ने */
	/* (the entries before h0 are all further back than ANTE_BYTES) */
	for (size_t j = i; j > c->h0 && q_hist(c, j - 1)->pos + ANTE_BYTES >= pos; j--)
		if (q_hist(c, j - 1)->strong && ante_ok(c, q_hist(c, j - 1), pos))
			return q_hist(c, j - 1);
	for (size_t j = i; j > c->h0 && q_hist(c, j - 1)->pos + ANTE_BYTES >= pos; j--)
		if (ante_ok(c, q_hist(c, j - 1), pos))
			return q_hist(c, j - 1);
	return NULL;
}

/* Does s[p..] hold the word w (UTF-8) with a space or start before it and
 * a space after it? */
static bool
word_at(const qnames *c, size_t p, const char *w)
{
	size_t l = strlen(w);
	return p + l < c->len && !memcmp(c->s + p, w, l) && c->s[p + l] == ' ' &&
	       (p == 0 || c->s[p - 1] == ' ' || c->s[p - 1] == ',');
}

/* The longest name of the history near entry hint that starts one of the
 * first @p words words at w (before m); NULL if none does. */
static const hist *
hist_name_at(const qnames *c, size_t w, size_t m, size_t hint, int words)
{
	const hist *best = NULL;
	/* the history near m only: bounded work per pronoun */
	size_t j0 = hint > JAB_HIST ? hint - JAB_HIST : 0;
	size_t j1 = hint + JAB_HIST < c->nh ? hint + JAB_HIST : c->nh;
	for (int k = 0; k < words && w < m; k++) {
		for (size_t j = j0; j < j1; j++) {
			const hist *h = q_hist(c, j);
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

/* जब राज कपूर … आए थे तो उन्होंने कहा: a pronoun in the main clause after
 * `जब … तो` means the subject of the जब clause.  That subject is the
 * longest name of the history (a speaker somewhere in the article) that
 * starts one of the first words after जब; NULL if none does. */
static const hist *
jab_subject(const qnames *c, size_t m, size_t hint)
{
	size_t lo = m > JAB_BYTES ? m - JAB_BYTES : 0, jab = PK_QUOTE_NONE;
	bool to = false;
	for (size_t p = m; p > lo; p--) {
		unsigned char b = (unsigned char)c->s[p - 1];
		if (sent_end_before(c->s, p) || b == '"' || b == '\n')
			return NULL;
		if (!to && word_at(c, p - 1, "तो"))
			to = true;
		else if (to && word_at(c, p - 1, "जब")) {
			jab = p - 1 + strlen("जब") + 1;
			break;
		}
	}
	if (jab == PK_QUOTE_NONE)
		return NULL;
	return hist_name_at(c, jab, m, hint, 4);
}

/* राज कपूर दरवाज़े के पीछे … सुन रहे थे. उन्होंने … कहा: a pronoun that
 * opens its sentence means a name the history knows that opens the
 * sentence before, as its subject (no postposition after it). */
static const hist *
prev_subject(const qnames *c, size_t m, size_t hint)
{
	size_t p = m, l, lo;
	while (p > 0 && c->s[p - 1] == ' ')
		p--;
	if (p < 3 || !(l = sent_end_before(c->s, p)))
		return NULL;
	size_t e = p - l;
	lo = e > JAB_BYTES ? e - JAB_BYTES : 0;
	size_t q = e;
	while (q > lo) {
		unsigned char b = (unsigned char)c->s[q - 1];
		if (sent_end_before(c->s, q) || b == '"' || b == '\n')
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
		for (size_t j = hint < c->nh ? hint + 1 : c->nh; j > c->h0; j--) {
			const hist *x = q_hist(c, j - 1);
			if (x->pos >= e)
				continue;
			if (x->pos < q)
				break;
			/* उनके साथियों ने: a plural noun, nobody named */
			if (!memchr(c->s + x->ns, ' ', x->ne - x->ns) &&
			    lex_suffix(LS_OBL_PLURAL, c->s, x->ns, x->ne))
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
cataphor(const qnames *c, size_t pos, size_t hint)
{
	for (size_t j = hint; j < c->nh && q_hist(c, j)->pos <= pos + ANTE_BYTES; j++)
		if (q_hist(c, j)->pos >= pos && q_hist(c, j)->strong)
			return q_hist(c, j);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The speaker sieves                                                  */

/* What every speaker sieve sees of the quote. */
typedef struct res_in {
	qnames *c;
	const pk_quote *q;
	const raw_attr *r;
	size_t hint;          /* hist_seek() of a pronoun's or description's mention */
	const char *last;     /* the last speaker found, or NULL */
	size_t last_pos;      /* the end of its quote */
} res_in;

/* A named mention: the fullest form of the name. */
static bool
r_name(const res_in *x, char **sp, UErrorCode *err)
{
	if (x->r->np != NP_NAME)
		return false;
	*sp = q_fullest(x->c, x->r->ns, x->r->ne, x->r->ns, err);
	return true;
}

/* कंपनी के प्रवक्ता, राष्ट्रीय महिला आयोग: the mention as written. */
static bool
r_indef(const res_in *x, char **sp, UErrorCode *err)
{
	if (x->r->np != NP_INDEF_DESC)
		return false;
	*sp = q_nfc(x->c->s, x->r->ms, x->r->me, err);
	return true;
}

static bool
pronoun_in_front(const res_in *x)
{
	return x->r->np == NP_PRONOUN && x->r->ms < x->q->start;
}

static bool
fullest_of(const res_in *x, const hist *h, char **sp, UErrorCode *err)
{
	if (!h)
		return false;
	*sp = q_fullest(x->c, h->ns, h->ne, h->pos, err);
	return true;
}

/* जब राज कपूर … आए थे तो उन्होंने कहा: the subject of the जब clause. */
static bool
r_jab_subject(const res_in *x, char **sp, UErrorCode *err)
{
	return pronoun_in_front(x) &&
	       fullest_of(x, jab_subject(x->c, x->r->ms, x->hint), sp, err);
}

/* A pronoun opening its sentence: the name opening the sentence before. */
static bool
r_prev_subject(const res_in *x, char **sp, UErrorCode *err)
{
	return pronoun_in_front(x) &&
	       fullest_of(x, prev_subject(x->c, x->r->ms, x->hint), sp, err);
}

static bool
pronoun_or_def(const res_in *x)
{
	return x->r->np == NP_PRONOUN || x->r->np == NP_DEF_DESC;
}

/* The nearest named subject before, of a speech cue if any. */
static bool
r_antecedent(const res_in *x, char **sp, UErrorCode *err)
{
	return pronoun_or_def(x) &&
	       fullest_of(x, antecedent(x->c, x->r->ms, x->hint), sp, err);
}

static bool
near_last(const res_in *x, size_t bytes, char **sp)
{
	if (!x->last || x->q->start - x->last_pos >= bytes)
		return false;
	*sp = strdup(x->last);
	return true;
}

/* Nobody named nearby: the speaker of the quote before. */
static bool
r_last_speaker(const res_in *x, char **sp, UErrorCode *err)
{
	(void)err;
	return pronoun_or_def(x) && near_last(x, ANTE_BYTES, sp);
}

/* पार्टी के प्रवक्ता with nobody named: the description as written. */
static bool
r_def_descriptor(const res_in *x, char **sp, UErrorCode *err)
{
	if (x->r->np != NP_DEF_DESC)
		return false;
	*sp = q_nfc(x->c->s, x->r->ms, x->r->me, err);
	return true;
}

/* The start of the sentence that holds byte @p p (after a sentence end,
 * a quotation mark or a line break), no further back than @p lo. */
static size_t
sentence_start(const qnames *c, size_t p, size_t lo)
{
	while (p > lo && !sent_end_before(c->s, p) && c->s[p - 1] != '\n' && c->s[p - 1] != '"')
		p--;
	while (p < c->len && c->s[p] == ' ')
		p++;
	return p;
}

/* The start of the word that ends at @p e: its letters and marks, not
 * the punctuation glued to it (पड़ेंगे”नंदन). */
static size_t
word_start(const qnames *c, size_t e, size_t lo)
{
	size_t w = e;
	while (w > lo) {
		size_t q = w - 1;
		while (q > lo && ((unsigned char)c->s[q] & 0xC0) == 0x80)
			q--;
		size_t z = q;
		if (!qc_word(pk_decode(c->s, w, &z)))
			break;
		w = q;
	}
	return w;
}

/* वरिष्ठ धार्मिक नेता ने कहा, after मिस्वाह एक बड़े धार्मिक नेता हैं: a
 * description whose head noun was said of a name before it, in a sentence
 * `NAME एक … HEAD है`, is that name. */
static bool
r_predicate(const res_in *x, char **sp, UErrorCode *err)
{
	const qnames *c = x->c;
	if (x->r->np != NP_DEF_DESC)
		return false;
	size_t he = x->r->me, hs = word_start(c, he, x->r->ms), hl = he - hs;
	size_t lo = x->r->ms > ANTE_BYTES ? x->r->ms - ANTE_BYTES : 0;
	for (size_t p = x->r->ms; hl && p > lo + hl; p--) {
		size_t h = p - hl - 1;  /* a candidate head noun at h */
		if (c->s[p - 1] != ' ' || memcmp(c->s + h, c->s + hs, hl) || (h && c->s[h - 1] != ' '))
			continue;
		size_t ve = p;
		while (ve < c->len && c->s[ve] != ' ' && !sent_end_before(c->s, ve + 1) && ve - p < 12)
			ve++;
		lexset v = lex_find(c->lex, c->s, p, ve);
		if (!LEX_IN(v, AUXES))
			continue;
		/* the sentence opens with a name and एक: NAME एक … HEAD है */
		size_t ss = sentence_start(c, h, lo), ek = ss;
		while (ek < h && !(word_at(c, ek, "एक") && ek > ss))
			ek++;
		if (ek >= h || ek - 1 <= ss || !q_known_name(c, ss, ek - 1, ss))
			continue;
		*sp = q_fullest(x->c, ss, ek - 1, ss, err);
		return true;
	}
	return false;
}

/* नंदन और बालाकृष्णन … दोनों ने कहा: the two people last named together,
 * joined by और, both known to the history; written "A; B". */
static bool
r_joint(const res_in *x, char **sp, UErrorCode *err)
{
	const qnames *c = x->c;
	if (x->r->np != NP_DEF_DESC && x->r->np != NP_PRONOUN)
		return false;
	size_t ws = word_start(c, x->r->me, x->r->ms);
	lexset w = lex_find(c->lex, c->s, ws, x->r->me);
	if (!LEX_IN(w, BOTH))
		return false;
	size_t lo = x->r->ms > ANTE_BYTES ? x->r->ms - ANTE_BYTES : 0;
	static const char aur[] = " और ";
	size_t al = sizeof aur - 1;
	for (size_t p = x->r->ms; p > lo + al; p--) {
		size_t a = p - al;
		if (memcmp(c->s + a, aur, al))
			continue;
		size_t as = word_start(c, a, lo), be = p;
		while (be < x->r->ms && c->s[be] != ' ' && c->s[be] != ',')
			be++;
		if (as >= a || be <= p || !q_known_name(c, as, a, as) || !q_known_name(c, p, be, p))
			continue;
		char *n1 = q_fullest(x->c, as, a, as, err), *n2 = q_fullest(x->c, p, be, p, err);
		*sp = n1 && n2 ? malloc(strlen(n1) + strlen(n2) + 3) : NULL;
		if (*sp)
			strcat(strcat(strcpy(*sp, n1), "; "), n2);
		free(n1);
		free(n2);
		return true;
	}
	return false;
}

/* An interview that opens with उन्होंने and names its subject later. */
static bool
r_cataphor(const res_in *x, char **sp, UErrorCode *err)
{
	return x->r->np == NP_PRONOUN && !x->last &&
	       fullest_of(x, cataphor(x->c, x->r->me, x->hint), sp, err);
}

/* No mention: the quote continues the turn of the speaker before. */
static bool
r_continuation(const res_in *x, char **sp, UErrorCode *err)
{
	(void)err;
	return x->r->np == NP_NONE && near_last(x, CONT_BYTES, sp);
}

static const struct sieve {
	const char *name;     /* NULL: the attribution sieve's name stands */
	bool (*fires)(const res_in *, char **, UErrorCode *);
} sieves[] = {
	{ NULL, r_name },
	{ NULL, r_indef },
	{ "jab-subject", r_jab_subject },
	{ "prev-subject", r_prev_subject },
	{ "joint", r_joint },
	{ "predicate", r_predicate },
	{ "antecedent", r_antecedent },
	{ "last-speaker", r_last_speaker },
	{ "def-descriptor", r_def_descriptor },
	{ "cataphor", r_cataphor },
	{ "continuation", r_continuation },
};

struct qresolve {
	const pk_input *in;
	qstate *st;
	qnames c;
	res_in x;
	size_t i;             /* the next quotation */
	size_t released;
	char *last;           /* x.last once its quotation was forgotten */
};

qresolve *
q_resolve_start(const pk_input *in, qstate *st, const lexicon *lex)
{
	qresolve *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->in = in;
	r->st = st;
	r->c = (qnames){ in->bytes, in->len, lex, st->h.v, st->h.base + st->h.n, false,
	                 q_memo_off ? NULL : q_memo_new(), 0, 0, 0, st->h.base };
	/* without the memo the same work is done, only slower */
	return r;
}

void
q_resolve_free(qresolve *r)
{
	if (!r)
		return;
	q_memo_free(r->c.memo);
	free(r->last);
	free(r);
}

size_t
q_resolve_count(const qresolve *r)
{
	return r->i;
}

void
q_resolve_forget(qresolve *r, size_t n)
{
	qstate *st = r->st;
	if (n > r->i)
		n = r->i;
	if (n == 0)
		return;  /* (and out.v may be NULL: memmove of NULL is undefined) */
	for (size_t k = 0; k < n; k++) {
		pk_quote *q = &st->out.v[k];
		if (q->speaker && q->speaker == r->x.last) {
			/* the next quotations may continue this speaker's turn */
			free(r->last);
			r->last = q->speaker;
			q->speaker = NULL;
		}
		free(q->speaker);
		free(q->cue);
	}
	memmove(st->out.v, st->out.v + n, (st->out.n - n) * sizeof *st->out.v);
	memmove(st->ra, st->ra + n, (st->out.n - n) * sizeof *st->ra);
	st->out.n -= n;
	r->i -= n;
}

/* The lowest byte a speaker sieve may ask the history about, by
 * position, for a quotation whose mention (or, without one, whose text)
 * starts at @p m: m less ANTE_BYTES (antecedent(), predicate, joint) and
 * JAB_BYTES (prev_subject(), which first steps back over the spaces
 * before a pronoun).  0 when it cannot say. */
static size_t
lowest_asked(const qnames *c, size_t m)
{
	size_t sp = 0;
	while (m > 0 && c->s[m - 1] == ' ') {
		if (++sp > 64)
			return 0;
		m--;
	}
	return m > ANTE_BYTES + JAB_BYTES + 16 ? m - ANTE_BYTES - JAB_BYTES - 16 : 0;
}

/*
 * Drop the history no quotation still to be settled can look at.  A
 * sieve asks the history about a byte no lower than lowest_asked() of its
 * quotation, or about the position of an entry it found: by position
 * (then as low as that), or by index, JAB_HIST entries either side of
 * the hint (hist_name_at()).  The hint only moves forward; the
 * quotations pass 1 has still to find lie in blocks from @p frontier on.
 * So with Q the lowest of lowest_asked() of every quotation not yet
 * settled, of @p frontier, and of the position of every entry from
 * hint - JAB_HIST on, an entry before hint - JAB_HIST that lies more
 * than NAME_BACK + NAME_FWD before Q fails every test a sieve would put
 * to it (hist_near(), antecedent() and prev_subject() stop at it,
 * hist_seek() passes over it): dropping it changes no result.
 */
void
q_resolve_trim(qresolve *r, size_t frontier)
{
	qstate *st = r->st;
	qhist *h = &st->h;
	size_t nh = h->base + h->n, k = 0, m = frontier, hint;
	size_t q = frontier == SIZE_MAX ? SIZE_MAX
	           : lowest_asked(&r->c, frontier < r->c.len ? frontier : r->c.len);

	r->c.h = h->v;
	r->c.h0 = h->base;
	r->c.nh = nh;
	for (size_t i = r->i; i < st->out.n && q; i++) {
		const pk_quote *x = &st->out.v[i];
		const raw_attr *ra = &st->ra[i];
		size_t at = ra->np != NP_NONE && ra->ms < x->start ? ra->ms : x->start;
		size_t a = lowest_asked(&r->c, at);
		if (a < q)
			q = a;
		if (at < m)
			m = at;
	}
	/* The hint moves only where the next pronoun's hist_seek() would
	 * take it: no mention still to come lies before m.  (Text without
	 * pronouns would otherwise keep it, and all after it, in place.) */
	r->x.hint = hint = hist_seek(&r->c, m, r->x.hint);
	if (hint < h->base + JAB_HIST + 4096)
		return;  /* too few to be worth moving the rest */
	for (size_t j = hint - JAB_HIST; j < nh && q; j++)
		if (h->v[j - h->base].pos < q)
			q = h->v[j - h->base].pos;
	while (k < hint - JAB_HIST - h->base && h->v[k].pos + NAME_BACK + NAME_FWD < q)
		k++;
	if (k < 4096)
		return;
	memmove(h->v, h->v + k, (h->n - k) * sizeof *h->v);
	h->n -= k;
	h->base += k;
	q_memo_drop_hist(r->c.memo, h->base);
	r->c.h = h->v;
	r->c.h0 = h->base;
}

/* Can a pronoun before its quote (at mention @p ms) be settled with the
 * history found so far, every entry up to byte @p upto being there?
 * hist_name_at() looks at JAB_HIST entries either side of the hint by
 * index, however far they lie: they must all be there, and lie no
 * further than upto (so that what is looked up around them is there too). */
static bool
window_settled(const qnames *c, size_t ms, size_t hint, size_t upto)
{
	size_t h = hist_seek(c, ms, hint);
	size_t j0 = h > JAB_HIST ? h - JAB_HIST : 0;
	if (h + JAB_HIST > c->nh)
		return false;
	for (size_t j = j0 < c->h0 ? c->h0 : j0; j < h + JAB_HIST; j++)
		if (q_hist(c, j)->pos > upto)
			return false;
	return true;
}

pk_status
q_resolve_step(qresolve *r, size_t budget, size_t upto, bool *done)
{
	UErrorCode err = U_ZERO_ERROR;
	qstate *st = r->st;
	res_in *x = &r->x;
	size_t from = r->i < st->out.n ? st->out.v[r->i].start : 0;

	/* pass 1 may have grown the history (moving it) and the input */
	r->c.h = st->h.v;
	r->c.h0 = st->h.base;
	r->c.nh = st->h.base + st->h.n;
	r->c.len = r->in->len;
	x->c = &r->c;
	for (; r->i < st->out.n; r->i++) {
		pk_quote *q = &st->out.v[r->i];
		const raw_attr *ra = &st->ra[r->i];
		if (q->start - from > budget)
			break;
		if (upto != SIZE_MAX && (q->end > upto || (ra->np != NP_NONE && ra->me > upto)))
			break;
		if (upto != SIZE_MAX && ra->np == NP_PRONOUN && ra->ms < q->start &&
		    !window_settled(&r->c, ra->ms, x->hint, upto))
			break;
		q_release_behind(r->in, &r->released, q->start);
		x->q = q;
		x->r = ra;
		if (ra->np == NP_PRONOUN || ra->np == NP_DEF_DESC)
			x->hint = hist_seek(&r->c, ra->ms, x->hint);
		for (size_t k = 0; k < sizeof sieves / sizeof *sieves; k++)
			if (sieves[k].fires(x, &q->speaker, &err)) {
				if (q->speaker)
					q->rule = sieves[k].name ? sieves[k].name : ra->rule;
				break;
			}
		if (U_FAILURE(err) || r->c.oom) {
			*done = true;
			return r->c.oom ? PK_ERR_NOMEM : PK_ERR_ICU;
		}
		if (q->speaker) {
			x->last = q->speaker;
			x->last_pos = q->end;
		}
	}
	*done = r->i >= st->out.n;
	return PK_OK;
}
