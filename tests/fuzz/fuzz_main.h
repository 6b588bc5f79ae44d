/*
 * fuzz_main.h - the main() every fuzz target has when it is built without
 * libFuzzer (make check): each file named on the command line goes through
 * LLVMFuzzerTestOneInput() once, so tests/fuzz/corpus stays a regression
 * suite.  With -DPATHAK_LIBFUZZER (tests/fuzz/run.sh, make fuzz) libFuzzer
 * supplies main() and this is empty.
 */
#ifndef PATHAK_FUZZ_MAIN_H
#define PATHAK_FUZZ_MAIN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

#endif
