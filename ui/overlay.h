/*
 * overlay.h - Devanagari drawn behind curses' back in cluster-advance
 * terminals.
 *
 * In the WIDTH_CLUSTER model curses cannot place Devanagari (it counts
 * cells by wcwidth and keeps no spacing mark in a cell), so the drawing
 * gives curses blank placeholder cells there and queues each such cluster
 * here; after refresh() overlay_flush() rewrites every row that holds one
 * (cursor addressing per row), and the next frame's overlay_begin() tells
 * curses those rows are unknown so its update repaints them.
 */
#ifndef PATHAK_OVERLAY_H
#define PATHAK_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <curses.h>

typedef struct pk_overlay pk_overlay;

/** An empty overlay; NULL when out of memory. */
pk_overlay *overlay_new(void);
void overlay_free(pk_overlay *ov);

/** Start a frame (before erase()): forget the clusters of the last one and
 * make curses repaint the rows they were written on. */
void overlay_begin(pk_overlay *ov);

/** Did the last overlay_begin() have curses repaint row @p y whole?
 * (Pictures drawn there, imgrows.h, were erased.) */
bool overlay_redrew(const pk_overlay *ov, int y);

/** Queue the cluster @p cps[0..n) for cells (y, x)..(y, x + w) in @p attr. */
void overlay_add(pk_overlay *ov, int y, int x, int w, attr_t attr, const uint32_t *cps, size_t n);

/**
 * A column every rewritten row is addressed at anew (the entity pane's
 * edge), so that a row whose clusters the terminal advances otherwise than
 * the model said does not push the edge and the pane out of line; -1: none.
 */
void overlay_fence(pk_overlay *ov, int x);

/** Call right after refresh(): write the queued clusters' rows. */
void overlay_flush(pk_overlay *ov);

#endif
