/* doc_bench.c - time the block index (and with -q quotation finding, in
 * slices; with -s the same as a stream job that forgets each quotation
 * once final, as --json of a big file does) of one file:
 * `doc_bench [-q|-s] FILE`.  Prints seconds and counts.
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
	bool streamed = argc > 2 && !strcmp(argv[1], "-s");
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
	if (streamed) {
		pk_quotes_job *j = pk_quotes_start_stream(d);
		const pk_quote *v;
		size_t n = 0;
		bool done = false;
		t0 = now();
		while (j && !done) {
			if (pk_quotes_step(j, 512u << 10, &done) != PK_OK)
				return 1;
			size_t k = pk_quotes_final(j, &v);
			n += k;
			pk_quotes_forget(j, k);
		}
		if (!j)
			return 1;
		pk_quotes_job_free(j);
		printf("quotes (streamed) %.3f s, %zu quotations\n", now() - t0, n);
	}
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
