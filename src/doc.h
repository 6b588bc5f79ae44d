/*
 * doc.h - the document model: blocks, sentences and grapheme clusters as
 * byte ranges of the input.
 *
 * A block is one line of the input (a paragraph in news text), typed as title,
 * meta, dateline, caption, paragraph or byline.  Blocks are found lazily: no
 * function here scans the whole input unless asked to (pk_doc_index_step), so
 * the first screen of a 100 MB file costs what that screen shows.  Lines longer
 * than PK_BLOCK_MAX bytes are cut into several blocks at a space (or, failing
 * that, between grapheme clusters) so that no operation ever works on a huge
 * run.  A cluster is never split unless it is longer than PK_BLOCK_MAX / 4
 * (16 KB: thousands of stacked marks); such a run is cut at a code point.
 *
 * The model knows nothing of screens: widths and wrapping live in the UI.
 */
#ifndef PATHAK_DOC_H
#define PATHAK_DOC_H

#include <stddef.h>
#include <stdbool.h>
#include "input.h"

/** Longest block in bytes; longer lines are cut. */
#define PK_BLOCK_MAX (64u * 1024u)

/** Block types. */
typedef enum {
	PK_BLOCK_PARAGRAPH = 0,
	PK_BLOCK_TITLE,     /**< the headline: a short first line without final punctuation */
	PK_BLOCK_META,      /**< update/publication stamp: `आखरी अपडेट: …` */
	PK_BLOCK_DATELINE,  /**< place line under the head: `मास्को, रूस` */
	PK_BLOCK_CAPTION,   /**< picture caption: ends in `(छवि: …)`, `(फोटो: …)` */
	PK_BLOCK_BYLINE,    /**< author note or sign-off at the end */
	PK_BLOCK_TYPE_MAX
} pk_block_type;

/** Lower-case English name of @p t ("title", "meta", …), as used by --json. */
const char *pk_block_type_name(pk_block_type t);

/** A block: bytes [start, end) of the input, never containing a line break. */
typedef struct pk_block {
	size_t start;
	size_t end;
	pk_block_type type;
} pk_block;

typedef struct pk_doc pk_doc;

/**
 * Make a document over @p in (which must outlive it).  Costs O(1) in the
 * input's size apart from classifying the first and last few lines.
 * @return NULL only when out of memory.
 */
pk_doc *pk_doc_new(const pk_input *in);

/** Free the document (not the input). */
void pk_doc_free(pk_doc *d);

/** The input the document was made over. */
const pk_input *pk_doc_input(const pk_doc *d);

/**
 * The first block of the document.  @return false for an empty (or all blank)
 * document.
 */
bool pk_doc_first(const pk_doc *d, pk_block *out);

/** The last block, found by scanning back from the end.  False if empty. */
bool pk_doc_last(const pk_doc *d, pk_block *out);

/** The block after @p cur; false at the end. */
bool pk_doc_next(const pk_doc *d, const pk_block *cur, pk_block *out);

/** The block before @p cur; false at the start. */
bool pk_doc_prev(const pk_doc *d, const pk_block *cur, pk_block *out);

/**
 * The block containing byte @p off, or if @p off falls between blocks (on a
 * blank line), the next block, or failing that the previous one.
 * False only for an empty document.
 */
bool pk_doc_block_at(const pk_doc *d, size_t off, pk_block *out);

/**
 * Build the block index a bounded step at a time: scan at most @p budget
 * bytes further.  The UI calls this while idle; --json calls it to the end.
 * @return true once the whole input is indexed.
 */
bool pk_doc_index_step(pk_doc *d, size_t budget);

/**
 * Tell the document that its input (a stream, pk_input.growing) grew or
 * ended: the head and, at the end, the byline are classified again.  Offsets
 * and blocks found before stay valid.  Cheap; a no-op when nothing changed.
 * @return true when the input had changed.
 */
bool pk_doc_grew(pk_doc *d);

/** True once pk_doc_index_step() has reached the end (of a stream that ended). */
bool pk_doc_indexed(const pk_doc *d);

/**
 * Number of blocks before byte @p off (so the 0-based number of the block
 * that starts at @p off), if the index has reached @p off; otherwise
 * (size_t)-1.
 */
size_t pk_doc_block_number(const pk_doc *d, size_t off);

/** Total number of blocks, or (size_t)-1 while the index is incomplete. */
size_t pk_doc_block_count(const pk_doc *d);

/** A byte range. */
typedef struct pk_range {
	size_t start, end;
} pk_range;

/* ------------------------------------------------------------------ */
/* Text segmentation through ICU over the original bytes.             */

/** What a pk_breaker finds. */
typedef enum {
	PK_BREAK_CLUSTER,   /**< extended grapheme clusters (ICU; conjuncts stay whole) */
	PK_BREAK_LINE,      /**< line-break opportunities (UAX #14 via ICU) */
	PK_BREAK_SENTENCE,  /**< sentence ends (। ॥ ? ! . and closing quotes) */
	PK_BREAK_WORD,      /**< word boundaries */
} pk_break_kind;

/** An ICU break iterator bound to a range of bytes. */
typedef struct pk_breaker pk_breaker;

/** A breaker of @p kind; NULL on failure (ICU or memory). */
pk_breaker *pk_breaker_new(pk_break_kind kind);

/**
 * Point @p b at bytes [@p start, @p end) of @p s.  Ill-formed UTF-8 counts as
 * U+FFFD, as pk_decode() does.  @return PK_OK or PK_ERR_ICU.
 */
pk_status pk_breaker_set(pk_breaker *b, const char *s, size_t start, size_t end);

/**
 * The next boundary after the current one, as an absolute offset into s;
 * the first call returns the first boundary after start.  (size_t)-1 when done.
 */
size_t pk_breaker_next(pk_breaker *b);

/** Is @p off (absolute) a boundary?  Moves the iterator to @p off or past it. */
bool pk_breaker_is_boundary(pk_breaker *b, size_t off);

/** The last boundary before @p off (absolute), at least the range start. */
size_t pk_breaker_preceding(pk_breaker *b, size_t off);

/** The first boundary after @p off (absolute), at most the range end. */
size_t pk_breaker_following(pk_breaker *b, size_t off);

void pk_breaker_free(pk_breaker *b);

/**
 * The sentences of block @p blk, as ranges that tile the block exactly.
 * Besides ICU's rules, a full stop or danda glued to the next letter
 * (`है.अगला`, common in scraped text) ends a sentence too.
 * @param out  receives a malloc'd array the caller frees
 * @param n    receives its length
 */
pk_status pk_doc_sentences(const pk_doc *d, const pk_block *blk, pk_range **out, size_t *n);

#endif
