/*
 * entities.h - the people, places and organisations an article names.
 *
 * pk_entities_find() tags every sentence of a document with the NER model
 * (ner.h) and then reads the article as a whole:
 *   - a string tagged once is tagged at its later mentions too;
 *   - the parts of a person's full name are the same person (पुतिन is
 *     व्लादिमीर पुतिन when the article names him so);
 *   - spelling variants are one entity (fold.h: कॉस्मोड्रोम = कोस्मोड्रोम);
 *   - the speakers quotes.h found are persons;
 *   - a title before a name (राष्ट्रपति, प्रोफेसर) marks the name after it and
 *     is not part of it.
 * Each mention points to its entity; an entity has a canonical name (the
 * fullest form the article writes), a type and counts.
 *
 * Everything is a byte offset into pk_doc_input(d)->bytes.  No terminal
 * I/O, no exit(), no mutable globals.
 */
#ifndef PATHAK_ENTITIES_H
#define PATHAK_ENTITIES_H

#include <stddef.h>
#include "doc.h"
#include "input.h"
#include "ner.h"
#include "quotes.h"

/** One mention of an entity in the text. */
typedef struct pk_mention {
	size_t start;         /**< first byte of the mention as written */
	size_t end;           /**< one past its last byte */
	pk_ent_type type;     /**< its entity's type */
	size_t entity;        /**< index into pk_entities.e */
} pk_mention;

/** One entity: the mentions that name the same person, place or body. */
typedef struct pk_entity {
	char *name;           /**< canonical name: the fullest form written, UTF-8 NFC */
	pk_ent_type type;
	size_t mentions;      /**< how many mentions it has */
	size_t quotes;        /**< how many quotations are attributed to it (persons) */
	size_t first;         /**< the index in pk_entities.m of its first mention */
	/* private */
	char *key_;           /* the name folded (fold.h), for lookups */
} pk_entity;

/** The entities of a document. */
typedef struct pk_entities {
	pk_mention *m;        /**< mentions, sorted by start, never overlapping */
	size_t nm;
	pk_entity *e;         /**< entities, in order of first mention */
	size_t ne;
	/* private: an index of the entities' keys for pk_entities_lookup() */
	size_t *slot_;
	size_t nslot_;
} pk_entities;

/**
 * The biggest input the entity pass is meant for: it reads the whole
 * article at once, so callers skip it above this (--json, the pane).
 */
#define PK_ENTITIES_MAX_BYTES (16u << 20)

/**
 * Find the entities of @p d with the tagger @p ner.  @p q, when not NULL,
 * holds the quotations of @p d: their speakers' names are taken as persons
 * (pk_entities_link_speakers() then names them through the entities and
 * counts their quotations).  On success @p out
 * owns the result; free it with pk_entities_free().  On failure @p out is
 * left empty.
 *
 * @return PK_OK, PK_ERR_NOMEM or PK_ERR_ICU
 */
pk_status pk_entities_find(pk_doc *d, const pk_ner *ner, const pk_quotes *q,
			   pk_entities *out);

/** A pk_entities_find() done a slice at a time (opaque). */
typedef struct pk_entities_job pk_entities_job;

/**
 * Begin finding the entities of @p d, as pk_entities_find() does, without
 * doing any of the work yet.  @p d, @p ner and @p q must outlive the job,
 * and @p d must not grow while it runs.
 *
 * @return the job, or NULL when out of memory
 */
pk_entities_job *pk_entities_start(pk_doc *d, const pk_ner *ner, const pk_quotes *q);

/**
 * Begin finding the entities of @p d as pk_entities_start() does, with the
 * quotations of @p d still to come (another thread may be finding them).
 * pk_entities_step() does the work that needs none of them (tokens, the
 * tagger over every block) and then nothing more, leaving @c done false,
 * until pk_entities_quotes() hands them over; the result is then the same
 * as pk_entities_find() gives with them.
 *
 * @return the job, or NULL when out of memory
 */
pk_entities_job *pk_entities_start_early(pk_doc *d, const pk_ner *ner);

/**
 * Hand the quotations of the document (NULL: none) to a job of
 * pk_entities_start_early(), before or after its work without them is done.
 * @p q must outlive the job.
 */
void pk_entities_quotes(pk_entities_job *j, const pk_quotes *q);

/**
 * Do about @p budget bytes of the work (at least one block), so that a
 * reader can answer keys between slices; SIZE_MAX does all of it.
 * @p done is set once nothing is left (also after an error).
 *
 * @return PK_OK, or the error (PK_ERR_NOMEM, PK_ERR_ICU) that ended the job
 */
pk_status pk_entities_step(pk_entities_job *j, size_t budget, bool *done);

/**
 * Hand the entities of a job that is done to @p out (as pk_entities_find()
 * does); the job is then spent: only pk_entities_job_free() is left to call.
 *
 * @return PK_OK, or the job's error (also PK_ERR_NOMEM for a job not done)
 */
pk_status pk_entities_finish(pk_entities_job *j, pk_entities *out);

/** Free a job, done or not.  Safe on NULL. */
void pk_entities_job_free(pk_entities_job *j);

/**
 * Name the speakers of @p q through the entities: a quotation whose mention
 * holds a person's (or, with none, an organisation's) mention is linked to
 * that entity; the speaker takes its canonical name (the fullest
 * form in the article, without titles: प्रोफेसर सादिक जिबकलम → सादिक
 * जिबकलम); a speaker found another way (a pronoun resolved, a continued
 * turn) that names a person is linked the same way.  The attributor's name
 * gives way only to a fuller form of itself (its words all in the entity's
 * name), or to the name it is with a descriptor before it, when the entity
 * pass found it so (पोते मंडला मंडेला → मंडला मंडेला: the tagger found the
 * name without the word); a descriptor with no person in it (विभाग के एक
 * प्रवक्ता) stays.
 * Sets each quotation's speaker_entity, and each entity's `quotes` count.
 *
 * @return PK_OK or PK_ERR_NOMEM (then some speakers may be renamed)
 */
pk_status pk_entities_link_speakers(pk_entities *e, const pk_doc *d, pk_quotes *q);

/** Free what pk_entities_find() put in @p e and empty it.  Safe on a zeroed struct. */
void pk_entities_free(pk_entities *e);

/**
 * The entity whose canonical name is @p name (compared folded, fold.h), or
 * (size_t)-1.  Used to link a quotation's speaker to its entity.
 */
size_t pk_entities_lookup(const pk_entities *e, const char *name);

#endif
