/*
 * quote_int.h - the stages of quotation finding, internal to src/quote/.
 *
 * The public API is src/quotes.h.  The pipeline, one file a stage, each
 * taking a slice of tokens (or of the text) and returning its result:
 *   quote_chars.c    character classes (ICU properties, one table)
 *   quote_lex.c      the lexicon: assets/lexicon.def as a hash table
 *   quote_tok.c      a block cut into tokens, sentences within them
 *   quote_pair.c     quotation marks paired; each pair classified, attributed
 *   quote_class.c    classification sieves: direct, partial, title, label, ...
 *   quote_cue.c      speech cues and the attribution sieves
 *   quote_name.c     mentions and names: what a mention is, a name's fullest form
 *   quote_resolve.c  speaker sieves: pronouns, descriptions, continued turns
 *   ../quotes.c      the driver: blocks through pass 1, then resolution
 *
 * Rules are ordered tables of named sieves (struct sieve in each stage):
 * the first that fires decides, and its name goes in pk_quote.rule.
 */
#ifndef PATHAK_QUOTE_INT_H
#define PATHAK_QUOTE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#ifdef QC_GENERATOR
#include <stdio.h>
#endif
#include <unicode/utf8.h>
#include <unicode/utypes.h>
#include "quotes.h"
#include "sentence.h"

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
#define QC_PUNCT_0 0x2000     /* General Punctuation: the curly marks, dashes, ZWJ */
#define QC_PUNCT_N 0x70
/* The tables are made at build time by tools/gen-quote-tables (from ICU,
 * as qc_build() computes them), so no start-up pays for them. */
#ifdef QC_GENERATOR
#define QC_CONST
#else
#define QC_CONST const
#endif
extern QC_CONST unsigned char qc_tab[QC_TAB_N];
extern QC_CONST uint16_t qc_base[QC_TAB_N];
extern QC_CONST unsigned char qc_punct[QC_PUNCT_N];
/* Below U+0980: a letter as the name matcher compares it, nukta folded
 * (qc_fold()) then pk_fold_cp(); 0 for what folding drops. */
extern QC_CONST uint16_t qc_key[QC_TAB_N];

#ifdef QC_GENERATOR
/* Compute the tables from ICU (the generator's part). */
void qc_build(void);
#endif
unsigned qc_class_slow(uint32_t c);

/* The CC_* classes of code point c. */
static inline unsigned
qc_class(uint32_t c)
{
	if (c < QC_TAB_N)
		return qc_tab[c];
	if (c - QC_PUNCT_0 < QC_PUNCT_N)
		return qc_punct[c - QC_PUNCT_0];
	return qc_class_slow(c);
}

static inline bool qc_space(uint32_t c) { return qc_class(c) & CC_SPACE; }
static inline bool qc_word(uint32_t c) { return qc_class(c) & CC_WORD; }

/* Code point c with nukta folded away (क़ → क). */
static inline uint32_t
qc_fold(uint32_t c)
{
	return c < QC_TAB_N ? qc_base[c] : c;
}

uint32_t qc_next_slow(const char *s, size_t len, size_t *pos);

/* The next code point of s[*pos..len): ICU's U8_NEXT (pk_decode()'s
 * ill-formed-sequence rule), with ASCII and well-formed three-byte
 * sequences (all of Devanagari) decoded inline, as the tokenizer and the
 * name matcher call it for every character.  U+FFFD for ill-formed bytes
 * and at the end. */
static inline uint32_t
qc_next(const char *s, size_t len, size_t *pos)
{
	size_t i = *pos;
	const unsigned char *u = (const unsigned char *)s + i;

	if (i < len && u[0] < 0x80) {
		*pos = i + 1;
		return u[0];
	}
	/* E0 needs A0..BF next (no overlong forms), ED 80..9F (no surrogates) */
	if (i < len && len - i >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80 && (u[0] != 0xE0 || u[1] >= 0xA0) && (u[0] != 0xED || u[1] < 0xA0)) {
		*pos = i + 3;
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	return qc_next_slow(s, len, pos);
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
#ifdef QC_GENERATOR
/* Write the hash table lex_new() returns as C (the generator's part). */
void lex_write_c(FILE *f);
#endif
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


/* ------------------------------------------------------------------ */
/* Bounds that keep every look-around constant-size.                   */

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

/* ------------------------------------------------------------------ */
/* Tokens (quote_tok.c)                                                */

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

/* What a stage of pass 1 looks at: the input, and the tokens of one block
 * (or of the first n of them: a quote cut short at a sentence end sees
 * only the tokens up to it). */
typedef struct qslice {
	const char *s;        /* the whole input */
	size_t len;
	const lexicon *lex;
	const tok *v;         /* the block's tokens */
	size_t n;             /* how many of them this stage may look at */
} qslice;

/* Tokenize bytes [a, b) of s into k (emptied first); words get their
 * classes from L.  -1 when out of memory. */
int q_tokenize(const lexicon *L, const char *s, size_t a, size_t b, toks *k);

/* Is token t a sentence end (. । ॥ ? !)? */
static inline bool
q_sent_end(const tok *t)
{
	return t->t == T_PUNCT && pk_sent_end_cp(t->cp);
}

/* The first token of the sentence holding token o (not before floor, at
 * most CLAUSE_TOKS back); the token of the sentence end at or after e. */
size_t q_sent_start(const qslice *c, size_t o, size_t floor);
size_t q_sent_end_tok(const qslice *c, size_t e);
/* Trim whitespace off bytes [*a, *b) of s. */
void q_trim_ws(const char *s, size_t *a, size_t *b);
/* A malloc'd, NUL-terminated copy of bytes [a, b) of s; NULL when out of memory. */
char *q_dup_range(const char *s, size_t a, size_t b);

/* ------------------------------------------------------------------ */
/* What pass 1 leaves for resolution                                    */

enum { NP_NONE, NP_NAME, NP_PRONOUN, NP_DEF_DESC, NP_INDEF_DESC };

/* What pass 1 knows of a quote's attribution. */
typedef struct raw_attr {
	int np;               /* NP_* */
	size_t ms, me;        /* the mention */
	size_t ns, ne;        /* the name part of a NP_NAME mention */
	bool cont;            /* no cue: continues the previous speaker */
	const char *rule;     /* the attribution sieve that found it */
} raw_attr;

/* A named subject of some speech cue (quote or narration), for antecedents. */
typedef struct hist {
	size_t pos;           /* where the name is */
	size_t ns, ne;        /* the name */
	bool strong;          /* subject of a speech cue, not just of any ने */
} hist;

typedef struct qhist {
	hist *v;              /* in document order, give or take a clause */
	size_t n, cap;
	size_t base;          /* entries dropped in front (q_resolve_trim()):
	                       * v[k] is entry base + k */
} qhist;

/* Phrases dropped as titles, to drop them again when they recur. */
typedef struct qtitles {
	size_t s[MAX_TITLES], e[MAX_TITLES];
	size_t n;             /* how many were seen (the last MAX_TITLES kept) */
} qtitles;

/* Told of every pair classified: the sieve that decided and the quoted
 * bytes [a, b) (for tests: which sieve dropped a pair). */
typedef void (*q_trace_fn)(void *arg, const char *rule, size_t a, size_t b);

/* The results of pass 1, grown as blocks are read. */
typedef struct qstate {
	pk_quotes out;        /* quotations, kind and cue set, speaker not yet */
	size_t cap;
	raw_attr *ra;         /* parallel to out.v */
	size_t racap;
	qhist h;              /* named subjects */
	qtitles titles;
	bool oom;
	q_trace_fn trace;     /* NULL, or told of every classification */
	void *trace_arg;
} qstate;

/* Add a named subject to the history; -1 when out of memory. */
int q_hist_push(qhist *h, size_t pos, size_t ns, size_t ne, bool strong);

/* ------------------------------------------------------------------ */
/* Pairing (quote_pair.c)                                              */

/* Pair the marks of the block's tokens (c->v, c->n; the block ends at byte
 * bend) and emit its quotations into st.  @p next_opens: the next block
 * starts with a quotation mark. */
void q_pair_block(const qslice *c, qstate *st, size_t bend, bool next_opens);
/* Does the block [a, b) close a quote and reopen it at once (था.""फिर)? */
bool q_block_reopens(const char *s, size_t a, size_t b);
/* Is the count of straight double marks in bytes [a, b) odd? */
bool q_straight_odd(const char *s, size_t a, size_t b);
/* Does the block [a, b) start with a quotation mark? */
bool q_block_opens(const char *s, size_t a, size_t b);

/* ------------------------------------------------------------------ */
/* Classification (quote_class.c)                                      */

enum q_verdict { V_DROP, V_TITLE, V_DIRECT, V_PARTIAL };

typedef struct qclass {
	enum q_verdict verdict;
	const char *rule;     /* the sieve that decided */
} qclass;

/* Classify the pair at tokens o, e (e == c->n: unclosed to the block end),
 * text [a, b), after tokens [floor, o) of earlier pairs.  @p last is the
 * last quotation found so far (or NULL).  A V_TITLE pair is remembered in
 * @p titles, so that it is dropped again when it recurs. */
qclass q_classify(const qslice *c, qtitles *titles, const pk_quote *last, size_t o, size_t e,
                  size_t a, size_t b, size_t floor);
/* Is there a speech cue right before token o (कहा:, कहती हैं, कहा गया है कि)?
 * With @p punct, a colon, comma or dash alone before it is enough. */
bool q_cue_before(const qslice *c, size_t o, size_t floor, bool punct);
/* Do tokens [lo, hi) hold a word that makes a fragment reported speech? */
bool q_range_speechy(const qslice *c, size_t lo, size_t hi);

/* ------------------------------------------------------------------ */
/* Cues and attribution (quote_cue.c)                                  */

/* A cue found in a token range. */
typedef struct cue {
	size_t cs, ce;        /* tokens of the cue expression */
	size_t gap_s, gap_e;  /* tokens left out of it (`ने … कहा`), gap_s == gap_e if none */
	size_t ms, me;        /* tokens of the subject mention */
	size_t vend;          /* token after the verb group */
} cue;

/* Is there a cue with its verb at token v, subject in [lo, v)? */
bool q_cue_at(const qslice *c, size_t lo, size_t v, size_t hi, cue *q);
/* The speaker noun phrase ending just before token k (not before lo). */
bool q_np_before(const qslice *c, size_t lo, size_t k, size_t *a, size_t *b);

/* Attribute the quote between marks at tokens o and e (e == c->n: unclosed)
 * of kind @p partial: its mention in *r, its cue text in *cue (malloc'd,
 * or NULL).  -1 when out of memory. */
int q_attribute(const qslice *c, size_t o, size_t e, size_t floor, bool partial,
                raw_attr *r, char **cue);
/* Narration cues (X ने कहा कि …) in tokens [lo, hi): their named subjects
 * go in the history, as antecedents for later pronouns.  -1 when out of memory. */
int q_scan_narration(const qslice *c, qhist *h, size_t lo, size_t hi);

/* ------------------------------------------------------------------ */
/* Mentions and names (quote_name.c)                                   */

/* Classify the mention tokens [a, b): NP_PRONOUN, NP_NAME (its name part
 * in tokens [*na, *nb)), NP_DEF_DESC or NP_INDEF_DESC. */
int q_np_classify(const qslice *c, size_t a, size_t b, size_t *na, size_t *nb);
/* Fill r->np, the mention and the name from mention tokens [ms, me). */
void q_set_mention(const qslice *c, raw_attr *r, size_t ms, size_t me);
/* The named subject opening the sentence before token m, for a pronoun
 * that opens its own (tokens [*na, *nb)). */
bool q_topic_subject(const qslice *c, size_t m, size_t floor, size_t *na, size_t *nb);
/* Is the last word of a mention the pronoun वो glued to a lost heading? */
bool q_glued_vo(const qslice *c, const tok *w);
/* Bytes to cut off the front of the word [a, b): a glued verb. */
size_t q_glued_prefix(const qslice *c, size_t a, size_t b);

/* What resolution remembers of the names it compared (quote_name.c): a
 * name's fullest form compares it with every subject in a 16 KB window,
 * and on text dense with speakers the same few names recur in each. */
typedef struct qmemo qmemo;
qmemo *q_memo_new(void);
void q_memo_free(qmemo *m);
/* The memo no longer needs to know history entries before @p h0. */
void q_memo_drop_hist(qmemo *m, size_t h0);
/* For tests: resolve without the memo (the results must not change). */
extern bool q_memo_off;

/* Resolution's view: the text, the lexicon and the history of subjects. */
typedef struct qnames {
	const char *s;
	size_t len;
	const lexicon *lex;
	const hist *h;
	size_t nh;
	bool oom;             /* set when out of memory */
	qmemo *memo;          /* NULL: compare afresh every time */
	/* q_fullest()'s last window: subjects [scan_lo, scan_hi) lie no
	 * further than scan_pos + 2 * NAME_FWD (scan_hi 0: none yet) */
	size_t scan_pos, scan_lo, scan_hi;
	size_t h0;            /* h[0] is entry h0: those before it were dropped,
	                       * none of them near enough to be looked at again */
} qnames;

/* History entry i (h0 <= i < nh): entries are numbered from the first
 * ever pushed, so that dropping old ones changes no index. */
static inline const hist *
q_hist(const qnames *c, size_t i)
{
	return &c->h[i - c->h0];
}

/* UTF-8 NFC of bytes [a, b) of s (a name or a description: up to 4 KB);
 * NULL on failure. */
char *q_nfc(const char *s, size_t a, size_t b, UErrorCode *err);
/* Fullest form of the name at bytes [ns, ne) near @p pos, UTF-8 NFC;
 * NULL on failure. */
char *q_fullest(qnames *c, size_t ns, size_t ne, size_t pos, UErrorCode *err);
/* Does a name of the history near @p pos hold the name at bytes [ns, ne)? */
bool q_known_name(const qnames *c, size_t ns, size_t ne, size_t pos);

/* ------------------------------------------------------------------ */
/* Speakers (quote_resolve.c)                                          */

/* Hand back to the system the input pages well behind byte pos (a
 * one-pass scan of a mapped file must not keep it all resident). */
void q_release_behind(const pk_input *in, size_t *done, size_t pos);
/* Set the speaker of every quotation of st, and its rule when a sieve
 * found one, a slice at a time: q_resolve_start() (NULL when out of
 * memory), q_resolve_step() over quotations spanning about @p budget
 * bytes (at least one) until *done, q_resolve_free().  Only quotations
 * (and mentions) that end by byte @p upto are settled: on a stream, pass 1
 * is still adding quotations and subjects after them (SIZE_MAX: all).
 * Pass 1 may grow st between steps. */
typedef struct qresolve qresolve;
qresolve *q_resolve_start(const pk_input *in, qstate *st, const lexicon *lex);
pk_status q_resolve_step(qresolve *r, size_t budget, size_t upto, bool *done);
/* How many quotations (the first ones of st) have their speakers settled. */
size_t q_resolve_count(const qresolve *r);
/* Forget the first @p n quotations of st (settled ones, n <= count): the
 * caller has used them.  Frees their strings and shifts the rest down. */
void q_resolve_forget(qresolve *r, size_t n);
/* Drop the history entries (and what the memo knows of them) that no
 * quotation still to be settled can look at.  Only for a job whose pass 1
 * runs ahead of resolution (a stream job): there the history would
 * otherwise grow with the text. */
void q_resolve_trim(qresolve *r, size_t frontier);
void q_resolve_free(qresolve *r);

/* ------------------------------------------------------------------ */
/* The driver (../quotes.c)                                            */

/* pk_quotes_find(), telling @p trace (if not NULL) of every pair
 * classified. */
pk_status q_find(pk_doc *d, pk_quotes *out, q_trace_fn trace, void *trace_arg);

#endif
