/* quote_name.c - mentions and names: what a mention is (a name, a
 * pronoun, a description), and a name's fullest form in the article. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* memmem, strdup */
#endif
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "norm.h"
#include "grow.h"

/* Classify the mention tokens [a, b): pronoun, name (and where), descriptor. */
int
q_np_classify(const qslice *c, size_t a, size_t b, size_t *na, size_t *nb)
{
	const tok *t = c->v;
	size_t cut = a;
	bool indef = false;

	if (b - a == 1 && IS(&t[a], PRONOUNS))
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

/* Are bytes [at, q) of s a whole word: no word character just before or
 * just after them? */
static bool
whole_word(const char *s, size_t len, size_t at, size_t q)
{
	size_t z;
	if (at > 0) {
		z = at - 1;
		while (z > 0 && ((unsigned char)s[z] & 0xC0) == 0x80)
			z--;
		if (qc_word(pk_decode(s, len, &z)))
			return false;
	}
	z = q;
	return q >= len || !qc_word(pk_decode(s, len, &z));
}

/* Does the word at bytes [a, b) occur elsewhere in the text as a whole
 * word (within the name windows)?  @p skip is an occurrence to ignore. */
static bool
word_elsewhere(const char *s, size_t len, size_t a, size_t b, size_t skip)
{
	size_t l = b - a, lo = a > NAME_BACK ? a - NAME_BACK : 0;
	size_t hi = b + NAME_FWD < len ? b + NAME_FWD : len;
	for (size_t p = lo; p + l <= hi;) {
		const char *f = memmem(s + p, hi - p, s + a, l);
		if (!f)
			break;
		size_t at = (size_t)(f - s), q = at + l;
		p = at + 1;
		if (!(at <= skip && skip < q) && whole_word(s, len, at, q))
			return true;
	}
	return false;
}

/* Bytes to cut off the front of the word [a, b): a glued verb, when what
 * follows it is a word the article uses on its own (a name), else 0. */
size_t
q_glued_prefix(const qslice *c, size_t a, size_t b)
{
	const char *const *pre = lex_prefixes(LP_GLUE_PRE);
	for (size_t i = 0; pre[i]; i++) {
		size_t l = strlen(pre[i]), p = a + l;
		if (b - a < l + 6 || memcmp(c->s + a, pre[i], l))
			continue;
		size_t z = p;
		if (!(qc_class(pk_decode(c->s, b, &z)) & CC_WSTART))
			continue;
		if (word_elsewhere(c->s, c->len, p, b, p))
			return l;
	}
	return 0;
}

/* `रचा इतिहासवो कहती हैं`: the pronoun वो glued to a lost heading (a word
 * ending in वो, not after a virama, that the article has only once). */
bool
q_glued_vo(const qslice *c, const tok *w)
{
	if (w->t != T_WORD || !lex_suffix(LS_GLUED_VO, c->s, w->s, w->e))
		return false;
	size_t y = w->e - 9;
	while (y > w->s && ((unsigned char)c->s[y] & 0xC0) == 0x80)
		y--;
	if (pk_decode(c->s, w->e, &y) == 0x94D)
		return false;
	return !word_elsewhere(c->s, c->len, w->s, w->e, w->s);
}

void
q_set_mention(const qslice *c, raw_attr *r, size_t ms, size_t me)
{
	const tok *t = c->v;
	const tok *w = &t[me - 1];
	r->ms = t[ms].s;
	r->me = w->e;
	if (q_glued_vo(c, w)) {
		r->ms = w->e - 6;
		r->np = NP_PRONOUN;
		return;
	}
	r->np = q_np_classify(c, ms, me, &r->ns, &r->ne);
	if (r->np == NP_NAME) {
		size_t a = r->ns, b = r->ne;
		r->ns = t[a].s;
		r->ne = t[b - 1].e;
		size_t g = q_glued_prefix(c, r->ns, t[a].e);
		if (g) {
			r->ns += g;
			if (a == ms)
				r->ms = r->ns;
		}
	}
}

/* Does word token t end in the oblique plural ों (बच्चों, लोगों)? */
static bool
oblique_plural(const qslice *c, const tok *t)
{
	return t->t == T_WORD && lex_suffix(LS_OBL_PLURAL, c->s, t->s, t->e);
}

/*
 * A pronoun opening a sentence (`वे कहती हैं, “…”`) after a sentence that
 * has no speech cue and no quote of its own, but opens with a named subject
 * (`जेनेट क्रोंपटन छोटे बच्चों को पढ़ाती हैं …`, `एक अन्य छात्र हैने
 * वेगर यह …`): that subject is the antecedent.  Returns its name tokens.
 */
bool
q_topic_subject(const qslice *c, size_t m, size_t floor, size_t *na, size_t *nb)
{
	const tok *t = c->v;
	size_t pe, ps, i, skips = 0, restarts = 0, st;

	if (m <= floor + 1 || !q_sent_end(&t[m - 1]))
		return false;
	pe = m - 1;
	ps = q_sent_start(c, pe, floor);
	if (ps >= pe || (ps > floor && !q_sent_end(&t[ps - 1])))
		return false;
	for (i = ps; i < pe; i++) {
		cue k;
		if (t[i].t == T_MARK || IS(&t[i], NE) || IS(&t[i], PRON_NE))
			return false;
		memset(&k, 0, sizeof k);
		if ((IS(&t[i], NE_VERBS) || IS(&t[i], SUBJ_VERBS) || IS(&t[i], GEN_NOUNS)) &&
		    q_cue_at(c, ps, i, pe, &k))
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
		if (!(i - st > 2 && lex_suffix(LS_ADJ_E, c->s, t[i - 1].s, t[i - 1].e)))
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

char *
q_nfc(const char *s, size_t a, size_t b, UErrorCode *err)
{
	if (U_FAILURE(*err) || b - a > 4096)
		return NULL;
	return pk_nfc(s + a, b - a, NULL, err);
}

/* The word at bytes [*i, b) of s folded into u (up to 40 code points,
 * *i left where it stopped): nukta letters decomposed and nukta, ZWJ,
 * ZWNJ, soft hyphen dropped (qc_fold_next()), then the rest of
 * pk_fold()'s equivalence (vowel length, chandrabindu), one table lookup
 * a letter below U+0980.  How many. */
static size_t
fuzzy_fold(const char *s, size_t *i, size_t b, uint32_t *u)
{
	size_t n = 0;
	while (*i < b && n < 40) {
		uint32_t c = qc_next(s, b, i);
		uint32_t f = c < QC_TAB_N ? qc_key[c] : qc_class(c) & CC_DROP ? 0 : pk_fold_cp(c);
		if (f)
			u[n++] = f;
	}
	return n;
}

/* The folded first and last letters of the word at bytes [a, b), when
 * each is a whole letter of ASCII or three bytes (the last decoded from
 * the end as it would be from the start) and not dropped; else false. */
static bool
fold_ends(const char *s, size_t a, size_t b, uint32_t *first, uint32_t *last)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = a, z;
	if (b <= a)
		return false;
	uint32_t c = qc_next(s, b, &i);
	if (c >= QC_TAB_N || !(*first = qc_key[c]))
		return false;
	if (u[b - 1] < 0x80)
		z = b - 1;
	else if (b - a >= 3 && (u[b - 3] & 0xF0) == 0xE0)
		z = b - 3;
	else
		return false;
	i = z;
	c = qc_next(s, b, &i);
	return i == b && c < QC_TAB_N && (*last = qc_key[c]) != 0;
}

/* Words equal, or (both of 4+ letters) one edit apart: जिबाकलम = जिबकलम. */
static bool
word_fuzzy(const char *s, size_t a, size_t b, size_t x, size_t y)
{
	uint32_t u[40], w[40];
	size_t nu, nw, i = a, j = x;
	/* the same bytes fold the same (names mostly recur as written); up
	 * to 40 bytes they are sure to fit u[] */
	if (b - a == y - x && b - a <= 40 && !memcmp(s + a, s + x, b - a))
		return true;
	/* an edit leaves the first letter or the last in place: most names
	 * compared differ in both */
	uint32_t f1, l1, f2, l2;
	if (fold_ends(s, a, b, &f1, &l1) && fold_ends(s, x, y, &f2, &l2) && f1 != f2 && l1 != l2)
		return false;
	nu = fuzzy_fold(s, &i, b, u);
	nw = fuzzy_fold(s, &j, y, w);
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
name_slot(const qnames *c, size_t at, size_t q, size_t ext)
{
	size_t p = at, w;
	for (size_t i = q; i < ext; i++)
		if (c->s[i] >= '0' && c->s[i] <= '9')
			return false;
	if (lex_suffix(LS_OBL_PLURAL, c->s, q, ext))
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

/* The end of up to two words after a name ending at byte q (not past hi),
 * stopped by a postposition, a stop word, a title or a verb; q if none. */
static size_t
words_after(const qnames *c, size_t q, size_t hi)
{
	size_t r = q;
	for (int w = 0; w < 2; w++) {
		size_t x, y;
		if (r >= hi || c->s[r] != ' ')
			break;
		first_word(c->s, r + 1, hi < r + 120 ? hi : r + 120, &x, &y);
		if (x != r + 1 || y == x || y - x >= 128)
			break;
		lexset xw = lex_find(c->lex, c->s, x, y);
		if (LEX_IN(xw, XEND) || LEX_IN(xw, NP_STOPS) || LEX_IN(xw, DESCRIPTORS) ||
		    LEX_IN(xw, SUBJ_VERBS))
			break;
		r = y;
	}
	return r;
}

#define MAX_EXT 32

/* The words seen after the occurrences of a name, as extension candidates. */
typedef struct exts {
	size_t s[MAX_EXT], e[MAX_EXT], cnt[MAX_EXT], n;  /* ended by a postposition, how often */
	size_t os[MAX_EXT], oe[MAX_EXT], no;             /* not ended by one */
	size_t one_s, one_e, n_one;   /* ended by any stop word, in a name's slot */
} exts;

/* Count the extension [q, ext) of the occurrence at byte at. */
static void
exts_note(const qnames *c, exts *k, size_t at, size_t q, size_t ext, size_t hi)
{
	size_t x, y, j;
	static const lexset none;
	/* what ends it: a postposition? */
	first_word(c->s, ext, hi < ext + 40 ? hi : ext + 40, &x, &y);
	lexset bits = x == ext + 1 && y > x ? lex_find(c->lex, c->s, x, y) : none;
	if ((LEX_IN(bits, POSTP) || LEX_IN(bits, NP_STOPS)) && !LEX_IN(bits, GENITIVES) &&
	    name_slot(c, at, q, ext)) {
		k->n_one++;
		k->one_s = q;
		k->one_e = ext;
	}
	if (!LEX_IN(bits, POSTP)) {
		if (k->no < MAX_EXT) {
			k->os[k->no] = q;
			k->oe[k->no++] = ext;
		}
		return;
	}
	for (j = 0; j < k->n; j++)
		if (k->e[j] - k->s[j] == ext - q && !memcmp(c->s + k->s[j], c->s + q, ext - q))
			break;
	if (j == k->n) {
		if (k->n == MAX_EXT)
			return;
		k->s[j] = q;
		k->e[j] = ext;
		k->cnt[k->n++] = 0;
	}
	k->cnt[j]++;
}

/* The candidate seen most often (twice at least), the longest on a tie;
 * MAX_EXT if none.  सोनम कपूर की … सोनम कपूर फ़िल्म: a longer run of words
 * that begins with a candidate (and a space) supports it too. */
static size_t
exts_best(const qnames *c, exts *k)
{
	size_t bi = MAX_EXT, best_n = 0, best_words = 0;
	for (size_t j = 0; j < k->n; j++) {
		size_t cl = k->e[j] - k->s[j];
		for (size_t o = 0; o < k->no; o++)
			if (k->oe[o] - k->os[o] > cl && c->s[k->os[o] + cl] == ' ' &&
			    !memcmp(c->s + k->os[o], c->s + k->s[j], cl))
				k->cnt[j]++;
	}
	for (size_t j = 0; j < k->n; j++) {
		size_t words = 0;
		for (size_t z = k->s[j]; z < k->e[j]; z++)
			words += c->s[z] == ' ';
		if (k->cnt[j] >= 2 && (k->cnt[j] > best_n ||
		                       (k->cnt[j] == best_n && words > best_words))) {
			best_n = k->cnt[j];
			best_words = words;
			bi = j;
		}
	}
	return bi;
}

/*
 * The words that extend name [ns, ne) to the right, in [*xs, *xe) (empty
 * if none): those that follow it most often nearby (किम → किम जोंग उन), when
 * they recur, since a one-off is a following noun, not a name part.
 */
static void
extend_right(const qnames *c, size_t ns, size_t ne, size_t *xs, size_t *xe)
{
	size_t lo = ns > NAME_BACK ? ns - NAME_BACK : 0;
	size_t hi = ne + NAME_FWD < c->len ? ne + NAME_FWD : c->len;
	size_t l = ne - ns, bi, x, y;
	exts k;

	*xs = *xe = 0;
	if (!l || l > 200)
		return;
	k.n = k.no = k.n_one = k.one_s = k.one_e = 0;
	for (size_t p = lo; p + l <= hi;) {
		const char *f = memmem(c->s + p, hi - p, c->s + ns, l);
		if (!f)
			break;
		size_t at = (size_t)(f - c->s), q = at + l, ext;
		p = q;
		if (!whole_word(c->s, c->len, at, q) || (ext = words_after(c, q, hi)) == q)
			continue;
		exts_note(c, &k, at, q, ext, hi);
	}
	bi = exts_best(c, &k);
	if (bi < MAX_EXT) {
		/* the extension as found elsewhere (with its leading space) */
		*xs = k.s[bi];
		*xe = k.e[bi];
		return;
	}
	/* the full name written once (हर्षिता वेंकटेश केवल 22 साल की …, युवराज
	 * सिंह और …): trusted when its next word stands nowhere else nearby,
	 * as a surname would, and a following noun would not */
	if (k.n_one != 1)
		return;
	first_word(c->s, k.one_s, k.one_e, &x, &y);
	if (y > x && !word_elsewhere(c->s, c->len, x, y, x)) {
		*xs = k.one_s;
		*xe = k.one_e;
	}
}

/* The words of bytes [a, b) of s into w (at most max): how many, or max
 * when there are more. */
static size_t
split_words(const char *s, size_t a, size_t b, size_t (*w)[2], size_t max)
{
	size_t n = 0;
	for (size_t i = a; i < b && n < max;) {
		size_t x, y;
		first_word(s, i, b, &x, &y);
		if (y == x)
			break;
		w[n][0] = x;
		w[n++][1] = y;
		i = y;
	}
	return n;
}

/* Do the tokens tk of the bytes before byte at end with the name's words
 * but its last, nw[0 .. nn-2] (loosely spelled; a hyphen may join them:
 * `वॉलर ब्रिज` finds `फीबी वॉलर-ब्रिज`)?  *first gets the token where the
 * name starts. */
static bool
name_ends_tokens(const char *s, const toks *tk, size_t at, size_t (*nw)[2], size_t nn,
                 size_t *first)
{
	const tok *v = tk->v;
	size_t n = tk->n, i = n;
	for (size_t m = nn; m > 0; m--) {
		if (i && v[i - 1].e == (i == n ? at : v[i].s)) {
			/* joined by a hyphen, or glued to a longer word */
			if (!(v[i - 1].t == T_PUNCT && v[i - 1].cp == '-'))
				return false;
			i--;
		}
		if (m == 1)
			break;
		if (!i || v[i - 1].t != T_WORD ||
		    !word_fuzzy(s, v[i - 1].s, v[i - 1].e, nw[m - 2][0], nw[m - 2][1]))
			return false;
		i--;
	}
	*first = i;
	return true;
}

/* Can word token t be a first name: not a stop word, title, profession,
 * genitive, pronoun, verb, एक or adjective? */
static bool
name_part(const char *s, const tok *t)
{
	return t->t == T_WORD && !IS(t, NP_STOPS) && !IS(t, DESCRIPTORS) &&
	       !lex_suffix(LS_PROF_SUFFIX, s, t->s, t->e) && !IS(t, GENITIVES) &&
	       !IS(t, PRONOUNS) && !IS(t, NE_VERBS) && !IS(t, EK) &&
	       !lex_suffix(LS_ADJ_SUFFIX, s, t->s, t->e);
}

/* Is a first name trusted after token t: a title, a profession, a genitive
 * or वाला (राष्ट्रपति व्लादिमीर पुतिन)? */
static bool
trusted_after(const char *s, const tok *t)
{
	return t->t == T_WORD && (IS(t, DESCRIPTORS) || lex_suffix(LS_PROF_SUFFIX, s, t->s, t->e) ||
	                          IS(t, GENITIVES) || IS(t, VALA));
}

#define MAX_FIRST 16

/* First names seen before the occurrences of a name. */
typedef struct firsts {
	size_t s[MAX_FIRST], e[MAX_FIRST];  /* the first names */
	size_t q[MAX_FIRST];                /* the end of the name after them */
	size_t w[MAX_FIRST];                /* how many words */
	size_t cnt[MAX_FIRST], n;           /* how often */
	bool strong[MAX_FIRST];             /* seen after a title or a genitive */
} firsts;

static void
firsts_note(const char *s, firsts *k, size_t es, size_t at, size_t q, size_t w, bool strong)
{
	size_t j;
	for (j = 0; j < k->n; j++)
		if (k->e[j] - k->s[j] == at - es && !memcmp(s + k->s[j], s + es, at - es))
			break;
	if (j == k->n) {
		if (k->n == MAX_FIRST)
			return;
		k->s[j] = es;
		k->e[j] = at;
		k->q[j] = q;
		k->w[j] = w;
		k->cnt[j] = 0;
		k->strong[j] = false;
		k->n++;
	}
	k->cnt[j]++;
	k->strong[j] |= strong;
}

/* What the memo keeps of one occurrence of a name's last word, as
 * extend_left() reads it (defined with the memo below). */
typedef struct memo_hit {
	size_t at;            /* where the word occurs */
	uint32_t name;        /* the name's id */
	bool known;           /* the rest is set */
	bool note;            /* a first name was seen before it: */
	unsigned char w;      /*   how many words */
	bool strong;          /*   after a title or a genitive */
	size_t es, at2;       /*   its bytes */
} memo_hit;

static uint32_t memo_id(qmemo *m, const char *s, size_t a, size_t b);
static memo_hit *memo_hit_at(qmemo *m, size_t at, uint32_t name);
static const size_t *memo_occurrences(qnames *c, size_t a, size_t l, size_t lo, size_t hi,
                                      size_t *n);
static const toks *memo_tokens(qnames *c, size_t a, size_t b, toks *tk);

/* Extend name [*ns, *ne) leftwards by first names seen before it nearby
 * (`राष्ट्रपति व्लादिमीर पुतिन` gives व्लादिमीर), trusted after a title or a
 * genitive, or when the same words precede it twice.  Sets [*ns, *ne) to
 * the occurrence with them. */
static void
extend_left(qnames *c, size_t *ns, size_t *ne)
{
	size_t lo = *ns > NAME_BACK ? *ns - NAME_BACK : 0;
	size_t hi = *ne + NAME_FWD < c->len ? *ne + NAME_FWD : c->len;
	size_t nw[6][2], nn = split_words(c->s, *ns, *ne, nw, 6), l, best = MAX_FIRST;
	toks tk = { 0 };
	firsts k;

	/* search for the last word; the earlier ones are matched token by token */
	if (!nn || nn == 6)
		return;
	l = nw[nn - 1][1] - nw[nn - 1][0];
	if (!l || l > 200)
		return;
	k.n = 0;
	size_t nocc = 0, oi = 0;
	const size_t *occ = memo_occurrences(c, nw[nn - 1][0], l, lo, hi, &nocc);
	uint32_t nid = occ ? memo_id(c->memo, c->s, *ns, *ne) : 0;
	for (size_t p = lo; occ ? oi < nocc : p + l <= hi;) {
		size_t at;
		if (occ) {
			at = occ[oi++];
		} else {
			const char *f = memmem(c->s + p, hi - p, c->s + nw[nn - 1][0], l);
			if (!f)
				break;
			at = (size_t)(f - c->s);
			p = at + l;
		}
		memo_hit *mh = nid ? memo_hit_at(c->memo, at, nid) : NULL;
		if (mh && mh->known) {
			if (mh->note)
				firsts_note(c->s, &k, mh->es, mh->at2, at + l, mh->w, mh->strong);
			continue;
		}
		if (mh)
			*mh = (memo_hit){ at, nid, true, false, 0, false, 0, 0 };
		size_t q = at + l, i, w = 0, z = q;
		/* a word ends there (it may be the tail of a longer one: वॉलर-ब्रिज) */
		if (q < c->len && qc_word(pk_decode(c->s, c->len, &z)))
			continue;
		/* the tokens of the 160 bytes before */
		size_t a = at > 160 ? at - 160 : 0;
		while (a < at && ((unsigned char)c->s[a] & 0xC0) == 0x80)
			a++;
		const toks *tp = memo_tokens(c, a, at, &tk);
		if (!tp) {
			c->oom = true;
			if (mh)
				mh->known = false;
			break;
		}
		if (!name_ends_tokens(c->s, tp, at, nw, nn, &i))
			continue;
		at = i < tp->n ? tp->v[i].s : at;
		while (i > 0 && w < 2 && name_part(c->s, &tp->v[i - 1])) {
			i--;
			w++;
		}
		if (w && i > 0) {
			bool strong = trusted_after(c->s, &tp->v[i - 1]);
			firsts_note(c->s, &k, tp->v[i].s, at, q, w, strong);
			if (mh) {
				mh->note = true;
				mh->es = tp->v[i].s;
				mh->at2 = at;
				mh->w = (unsigned char)w;
				mh->strong = strong;
			}
		}
	}
	free(tk.v);
	for (size_t j = 0, bw = 0; j < k.n; j++)
		if ((k.strong[j] || k.cnt[j] >= 2) && k.w[j] > bw) {
			bw = k.w[j];
			best = j;
		}
	if (best < MAX_FIRST) {
		*ns = k.s[best];
		*ne = k.q[best];
	}
}

/* ------------------------------------------------------------------ */
/* The memo: names interned (their bytes given a number), and the
 * results of name_contains() and of the history's word counts kept, so
 * that the window of subjects around each quote costs a lookup apiece.
 * Exact: a result is reused only for the very same bytes. */

#define MEMO_NAME_MAX 255     /* longer names are compared afresh */
#define PAIR_SLOTS 256        /* remembered comparisons: per name compared */
#define PAIR_BUCKETS 512      /*   with, a bucket of slots (one per name it is in) */

typedef struct memo_name {
	uint64_t hash;
	size_t off;           /* into the pool */
	uint32_t len;
	uint32_t words;       /* words, as q_fullest() counts them (spaces + 1) */
	signed char border;   /* -1 not known, else whether a proper prefix is also a suffix */
	char *nfc;            /* its NFC, once q_fullest() has returned it; else NULL */
} memo_name;

#define MEMO_HITS (1u << 14)  /* remembered occurrences (direct-mapped) */
#define MEMO_OCC 1024         /* words whose occurrences are remembered */
#define OCC_LAG (32u * 1024u) /* kept behind the window */
#define MEMO_TOKS 2048        /* remembered tokenizations (direct-mapped) */

/* The tokens of bytes [a, b), the 160 bytes before an occurrence. */
typedef struct memo_tk {
	size_t a, b;          /* b == 0: empty */
	toks tk;
} memo_tk;

/* The occurrences of one word in bytes [slo, shi) from ix on, in order. */
typedef struct memo_occ {
	uint32_t id;          /* the word's id, 0 none */
	size_t slo, shi;
	size_t *v, ix, n, cap;
} memo_occ;

typedef struct memo_pair {
	uint32_t a;           /* name id (0: empty) */
	uint32_t xr;          /* the other's id << 2 | name_contains() of a and it */
} memo_pair;

struct qmemo {
	memo_name *names;     /* ids 1..nnames-1; names[0] unused */
	size_t nnames, capnames;
	uint32_t *tab;        /* open addressing: ids, 0 empty */
	size_t tabcap;        /* a power of two, at least twice nnames */
	char *pool;
	size_t npool, cappool;
	uint32_t *hid;        /* the id of history entry hid0 + k, 0 not yet known */
	size_t nhid, caphid;
	size_t hid0;          /* entries before it dropped (q_memo_drop_hist()) */
	memo_pair *pairs;     /* PAIR_BUCKETS * PAIR_SLOTS: the bucket of an id x
	                       * holds comparisons with x, so that the window of
	                       * one lookup touches one bucket */
	memo_hit *hits;       /* MEMO_HITS */
	memo_occ occ[MEMO_OCC];
	memo_tk tks[MEMO_TOKS];
};

bool q_memo_off;

qmemo *
q_memo_new(void)
{
	qmemo *m = calloc(1, sizeof *m);
	if (!m || !(m->pairs = calloc((size_t)PAIR_BUCKETS * PAIR_SLOTS, sizeof *m->pairs)) ||
	    !(m->hits = calloc(MEMO_HITS, sizeof *m->hits))) {
		if (m)
			free(m->pairs);
		free(m);
		return NULL;
	}
	return m;
}

void
q_memo_free(qmemo *m)
{
	if (!m)
		return;
	for (size_t id = 1; id < m->nnames; id++)
		free(m->names[id].nfc);
	free(m->names);
	free(m->tab);
	free(m->pool);
	free(m->hid);
	free(m->pairs);
	free(m->hits);
	for (size_t i = 0; i < MEMO_OCC; i++)
		free(m->occ[i].v);
	for (size_t i = 0; i < MEMO_TOKS; i++)
		free(m->tks[i].tk.v);
	free(m);
}

static uint64_t
memo_hash(const char *p, size_t l)
{
	uint64_t h = 0xcbf29ce484222325u ^ l;
	for (size_t i = 0; i < l; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3u;
	return h ^ (h >> 29);
}

static bool
memo_rehash(qmemo *m, size_t cap)
{
	uint32_t *t = calloc(cap, sizeof *t);
	if (!t)
		return false;
	for (size_t id = 1; id < m->nnames; id++) {
		size_t i = m->names[id].hash & (cap - 1);
		while (t[i])
			i = (i + 1) & (cap - 1);
		t[i] = (uint32_t)id;
	}
	free(m->tab);
	m->tab = t;
	m->tabcap = cap;
	return true;
}

/* The id of the bytes [a, b) of s, interned if new; 0 when too long or
 * out of memory (then the caller compares afresh). */
static uint32_t
memo_id(qmemo *m, const char *s, size_t a, size_t b)
{
	size_t l = b - a;
	if (!m || l > MEMO_NAME_MAX || m->nnames >= (UINT32_MAX >> 2) - 1)
		return 0;
	uint64_t h = memo_hash(s + a, l);
	if (m->tabcap) {
		for (size_t i = h & (m->tabcap - 1); m->tab[i]; i = (i + 1) & (m->tabcap - 1)) {
			const memo_name *n = &m->names[m->tab[i]];
			if (n->hash == h && n->len == l && !memcmp(m->pool + n->off, s + a, l))
				return m->tab[i];
		}
	}
	if (!m->nnames)
		m->nnames = 1;
	if ((m->nnames + 1) * 2 > m->tabcap && !memo_rehash(m, m->tabcap ? m->tabcap * 2 : 1024))
		return 0;
	if (pk_grow(&m->names, &m->capnames, m->nnames + 1, sizeof *m->names, 256) < 0 ||
	    pk_grow(&m->pool, &m->cappool, m->npool + l + 1, 1, 4096) < 0)
		return 0;
	uint32_t id = (uint32_t)m->nnames++, words = 1;
	for (size_t z = a; z < b; z++)
		words += s[z] == ' ';
	memcpy(m->pool + m->npool, s + a, l);
	m->names[id] = (memo_name){ h, m->npool, (uint32_t)l, words, -1, NULL };
	m->npool += l;
	size_t i = h & (m->tabcap - 1);
	while (m->tab[i])
		i = (i + 1) & (m->tabcap - 1);
	m->tab[i] = id;
	return id;
}

/* The id of history entry i (0: none), the first time. */
static uint32_t
memo_hist_id_slow(const qnames *c, size_t i)
{
	qmemo *m = c->memo;
	if (!m || i < m->hid0)
		return 0;
	if (i - m->hid0 >= m->nhid) {
		size_t n = (c->nh > i + 1 ? c->nh : i + 1) - m->hid0;
		if (pk_grow(&m->hid, &m->caphid, n, sizeof *m->hid, 256) < 0)
			return 0;
		memset(m->hid + m->nhid, 0, (n - m->nhid) * sizeof *m->hid);
		m->nhid = n;
	}
	uint32_t *id = &m->hid[i - m->hid0];
	if (!*id)
		*id = memo_id(m, c->s, q_hist(c, i)->ns, q_hist(c, i)->ne);
	return *id;
}

/* The id of history entry i (0: none). */
static inline uint32_t
memo_hist_id(const qnames *c, size_t i)
{
	const qmemo *m = c->memo;
	return m && i - m->hid0 < m->nhid && m->hid[i - m->hid0] ? m->hid[i - m->hid0]
	                                                        : memo_hist_id_slow(c, i);
}

void
q_memo_drop_hist(qmemo *m, size_t h0)
{
	if (!m || h0 <= m->hid0)
		return;
	size_t k = h0 - m->hid0 < m->nhid ? h0 - m->hid0 : m->nhid;
	memmove(m->hid, m->hid + k, (m->nhid - k) * sizeof *m->hid);
	m->nhid -= k;
	m->hid0 = h0;
}

/* The words of history entry i's name (id @p id), as q_fullest() counts
 * them. */
static size_t
hist_words(const qnames *c, size_t i, uint32_t id)
{
	if (id)
		return c->memo->names[id].words;
	size_t words = 1;
	for (size_t z = q_hist(c, i)->ns; z < q_hist(c, i)->ne; z++)
		words += c->s[z] == ' ';
	return words;
}

/* name_contains() of history entry i's name and the name [x, y) whose id
 * is xid (0: unknown), remembered. */
static int
hist_contains(const qnames *c, size_t i, uint32_t aid, uint32_t xid, size_t x, size_t y)
{
	const hist *h = q_hist(c, i);
	if (!aid || !xid)
		return name_contains(c->s, h->ns, h->ne, x, y);
	size_t b = (size_t)(((uint64_t)xid * 0x9E3779B97F4A7C15u) >> 55) % PAIR_BUCKETS;
	memo_pair *p = &c->memo->pairs[b * PAIR_SLOTS + aid % PAIR_SLOTS];
	if (p->a != aid || p->xr >> 2 != xid) {
		p->a = aid;
		p->xr = xid << 2 | (uint32_t)name_contains(c->s, h->ns, h->ne, x, y);
	}
	return (int)(p->xr & 3);
}

static memo_hit *
memo_hit_at(qmemo *m, size_t at, uint32_t name)
{
	memo_hit *h = &m->hits[(((uint64_t)at * 0x9E3779B97F4A7C15u) ^ name) >> 50];
	if (h->at != at || h->name != name)
		h->known = false;
	return h;
}

/*
 * The occurrences of the word at bytes [a, a + l) that lie inside [lo, hi),
 * as extend_left()'s memmem() scan finds them; NULL when the memo cannot
 * say (then the caller scans).  A word's occurrences are kept and the
 * window they cover moved forward, so that windows that overlap (those of
 * the quotes in a passage) scan each byte once.  Only for words none of
 * whose proper prefixes is also a suffix: then occurrences never overlap
 * and a scan finds the same ones wherever it starts.
 */
static const size_t *
memo_occurrences(qnames *c, size_t a, size_t l, size_t lo, size_t hi, size_t *n)
{
	qmemo *m = c->memo;
	uint32_t id = memo_id(m, c->s, a, a + l);
	if (!id || hi - lo < l)
		return NULL;
	memo_name *nm = &m->names[id];
	if (nm->border < 0) {
		nm->border = 0;
		for (size_t k = 1; k < l && !nm->border; k++)
			nm->border = !memcmp(c->s + a, c->s + a + l - k, k);
	}
	if (nm->border)
		return NULL;
	memo_occ *e = &m->occ[id % MEMO_OCC];
	/* the windows of nearby quotes go back and forth a little: keep
	 * what lies up to OCC_LAG before this one */
	size_t keep = lo > OCC_LAG ? lo - OCC_LAG : 0;
	if (e->id != id || lo < e->slo || lo > e->shi) {
		e->id = id;
		e->slo = e->shi = lo;
		e->ix = e->n = 0;
	}
	if (keep > e->slo) {
		while (e->ix < e->n && e->v[e->ix] < keep)
			e->ix++;
		e->slo = keep;
	}
	if (e->ix > 256 && e->ix * 2 > e->n) {
		memmove(e->v, e->v + e->ix, (e->n - e->ix) * sizeof *e->v);
		e->n -= e->ix;
		e->ix = 0;
	}
	if (hi > e->shi) {
		size_t p = e->shi - e->slo >= l ? e->shi - l + 1 : e->slo;
		while (p + l <= hi) {
			const char *f = memmem(c->s + p, hi - p, c->s + a, l);
			if (!f)
				break;
			size_t at = (size_t)(f - c->s);
			if (pk_grow(&e->v, &e->cap, e->n + 1, sizeof *e->v, 64) < 0) {
				e->id = 0;
				return NULL;
			}
			e->v[e->n++] = at;
			p = at + l;
		}
		e->shi = hi;
	}
	/* those inside [lo, hi) */
	size_t b0 = e->ix, b1 = e->n;
	while (b0 < b1) {
		size_t mid = b0 + (b1 - b0) / 2;
		if (e->v[mid] < lo)
			b0 = mid + 1;
		else
			b1 = mid;
	}
	size_t k = b0;
	while (k < e->n && e->v[k] + l <= hi)
		k++;
	*n = k - b0;
	return e->v + b0;
}

/* The tokens of bytes [a, b) (the bytes before an occurrence that
 * extend_left() reads; the occurrences in a passage are read again for
 * each quote near them), remembered; else cut into @p tk.  NULL when out
 * of memory. */
static const toks *
memo_tokens(qnames *c, size_t a, size_t b, toks *tk)
{
	memo_tk *e = c->memo ? &c->memo->tks[(size_t)(((uint64_t)b * 0x9E3779B97F4A7C15u) >> 40) % MEMO_TOKS] : NULL;
	if (e && e->b == b && e->a == a && b)
		return &e->tk;
	toks *t = e ? &e->tk : tk;
	if (q_tokenize(c->lex, c->s, a, b, t) < 0) {
		if (e)
			e->b = 0;
		return NULL;
	}
	if (e) {
		e->a = a;
		e->b = b;
	}
	return t;
}

/* q_nfc() of the name at bytes [a, b), remembered by the memo: the same
 * few names are normalised again for every quote. */
static char *
memo_nfc(qnames *c, size_t a, size_t b, UErrorCode *err)
{
	uint32_t id = memo_id(c->memo, c->s, a, b);
	char *r;
	if (!id)
		return q_nfc(c->s, a, b, err);
	memo_name *nm = &c->memo->names[id];
	if (U_FAILURE(*err))
		return NULL;
	if (nm->nfc) {
		if (!(r = strdup(nm->nfc)))
			c->oom = true;
		return r;
	}
	if ((r = q_nfc(c->s, a, b, err)))
		nm->nfc = strdup(r);  /* not kept when out of memory: made again next time */
	return r;
}

/* The first history entry that may be near @p pos: the history is in
 * document order, give or take a clause, so a binary search. */
static size_t
hist_near(const qnames *c, size_t pos)
{
	size_t lo = 0, hi = c->nh;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		/* entries before h0 were dropped as too far behind any pos
		 * still asked about: the test below held for each */
		if (mid < c->h0 || q_hist(c, mid)->pos + NAME_BACK + NAME_FWD < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
q_known_name(const qnames *c, size_t ns, size_t ne, size_t pos)
{
	uint32_t xid = memo_id(c->memo, c->s, ns, ne);
	for (size_t i = hist_near(c, pos); i < c->nh && q_hist(c, i)->pos <= pos + 2 * NAME_FWD; i++) {
		const hist *h = q_hist(c, i);
		if (h->pos + NAME_BACK >= pos && h->pos <= pos + NAME_FWD &&
		    h->ne - h->ns >= ne - ns && hist_contains(c, i, memo_hist_id(c, i), xid, ns, ne))
			return true;
	}
	return false;
}

char *
q_fullest(qnames *c, size_t ns, size_t ne, size_t pos, UErrorCode *err)
{
	/* 1. a longer named subject of some cue nearby that contains it: the
	 * one of most words, the last of those on a tie.  Walked backwards,
	 * so that once a name is found only longer ones are compared (on text
	 * dense with speakers the window holds a hundred subjects). */
	size_t bs = ns, be = ne, bw = 0, lo = hist_near(c, pos), hi = lo;
	uint32_t xid = memo_id(c->memo, c->s, ns, ne);
	/* quotes come in order: the last window's subjects need not be
	 * walked again to find where this one ends */
	if (c->scan_hi && c->scan_lo <= lo && lo <= c->scan_hi && c->scan_pos <= pos)
		hi = c->scan_hi;
	while (hi < c->nh && q_hist(c, hi)->pos <= pos + 2 * NAME_FWD)
		hi++;
	c->scan_pos = pos;
	c->scan_lo = lo;
	c->scan_hi = hi;
	for (size_t i = hi; i-- > lo;) {
		const hist *h = q_hist(c, i);
		if (h->pos + NAME_BACK < pos || h->pos > pos + NAME_FWD || h->ne - h->ns < ne - ns)
			continue;
		/* a subject noted again (by the quote and by the narration
		 * scan): the same answer as the entry just looked at */
		if (i + 1 < hi && h[1].pos == h->pos && h[1].ns == h->ns && h[1].ne == h->ne)
			continue;
		uint32_t aid = memo_hist_id(c, i);
		size_t words = hist_words(c, i, aid);
		if (words > bw && hist_contains(c, i, aid, xid, ns, ne)) {
			bs = h->ns;
			be = h->ne;
			bw = words;
		}
	}
	/* 2. first names and last names that recur next to it */
	size_t xs, xe;
	extend_left(c, &bs, &be);
	if (memchr(c->s + bs, '\n', be - bs)) {
		/* a name never runs over a line break (a heading above it) */
		bs = ns;
		be = ne;
	}
	/* a one-word name may gain its other parts (किम → किम जोंग उन); a longer
	 * one is complete, and what follows it is a noun (… उदयपुर के) */
	xs = xe = 0;
	if (!memchr(c->s + bs, ' ', be - bs))
		extend_right(c, bs, be, &xs, &xe);
	if (xe > xs) {
		char *a = q_nfc(c->s, bs, be, err), *b = q_nfc(c->s, xs, xe, err), *r = NULL;
		if (a && b && (r = malloc(strlen(a) + strlen(b) + 1)))
			strcat(strcpy(r, a), b);
		free(a);
		free(b);
		return r;
	}
	return memo_nfc(c, bs, be, err);
}
