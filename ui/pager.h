/*
 * pager.h - the reader pane, its status line and the help screen.
 * Each screen has init/draw/key, in the manner of ncdu.
 */
#ifndef PATHAK_PAGER_H
#define PATHAK_PAGER_H

#include <stdbool.h>
#include <stdio.h>
#include "doc.h"
#include "layout.h"

/** Options that shape the text column. */
typedef struct pager_opts {
	int width;          /**< widest text column in cells (default 80) */
	width_model model;  /**< the terminal's advance model */
	const char *name;   /**< shown in the status line when there is no title */
} pager_opts;

typedef struct pager pager;

/** A pager over @p doc; NULL when out of memory. */
pager *pager_new(pk_doc *doc, const pager_opts *o);
void pager_free(pager *p);

/** Draw the reader pane and the status line into stdscr (no refresh). */
void pager_draw(pager *p);

/** Handle key @p ch.  @return false when the user asked to quit. */
bool pager_key(pager *p, int ch);

/** Re-lay out for the current window size, keeping the first line's text. */
void pager_resize(pager *p);

/** Do a slice of background work (the paragraph index); true when idle. */
bool pager_idle(pager *p);

/**
 * Write the document laid out at @p width to @p out as --dump does: the
 * lines the screen would show, a blank line between blocks, no colour.
 * @return 0, or -1 on a write or layout error.
 */
int pager_dump(pk_doc *doc, int width, width_model m, FILE *out);

#endif
