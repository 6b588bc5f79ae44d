/*
 * early.h - the entity pane's work begun on a thread of its own at start-up.
 *
 * With --pane the first screen waits for the quotations and entities of
 * the article.  Finding them needs the document and nothing of the
 * terminal, so they are found on a second thread while the main one asks
 * the terminal what it does (term.c) and sets up the screen; the pager
 * takes the results when it opens the pane.  Only for a whole file of up to
 * EARLY_MAX bytes (a stream is still arriving; a bigger file is worked
 * through while idle as before).
 *
 * The thread reads the document through the const accessors of doc.h, which
 * keep no state in it (their break iterators are thread-local), and the
 * input's bytes, which do not change; the main thread may go on reading both.
 */
#ifndef PATHAK_EARLY_H
#define PATHAK_EARLY_H

#include <stdbool.h>
#include "doc.h"
#include "entities.h"
#include "ner.h"
#include "quotes.h"

/** The largest input worked on early: as much as the pane finds at once. */
#define EARLY_MAX (256u << 10)

/** Work under way (opaque). */
typedef struct early early;

/**
 * Start finding the quotations of @p doc on a thread, and tagging it for
 * entities on another; the entities are then voted on with the quoted
 * speakers as persons, and the speakers named through them.  @p doc must outlive early_take() or
 * early_free().  @return the work, or NULL when it could not start (the
 * input is over EARLY_MAX or still growing, out of memory, no thread): the
 * pager then does the work itself as it would without this.
 */
early *early_start(pk_doc *doc);

/** What the thread found, handed over by early_take(). */
typedef struct early_result {
	pk_status qst;       /**< the quotations' status (PK_OK: @c quotes is set) */
	pk_quotes quotes;    /**< the quotations, speakers linked to @c ents */
	pk_ner *ner;         /**< the model, or NULL when it could not be loaded */
	pk_status ner_st;    /**< why not (when @c ner is NULL) */
	pk_status est;       /**< the entities' status (PK_OK: @c ents is set) */
	pk_entities ents;    /**< the entities */
} early_result;

/**
 * Wait for the thread to finish and hand its results to @p out, which then
 * owns them (free with pk_quotes_free(), pk_ner_free(), pk_entities_free()).
 * @return true the first time; false after that (a pager made again by a
 * reload finds its own), and for NULL.
 */
bool early_take(early *w, early_result *out);

/**
 * Wait for the thread and drop what was not taken, so that its document may
 * go (a reload); early_take() then returns false.  NULL is fine.
 */
void early_drop(early *w);

/** early_drop(), then free @p w.  NULL is fine. */
void early_free(early *w);

#endif
