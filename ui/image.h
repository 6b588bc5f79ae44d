/*
 * image.h - the pieces image mode (issue 11) is to be built from: a line of
 * text shaped by HarfBuzz and drawn by FreeType into a coverage bitmap,
 * and the two ways of sending a bitmap to a terminal (the kitty graphics
 * protocol, sixel).  imgrows.h puts them on the screen (render mode
 * image).  Curses-free, so that the unit tests and the benchmark use them
 * directly.
 *
 * The encoders need nothing; the shaping needs HarfBuzz, FreeType and
 * fontconfig (configure --without-harfbuzz leaves it out, and then
 * img_font_open() returns NULL).
 */
#ifndef PATHAK_IMAGE_H
#define PATHAK_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** A font at one pixel size (opaque). */
typedef struct img_font img_font;

/**
 * The font fontconfig gives for @p pattern (e.g. "Noto Sans
 * Devanagari:lang=hi"), sized so that a line fits @p cell_h pixels.
 * @return the font, or NULL: none found, or built without HarfBuzz.
 */
img_font *img_font_open(const char *pattern, int cell_h);
void img_font_free(img_font *f);

/** The file the font came from (for reports). */
const char *img_font_file(const img_font *f);

/**
 * Bytes of glyph bitmaps the font keeps: each glyph is drawn once per
 * squeeze and kept in one of 1024 slots (a new one takes its slot's place),
 * so this stays below 1024 glyph bitmaps.
 */
size_t img_cache_bytes(const img_font *f);

/** Glyphs of the line last shaped that no font has (drawn as boxes). */
int img_missing(const img_font *f);

/**
 * Shape the UTF-8 text @p s[0..n) (one line).  Code points the Devanagari
 * font lacks (Latin letters) are shaped with a second font, the family
 * without "Devanagari" (Noto Sans), when fontconfig has one.  @return the number of
 * glyphs (a conjunct is one glyph where the font has it, so fewer than the
 * code points), and in @p advance its width in pixels; -1 on failure.
 */
int img_shape(img_font *f, const char *s, size_t n, int *advance);

/** A colour, 0..255 each. */
typedef struct img_rgb {
	uint8_t r, g, b;
} img_rgb;

/** A pen: the ink and the paper under it (a highlight has paper of its own). */
typedef struct img_pen {
	img_rgb fg, bg;
} img_pen;

/** Most pens one image uses (sixel gives each pen four colour registers). */
#define IMG_PENS_MAX 16

/**
 * Draw the shaped line @p s[0..n) into the coverage bitmap @p cov
 * (@p w x @p h bytes, row by row, 0 paper .. 255 ink), cleared first;
 * a line wider than @p w is squeezed to fit, never clipped.
 * With @p pens (a pen number for each byte of @p s) and @p pen (@p w x
 * @p h), each pixel gets the pen of the glyph that drew it: a glyph takes
 * the pen of the first byte of its cluster, over the width it advances
 * (its paper) and wherever its ink reaches; pixels past the text get pen 0.
 * @p pens and @p pen may be NULL (all pen 0).  @return 0, or -1 on failure.
 */
int img_draw(img_font *f, const char *s, size_t n, const uint8_t *pens, uint8_t *cov,
             uint8_t *pen, int w, int h);

/** Base64 of @p in[0, @p n) into @p out, which has room for (n + 2) / 3 * 4
 * bytes; no NUL is added.  @return the bytes written. */
size_t img_base64(const uint8_t *in, size_t n, char *out);

/**
 * The kitty graphics protocol's escape strings that transmit the bitmap
 * (@p cov, @p pen as img_draw() made them, @p w x @p h) as 24-bit pixels,
 * each blended from its pen's paper to its ink (@p pal: @p npens pens), as
 * image @p id: with @p cols > 0 shown at the cursor scaled to @p cols x
 * @p rows cells (`a=T`), else transmitted only (`a=t`) to be placed by
 * img_kitty_place().  The cursor does not move (C=1); replies are off
 * (q=2).  With @p zlib (only in a build with HarfBuzz, which brings zlib)
 * the pixels are deflated (o=z): a row of text is mostly paper, and
 * shrinks tenfold or more.  Chunks of at most 4096 base64 bytes (m=1 on
 * all but the last).  Writes at most @p cap bytes to @p out.  @return the
 * length, or 0 if @p cap is too small.
 */
size_t img_kitty(char *out, size_t cap, const uint8_t *cov, const uint8_t *pen, int w, int h,
                 const img_pen *pal, int npens, unsigned id, int cols, int rows, bool zlib);

/** The kitty escape string that shows image @p id, sent before, at the
 * cursor over @p cols x @p rows cells.  @return its length, 0 if @p cap is
 * too small. */
size_t img_kitty_place(char *out, size_t cap, unsigned id, int cols, int rows);

/**
 * The sixel string (DCS q ... ST) of the bitmap (@p cov, @p pen, @p w x
 * @p h) in four shades per pen from paper to ink, run-length coded, every
 * pixel painted; colour registers are numbered from 0 in the order of
 * pen and shade, only those some pixel uses.  Writes at most @p cap bytes to @p out.  @return the
 * length, or 0 if @p cap is too small or @p npens more than IMG_PENS_MAX.
 */
size_t img_sixel(char *out, size_t cap, const uint8_t *cov, const uint8_t *pen, int w, int h,
                 const img_pen *pal, int npens);

#endif
