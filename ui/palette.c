/* palette.c - contrast, the xterm 256-colour palette, fitting colours. */
#include "config.h"

#include "palette.h"

#include <math.h>
#include <string.h>

/* sRGB channel to linear light (WCAG 2's formula) */
static double
lin(unsigned char v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double
palette_luminance(rgb c)
{
	return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double
palette_contrast(rgb a, rgb b)
{
	double la = palette_luminance(a), lb = palette_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

rgb
palette_xterm(int i)
{
	/* xterm's defaults for the sixteen; its cube and grey ramp */
	static const rgb sixteen[16] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };
	if (i < 0)
		i = 0;
	if (i < 16)
		return sixteen[i];
	if (i < 232) {
		i -= 16;
		return (rgb){ level[i / 36], level[i / 6 % 6], level[i % 6] };
	}
	if (i > 255)
		i = 255;
	unsigned char g = (unsigned char)(8 + 10 * (i - 232));
	return (rgb){ g, g, g };
}

int
palette_nearest(rgb c)
{
	int best = 16;
	long bd = -1;
	/* not 0-15: terminals redefine those (themes), the cube they rarely do */
	for (int i = 16; i < 256; i++) {
		rgb p = palette_xterm(i);
		long dr = (long)p.r - c.r, dg = (long)p.g - c.g, db = (long)p.b - c.b;
		long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;  /* eyes weigh green most */
		if (bd < 0 || d < bd) {
			bd = d;
			best = i;
		}
	}
	return best;
}

static unsigned char
mix1(unsigned char a, unsigned char b, int t, int n)
{
	return (unsigned char)((a * (n - t) + b * t + n / 2) / n);
}

int
palette_fit(rgb want, rgb bg, double min)
{
	/* toward whichever end contrasts more with the background */
	rgb black = { 0, 0, 0 }, white = { 255, 255, 255 };
	rgb end = palette_contrast(black, bg) >= palette_contrast(white, bg) ? black : white;
	enum { STEPS = 32 };
	for (int t = 0; t <= STEPS; t++) {
		rgb c = { mix1(want.r, end.r, t, STEPS), mix1(want.g, end.g, t, STEPS),
		          mix1(want.b, end.b, t, STEPS) };
		int i = palette_nearest(c);
		if (palette_contrast(palette_xterm(i), bg) >= min)
			return i;
	}
	return palette_nearest(end);
}

/* 1 to 4 hex digits scaled to 0-255; returns the characters read, 0 if none */
static size_t
channel(const char *s, unsigned char *out)
{
	unsigned v = 0;
	size_t n = 0;
	for (; n < 4; n++) {
		char c = s[n];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') :
		             c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) :
		             c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
		if (d == 16)
			break;
		v = v * 16 + d;
	}
	if (n == 0)
		return 0;
	unsigned max = (1u << (4 * n)) - 1;
	*out = (unsigned char)((v * 255 + max / 2) / max);
	return n;
}

bool
palette_parse_xcolor(const char *s, rgb *out)
{
	unsigned char v[3];
	if (strncmp(s, "rgb:", 4) != 0)
		return false;
	s += 4;
	for (int k = 0; k < 3; k++) {
		size_t n = channel(s, &v[k]);
		if (!n)
			return false;
		s += n;
		if (k < 2 && *s++ != '/')
			return false;
	}
	if (*s)
		return false;
	*out = (rgb){ v[0], v[1], v[2] };
	return true;
}
