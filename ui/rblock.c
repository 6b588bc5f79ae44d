/* rblock.c - one block laid out in a render mode (see rblock.h). */
#include "config.h"

#include "rblock.h"
#include "input.h"

#include <stdlib.h>
#include <string.h>

void
rblock_free(rblock *rb)
{
	free(rb->text);
	free(rb->map);
	free(rb->kinds);
	*rb = (rblock){ 0 };
}

/* Romanize [a, b) of s.  For ASCII-only output fold what the romanizer
 * passes through (quotes, dashes, controls) to ASCII here, so that the
 * layout measures exactly what is drawn.  *map: text byte -> source. */
static char *
romanize(pk_translit **tr, bool ascii, const char *s, size_t a, size_t b, size_t **map)
{
	char *r, *o;
	size_t n, k = 0, *om;

	*map = NULL;
	if (!*tr && !(*tr = pk_translit_new(PK_ROMAN_ASCII, NULL)))
		return NULL;
	r = pk_translit_run(*tr, s, a, b, map);
	if (!r || !ascii)
		return r;
	n = strlen(r);
	o = malloc(2 * n + 1);        /* a stand-in is at most 1.5x its UTF-8 */
	om = malloc((2 * n + 1) * sizeof *om);
	if (!o || !om) {
		free(o);
		free(om);
		free(r);
		free(*map);
		*map = NULL;
		return NULL;
	}
	for (size_t pos = 0; pos < n;) {
		size_t at = pos;
		char buf[2];
		const char *t = render_ascii(pk_visible(pk_decode(r, n, &pos)), buf);
		for (; *t; t++) {
			om[k] = (*map)[at];
			o[k++] = *t;
		}
	}
	om[k] = (*map)[n];
	o[k] = 0;
	free(r);
	free(*map);
	*map = om;
	return o;
}

/* First index i in [0, n] with map[i] >= off (the map never decreases). */
static size_t
map_find(const size_t *map, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (map[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
kinds_fill(rblock *rb, size_t from, size_t to, unsigned char k)
{
	unsigned char *nk = realloc(rb->kinds, to ? to : 1);
	if (!nk)
		return -1;
	rb->kinds = nk;
	memset(nk + from, k, to - from);
	return 0;
}

/*
 * Lay out block [a, b) of s at w columns in render mode `mode`: the source
 * itself, its romanization (latin), or each source line followed by the
 * romanization of that line wrapped at w (interlinear; a line whose
 * romanization is the same text gets no second row).
 */
int
rblock_wrap(layout *lay, pk_translit **tr, render_mode mode, bool ascii, const char *s,
            size_t a, size_t b, int w, lay_lines *out, rblock *rb)
{
	lay_lines src = { 0 };
	size_t rn;
	int rc = -1;

	if (!render_mode_roman(mode) || a >= b)
		return layout_wrap(lay, s, a, b, w, out);
	rb->text = romanize(tr, ascii, s, a, b, &rb->map);
	if (!rb->text)
		return -1;
	rn = strlen(rb->text);
	if (mode == RENDER_LATIN)
		return layout_wrap(lay, rb->text, 0, rn, w, out);
	if (layout_wrap(lay, s, a, b, w, &src) < 0)
		goto done;
	for (size_t i = 0; i < src.n; i++) {
		const lay_line *ln = &src.v[i];
		size_t rs = map_find(rb->map, rn, ln->start);
		size_t re = map_find(rb->map, rn, ln->end);
		size_t n0 = out->n;
		if (lay_lines_push(out, ln) < 0 || kinds_fill(rb, n0, out->n, 0) < 0)
			goto done;
		if (rs >= re || (re - rs == ln->end - ln->start &&
		                 memcmp(rb->text + rs, s + ln->start, re - rs) == 0))
			continue;
		n0 = out->n;
		if (layout_wrap(lay, rb->text, rs, re, w, out) < 0 ||
		    kinds_fill(rb, n0, out->n, 1) < 0)
			goto done;
	}
	rc = 0;
done:
	lay_lines_free(&src);
	return rc;
}

/* Line i's buffer, and whether it is the romanized one. */
const char *
rblock_line_buf(const char *s, const rblock *rb, size_t i, bool *roman)
{
	*roman = rb->text && (!rb->kinds || rb->kinds[i]);
	return *roman ? rb->text : s;
}

/* Line i's extent in source offsets. */
void
rblock_line_src(const rblock *rb, const lay_line *ln, size_t i, size_t *a, size_t *b)
{
	if (rb->text && (!rb->kinds || rb->kinds[i])) {
		*a = rb->map[ln->start];
		*b = rb->map[ln->end];
	} else {
		*a = ln->start;
		*b = ln->end;
	}
}
