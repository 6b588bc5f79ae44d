/* test_stream.c - streams read incrementally, encodings, binary input,
 * files of size 0 (/proc), the --max-input limit.  No curses. */
#include "config.h"

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
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "doc.h"
#include "export.h"

static char tmpl[64];

/* A temporary file holding n bytes of s; its path is in tmpl. */
static const char *
tmpfile_with(const char *s, size_t n)
{
	snprintf(tmpl, sizeof tmpl, "/tmp/pathak-stream-XXXXXX");
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	return tmpl;
}

/* Open n bytes of s as a file with options o, read it all, check it is
 * the UTF-8 text want (NUL-terminated) from encoding enc (NULL: none;
 * "*": any). */
static void
check_file(const char *s, size_t n, const pk_input_opts *o, const char *want, const char *enc)
{
	pk_input in;
	const char *path = tmpfile_with(s, n);
	assert_int_equal(pk_input_open_opts(&in, path, o), PK_OK);
	assert_int_equal(pk_input_finish(&in), PK_OK);
	assert_false(in.growing);
	assert_int_equal(in.len, strlen(want));
	assert_memory_equal(in.bytes, want, in.len);
	if (enc && strcmp(enc, "*") == 0)
		assert_non_null(in.encoding);  /* ICU's own name for it */
	else if (enc)
		assert_string_equal(in.encoding, enc);
	else
		assert_null(in.encoding);
	pk_input_close(&in);
	unlink(path);
}

/* "नमस्ते “क”\n" in UTF-16LE, UTF-16BE and UTF-32LE, each with its BOM. */
#define HINDI "नमस्ते “क”\n"
static const char u16le[] = "\xFF\xFE" "\x28\x09\x2E\x09\x38\x09\x4D\x09\x24\x09\x47\x09"
	"\x20\x00\x1C\x20\x15\x09\x1D\x20\x0A\x00";
static const char u16be[] = "\xFE\xFF" "\x09\x28\x09\x2E\x09\x38\x09\x4D\x09\x24\x09\x47"
	"\x00\x20\x20\x1C\x09\x15\x20\x1D\x00\x0A";

static void
test_utf16le_bom(void **state)
{
	(void)state;
	check_file(u16le, sizeof u16le - 1, NULL, HINDI, "UTF-16LE");
}

static void
test_utf16be_bom(void **state)
{
	(void)state;
	check_file(u16be, sizeof u16be - 1, NULL, HINDI, "UTF-16BE");
}

static void
test_utf32_bom(void **state)
{
	(void)state;
	/* UTF-32LE and BE from the UTF-16LE text (all in the BMP) */
	char le[4 + 11 * 4], be[4 + 11 * 4];
	memcpy(le, "\xFF\xFE\0\0", 4);
	memcpy(be, "\0\0\xFE\xFF", 4);
	for (int i = 0; i < 11; i++) {
		unsigned char lo = (unsigned char)u16le[2 + 2 * i], hi = (unsigned char)u16le[3 + 2 * i];
		char *l = le + 4 + 4 * i, *b = be + 4 + 4 * i;
		l[0] = (char)lo, l[1] = (char)hi, l[2] = 0, l[3] = 0;
		b[0] = 0, b[1] = 0, b[2] = (char)hi, b[3] = (char)lo;
	}
	check_file(le, sizeof le, NULL, HINDI, "UTF-32LE");
	check_file(be, sizeof be, NULL, HINDI, "UTF-32BE");
}

static void
test_encoding_option(void **state)
{
	(void)state;
	pk_input_opts lat = { .encoding = "latin1" }, win = { .encoding = "windows-1252" };
	const char l1[] = "caf\xE9 na\xEFvet\xE9\n";
	const char w[] = "\x93quoted\x94 \x80 5\n";
	check_file(l1, sizeof l1 - 1, &lat, "café naïveté\n", "ISO-8859-1");
	check_file(w, sizeof w - 1, &win, "“quoted” € 5\n", "*");
	assert_false(pk_input_encoding_known("no-such-encoding-x"));
	/* UTF-8 named: the file is mapped as it is, nothing converted */
	pk_input_opts u8 = { .encoding = "UTF-8" };
	check_file(HINDI, strlen(HINDI), &u8, HINDI, NULL);
	/* a stream with an encoding is converted as it arrives */
	int p[2];
	pk_input in;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], l1, sizeof l1 - 1), (ssize_t)(sizeof l1 - 1));
	close(p[1]);
	assert_int_equal(pk_input_stream_fd(&in, p[0], &lat), PK_OK);
	assert_int_equal(pk_input_finish(&in), PK_OK);
	assert_int_equal(in.len, strlen("café naïveté\n"));
	assert_memory_equal(in.bytes, "café naïveté\n", in.len);
	pk_input_close(&in);
	close(p[0]);
}

static void
test_detect_not_utf8(void **state)
{
	(void)state;
	pk_input in;
	const char l1[] = "Le gar\xE7on a mang\xE9 une cr\xEApe \xE0 la cr\xE8me br\xFBl\xE9" "e, "
	                  "pr\xE8s de la fen\xEAtre, \xE9t\xE9 comme hiver.\n";
	const char *path = tmpfile_with(l1, sizeof l1 - 1);
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	assert_true(in.detected[0] != '\0');      /* flagged, with ICU's guess */
	assert_null(in.encoding);
	assert_memory_equal(in.bytes, l1, in.len);  /* not converted unasked */
	pk_input_close(&in);
	unlink(path);
	path = tmpfile_with(HINDI, strlen(HINDI));
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	assert_string_equal(in.detected, "");     /* UTF-8: nothing to say */
	pk_input_close(&in);
	unlink(path);
}

static void
test_binary(void **state)
{
	(void)state;
	pk_input in;
	pk_input_from_mem(&in, "\x7F" "ELF\x02\x01\x01\0\0\0", 10);
	assert_true(pk_input_looks_binary(&in));
	pk_input_from_mem(&in, HINDI HINDI, strlen(HINDI HINDI));
	assert_false(pk_input_looks_binary(&in));
	pk_input_from_mem(&in, "a\x01" "b\x02" "c\x03" "d\x04" "e\x05" "f\x06" "g\x07", 14);
	assert_true(pk_input_looks_binary(&in));
	pk_input_from_mem(&in, "tab\there\r\nform\ffeed\x1b[1m\n", 23);
	assert_false(pk_input_looks_binary(&in));
	/* UTF-16 with a BOM is text once converted */
	const char *path = tmpfile_with(u16le, sizeof u16le - 1);
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	assert_false(pk_input_looks_binary(&in));
	pk_input_close(&in);
	unlink(path);
}

static void
test_proc_size_zero(void **state)
{
	(void)state;
	pk_input in;
	struct stat st;
	if (stat("/proc/self/status", &st) != 0 || st.st_size != 0)
		skip();
	/* a file that says size 0 but has text is read, not taken as empty */
	assert_int_equal(pk_input_open(&in, "/proc/self/status"), PK_OK);
	assert_true(in.len > 20);
	assert_non_null(memmem(in.bytes, in.len, "Name:", 5));
	pk_input_close(&in);
	/* a file that really is empty is empty */
	const char *path = tmpfile_with("", 0);
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	assert_int_equal(in.len, 0);
	pk_input_close(&in);
	unlink(path);
}

static void
test_incremental(void **state)
{
	(void)state;
	int p[2];
	pk_input in;
	pk_block b;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(pk_input_stream_fd(&in, p[0], NULL), PK_OK);
	assert_true(in.growing);
	/* nothing yet: the pump returns at once */
	assert_int_equal(pk_input_pump(&in, 1 << 20, 0), PK_OK);
	assert_true(in.growing);
	assert_int_equal(in.len, 0);
	pk_doc *d = pk_doc_new(&in);
	assert_non_null(d);
	assert_false(pk_doc_first(d, &b));

	const char *one = "शीर्षक\nपहली पंक्ति\nआधी";
	assert_int_equal(write(p[1], one, strlen(one)), (ssize_t)strlen(one));
	assert_int_equal(pk_input_pump(&in, 1 << 20, 1000), PK_OK);
	const char *base = in.bytes;
	assert_true(in.growing);
	/* whole lines only: the unfinished one waits */
	assert_int_equal(in.len, strlen("शीर्षक\nपहली पंक्ति\n"));
	assert_int_equal(in.got, strlen(one));
	assert_true(pk_doc_grew(d));
	assert_true(pk_doc_first(d, &b));
	assert_false(pk_doc_index_step(d, 1 << 20));  /* never done while growing */
	assert_false(pk_doc_indexed(d));
	assert_int_equal(pk_doc_block_count(d), (size_t)-1);

	const char *two = " पंक्ति\nअंत\n";
	assert_int_equal(write(p[1], two, strlen(two)), (ssize_t)strlen(two));
	close(p[1]);
	assert_int_equal(pk_input_finish(&in), PK_OK);
	assert_false(in.growing);
	assert_false(in.capped);
	assert_ptr_equal(in.bytes, base);  /* the buffer never moves */
	assert_int_equal(in.len, strlen(one) + strlen(two));
	assert_true(pk_doc_grew(d));
	while (!pk_doc_index_step(d, 1 << 20))
		;
	assert_int_equal(pk_doc_block_count(d), 4);
	assert_true(pk_doc_last(d, &b));
	assert_memory_equal(in.bytes + b.start, "अंत", b.end - b.start);
	pk_doc_free(d);
	pk_input_close(&in);
	close(p[0]);
}

static void
test_stream_big_never_moves(void **state)
{
	(void)state;
	/* 3 MB of lines read a slice at a time from a file descriptor */
	size_t n = 3u << 20;
	char *s = malloc(n);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
	const char *path = tmpfile_with(s, n);
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	pk_input in;
	assert_int_equal(pk_input_stream_fd(&in, fd, NULL), PK_OK);
	const char *base = in.bytes;
	size_t last = 0, pumps = 0;
	while (in.growing) {
		assert_int_equal(pk_input_pump(&in, 100000, 0), PK_OK);
		assert_ptr_equal(in.bytes, base);
		assert_true(in.len >= last);
		last = in.len;
		pumps++;
	}
	assert_true(pumps > 10);  /* incremental, not all at once */
	assert_int_equal(in.len, n);
	assert_memory_equal(in.bytes, s, n);
	pk_input_close(&in);
	close(fd);
	unlink(path);
	free(s);
}

static void
test_limit(void **state)
{
	(void)state;
	int p[2];
	pk_input in;
	pk_input_opts o = { .max_bytes = 4096 };
	char buf[10000];
	memset(buf, 'x', sizeof buf);
	for (size_t i = 79; i < sizeof buf; i += 80)
		buf[i] = '\n';
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], buf, sizeof buf), (ssize_t)sizeof buf);
	assert_int_equal(pk_input_stream_fd(&in, p[0], &o), PK_OK);
	assert_int_equal(pk_input_finish(&in), PK_OK);  /* the writer is still open */
	assert_true(in.capped);
	assert_false(in.growing);
	assert_true(in.len <= 4096 && in.len > 4000);
	pk_input_close(&in);
	close(p[0]);
	close(p[1]);
}

static void
test_json_encoding_key(void **state)
{
	(void)state;
	pk_input in;
	char *out = NULL;
	size_t outlen = 0;
	const char *path = tmpfile_with(u16le, sizeof u16le - 1);
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	pk_doc *d = pk_doc_new(&in);
	FILE *f = open_memstream(&out, &outlen);
	assert_int_equal(pk_export_json(d, NULL, NULL, NULL, "t", f), PK_OK);
	fclose(f);
	/* the last key says the offsets are into the converted text */
	assert_non_null(strstr(out, "],\"encoding\":\"UTF-16LE\"}\n"));
	assert_non_null(strstr(out, "\"end\":" ));
	free(out);
	pk_doc_free(d);
	pk_input_close(&in);
	unlink(path);
}

/* Read @p text through a pipe with pk_input_opts.plain, in writes of at
 * most @p chunk bytes (each pumped before the next); the text that comes
 * out must be @p want. */
static void
check_plain(const char *text, size_t chunk, const char *want, bool formatted)
{
	int p[2];
	pk_input in;
	pk_input_opts o = { .plain = true };
	size_t n = strlen(text);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(pk_input_stream_fd(&in, p[0], &o), PK_OK);
	for (size_t i = 0; i < n; i += chunk) {
		size_t k = n - i < chunk ? n - i : chunk;
		assert_int_equal(write(p[1], text + i, k), (ssize_t)k);
		assert_int_equal(pk_input_pump(&in, 1 << 20, 1000), PK_OK);
	}
	close(p[1]);
	assert_int_equal(pk_input_finish(&in), PK_OK);
	assert_int_equal(in.len, strlen(want));
	assert_memory_equal(in.bytes, want, in.len);
	assert_int_equal(in.formatted, formatted);
	pk_input_close(&in);
	close(p[0]);
}

/* pathak as a pager: man's overstrikes and git's colours come out */
static void
test_plain(void **state)
{
	(void)state;
	/* bold and underline by overstrike, also of Devanagari; SGR sequences */
	check_plain("N\bNA\bAM\bME\bE\n_\bu_\bn_\bd\n", 4096, "NAME\nund\n", true);
	check_plain("क\bकि\bि\n", 4096, "कि\n", true);
	check_plain("\033[1;33mcommit\033[m abc \033[4mx\033[24m\n", 4096, "commit abc x\n", true);
	/* a backspace never reaches back over a line end */
	check_plain("a\n\bb\n", 4096, "a\n\bb\n", false);
	/* other controls stay, for the reader to show: a clear screen, a title */
	check_plain("x\033[2Jy\033]2;t\007\n", 4096, "x\033[2Jy\033]2;t\007\n", false);
	/* plain text is left as it is, byte for byte */
	check_plain(HINDI, 4096, HINDI, false);
	/* arriving a byte at a time: overstrikes still come out (what is not
	 * yet shown may be taken back); a colour cut by a read stays */
	check_plain("N\bNA\bA\n", 1, "NA\n", true);
	/* without the option nothing is taken out */
	int p[2];
	pk_input in;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "N\bN\n", 4), 4);
	close(p[1]);
	assert_int_equal(pk_input_stream_fd(&in, p[0], NULL), PK_OK);
	assert_int_equal(pk_input_finish(&in), PK_OK);
	assert_int_equal(in.len, 4);
	assert_false(in.formatted);
	pk_input_close(&in);
	close(p[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf16le_bom),
		cmocka_unit_test(test_utf16be_bom),
		cmocka_unit_test(test_utf32_bom),
		cmocka_unit_test(test_encoding_option),
		cmocka_unit_test(test_detect_not_utf8),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_proc_size_zero),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_stream_big_never_moves),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_json_encoding_key),
		cmocka_unit_test(test_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
