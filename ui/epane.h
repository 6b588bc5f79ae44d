/*
 * epane.h - the entity pane's model, without a terminal.
 *
 * The rows of the pane: a heading per type (PER, LOC, ORG, in that order)
 * and under it its entities, most mentioned first (ties: first mentioned
 * first).  A filter keeps the entities whose name matches it as a
 * search does (search.h: spelling variants folded, a Latin filter read
 * against the romanized name: "putin" finds पुतिन).  The selection moves over entities only.
 *
 * Also the steps of n/N and ]/[ over one entity's mentions or quotations
 * (epane_step), which follow the screen as ] and [ do (qnav.h).
 */
#ifndef PATHAK_EPANE_H
#define PATHAK_EPANE_H

#include <stdbool.h>
#include <stddef.h>
#include "entities.h"
#include "quotes.h"
#include "translit.h"

#define EP_NONE ((size_t)-1)

/** A row: a type's heading or an entity. */
typedef struct ep_row {
	bool head;          /**< a heading */
	pk_ent_type type;
	size_t ent;         /**< the entity (index into pk_entities.e), or EP_NONE */
	size_t count;       /**< heading: the entities listed under it */
} ep_row;

typedef struct epane epane;

/**
 * A pane over @p e (which must outlive it).  @p tr, when not NULL, is an
 * ASCII romanizer used to romanize the names (epane_roman(); it is not
 * kept).  NULL when out of memory.
 */
epane *epane_new(const pk_entities *e, pk_translit *tr);
void epane_free(epane *l);

/** Romanize the names with @p tr (not kept) when epane_new() was given
 * none.
 * @return 0, or -1 when out of memory (names left unromanized). */
int epane_romanize(epane *l, pk_translit *tr);

/** Filter on @p f (UTF-8; "" lists all), keeping the selected entity
 * selected while it is listed.  @return 0, or -1 when out of memory. */
int epane_filter(epane *l, const char *f);
/** Does entity @p ent match the filter @p f? */
bool epane_matches(const epane *l, size_t ent, const char *f);

size_t epane_nrows(const epane *l);
const ep_row *epane_row(const epane *l, size_t i);
/** The romanized name of entity @p ent, or NULL. */
const char *epane_roman(const epane *l, size_t ent);

/** The selected row (an entity's), or EP_NONE when none is listed. */
size_t epane_sel_row(const epane *l);
/** The selected entity, or EP_NONE. */
size_t epane_selected(const epane *l);
/** Move the selection @p d entities down (negative: up), stopping at the ends. */
void epane_move(epane *l, long d);
/** Select entity @p ent if it is listed. */
void epane_select(epane *l, size_t ent);
/** The first row to show in @p rows rows so that the selection is visible
 * (and its heading, when it is the first under one); kept between calls. */
size_t epane_top(epane *l, size_t rows);

/**
 * The indices (into e->m) of the mentions of entity @p ent, in text
 * order, in a malloc'd array of *@p n; NULL with *n = 0 when there are
 * none or memory is short.
 */
size_t *epane_mentions(const pk_entities *e, size_t ent, size_t *n);
/** The indices (into q->v) of the quotations whose speaker is entity
 * @p ent (speaker_entity, pk_entities_link_speakers()), as
 * epane_mentions(). */
size_t *epane_quotes(const pk_entities *e, const pk_quotes *q, size_t ent, size_t *n);

/**
 * One step of n/N or ]/[ over items starting at starts[0..n) (sorted,
 * ending at ends[]): from item @p cur (EP_NONE: none) when it is on the
 * screen [first, last), else from the screen: forward the first item
 * starting at or after first, back the last starting before last.
 * @return the item, or EP_NONE when there is none that way.
 */
size_t epane_step(const size_t *starts, const size_t *ends, size_t n, size_t cur,
                  size_t first, size_t last, int dir);

#endif
