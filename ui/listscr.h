/*
 * listscr.h - the article list (pathak DIR), the curses side: a row an
 * article with its title, dateline, size, quotations and people, the rows
 * filled in while idle (artlist.h), sorted with o and O, filtered with /
 * (spelling variants folded; a Latin filter matches romanized titles).
 * Enter reads the article; the reader's q comes back here.
 */
#ifndef PATHAK_LISTSCR_H
#define PATHAK_LISTSCR_H

#include <stdbool.h>
#include "artlist.h"
#include "render.h"
#include "width.h"

typedef struct listscr listscr;

/** A list over @p l (which must outlive it), drawn with advance model
 * @p model in render mode @p mode; NULL when out of memory. */
listscr *listscr_new(artlist *l, width_model model, render_mode mode, bool ascii);
void listscr_free(listscr *s);

/** Draw it into stdscr (no refresh); after refresh(), listscr_overlay(). */
void listscr_draw(listscr *s);
void listscr_overlay(listscr *s);

typedef enum {
	LS_STAY,   /**< the key was the list's */
	LS_OPEN,   /**< Enter (or a click on the selected row): read listscr_selected() */
	LS_QUIT,   /**< q */
} ls_result;

/** A key (curses' code, KEY_MOUSE included). */
ls_result listscr_key(listscr *s, int ch);

/** The row selected (among the rows shown), or (size_t)-1 when none is. */
size_t listscr_selected(const listscr *s);
/** Select the row of @p path (after reading it, coming back). */
void listscr_select_path(listscr *s, const char *path);

/** Show @p msg on the last row until the next key. */
void listscr_note(listscr *s, const char *msg);

/** Read the articles a slice further (about 10 ms).  @return true when the
 * screen changed. */
bool listscr_idle(listscr *s);
/** Is there reading left? */
bool listscr_busy(const listscr *s);

#endif
