/*
 * entjob.h - the entity pass in a second thread.
 *
 * `pathak --pane` needs the entities before its first screen.  Loading the
 * model and tagging the article take a few milliseconds that the terminal
 * probe, curses' start and the first layout would otherwise wait behind;
 * started first, the pass runs beside them on a second core.  The job
 * works on a document of its own over the same bytes (a pk_doc indexes
 * itself as it is read, so two threads cannot share one) and finds the
 * quotations again for the speakers it names as persons: the same ones
 * the pager finds.  Only libpathak runs in the thread, never curses.
 */
#ifndef PATHAK_ENTJOB_H
#define PATHAK_ENTJOB_H

#include <stdbool.h>

#include "entities.h"
#include "input.h"
#include "ner.h"

typedef struct entjob entjob;

/**
 * Start finding the entities of @p in (which must outlive the job).
 * @return the job, or NULL when no thread could be started (the caller
 *         then finds them itself).
 */
entjob *entjob_start(const pk_input *in);

/**
 * Wait for the job to end and take what it found.
 * @param ner     receives the model (the caller frees it), or NULL
 * @param ner_st  why the model is not there
 * @param ents    receives the entities (the caller frees them); empty when
 *                the pass failed
 * @return true when the entities were found.  The job is freed.
 */
bool entjob_finish(entjob *j, pk_ner **ner, pk_status *ner_st, pk_entities *ents);

/** Wait for the job to end and drop what it found; NULL is allowed. */
void entjob_drop(entjob *j);

#endif
