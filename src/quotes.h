/*
 * quotes.h - quotations and their speakers.
 *
 * pk_quotes_find() walks every block of a document, pairs quotation marks
 * (curly, straight, doubled, guillemets, low-9, wrong-direction and
 * mismatched ones), decides which pairs enclose reported speech, and
 * attributes each to a speaker through Hindi speech cues (`ने कहा`,
 * `कहते हैं`, `का कहना है`, `के मुताबिक़`, a `- Name` sign-off, ...).
 *
 * The decisions are ordered tables of named sieves, in the style of
 * CoreNLP's quote attribution: the first sieve that fires decides, and
 * its name is kept in pk_quote.rule.
 *
 * Everything is a byte offset into pk_doc_input(d)->bytes.  The work is
 * linear in the size of the input: every look-around is bounded to the
 * block or to a few kilobytes, so unbalanced marks cannot make it quadratic.
 * Nothing here writes to a terminal or exits; the only global state is a
 * table of character classes, built once from ICU (thread-safely).
 */
#ifndef PATHAK_QUOTES_H
#define PATHAK_QUOTES_H

#include <stddef.h>
#include <stdbool.h>
#include "input.h"
#include "doc.h"

/** Value of an offset field that does not apply (no mark, no mention). */
#define PK_QUOTE_NONE ((size_t)-1)

/** What kind of quotation a pair of marks encloses. */
typedef enum {
	PK_QUOTE_DIRECT = 0, /**< the speaker's own words: a clause or sentences */
	PK_QUOTE_PARTIAL,    /**< a quoted fragment inside reported speech */
} pk_quote_kind;

/** One quotation.  Marks that enclose titles, names, labels or scare
 *  quotes are not quotations and are never reported. */
typedef struct pk_quote {
	size_t start;         /**< first byte of the quoted text (inside the marks, whitespace trimmed) */
	size_t end;           /**< one past its last byte */
	size_t open_mark;     /**< offset of the opening mark, or PK_QUOTE_NONE */
	size_t close_mark;    /**< offset of the closing mark, or PK_QUOTE_NONE (unbalanced) */
	pk_quote_kind kind;   /**< direct or partial */
	char *speaker;        /**< fullest name (or descriptor) in the article, UTF-8 NFC; NULL if unknown */
	size_t mention_start; /**< the mention attached to the quote (`पुतिन`, `उन्होंने`), or PK_QUOTE_NONE */
	size_t mention_end;   /**< one past the mention, or PK_QUOTE_NONE */
	char *cue;            /**< the attribution cue (`ने कहा`, `ने … बताया`), UTF-8; NULL if none */
	const char *rule;     /**< the name of the sieve that decided (static storage, never
	                       *   NULL): with a speaker, the one that found it (an
	                       *   attribution sieve such as `cue-before` for a named
	                       *   mention, a speaker sieve such as `antecedent` or
	                       *   `continuation` for a pronoun, a description or a
	                       *   continued turn); with none, the classification sieve
	                       *   that made the pair a quotation (`clause`,
	                       *   `fragment-cue`, `fragment-shared-cue`) */
	const char *kind_rule; /**< the classification sieve that made the pair a quotation
	                        *   (`clause`, `fragment-cue`, `fragment-shared-cue`);
	                        *   static storage, never NULL */
	size_t speaker_entity; /**< the speaker's entity (an index into pk_entities.e,
	                        *   set by pk_entities_link_speakers()), or
	                        *   PK_QUOTE_NONE */
} pk_quote;

/** A list of quotations in document order. */
typedef struct pk_quotes {
	pk_quote *v;  /**< the quotations, sorted by start */
	size_t n;     /**< how many */
	/* private: the word lists the quotations were read with, kept for
	 * pk_entities_find() so that it does not build them again */
	struct lexicon *lex_;
} pk_quotes;

/**
 * Find the quotations of @p d.  Indexes the whole document (so call it once,
 * not per screen).  On success @p out owns the list; free it with
 * pk_quotes_free().  On failure @p out is left empty.
 *
 * @return PK_OK, PK_ERR_NOMEM, or PK_ERR_ICU if normalisation failed.
 */
pk_status pk_quotes_find(pk_doc *d, pk_quotes *out);

/**
 * The same work a slice at a time, so that a reader can answer keys
 * between slices (and find the same quotations as pk_quotes_find()).
 * pk_quotes_start() begins (NULL when out of memory); each
 * pk_quotes_step() does about @p budget bytes of the text's worth of work
 * (at least one block or quotation) and sets @p done at the end;
 * pk_quotes_finish() then hands the list over to @p out.  Steps return
 * PK_OK or the status pk_quotes_find() would have (then done is set).
 * pk_quotes_job_free() frees the job, finished or not.
 */
typedef struct pk_quotes_job pk_quotes_job;
pk_quotes_job *pk_quotes_start(pk_doc *d);
pk_status pk_quotes_step(pk_quotes_job *j, size_t budget, bool *done);
pk_status pk_quotes_finish(pk_quotes_job *j, pk_quotes *out);
void pk_quotes_job_free(pk_quotes_job *j);

/**
 * A job over a stream (pk_input.growing) that settles quotations as the
 * text arrives, for a reader that writes them as it reads.  Its steps
 * work only on what text still to come cannot change: a quotation and its
 * speaker are final once some 30 KB more text and a few more blocks have
 * arrived after it (or the stream has ended), and then they are exactly
 * what pk_quotes_find() finds in the whole text.  (A pronoun before its
 * quotation may wait longer: until the 64 named subjects after it have
 * arrived, as its speaker may be any of them.)  The history of
 * subjects behind is dropped as resolution passes it, and with
 * pk_quotes_forget() the quotations written, so that such a job holds
 * memory bounded by the look-ahead, not by the text.  A step that can do
 * nothing until the input grows (pk_input_pump(), then pk_doc_grew())
 * returns at once with pk_quotes_waiting() true; once the stream has
 * ended the steps run to the end.  Finish and free it as any job.  NULL
 * when out of memory.
 */
pk_quotes_job *pk_quotes_start_stream(pk_doc *d);

/** Did the last pk_quotes_step() of a stream job stop for want of input? */
bool pk_quotes_waiting(const pk_quotes_job *j);

/**
 * The quotations of a job that are final so far: the first @return of
 * them, in *v (valid until the next step), with their speakers set.
 */
size_t pk_quotes_final(const pk_quotes_job *j, const pk_quote **v);

/**
 * Free the first @p n final quotations of a job (at most
 * pk_quotes_final()'s count), for a reader that has written them: a
 * stream job then holds only the quotations not yet final and the few
 * kilobytes of context their speakers are found in, however long the
 * text.  pk_quotes_final() and pk_quotes_finish() then give the
 * quotations after them.  Speakers are found as if nothing were freed.
 */
void pk_quotes_forget(pk_quotes_job *j, size_t n);

/** Free what pk_quotes_find() put in @p q and empty it.  Safe on a zeroed struct. */
void pk_quotes_free(pk_quotes *q);

/** "direct" or "partial": the name used by --json and --quotes.  Static storage. */
const char *pk_quote_kind_name(pk_quote_kind k);

#endif
