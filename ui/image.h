/*
 * image.h - the pieces image mode (issue 11) is to be built from: a line of
 * text shaped by HarfBuzz and drawn by FreeType into a coverage bitmap,
 * and the two ways of sending a bitmap to a terminal (the kitty graphics
 * protocol, sixel).  Not wired into the reader yet: no render mode uses
 * them.  Curses-free, so that the unit tests and the benchmark use them
 * directly.
 *
 * The encoders need nothing; the shaping needs HarfBuzz, FreeType and
 * fontconfig (configure --without-harfbuzz leaves it out, and then
 * img_font_open() returns NULL).
 */
#ifndef PATHAK_IMAGE_H
#define PATHAK_IMAGE_H

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

/**
 * Shape the UTF-8 text @p s[0..n) (one line).  @return the number of
 * glyphs (a conjunct is one glyph where the font has it, so fewer than the
 * code points), and in @p advance its width in pixels; -1 on failure.
 */
int img_shape(img_font *f, const char *s, size_t n, int *advance);

/**
 * Draw the shaped line @p s[0..n) into the coverage bitmap @p cov
 * (@p w x @p h bytes, row by row, 0 background .. 255 ink), cleared first;
 * a line wider than @p w is squeezed to fit, never clipped.  @return 0, or
 * -1 on failure.
 */
int img_draw(img_font *f, const char *s, size_t n, uint8_t *cov, int w, int h);

/** A colour, 0..255 each. */
typedef struct img_rgb {
	uint8_t r, g, b;
} img_rgb;

/**
 * The kitty graphics protocol's escape strings that transmit and show the
 * coverage bitmap @p cov (@p w x @p h) as 24-bit pixels blended from @p bg
 * to @p fg, as image @p id scaled to @p cols x @p rows cells at the cursor:
 * `ESC _ G a=T,f=24,...;base64 ESC \`, in chunks of at most 4096 base64
 * bytes (m=1 on all but the last).  Writes at most @p cap bytes to @p out.
 * @return the length, or 0 if @p cap is too small.
 */
size_t img_kitty(char *out, size_t cap, const uint8_t *cov, int w, int h, img_rgb fg,
                 img_rgb bg, unsigned id, int cols, int rows);

/**
 * The sixel string (DCS q ... ST) of the coverage bitmap @p cov (@p w x
 * @p h) in four shades from @p bg to @p fg, run-length coded.  Writes at
 * most @p cap bytes to @p out.  @return the length, or 0 if @p cap is too
 * small.
 */
size_t img_sixel(char *out, size_t cap, const uint8_t *cov, int w, int h, img_rgb fg,
                 img_rgb bg);

#endif
