/* test_doc.c - blocks, block types, sentences, clusters, the lazy index. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"

#define MAXB 64

struct fixture {
	pk_input in;
	pk_doc *doc;
	pk_block b[MAXB];
	size_t n;
};

static void
load(struct fixture *f, const char *s, size_t len)
{
	pk_input_from_mem(&f->in, s, len);
	f->doc = pk_doc_new(&f->in);
	assert_non_null(f->doc);
	f->n = 0;
	pk_block b;
	for (bool more = pk_doc_first(f->doc, &b); more && f->n < MAXB; more = pk_doc_next(f->doc, &b, &b))
		f->b[f->n++] = b;
}

static bool
block_is(const struct fixture *f, size_t i, const char *text)
{
	return i < f->n && f->b[i].end - f->b[i].start == strlen(text) &&
	       memcmp(f->in.bytes + f->b[i].start, text, strlen(text)) == 0;
}

/* A made-up article with every kind of block. */
static const char article[] =
	"बाढ़ से गांवों में तबाही, सरकार ने राहत का वादा किया\n"
	"आखरी अपडेट: 3 अगस्त, 2024, 10:05 IST\n"
	"पटना, बिहार\n"
	"\n"
	"नदी किनारे खड़े लोग पानी उतरने का इंतज़ार कर रहे हैं। (छवि: संवाददाता)\n"
	"बिहार के कई ज़िलों में बाढ़ का पानी घरों में घुस गया है। प्रशासन ने नावें भेजी हैं।\n"
	"मुख्यमंत्री ने कहा कि हर परिवार को मदद मिलेगी।\n"
	"रमेश कुमार इस अख़बार में वरिष्ठ संवाददाता हैं, जो पर्यावरण पर लिखते हैं।\n";

static void
test_block_types(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, article, sizeof article - 1);
	assert_int_equal(f.n, 7);
	assert_int_equal(f.b[0].type, PK_BLOCK_TITLE);
	assert_int_equal(f.b[1].type, PK_BLOCK_META);
	assert_int_equal(f.b[2].type, PK_BLOCK_DATELINE);
	assert_true(block_is(&f, 2, "पटना, बिहार"));
	assert_int_equal(f.b[3].type, PK_BLOCK_CAPTION);
	assert_int_equal(f.b[4].type, PK_BLOCK_PARAGRAPH);
	assert_int_equal(f.b[5].type, PK_BLOCK_PARAGRAPH);
	assert_int_equal(f.b[6].type, PK_BLOCK_BYLINE);
	assert_string_equal(pk_block_type_name(PK_BLOCK_DATELINE), "dateline");
	pk_doc_free(f.doc);
}

static void
test_no_title_when_first_line_is_prose(void **state)
{
	(void)state;
	/* BBC-style text: a first line that is a full sentence is no title. */
	static const char s[] =
		"सरकार ने आज नई नीति की घोषणा की. इससे किसानों को लाभ होगा.\n"
		"विपक्ष ने इसकी आलोचना की है.\n";
	struct fixture f;
	load(&f, s, sizeof s - 1);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.b[0].type, PK_BLOCK_PARAGRAPH);
	assert_int_equal(f.b[1].type, PK_BLOCK_PARAGRAPH);
	pk_doc_free(f.doc);
}

static void
test_seed_blocks(void **state)
{
	(void)state;
	size_t len;
	char *s = test_slurp(TEST_SEED, &len);
	struct fixture f;
	load(&f, s, len);
	assert_int_equal(f.n, 20);
	assert_int_equal(f.b[0].type, PK_BLOCK_TITLE);
	assert_int_equal(f.b[1].type, PK_BLOCK_META);
	assert_int_equal(f.b[2].type, PK_BLOCK_DATELINE);
	assert_true(block_is(&f, 2, "मास्को, रूस"));
	assert_int_equal(f.b[3].type, PK_BLOCK_CAPTION);   /* ends with (छवि: रॉयटर्स) */
	for (size_t i = 4; i < 19; i++)
		assert_int_equal(f.b[i].type, PK_BLOCK_PARAGRAPH);
	assert_int_equal(f.b[19].type, PK_BLOCK_BYLINE);    /* the author note */
	/* prev walks back over the same blocks */
	pk_block b = f.b[19];
	for (size_t i = 19; i-- > 0;) {
		assert_true(pk_doc_prev(f.doc, &b, &b));
		assert_int_equal(b.start, f.b[i].start);
		assert_int_equal(b.end, f.b[i].end);
	}
	assert_false(pk_doc_prev(f.doc, &b, &b));
	/* the index, built in small steps, counts them too */
	while (!pk_doc_index_step(f.doc, 100))
		;
	assert_int_equal(pk_doc_block_count(f.doc), 20);
	assert_int_equal(pk_doc_block_number(f.doc, f.b[7].start), 7);
	pk_doc_last(f.doc, &b);
	assert_int_equal(b.start, f.b[19].start);
	pk_doc_free(f.doc);
	free(s);
}

static void
test_block_at(void **state)
{
	(void)state;
	struct fixture f;
	pk_block b;
	load(&f, article, sizeof article - 1);
	/* inside a block */
	assert_true(pk_doc_block_at(f.doc, f.b[4].start + 10, &b));
	assert_int_equal(b.start, f.b[4].start);
	/* on the blank line: the next block */
	size_t blank = f.b[2].end + 1;
	assert_true(pk_doc_block_at(f.doc, blank, &b));
	assert_int_equal(b.start, f.b[3].start);
	/* the index is lazy: nothing is known until it is built */
	assert_false(pk_doc_indexed(f.doc));
	assert_int_equal(pk_doc_block_count(f.doc), (size_t)-1);
	pk_doc_free(f.doc);
}

static void
test_long_line_is_cut(void **state)
{
	(void)state;
	/* A 300 KB line of words: cut into blocks of at most PK_BLOCK_MAX
	 * bytes, at spaces, and walking back gives the same cuts. */
	const char *word = "प्रतिनिधिमंडल ";
	size_t wl = strlen(word), n = 300 * 1024 / wl, len = n * wl;
	char *s = malloc(len);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * wl, word, wl);
	pk_input in;
	pk_input_from_mem(&in, s, len);
	pk_doc *d = pk_doc_new(&in);
	pk_block b, fw[64];
	size_t nb = 0, covered = 0;
	for (bool more = pk_doc_first(d, &b); more; more = pk_doc_next(d, &b, &b)) {
		assert_true(nb < 64);
		assert_true(b.end - b.start <= PK_BLOCK_MAX);
		assert_true(b.start == 0 || s[b.start - 1] == ' ');
		covered += b.end - b.start;
		fw[nb++] = b;
	}
	assert_true(nb >= 5);
	assert_true(covered + nb >= len - 1);  /* only the spaces at cuts are not in blocks */
	for (size_t i = nb; i-- > 1;) {
		assert_true(pk_doc_prev(d, &fw[i], &b));
		assert_int_equal(b.start, fw[i - 1].start);
		assert_int_equal(b.end, fw[i - 1].end);
	}
	/* a block found from the middle agrees with the walk */
	assert_true(pk_doc_block_at(d, fw[3].start + 100, &b));
	assert_int_equal(b.start, fw[3].start);
	assert_int_equal(b.end, fw[3].end);
	pk_doc_free(d);
	free(s);
}

/* Walk the blocks of s forward, index it, and check that the index agrees
 * with the walk: as many blocks, each numbered as the walk numbers it
 * (after G the status line said ¶ 171/170 on lines over 64 KB). */
static size_t
check_index_agrees(const char *s, size_t len, size_t step)
{
	pk_input in;
	pk_input_from_mem(&in, s, len);
	pk_doc *d = pk_doc_new(&in);
	pk_block b;
	size_t n = 0;
	while (!pk_doc_index_step(d, step))
		;
	for (bool more = pk_doc_first(d, &b); more; more = pk_doc_next(d, &b, &b)) {
		assert_true(b.end - b.start <= PK_BLOCK_MAX);
		assert_int_equal(pk_doc_block_number(d, b.start), n);
		n++;
	}
	assert_int_equal(pk_doc_block_count(d), n);
	assert_true(pk_doc_last(d, &b));
	assert_int_equal(pk_doc_block_number(d, b.start), n - 1);
	pk_doc_free(d);
	return n;
}

static void
test_long_lines_paragraph_count(void **state)
{
	(void)state;
	/* lines of 70 KB, 100 KB and 200 KB between short ones, words and
	 * runs without spaces, indexed in big steps and in tiny ones */
	size_t cap = 1 << 20, len = 0;
	char *s = malloc(cap);
	const size_t sizes[] = { 70000, 100000, 200000 };
	memcpy(s, "शीर्षक\n\n", strlen("शीर्षक\n\n"));
	len = strlen("शीर्षक\n\n");
	for (size_t k = 0; k < 3; k++) {
		const char *w = k == 1 ? "क" : "राम कहा ";
		size_t wl = strlen(w);
		for (size_t n = 0; n + wl <= sizes[k]; n += wl) {
			memcpy(s + len, w, wl);
			len += wl;
		}
		memcpy(s + len, "\nछोटी पंक्ति।\n\n", strlen("\nछोटी पंक्ति।\n\n"));
		len += strlen("\nछोटी पंक्ति।\n\n");
	}
	size_t n = check_index_agrees(s, len, 8u << 20);
	assert_true(n > 3 + 370000 / PK_BLOCK_MAX);
	assert_int_equal(check_index_agrees(s, len, 1000), n);
	/* a long line that ends the file, with no line break after it */
	assert_int_equal(check_index_agrees(s, len - strlen("\nछोटी पंक्ति।\n\n"), 8u << 20), n - 1);
	free(s);
}

/* Block boundaries of s: none may fall strictly inside [a, b). */
static void
assert_no_cut_inside(const char *s, size_t len, size_t a, size_t b, size_t *nblocks)
{
	pk_input in;
	pk_input_from_mem(&in, s, len);
	pk_doc *d = pk_doc_new(&in);
	pk_block blk;
	size_t n = 0;
	for (bool more = pk_doc_first(d, &blk); more; more = pk_doc_next(d, &blk, &blk), n++) {
		assert_true(blk.end - blk.start <= PK_BLOCK_MAX);
		assert_false(blk.start > a && blk.start < b);
		assert_false(blk.end > a && blk.end < b);
		/* every cut is at a code-point start */
		assert_true(((unsigned char)s[blk.start] & 0xC0) != 0x80);
	}
	*nblocks = n;
	pk_doc_free(d);
}

static void
test_long_clusters(void **state)
{
	(void)state;
	/* A cluster of 10 KB (one letter, 5000 accents) across the cut point
	 * at 64 KB of a 115 KB line without spaces: cut before or after it,
	 * never inside.  The README promises clusters of up to 16 KB are
	 * never split. */
	size_t len = 0, cs, ce, n;
	char *s = malloc(1 << 20);
	for (size_t i = 0; i < 20000; i++, len += 3)
		memcpy(s + len, "क", 3);
	cs = len;
	memcpy(s + len, "ख", 3);
	len += 3;
	for (size_t i = 0; i < 5000; i++, len += 2)
		memcpy(s + len, "\xCC\x81", 2);  /* U+0301 */
	ce = len;
	for (size_t i = 0; i < 15000; i++, len += 3)
		memcpy(s + len, "क", 3);
	assert_no_cut_inside(s, len, cs, ce, &n);
	assert_true(n >= 2);
	/* a conjunct chain is a cluster too (ICU): क्क्क… never cut inside */
	len = 0;
	for (size_t i = 0; i < 10000; i++, len += 3)
		memcpy(s + len, "क", 3);
	cs = len;
	for (size_t i = 0; i < 1000; i++, len += 6)
		memcpy(s + len, "क्", 6);
	memcpy(s + len, "क", 3);
	len += 3;
	ce = len;
	for (size_t i = 0; i < 20000; i++, len += 3)
		memcpy(s + len, "क", 3);
	assert_no_cut_inside(s, len, cs, ce, &n);
	/* 10^5 marks on one letter (200 KB, past the cap): cut between code
	 * points, every block at most PK_BLOCK_MAX, the same both ways */
	len = 0;
	memcpy(s, "क", 3);
	len = 3;
	for (size_t i = 0; i < 100000; i++, len += 2)
		memcpy(s + len, "\xCC\x81", 2);
	assert_no_cut_inside(s, len, 0, 0, &n);
	assert_true(n >= 200000 / PK_BLOCK_MAX);
	assert_int_equal(check_index_agrees(s, len, 1 << 20), n);
	free(s);
}

static void
test_sentences(void **state)
{
	(void)state;
	static const char s[] =
		"उन्होंने कहा, “हम जीतेंगे।” फिर वह चले गए। क्या यह सच है? हाँ! यह है.अगला वाक्य यहाँ है.\n";
	struct fixture f;
	pk_range *r;
	size_t n;
	load(&f, s, sizeof s - 1);
	assert_int_equal(pk_doc_sentences(f.doc, &f.b[0], &r, &n), PK_OK);
	/* the sentences tile the block */
	assert_int_equal(r[0].start, f.b[0].start);
	assert_int_equal(r[n - 1].end, f.b[0].end);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(r[i].start, r[i - 1].end);
	/* ends: after ।” (closing quote stays with its sentence), after ।, ?, !,
	 * and at the glued full stop of है.अगला */
	assert_int_equal(n, 6);
	assert_memory_equal(s + r[0].end - strlen("।” "), "।” ", strlen("।” "));
	assert_memory_equal(s + r[4].start, "यह है.", strlen("यह है."));
	assert_memory_equal(s + r[5].start, "अगला", strlen("अगला"));
	free(r);
	pk_doc_free(f.doc);
}

static void
test_clusters_keep_conjuncts(void **state)
{
	(void)state;
	/* ICU keeps क्ष, स्थि, प्र whole; libunistring 1.0 would split them */
	static const char s[] = "क्षि स्थिति प्रतिनिधिमंडल";
	static const char *const want[] = {
		"क्षि", " ", "स्थि", "ति", " ", "प्र", "ति", "नि", "धि", "मं", "ड", "ल",
	};
	pk_breaker *b = pk_breaker_new(PK_BREAK_CLUSTER);
	assert_non_null(b);
	assert_int_equal(pk_breaker_set(b, s, 0, sizeof s - 1), PK_OK);
	size_t p = 0, i = 0, q;
	while ((q = pk_breaker_next(b)) != (size_t)-1) {
		assert_true(i < sizeof want / sizeof *want);
		assert_int_equal(q - p, strlen(want[i]));
		assert_memory_equal(s + p, want[i], q - p);
		p = q;
		i++;
	}
	assert_int_equal(i, sizeof want / sizeof *want);
	pk_breaker_free(b);
}

static void
test_invalid_bytes_in_blocks(void **state)
{
	(void)state;
	/* invalid bytes and a NUL stay inside their block; offsets are the input's */
	static const char s[] = "अ\xFF\x80ब\0स\nद";
	struct fixture f;
	load(&f, s, sizeof s - 1);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.b[0].start, 0);
	assert_int_equal(f.b[0].end, (size_t)((const char *)memchr(s, '\n', sizeof s) - s));
	pk_breaker *b = pk_breaker_new(PK_BREAK_CLUSTER);
	assert_int_equal(pk_breaker_set(b, s, f.b[0].start, f.b[0].end), PK_OK);
	size_t n = 0, q, last = 0;
	while ((q = pk_breaker_next(b)) != (size_t)-1) {
		assert_true(q > last);
		last = q;
		n++;
	}
	assert_int_equal(last, f.b[0].end);
	assert_true(n >= 5);
	pk_breaker_free(b);
	pk_doc_free(f.doc);
}

static void
test_empty_document(void **state)
{
	(void)state;
	pk_input in;
	pk_block b;
	pk_input_from_mem(&in, "\n \r\n\t\n", 6);
	pk_doc *d = pk_doc_new(&in);
	assert_false(pk_doc_first(d, &b));
	assert_false(pk_doc_last(d, &b));
	assert_false(pk_doc_block_at(d, 2, &b));
	assert_true(pk_doc_index_step(d, 1 << 20));
	assert_int_equal(pk_doc_block_count(d), 0);
	pk_doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_types),
		cmocka_unit_test(test_no_title_when_first_line_is_prose),
		cmocka_unit_test(test_seed_blocks),
		cmocka_unit_test(test_block_at),
		cmocka_unit_test(test_long_line_is_cut),
		cmocka_unit_test(test_long_lines_paragraph_count),
		cmocka_unit_test(test_long_clusters),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_clusters_keep_conjuncts),
		cmocka_unit_test(test_invalid_bytes_in_blocks),
		cmocka_unit_test(test_empty_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
