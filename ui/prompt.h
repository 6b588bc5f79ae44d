/*
 * prompt.h - the search prompt on the last row (/, ?, &), the curses side.
 * The line and its history are lineedit.h's; the text is drawn through the
 * reader's own drawing (draw.h), so Devanagari typed here looks as it does
 * in the text under every render mode.  The cursor is a reversed cluster.
 *
 * Keys: printable bytes insert; Left, Right, Home, End (Ctrl-A, Ctrl-E)
 * move by clusters; Backspace and Delete remove one; Ctrl-U clears; Up and
 * Down browse the history; Ctrl-X toggles exact search, Ctrl-R regular
 * expressions; Enter searches, Esc (or Backspace on an empty line) cancels.
 */
#ifndef PATHAK_PROMPT_H
#define PATHAK_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include "draw.h"

typedef struct prompt prompt;

/** What a key did. */
typedef enum {
	PR_NONE,     /**< nothing to redo (a partial character, an unknown key) */
	PR_EDIT,     /**< the text changed: search again as you type */
	PR_MOVE,     /**< the cursor moved: redraw */
	PR_FLAGS,    /**< exact or regex toggled: search again */
	PR_ENTER,    /**< Enter: search (the text goes into the history) */
	PR_CANCEL,   /**< Esc: back to where the reader was */
} pr_result;

/** A closed prompt with the history read from its file (lineedit.h);
 * NULL when out of memory. */
prompt *prompt_new(void);
void prompt_free(prompt *p);

/** Open it for @p kind ('/', '?' or '&') with the flags @p flags. */
void prompt_open(prompt *p, int kind, unsigned flags);
void prompt_close(prompt *p);
bool prompt_is_open(const prompt *p);
int prompt_kind(const prompt *p);
unsigned prompt_flags(const prompt *p);
const char *prompt_text(const prompt *p);
size_t prompt_len(const prompt *p);

/** A key (curses' code) while it is open. */
pr_result prompt_key(prompt *p, int ch);

/** Draw it on row @p y, with @p note (what the search found so far, or
 * NULL) at the right. */
void prompt_draw(prompt *p, const drawer *d, int y, const char *note);

/** Put @p s into the history (and its file), as Enter does; for +/ and -p. */
void prompt_remember(prompt *p, const char *s);

#endif
