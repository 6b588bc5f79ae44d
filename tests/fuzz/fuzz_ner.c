/*
 * fuzz_ner.c - the entity tagger (assets/ner.model) on its own: pk_ner_tag
 * over ranges [a, b) of the input chosen by its first bytes, with the bytes
 * outside the range poisoned under ASan (the tagger must not read them),
 * once in one call and once sentence by sentence of the document model;
 * the spans must be sorted, disjoint, typed and inside their range.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "ner.h"

#include "poison.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_ner: %s\n", #c); abort(); } } while (0)

static void
check(const pk_ner_span *sp, size_t from, size_t n, size_t a, size_t b)
{
	for (size_t i = from; i < n; i++) {
		CHECK(sp[i].start >= a && sp[i].end <= b && sp[i].start < sp[i].end);
		CHECK(sp[i].type < PK_ENT_NTYPES);
		CHECK(i == from || sp[i].start >= sp[i - 1].end);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static pk_ner *ner;
	static bool loaded;

	if (!loaded) {
		pk_status st;
		ner = pk_ner_load_default(&st);
		loaded = true;
		if (!ner) {
			fprintf(stderr, "fuzz_ner: cannot load the model\n");
			abort();
		}
	}
	if (size < 2)
		return 0;
	size_t a, b;
	char *copy = fuzz_poisoned_copy(data, size, &a, &b);
	if (!copy)
		return 0;
	pk_ner_span *sp = NULL;
	size_t n = 0, cap = 0;
	if (pk_ner_tag(ner, copy, a, b, &sp, &n, &cap) == 0)
		check(sp, 0, n, a, b);
	ASAN_UNPOISON_MEMORY_REGION(copy, size);

	/* sentence by sentence, appending to one array, as the entity pass does */
	pk_input in;
	pk_input_from_mem(&in, copy, size);
	pk_doc *d = pk_doc_new(&in);
	n = 0;
	if (d) {
		pk_block blk;
		for (bool more = pk_doc_first(d, &blk); more; more = pk_doc_next(d, &blk, &blk)) {
			pk_range *r;
			size_t nr;
			if (pk_doc_sentences(d, &blk, &r, &nr) != PK_OK)
				continue;
			for (size_t i = 0; i < nr; i++) {
				size_t from = n;
				if (pk_ner_tag(ner, copy, r[i].start, r[i].end, &sp, &n, &cap) == 0)
					check(sp, from, n, r[i].start, r[i].end);
			}
			free(r);
		}
		pk_doc_free(d);
	}
	free(sp);
	free(copy);
	return 0;
}

#include "fuzz_main.h"
