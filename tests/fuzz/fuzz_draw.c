/*
 * fuzz_draw.c - layout and drawing: the bytes as a document, laid out by
 * the view (ui/view.c) at a width, height, advance model and render mode
 * taken from the first bytes, drawn row by row with the pager's own code
 * (ui/draw.c: draw_row, draw_clipped for a status line; the overlay of the
 * cluster model) into a real ncurses screen made by newterm() on a memory
 * file, page by page, then at the end.  Every byte curses and the overlay
 * write must pass termcheck_scan(): no control sequence, C1 or bidi
 * control from the input reaches the terminal.
 *
 * The input: W H M then text.  W: columns 8..167; H: rows 3..34;
 * M: bits 0-2 the render mode, bit 3 the cluster model, bit 4 ASCII
 * stand-ins, bits 5-7 how many quotation/match spans to lay over the text.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "colors.h"
#include "doc.h"
#include "draw.h"
#include "input.h"
#include "overlay.h"
#include "span.h"
#include "view.h"
#include "width.h"
#include "termcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int memfd = -1;
static FILE *tout;
static SCREEN *scr;

static void
setup(void)
{
	static const char *const terms[] = { "xterm-256color", "xterm", "screen", "vt100" };
	setlocale(LC_ALL, "C.UTF-8");
	width_init();
	memfd = memfd_create("fuzz_draw", 0);
	FILE *tin = fopen("/dev/null", "r");
	if (memfd < 0 || !tin || !(tout = fdopen(dup(memfd), "w")))
		abort();
	for (size_t i = 0; i < sizeof terms / sizeof *terms && !scr; i++)
		scr = newterm(terms[i], tout, tin);
	if (!scr) {
		fprintf(stderr, "fuzz_draw: no terminfo entry for xterm, screen or vt100\n");
		abort();
	}
	set_term(scr);
	colors_init(THEME_AUTO, NULL);
}

/* Everything written since the last call must be clean. */
static void
check_output(void)
{
	fflush(tout);
	off_t n = lseek(memfd, 0, SEEK_END);
	if (n > 0) {
		unsigned char *buf = malloc((size_t)n);
		if (!buf || pread(memfd, buf, (size_t)n, 0) != n)
			abort();
		size_t at = 0;
		const char *why = termcheck_scan(buf, (size_t)n, &at);
		if (why) {
			fprintf(stderr, "fuzz_draw: %s at byte %zu of a frame:", why, at);
			for (size_t i = at >= 8 ? at - 8 : 0; i < (size_t)n && i < at + 16; i++)
				fprintf(stderr, " %02x", buf[i]);
			fputc('\n', stderr);
			abort();
		}
		free(buf);
	}
	if (ftruncate(memfd, 0) != 0 || lseek(memfd, 0, SEEK_SET) != 0)
		abort();
}

static void
frame(view *v, drawer *d, pk_doc *doc, int rows, int cols)
{
	if (d->ov)
		overlay_begin(d->ov);
	erase();
	view_pos q = view_top_pos(v);
	for (int y = 0; y < view_rows(v) && !view_empty(v); y++) {
		view_row r;
		view_row_get(v, &q, &r);
		draw_row(d, &r, y, 0, cols);
		if (!view_pos_next(v, &q))
			break;
	}
	/* a status line: the first block, clipped, as status.c draws the title */
	pk_block b;
	if (pk_doc_first(doc, &b))
		draw_clipped(d, d->input, rows - 1, 0, cols / 2, b.start, b.end, A_REVERSE, true);
	refresh();
	if (d->ov)
		overlay_flush(d->ov);
	check_output();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!scr)
		setup();
	if (size < 3)
		return 0;
	int cols = 8 + data[0] % 160, rows = 3 + data[1] % 32;
	unsigned m = data[2];
	render_mode mode = (render_mode)((m & 7) % RENDER_MODE_MAX);
	width_model model = m & 8 ? WIDTH_CLUSTER : WIDTH_WCWIDTH;
	bool ascii = m & 16;
	size_t nspan = (m >> 5) * 3;
	const char *text = (const char *)data + 3;
	size_t len = size - 3;

	/* the overlay writes to standard output: catch that too */
	fflush(stdout);
	int saved = dup(1);
	dup2(memfd, 1);

	resizeterm(rows, cols);
	pk_input in;
	pk_input_from_mem(&in, text, len);
	pk_doc *doc = pk_doc_new(&in);
	view *v = doc ? view_new(doc, model, mode, ascii) : NULL;
	pk_overlay *ov = model == WIDTH_CLUSTER && !ascii ? overlay_new() : NULL;
	pk_spans spans = { 0 }, found = { 0 };
	if (v) {
		/* spans over the text: quotations, speakers, matches */
		size_t step = len / (nspan + 1) + 1;
		for (size_t i = 0; i < nspan && len; i++) {
			size_t a = i * step % len, e = a + step / 2 + 1;
			if (e > len)
				e = len;
			pk_span sp = { a, e, i % 3 ? PK_SPAN_QUOTE : PK_SPAN_SPEAKER, (uint32_t)(i / 3) };
			pk_spans_push(&spans, sp);
			pk_span f = { a, e, PK_SPAN_MATCH, (uint32_t)i };
			if (i % 2)
				pk_spans_push(&found, f);
		}
		pk_spans_sort(&spans);
		drawer d = {
			.lay = view_layout(v), .tr = view_translit(v), .ov = ov, .ascii = ascii,
			.mode = mode, .deva = m & 64 ? RENDER_REORDER : RENDER_SHAPED,
			.input = in.bytes, .spans = &spans, .cur = 1,
			.marks = NULL, .mcur = 0, .found = &found, .fcur = 1,
		};
		view_resize(v, cols, rows - 1);
		for (int page = 0; page < 4; page++) {
			frame(v, &d, doc, rows, cols);
			if (view_at_end(v))
				break;
			view_scroll(v, view_page(v));
		}
		view_end(v);
		frame(v, &d, doc, rows, cols);
	}
	pk_spans_free(&spans);
	pk_spans_free(&found);
	overlay_free(ov);
	view_free(v);
	pk_doc_free(doc);
	check_output();
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	return 0;
}

#include "fuzz_main.h"
