/* render.c - display transformations of one cluster (no curses). */
#include "config.h"

#include "render.h"

#include <string.h>

#define VIRAMA 0x094D
#define NUKTA  0x093C
#define ZWNJ   0x200C
#define ZWJ    0x200D

static const char *const names[RENDER_MODE_MAX] = {
	[RENDER_SHAPED] = "shaped",
	[RENDER_REORDER] = "reorder",
	[RENDER_HALANT] = "halant",
	[RENDER_REORDER_HALANT] = "reorder+halant",
	[RENDER_LATIN] = "latin",
	[RENDER_INTERLINEAR] = "interlinear",
	[RENDER_IMAGE] = "image",
};

const char *
render_mode_name(render_mode m)
{
	return m >= 0 && m < RENDER_MODE_MAX ? names[m] : "?";
}

bool
render_mode_parse(const char *s, render_mode *m)
{
	if (!s)
		return false;
	for (int i = 0; i < RENDER_MODE_MAX; i++) {
		if (strcmp(s, names[i]) == 0) {
			*m = (render_mode)i;
			return true;
		}
	}
	if (strcmp(s, "reorder-halant") == 0 || strcmp(s, "halant+reorder") == 0) {
		*m = RENDER_REORDER_HALANT;
		return true;
	}
	return false;
}

render_mode
render_mode_next(render_mode m)
{
	return (render_mode)((m + 1) % RENDER_MODE_MAX);
}

bool
render_mode_roman(render_mode m)
{
	return m == RENDER_LATIN || m == RENDER_INTERLINEAR;
}

bool
render_mode_reorders(render_mode m)
{
	return m == RENDER_REORDER || m == RENDER_REORDER_HALANT;
}

static bool
is_consonant(uint32_t c)
{
	return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F) ||
	       (c >= 0x0978 && c <= 0x097F);
}

/* Pre-base vowel signs: ि, and the old prishthamatra ॎ. */
static bool
is_prebase(uint32_t c)
{
	return c == 0x093F || c == 0x094E;
}

/*
 * Move each pre-base vowel sign to the start of the consonant cluster it
 * follows: back over consonants, nuktas, and viramas (optionally followed
 * by ZWJ) that join consonants.  A sign with no consonant before it (a
 * stray mark, drawn on U+25CC) stays where it is.
 */
static void
reorder(uint32_t *v, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		if (!is_prebase(v[j]))
			continue;
		size_t k = j;
		while (k > 0 && v[k - 1] == NUKTA)
			k--;
		if (k == 0 || !is_consonant(v[k - 1]))
			continue;
		k--;
		/* further back: C [nukta] virama [ZWJ] before our consonant.  A
		 * ZWNJ after the virama asks for a visible halant, so the conjunct
		 * is not one unit on screen and the sign stays with the last
		 * consonant (that is also how halant mode reorders). */
		for (;;) {
			size_t q = k;
			if (q > 0 && v[q - 1] == ZWNJ)
				break;
			if (q > 0 && v[q - 1] == ZWJ)
				q--;
			if (q == 0 || v[q - 1] != VIRAMA)
				break;
			q--;
			while (q > 0 && v[q - 1] == NUKTA)
				q--;
			if (q == 0 || !is_consonant(v[q - 1]))
				break;
			k = q - 1;
		}
		uint32_t sign = v[j];
		memmove(v + k + 1, v + k, (j - k) * sizeof *v);
		v[k] = sign;
	}
}

/* virama + consonant -> virama ZWNJ consonant; virama ZWJ -> virama ZWNJ. */
static size_t
halant(const uint32_t *in, size_t n, uint32_t *out, size_t cap)
{
	size_t m = 0;
	for (size_t i = 0; i < n && m < cap; i++) {
		if (in[i] == ZWJ && i > 0 && in[i - 1] == VIRAMA) {
			out[m++] = ZWNJ;
			continue;
		}
		out[m++] = in[i];
		if (in[i] == VIRAMA && i + 1 < n && is_consonant(in[i + 1]) && m < cap)
			out[m++] = ZWNJ;
	}
	return m;
}

/* Drop marks beyond what a cell holds (the insertions may have added some). */
static size_t
cap_marks(uint32_t *v, size_t n)
{
	size_t m = 0;
	int marks = 0;
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && width_cp(v[i]) == 0) {
			if (marks >= WIDTH_CELL_MARKS)
				continue;
			marks++;
		} else {
			marks = 0;
		}
		v[m++] = v[i];
	}
	return m;
}

size_t
render_cluster(render_mode m, const uint32_t *in, size_t n, uint32_t *out)
{
	size_t k;

	if (n > WIDTH_DISPLAY_MAX)
		n = WIDTH_DISPLAY_MAX;
	if (m == RENDER_HALANT || m == RENDER_REORDER_HALANT) {
		k = halant(in, n, out, RENDER_DISPLAY_MAX);
	} else {
		memcpy(out, in, n * sizeof *in);
		k = n;
	}
	if (render_mode_reorders(m))
		reorder(out, k);
	return cap_marks(out, k);
}

size_t
render_display(render_mode m, const char *s, size_t a, size_t b, uint32_t *out)
{
	uint32_t tmp[WIDTH_DISPLAY_MAX];
	size_t n = width_display(s, a, b, tmp);
	return render_cluster(m, tmp, n, out);
}

int
render_width(width_model m, render_mode mode, const char *s, size_t a, size_t b)
{
	/* mlterm counts what is drawn: a ZWNJ put in and a vowel sign moved
	 * before its consonant take columns of their own (measured: क्+ZWNJ+ष
	 * 3 columns, द्+ZWNJ+ि+व 4, ि+क 2).  kitty advances those as the
	 * clusters of the text (क्+ZWNJ+ष 2, ि+क 1): the text's widths. */
	if (m != WIDTH_CLUSTER || !width_zwnj_cell() ||
	    (mode != RENDER_REORDER && mode != RENDER_HALANT && mode != RENDER_REORDER_HALANT))
		return width_cluster(m, s, a, b);
	uint32_t out[RENDER_DISPLAY_MAX];
	size_t k = render_display(mode, s, a, b, out);
	return width_drawn(m, out, k);
}

const char *
render_ascii(uint32_t cp, char buf[2])
{
	if (cp >= 0x20 && cp < 0x7F) {
		buf[0] = (char)cp;
		buf[1] = 0;
		return buf;
	}
	switch (cp) {
	case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F:
		return " ";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	case 0x0964:               /* danda */
		return ".";
	case 0x0965:               /* double danda */
		return "..";
	case 0x00B6:
		return "P";
	case 0x20B9:
		return "Rs";
	case 0x00B7: case 0x2022:
		return "*";
	case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
		return "";         /* invisible: nothing (callers skip "") */
	default:
		if (cp >= 0x0966 && cp <= 0x096F) {   /* Devanagari digits */
			buf[0] = (char)('0' + (cp - 0x0966));
			buf[1] = 0;
			return buf;
		}
		if (cp >= 0x2400 && cp <= 0x2421)     /* control pictures */
			return "^";
		return "?";
	}
}
