/*
 * entities.c - article-level entities over the tagger's spans (entities.h).
 *
 * Three passes over the blocks:
 *   1. tag each sentence (ner.h); strip titles before a person's name;
 *      add the speakers' names as persons; every span votes for the type
 *      of its surface (its words folded: spelling variants are one key);
 *   2. the parts of a person's full name become surfaces of that person;
 *   3. every occurrence of a known surface that the tagger missed is a
 *      mention too (longest surface first).
 * Then surfaces are grouped into entities: a person's shorter surface
 * joins the longest person surface that contains its words, unless two
 * different ones do (सिंह alone says nothing).
 */
#include "config.h"
#include "entities.h"
#include "fold.h"
#include "grow.h"
#include "norm.h"
#include "quote/quote_int.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "places.inc"  /* built by tools/gen-places: CLDR's Hindi place names, folded, sorted */

#define MAX_WORDS 6           /* longest surface, in words */
#define MIN_PART_CPS 3        /* a part of a name must be this long to stand alone */
#define NO_SURF ((size_t)-1)

/* A distinct surface: words folded and joined by one space. */
typedef struct surf {
	char *key;
	size_t nw;            /* words */
	unsigned votes[PK_ENT_NTYPES];
	size_t s, e;          /* first occurrence as written */
	size_t parent;        /* the person surface it is part of, or NO_SURF */
	bool part;            /* made from a part of a full name, not tagged */
	size_t ent;           /* its entity, once grouped */
	char *name;           /* a quoted speaker's name as the attributor gave it, or NULL */
	unsigned tagged;      /* mentions the tagger found */
	size_t glued;         /* the name this one is with a descriptor before it, or NO_SURF */
} surf;

typedef struct raw {
	size_t s, e, surf;
} raw;

/* One block's tokens and their folded keys, kept from pass 1 for pass 3,
 * and what the tagger found in it. */
typedef struct btoks {
	size_t start, end;    /* the block's bytes */
	toks tk;
	const char **keys;    /* borrowed from the fold cache; NULL for non-words */
	pk_ner_span *sp;      /* the tagger's spans, until the block is voted on */
	size_t nsp, spcap;
} btoks;

/* A word as written and its folded key: the same word folds once. */
typedef struct fword {
	size_t s, e;
	char *key;
} fword;

typedef struct ectx {
	const char *s;
	const lexicon *lex;
	const pk_ner *ner;    /* the tagger, or NULL: its words tell plurals */
	surf *sv;
	size_t ns, scap;
	size_t *slot;         /* open addressing over sv indices + 1 */
	size_t nslot;
	raw *rv;
	size_t nr, rcap;
	toks tk;              /* the current block's tokens (a view of bv[]) */
	const char **keys;    /* the folded key of each of them */
	btoks *bv;            /* every block's, in document order */
	size_t nb, bcap;
	fword *fw;            /* the fold cache: open addressing, power of 2 */
	size_t nfw, fwcap;
	struct first { uint64_t h; size_t nw; } *fv;  /* see index_firsts() */
	bool tagging;         /* add_raw() is given the tagger's spans */
	size_t nf, fcap;
} ectx;

static uint64_t
hash_str(const char *k)
{
	uint64_t h = 1469598103934665603u;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211u;
	return h;
}

/* The hash of a key's first word (up to a space), never 0. */
static uint64_t
hash_first(const char *k)
{
	uint64_t h = 1469598103934665603u;
	for (; *k && *k != ' '; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211u;
	return h | 1;
}

static size_t
surf_find(const ectx *c, const char *key)
{
	if (!c->nslot)
		return NO_SURF;
	for (size_t h = hash_str(key) & (c->nslot - 1);; h = (h + 1) & (c->nslot - 1)) {
		size_t v = c->slot[h];
		if (!v)
			return NO_SURF;
		if (!strcmp(c->sv[v - 1].key, key))
			return v - 1;
	}
}

static int
rehash(ectx *c, size_t n)
{
	size_t *ns = calloc(n, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t i = 0; i < c->ns; i++) {
		size_t h = hash_str(c->sv[i].key) & (n - 1);
		while (ns[h])
			h = (h + 1) & (n - 1);
		ns[h] = i + 1;
	}
	free(c->slot);
	c->slot = ns;
	c->nslot = n;
	return 0;
}

/* The surface of key (taking ownership of it), added if new; NO_SURF when
 * out of memory (key is then freed). */
static size_t
surf_get(ectx *c, char *key, size_t nw, size_t s, size_t e)
{
	size_t i = surf_find(c, key);
	if (i != NO_SURF) {
		free(key);
		return i;
	}
	if ((c->ns + 1) * 2 > c->nslot && rehash(c, c->nslot ? c->nslot * 2 : 256) < 0)
		goto oom;
	if (pk_grow(&c->sv, &c->scap, c->ns + 1, sizeof *c->sv, 64) < 0)
		goto oom;
	c->sv[c->ns] = (surf){ .key = key, .nw = nw, .s = s, .e = e, .parent = NO_SURF,
			       .ent = NO_SURF, .glued = NO_SURF };
	size_t h = hash_str(key) & (c->nslot - 1);
	while (c->slot[h])
		h = (h + 1) & (c->nslot - 1);
	c->slot[h] = ++c->ns;
	return c->ns - 1;
oom:
	free(key);
	return NO_SURF;
}

static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603u;
	while (n--)
		h = (h ^ (unsigned char)*p++) * 1099511628211u;
	return h;
}

/* The folded key of the word at bytes [a, b), from the cache or made and
 * cached (news text repeats its words: folding is half the pass's cost
 * otherwise); NULL when out of memory. */
static const char *
fold_word(ectx *c, size_t a, size_t b)
{
	if ((c->nfw + 1) * 2 > c->fwcap) {
		size_t n = c->fwcap ? c->fwcap * 2 : 1024;
		fword *nv = calloc(n, sizeof *nv);
		if (!nv)
			return NULL;
		for (size_t i = 0; i < c->fwcap; i++) {
			if (!c->fw[i].key)
				continue;
			size_t h = hash_bytes(c->s + c->fw[i].s, c->fw[i].e - c->fw[i].s) & (n - 1);
			while (nv[h].key)
				h = (h + 1) & (n - 1);
			nv[h] = c->fw[i];
		}
		free(c->fw);
		c->fw = nv;
		c->fwcap = n;
	}
	size_t h = hash_bytes(c->s + a, b - a) & (c->fwcap - 1);
	for (; c->fw[h].key; h = (h + 1) & (c->fwcap - 1))
		if (c->fw[h].e - c->fw[h].s == b - a && !memcmp(c->s + c->fw[h].s, c->s + a, b - a))
			return c->fw[h].key;
	char *k = pk_fold(c->s + a, b - a, NULL);
	if (!k)
		return NULL;
	c->fw[h] = (fword){ a, b, k };
	c->nfw++;
	return k;
}

static bool is_place(const char *key);

/* Split token i of tk in two: [s, cut) and [rest, e).  -1 when out of
 * memory. */
static int
split_token(ectx *c, toks *tk, size_t i, size_t cut, size_t rest)
{
	if (pk_grow(&tk->v, &tk->cap, tk->n + 1, sizeof *tk->v, 64) < 0)
		return -1;
	tok *t = &tk->v[i];
	memmove(t + 2, t + 1, (tk->n - i - 1) * sizeof *t);
	tk->n++;
	t[1] = *t;
	t[1].s = rest;
	t[1].sp = false;
	t[1].lex = lex_find(c->lex, c->s, t[1].s, t[1].e);
	t->e = cut;
	t->lex = lex_find(c->lex, c->s, t->s, t->e);
	return 0;
}

/* Split two places joined by a hyphen (प्योंगयांग-मॉस्को, ईरान-इराक): each
 * is a name of its own (but not फीबी वॉलर-ब्रिज, गोला-बारूद).  -1 when out
 * of memory. */
static int
split_hyphens(ectx *c, toks *tk)
{
	for (size_t i = 0; i < tk->n; i++) {
		tok *t = &tk->v[i];
		if (t->t != T_WORD)
			continue;
		const char *h = memchr(c->s + t->s + 1, '-', t->e - t->s - 1);
		if (!h || (size_t)(h - c->s) + 1 >= t->e)
			continue;
		size_t cut = (size_t)(h - c->s);
		const char *k1 = fold_word(c, t->s, cut), *k2 = fold_word(c, cut + 1, t->e);
		if (!k1 || !k2)
			return -1;
		if (!is_place(k1) || !is_place(k2))
			continue;
		if (split_token(c, tk, i, cut, cut + 1) < 0)
			return -1;
	}
	return 0;
}

/* Split an agency glued to the next word when a line break was lost
 * (`रिपोर्ट एएफपीविशेषज्ञों का`): the word starts with a MEDIA name and
 * the rest is a word of its own, one the tagger knows.  Without a tagger
 * nothing is split.  -1 when out of memory. */
static int
split_glued_media(ectx *c, toks *tk)
{
	if (!c->ner)
		return 0;
	for (size_t i = 0; i < tk->n; i++) {
		tok *t = &tk->v[i];
		if (t->t != T_WORD || IS(t, MEDIA) || t->e - t->s < 12)
			continue;
		size_t p = t->s, cut = 0;
		for (unsigned k = 0; k < 8 && p < t->e && !cut; k++) {
			pk_decode(c->s, t->e, &p);
			if (p >= t->e || t->e - p < 6)
				break;
			size_t z = p;
			if (!(qc_class(pk_decode(c->s, t->e, &z)) & CC_WSTART))
				continue;
			lexset ls = lex_find(c->lex, c->s, t->s, p);
			if (lex_has(&ls, LC_MEDIA) && pk_ner_word_class(c->ner, c->s + p, t->e - p))
				cut = p;
		}
		if (!cut)
			continue;
		if (split_token(c, tk, i, cut, cut) < 0)
			return -1;
		i++;
	}
	return 0;
}

/* Tokenize block [a, b) and fold each word, keeping both for pass 3 (as
 * bv[nb - 1]) and making them the current block; -1 when out of memory. */
static int
block_tokens(ectx *c, size_t a, size_t b)
{
	if (pk_grow(&c->bv, &c->bcap, c->nb + 1, sizeof *c->bv, 64) < 0)
		return -1;
	btoks *B = &c->bv[c->nb++];
	memset(B, 0, sizeof *B);
	B->start = a;
	B->end = b;
	if (q_tokenize(c->lex, c->s, a, b, &B->tk) < 0 || split_hyphens(c, &B->tk) < 0 ||
	    split_glued_media(c, &B->tk) < 0 ||
	    !(B->keys = calloc(B->tk.n + 1, sizeof *B->keys)))
		return -1;
	for (size_t i = 0; i < B->tk.n; i++) {
		const tok *t = &B->tk.v[i];
		if (t->t == T_WORD && !(B->keys[i] = fold_word(c, t->s, t->e)))
			return -1;
	}
	c->tk = B->tk;
	c->keys = B->keys;
	return 0;
}

/* Make block number @p b (of pass 1) the current block again. */
static void
block_again(ectx *c, size_t b)
{
	c->tk = c->bv[b].tk;
	c->keys = c->bv[b].keys;
}

/* The key of words [i, j) of the block (all T_WORD), or NULL. */
static char *
join_keys(const ectx *c, size_t i, size_t j)
{
	size_t n = 0;
	for (size_t k = i; k < j; k++)
		n += strlen(c->keys[k]) + 1;
	char *o = malloc(n + 1), *p = o;
	if (!o)
		return NULL;
	for (size_t k = i; k < j; k++) {
		size_t l = strlen(c->keys[k]);
		if (k > i)
			*p++ = ' ';
		memcpy(p, c->keys[k], l);
		p += l;
	}
	*p = '\0';
	return o;
}

/* Are tokens [i, j) all words, with nothing but spaces between them? */
static bool
all_words(const ectx *c, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (c->tk.v[k].t != T_WORD)
			return false;
	return true;
}

/* A word that is never a name on its own: titles, pronouns, postpositions,
 * the function words of the quotation lexicon. */
static bool
function_word(const tok *t)
{
	return IS(t, DESCRIPTORS) || IS(t, PRONOUNS) || IS(t, NP_STOPS) || IS(t, GENITIVES) ||
	       IS(t, POSTP) || IS(t, XEND) || IS(t, AUXES) || IS(t, EK) || IS(t, CONJ) ||
	       IS(t, MODIF) || IS(t, SKIP_ADV) || IS(t, TIME_NOUNS);
}

/* A title told by its ending (साइंटिस्ट, संस्थापक, जिलाधिकारी) or a
 * word that qualifies a name (भारतीय, गांधीवादी): not part of a person's name. */
static bool
title_word(const ectx *c, const tok *t)
{
	return function_word(t) || lex_suffix(LS_PROF_SUFFIX, c->s, t->s, t->e) ||
	       lex_suffix(LS_ADJ_SUFFIX, c->s, t->s, t->e) || lex_suffix(LS_VADI_SUFFIX, c->s, t->s, t->e);
}

/* Is the word s[a, b) an oblique plural: ending in ों or ओं, with a stem the
 * tagger knows as a word, one with a word class (देशों: देश; अधिकारियों:
 * अधिकारी; इलाकों: इलाका)?
 * Not मैक्रों, whose मैक्र is no word.  Without a tagger, any word in ों. */
static bool
plural_noun(const ectx *c, const char *s, size_t a, size_t b)
{
	static const char oo[] = "\u094B\u0902", OO[] = "\u0913\u0902", a_[] = "\u093E",
			  i_[] = "\u093F\u092F", ii[] = "\u0940";
	const size_t ol = sizeof oo - 1, il = sizeof i_ - 1;
	char w[128];
	/* ों, or ओं after a vowel (उलेमाओं, महिलाओं: उलेमा, महिला) */
	if (b - a <= ol || !((lex_suffix(LS_OBL_PLURAL, s, a, b) && !memcmp(s + b - ol, oo, ol)) ||
			     !memcmp(s + b - ol, OO, ol)))
		return false;
	for (size_t k = b - ol; k > a + 1; k--)  /* दिशा-निर्देशों: निर्देश */
		if (s[k - 1] == '-') {
			a = k;
			break;
		}
	size_t n = b - a - ol;
	if (!c->ner || n + 4 > sizeof w)
		return true;
	memcpy(w, s + a, n);
	if (pk_ner_word_class(c->ner, w, n))
		return true;
	memcpy(w + n, a_, sizeof a_ - 1);  /* इलाकों: इलाका */
	if (pk_ner_word_class(c->ner, w, n + sizeof a_ - 1))
		return true;
	/* अधिकारियों: अधिकारी (िय becomes ी) */
	return n > il && memcmp(w + n - il, i_, il) == 0 &&
	       (memcpy(w + n - il, ii, sizeof ii - 1),
		pk_ner_word_class(c->ner, w, n - il + sizeof ii - 1));
}

/* Record words [i, j) of the block as a mention of type @p ty (a vote),
 * kept in order; one that overlaps a mention already there only votes. */
static int
add_raw(ectx *c, size_t i, size_t j, pk_ent_type ty)
{
	/* titles and function words at the edges are not part of a name */
	while (i < j && (function_word(&c->tk.v[i]) ||
			 (ty == PK_ENT_PER && title_word(c, &c->tk.v[i])) ||
			 (ty == PK_ENT_LOC && IS(&c->tk.v[i], COMPASS))))
		i++;
	while (j > i && function_word(&c->tk.v[j - 1]) &&
	       !(ty == PK_ENT_ORG && IS(&c->tk.v[j - 1], ORG_HEAD)))
		j--;
	if (i >= j || j - i > MAX_WORDS || !all_words(c, i, j))
		return 0;
	/* उत्तर कोरियाई, भारतीय: an adjective of a place is no place */
	if (ty == PK_ENT_LOC && lex_suffix(LS_ADJ_SUFFIX, c->s, c->tk.v[j - 1].s, c->tk.v[j - 1].e))
		return 0;
	/* अधिकारियों, माओवादियों, सुरक्षा एजेंसियों: a plural noun is no name */
	if (plural_noun(c, c->s, c->tk.v[j - 1].s, c->tk.v[j - 1].e))
		return 0;
	char *key = join_keys(c, i, j);
	if (!key)
		return -1;
	size_t si = surf_get(c, key, j - i, c->tk.v[i].s, c->tk.v[j - 1].e);
	if (si == NO_SURF)
		return -1;
	c->sv[si].votes[ty]++;
	c->sv[si].tagged += c->tagging;
	raw r = { c->tk.v[i].s, c->tk.v[j - 1].e, si };
	size_t at = c->nr;
	while (at > 0 && c->rv[at - 1].s > r.s)
		at--;
	if ((at > 0 && c->rv[at - 1].e > r.s) || (at < c->nr && c->rv[at].s < r.e))
		return 0;
	if (pk_grow(&c->rv, &c->rcap, c->nr + 1, sizeof *c->rv, 64) < 0)
		return -1;
	memmove(&c->rv[at + 1], &c->rv[at], (c->nr - at) * sizeof r);
	c->rv[at] = r;
	c->nr++;
	return 0;
}

/* Is @p name (a speaker) a name: words none of which is a title, pronoun
 * or other function word?  Its folded key (words joined by one space) is
 * put in *key (malloc'd) when it is. */
static void name_tidy(char *s, size_t n);

static bool
speaker_name(const ectx *c, const char *name, char **key, size_t *nw)
{
	size_t len = strlen(name), n = 0;
	*key = NULL;
	for (size_t p = 0; p < len;) {
		while (p < len && name[p] == ' ')
			p++;
		size_t e = p;
		while (e < len && name[e] != ' ')
			e++;
		if (e > p) {
			tok t = { .lex = lex_find(c->lex, name, p, e) };
			if (function_word(&t) || (name[p] >= '0' && name[p] <= '9'))
				return false;
			n++;
		}
		p = e;
	}
	if (!n || n > MAX_WORDS)
		return false;
	/* a speaker named by a plural (सूत्रों, अधिकारियों) is no person */
	size_t last = len;
	while (last > 0 && name[last - 1] == ' ')
		last--;
	size_t first = last;
	while (first > 0 && name[first - 1] != ' ')
		first--;
	if (plural_noun(c, name, first, last))
		return false;
	*nw = n;
	*key = pk_fold(name, len, NULL);
	return *key != NULL;
}

/* The tokens [i, j) of the block that lie inside bytes [a, b). */
static bool
tokens_in(const ectx *c, size_t a, size_t b, size_t *i, size_t *j)
{
	size_t x = 0;
	while (x < c->tk.n && c->tk.v[x].s < a)
		x++;
	size_t y = x;
	while (y < c->tk.n && c->tk.v[y].e <= b)
		y++;
	*i = x;
	*j = y;
	return x < y;
}

/* The index of the first place name not before @p key (binary search). */
static size_t
place_lower(const char *key)
{
	size_t lo = 0, hi = sizeof places / sizeof *places;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(places[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is @p key (folded words joined by one space) a place name? */
static bool
is_place(const char *key)
{
	size_t p = place_lower(key);
	return p < sizeof places / sizeof *places && !strcmp(places[p], key);
}

/* The most words of a place name at token i (a word): 0 when none starts
 * there.  A name "w" and the names "w …" sort together, right after w. */
static size_t
place_at(const ectx *c, size_t i)
{
	const char *w = c->keys[i];
	size_t l = strlen(w), n = sizeof places / sizeof *places;
	size_t p = place_lower(w), best = 0;
	for (; p < n && !strncmp(places[p], w, l) && (!places[p][l] || places[p][l] == ' '); p++) {
		size_t nw = 1;
		for (const char *x = places[p]; *x; x++)
			nw += *x == ' ';
		if (i + nw > c->tk.n || !all_words(c, i, i + nw))
			continue;
		char *k = join_keys(c, i, i + nw);
		if (k && !strcmp(k, places[p]) && nw > best)
			best = nw;
		free(k);
	}
	return best;
}

/* Are tokens [i, j) places of CLDR, one word each, joined by hyphens? */
static bool
hyphen_places(const ectx *c, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++) {
		if (!c->keys[k] || place_at(c, k) != 1)
			return false;
		if (k + 1 < j && (c->tk.v[k + 1].s != c->tk.v[k].e + 1 || c->s[c->tk.v[k].e] != '-'))
			return false;
	}
	return true;
}

/* Does a mention already recorded overlap bytes [a, b) without being
 * exactly them? */
static bool
raw_other(const ectx *c, size_t a, size_t b)
{
	for (size_t r = 0; r < c->nr; r++)
		if (c->rv[r].s < b && c->rv[r].e > a && (c->rv[r].s != a || c->rv[r].e != b))
			return true;
	return false;
}

static pk_ent_type surf_type(const surf *x);

/* The raw mention of exactly bytes [a, b), or NO_SURF (c->rv is in order). */
static size_t
raw_exact(const ectx *c, size_t a, size_t b)
{
	size_t lo = 0, hi = c->nr;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->rv[mid].s < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nr && c->rv[lo].s == a && c->rv[lo].e == b ? lo : NO_SURF;
}

/* Words the head noun of a body ends (आम आदमी पार्टी, भारतीय खेल
 * प्राधिकरण), which the tagger found nothing of: two or three words
 * after a mark, a postposition or a function word, none of them a title,
 * a plural or a number: an organisation, one vote.  And one word the
 * tagger does not know after the kind of body or place it is (कंपनी
 * इनफ़ोसिस में, शहर वुहान से), before a postposition, or before the
 * kind (के कानौड़ गांव में).  A dateline's agency in brackets is a body.
 * -1 when out of memory. */
static bool list_words(const ectx *c, size_t i, size_t j);

/* Are the bytes [a, b) of the current block written in it again, within
 * WINDOW bytes (a block may be a whole file without paragraph breaks)? */
#define WINDOW 65536
static bool
written_twice(const ectx *c, size_t a, size_t b)
{
	size_t s0 = c->tk.v[0].s, e0 = c->tk.v[c->tk.n - 1].e;
	if (a > s0 + WINDOW)
		s0 = a - WINDOW;
	if (e0 > b + WINDOW)
		e0 = b + WINDOW;
	for (size_t p = s0; p + (b - a) <= e0;) {
		const char *f = memmem(c->s + p, e0 - p, c->s + a, b - a);
		if (!f)
			return false;
		if ((size_t)(f - c->s) != a)
			return true;
		p = (size_t)(f - c->s) + 1;
	}
	return false;
}

static int
head_names(ectx *c)
{
	size_t n = c->tk.n;
	for (size_t j = 2; j < n; j++) {
		const tok *h = &c->tk.v[j];
		if (h->t != T_WORD || !IS(h, ORG_NAME_HEAD) ||
		    raw_other(c, c->tk.v[j - 1].s, h->e) ||
		    raw_exact(c, c->tk.v[j - 1].s, c->tk.v[j - 1].e) != NO_SURF)
			continue;
		size_t i = j;
		while (i > 0 && j - i < 3 && list_words(c, i - 1, i) &&
		       !IS(&c->tk.v[i - 1], ORG_HEAD))
			i--;
		if (j - i < 2 || (i > 0 && c->tk.v[i - 1].t == T_WORD &&
				  !function_word(&c->tk.v[i - 1])))
			continue;
		if (raw_other(c, c->tk.v[i].s, h->e) ||
		    !written_twice(c, c->tk.v[i].s, h->e))
			continue;
		if (add_raw(c, i, j + 1, PK_ENT_ORG) < 0)
			return -1;
	}
	for (size_t i = 0; i + 2 < n; i++) {
		const tok *k = &c->tk.v[i], *w = &c->tk.v[i + 1], *e = &c->tk.v[i + 2];
		int ty = IS(k, ORG_KIND) ? PK_ENT_ORG : IS(k, LOC_KIND) ? PK_ENT_LOC : -1;
		if (ty < 0 || w->t != T_WORD || !list_words(c, i + 1, i + 2) ||
		    memchr(c->s + w->s, '-', w->e - w->s) ||
		    e->t != T_WORD || (!IS(e, POSTP) && !IS(e, LOC)) ||
		    pk_ner_word_class(c->ner, c->s + w->s, w->e - w->s) ||
		    raw_other(c, w->s, w->e) || raw_exact(c, w->s, w->e) != NO_SURF)
			continue;
		if (add_raw(c, i + 1, i + 2, (pk_ent_type)ty) < 0)
			return -1;
	}
	/* and before it (उदयपुर के कानौड़ गांव में), after a function word */
	for (size_t i = 1; i + 2 < n; i++) {
		const tok *w = &c->tk.v[i], *k = &c->tk.v[i + 1], *e = &c->tk.v[i + 2];
		int ty = IS(k, ORG_KIND) ? PK_ENT_ORG : IS(k, LOC_KIND) ? PK_ENT_LOC : -1;
		if (ty < 0 || w->t != T_WORD || !list_words(c, i, i + 1) ||
		    c->tk.v[i - 1].t != T_WORD || !function_word(&c->tk.v[i - 1]) ||
		    memchr(c->s + w->s, '-', w->e - w->s) ||
		    e->t != T_WORD || (!IS(e, POSTP) && !IS(e, LOC)) ||
		    pk_ner_word_class(c->ner, c->s + w->s, w->e - w->s) ||
		    raw_other(c, w->s, k->e) || raw_exact(c, w->s, w->e) != NO_SURF)
			continue;
		if (add_raw(c, i, i + 1, (pk_ent_type)ty) < 0)
			return -1;
	}
	/* a dateline's agency: नयी दिल्ली, 5 मई (भाषा) */
	for (size_t i = 0; i + 3 < n; i++) {
		const tok *m = &c->tk.v[i], *o = &c->tk.v[i + 1];
		if (m->t != T_WORD || !IS(m, MONTHS) || o->t != T_PUNCT || o->cp != '(')
			continue;
		size_t j = i + 2;
		while (j < n && j - i <= 4 && c->tk.v[j].t == T_WORD)
			j++;
		if (j == i + 2 || j >= n || j - i > 4 || c->tk.v[j].t != T_PUNCT ||
		    c->tk.v[j].cp != ')')
			continue;
		if (add_raw(c, i + 2, j, PK_ENT_ORG) < 0 || add_raw(c, i + 2, j, PK_ENT_ORG) < 0)
			return -1;
	}
	return 0;
}

static bool
is_comma(const tok *t)
{
	return t->t == T_PUNCT && t->cp == ',';
}

/* May words [i, j) be a name in a list: words, none a function word, a
 * title, a number or a plural? */
static bool
list_words(const ectx *c, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++) {
		const tok *t = &c->tk.v[k];
		if (t->t != T_WORD || title_word(c, t) || (c->s[t->s] >= '0' && c->s[t->s] <= '9') ||
		    plural_noun(c, c->s, t->s, t->e))
			return false;
	}
	return i < j;
}

enum { LIST_MAX = 16, LIST_WORDS = 3 };

/* The type a kind noun after a list's last item (at token i) gives its
 * items: places before इलाकों, शहरों, …, bodies before कंपनियों, जैसे
 * ब्रांड, …; -1 when there is none. */
static int
list_kind(const ectx *c, size_t i)
{
	if (i < c->tk.n && IS(&c->tk.v[i], LIKE))
		i++;
	if (i >= c->tk.n)
		return -1;
	if (IS(&c->tk.v[i], LOC_KINDS))
		return PK_ENT_LOC;
	if (IS(&c->tk.v[i], ORG_KINDS))
		return PK_ENT_ORG;
	return -1;
}

/* A list its kind noun names (पुणे में कोथरूड, हडपसर और वाकड इलाकों
 * में): each item is a name of that type when at least half of them are
 * words the tagger does not know or names found already (not सरकारी, निजी
 * और ग्रामीण इलाकों). */
static int
kind_list(ectx *c, const size_t *a, const size_t *b, size_t ni, pk_ent_type ty)
{
	size_t good = 0;
	for (size_t x = 0; x < ni; x++) {
		size_t r = raw_exact(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e);
		if (r != NO_SURF) {
			good++;
			continue;
		}
		if (raw_other(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e) || b[x] - a[x] > 2)
			return 0;
		bool known = false;
		for (size_t w = a[x]; w < b[x] && !known; w++)
			known = pk_ner_word_class(c->ner, c->s + c->tk.v[w].s,
						  c->tk.v[w].e - c->tk.v[w].s) != 0;
		good += !known;
	}
	/* the first begins where a name would: at a mark or a function word */
	if (2 * good < ni || (a[0] > 0 && c->tk.v[a[0] - 1].t == T_WORD &&
			      !function_word(&c->tk.v[a[0] - 1])))
		return 0;
	/* the kind outvotes the tagger's type for a name it found (सैमसंग as a
	 * place): two votes */
	for (size_t x = 0; x < ni; x++) {
		size_t r = raw_exact(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e);
		if (r != NO_SURF && surf_type(&c->sv[c->rv[r].surf]) == ty)
			continue;
		if (add_raw(c, a[x], b[x], ty) < 0 ||
		    (r != NO_SURF && add_raw(c, a[x], b[x], ty) < 0))
			return -1;
	}
	return 0;
}

/* A list of names, "A, B, C और D", in which most are names of one type
 * found already: the rest are names of that type too (विनोबापुरी, आदर्श
 * नगर, वसुंधरा, साहिबाबाद, … ओखला और बदरपुर with four of them places).
 * Items of one to three words between commas; the first runs back from
 * the first comma to a function word, the last is one word after और/तथा/
 * एवं/या (or a name found already).  -1 when out of memory. */
static int
fill_lists(ectx *c)
{
	size_t n = c->tk.n;
	for (size_t k = 0; k < n; k++) {
		if (!is_comma(&c->tk.v[k]))
			continue;
		size_t a[LIST_MAX], b[LIST_MAX], ni = 0;
		/* the first item: a name found already, or one word */
		size_t f = k;
		while (f > 0 && k - f < LIST_WORDS && list_words(c, f - 1, f))
			f--;
		if (f == k)
			continue;
		while (f + 1 < k && raw_exact(c, c->tk.v[f].s, c->tk.v[k - 1].e) == NO_SURF)
			f++;
		a[ni] = f, b[ni] = k, ni++;
		size_t p = k + 1;
		bool last = false;
		while (ni < LIST_MAX && p < n) {
			if (IS(&c->tk.v[p], CONJ)) {  /* ", और" */
				last = true;
				p++;
			}
			size_t q = p;
			while (q < n && q - p < LIST_WORDS && list_words(c, q, q + 1))
				q++;
			if (q == p)
				break;
			if (last || q == n || !(is_comma(&c->tk.v[q]) || IS(&c->tk.v[q], CONJ))) {
				/* the last: a name found already, or one word */
				size_t e = p + 1;
				for (size_t l = q; l > p; l--)
					if (raw_exact(c, c->tk.v[p].s, c->tk.v[l - 1].e) != NO_SURF) {
						e = l;
						break;
					}
				a[ni] = p, b[ni] = e, ni++;
				last = true;
				break;
			}
			a[ni] = p, b[ni] = q, ni++;
			if (IS(&c->tk.v[q], CONJ))
				last = true;
			p = q + 1;
		}
		k = p;  /* a list is looked at once */
		if (ni < 2 || !last)
			continue;
		int kind = list_kind(c, b[ni - 1]);
		if (kind >= 0) {
			if (kind_list(c, a, b, ni, (pk_ent_type)kind) < 0)
				return -1;
			continue;
		}
		if (ni < 3)
			continue;
		unsigned found[PK_ENT_NTYPES] = { 0 }, typed = 0, cls[LIST_MAX];
		for (size_t x = 0; x < ni; x++) {
			size_t r = raw_exact(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e);
			const tok *lw = &c->tk.v[b[x] - 1];
			cls[x] = pk_ner_word_class(c->ner, c->s + lw->s, lw->e - lw->s);
			if (r != NO_SURF) {
				found[surf_type(&c->sv[c->rv[r].surf])]++;
				typed++;
			} else if (raw_other(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e)) {
				typed = 0;  /* part of a longer name: no list of names */
				break;
			}
		}
		pk_ent_type ty = PK_ENT_PER;
		for (int t = 0; t < PK_ENT_NTYPES; t++)
			if (found[t] > found[ty])
				ty = (pk_ent_type)t;
		if (found[ty] != typed || typed < 2 || 3 * typed < ni)
			continue;
		/* a word the model knows is a name only in the company of the
		 * names' own words (कानपुर beside टुमकुर, not चार or शायद) */
		for (size_t x = 0; x < ni; x++) {
			if (raw_exact(c, c->tk.v[a[x]].s, c->tk.v[b[x] - 1].e) != NO_SURF ||
			    b[x] - a[x] > 2)
				continue;
			/* the first begins where a name would: at a mark or a
			 * function word (not तीन नाम सुझाए, जहांगीर, …) */
			if (x == 0 && a[x] > 0 && c->tk.v[a[x] - 1].t == T_WORD &&
			    !function_word(&c->tk.v[a[x] - 1]))
				continue;
			bool alike = cls[x] == 0;
			for (size_t y = 0; y < ni && !alike; y++)
				alike = y != x && cls[y] == cls[x] &&
					raw_exact(c, c->tk.v[a[y]].s, c->tk.v[b[y] - 1].e) != NO_SURF;
			if (alike && add_raw(c, a[x], b[x], ty) < 0)
				return -1;
		}
	}
	return 0;
}

/* A quoted name beside the kind of thing it names (‘शर्क’ अखबार, संस्था
 * 'ऑफ़स्टेड', धार्मिक स्थल ‘कुम’): an organisation or a place, whatever the
 * tagger made of it (two votes).  -1 when out of memory. */
static int
kind_names(ectx *c)
{
	size_t n = c->tk.n;
	for (size_t i = 0; i + 2 < n; i++) {
		if (c->tk.v[i].t != T_MARK)
			continue;
		/* words, no postposition among them (not a quoted title:
		 * ‘कोविड-19 महामारी की …’ पत्रिका में) */
		size_t j = i + 1;
		while (j < n && j - i <= MAX_WORDS && c->tk.v[j].t == T_WORD &&
		       !IS(&c->tk.v[j], GENITIVES) && !IS(&c->tk.v[j], POSTP))
			j++;
		if (j == i + 1 || j >= n || j - i > MAX_WORDS || c->tk.v[j].t != T_MARK)
			continue;
		const tok *before = i > 0 ? &c->tk.v[i - 1] : NULL,
			  *after = j + 1 < n ? &c->tk.v[j + 1] : NULL;
		int ty = -1;
		if ((before && IS(before, ORG_KIND)) || (after && IS(after, ORG_KIND)))
			ty = PK_ENT_ORG;
		else if ((before && IS(before, LOC_KIND)) || (after && IS(after, LOC_KIND)))
			ty = PK_ENT_LOC;
		if (ty >= 0 && (add_raw(c, i + 1, j, (pk_ent_type)ty) < 0 ||
				add_raw(c, i + 1, j, (pk_ent_type)ty) < 0))
			return -1;
		i = j;
	}
	return 0;
}

/* A person's one-word name the tagger found, then one word the tagger
 * does not know before a postposition, a function word or a mark (नरगिस
 * फ़करी एक …, पर्जेस्क्यू): the second word is the surname, and the
 * mention is the full name, so that the short mentions join it.  Not a
 * title, a place, a hyphened word or a word that begins a mention. */
/* Is the word s[a, b) two words the tagger knows, glued when a space was
 * lost (खन्नाउन्होंने, प्रसादभले)? */
static bool
glued_words(const ectx *c, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++) {
		if ((c->s[k] & 0xC0) == 0x80)
			continue;
		const unsigned char *u = (const unsigned char *)c->s + k;
		size_t l = b - k;
		uint32_t cp = l >= 3 && u[0] == 0xE0 ? (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F) : 0;
		/* a sign (vowel sign, virama, nukta, anusvara) begins no word */
		if ((cp >= 0x900 && cp <= 0x903) || (cp >= 0x93A && cp <= 0x94F))
			continue;
		if (pk_ner_word_class(c->ner, c->s + a, k - a) &&
		    pk_ner_word_class(c->ner, c->s + k, l))
			return true;
	}
	return false;
}

static size_t cps(const char *s);

static int
surnames(ectx *c)
{
	size_t n = c->tk.n;
	for (size_t i = 0; i + 1 < n; i++) {
		const tok *f = &c->tk.v[i], *w = &c->tk.v[i + 1];
		if (f->t != T_WORD || w->t != T_WORD || !c->keys[i] || !c->keys[i + 1] || !c->ner)
			continue;
		size_t x = surf_find(c, c->keys[i]);
		if (x == NO_SURF || c->sv[x].nw != 1 || !c->sv[x].votes[PK_ENT_PER] ||
		    surf_type(&c->sv[x]) != PK_ENT_PER)
			continue;
		/* a word and then है is said of the person (युवराज कैसानोवा हैं) */
		if (i + 2 < n && c->tk.v[i + 2].t == T_WORD &&
		    (!function_word(&c->tk.v[i + 2]) || IS(&c->tk.v[i + 2], AUXES)))
			continue;
		if (title_word(c, w) || IS(w, NE_VERBS) || IS(w, SUBJ_VERBS) ||
		    memchr(c->s + w->s, '-', w->e - w->s) || cps(c->keys[i + 1]) < MIN_PART_CPS ||
		    pk_ner_word_class(c->ner, c->s + w->s, w->e - w->s) || place_at(c, i + 1) ||
		    raw_other(c, f->s, f->e) || raw_exact(c, w->s, w->e) != NO_SURF ||
		    raw_other(c, w->s, w->e) || IS(w, ORG_HEAD) || IS(w, LOC_HEAD) ||
		    plural_noun(c, c->s, w->s, w->e) || glued_words(c, w->s, w->e))
			continue;
		size_t r = raw_exact(c, f->s, f->e);
		if (r == NO_SURF) {
			if (add_raw(c, i, i + 2, PK_ENT_PER) < 0)
				return -1;
		} else {
			char *key = join_keys(c, i, i + 2);
			if (!key)
				return -1;
			size_t si = surf_get(c, key, 2, f->s, w->e);
			if (si == NO_SURF)
				return -1;
			c->sv[si].votes[PK_ENT_PER]++;
			c->rv[r].e = w->e;
			c->rv[r].surf = si;
		}
		i++;
	}
	return 0;
}

/* Pass 1a of a block: its tokens and keys (as bv[nb - 1]) and the
 * tagger's spans, sentence by sentence.  Needs no quotations, and changes
 * nothing another block's pass 1b reads, so it may run ahead of 1b (the
 * pane's early thread tags while the quotations are found).  -1 when out
 * of memory. */
static int
tag_block(ectx *c, const pk_doc *d, const pk_block *blk, const pk_ner *ner)
{
	pk_range *sent = NULL;
	size_t nsent = 0;
	int rc = 0;

	if (block_tokens(c, blk->start, blk->end) < 0)
		return -1;
	if (pk_doc_sentences(d, blk, &sent, &nsent) != PK_OK)
		return -1;
	btoks *B = &c->bv[c->nb - 1];
	for (size_t k = 0; k < nsent && rc == 0; k++)
		if (ner)
			rc = pk_ner_tag(ner, c->s, sent[k].start, sent[k].end, &B->sp, &B->nsp,
					&B->spcap);
	free(sent);
	return rc;
}

/* Pass 1b of block b: the votes of the tagger's spans, the word lists,
 * CLDR's places and the quoted speakers (from q, the next being *qi).
 * Blocks are voted on in order.  -1 when out of memory. */
static int
vote_block(ectx *c, size_t bi, const pk_quotes *q, size_t *qi)
{
	int rc = 0;
	block_again(c, bi);
	btoks *B = &c->bv[bi];
	const pk_ner_span *sp = B->sp;
	const pk_block blkv = { .start = B->start, .end = B->end }, *blk = &blkv;
	c->tagging = true;
	for (size_t k = 0; k < B->nsp && rc == 0; k++) {
		size_t i, j;
		pk_ent_type ty = sp[k].type;
		if (!tokens_in(c, sp[k].start, sp[k].end, &i, &j))
			continue;
		/* the head noun of a body the tagger stopped short of (युद्ध
		 * सामग्री उद्योग | विभाग, कांग्रेस | पार्टी) belongs to it */
		if (ty != PK_ENT_PER && j < c->tk.n && IS(&c->tk.v[j], ORG_HEAD)) {
			j++;
			ty = PK_ENT_ORG;
		}
		/* and of a place (अमूर | क्षेत्र) */
		else if (ty == PK_ENT_LOC && j < c->tk.n && IS(&c->tk.v[j], LOC_HEAD))
			j++;
		/* places joined by a hyphen (ईरान-इराक) are two places */
		if (j - i > 1 && hyphen_places(c, i, j))
			continue;
		rc = add_raw(c, i, j, ty);
	}
	c->tagging = false;
	/* agencies, broadcasters and social networks of bylines and sign-offs
	 * are organisations, whatever the tagger made of them (two votes) */
	for (size_t i = 0; i < c->tk.n && rc == 0; i++) {
		if (!IS(&c->tk.v[i], MEDIA))
			continue;
		size_t j = i + 1 < c->tk.n && IS(&c->tk.v[i + 1], MEDIA_TAIL) ? i + 2 : i + 1;
		if ((rc = add_raw(c, i, j, PK_ENT_ORG)) == 0)
			rc = add_raw(c, i, j, PK_ENT_ORG);
	}
	/* a genitive, a title or kin, then a name of two or three words
	 * before a postposition or a mark (विभाग के निदेशक जो चुन रयोंग और,
	 * किम की बहन किम यो जोंग भी): a person, one vote.  One word would as
	 * often be a noun (निदेशक मंडल, अध्यक्ष पद); a verb or में after the
	 * words (शर्मा कहती हैं, बोलसोनारो मार्च में) is no name's end. */
	for (size_t i = 1; i + 3 < c->tk.n && rc == 0; i++) {
		if (!IS(&c->tk.v[i], NAMED_TITLES) || !IS(&c->tk.v[i - 1], GENITIVES))
			continue;
		for (size_t len = 1; len <= 3 && i + len + 1 < c->tk.n; len++) {
			const tok *w = &c->tk.v[i + len];
			if (w->t != T_WORD || title_word(c, w) || (c->keys[i + len] && place_at(c, i + len)))
				break;
			const tok *e = &c->tk.v[i + len + 1];
			if (len >= 2 && (e->t != T_WORD || IS(e, POSTP) || IS(e, SKIP_ADV))) {
				rc = add_raw(c, i + 1, i + len + 1, PK_ENT_PER);
				break;
			}
		}
	}
	/* a country or a city of CLDR is a place, whatever the tagger made of
	 * it (two votes), unless it is part of a longer name the tagger found
	 * (न्यू यॉर्क टाइम्स) */
	for (size_t i = 0; i < c->tk.n && rc == 0; i++) {
		size_t l = c->keys[i] ? place_at(c, i) : 0;
		if (!l || raw_other(c, c->tk.v[i].s, c->tk.v[i + l - 1].e))
			continue;
		if ((rc = add_raw(c, i, i + l, PK_ENT_LOC)) == 0)
			rc = add_raw(c, i, i + l, PK_ENT_LOC);
		i += l - 1;
	}
	/* a quoted speaker's name is a person: as the attributor wrote it,
	 * and the words of its mention that are words of the name */
	for (; q && *qi < q->n && rc == 0; ++*qi) {
		const pk_quote *x = &q->v[*qi];
		size_t i, j, nw;
		char *sk;
		if (x->mention_start == PK_QUOTE_NONE || x->mention_start < blk->start)
			continue;
		if (x->mention_start >= blk->end)
			break;
		if (!x->speaker || !speaker_name(c, x->speaker, &sk, &nw))
			continue;
		if (!tokens_in(c, x->mention_start, x->mention_end, &i, &j)) {
			free(sk);
			continue;
		}
		size_t a = j, b = j;
		for (size_t t = i; t < j; t++) {
			const char *w = c->keys[t];
			const char *f = w ? strstr(sk, w) : NULL;
			size_t l = w ? strlen(w) : 0;
			bool whole = f && (f == sk || f[-1] == ' ') && (f[l] == ' ' || !f[l]);
			if (whole && a == j)
				a = t;
			if (whole)
				b = t + 1;
			else if (a != j)
				break;
		}
		if (a < b && (rc = add_raw(c, a, b, PK_ENT_PER)) < 0) {
			free(sk);
			break;
		}
		/* the full name, which may be written elsewhere */
		size_t si = surf_get(c, sk, nw, x->mention_start, x->mention_end);
		if (si == NO_SURF)
			return -1;
		c->sv[si].votes[PK_ENT_PER]++;
		if (!c->sv[si].name && !(c->sv[si].name = strdup(x->speaker)))
			return -1;
	}
	free(B->sp);
	B->sp = NULL;
	B->nsp = B->spcap = 0;
	return rc == 0 && kind_names(c) == 0 && head_names(c) == 0 && surnames(c) == 0
		       ? fill_lists(c) : -1;
}

/* The type a surface's votes give: the most votes, PER first on a tie. */
static pk_ent_type
surf_type(const surf *x)
{
	pk_ent_type best = PK_ENT_PER;
	for (int t = 1; t < PK_ENT_NTYPES; t++)
		if (x->votes[t] > x->votes[best])
			best = (pk_ent_type)t;
	return best;
}

static bool
voted(const surf *x)
{
	for (int t = 0; t < PK_ENT_NTYPES; t++)
		if (x->votes[t])
			return true;
	return false;
}

/* How often a surface was tagged or named a speaker. */
static unsigned
votes(const surf *x)
{
	unsigned n = 0;
	for (int t = 0; t < PK_ENT_NTYPES; t++)
		n += x->votes[t];
	return n;
}

static bool words_within(const char *a, const char *b);

/* Code points in s. */
static size_t
cps(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The words of a surface key (at most MAX_WORDS): starts and lengths. */
static size_t
key_words(const char *key, const char **w, size_t *wl)
{
	size_t nw = 0;
	for (const char *p = key; *p && nw < MAX_WORDS;) {
		const char *sp = strchr(p, ' ');
		w[nw] = p;
		wl[nw] = sp ? (size_t)(sp - p) : strlen(p);
		nw++;
		p = sp ? sp + 1 : p + strlen(p);
	}
	return nw;
}

/* Is surface F a person's name of two words or more? */
static bool
full_name(const surf *F)
{
	return F->nw >= 2 && !F->part && F->glued == NO_SURF && surf_type(F) == PK_ENT_PER;
}

/* A speaker's name the attributor ran into the word before it (पोते
 * मंडला मंडेला, गुस्साए शाहिद अफरीदी): the tagger never found it, but found
 * the name after its first word, of two words or more (a surname alone
 * is as often a first name left out: ओलीवर | क्रॉफ़टन), and that word
 * begins no name the tagger found.  Such a name joins the one after the word (link_parts()), and
 * the quotation's speaker becomes that (pk_entities_link_speakers()). */
static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int
mark_glued(ectx *c)
{
	uint64_t *firsts = NULL;  /* first words of the names the tagger found, sorted */
	size_t nfirst = 0;
	for (size_t f = 0; f < c->ns; f++) {
		surf *S = &c->sv[f];
		if (!S->name || S->tagged || S->nw < 3 || surf_type(S) != PK_ENT_PER)
			continue;
		const char *sp = strchr(S->key, ' ');
		size_t r = sp ? surf_find(c, sp + 1) : NO_SURF;
		if (r == NO_SURF || !c->sv[r].tagged || surf_type(&c->sv[r]) != PK_ENT_PER)
			continue;
		/* the word is a word: one the tagger knows (पोते, सीएम), or a
		 * title by its form (वार्ताकार) */
		const char *w = S->name, *ws = strchr(w, ' ');
		size_t wl = ws ? (size_t)(ws - w) : strlen(w);
		tok t = { .lex = lex_find(c->lex, w, 0, wl), .s = 0, .e = wl };
		if (!pk_ner_word_class(c->ner, w, wl) && !function_word(&t) &&
		    !lex_suffix(LS_PROF_SUFFIX, w, 0, wl) && !lex_suffix(LS_ADJ_SUFFIX, w, 0, wl))
			continue;
		if (!firsts) {
			if (!(firsts = malloc((c->ns + 1) * sizeof *firsts)))
				return -1;
			for (size_t g = 0; g < c->ns; g++)
				if (c->sv[g].tagged && surf_type(&c->sv[g]) == PK_ENT_PER)
					firsts[nfirst++] = hash_first(c->sv[g].key);
			qsort(firsts, nfirst, sizeof *firsts, cmp_u64);
		}
		uint64_t h = hash_first(S->key);
		if (!bsearch(&h, firsts, nfirst, sizeof *firsts, cmp_u64))
			S->glued = r;
	}
	free(firsts);
	return 0;
}

/* Pass 2: the first and last words of each person's full name become
 * surfaces of their own (when they are long enough and no function word),
 * then every surface whose words are a run of a longer person's name joins
 * the longest such name; two different names of that length leave it
 * apart (सिंह of राम सिंह and of श्याम सिंह). */
static int
link_parts(ectx *c)
{
	const char *w[MAX_WORDS];
	size_t wl[MAX_WORDS], n0 = c->ns;
	int rc = -1;

	if (mark_glued(c) < 0)
		return -1;
	for (size_t f = 0; f < n0; f++) {
		if (!full_name(&c->sv[f]))
			continue;
		size_t nw = key_words(c->sv[f].key, w, wl);
		for (size_t i = 0; i < nw; i += nw - 1) {
			char *k = strndup(w[i], wl[i]);
			if (!k)
				return -1;
			lexset ls = lex_find(c->lex, k, 0, wl[i]);
			tok t = { .lex = ls };
			if (surf_find(c, k) != NO_SURF || cps(k) < MIN_PART_CPS || function_word(&t)) {
				free(k);
				continue;
			}
			size_t si = surf_get(c, k, 1, c->sv[f].s, c->sv[f].s);
			if (si == NO_SURF)
				return -1;
			c->sv[si].part = true;
		}
	}

	size_t *best = malloc((c->ns ? c->ns : 1) * sizeof *best);
	bool *amb = calloc(c->ns ? c->ns : 1, sizeof *amb);
	if (!best || !amb)
		goto done;
	for (size_t i = 0; i < c->ns; i++)
		best[i] = NO_SURF;
	for (size_t f = 0; f < n0; f++) {
		if (!full_name(&c->sv[f]))
			continue;
		size_t nw = key_words(c->sv[f].key, w, wl);
		for (size_t i = 0; i < nw; i++)
			for (size_t j = i + 1; j <= nw; j++) {
				if (j - i == nw)
					continue;
				char *k = strndup(w[i], (size_t)(w[j - 1] + wl[j - 1] - w[i]));
				if (!k)
					goto done;
				size_t si = surf_find(c, k);
				free(k);
				if (si == NO_SURF || si == f)
					continue;
				const surf *S = &c->sv[si], *F = &c->sv[f];
				if (!S->part && voted(S) && surf_type(S) != PK_ENT_PER)
					continue;  /* a place inside a name stays a place */
				/* a name of two words or more joins a longer one only
				 * when that is written as often (the tagger's व्लादिमीर
				 * पुतिन वोस्तोचन, once, does not swallow व्लादिमीर पुतिन) */
				if (S->nw >= 2 && votes(F) < votes(S))
					continue;
				size_t b = best[si];
				if (b == NO_SURF) {
					best[si] = f;
				} else if (b != f) {
					/* two names that are not forms of one another: ambiguous */
					if (!words_within(c->sv[b].key, F->key) &&
					    !words_within(F->key, c->sv[b].key))
						amb[si] = true;
					if (votes(F) > votes(&c->sv[b]) ||
					    (votes(F) == votes(&c->sv[b]) && F->nw > c->sv[b].nw))
						best[si] = f;
				}
			}
	}
	for (size_t i = 0; i < c->ns; i++) {
		if (c->sv[i].glued != NO_SURF)
			c->sv[i].parent = c->sv[i].glued;
		else if (best[i] != NO_SURF && !amb[i])
			c->sv[i].parent = best[i];
		else if (c->sv[i].part)
			c->sv[i].part = false;  /* unlinked, a part names nobody: not spread */
	}
	rc = 0;
done:
	free(best);
	free(amb);
	return rc;
}

/* If the person's name of words [i, j) runs into a place or organisation
 * the article names elsewhere (one that starts inside the name and ends at
 * or after its end), how many of its words are the name; else 0. */
static size_t
person_cut(const ectx *c, size_t i, size_t j)
{
	char *k = join_keys(c, i, j);
	size_t si = k ? surf_find(c, k) : NO_SURF;
	free(k);
	if (si == NO_SURF || surf_type(&c->sv[si]) != PK_ENT_PER || j - i < 2)
		return 0;
	for (size_t p = i + 1; p < j; p++)
		for (size_t l = MAX_WORDS; l >= 1; l--) {
			if (p + l < j || p + l > c->tk.n || !all_words(c, p, p + l))
				continue;
			char *x = join_keys(c, p, p + l);
			if (!x)
				return 0;
			size_t o = surf_find(c, x);
			free(x);
			if (o != NO_SURF && voted(&c->sv[o]) && surf_type(&c->sv[o]) != PK_ENT_PER)
				return p - i;
		}
	return 0;
}

/* The words of tokens [i, j) (a body's or a place's raw mention) that are
 * a person named in the article, when the words after them are a name of
 * that type on their own (a person tagged, or a part of a full name):
 * नंदन | कांग्रेस, नंदन निलेकनी | इनफ़ोसिस, where
 * a lost space or line break ran a sentence's subject into the next
 * name.  Not राजीव गांधी फाउंडेशन: फाउंडेशन is no name.  0 when none; the
 * person's surface in *per, the rest's in *rest. */
static size_t
body_person_head(const ectx *c, size_t i, size_t j, size_t *per, size_t *rest)
{
	char *k = join_keys(c, i, j);
	size_t si = k ? surf_find(c, k) : NO_SURF;
	free(k);
	if (si == NO_SURF || surf_type(&c->sv[si]) == PK_ENT_PER || j - i < 2)
		return 0;
	pk_ent_type ty = surf_type(&c->sv[si]);
	for (size_t p = j - 1; p > i; p--) {
		char *h = join_keys(c, i, p), *t = h ? join_keys(c, p, j) : NULL;
		size_t hs = h && t ? surf_find(c, h) : NO_SURF;
		size_t ts = hs != NO_SURF ? surf_find(c, t) : NO_SURF;
		free(h);
		free(t);
		if (ts != NO_SURF &&
		    (c->sv[hs].part || (voted(&c->sv[hs]) && surf_type(&c->sv[hs]) == PK_ENT_PER)) &&
		    voted(&c->sv[ts]) && surf_type(&c->sv[ts]) == ty) {
			*per = hs;
			*rest = ts;
			return p - i;
		}
	}
	return 0;
}

/* Note that a surface pass 3 looks for starts with the first word of
 * @p key and has @p nw words.  -1 when out of memory. */
static int
first_add(ectx *c, const char *key, size_t nw)
{
	if ((c->nf + 1) * 2 > c->fcap) {
		size_t n = c->fcap ? c->fcap * 2 : 64;
		struct first *nv = calloc(n, sizeof *nv);
		if (!nv)
			return -1;
		for (size_t i = 0; i < c->fcap; i++) {
			size_t p = c->fv[i].h & (n - 1);
			while (c->fv[i].h && nv[p].h)
				p = (p + 1) & (n - 1);
			if (c->fv[i].h)
				nv[p] = c->fv[i];
		}
		free(c->fv);
		c->fv = nv;
		c->fcap = n;
	}
	uint64_t h = hash_first(key);
	size_t p = h & (c->fcap - 1);
	while (c->fv[p].h && c->fv[p].h != h)
		p = (p + 1) & (c->fcap - 1);
	if (!c->fv[p].h)
		c->nf++;
	c->fv[p].h = h;
	if (c->fv[p].nw < nw)
		c->fv[p].nw = nw;
	return 0;
}

/* Index the first words of the surfaces pass 3 looks for, each with the
 * most words of a surface it starts: most words start none and need no
 * lookup of the longer runs after them.  -1 when out of memory. */
static int
index_firsts(ectx *c)
{
	for (size_t i = 0; i < c->ns; i++)
		if ((voted(&c->sv[i]) || c->sv[i].part) && first_add(c, c->sv[i].key, c->sv[i].nw) < 0)
			return -1;
	return 0;
}

/* The most words of a surface that starts with the word @p w (a key);
 * 0 when none does (a hash collision may overstate it: harmless). */
static size_t
first_words(const ectx *c, const char *w)
{
	uint64_t h = hash_first(w);
	if (!c->fcap)
		return 0;
	for (size_t p = h & (c->fcap - 1); c->fv[p].h; p = (p + 1) & (c->fcap - 1))
		if (c->fv[p].h == h)
			return c->fv[p].nw;
	return 0;
}

/* Pass 3 over one block: occurrences of known surfaces not yet mentions. */
static int
spread_block(ectx *c, size_t *ri, pk_mention **mv, size_t *nm, size_t *mcap)
{
	for (size_t i = 0; i < c->tk.n;) {
		const tok *t = &c->tk.v[i];
		/* a raw mention here is kept, or grown to a longer surface of
		 * the same type that starts with it (the tagger's किम जोंग of
		 * किम जोंग उन) */
		while (*ri < c->nr && c->rv[*ri].e <= t->s)
			(*ri)++;
		if (*ri < c->nr && c->rv[*ri].s <= t->s) {
			raw r = c->rv[*ri];
			size_t j = i;
			while (j < c->tk.n && c->tk.v[j].s < r.e)
				j++;
			size_t next = *ri + 1 < c->nr ? c->rv[*ri + 1].s : (size_t)-1;
			for (size_t l = MAX_WORDS; l > j - i; l--) {
				if (i + l > c->tk.n || !all_words(c, i, i + l) || c->tk.v[i + l - 1].e > next)
					continue;
				char *k = join_keys(c, i, i + l);
				if (!k)
					return -1;
				size_t si = surf_find(c, k);
				free(k);
				if (si != NO_SURF && voted(&c->sv[si]) &&
				    surf_type(&c->sv[si]) == surf_type(&c->sv[r.surf])) {
					r.e = c->tk.v[i + l - 1].e;
					r.surf = si;
					j = i + l;
					break;
				}
			}
			size_t per, rest, head = body_person_head(c, i, j, &per, &rest);
			if (head) {
				if (pk_grow(mv, mcap, *nm + 1, sizeof **mv, 64) < 0)
					return -1;
				(*mv)[(*nm)++] = (pk_mention){ r.s, c->tk.v[i + head - 1].e,
							       PK_ENT_PER, per };
				/* the rest is this raw mention now, seen again */
				c->rv[*ri].s = c->tk.v[i + head].s;
				c->rv[*ri].e = r.e;
				c->rv[*ri].surf = rest;
				i += head;
				continue;
			}
			/* a person's name that runs into a known place or body
			 * (व्लादिमीर पुतिन वोस्तोचन of व्लादिमीर पुतिन वोस्तोचन
			 * कोस्मोड्रोम) ends before it */
			size_t cut = person_cut(c, i, j);
			if (cut) {
				char *k = join_keys(c, i, i + cut);
				if (!k)
					return -1;
				size_t si = surf_get(c, k, cut, c->tk.v[i].s, c->tk.v[i + cut - 1].e);
				if (si == NO_SURF)
					return -1;
				if (!voted(&c->sv[si]))
					c->sv[si].votes[PK_ENT_PER]++;
				if (first_add(c, c->sv[si].key, cut) < 0)
					return -1;
				if (c->sv[si].s == c->sv[si].e) {  /* a part: now written here */
					c->sv[si].s = c->tk.v[i].s;
					c->sv[si].e = c->tk.v[i + cut - 1].e;
				}
				r.e = c->tk.v[i + cut - 1].e;
				r.surf = si;
				j = i + cut;
			}
			if (pk_grow(mv, mcap, *nm + 1, sizeof **mv, 64) < 0)
				return -1;
			(*mv)[(*nm)++] = (pk_mention){ r.s, r.e, PK_ENT_PER, r.surf };
			i = j;
			(*ri)++;
			continue;
		}
		size_t hit = NO_SURF, len = 0;
		size_t next_raw = *ri < c->nr ? c->rv[*ri].s : (size_t)-1;
		size_t most = c->keys[i] ? first_words(c, c->keys[i]) : 0;
		for (size_t l = most; l >= 1 && hit == NO_SURF; l--) {
			if (i + l > c->tk.n || !all_words(c, i, i + l))
				continue;
			/* it may swallow a tagged span of its type that it holds
			 * whole (वोस्तोचन + the tagger's कोस्मोड्रोम) */
			size_t end = c->tk.v[i + l - 1].e;
			bool over = end > next_raw;
			if (over && c->rv[*ri].e > end)
				continue;
			char *k = join_keys(c, i, i + l);
			if (!k)
				return -1;
			size_t si = surf_find(c, k);
			free(k);
			if (si == NO_SURF || !(voted(&c->sv[si]) || c->sv[si].part))
				continue;
			if (over && surf_type(&c->sv[si]) != surf_type(&c->sv[c->rv[*ri].surf]))
				continue;
			hit = si;
			len = l;
		}
		if (hit == NO_SURF) {
			i++;
			continue;
		}
		while (*ri < c->nr && c->rv[*ri].e <= c->tk.v[i + len - 1].e)
			(*ri)++;
		if (pk_grow(mv, mcap, *nm + 1, sizeof **mv, 64) < 0)
			return -1;
		(*mv)[(*nm)++] = (pk_mention){ t->s, c->tk.v[i + len - 1].e, PK_ENT_PER, hit };
		i += len;
	}
	return 0;
}

/* The root surface of x: the full name it is part of, transitively. */
static size_t
root(const ectx *c, size_t x)
{
	for (int guard = 0; c->sv[x].parent != NO_SURF && guard < MAX_WORDS; guard++)
		x = c->sv[x].parent;
	return x;
}

static void
ectx_free(ectx *c)
{
	for (size_t i = 0; i < c->ns; i++) {
		free(c->sv[i].key);
		free(c->sv[i].name);
	}
	free(c->sv);
	free(c->slot);
	free(c->rv);
	for (size_t b = 0; b < c->nb; b++) {
		free(c->bv[b].tk.v);
		free(c->bv[b].keys);
		free(c->bv[b].sp);
	}
	free(c->bv);
	for (size_t i = 0; i < c->fwcap; i++)
		free(c->fw[i].key);
	free(c->fw);
	free(c->fv);
}

/* Index the entities' keys (open addressing, entity index + 1); -1 when
 * out of memory. */
static int
index_keys(pk_entities *e)
{
	size_t n = 16;
	while (n < 2 * e->ne)
		n *= 2;
	if (!(e->slot_ = calloc(n, sizeof *e->slot_)))
		return -1;
	e->nslot_ = n;
	for (size_t i = 0; i < e->ne; i++) {
		size_t h = hash_str(e->e[i].key_) & (n - 1);
		while (e->slot_[h])
			h = (h + 1) & (n - 1);
		e->slot_[h] = i + 1;
	}
	return 0;
}

/*
 * A mention's text may hold controls (a NUL, a line break between its
 * words: the fuzzer found `बै NUL... LF ठक`); as a C string a NUL cut the
 * name short, so that it no longer matched its own key and a speaker of
 * that name found no entity.  Each run of controls and spaces becomes one
 * space, as folding makes it; the ends are trimmed.  @p n is the length
 * with any NULs.
 */
static void
name_tidy(char *s, size_t n)
{
	size_t k = 0;
	bool gap = false;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint32_t c = pk_decode(s, n, &j);
		/* a gap is whatever the word tokens are split at: a control, a
		 * space of any kind (the no-break space of text copied from the
		 * web), U+FEFF, a C1 control */
		if (c == 0 || (qc_class(c) & CC_SPACE) || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
			gap = k > 0;
			i = j;
			continue;
		}
		if (gap)
			s[k++] = ' ';
		gap = false;
		memmove(s + k, s + i, j - i);
		k += j - i;
		i = j;
	}
	s[k] = 0;
}

/* The pass as a job a slice at a time (entities.h): pass 1 tags block
 * after block (1a) and votes on it (1b), then the surfaces are linked at
 * once (cheap: one entry per distinct name), then pass 3 spreads them
 * block after block.  With the quotations to come, 1a runs over every
 * block first (J_TAG), the job waits for them (J_WAIT), and 1b follows
 * (J_VOTE). */
struct pk_entities_job {
	pk_doc *d;
	const pk_ner *ner;
	const pk_quotes *q;
	bool later;           /* q is to come (pk_entities_start_early) */
	ectx c;
	lexicon *L;           /* our own word lists, when q brings none */
	enum { J_TAG, J_WAIT, J_VOTE, J_SPREAD, J_DONE } phase;
	pk_block blk;         /* J_TAG: the next block to tag */
	bool more;            /* J_TAG: blk is one */
	size_t qi, ri, b, vb; /* the next quotation, raw mention, block to spread, to vote on */
	pk_mention *mv;
	size_t nm, mcap;
	pk_status st;         /* PK_OK, or the error that ended it */
};

static pk_entities_job *
job_new(pk_doc *d, const pk_ner *ner, const pk_quotes *q, bool later)
{
	pk_entities_job *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->d = d;
	j->ner = ner;
	j->q = q;
	j->later = later;
	j->c.s = pk_doc_input(d)->bytes;
	j->c.ner = ner;
	/* the quotations' word lists, or our own (the same lists) when there
	 * are none yet */
	j->L = q && q->lex_ ? NULL : lex_new();
	if (!(j->c.lex = j->L ? j->L : q ? q->lex_ : NULL)) {
		free(j);
		return NULL;
	}
	j->more = pk_doc_first(d, &j->blk);
	return j;
}

pk_entities_job *
pk_entities_start(pk_doc *d, const pk_ner *ner, const pk_quotes *q)
{
	return job_new(d, ner, q, false);
}

pk_entities_job *
pk_entities_start_early(pk_doc *d, const pk_ner *ner)
{
	return job_new(d, ner, NULL, true);
}

void
pk_entities_quotes(pk_entities_job *j, const pk_quotes *q)
{
	j->q = q;
	j->later = false;
	if (j->phase == J_WAIT)
		j->phase = J_VOTE;
}

/* Pass 1 is over: link the surfaces. */
static void
tagged(pk_entities_job *j)
{
	if (link_parts(&j->c) < 0 || index_firsts(&j->c) < 0)
		j->st = PK_ERR_NOMEM;
	j->phase = J_SPREAD;
}

pk_status
pk_entities_step(pk_entities_job *j, size_t budget, bool *done)
{
	size_t used = 0;
	*done = false;
	while (j->st == PK_OK && j->phase == J_TAG && used < budget) {
		if (!j->more) {
			if (j->later)
				j->phase = J_WAIT;
			else if (j->vb < j->c.nb)
				j->phase = J_VOTE;  /* given while it tagged */
			else
				tagged(j);
			break;
		}
		if (tag_block(&j->c, j->d, &j->blk, j->ner) < 0 ||
		    (!j->later && j->vb + 1 == j->c.nb &&
		     vote_block(&j->c, j->vb++, j->q, &j->qi) < 0))
			j->st = PK_ERR_NOMEM;
		used += j->blk.end - j->blk.start + 1;
		j->more = pk_doc_next(j->d, &j->blk, &j->blk);
	}
	while (j->st == PK_OK && j->phase == J_VOTE && used < budget) {
		if (j->vb == j->c.nb) {
			tagged(j);
			break;
		}
		if (vote_block(&j->c, j->vb, j->q, &j->qi) < 0)
			j->st = PK_ERR_NOMEM;
		used += j->c.bv[j->vb].end - j->c.bv[j->vb].start + 1;
		j->vb++;
	}
	while (j->st == PK_OK && j->phase == J_SPREAD && used < budget) {
		if (j->b == j->c.nb) {
			j->phase = J_DONE;
			break;
		}
		block_again(&j->c, j->b);
		if (spread_block(&j->c, &j->ri, &j->mv, &j->nm, &j->mcap) < 0)
			j->st = PK_ERR_NOMEM;
		/* about as much work as tagging the block's bytes was not: a token
		 * is a few bytes */
		used += j->c.tk.n * 4 + 1;
		j->b++;
	}
	*done = j->st != PK_OK || j->phase == J_DONE;
	return j->st;
}

pk_status
pk_entities_finish(pk_entities_job *j, pk_entities *out)
{
	ectx *c = &j->c;
	pk_mention *mv = j->mv;
	size_t nm = j->nm, ecap = 0;
	pk_status st = j->st == PK_OK && j->phase != J_DONE ? PK_ERR_NOMEM : j->st;

	memset(out, 0, sizeof *out);
	if (st != PK_OK)
		return st;
	st = PK_ERR_NOMEM;
	/* two parts of one person's name written one after the other (the
	 * tagger's मुख्तार | अब्बास नकवी) are one mention of the name, when
	 * together they are the name as the article writes it in full (not
	 * लंबी लंबी, not a title before a name) */
	size_t w = 0;
	for (size_t i = 0; i < nm; i++) {
		size_t r = root(c, mv[i].entity);
		const surf *R = &c->sv[r];
		/* the name the entity is given below */
		const char *full = R->name ? R->name : R->s < R->e ? c->s + R->s : NULL;
		size_t flen = R->name ? strlen(R->name) : R->e - R->s;
		if (w > 0 && full && root(c, mv[w - 1].entity) == r && surf_type(R) == PK_ENT_PER &&
		    mv[i].start == mv[w - 1].end + 1 && c->s[mv[w - 1].end] == ' ' &&
		    mv[i].end - mv[w - 1].start == flen &&
		    memcmp(c->s + mv[w - 1].start, full, flen) == 0) {
			mv[w - 1].end = mv[i].end;
			mv[w - 1].entity = r;
			continue;
		}
		mv[w++] = mv[i];
	}
	nm = w;
	/* entities: one per root surface, in order of first mention */
	for (size_t i = 0; i < nm; i++) {
		size_t r = root(c, mv[i].entity);
		surf *R = &c->sv[r];
		if (R->ent == NO_SURF) {
			if (pk_grow(&out->e, &ecap, out->ne + 1, sizeof *out->e, 16) < 0)
				goto done;
			UErrorCode err = U_ZERO_ERROR;
			pk_entity *E = &out->e[out->ne];
			memset(E, 0, sizeof *E);
			/* a part made from a full name has no text of its own: its
			 * first mention is its name */
			size_t ns = R->s < R->e ? R->s : mv[i].start, ne = R->s < R->e ? R->e : mv[i].end;
			size_t nlen = 0;
			E->name = R->name ? pk_nfc(R->name, strlen(R->name), &nlen, &err)
			                  : pk_nfc(c->s + ns, ne - ns, &nlen, &err);
			if (E->name)
				name_tidy(E->name, nlen);
			/* tidied as the name is, so that the name finds its key (a
			 * speaker's name may hold a line break) */
			if ((E->key_ = strdup(R->key)))
				name_tidy(E->key_, strlen(E->key_));
			if (!E->name || !E->key_) {
				free(E->name);
				free(E->key_);
				st = E->name ? PK_ERR_NOMEM : PK_ERR_ICU;
				goto done;
			}
			E->type = surf_type(R);
			E->first = i;
			R->ent = out->ne++;
		}
		mv[i].entity = R->ent;
		mv[i].type = out->e[R->ent].type;
		out->e[R->ent].mentions++;
	}
	out->m = mv;
	out->nm = nm;
	j->mv = NULL;
	if (index_keys(out) < 0)
		goto done;
	st = PK_OK;
done:
	if (st != PK_OK)
		pk_entities_free(out);
	return st;
}

void
pk_entities_job_free(pk_entities_job *j)
{
	if (!j)
		return;
	free(j->mv);
	ectx_free(&j->c);
	lex_free(j->L);
	free(j);
}

pk_status
pk_entities_find(pk_doc *d, const pk_ner *ner, const pk_quotes *q, pk_entities *out)
{
	pk_entities_job *j = pk_entities_start(d, ner, q);
	bool done = false;
	memset(out, 0, sizeof *out);
	if (!j)
		return PK_ERR_NOMEM;
	while (!done)
		pk_entities_step(j, SIZE_MAX, &done);
	pk_status st = pk_entities_finish(j, out);
	pk_entities_job_free(j);
	return st;
}

/* The key of a name as entities' keys are made: tidied (a line break or a
 * no-break space between words is one space), folded, tidied again; NULL
 * when out of memory. */
static char *
tidy_fold(const char *name)
{
	char *t = strdup(name);
	if (!t)
		return NULL;
	name_tidy(t, strlen(t));
	char *k = pk_fold(t, strlen(t), NULL);
	free(t);
	/* and again: folding drops ZWJ and ZWNJ, and a name that began with
	 * them (the fuzzer's ZWJ ZWNJ RRRR) kept a space at its start */
	if (k)
		name_tidy(k, strlen(k));
	return k;
}

size_t
pk_entities_lookup(const pk_entities *e, const char *name)
{
	size_t r = (size_t)-1;
	if (!e->nslot_)
		return r;
	char *k = tidy_fold(name);
	if (!k)
		return r;
	for (size_t h = hash_str(k) & (e->nslot_ - 1); e->slot_[h]; h = (h + 1) & (e->nslot_ - 1))
		if (!strcmp(e->e[e->slot_[h] - 1].key_, k)) {
			r = e->slot_[h] - 1;
			break;
		}
	free(k);
	return r;
}

/* Is one of entity k's mentions within WINDOW bytes of @p at written as
 * @p name?  (The mentions are in document order.) */
static bool
written_as(const pk_entities *e, const pk_doc *d, size_t k, const char *name, size_t at)
{
	const char *s = pk_doc_input(d)->bytes;
	size_t l = strlen(name), lo = 0, hi = e->nm;
	size_t from = at > WINDOW ? at - WINDOW : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->m[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < e->nm && e->m[i].start <= at + WINDOW; i++)
		if (e->m[i].entity == k && e->m[i].end - e->m[i].start == l &&
		    !memcmp(s + e->m[i].start, name, l))
			return true;
	return false;
}

/* The entity of the last person (or, with none, organisation) mentioned
 * inside bytes [a, b), or (size_t)-1: in `हसन रहानी के प्रतिनिधि महमूद
 * वैजी` the head of the phrase comes last. */
static size_t
named_in(const pk_entities *e, size_t a, size_t b)
{
	size_t lo = 0, hi = e->nm, per = (size_t)-1, org = (size_t)-1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->m[mid].end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < e->nm && e->m[i].start < b; i++) {
		if (e->m[i].start < a || e->m[i].end > b)
			continue;
		if (e->m[i].type == PK_ENT_PER)
			per = e->m[i].entity;
		else if (e->m[i].type == PK_ENT_ORG)
			org = e->m[i].entity;
	}
	return per != (size_t)-1 ? per : org;
}

/* Is every word of folded key @p a a word of folded key @p b? */
static bool
words_within(const char *a, const char *b)
{
	for (const char *p = a; *p;) {
		const char *sp = strchr(p, ' ');
		size_t l = sp ? (size_t)(sp - p) : strlen(p);
		bool found = false;
		for (const char *q = b; *q && !found;) {
			const char *sq = strchr(q, ' ');
			size_t m = sq ? (size_t)(sq - q) : strlen(q);
			found = m == l && !memcmp(p, q, l);
			q = sq ? sq + 1 : q + m;
		}
		if (!found)
			return false;
		p = sp ? sp + 1 : p + l;
	}
	return true;
}

/* The one person whose name holds the words of @p name and who is written
 * so near @p at (the attributor resolved a pronoun to नरगिस; the article
 * names her नरगिस फ़करी once), or -1: none, or more than one. */
static size_t
part_of(const pk_entities *e, const pk_doc *d, const char *name, size_t at)
{
	char *sk = tidy_fold(name);
	size_t r = (size_t)-1;
	if (!sk)
		return r;
	for (size_t i = 0; i < e->ne; i++) {
		if (e->e[i].type != PK_ENT_PER || !strcmp(sk, e->e[i].key_) ||
		    !words_within(sk, e->e[i].key_) || !written_as(e, d, i, name, at))
			continue;
		if (r != (size_t)-1) {
			r = (size_t)-1;
			break;
		}
		r = i;
	}
	free(sk);
	return r;
}

pk_status
pk_entities_link_speakers(pk_entities *e, const pk_doc *d, pk_quotes *q)
{
	for (size_t i = 0; i < e->ne; i++)
		e->e[i].quotes = 0;
	for (size_t i = 0; i < q->n; i++) {
		pk_quote *x = &q->v[i];
		size_t k = (size_t)-1;
		x->speaker_entity = PK_QUOTE_NONE;
		if (x->speaker)
			k = pk_entities_lookup(e, x->speaker);
		bool direct = k != (size_t)-1;
		/* a place of the same name does not speak (the tagger may type an
		 * organisation as one: पंजाबी महासभा) */
		if (k != (size_t)-1 && e->e[k].type != PK_ENT_PER && e->e[k].type != PK_ENT_ORG)
			k = (size_t)-1;
		if (k == (size_t)-1 && x->mention_start != PK_QUOTE_NONE)
			k = named_in(e, x->mention_start, x->mention_end);
		if (k == (size_t)-1 && x->speaker && !strchr(x->speaker, ' '))
			k = part_of(e, d, x->speaker, x->start);
		if (k == (size_t)-1)
			continue;
		if (x->speaker && strcmp(x->speaker, e->e[k].name)) {
			/* the attributor's name gives way only to a fuller form of
			 * itself (पुतिन → व्लादिमीर पुतिन); another person, or a
			 * shorter or different spelling, leaves it as it is */
			char *sk = tidy_fold(x->speaker);
			if (!sk)
				return PK_ERR_NOMEM;
			/* or the entity pass found it the entity's name with a
			 * descriptor before it (पोते मंडला मंडेला → मंडला मंडेला):
			 * written so, it is one of the entity's mentions */
			size_t ls = strlen(sk), lk = strlen(e->e[k].key_);
			bool fuller = words_within(sk, e->e[k].key_) ||
				      (!direct && ls > lk + 1 && sk[ls - lk - 1] == ' ' &&
				       !strcmp(sk + ls - lk, e->e[k].key_) &&
				       written_as(e, d, k, x->speaker, x->mention_start));
			free(sk);
			if (!fuller)
				continue;
		}
		if (!x->speaker || strcmp(x->speaker, e->e[k].name)) {
			char *n = strdup(e->e[k].name);
			if (!n)
				return PK_ERR_NOMEM;
			free(x->speaker);
			x->speaker = n;
		}
		x->speaker_entity = k;
		e->e[k].quotes++;
	}
	return PK_OK;
}

void
pk_entities_free(pk_entities *e)
{
	for (size_t i = 0; i < e->ne; i++) {
		free(e->e[i].name);
		free(e->e[i].key_);
	}
	free(e->e);
	free(e->m);
	free(e->slot_);
	memset(e, 0, sizeof *e);
}
