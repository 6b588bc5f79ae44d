/*
 * layout.h - wrap a run of text into lines of at most a given width.
 *
 * Lines break at ICU line-break opportunities that are also grapheme-cluster
 * boundaries; a word longer than the line breaks between clusters, never
 * inside one.  Whitespace at a break hangs at the end of the line and does
 * not count toward its width.  The lines tile the input range exactly, so
 * joining them gives back the text.  No curses here: --dump and the tests
 * use the very same code as the screen.
 */
#ifndef PATHAK_LAYOUT_H
#define PATHAK_LAYOUT_H

#include <stddef.h>
#include "render.h"
#include "width.h"

/** One laid-out line: bytes [start, end) of the text. */
typedef struct lay_line {
	size_t start, end;
	size_t vis_end;   /**< end without the hanging whitespace */
	int width;        /**< columns of [start, vis_end) */
} lay_line;

/** A growable list of lines. */
typedef struct lay_lines {
	lay_line *v;
	size_t n, cap;
} lay_lines;

typedef struct layout layout;

/** A layout context (owns its ICU iterators); NULL on failure. */
layout *layout_new(width_model m);
void layout_free(layout *l);
void layout_set_model(layout *l, width_model m);
/** The mode the Devanagari is drawn in (the halant modes can widen a
 * cluster: render_width()); RENDER_SHAPED by default. */
void layout_set_mode(layout *l, render_mode mode);
width_model layout_model(const layout *l);

/**
 * Append to @p out the lines of bytes [a, b) of @p s wrapped at @p width
 * columns (at least 1).  An empty range yields one empty line.
 * @return 0, or -1 on failure (memory or ICU); @p out keeps what was added.
 */
int layout_wrap(layout *l, const char *s, size_t a, size_t b, int width, lay_lines *out);

/** Append a line; 0, or -1 when out of memory (the list is unchanged). */
int lay_lines_push(lay_lines *ls, const lay_line *ln);

/** Empty the list, keeping its memory. */
void lay_lines_clear(lay_lines *ls);
void lay_lines_free(lay_lines *ls);

/**
 * Call @p fn for each grapheme cluster of [a, b) with its start, end and
 * width under the layout's model.  Drawing uses this so it walks the same
 * clusters the layout measured.  Stops early if fn returns non-zero.
 */
int layout_clusters(layout *l, const char *s, size_t a, size_t b,
                    int (*fn)(void *ctx, size_t cs, size_t ce, int w), void *ctx);

#endif
