/*
 * fuzz_html.c - a web page's article (src/html.h): whatever the bytes,
 * pk_html_extract() returns, and what it returns is one line a block,
 * blocks in order inside the text, the text NUL-terminated, well-formed
 * UTF-8 (libxml2 reads the page as UTF-8, bad bytes become U+FFFD) and
 * free of C0 controls but the newlines between blocks, of C1 controls and
 * of bidirectional controls (nothing of a page may drive the terminal).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_html: %s\n", #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pk_html_text t;
	(void)pk_html_sniff((const char *)data, size);
	pk_status st = pk_html_extract((const char *)data, size, &t);
	if (st != PK_OK)
		return 0;
	CHECK(t.len == 0 || t.text[t.len] == 0);
	size_t prev = 0;
	for (size_t i = 0; i < t.nblocks; i++) {
		CHECK(t.blocks[i].start <= t.blocks[i].end && t.blocks[i].end <= t.len);
		CHECK(t.blocks[i].start >= prev);
		CHECK(!memchr(t.text + t.blocks[i].start, '\n', t.blocks[i].end - t.blocks[i].start));
		prev = t.blocks[i].end;
	}
	for (size_t p = 0; p < t.len;) {
		size_t q = p;
		uint32_t c = pk_decode(t.text, t.len, &q);
		CHECK(q > p);
		CHECK(c != 0xFFFD || memcmp(t.text + p, "\xEF\xBF\xBD", 3) == 0);
		CHECK(c == '\n' || c >= 0x20);
		CHECK(c != 0x7F && !(c >= 0x80 && c <= 0x9F));
		CHECK(!(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069));
		p = q;
	}
	pk_html_free(&t);
	return 0;
}

#include "fuzz_main.h"
