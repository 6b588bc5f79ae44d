/* search_bench.c - time pk_search_scan() over a file, and compare the fast
 * path of the folded search with the slow one.
 *
 *   search_bench [-x] [-r] [-s MB] FILE QUERY...   time each query
 *   search_bench -c FILE QUERY...                  fast == slow, or exit 1
 *   search_bench -F [-x] [-S] FILE...                 time fuzz_fold inputs
 *
 * An input of fuzz_fold (tests/fuzz/fuzz_fold.c) is a flags byte, the query
 * up to the first newline, then the text: -F times that query on that text
 * (a worst case fuzzing found: tests/fuzz/corpus/search-long-query.txt).
 *
 * -x exact, -r regex, -S the slow path; -s scans in slices of MB megabytes
 * (0 = the whole file in one call, the default).  Prints matches, time,
 * MB/s and the peak resident size. */
#include "config.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "search.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
run(const pk_input *in, const char *q, unsigned fl, size_t slice, pk_spans *out)
{
	pk_status st;
	char why[160];
	pk_search *s = pk_search_new(q, strlen(q), fl, &st, why, sizeof why);
	if (!s) {
		fprintf(stderr, "search_bench: %s: %s\n", q, why);
		return -1;
	}
	if (!slice)
		slice = in->len ? in->len : 1;
	for (size_t a = 0; a < in->len; a += slice) {
		size_t z = in->len - a > slice ? a + slice : in->len;
		if ((st = pk_search_scan(s, in->bytes, in->len, a, z, out)) != PK_OK) {
			fprintf(stderr, "search_bench: %s\n", pk_status_str(st));
			pk_search_free(s);
			return -1;
		}
	}
	pk_search_free(s);
	return 0;
}

/* Time the query of each fuzz_fold input over its text. */
static int
fuzz_inputs(char **files, int n, unsigned fl)
{
	for (int i = 0; i < n; i++) {
		pk_input f, in;
		pk_spans sp = { 0 };
		if (pk_input_open(&f, files[i]) != PK_OK) {
			perror(files[i]);
			return 2;
		}
		const char *q = f.len ? f.bytes + 1 : f.bytes;
		const char *nl = f.len ? memchr(q, '\n', f.len - 1) : NULL;
		if (!nl) {
			fprintf(stderr, "search_bench: %s: no query line\n", files[i]);
			return 2;
		}
		char *query = strndup(q, (size_t)(nl - q));
		pk_input_from_mem(&in, nl + 1, f.len - (size_t)(nl + 1 - f.bytes));
		double t0 = now();
		int bad = !query || run(&in, query, fl, 0, &sp);
		double dt = now() - t0;
		if (!bad)
			printf("%s: query %zu B, text %zu B: %zu matches, %.1f ms\n", files[i],
			       strlen(query), in.len, sp.n, dt * 1e3);
		free(query);
		pk_spans_free(&sp);
		pk_input_close(&f);
		if (bad)
			return 2;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned fl = 0;
	size_t slice = 0;
	int opt, compare = 0, bad = 0, fuzz = 0;
	pk_input in;

	while ((opt = getopt(argc, argv, "xrSs:cF")) != -1) {
		switch (opt) {
		case 'x': fl |= PK_SEARCH_EXACT; break;
		case 'r': fl |= PK_SEARCH_REGEX; break;
		case 'S': fl |= PK_SEARCH_SLOW; break;
		case 's': slice = (size_t)(atof(optarg) * 1048576); break;
		case 'c': compare = 1; break;
		case 'F': fuzz = 1; break;
		default: return 2;
		}
	}
	if (fuzz)
		return fuzz_inputs(argv + optind, argc - optind, fl);
	if (argc - optind < 2) {
		fprintf(stderr, "usage: search_bench [-x] [-r] [-S] [-s MB] [-c] FILE QUERY...\n"
		                "       search_bench -F [-x] [-S] FILE...\n");
		return 2;
	}
	if (pk_input_open(&in, argv[optind]) != PK_OK) {
		perror(argv[optind]);
		return 2;
	}
	for (int i = optind + 1; i < argc; i++) {
		pk_spans a = { 0 }, b = { 0 };
		if (compare) {
			if (run(&in, argv[i], 0, slice, &a) || run(&in, argv[i], PK_SEARCH_SLOW, slice, &b))
				return 2;
			int same = a.n == b.n;
			for (size_t k = 0; same && k < a.n; k++)
				same = a.v[k].start == b.v[k].start && a.v[k].end == b.v[k].end;
			printf("%s %s: fast %zu, slow %zu\n", same ? "same" : "DIFFER", argv[i], a.n, b.n);
			for (size_t k = 0; !same && k < a.n && k < b.n; k++)
				if (a.v[k].start != b.v[k].start || a.v[k].end != b.v[k].end) {
					printf("  first difference: fast [%zu,%zu) slow [%zu,%zu)\n",
					       a.v[k].start, a.v[k].end, b.v[k].start, b.v[k].end);
					break;
				}
			bad |= !same;
		} else {
			double t0 = now();
			if (run(&in, argv[i], fl, slice, &a))
				return 2;
			double dt = now() - t0;
			struct rusage ru;
			getrusage(RUSAGE_SELF, &ru);
			printf("%s: %zu matches, %.1f ms, %.0f MB/s, peak RSS %ld MB\n", argv[i], a.n,
			       dt * 1e3, (double)in.len / 1e6 / dt, ru.ru_maxrss / 1024);
		}
		pk_spans_free(&a);
		pk_spans_free(&b);
	}
	pk_input_close(&in);
	return bad;
}
