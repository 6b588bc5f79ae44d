/*
 * draw.h - text into stdscr, cluster by cluster, as the layout measured it.
 *
 * The reader's rows (with the colours of the block, of control symbols and
 * of the quotation spans), and clipped runs for the status line and the
 * quote list.  In the cluster-advance model a cluster curses cannot keep
 * in its cells goes to the overlay (overlay.h).
 */
#ifndef PATHAK_DRAW_H
#define PATHAK_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>
#include "layout.h"
#include "overlay.h"
#include "render.h"
#include "span.h"
#include "translit.h"
#include "view.h"

/** What drawing needs; the pager owns it and keeps it current. */
typedef struct drawer {
	layout *lay;            /**< the view's layout: the clusters it measured */
	pk_translit **tr;       /**< the romanizer (clipped text in latin mode) */
	pk_overlay *ov;         /**< cluster model: where such clusters go; else NULL */
	bool ascii;             /**< the locale is not UTF-8: ASCII stand-ins */
	render_mode mode;       /**< the render mode */
	render_mode deva;       /**< Devanagari rows' mode when mode is a roman one */
	const char *input;      /**< the input bytes: spans are offsets into them */
	const pk_spans *spans;  /**< quotation and speaker spans, sorted */
	size_t cur;             /**< the current quotation, highlighted */
	const pk_spans *marks;  /**< the selected entity's mentions (payload: their number), or NULL */
	size_t mcur;            /**< the mention jumped to, highlighted more */
	const pk_spans *found;  /**< search matches (payload: their index), or NULL */
	size_t fcur;            /**< the current match, highlighted more */
	struct imgrows *img;    /**< render mode image: where pictured rows go; else NULL */
	int imgcols;            /**< image mode: the text column's width (a row's picture) */
} drawer;

/** Draw view row @p r at row y from column x, clipped at column maxx. */
void draw_row(const drawer *d, const view_row *r, int y, int x, int maxx);

/**
 * Draw the first line of bytes [a, b) of @p src laid out at @p w columns
 * (romanized in latin mode), whole clusters only; with @p cut, text that
 * does not fit ends in an ellipsis ("..." in ASCII).  @return the columns
 * used.
 */
int draw_clipped(const drawer *d, const char *src, int y, int x, int w, size_t a, size_t b,
                 attr_t attr, bool cut);

/**
 * draw_clipped(), except that in render mode image a line with Devanagari
 * is drawn as a picture (imgrows.h) in @p attr: for the status line's
 * title (kitty only: a sixel on the last row would scroll the screen),
 * the entity pane's names and the quote list.  Typed text (the prompt)
 * stays text, where the cursor is.
 */
int draw_clipped_pic(const drawer *d, const char *src, int y, int x, int w, size_t a, size_t b,
                     attr_t attr, bool cut);

/**
 * refresh(), except on a screen one column wide, where the bottom-right
 * cell is left blank first: ncurses (seen in 6.4) writes that cell on a
 * terminal with automatic margins by inserting it from column COLS - 2,
 * and reads before the row when that is -1 (valgrind: invalid reads in
 * doupdate, with any program that writes the cell).
 */
void draw_refresh(void);

/**
 * Write the interface's own UTF-8 text @p s (a message, a label: no
 * article bytes) at (y, x) in at most @p maxcols columns by wcwidth, whole
 * characters only.  @return the columns used.  For the translated
 * interface, whose strings are not ASCII.
 */
int draw_ui(int y, int x, const char *s, int maxcols);

#endif
