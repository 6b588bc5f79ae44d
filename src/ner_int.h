/*
 * ner_int.h - the inside of the tagger, shared by src/ner.c and the trainer
 * (tools/ner-tool.c): the model file layout, tokenization, features and
 * Viterbi decoding.  Not an interface for the rest of pathak.
 */
#ifndef PATHAK_NER_INT_H
#define PATHAK_NER_INT_H

#include <stddef.h>
#include <stdint.h>
#include "ner.h"

/* Tags: O, then B and I of PER, LOC, ORG. */
enum { NER_O = 0, NER_NTAGS = 7, NER_LANES = 8 };
#define NER_B(t) (1 + 2 * (int)(t))
#define NER_I(t) (2 + 2 * (int)(t))
/* The entity type of tag g (1..6). */
#define NER_TYPE(g) ((pk_ent_type)(((g) - 1) / 2))
#define NER_IS_I(g) ((g) != NER_O && ((g) - 1) % 2 == 1)

/*
 * The model file, all integers little-endian (checked by `endian`):
 *   ner_hdr (128 bytes)
 *   weights: int16 [1 << wbits][NER_LANES] at w_off (lane 7 unused)
 *   gazetteer: uint64 [1 << gbits] at g_off, open addressing, 0 = empty;
 *     a slot is (hash of the folded token sequence & ~0xFFFF) | type bits;
 *   word clusters: uint64 [1 << cbits] at c_off (cbits 0: none), the same
 *     way: (hash of the folded word & ~0xFFFF) | fine cluster + 1 (bits
 *     0-9) | coarse cluster << 10 (bits 10-15);
 *   Brown clusters: uint64 [1 << bbits] at b_off (bbits 0: none): (hash of
 *     the folded word & ~0xFFFFFF) | the word's path in the cluster tree as
 *     (1 << length) | bits (bits 0-23; tools/brown.h).
 * Score = sum of weights / scale (only argmax matters: integers are used).
 */
#define NER_MAGIC "PKNER\x1a\r\n"
enum { NER_VERSION = 3, NER_FEATSET = 5 };
typedef struct ner_hdr {
	char magic[8];
	uint32_t version, endian, ntags, featset;
	uint32_t wbits, gbits, cbits, bbits;
	float scale;
	uint64_t w_off, g_off, c_off, b_off, file_size;
	int16_t trans[NER_NTAGS + 1][NER_LANES]; /* row NER_NTAGS: start */
} ner_hdr;

/* Gazetteer and lexical classes (type bits of a gazetteer slot).  The
 * GZ_T* bits are the lexicon of the training data (tools/ner-tool.c). */
enum {
	GZ_PERF = 1 << 0,    /* a first name */
	GZ_PERS = 1 << 1,    /* a surname */
	GZ_LOC = 1 << 2,     /* a place (districts, states, places) */
	GZ_CTRY = 1 << 3,    /* a country (CLDR) */
	GZ_ORG = 1 << 4,     /* an organisation */
	GZ_TITLE = 1 << 5,   /* a title before a name: राष्ट्रपति, श्री */
	GZ_CUE = 1 << 6,     /* a cue after a name: ने, का कहना, के मुताबिक़ */
	GZ_ORGW = 1 << 7,    /* a word that ends organisation names: पार्टी, संघ */
	GZ_LOCW = 1 << 8,    /* a word that ends place names: नगर, प्रदेश */
	GZ_TPER = 1 << 9,    /* tagged PER in most of its training occurrences */
	GZ_TLOC = 1 << 10,   /* ... LOC */
	GZ_TORG = 1 << 11,   /* ... ORG */
	GZ_NTYPES = 12,
	GZ_MAXLEN = 4        /* tokens in the longest entry matched */
};

/* Brown path prefixes used as features (4, 6, 10 and 20 bits); the
 * most trigrams of code points a word has as features. */
enum { NER_BPRE = 4, NER_NTRI = 8 };

/* One token: its bytes and what the features need of it. */
typedef struct ner_tok {
	size_t start, end;      /* bytes of the original text */
	uint64_t word;          /* hash of the folded word */
	uint64_t pre[4], suf[4];/* hashes of folded prefixes/suffixes, 1-4 cps */
	uint32_t shape;
	uint16_t gz_b, gz_i;    /* gazetteer types starting / continuing here */
	uint16_t clus;          /* word cluster slot bits, 0 when unknown */
	uint32_t brown[NER_BPRE]; /* Brown path prefixes, 0 when unknown */
	uint64_t tri[NER_NTRI]; /* hashes of inner trigrams of code points */
	uint8_t ntri;
} ner_tok;

/* A read-only view of a model (mapped file or the trainer's tables). */
typedef struct ner_view {
	const int16_t *w;       /* [1 << wbits][NER_LANES] (NULL in training) */
	const float *wf;        /* training weights (NULL when mapped) */
	uint32_t wmask;
	const uint64_t *gaz;
	uint32_t gmask;
	const uint64_t *clus;   /* NULL: no clusters */
	uint32_t cmask;
	const uint64_t *brown;  /* NULL: no Brown clusters */
	uint32_t bmask;
	uint32_t off;           /* feature groups left out (trainer's ablation) */
	int32_t trans[NER_NTAGS + 1][NER_LANES];
	float transf[NER_NTAGS + 1][NER_LANES];
} ner_view;

enum { NER_MAXTOK = 256, NER_MAXFEAT = 96 };

/* Fill t->word, pre, suf, shape from the bytes s[0, len) (a token). */
void ner_tok_init(ner_tok *t, const char *s, size_t len);

/* The next token of s[*pos, len): its byte range; 0 when there is none. */
int ner_next_token(const char *s, size_t len, size_t *pos, size_t *ts, size_t *te);

/* Look a key up in an open-addressing table of the model: its low 16 bits. */
unsigned ner_table_get(const uint64_t *tab, uint32_t mask, uint64_t key);

/* The same for a table whose values are the low 24 bits (Brown paths). */
uint32_t ner_table_get24(const uint64_t *tab, uint32_t mask, uint64_t key);

/* The hash of a token sequence (gazetteer key, type bits clear). */
uint64_t ner_seq_hash(const ner_tok *t, size_t n);

/* Mark gazetteer matches and word clusters in toks[0, n). */
void ner_gaz_mark(const ner_view *v, ner_tok *toks, size_t n);

/* The feature buckets of token i; returns how many (<= NER_MAXFEAT). */
size_t ner_features(const ner_view *v, const ner_tok *toks, size_t n, size_t i,
		    uint32_t *f);

/* Best tag sequence for toks[0, n) (n <= NER_MAXTOK unless scratch given). */
void ner_viterbi(const ner_view *v, const ner_tok *toks, size_t n, uint8_t *tags,
		 float *sc_scratch, uint8_t *bp_scratch);

/* May tag b follow tag a (a == NER_NTAGS: the start)? */
static inline int
ner_allowed(int a, int b)
{
	if (!NER_IS_I(b))
		return 1;
	return a != NER_NTAGS && a != NER_O && NER_TYPE(a) == NER_TYPE(b);
}

#endif
