/*
 * fuzz_quotes.c - quotation finding and attribution, then the entity pass
 * that names the speakers (pk_entities_find + pk_entities_link_speakers)
 * and the --json export of all of it.  Aborts on a broken invariant: every
 * offset inside the input, quotations sorted, marks outside the quoted
 * text, mentions sorted and disjoint, every entity index valid.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "entities.h"
#include "export.h"
#include "input.h"
#include "ner.h"
#include "quotes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_quotes: %s\n", #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static pk_ner *ner;
	static bool loaded;
	pk_input in;
	pk_doc *d;
	pk_quotes q;

	if (!loaded) {
		pk_status st;
		ner = pk_ner_load_default(&st);
		loaded = true;
	}
	pk_input_from_mem(&in, (const char *)data, size);
	d = pk_doc_new(&in);
	if (!d)
		return 0;
	if (pk_quotes_find(d, &q) != PK_OK) {
		pk_doc_free(d);
		return 0;
	}
	for (size_t i = 0; i < q.n; i++) {
		const pk_quote *x = &q.v[i];
		CHECK(x->start <= x->end && x->end <= size);
		CHECK(i == 0 || q.v[i - 1].start <= x->start);
		CHECK(x->open_mark == PK_QUOTE_NONE || x->open_mark < x->start);
		CHECK(x->close_mark == PK_QUOTE_NONE ||
		      (x->close_mark >= x->end && x->close_mark < size));
		CHECK((x->mention_start == PK_QUOTE_NONE) == (x->mention_end == PK_QUOTE_NONE));
		CHECK(x->mention_start == PK_QUOTE_NONE ||
		      (x->mention_start < x->mention_end && x->mention_end <= size));
		CHECK(x->rule && x->kind_rule);
		CHECK(!x->speaker || strlen(x->speaker) < 4 * size + 64);
	}
	pk_entities e = { 0 };
	if (ner && pk_entities_find(d, ner, &q, &e) == PK_OK &&
	    pk_entities_link_speakers(&e, d, &q) == PK_OK) {
		for (size_t i = 0; i < e.nm; i++) {
			CHECK(e.m[i].start < e.m[i].end && e.m[i].end <= size);
			CHECK(i == 0 || e.m[i - 1].end <= e.m[i].start);
			CHECK(e.m[i].entity < e.ne);
		}
		for (size_t i = 0; i < e.ne; i++) {
			CHECK(e.e[i].name);
			CHECK(pk_entities_lookup(&e, e.e[i].name) != (size_t)-1);
		}
		for (size_t i = 0; i < q.n; i++)
			CHECK(q.v[i].speaker_entity == PK_QUOTE_NONE || q.v[i].speaker_entity < e.ne);
	}
	FILE *devnull = fopen("/dev/null", "w");
	if (devnull) {
		pk_export_json(d, &q, e.m ? &e : NULL, "fuzz", "0", devnull);
		fclose(devnull);
	}
	pk_entities_free(&e);
	pk_quotes_free(&q);
	pk_doc_free(d);
	return 0;
}

#include "fuzz_main.h"
