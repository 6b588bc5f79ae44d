/* dump.c - --dump: the lines the screen would show, as plain text. */
#include "config.h"

#include "dump.h"
#include "layout.h"
#include "rblock.h"
#include "translit.h"

#include <stdint.h>
#include <unistr.h>

#define DUMP_RELEASE_STEP (4u << 20)  /* pages handed back in steps this large */

struct dump_ctx {
	const char *s;
	render_mode mode;
	bool ascii;
	FILE *out;
};

static int
dump_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct dump_ctx *dc = ctx;
	uint32_t cps[RENDER_DISPLAY_MAX];
	size_t n = render_display(dc->mode, dc->s, cs, ce, cps);
	(void)w;
	for (size_t i = 0; i < n; i++) {
		uint8_t buf[6];
		int k;
		if (dc->ascii) {
			char b2[2];
			fputs(render_ascii(cps[i], b2), dc->out);
			continue;
		}
		k = u8_uctomb(buf, cps[i], sizeof buf);
		if (k > 0)
			fwrite(buf, 1, (size_t)k, dc->out);
	}
	return 0;
}

int
dump_doc(pk_doc *doc, int width, width_model m, render_mode r, render_mode deva,
         bool ascii, FILE *out)
{
	return dump_stream(doc, NULL, width, m, r, deva, ascii, out);
}

int
dump_stream(pk_doc *doc, pk_input *src, int width, width_model m, render_mode r,
            render_mode deva, bool ascii, FILE *out)
{
	const pk_input *in = pk_doc_input(doc);
	layout *lay = layout_new(m);
	pk_translit *tr = NULL;
	lay_lines ls = { 0 };
	rblock rb = { 0 };
	pk_block b, prev = { 0, 0, PK_BLOCK_PARAGRAPH };
	bool more, first = true;
	int rc = 0;
	size_t released = 0;

	if (!lay)
		return -1;
	if (ascii)
		r = RENDER_LATIN;
	if (render_mode_roman(deva))
		deva = RENDER_REORDER;
	for (;;) {
		more = first ? pk_doc_first(doc, &b) : pk_doc_next(doc, &prev, &b);
		if (!more) {
			if (!src || !src->growing)
				break;
			/* a stream: write what is done, wait for more */
			if (fflush(out) != 0 || ferror(out) ||
			    pk_input_pump(src, 1u << 20, -1) != PK_OK) {
				rc = -1;
				break;
			}
			pk_doc_grew(doc);
			if (!first && prev.start > (256u << 10))
				pk_input_discard(src, prev.start - (256u << 10));
			continue;
		}
		prev = b;
		/* a walk over a mapped file hands the pages behind back, as
		 * --json does: memory does not grow with the file (a stream
		 * discards what it has written above) */
		if (b.start > released + DUMP_RELEASE_STEP) {
			pk_input_release(in, released, b.start);
			released = b.start;
		}
		if (!first)
			fputc('\n', out);
		first = false;
		lay_lines_clear(&ls);
		rblock_free(&rb);
		if (rblock_wrap(lay, &tr, r, ascii, in->bytes, b.start, b.end, width, &ls, &rb) < 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < ls.n; i++) {
			bool roman;
			const char *s = rblock_line_buf(in->bytes, &rb, i, &roman);
			struct dump_ctx dc = { s, roman ? RENDER_SHAPED : render_mode_roman(r) ? deva : r,
			                       ascii, out };
			layout_clusters(lay, s, ls.v[i].start, ls.v[i].vis_end, dump_cluster, &dc);
			fputc('\n', out);
		}
		if (ferror(out)) {
			rc = -1;
			break;
		}
	}
	lay_lines_free(&ls);
	rblock_free(&rb);
	pk_translit_free(tr);
	layout_free(lay);
	return rc;
}
