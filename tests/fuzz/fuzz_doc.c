/*
 * fuzz_doc.c - one fuzz target over the whole backend and the layout:
 * bytes -> document (blocks, sentences, clusters) -> quotations -> --json,
 * romanization, and wrapping at a width taken from the input.
 *
 * Built two ways:
 *   - with libFuzzer:  tests/fuzz/run.sh (clang -fsanitize=fuzzer,...);
 *   - without it (make check): a main() that runs every file named on the
 *     command line once, so the corpus and past crashes stay regressions.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "export.h"
#include "input.h"
#include "layout.h"
#include "quotes.h"
#include "translit.h"
#include "width.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static layout *lay;
	static pk_translit *tr;
	pk_input in;
	pk_doc *d;
	pk_block b;
	int width = size ? 1 + data[0] % 120 : 80;

	if (!lay) {
		width_init();
		lay = layout_new(WIDTH_WCWIDTH);
		tr = pk_translit_new(PK_ROMAN_ASCII, NULL);
	}
	pk_input_from_mem(&in, (const char *)data, size);
	d = pk_doc_new(&in);
	if (!d)
		return 0;
	layout_set_model(lay, size > 1 && (data[1] & 1) ? WIDTH_CLUSTER : WIDTH_WCWIDTH);
	for (bool more = pk_doc_first(d, &b); more; more = pk_doc_next(d, &b, &b)) {
		lay_lines ls = { 0 };
		pk_range *r;
		size_t n;
		if (layout_wrap(lay, in.bytes, b.start, b.end, width, &ls) == 0) {
			/* the lines tile the block and fit unless one cluster is wider */
			if (ls.v[0].start != b.start || ls.v[ls.n - 1].end != b.end)
				abort();
			for (size_t i = 1; i < ls.n; i++)
				if (ls.v[i].start != ls.v[i - 1].end)
					abort();
		}
		lay_lines_free(&ls);
		if (pk_doc_sentences(d, &b, &r, &n) == PK_OK)
			free(r);
		if (tr) {
			size_t *map = NULL;
			char *s = pk_translit_run(tr, in.bytes, b.start, b.end, &map);
			free(s);
			free(map);
		}
	}
	/* prev walks back from the end to the start */
	for (bool more = pk_doc_last(d, &b); more; more = pk_doc_prev(d, &b, &b))
		;
	pk_quotes q;
	if (pk_quotes_find(d, &q) == PK_OK) {
		for (size_t i = 0; i < q.n; i++)
			if (q.v[i].start > q.v[i].end || q.v[i].end > size)
				abort();
		FILE *devnull = fopen("/dev/null", "w");
		if (devnull) {
			pk_export_json(d, &q, NULL, "fuzz", "0", devnull);
			fclose(devnull);
		}
		pk_quotes_free(&q);
	}
	pk_doc_free(d);
	return 0;
}

#ifndef PATHAK_LIBFUZZER
int
main(int argc, char **argv)
{
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		char *buf = NULL;
		size_t len = 0, cap = 0, r;
		do {
			if (len == cap && !(buf = realloc(buf, cap = cap ? 2 * cap : 65536)))
				return 1;
			r = fread(buf + len, 1, cap - len, fp);
			len += r;
		} while (r > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
		free(buf);
		printf("ok %s\n", argv[i]);
	}
	return failed;
}
#endif
