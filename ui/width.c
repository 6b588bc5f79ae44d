/* width.c - the width model shared by layout and drawing. */
#include "config.h"

#include "width.h"
#include "input.h"

#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <unicode/uchar.h>
#include <unigbrk.h>
#include <uniwidth.h>

static bool use_libc;
static bool zwnj_cell;  /* the terminal's own measure: see width.h */

void
width_set_zwnj_cell(bool on)
{
	zwnj_cell = on;
}

bool
width_zwnj_cell(void)
{
	return zwnj_cell;
}

void
width_init(void)
{
	const char *cs = nl_langinfo(CODESET);
	use_libc = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int
raw_width(uint32_t cp)
{
	/* printable ASCII is one cell in every locale: skip the table */
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	return use_libc ? wcwidth((wchar_t)cp) : uc_width(cp, "UTF-8");
}

int
width_cp(uint32_t cp)
{
	int w = raw_width(cp);
	return w < 0 ? 1 : w;
}

static bool
is_mark(uint32_t cp)
{
	if (cp < 0x300)
		return false;
	int8_t t = u_charType((UChar32)cp);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* The bidirectional controls (embeddings, overrides, isolates, marks):
 * obeyed, they reorder what the terminal shows, text outside them too. */
bool
width_is_bidi(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* width_display(), also giving each code point's width (0, 1 or 2), so
 * that no width is looked up twice. */
static size_t
display(const char *s, size_t a, size_t b, uint32_t *out, int8_t *w)
{
	size_t n = 0, pos = a;
	int marks = 0;

	while (pos < b && n < WIDTH_DISPLAY_MAX) {
		uint32_t cp = pk_visible(pk_decode(s, b, &pos));
		if (width_is_bidi(cp))
			cp = 0xFFFD;  /* shown, as C1 controls are, never obeyed */
		int cw = raw_width(cp);
		if (cw < 0) {
			cp = 0xFFFD;
			cw = 1;
		}
		if (n == 0 && (cp == 0x200C || cp == 0x200D || is_mark(cp))) {
			w[n] = 1;
			out[n++] = 0x25CC;  /* a mark needs a base to sit on */
			marks = 0;
			if (n == WIDTH_DISPLAY_MAX)
				break;
		}
		if (cw == 0) {
			if (marks >= WIDTH_CELL_MARKS)
				continue;  /* a cell holds no more */
			marks++;
		} else {
			marks = 0;
		}
		w[n] = (int8_t)cw;
		out[n++] = cp;
	}
	return n;
}

size_t
width_display(const char *s, size_t a, size_t b, uint32_t *out)
{
	int8_t w[WIDTH_DISPLAY_MAX];
	return display(s, a, b, out, w);
}

/* The columns of display code points cps[0..n) (widths cw) under model m. */
static int
columns(width_model m, const uint32_t *cps, const int8_t *cw, size_t n)
{
	int w = 0;

	if (m == WIDTH_WCWIDTH) {
		for (size_t i = 0; i < n; i++)
			w += cw[i];
		return w;
	}
	/* Cluster model: one advance per legacy grapheme cluster (libunistring
	 * implements the legacy rules that these terminals follow), two for a
	 * wide one.  The legacy rules join ZWNJ to the cluster before it, and
	 * what follows it to it; a terminal that gives ZWNJ a column (mlterm)
	 * makes it a cluster of its own (measured: a+ZWNJ+b 3, द्+ZWNJ+ि+व 4). */
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		int lw = cw[i];
		while (j < n && !uc_is_grapheme_break(cps[j - 1], cps[j]) &&
		       !(zwnj_cell && (cps[j] == 0x200C || cps[j - 1] == 0x200C))) {
			if (cw[j] > lw)
				lw = cw[j];
			j++;
		}
		w += lw > 0 ? lw : 1;
		i = j;
	}
	return w;
}

int
width_cluster(width_model m, const char *s, size_t a, size_t b)
{
	uint32_t cps[WIDTH_DISPLAY_MAX];
	int8_t cw[WIDTH_DISPLAY_MAX];
	size_t n = display(s, a, b, cps, cw);
	return columns(m, cps, cw, n);
}

int
width_drawn(width_model m, const uint32_t *cps, size_t n)
{
	int8_t cw[2 * WIDTH_DISPLAY_MAX];
	if (n > sizeof cw)
		n = sizeof cw;
	for (size_t i = 0; i < n; i++)
		cw[i] = (int8_t)width_cp(cps[i]);
	return columns(m, cps, cw, n);
}

bool
width_is_space(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return a < b;
}
