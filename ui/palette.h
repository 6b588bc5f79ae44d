/*
 * palette.h - colours as numbers: the contrast of two colours (WCAG 2),
 * the xterm 256-colour palette, and fitting a colour to a background so
 * that text drawn in it stays readable.  No curses here: colors.c turns
 * the results into colour pairs, and the tests check every theme's table
 * against its background without a terminal.
 */
#ifndef PATHAK_PALETTE_H
#define PATHAK_PALETTE_H

#include <stdbool.h>

/** A colour, 8 bits a channel. */
typedef struct rgb {
	unsigned char r, g, b;
} rgb;

/** The least contrast ratio pathak allows between text and its background
 * (WCAG 2's AA level for normal text). */
#define PALETTE_MIN_CONTRAST 4.5

/** WCAG 2 relative luminance of @p c, 0 (black) to 1 (white). */
double palette_luminance(rgb c);

/** WCAG 2 contrast ratio of @p a and @p b, 1 to 21. */
double palette_contrast(rgb a, rgb b);

/** The colour xterm shows for index @p i of its 256-colour palette
 * (0-15 the standard colours, 16-231 the 6x6x6 cube, 232-255 greys). */
rgb palette_xterm(int i);

/** The index 16-255 of the 256-colour palette nearest to @p c. */
int palette_nearest(rgb c);

/**
 * The index 16-255 of the colour nearest to @p want whose contrast with
 * @p bg is at least @p min: @p want itself when it has it, else @p want
 * mixed toward black (on a light background) or white (on a dark one)
 * only as far as needed.  The contrast is that of the palette colour
 * actually shown, not of @p want.
 */
int palette_fit(rgb want, rgb bg, double min);

/**
 * Parse a terminal's answer to OSC 10/11 ("rgb:RRRR/GGGG/BBBB", 1 to 4
 * hex digits a channel, as XParseColor reads it) into @p out.
 * @return false when @p s is not such a colour.
 */
bool palette_parse_xcolor(const char *s, rgb *out);

#endif
