/*
 * translit.c - romanized view of Devanagari with Hindi schwa deletion.
 *
 * Pipeline for one call:
 *   1. decode [start, end) with pk_decode(), copying non-Devanagari through;
 *   2. parse each Devanagari run into aksharas (consonant cluster, vowel sign
 *      or inherent vowel or virama, then anusvara/chandrabindu/visarga);
 *   3. per word, decide which inherent vowels are silent (see translit.h);
 *   4. emit each consonant as its own ICU "unit" (consonant + virama, or
 *      consonant + vowel sign, or bare consonant for a pronounced schwa), so
 *      every output byte knows the input code point it came from.
 * ICU (Devanagari-Latin, then for ASCII a small fold transliterator ending in
 * Latin-ASCII) is called once per distinct unit; results are cached in the
 * context, so steady-state cost is a hash look-up per akshara.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <uchar.h>

#include <unicode/utf8.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "translit.h"
#include "grow.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* Devanagari code points                                              */

#define DV_CANDRABINDU_INV 0x0900
#define DV_CANDRABINDU     0x0901
#define DV_ANUSVARA        0x0902
#define DV_VISARGA         0x0903
#define DV_NUKTA           0x093C
#define DV_VIRAMA          0x094D
#define DV_KA   0x0915
#define DV_NGA  0x0919
#define DV_CA   0x091A
#define DV_CHA  0x091B
#define DV_JA   0x091C
#define DV_NYA  0x091E
#define DV_NNA  0x0923
#define DV_NA   0x0928
#define DV_MA   0x092E
#define DV_YA   0x092F
#define DV_RA   0x0930
#define DV_LA   0x0932
#define DV_VA   0x0935
#define DV_HA   0x0939
#define ZWNJ 0x200C
#define ZWJ  0x200D

static bool
is_deva(uint32_t c)
{
	return (c >= 0x0900 && c <= 0x097F) || (c >= 0xA8E0 && c <= 0xA8FF);
}

static bool
is_zw(uint32_t c)
{
	return c == ZWNJ || c == ZWJ;
}

static bool
is_cons(uint32_t c)
{
	return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F) ||
	       (c >= 0x0978 && c <= 0x097F);
}

/* Dependent vowel signs (not nukta 093C, avagraha 093D, virama 094D). */
static bool
is_matra(uint32_t c)
{
	return c == 0x093A || c == 0x093B || (c >= 0x093E && c <= 0x094C) ||
	       c == 0x094E || c == 0x094F || (c >= 0x0955 && c <= 0x0957) ||
	       c == 0x0962 || c == 0x0963;
}

static bool
is_indep_vowel(uint32_t c)
{
	return (c >= 0x0904 && c <= 0x0914) || c == 0x0960 || c == 0x0961 ||
	       (c >= 0x0972 && c <= 0x0977);
}

static bool
is_mod(uint32_t c)
{
	return c >= DV_CANDRABINDU_INV && c <= DV_VISARGA;
}

/* Short vowels (inherent a, i, u, vocalic r; signs and letters): after them
 * ASCII writes anusvara as the homorganic nasal (कुंभ kumbh), after a long
 * vowel as n (गांव ganv). */
static bool
is_short_vowel(uint32_t c)
{
	return c == 0x093F || c == 0x0941 || c == 0x0943 ||
	       c == 0x0905 || c == 0x0907 || c == 0x0909 || c == 0x090B;
}

/* The base consonant of a precomposed nukta letter (क़ -> क), else c. */
static uint32_t
cons_base(uint32_t c)
{
	static const uint16_t base[8] = {
		0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F
	};
	return (c >= 0x0958 && c <= 0x095F) ? base[c - 0x0958] : c;
}

/* The nasal consonant that anusvara stands for before consonant c (a base
 * consonant, nukta dropped), or 0 when there is none (before य र ल व श ष स ह). */
static uint32_t
homorganic_nasal(uint32_t c, bool nukta)
{
	if (c >= 0x0915 && c <= 0x0919)
		return DV_NGA;
	if (c >= 0x091A && c <= 0x091E)
		return (c == DV_JA && nukta) ? DV_NA : DV_NYA;   /* ज़ is z */
	if (c >= 0x091F && c <= 0x0923)
		return DV_NNA;
	if (c >= 0x0924 && c <= 0x0928)
		return DV_NA;
	if (c >= 0x092A && c <= 0x092E)
		return DV_MA;
	return 0;
}

/* Frequent second members of Hindi compounds (and the suffixes -करण, -वती,
 * -वादी).  Ohala's rule does not see morpheme boundaries: in राष्ट्रपति it
 * deletes the 'a' of प (rashtrapti) where Hindi keeps it (rashtrapati).  A
 * word ending in one of these, after at least one more akshara, gets schwa
 * deletion on the two parts separately: लोक|सभा loksabha, आतंक|वाद atankvad,
 * अर्थ|व्यवस्था arthvyavastha.  Only exact word ends are recognised (not
 * inflected forms such as सभाओं). */
static const char16_t *const compound_members[] = {
	u"सभा", u"पति", u"पत्नी", u"वाद", u"वादी", u"नगर", u"करण", u"वती",
	u"शास्त्र", u"व्यवस्था", u"मंत्री", u"मंत्रालय",
};

/* ------------------------------------------------------------------ */
/* The context                                                          */

#define KEYMAX 6      /* longest cached unit, in UTF-16 units */
#define VALMAX 26     /* longest cached result, in bytes */
#define CACHE_CAP 1024u

typedef struct centry {
	UChar key[KEYMAX];
	unsigned char klen;   /* 0: empty slot */
	unsigned char vlen;
	char val[VALMAX];
} centry;

typedef struct cpinfo {
	uint32_t cp;
	size_t off;           /* absolute offset of its first byte */
} cpinfo;

enum { AK_CONS, AK_VOWEL, AK_OTHER };
enum { V_INHERENT, V_MATRA, V_VIRAMA };

#define MAXCONS 8

typedef struct akshara {
	unsigned char kind;   /* AK_* */
	unsigned char vow;    /* V_*, for AK_CONS */
	unsigned char ncons;
	bool del;             /* the inherent vowel is silent */
	size_t cons[MAXCONS]; /* cps index of each consonant */
	size_t vidx;          /* cps index of the vowel sign, virama, vowel or other */
	size_t mod0, nmod;    /* cps indices of the following signs */
} akshara;

typedef struct seg {
	char type;            /* 'C' consonant, 'V' vowel, 'S' schwa, 'D' deleted schwa */
	size_t ak;            /* owning akshara */
} seg;

struct pk_translit {
	pk_roman_style style;
	UTransliterator *dev;   /* Devanagari-Latin */
	UTransliterator *fold;  /* ASCII fold, NULL for ISO */
	centry *cache;
	size_t cache_n;
	cpinfo *cps;
	size_t ncps, cap_cps;
	akshara *aks;
	size_t naks, cap_aks;
	seg *segs;
	size_t cap_segs;
	char scratch[256];      /* uncacheable results */
	/* output of the current call */
	char *out;
	size_t *map;
	size_t olen, ocap;
	bool want_map;
	bool oom;
	/* emission state within a word (ISO apostrophes) */
	bool after_vowel;       /* the last thing emitted ends in a vowel */
	bool after_dead_stop;   /* the last thing emitted is a dead unaspirated stop */
};

/* Rules applied to ICU's ISO 15919 output of one unit for PK_ROMAN_ASCII.
 * Kept to what Latin-ASCII would get wrong for Hindi. */
static const char fold_rules[] =
	"::NFC ;"
	"\\u1E35\\u1E96 > kh ;"            /* ḵẖ  ख़ */
	"\\u0121 > gh ;"                   /* ġ   ग़ */
	"\\u015B > sh ; \\u1E63 > sh ;"    /* ś ṣ श ष */
	"ch > chh ; c > ch ;"              /* छ च */
	"\\u1E5B > d ;"                    /* ṛ   ड़ (ṛh ढ़ -> dh) */
	"r\\u0325\\u0304 > ri ; r\\u0325 > ri ;"   /* r̥̄ r̥ ॠ ऋ */
	"l\\u0325\\u0304 > li ; l\\u0325 > li ;"
	"m\\u0310 > n ; \\u1E41 > n ;"     /* m̐ ṁ chandrabindu, anusvara */
	"\\' > ; \\u0314 > ; \\u0315 > ;"  /* ICU's apostrophes and marks */
	"::Latin-ASCII ;";

static UTransliterator *
open_id(const char *id, UErrorCode *e)
{
	UChar uid[64];
	u_uastrncpy(uid, id, 63);
	uid[63] = 0;
	return utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, e);
}

pk_translit *
pk_translit_new(pk_roman_style style, pk_status *err)
{
	pk_translit *t = calloc(1, sizeof *t);
	UErrorCode e = U_ZERO_ERROR;

	if (t == NULL || (t->cache = calloc(CACHE_CAP, sizeof *t->cache)) == NULL) {
		free(t);
		if (err)
			*err = PK_ERR_NOMEM;
		return NULL;
	}
	t->style = style;
	t->dev = open_id("Devanagari-Latin", &e);
	if (U_SUCCESS(e) && style == PK_ROMAN_ASCII) {
		UChar rules[sizeof fold_rules];
		UChar id[] = { 'p', 'k', '-', 'f', 'o', 'l', 'd', 0 };
		UParseError pe;
		u_uastrcpy(rules, fold_rules);
		t->fold = utrans_openU(id, -1, UTRANS_FORWARD, rules, -1, &pe, &e);
	}
	if (U_FAILURE(e)) {
		pk_translit_free(t);
		if (err)
			*err = e == U_MEMORY_ALLOCATION_ERROR ? PK_ERR_NOMEM : PK_ERR_ICU;
		return NULL;
	}
	if (err)
		*err = PK_OK;
	return t;
}

void
pk_translit_free(pk_translit *t)
{
	if (t == NULL)
		return;
	if (t->dev)
		utrans_close(t->dev);
	if (t->fold)
		utrans_close(t->fold);
	free(t->cache);
	free(t->cps);
	free(t->aks);
	free(t->segs);
	free(t);
}

pk_roman_style
pk_translit_style(const pk_translit *t)
{
	return t->style;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Append n bytes of p, all mapped to input offset off. */
static void
emit(pk_translit *t, const char *p, size_t n, size_t off)
{
	if (n == 0 || t->oom)
		return;
	if (t->olen + n + 1 > t->ocap) {
		size_t cap = t->ocap;
		void *o = t->out;
		if (pk_grow(&o, &cap, t->olen + n + 1, 1, 16) < 0) {
			t->oom = true;
			return;
		}
		t->out = o;
		if (t->want_map) {
			size_t mcap = t->ocap;
			void *m = t->map;
			if (pk_grow(&m, &mcap, cap, sizeof(size_t), 16) < 0) {
				t->oom = true;
				return;
			}
			t->map = m;
		}
		t->ocap = cap;
	}
	memcpy(t->out + t->olen, p, n);
	if (t->want_map)
		for (size_t i = 0; i < n; i++)
			t->map[t->olen + i] = off;
	t->olen += n;
}

static uint32_t
hash_key(const UChar *k, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= k[i];
		h *= 16777619u;
	}
	return h;
}

/* ICU on one unit, uncached, into buf (size cap).  Returns the length, or
 * (size_t)-1 on error. */
static size_t
transliterate_unit(pk_translit *t, const UChar *key, size_t klen, char *buf,
                   size_t cap)
{
	UChar u[64];
	int32_t len = (int32_t)klen, lim = (int32_t)klen, olen = 0;
	UErrorCode e = U_ZERO_ERROR;

	memcpy(u, key, klen * sizeof *u);
	utrans_transUChars(t->dev, u, &len, 64, 0, &lim, &e);
	if (U_SUCCESS(e) && t->fold) {
		lim = len;
		utrans_transUChars(t->fold, u, &len, 64, 0, &lim, &e);
	}
	if (U_SUCCESS(e))
		u_strToUTF8(buf, (int32_t)cap, &olen, u, len, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		return (size_t)-1;
	return (size_t)olen;
}

/* The romanization of one unit (at most KEYMAX code units).  The result lives
 * in the cache or in t->scratch until the next call. */
static const char *
unit(pk_translit *t, const UChar *key, size_t klen, size_t *len)
{
	uint32_t h = hash_key(key, klen);
	size_t i = h & (CACHE_CAP - 1), n;
	centry *c;

	if (klen > KEYMAX)
		goto uncached;
	for (;;) {
		c = &t->cache[i];
		if (c->klen == 0)
			break;
		if (c->klen == klen && memcmp(c->key, key, klen * sizeof *key) == 0) {
			*len = c->vlen;
			return c->val;
		}
		i = (i + 1) & (CACHE_CAP - 1);
	}
	n = transliterate_unit(t, key, klen, t->scratch, sizeof t->scratch);
	if (n == (size_t)-1)
		goto fallback;
	/* Keep the table at most three quarters full; when it would fill up
	 * (only on text with unusual combinations), stop adding. */
	if (n <= VALMAX && t->cache_n < CACHE_CAP / 4 * 3) {
		memcpy(c->key, key, klen * sizeof *key);
		c->klen = (unsigned char)klen;
		memcpy(c->val, t->scratch, n);
		c->vlen = (unsigned char)n;
		t->cache_n++;
		*len = n;
		return c->val;
	}
	*len = n;
	return t->scratch;
uncached:
	n = transliterate_unit(t, key, klen, t->scratch, sizeof t->scratch);
	if (n != (size_t)-1) {
		*len = n;
		return t->scratch;
	}
fallback:
	/* ICU failed: show the Devanagari itself. */
	{
		int32_t ol = 0;
		UErrorCode e = U_ZERO_ERROR;
		u_strToUTF8(t->scratch, sizeof t->scratch, &ol, key, (int32_t)klen, &e);
		*len = U_SUCCESS(e) ? (size_t)ol : 0;
	}
	return t->scratch;
}

/* ------------------------------------------------------------------ */
/* Parsing a run of Devanagari into aksharas                            */

/* Parse cps [r0, r1) into t->aks.  Returns false when out of memory. */
static bool
parse_run(pk_translit *t, size_t r0, size_t r1)
{
	const cpinfo *cp = t->cps;
	size_t i = r0;

	t->naks = 0;
	while (i < r1) {
		akshara a;
		void *p = t->aks;

		memset(&a, 0, sizeof a);
		if (is_zw(cp[i].cp)) {   /* joiners outside a conjunct: ignored */
			i++;
			continue;
		}
		if (is_cons(cp[i].cp)) {
			a.kind = AK_CONS;
			for (;;) {
				a.cons[a.ncons++] = i++;
				if (i < r1 && cp[i].cp == DV_NUKTA)
					i++;
				if (i < r1 && cp[i].cp == DV_VIRAMA) {
					size_t j = i + 1;
					while (j < r1 && is_zw(cp[j].cp))
						j++;
					if (j < r1 && is_cons(cp[j].cp) && a.ncons < MAXCONS) {
						i = j;
						continue;
					}
					a.vow = V_VIRAMA;
					a.vidx = i;
					i = j;
				} else if (i < r1 && is_matra(cp[i].cp)) {
					a.vow = V_MATRA;
					a.vidx = i++;
				} else {
					a.vow = V_INHERENT;
				}
				break;
			}
		} else if (is_indep_vowel(cp[i].cp)) {
			a.kind = AK_VOWEL;
			a.vidx = i++;
		} else {
			a.kind = AK_OTHER;
			a.vidx = i++;
		}
		a.mod0 = i;
		if (a.kind != AK_OTHER)
			while (i < r1 && is_mod(cp[i].cp))
				i++;
		a.nmod = i - a.mod0;
		if (pk_grow(&p, &t->cap_aks, t->naks + 1, sizeof a, 16) < 0)
			return false;
		t->aks = p;
		t->aks[t->naks++] = a;
	}
	return true;
}

static bool
is_letter(const akshara *a)
{
	return a->kind == AK_CONS || a->kind == AK_VOWEL;
}

/* The vowel code point an akshara ends in, for the short-vowel test:
 * 0x0905 (अ) for an inherent vowel, 0 for none. */
static uint32_t
ak_vowel(const pk_translit *t, const akshara *a)
{
	if (a->kind == AK_VOWEL || (a->kind == AK_CONS && a->vow == V_MATRA))
		return t->cps[a->vidx].cp;
	if (a->kind == AK_CONS && a->vow == V_INHERENT)
		return 0x0905;
	return 0;
}

/* Is the consonant at cps index ci followed by a nukta? */
static bool
has_nukta(const pk_translit *t, size_t ci)
{
	return ci + 1 < t->ncps && t->cps[ci + 1].cp == DV_NUKTA;
}

/* Schwa deletion over the word aks [w0, w1). */
static bool
delete_schwas(pk_translit *t, size_t w0, size_t w1)
{
	size_t n = 0, nvowels = 0;

	for (size_t k = w0; k < w1; k++) {
		const akshara *a = &t->aks[k];
		uint32_t v = ak_vowel(t, a);
		void *p = t->segs;

		/* at most MAXCONS consonants, a vowel and nmod signs */
		if (pk_grow(&p, &t->cap_segs, n + MAXCONS + 1 + a->nmod, sizeof *t->segs, 16) < 0)
			return false;
		t->segs = p;
		if (a->kind == AK_CONS) {
			for (size_t c = 0; c < a->ncons; c++)
				t->segs[n++] = (seg){ 'C', k };
			if (a->vow == V_MATRA)
				t->segs[n++] = (seg){ 'V', k };
			else if (a->vow == V_INHERENT)
				t->segs[n++] = (seg){ a->nmod ? 'V' : 'S', k };
		} else {
			t->segs[n++] = (seg){ 'V', k };
		}
		if (a->kind == AK_CONS && a->vow != V_VIRAMA)
			nvowels++;
		else if (a->kind == AK_VOWEL)
			nvowels++;
		for (size_t m = 0; m < a->nmod; m++) {
			uint32_t s = t->cps[a->mod0 + m].cp;
			if (s == DV_VISARGA ||
			    (s == DV_ANUSVARA && (v == 0x0905) && k + 1 < w1 &&
			     t->aks[k + 1].kind == AK_CONS))
				t->segs[n++] = (seg){ 'C', k };
		}
	}
	if (n == 0)
		return true;

	/* 1. word-final schwa */
	if (t->segs[n - 1].type == 'S' && nvowels > 1) {
		akshara *a = &t->aks[t->segs[n - 1].ak];
		bool keep = false;
		if (a->ncons >= 2) {
			uint32_t last = cons_base(t->cps[a->cons[a->ncons - 1]].cp);
			uint32_t prev = cons_base(t->cps[a->cons[a->ncons - 2]].cp);
			keep = (last == DV_YA || last == DV_RA || last == DV_LA ||
			        last == DV_VA) && !(prev == DV_RA && last == DV_VA);
		}
		if (!keep) {
			a->del = true;
			t->segs[n - 1].type = 'D';
		}
	}
	/* 2. Ohala: V C _ C V, right to left */
	for (size_t i = n; i-- > 2;) {
		if (t->segs[i].type != 'S' || i + 2 >= n)
			continue;
		if (t->segs[i - 1].type == 'C' &&
		    (t->segs[i - 2].type == 'V' || t->segs[i - 2].type == 'S') &&
		    t->segs[i + 1].type == 'C' &&
		    (t->segs[i + 2].type == 'V' || t->segs[i + 2].type == 'S')) {
			t->segs[i].type = 'D';
			t->aks[t->segs[i].ak].del = true;
		}
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Emission                                                             */

static bool
ends_in_vowel(const char *p, size_t n)
{
	/* ICU's Latin output: a vowel letter, possibly with a macron or breve
	 * (both encode as 2-byte sequences after NFC), or m̐ / ṁ for a nasal. */
	unsigned char c;
	if (n == 0)
		return false;
	c = (unsigned char)p[n - 1];
	if (c < 0x80)
		return c != 0 && strchr("aeiou", c) != NULL;
	/* ā ī ū ē ō ŏ ĕ: Latin Extended-A, encoded C4/C5 xx */
	return n >= 2 && ((unsigned char)p[n - 2] == 0xC4 || (unsigned char)p[n - 2] == 0xC5);
}

/* Does ICU's Latin output end in an unaspirated stop (k g c j t d p b ṭ ḍ),
 * so that a following h needs an apostrophe in ISO style (क्ह k'ha)? */
static bool
ends_in_stop(const char *p, size_t n)
{
	if (n == 0)
		return false;
	if (p[n - 1] != 0 && strchr("kgcjtdpb", p[n - 1]) != NULL)
		return true;
	/* ḍ U+1E0D = E1 B8 8D, ṭ U+1E6D = E1 B9 AD */
	return n >= 3 && (unsigned char)p[n - 3] == 0xE1 &&
	       (((unsigned char)p[n - 2] == 0xB8 && (unsigned char)p[n - 1] == 0x8D) ||
	        ((unsigned char)p[n - 2] == 0xB9 && (unsigned char)p[n - 1] == 0xAD));
}

/* Emit akshara aks[k] of a word ending at aks index w1. */
static void
emit_akshara(pk_translit *t, size_t k, size_t w1)
{
	const akshara *a = &t->aks[k];
	const cpinfo *cp = t->cps;
	bool ascii = t->style == PK_ROMAN_ASCII;
	UChar key[KEYMAX];
	size_t len;
	const char *s;

	if (a->kind == AK_OTHER) {
		if (is_zw(cp[a->vidx].cp))
			return;
		key[0] = (UChar)cp[a->vidx].cp;   /* all in the BMP */
		s = unit(t, key, 1, &len);
		emit(t, s, len, cp[a->vidx].off);
		t->after_vowel = t->after_dead_stop = false;
		return;
	}

	if (a->kind == AK_VOWEL) {
		key[0] = (UChar)cp[a->vidx].cp;
		s = unit(t, key, 1, &len);
		if (!ascii && t->after_vowel)
			emit(t, "'", 1, cp[a->vidx].off);
		emit(t, s, len, cp[a->vidx].off);
		t->after_vowel = ends_in_vowel(s, len);
		t->after_dead_stop = false;
	} else {
		bool gy = false;
		for (size_t c = 0; c < a->ncons; c++) {
			size_t ci = a->cons[c], kl = 0, dlen, plen;
			uint32_t cc = cp[ci].cp;
			bool nukta = has_nukta(t, ci), last = c + 1 == a->ncons;
			bool dead = !last || a->vow == V_VIRAMA ||
			            (a->vow == V_INHERENT && a->del);
			char buf[sizeof t->scratch];

			key[kl++] = (UChar)cc;
			if (nukta)
				key[kl++] = DV_NUKTA;
			if (ascii && !last && !nukta) {
				uint32_t next = cp[a->cons[c + 1]].cp;
				if (cc == DV_JA && next == DV_NYA) {     /* ज्ञ gy */
					emit(t, "g", 1, cp[ci].off);
					gy = true;
					continue;
				}
				if (cc == DV_CA && next == DV_CHA)       /* च्छ chh */
					continue;
			}
			/* the dead form, for splitting consonant from vowel sign */
			key[kl] = DV_VIRAMA;
			s = unit(t, key, kl + 1, &dlen);
			memcpy(buf, s, dlen);   /* dlen <= sizeof t->scratch */
			if (dead) {
				kl++;
				len = dlen;
				plen = dlen;
			} else {
				if (a->vow == V_MATRA)
					key[kl++] = (UChar)cp[a->vidx].cp;
				s = unit(t, key, kl, &len);
				plen = (len >= dlen && memcmp(s, buf, dlen) == 0) ? dlen : len;
				memcpy(buf, s, len);
			}
			if (ascii && len > 0) {
				if (gy && c > 0 && buf[0] == 'n')
					buf[0] = 'y';
				if (cons_base(cc) == DV_VA && c > 0 && buf[0] == 'v' &&
				    cons_base(cp[a->cons[c - 1]].cp) != DV_RA)
					buf[0] = 'w';
			}
			if (!ascii && len > 0 && buf[0] == 'h' && t->after_dead_stop)
				emit(t, "'", 1, cp[ci].off);
			emit(t, buf, plen, cp[ci].off);
			emit(t, buf + plen, len - plen,
			     a->vow == V_MATRA && last ? cp[a->vidx].off : cp[ci].off);
			t->after_dead_stop = dead && ends_in_stop(buf, len);
			t->after_vowel = !dead && ends_in_vowel(buf, len);
		}
	}

	for (size_t m = 0; m < a->nmod; m++) {
		size_t mi = a->mod0 + m, kl = 0;
		uint32_t sc = cp[mi].cp;
		if (sc == DV_ANUSVARA) {
			uint32_t nasal = 0;
			if (k + 1 < w1 && t->aks[k + 1].kind == AK_CONS) {
				size_t ni = t->aks[k + 1].cons[0];
				uint32_t nc = cons_base(cp[ni].cp);
				bool nk = has_nukta(t, ni) || nc != cp[ni].cp;
				nasal = homorganic_nasal(nc, nk);
				if (nc == DV_VA && ascii)
					nasal = DV_MA;
				/* after a long vowel it only nasalizes: गांव ganv */
				if (ascii && !is_short_vowel(ak_vowel(t, a)))
					nasal = DV_NA;
			}
			if (nasal) {
				key[kl++] = (UChar)nasal;
				key[kl++] = DV_VIRAMA;
			} else {
				key[kl++] = DV_ANUSVARA;
			}
		} else if (sc == DV_VISARGA && ascii && k + 1 < w1) {
			continue;   /* silent inside a word: दुःख dukh */
		} else {
			key[kl++] = (UChar)sc;
		}
		s = unit(t, key, kl, &len);
		emit(t, s, len, cp[mi].off);
		t->after_vowel = t->after_dead_stop = false;
	}
}

/* Index of the first cp of akshara a. */
static size_t
ak_first(const akshara *a)
{
	return a->kind == AK_CONS ? a->cons[0] : a->vidx;
}

/* Where to split the word aks [w0, w1) for schwa deletion: the akshara
 * where a compound member (compound_members) starts, or w1 for none. */
static size_t
compound_split(const pk_translit *t, size_t w0, size_t w1)
{
	const akshara *last = &t->aks[w1 - 1];
	size_t end = last->mod0 + last->nmod;   /* one past the word's last cp */

	if (w1 - w0 < 2)
		return w1;
	for (size_t m = 0; m < sizeof compound_members / sizeof *compound_members; m++) {
		const char16_t *mem = compound_members[m];
		size_t n = 0, b;
		while (mem[n])
			n++;
		if (n > end - ak_first(&t->aks[w0]))
			continue;
		b = end - n;
		for (size_t i = 0; i < n; i++)
			if (t->cps[b + i].cp != mem[i])
				goto next;
		for (size_t k = w0 + 1; k < w1; k++)
			if (ak_first(&t->aks[k]) == b)
				return k;
next:		;
	}
	return w1;
}

/* Romanize the Devanagari code points t->cps[r0, r1). */
static void
run_deva(pk_translit *t, size_t r0, size_t r1)
{
	size_t w0, split;

	if (!parse_run(t, r0, r1)) {
		t->oom = true;
		return;
	}
	for (size_t k = 0; k < t->naks;) {
		if (!is_letter(&t->aks[k])) {
			emit_akshara(t, k, k + 1);
			k++;
			continue;
		}
		w0 = k;
		while (k < t->naks && is_letter(&t->aks[k]))
			k++;
		split = compound_split(t, w0, k);
		if (!delete_schwas(t, w0, split) || !delete_schwas(t, split, k)) {
			t->oom = true;
			return;
		}
		t->after_vowel = t->after_dead_stop = false;
		for (size_t j = w0; j < k; j++)
			emit_akshara(t, j, k);
	}
}

char *
pk_translit_run(pk_translit *t, const char *s, size_t start, size_t end, size_t **map)
{
	size_t pos = start, guess;
	void *p;

	if (map)
		*map = NULL;
	if (end < start)
		end = start;
	t->out = NULL;
	t->map = NULL;
	t->olen = t->ocap = 0;
	t->want_map = map != NULL;
	t->oom = false;
	guess = end - start < SIZE_MAX / 4 ? (end - start) + (end - start) / 2 + 16 : SIZE_MAX;
	p = NULL;
	if (pk_grow(&p, &t->ocap, guess, 1, 16) < 0)
		return NULL;
	t->out = p;
	if (map) {
		size_t mcap = 0;
		p = NULL;
		if (pk_grow(&p, &mcap, t->ocap, sizeof(size_t), 16) < 0) {
			free(t->out);
			return NULL;
		}
		t->map = p;
		t->ocap = mcap < t->ocap ? mcap : t->ocap;
	}

	while (pos < end && !t->oom) {
		size_t off = pos;
		uint32_t c = pk_decode(s, end, &pos);

		if (!is_deva(c)) {
			char b[4];
			if (c == 0)
				c = 0x2400;
			emit(t, b, pk_utf8_put(b, c), off);
			continue;
		}
		/* a Devanagari run, with ZWJ/ZWNJ inside it */
		t->ncps = 0;
		for (;;) {
			p = t->cps;
			if (pk_grow(&p, &t->cap_cps, t->ncps + 1, sizeof *t->cps, 16) < 0) {
				t->oom = true;
				break;
			}
			t->cps = p;
			t->cps[t->ncps++] = (cpinfo){ c, off };
			if (pos >= end)
				break;
			off = pos;
			c = pk_decode(s, end, &pos);
			if (!is_deva(c) && !is_zw(c)) {
				pos = off;   /* not ours: decode it again outside */
				break;
			}
		}
		if (!t->oom)
			run_deva(t, 0, t->ncps);
	}

	if (t->oom) {
		free(t->out);
		free(t->map);
		t->out = NULL;
		t->map = NULL;
		return NULL;
	}
	t->out[t->olen] = '\0';
	if (map) {
		t->map[t->olen] = end;
		*map = t->map;
	}
	p = t->out;
	t->out = NULL;
	t->map = NULL;
	return p;
}
