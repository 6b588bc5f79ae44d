/*
 * imgrows.h - render mode image on the screen: the reader's rows of
 * Devanagari drawn as pictures (image.h) over cells curses holds blank.
 *
 * A frame: imgrows_begin(), the rows drawn (draw.c calls imgrows_add()
 * for a row it leaves blank), imgrows_settle() before curses' refresh,
 * imgrows_flush() after it.  What is sent depends on the protocol:
 *
 *   kitty   each row's picture is sent once under an id of its own and
 *           kept by the terminal (a cache of IMGROWS_CACHE lines); a frame
 *           whose rows differ deletes the placements and places each row
 *           again, so scrolling by a line sends one new picture and a few
 *           bytes per row.
 *   sixel   pixels in the cells: a row is sent again only when what it
 *           shows changed, or curses repainted it (Ctrl-L, a new size, the
 *           overlay's rows); a scroll is done by the terminal, which moves
 *           the pixels, so only the rows that came in are sent.  A row that stops being a picture is repainted
 *           whole by curses, which erases the pixels.
 */
#ifndef PATHAK_IMGROWS_H
#define PATHAK_IMGROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <curses.h>
#include "overlay.h"
#include "palette.h"
#include "term.h"

/** Pictures of lines kept (kitty: by the terminal; sixel: their strings). */
#define IMGROWS_CACHE 128

typedef struct imgrows imgrows;

/**
 * Image rows for a terminal that draws @p gfx with cells of @p cell_w x
 * @p cell_h pixels (0: from TIOCGWINSZ on standard output), text on
 * @p back (NULL: unknown, then white when @p light, else black).  Call
 * after colors_init().  @return NULL when no picture can be drawn, and
 * in @p why the reason: no graphics, cell size unknown, built without
 * HarfBuzz, no Devanagari font.
 */
imgrows *imgrows_new(term_gfx gfx, int cell_w, int cell_h, const rgb *back, bool light,
                     const char **why);
void imgrows_free(imgrows *ir);

/** The protocol's name and the font's file, for the status line. */
const char *imgrows_describe(const imgrows *ir, char *buf, size_t n);

/** Does a row of text @p s[0..n) go as a picture: it holds Devanagari,
 * and nothing the fonts cannot draw (control symbols stay text). */
bool imgrows_wants(const char *s, size_t n);

/** A frame begins: no rows yet. */
void imgrows_begin(imgrows *ir);

/**
 * Row @p y, from column @p x over @p cols cells, shows @p s[0..n), byte i
 * drawn as curses would draw it in @p attrs[i] (colour pair, bold,
 * underline, reverse, dim), the cells past the text in @p base.  The
 * caller has left those cells blank.
 */
void imgrows_add(imgrows *ir, int y, int x, int cols, const char *s, size_t n,
                 const attr_t *attrs, attr_t base);

/** Does the terminal take a picture on the last row (kitty: the cursor
 * does not move; sixel would scroll the screen)? */
bool imgrows_last_row(const imgrows *ir);

/** Before the refresh: a row that showed a picture and no longer does is
 * repainted whole by curses (sixel's pixels are erased with its cells);
 * a frame that is the last one scrolled is scrolled by the terminal, so
 * that only the rows that came in are sent (sixel).  @p ov as for
 * imgrows_flush(). */
void imgrows_settle(imgrows *ir, const pk_overlay *ov);

/** After the refresh: send what changed.  @p ov (may be NULL): rows it
 * had curses repaint this frame lost their pixels. */
void imgrows_flush(imgrows *ir, const pk_overlay *ov);

/** The screen was cleared (Ctrl-L, a new size): every row is sent again. */
void imgrows_forget(imgrows *ir);

/** Leaving image mode: the pictures go from the screen (kitty's from its
 * memory too); curses repaints sixel's rows. */
void imgrows_clear(imgrows *ir);

/** Bytes written to the terminal so far (benchmarks, tests). */
size_t imgrows_sent(const imgrows *ir);

#endif
