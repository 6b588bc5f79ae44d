/* test_input.c - decoding: invalid UTF-8, BOM, CRLF, controls, files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "doc.h"

/* Decode all of s; return the code points and check offsets always advance. */
static size_t
decode_all(const char *s, size_t len, uint32_t *out, size_t max)
{
	size_t pos = 0, n = 0;
	while (pos < len && n < max) {
		size_t before = pos;
		out[n++] = pk_decode(s, len, &pos);
		assert_true(pos > before);
		assert_true(pos <= len);
	}
	return n;
}

static void
test_valid_devanagari(void **state)
{
	(void)state;
	uint32_t cp[8];
	size_t n = decode_all("कि", strlen("कि"), cp, 8);
	assert_int_equal(n, 2);
	assert_int_equal(cp[0], 0x0915);
	assert_int_equal(cp[1], 0x093F);
}

static void
test_invalid_bytes_become_fffd(void **state)
{
	(void)state;
	/* a lone continuation byte, a truncated 3-byte sequence, an overlong
	 * encoding and a surrogate: each yields U+FFFD and decoding goes on */
	const char s[] = "a\x80" "b\xE0\xA4" "c\xC0\xAF" "d\xED\xA0\x80" "e";
	uint32_t cp[32];
	size_t n = decode_all(s, sizeof s - 1, cp, 32);
	size_t fffd = 0;
	for (size_t i = 0; i < n; i++)
		fffd += cp[i] == 0xFFFD;
	assert_true(fffd >= 4);
	assert_int_equal(cp[0], 'a');
	assert_int_equal(cp[n - 1], 'e');
	/* the letters keep their order: offsets still point into the input */
	size_t letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += cp[i] >= 'a' && cp[i] <= 'e';
	assert_int_equal(letters, 5);
}

static void
test_truncated_at_end(void **state)
{
	(void)state;
	const char s[] = "\xE0\xA4";  /* first two bytes of क */
	size_t pos = 0;
	assert_int_equal(pk_decode(s, 2, &pos), 0xFFFD);
	assert_true(pos >= 1 && pos <= 2);
	pos = 2;
	assert_int_equal(pk_decode(s, 2, &pos), 0xFFFD);  /* past the end: no read */
	assert_int_equal(pos, 2);
}

static void
test_controls_visible(void **state)
{
	(void)state;
	assert_int_equal(pk_visible(0x00), 0x2400);   /* NUL -> ␀ */
	assert_int_equal(pk_visible(0x1B), 0x241B);   /* ESC -> ␛ */
	assert_int_equal(pk_visible(0x07), 0x2407);   /* BEL -> ␇ */
	assert_int_equal(pk_visible(0x7F), 0x2421);   /* DEL -> ␡ */
	assert_int_equal(pk_visible(0x9B), 0xFFFD);   /* C1 CSI */
	assert_int_equal(pk_visible(0x85), 0xFFFD);   /* C1 NEL */
	assert_int_equal(pk_visible('\t'), ' ');
	assert_int_equal(pk_visible(0x0915), 0x0915);
	assert_true(pk_is_control(0x1B));
	assert_true(pk_is_control(0x9B));
	assert_false(pk_is_control(0x0915));
	assert_false(pk_is_control(' '));
}

static void
test_bom_is_skipped(void **state)
{
	(void)state;
	pk_input in;
	pk_block b;
	const char s[] = "\xEF\xBB\xBFपहला\nदूसरा\n";
	pk_input_from_mem(&in, s, sizeof s - 1);
	assert_int_equal(in.body, 3);
	pk_doc *d = pk_doc_new(&in);
	assert_true(pk_doc_first(d, &b));
	assert_int_equal(b.start, 3);   /* offsets count the BOM: they index the bytes as given */
	assert_memory_equal(s + b.start, "पहला", b.end - b.start);
	pk_doc_free(d);
}

static void
test_crlf_lines(void **state)
{
	(void)state;
	pk_input in;
	pk_block b;
	const char s[] = "पहला पैरा\r\nदूसरा पैरा\r\n";
	pk_input_from_mem(&in, s, sizeof s - 1);
	pk_doc *d = pk_doc_new(&in);
	assert_true(pk_doc_first(d, &b));
	assert_int_equal(b.end - b.start, strlen("पहला पैरा"));
	assert_true(pk_doc_next(d, &b, &b));
	assert_int_equal(b.end - b.start, strlen("दूसरा पैरा"));
	assert_int_equal(s[b.end], '\r');   /* the CR is not part of the block */
	assert_false(pk_doc_next(d, &b, &b));
	pk_doc_free(d);
}

static void
test_open_errors(void **state)
{
	(void)state;
	pk_input in;
	assert_int_equal(pk_input_open(&in, "/nonexistent/pathak-test"), PK_ERR_NOENT);
	assert_int_equal(pk_input_open(&in, "/"), PK_ERR_ISDIR);
	pk_input_close(&in);
}

static void
test_open_maps_file(void **state)
{
	(void)state;
	char path[] = "/tmp/pathak-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char s[] = "नमस्ते\0दुनिया";  /* a NUL inside */
	assert_int_equal(write(fd, s, sizeof s - 1), (ssize_t)(sizeof s - 1));
	close(fd);
	pk_input in;
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	assert_int_equal(in.len, sizeof s - 1);
	assert_memory_equal(in.bytes, s, in.len);
	pk_input_close(&in);
	unlink(path);
}

static void
test_read_pipe(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	const char s[] = "पाइप से पाठ\n";
	assert_int_equal(write(p[1], s, sizeof s - 1), (ssize_t)(sizeof s - 1));
	close(p[1]);
	pk_input in;
	assert_int_equal(pk_input_read_fd(&in, p[0]), PK_OK);
	close(p[0]);
	assert_int_equal(in.len, sizeof s - 1);
	assert_memory_equal(in.bytes, s, in.len);
	pk_input_close(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_devanagari),
		cmocka_unit_test(test_invalid_bytes_become_fffd),
		cmocka_unit_test(test_truncated_at_end),
		cmocka_unit_test(test_controls_visible),
		cmocka_unit_test(test_bom_is_skipped),
		cmocka_unit_test(test_crlf_lines),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_open_maps_file),
		cmocka_unit_test(test_read_pipe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
