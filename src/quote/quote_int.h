/*
 * quote_int.h - the stages of quotation finding, internal to src/quote/.
 *
 * The public API is src/quotes.h.  The pipeline, one file a stage:
 *   quote_chars.c    character classes (ICU properties, one table)
 *   quote_lex.c      the lexicon: assets/lexicon.def as a hash table
 *   quotes.c         tokens, pairing, classification, cues, names, speakers
 */
#ifndef PATHAK_QUOTE_INT_H
#define PATHAK_QUOTE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------------ */
/* Character classes (quote_chars.c).  Every question the tokenizer and
 * the name matcher ask of a code point, answered from ICU properties in
 * one place: a table for U+0000..U+097F (ASCII and Devanagari, nearly all
 * of the text), ICU itself above it. */

enum {
	CC_SPACE = 1,    /* separates words: White_Space, BOM, ASCII controls */
	CC_WORD = 2,     /* inside a word: a letter, mark or digit, ZWJ/ZWNJ, soft hyphen */
	CC_JOINER = 4,   /* joins two words into one: an apostrophe, hyphen, a point */
	CC_FOLDY = 8,    /* folding changes it: dropped, or a precomposed nukta letter */
	CC_DROP = 16,    /* folding drops it: nukta, ZWJ/ZWNJ, soft hyphen */
	CC_WSTART = 32,  /* a Devanagari letter that can start a word */
	CC_DIGIT = 64,   /* a decimal digit */
};

#define QC_TAB_N 0x980
extern unsigned char qc_tab[QC_TAB_N];
extern uint16_t qc_base[QC_TAB_N];

/* Build the table (once per process; safe to call from any thread). */
void qc_init(void);
unsigned qc_class_slow(uint32_t c);

/* The CC_* classes of code point c (qc_init() must have run). */
static inline unsigned
qc_class(uint32_t c)
{
	return c < QC_TAB_N ? qc_tab[c] : qc_class_slow(c);
}

static inline bool qc_space(uint32_t c) { return qc_class(c) & CC_SPACE; }
static inline bool qc_word(uint32_t c) { return qc_class(c) & CC_WORD; }

/* Code point c with nukta folded away (क़ → क). */
static inline uint32_t
qc_fold(uint32_t c)
{
	return c < QC_TAB_N ? qc_base[c] : c;
}

/* The next code point of s[*pos..len): ICU's U8_NEXT (pk_decode()'s
 * ill-formed-sequence rule) after an ASCII test, as the tokenizer calls it
 * for every character.  U+FFFD for ill-formed bytes and at the end. */
static inline uint32_t
qc_next(const char *s, size_t len, size_t *pos)
{
	size_t i = *pos;
	UChar32 c;

	if (i >= len) {
		*pos = len;
		return 0xFFFD;
	}
	if ((unsigned char)s[i] < 0x80) {
		*pos = i + 1;
		return (unsigned char)s[i];
	}
	U8_NEXT((const uint8_t *)s, i, len, c);
	*pos = i;
	return c < 0 ? 0xFFFD : (uint32_t)c;
}

/* The next code point folded (nukta, ZWJ/ZWNJ, soft hyphen dropped, nukta
 * letters to their base), 0 at the end. */
static inline uint32_t
qc_fold_next(const char *s, size_t len, size_t *pos)
{
	while (*pos < len) {
		uint32_t c = qc_next(s, len, pos);
		if (!(qc_class(c) & CC_DROP))
			return qc_fold(c);
	}
	return 0;
}

/* Quotation mark families and directions. */
enum { F_DOUBLE = 1, F_SINGLE = 2 };
enum { D_OPEN = 1, D_CLOSE = 2, D_NEUTRAL = 3 };
/* Family of the quotation mark c (setting *dir), 0 if it is none. */
int qc_mark(uint32_t c, unsigned char *dir);

/* ------------------------------------------------------------------ */
/* The lexicon (quote_lex.c): the word classes of assets/lexicon.def in
 * one hash table of folded words.  A token is looked up once, when it is
 * cut; afterwards class membership is a bit test. */

/* One id per LEX_LIST of lexicon.def, in its order. */
enum lex_class {
#define LEX_LIST(id, comment, example, ...) LC_##id,
#include "lexicon.def"
	LC_COUNT
};

/* One id per LEX_PREFIX and per LEX_SUFFIX. */
enum lex_prefix {
#define LEX_PREFIX(id, comment, example, ...) LP_##id,
#include "lexicon.def"
	LP_COUNT
};
enum lex_suffix {
#define LEX_SUFFIX(id, comment, example, min, ...) LS_##id,
#include "lexicon.def"
	LS_COUNT
};

/* The classes a word is in: a bitset as wide as the classes need. */
#define LEX_SET_WORDS ((LC_COUNT + 63) / 64)
typedef struct lexset {
	uint64_t w[LEX_SET_WORDS];
} lexset;

static inline bool
lex_has(const lexset *s, enum lex_class c)
{
	return (s->w[(unsigned)c >> 6] >> ((unsigned)c & 63)) & 1;
}

/* Is token (or lexset holder) t in class C?  IS(t, NE_VERBS). */
#define IS(t, C) lex_has(&(t)->lex, LC_##C)
#define LEX_IN(set, C) lex_has(&(set), LC_##C)

typedef struct lexicon lexicon;

/* Build the lexicon (once per pk_quotes_find() call); NULL when out of memory. */
lexicon *lex_new(void);
void lex_free(lexicon *L);

/* The classes of the word at bytes [a, b) of s; @p plain when it is known
 * to have nothing to fold (then its bytes are the key). */
lexset lex_lookup(const lexicon *L, const char *s, size_t a, size_t b, bool plain);
/* The same, finding out whether it has something to fold. */
lexset lex_find(const lexicon *L, const char *s, size_t a, size_t b);

/* The words of a LEX_PREFIX list, NULL-terminated, in the file's order. */
const char *const *lex_prefixes(enum lex_prefix p);
/* Does the word at bytes [a, b) end in one of the endings of list @p x
 * (and is longer than it by more than the list's minimum)? */
bool lex_suffix(enum lex_suffix x, const char *s, size_t a, size_t b);

#endif
