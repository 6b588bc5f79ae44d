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

void
width_init(void)
{
	const char *cs = nl_langinfo(CODESET);
	use_libc = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int
raw_width(uint32_t cp)
{
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
	int8_t t = u_charType((UChar32)cp);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

size_t
width_display(const char *s, size_t a, size_t b, uint32_t *out)
{
	size_t n = 0, pos = a;
	int marks = 0;

	while (pos < b && n < WIDTH_DISPLAY_MAX) {
		uint32_t cp = pk_visible(pk_decode(s, b, &pos));
		if (raw_width(cp) < 0)
			cp = 0xFFFD;
		if (n == 0 && (is_mark(cp) || cp == 0x200C || cp == 0x200D)) {
			out[n++] = 0x25CC;  /* a mark needs a base to sit on */
			marks = 0;
		}
		if (raw_width(cp) == 0) {
			if (marks >= WIDTH_CELL_MARKS)
				continue;
			marks++;
		} else {
			marks = 0;
		}
		out[n++] = cp;
	}
	return n;
}

int
width_cluster(width_model m, const char *s, size_t a, size_t b)
{
	uint32_t cps[WIDTH_DISPLAY_MAX];
	size_t n = width_display(s, a, b, cps);
	int w = 0;

	if (m == WIDTH_WCWIDTH) {
		for (size_t i = 0; i < n; i++)
			w += width_cp(cps[i]);
		return w;
	}
	/* Cluster model: one advance per legacy grapheme cluster (libunistring
	 * implements the legacy rules that these terminals follow), two for a
	 * wide one. */
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		int cw = width_cp(cps[i]);
		while (j < n && !uc_is_grapheme_break(cps[j - 1], cps[j])) {
			int x = width_cp(cps[j]);
			if (x > cw)
				cw = x;
			j++;
		}
		w += cw > 0 ? cw : 1;
		i = j;
	}
	return w;
}

bool
width_is_space(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return a < b;
}
