/*
 * entpane.h - the entity pane (e), the curses side: its state, its keys,
 * its drawing beside the text, and the stepping through the mentions (n N)
 * and quotations (] [) of the entity chosen in it.  The rows, the filter
 * and the stepping arithmetic are the curses-free model of epane.h.
 *
 * The pager owns one and lends it what they share through entpane_ctx.
 */
#ifndef PATHAK_ENTPANE_H
#define PATHAK_ENTPANE_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"
#include "draw.h"
#include "entities.h"
#include "input.h"
#include "ner.h"
#include "quotes.h"
#include "span.h"
#include "view.h"

/** The narrowest window that has room for the pane beside a text column. */
#define ENTPANE_MIN_COLS 60

/**
 * What the pane shares with the pager.  The pointers are the pager's and
 * must outlive the pane.
 */
typedef struct entpane_ctx {
	pk_doc *doc;             /**< the document the entities are found in */
	const pk_input *in;      /**< its bytes (the size decides what is tagged) */
	view *v;                 /**< the text's view: the steps move it */
	drawer *d;               /**< the text's drawer: the pane sets its mcur */
	pk_quotes *quotes;       /**< the quotations (their speakers get named) */
	bool ascii;              /**< the locale is not UTF-8: ASCII only */
	const char **flash;      /**< where a message for the status line goes */
	char *msg;               /**< a buffer for a composed message ... */
	size_t msgsize;          /**< ... of this size */
} entpane_ctx;

typedef struct entpane entpane;

/** A closed pane with nothing found yet; NULL when out of memory. */
entpane *entpane_new(const entpane_ctx *ctx);

void entpane_free(entpane *e);

/** The mentions of the chosen entity as spans (for drawer.marks). */
const pk_spans *entpane_marks(const entpane *e);

/** Have the entities been looked for (entpane_find())? */
bool entpane_found(const entpane *e);

/**
 * Find the entities about @p budget bytes further (SIZE_MAX: all of it),
 * and once found make the pane's rows.  Call only after the quotations are
 * found: their speakers are persons, named through these.
 * @return true once they are found (or cannot be: too big, no model).
 */
bool entpane_work(entpane *e, size_t budget);

/**
 * Take entities found elsewhere (early.h) instead of finding them: @p ner
 * the model or NULL (then @p ner_st says why), @p ents the entities when
 * @p ok, with speakers linked to the pager's quotations.  The pane owns
 * both from now on; @p ents is left empty.  Ignored (and both freed) once
 * the pane has entities.
 */
void entpane_adopt(entpane *e, pk_ner *ner, pk_status ner_st, pk_entities *ents, bool ok);

/** Are the entities still to find, and wanted now: the pane is open, or
 * the file is small enough to find them while idle? */
bool entpane_wanted(const entpane *e);

/** Open the pane with the focus (the caller re-lays out). */
void entpane_open(entpane *e);
/** Close it (the caller re-lays out). */
void entpane_close(entpane *e);
/** Tab: move the focus between the pane and the text. */
void entpane_focus(entpane *e);
/** Do keys go to the pane? */
bool entpane_focused(const entpane *e);

/**
 * Fit the pane to a window @p cols wide.  @return its width, 0 when it is
 * closed or the window is too narrow (it then loses the focus); it is drawn
 * at the right edge, with one column for its edge and one blank before it.
 */
int entpane_fit(entpane *e, int cols);
/** Its width as last fitted; 0 when it is not shown. */
int entpane_width(const entpane *e);

/** Draw the pane (when shown) into stdscr. */
void entpane_draw(entpane *e);

/**
 * A key while the pane has the focus.  @return false when it is not the
 * pane's: the key table has it then.
 */
bool entpane_key(entpane *e, int ch);

/**
 * A click at row @p y, column @p x of the screen: on an entity's row, as
 * selecting it and Enter; anywhere on the pane, the focus.
 * @return false when the click is not on the pane.
 */
bool entpane_click(entpane *e, int y, int x);

/** Is an entity chosen (Enter), its mentions highlighted in the text? */
bool entpane_chosen(const entpane *e);
/** How many times an entity was chosen (Enter): a new choice gives n and
 * N to its mentions, a search takes them back. */
unsigned entpane_choices(const entpane *e);
/** Forget the chosen entity. */
void entpane_forget(entpane *e);

/** n and N, @p times: step through the chosen entity's mentions. */
void entpane_step(entpane *e, int dir, long times);

/**
 * ] and [ once over the chosen person's quotations.  @return the quotation
 * (index into the quotes) the caller is to show, or PK_QUOTE_NONE when
 * there is none that way (the status line says so).
 */
size_t entpane_quote_step(entpane *e, int dir);

/**
 * After a motion: the note of the last step stays while what it names is
 * on screen; @p quote_current says whether the current quotation still is.
 */
void entpane_follow(entpane *e, bool quote_current);

/** What n N ] [ last did, while it is on screen; else NULL. */
const char *entpane_note(const entpane *e);

#endif
