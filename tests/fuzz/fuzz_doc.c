/*
 * fuzz_doc.c - one fuzz target over the whole backend and the layout:
 * bytes -> document (blocks, sentences, clusters) -> quotations -> --json,
 * romanization, wrapping at a width taken from the input, and the
 * named-entity tagger over a range [a, b) taken from the input (the bytes
 * outside it are poisoned under ASan: the tagger must not read them).
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
#include "ner.h"
#include "quotes.h"
#include "translit.h"
#include "width.h"

#include "poison.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Tag data[a, b) with its outside poisoned; the spans must be sorted,
 * disjoint and inside [a, b). */
static void
fuzz_ner(const pk_ner *m, const uint8_t *data, size_t size)
{
	if (!m || size < 2)
		return;
	size_t a, b;
	char *copy = fuzz_poisoned_copy(data, size, &a, &b);
	if (!copy)
		return;
	pk_ner_span *sp = NULL;
	size_t n = 0, cap = 0;
	if (pk_ner_tag(m, copy, a, b, &sp, &n, &cap) == 0)
		for (size_t i = 0; i < n; i++)
			if (sp[i].start < a || sp[i].end > b || sp[i].start >= sp[i].end ||
			    sp[i].type >= PK_ENT_NTYPES || (i && sp[i].start < sp[i - 1].end))
				abort();
	ASAN_UNPOISON_MEMORY_REGION(copy, size);
	free(sp);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static layout *lay;
	static pk_translit *tr;
	static pk_ner *ner;
	pk_input in;
	pk_doc *d;
	pk_block b;
	int width = size ? 1 + data[0] % 120 : 80;

	if (!lay) {
		width_init();
		lay = layout_new(WIDTH_WCWIDTH);
		tr = pk_translit_new(PK_ROMAN_ASCII, NULL);
		pk_status st;
		ner = pk_ner_load_default(&st);
	}
	fuzz_ner(ner, data, size);
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

#include "fuzz_main.h"
