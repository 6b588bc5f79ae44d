/* doc_bench.c - time the block index (and with -q quotation finding, in
 * slices) of one file: `doc_bench [-q] FILE`.  Prints seconds and counts.
 * Not a test: make bench-scale runs it. */
#include "config.h"
#include "doc.h"
#include "quotes.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	bool quotes = argc > 2 && !strcmp(argv[1], "-q");
	const char *path = argv[argc - 1];
	pk_input in;
	pk_doc *d;
	double t0;

	if (argc < 2 || pk_input_open(&in, path) != PK_OK || !(d = pk_doc_new(&in))) {
		fprintf(stderr, "usage: doc_bench [-q] FILE\n");
		return 2;
	}
	t0 = now();
	while (!pk_doc_index_step(d, 8u << 20))
		;
	printf("index %.3f s, %zu blocks, %zu bytes\n", now() - t0, pk_doc_block_count(d), in.len);
	if (quotes) {
		pk_quotes q;
		t0 = now();
		if (pk_quotes_find(d, &q) != PK_OK)
			return 1;
		printf("quotes %.3f s, %zu quotations\n", now() - t0, q.n);
		pk_quotes_free(&q);
	}
	pk_doc_free(d);
	pk_input_close(&in);
	return 0;
}
