/*
 * rblock.h - one block laid out in a render mode.
 *
 * In the roman modes a block's lines lie in a romanized copy of it (latin)
 * or alternate with it (interlinear: each source line, then the lines of
 * its romanization).  An rblock holds that copy and the map back to input
 * offsets.  No curses: the view, --dump and the tests share this code.
 */
#ifndef PATHAK_RBLOCK_H
#define PATHAK_RBLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include "layout.h"
#include "render.h"
#include "translit.h"

/** The romanized copy of a block (all NULL outside the roman modes). */
typedef struct rblock {
	char *text;            /**< romanized block, or NULL */
	size_t *map;           /**< text byte -> source offset (strlen(text)+1) */
	unsigned char *kinds;  /**< interlinear: per line, 1 if it is in text */
} rblock;

void rblock_free(rblock *rb);

/**
 * Lay out block [a, b) of @p s at @p w columns in render mode @p mode: the
 * source itself, its romanization (latin), or each source line followed by
 * the romanization of that line (interlinear; a line whose romanization is
 * the same text gets no second row).  *tr is the romanizer, made on first
 * use.  With @p ascii the romanization is folded to ASCII.
 * @return 0, or -1 on failure (memory, ICU).
 */
int rblock_wrap(layout *lay, pk_translit **tr, render_mode mode, bool ascii, const char *s,
                size_t a, size_t b, int w, lay_lines *out, rblock *rb);

/** Line i's buffer (@p s or the romanized copy); *roman says which. */
const char *rblock_line_buf(const char *s, const rblock *rb, size_t i, bool *roman);

/** Line i's extent [*a, *b) in input offsets. */
void rblock_line_src(const rblock *rb, const lay_line *ln, size_t i, size_t *a, size_t *b);

#endif
