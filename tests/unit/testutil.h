/* testutil.h - helpers shared by the unit tests (include after cmocka.h). */
#ifndef PATHAK_TESTUTIL_H
#define PATHAK_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* The whole of a file, NUL-terminated; the test fails if it cannot be read. */
static inline char *
test_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	assert_true(n >= 0);
	fseek(fp, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

/* The bundled sample article. */
#define TEST_SEED TEST_SRCDIR "/assets/articles/seed.txt"

#endif
