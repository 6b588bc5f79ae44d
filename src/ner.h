/*
 * ner.h - a named-entity tagger for Hindi: PER, LOC and ORG.
 *
 * An averaged structured perceptron over BIO tags with first-order Viterbi
 * decoding.  Features of a token: the word, its prefixes and suffixes of one
 * to four code points and the trigrams between them, its shape (digits,
 * Latin, nukta), the words two either side, bigrams, gazetteer membership
 * (including the training data's own names), cue context (the word before
 * ने, का कहना, के मुताबिक़; a title before it) and word clusters.  The model is a
 * read-only binary file that is memory-mapped; it is trained from CoNLL
 * files by pk_ner_train() (`make model`).
 *
 * This layer tags one sentence at a time and knows nothing of articles;
 * entities.h makes article-level entities of its spans.  No terminal I/O,
 * no exit(), no mutable globals.
 */
#ifndef PATHAK_NER_H
#define PATHAK_NER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "input.h"

/** Entity types. */
typedef enum {
	PK_ENT_PER = 0,  /**< a person */
	PK_ENT_LOC,      /**< a place: country, city, region, named facility */
	PK_ENT_ORG,      /**< an organisation: party, company, body, media */
	PK_ENT_NTYPES
} pk_ent_type;

/** "PER", "LOC" or "ORG" (static storage). */
const char *pk_ent_type_name(pk_ent_type t);

/** A loaded model (immutable; may be shared). */
typedef struct pk_ner pk_ner;

/** One tagged span: bytes [start, end) of the text, whole tokens. */
typedef struct pk_ner_span {
	size_t start, end;
	pk_ent_type type;
} pk_ner_span;

/**
 * Load a model file by mapping it.
 *
 * @param path  the file (assets/ner.model)
 * @param st    receives PK_OK, PK_ERR_IO (missing or unreadable) or
 *              PK_ERR_FORMAT (not a model of this version)
 * @return the model, or NULL
 */
pk_ner *pk_ner_load(const char *path, pk_status *st);

/**
 * Load the bundled model: the file $PATHAK_NER_MODEL when set, else
 * ner.model in $PATHAK_DATADIR, the installed assets, or the source tree's
 * assets/ (an uninstalled build), the order in which pathak finds its other
 * assets.  @p st as for pk_ner_load() (of the last file tried).
 */
pk_ner *pk_ner_load_default(pk_status *st);

/** Unmap and free @p m.  Safe on NULL. */
void pk_ner_free(pk_ner *m);

/**
 * Tag the text s[a, b) (one sentence or a few; UTF-8, ill-formed bytes
 * allowed) and append the entity spans found to *@p out (a malloc'd array
 * of *@p n spans with capacity *@p cap, grown with pk_grow()).
 *
 * @return 0, or -1 when out of memory (what was appended stays valid)
 */
int pk_ner_tag(const pk_ner *m, const char *s, size_t a, size_t b,
	       pk_ner_span **out, size_t *n, size_t *cap);

/**
 * The class of the word s[0, len) (UTF-8, compared folded) among the most
 * frequent words of the text the model was trained and clustered on: words
 * used alike share one (कानपुर, टुमकुर; कहा, बताया).  Lets the entity pass
 * tell a common word from a rare one (अधिकारियों is अधिकारी's plural;
 * मैक्रों's मैक्र is no word) and a name from a word in a list of names.
 *
 * @return 1 + the class, or 0 when the word is not among them (or the
 *         model has no word classes)
 */
unsigned pk_ner_word_class(const pk_ner *m, const char *s, size_t len);

#endif
