/* quote_lex.c - assets/lexicon.def compiled in, as a hash table of folded words. */
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>
#include "utf8.h"

/* The lists of lexicon.def, each NULL-terminated (the word lists only for
 * the generator: the library has them as a hash table). */
#ifdef QC_GENERATOR
#define LEX_LIST(id, comment, example, ...) \
	static const char *const lw_##id[] = { __VA_ARGS__, NULL };
#endif
#define LEX_PREFIX(id, comment, example, ...) \
	static const char *const lp_##id[] = { __VA_ARGS__, NULL };
#define LEX_SUFFIX(id, comment, example, min, ...) \
	static const char *const ls_##id[] = { __VA_ARGS__, NULL };
#include "lexicon.def"

#ifdef QC_GENERATOR
static const char *const *const lists[LC_COUNT] = {
#define LEX_LIST(id, comment, example, ...) lw_##id,
#include "lexicon.def"
};
#endif
static const char *const *const prefixes[LP_COUNT + 1] = {
#define LEX_PREFIX(id, comment, example, ...) lp_##id,
#include "lexicon.def"
	NULL
};
static const struct { const char *const *v; size_t min; } suffixes[LS_COUNT + 1] = {
#define LEX_SUFFIX(id, comment, example, min, ...) { ls_##id, min },
#include "lexicon.def"
	{ NULL, 0 }
};

#define LEX_KEY 63            /* longest folded word kept, in bytes */
#define LEX_SLOTS 2048        /* power of two, well above the words */

typedef struct lexent {
	lexset bits;
	unsigned char len;
	char key[LEX_KEY];
} lexent;

/* The table is made at build time by tools/gen-quote-tables (as
 * lex_build() makes it), so no start-up pays for folding every word. */
#ifdef QC_GENERATOR
#define LEX_CONST
#else
#define LEX_CONST const
#include "lex_tables.inc"  /* lex_v, lex_tag */
#endif

struct lexicon {
	LEX_CONST lexent *v;      /* LEX_SLOTS slots, open addressing */
	LEX_CONST uint32_t *tag;  /* per slot: its word's hash | 1, or 0 if empty (small: stays in cache) */
};

/* Folded UTF-8 of bytes [a, b) into o (LEX_KEY bytes); its length, or
 * (size_t)-1 if it does not fit (then it is in no list). */
static size_t
fold_key(const char *s, size_t a, size_t b, char *o)
{
	size_t i = a, n = 0;
	while (i < b) {
		uint32_t c = qc_fold_next(s, b, &i);
		if (!c)
			break;
		if (n + 4 > LEX_KEY)
			return (size_t)-1;
		n += pk_utf8_put(o + n, c);
	}
	return n;
}

/* Hash of a key: its length and its first and last 8 bytes, mixed (a
 * byte-serial hash is the lookup's main cost). */
static uint32_t
lex_hash(const char *k, size_t n)
{
	uint64_t x = 0, y = 0, h;
	if (n >= 8) {
		memcpy(&x, k, 8);
		memcpy(&y, k + n - 8, 8);
	} else {
		memcpy(&x, k, n);
	}
	h = x * 0x9E3779B97F4A7C15u ^ y * 0xC2B2AE3D27D4EB4Fu ^ n;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	return (uint32_t)(h ^ (h >> 32));
}

lexset
lex_lookup(const lexicon *L, const char *s, size_t a, size_t b, bool plain)
{
	static const lexset none;
	char k[LEX_KEY];
	size_t n;
	const char *key = k;

	/* folding never lengthens a word: a long one is in no list */
	if (!L || b - a > 3 * LEX_KEY || b == a)
		return none;
	if (plain && b - a > LEX_KEY)
		return none;
	if (plain) {
		key = s + a;
		n = b - a;
	} else if ((n = fold_key(s, a, b, k)) == (size_t)-1 || !n) {
		return none;
	}
	uint32_t hv = lex_hash(key, n) | 1;
	for (uint32_t h = hv & (LEX_SLOTS - 1);; h = (h + 1) & (LEX_SLOTS - 1)) {
		uint32_t tg = L->tag[h];
		if (!tg)
			return none;
		if (tg == hv && L->v[h].len == n && !memcmp(L->v[h].key, key, n))
			return L->v[h].bits;
	}
}

lexset
lex_find(const lexicon *L, const char *s, size_t a, size_t b)
{
	bool plain = true;
	for (size_t i = a; plain && i < b;)
		plain = !(qc_class(qc_next(s, b, &i)) & CC_FOLDY);
	return lex_lookup(L, s, a, b, plain);
}

#ifdef QC_GENERATOR
static int
lex_add(lexicon *L, const char *w, enum lex_class cls)
{
	char k[LEX_KEY];
	size_t n = fold_key(w, 0, strlen(w), k);
	if (n == (size_t)-1 || !n)
		return -1;    /* a word too long for a key: a bug in lexicon.def */
	uint32_t hv = lex_hash(k, n) | 1, h = hv & (LEX_SLOTS - 1);
	for (;; h = (h + 1) & (LEX_SLOTS - 1)) {
		lexent *e = &L->v[h];
		if (!L->tag[h]) {
			L->tag[h] = hv;
			e->len = (unsigned char)n;
			memcpy(e->key, k, n);
			break;
		}
		if (e->len == n && !memcmp(e->key, k, n))
			break;
	}
	L->v[h].bits.w[(unsigned)cls >> 6] |= (uint64_t)1 << ((unsigned)cls & 63);
	return 0;
}

lexicon *
lex_new(void)
{
	lexicon *L = calloc(1, sizeof *L);
	size_t words = 0;

	if (!L)
		return NULL;
	L->v = calloc(LEX_SLOTS, sizeof *L->v);
	L->tag = calloc(LEX_SLOTS, sizeof *L->tag);
	if (!L->v || !L->tag)
		goto fail;
	for (unsigned c = 0; c < LC_COUNT; c++)
		for (const char *const *w = lists[c]; *w; w++, words++)
			/* keep the table at most half full */
			if (words >= LEX_SLOTS / 2 || lex_add(L, *w, (enum lex_class)c) < 0)
				goto fail;
	return L;
fail:
	lex_free(L);
	return NULL;
}

void
lex_write_c(FILE *f)
{
	lexicon *L = lex_new();
	if (!L) {
		fputs("#error lexicon.def: a word too long, or too many words\n", f);
		return;
	}
	fprintf(f, "static const lexent lex_v[LEX_SLOTS] = {\n");
	for (size_t h = 0; h < LEX_SLOTS; h++) {
		if (!L->tag[h])
			continue;
		fprintf(f, "\t[%zu] = { { {", h);
		for (size_t i = 0; i < LEX_SET_WORDS; i++)
			fprintf(f, " 0x%016llxULL,", (unsigned long long)L->v[h].bits.w[i]);
		fprintf(f, " } }, %u, \"", L->v[h].len);
		for (size_t i = 0; i < L->v[h].len; i++)
			fprintf(f, "\\%03o", (unsigned char)L->v[h].key[i]);
		fprintf(f, "\" },\n");
	}
	fprintf(f, "};\nstatic const uint32_t lex_tag[LEX_SLOTS] = {\n");
	for (size_t h = 0; h < LEX_SLOTS; h++)
		if (L->tag[h])
			fprintf(f, "\t[%zu] = 0x%08xu,\n", h, L->tag[h]);
	fprintf(f, "};\n");
	lex_free(L);
}
#else
lexicon *
lex_new(void)
{
	lexicon *L = malloc(sizeof *L);
	if (L) {
		L->v = lex_v;
		L->tag = lex_tag;
	}
	return L;
}
#endif

void
lex_free(lexicon *L)
{
	if (L) {
#ifdef QC_GENERATOR
		free(L->v);
		free(L->tag);
#endif
		free(L);
	}
}

const char *const *
lex_prefixes(enum lex_prefix p)
{
	return prefixes[p];
}

bool
lex_suffix(enum lex_suffix x, const char *s, size_t a, size_t b)
{
	for (const char *const *e = suffixes[x].v; *e; e++) {
		size_t l = strlen(*e);
		if (b - a > l + suffixes[x].min && !memcmp(s + b - l, *e, l))
			return true;
	}
	return false;
}
