/*
 * width.h - the one width function: how many terminal columns a grapheme
 * cluster takes, and which characters stand for it on screen.
 *
 * Layout and drawing both ask here, so what the layout plans is what the
 * screen shows.  Two advance models exist (see issue 3):
 *   WIDTH_WCWIDTH  the terminal advances per code point by wcwidth (xterm,
 *                  VTE, alacritty, tmux, and ncursesw's own accounting);
 *   WIDTH_CLUSTER  the terminal advances one column per legacy grapheme
 *                  cluster (kitty, mlterm): कि is 1 column, स्थि 2.
 */
#ifndef PATHAK_WIDTH_H
#define PATHAK_WIDTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum {
	WIDTH_WCWIDTH = 0,
	WIDTH_CLUSTER,
} width_model;

/** Most code points one displayed cluster may expand to. */
#define WIDTH_DISPLAY_MAX 32

/** Marks ncursesw keeps in one cell after its base character. */
#define WIDTH_CELL_MARKS 4

/**
 * Choose the width source once, after setlocale(): in a UTF-8 locale the C
 * library's wcwidth (what ncursesw itself uses), else libunistring's
 * uc_width (the same tables, locale-free, for --dump in the C locale).
 */
void width_init(void);

/**
 * The code points that stand on screen for the cluster [a, b) of s:
 * controls become visible symbols (C0 as control pictures, C1 and the
 * bidirectional controls U+061C, U+200E/F, U+202A..E, U+2066..9 as U+FFFD),
 * a mark with no base gets U+25CC before
 * it, marks beyond WIDTH_CELL_MARKS after one base are dropped (a cell holds
 * no more), and unprintable code points become U+FFFD.  Writes at most
 * WIDTH_DISPLAY_MAX code points to out and returns their number; excess
 * code points of absurdly long clusters are dropped.
 */
size_t width_display(const char *s, size_t a, size_t b, uint32_t *out);

/** Is @p cp a bidirectional control (U+061C, U+200E/F, U+202A..E, U+2066..9)? */
bool width_is_bidi(uint32_t cp);

/** Columns of one code point as the terminal counts it (0, 1 or 2). */
int width_cp(uint32_t cp);

/** Columns the cluster [a, b) of s takes on screen under model m. */
int width_cluster(width_model m, const char *s, size_t a, size_t b);

/**
 * Columns of code points @p cps[0..n) as drawn (what width_display() and a
 * render mode made of a cluster: the ZWNJ a halant mode puts in, a vowel
 * sign moved before its consonant) under model m.  At most
 * 2 * WIDTH_DISPLAY_MAX are counted.
 */
int width_drawn(width_model m, const uint32_t *cps, size_t n);

/**
 * Whether the terminal gives ZWNJ (U+200C) a column of its own in the
 * cluster model, as the probe measured (mlterm does, kitty does not):
 * width_cluster() then makes each one a cluster of its own, and
 * render_width() measures the reorder and halant modes as drawn.  Off by
 * default.
 */
void width_set_zwnj_cell(bool on);
bool width_zwnj_cell(void);

/** True if the cluster [a, b) is whitespace (a space, a tab). */
bool width_is_space(const char *s, size_t a, size_t b);

#endif
