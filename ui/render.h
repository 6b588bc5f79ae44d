/*
 * render.h - how Devanagari is put on a terminal that may not shape it.
 *
 * Render modes (cycled with `r`, chosen at start-up by ui/term.c, forced
 * with --render=MODE):
 *
 *   shaped          the text in logical order, as stored.  For terminals that
 *                   shape (mlterm -otl) or at least reorder ि themselves (VTE),
 *                   and for kitty and mlterm, which keep a cluster in one cell.
 *   reorder         for terminals that neither shape nor reorder (xterm,
 *                   alacritty, urxvt, st): the pre-base vowel sign ि (and the
 *                   rare ॎ) is drawn before its consonant cluster, so that
 *                   स्थिति shows as िस्थित and reads right.  Across a virama + ZWNJ
 *                   (an explicit halant) the sign stays with the last
 *                   consonant, as a shaping engine would draw it.
 *   halant          every virama that joins two consonants is drawn as an
 *                   explicit halant: virama + ZWNJ (a ZWJ there becomes a
 *                   ZWNJ), so that no terminal tries a half-form it cannot
 *                   draw.  Logical order.
 *   reorder+halant  both.
 *   latin           the romanized text (src/translit.h, ASCII letters); the
 *                   lines are laid out over the romanized string.
 *   interlinear     each Devanagari line with its romanization on the
 *                   row(s) under it; the Devanagari rows are drawn in the
 *                   terminal's own Devanagari mode (shaped or reorder).
 *   image           each row of Devanagari drawn as a picture: shaped by
 *                   HarfBuzz with a real Devanagari font and sent with the
 *                   kitty graphics protocol or as sixel (imgrows.h), on
 *                   terminals that said they draw either.  Laid out as
 *                   shaped; `r` skips it where it cannot be drawn, and
 *                   --dump never uses it.
 *
 * All of this is display only: the document, search, offsets and export
 * stay in logical order, and the transformations here work within one
 * grapheme cluster, so they never change which clusters exist.  In the
 * glibc wcwidth advance model they never change a cluster's width either
 * (a permutation, plus zero-width ZWNJs).
 *
 * No curses here: the tests link this directly.
 */
#ifndef PATHAK_RENDER_H
#define PATHAK_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "width.h"

typedef enum {
	RENDER_SHAPED = 0,
	RENDER_REORDER,
	RENDER_HALANT,
	RENDER_REORDER_HALANT,
	RENDER_LATIN,
	RENDER_INTERLINEAR,
	RENDER_IMAGE,
	RENDER_MODE_MAX
} render_mode;

/** Most code points render_display() writes for one cluster. */
#define RENDER_DISPLAY_MAX (2 * WIDTH_DISPLAY_MAX)

/** The mode's name as --render takes it ("shaped", "reorder+halant", ...). */
const char *render_mode_name(render_mode m);

/** Parse a mode name; also accepts "reorder-halant".  @return false if unknown. */
bool render_mode_parse(const char *s, render_mode *m);

/** The mode after @p m in the `r` cycle (wraps around). */
render_mode render_mode_next(render_mode m);

/** Does mode @p m show romanized text (latin, interlinear)? */
bool render_mode_roman(render_mode m);

/** Does mode @p m move ि before its consonants (reorder, reorder+halant)? */
bool render_mode_reorders(render_mode m);

/**
 * Transform the display code points of one cluster, @p in[0..n) (as
 * width_display() gives them), for mode @p m.  Writes at most
 * RENDER_DISPLAY_MAX code points to @p out and returns their number.
 * After the transformation, marks beyond WIDTH_CELL_MARKS after one base
 * are dropped again, so what a cell holds holds.  latin and interlinear
 * are treated as shaped here (romanization works on whole blocks, in
 * pager.c, which draws interlinear's Devanagari rows in another mode).
 */
size_t render_cluster(render_mode m, const uint32_t *in, size_t n, uint32_t *out);

/**
 * width_display() then render_cluster(): the code points to draw for the
 * cluster [a, b) of @p s in mode @p m.  @p out holds RENDER_DISPLAY_MAX.
 */
size_t render_display(render_mode m, const char *s, size_t a, size_t b, uint32_t *out);

/**
 * Columns the cluster [a, b) of @p s takes drawn in mode @p mode under
 * model @p m.  In the cluster model of a terminal that gives ZWNJ a column
 * (width_zwnj_cell(): mlterm) the reorder and halant modes are measured as
 * drawn (width_drawn()), where a vowel sign moved before its consonant and
 * a ZWNJ put in take columns of their own; otherwise width_cluster().
 */
int render_width(width_model m, render_mode mode, const char *s, size_t a, size_t b);

/**
 * An ASCII stand-in for code point @p cp, for a locale that is not UTF-8:
 * the code point itself if it is printable ASCII, else a short
 * transliteration of common punctuation (“ -> ", — -> -, । -> ., ¶ -> P,
 * … -> ...) or "?"; "" for invisible format characters (ZWJ, ZWNJ, ZWSP).
 * Never NULL.
 */
const char *render_ascii(uint32_t cp, char buf[2]);

#endif
