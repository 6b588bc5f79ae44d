/* test_html.c - the article of a web page as plain text (src/html.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "html.h"
#include "input.h"
#include "quotes.h"
#include "testutil.h"

#define NEWS TEST_SRCDIR "/tests/fixtures/news.html"
#define NOARTICLE TEST_SRCDIR "/tests/fixtures/news-noarticle.html"
/* A string literal and its length. */
#define LIT(s) s, sizeof s - 1

/* What every extracted text looks like: blocks of one line each, trimmed,
 * with single spaces, separated by exactly one blank line, "\n" at the end,
 * the blocks covering the text in order. */
static void
check_shape(const pk_html_text *t)
{
	assert_non_null(t->text);
	assert_int_equal(strlen(t->text), t->len);
	if (!t->nblocks) {
		assert_int_equal(t->len, 0);
		return;
	}
	assert_int_equal(t->blocks[0].start, 0);
	for (size_t i = 0; i < t->nblocks; i++) {
		const pk_html_block *b = &t->blocks[i];
		assert_true(b->start < b->end);
		assert_true(t->text[b->start] != ' ');
		assert_true(t->text[b->end - 1] != ' ');
		for (size_t j = b->start; j < b->end; j++) {
			assert_true(t->text[j] != '\n');
			assert_false(t->text[j] == ' ' && t->text[j + 1] == ' ');
		}
		size_t next = i + 1 < t->nblocks ? t->blocks[i + 1].start : t->len + 1;
		assert_int_equal(next, b->end + 2);
		assert_int_equal(t->text[b->end], '\n');
		if (i + 1 < t->nblocks)
			assert_int_equal(t->text[b->end + 1], '\n');
	}
	assert_int_equal(t->blocks[t->nblocks - 1].end + 1, t->len);
}

/* No byte that could put a control on the terminal (see html.h). */
static void
check_clean(const pk_html_text *t)
{
	const unsigned char *s = (const unsigned char *)t->text;
	for (size_t i = 0; i < t->len; i++) {
		assert_false(s[i] < 0x20 && s[i] != '\n');
		assert_false(s[i] == 0x7F);
		if (i + 1 < t->len)
			assert_false(s[i] == 0xC2 && s[i + 1] >= 0x80 && s[i + 1] <= 0xA0);
		if (i + 2 < t->len && s[i] == 0xE2 && s[i + 1] == 0x80)
			assert_false(s[i + 2] >= 0xAA && s[i + 2] <= 0xAE);
		if (i + 2 < t->len && s[i] == 0xE2 && s[i + 1] == 0x81)
			assert_false(s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9);
	}
}

static void
extract_str(const char *s, size_t len, pk_html_text *t)
{
	assert_int_equal(pk_html_extract(s, len, t), PK_OK);
	check_shape(t);
	check_clean(t);
}

static void
extract_file(const char *path, pk_html_text *t)
{
	size_t len;
	char *s = test_slurp(path, &len);
	extract_str(s, len, t);
	free(s);
}

/* The index of the block that contains @p what, or -1. */
static int
block_with(const pk_html_text *t, const char *what)
{
	for (size_t i = 0; i < t->nblocks; i++) {
		const pk_html_block *b = &t->blocks[i];
		char *c = strstr(t->text + b->start, what);
		if (c && (size_t)(c - t->text) + strlen(what) <= b->end)
			return (int)i;
	}
	return -1;
}

/* Block @p i is exactly @p what. */
static void
assert_block(const pk_html_text *t, size_t i, pk_html_kind kind, const char *what)
{
	assert_true(i < t->nblocks);
	assert_int_equal(t->blocks[i].kind, kind);
	assert_int_equal(t->blocks[i].end - t->blocks[i].start, strlen(what));
	assert_memory_equal(t->text + t->blocks[i].start, what, strlen(what));
}

static void
test_title_date_byline(void **state)
{
	pk_html_text t;
	(void)state;
	extract_file(NEWS, &t);
	/* og:title, not the <h1> nor the <title> */
	assert_block(&t, 0, PK_HTML_TITLE, "शहर परिषद ने रामपुर कलां के लिए नई बस सेवा को मंज़ूरी दी");
	assert_null(strstr(t.text, "समाचार डेस्क"));
	/* the <time>'s text, then meta name=author */
	assert_block(&t, 1, PK_HTML_META, "30 नवंबर 2026");
	assert_block(&t, 2, PK_HTML_BYLINE, "अमन वर्मा");
	assert_null(strstr(t.text, "2026-11-30"));
	assert_null(strstr(t.text, "संवाददाता"));
	for (size_t i = 3; i < t.nblocks; i++) {
		assert_int_not_equal(t.blocks[i].kind, PK_HTML_TITLE);
		assert_int_not_equal(t.blocks[i].kind, PK_HTML_META);
		assert_int_not_equal(t.blocks[i].kind, PK_HTML_BYLINE);
	}
	pk_html_free(&t);
	assert_null(t.text);
}

static void
test_paragraphs_in_order(void **state)
{
	static const char *const paras[] = {
		"शहर परिषद ने सोमवार शाम हुई बैठक में रामपुर कलां के लिए नई इलेक्ट्रिक बस सेवा",
		"परिषद के 32 में से 27 सदस्यों ने प्रस्ताव के पक्ष में मत दिया।",
		"पहले चरण में 40 बसें चलेंगी",
		"परिषद की अध्यक्ष ने बैठक की शुरुआत में कहा कि",
		"मीरा संधू ने कहा, “यह सेवा उन हज़ारों मज़दूरों के लिए है",
		"रामपुर कलां बस अड्डे पर खड़ी एक प्रायोगिक इलेक्ट्रिक बस।",
		"छात्रों और वरिष्ठ नागरिकों को आधे किराए की छूट मिलेगी।",
		"विपक्ष की आपत्तियाँ",
		"बजट का पूरा ब्योरा जनता के सामने रखा जाना चाहिए।",
		"सार्वजनिक परिवहन किसी शहर की रीढ़ होता है",
		"पहली बसें मार्च 2027 तक सड़कों पर उतर सकती हैं।",
	};
	pk_html_text t;
	const char *at;
	(void)state;
	extract_file(NEWS, &t);
	at = t.text;
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
		const char *p = strstr(at, paras[i]);
		if (!p)
			fail_msg("missing or out of order: %s", paras[i]);
		at = p + strlen(paras[i]);
	}
	assert_int_equal(t.blocks[block_with(&t, "प्रायोगिक इलेक्ट्रिक बस")].kind, PK_HTML_CAPTION);
	assert_int_equal(t.blocks[block_with(&t, "विपक्ष की आपत्तियाँ")].kind, PK_HTML_PARA);
	assert_int_equal(t.blocks[block_with(&t, "पहले चरण")].kind, PK_HTML_PARA);
	/* title, date, byline, 7 paragraphs, a heading, a caption, a quote:
	 * the empty <p> and the paragraph of tag links are gone */
	assert_int_equal(t.nblocks, 13);
	pk_html_free(&t);
}

static void
test_no_page_furniture(void **state)
{
	static const char *const junk[] = {
		"होम", "विदेश", "खेल", "मनोरंजन", "व्यापार",           /* nav */
		"खोज",                                                /* form */
		"कुकीज़", "ठीक है",                                    /* cookie banner */
		"विज्ञापन",                                            /* ads, their script */
		"document", "dataLayer", "loadAd", "console", "{", "font-family",
		"स्टाइल", "जेसन",                                      /* style, ld+json */
		"जावास्क्रिप्ट",                                         /* noscript */
		"शेयर", "लिंक कॉपी",                                    /* share buttons */
		"यह भी पढ़ें", "मेट्रो किराए", "साइकिल ट्रैक",             /* related aside */
		"टिप्पणी", "बहुत अच्छी खबर", "राहुल", "किराया और कम",     /* comments */
		"न्यूज़लेटर", "सबसे ज़्यादा", "क्रिकेट", "प्रायोजित",         /* boxes */
		"©", "सर्वाधिकार", "हमारे बारे में", "संपर्क",              /* footer */
		"सदस्यता", "50%",                                     /* popup */
		"रामपुर कलां टैग", "टैग",                               /* a link list */
	};
	pk_html_text t;
	(void)state;
	extract_file(NEWS, &t);
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
		if (strstr(t.text, junk[i]))
			fail_msg("page furniture in the text: %s", junk[i]);
	pk_html_free(&t);
}

static void
test_quotations(void **state)
{
	pk_html_text t;
	int i;
	(void)state;
	extract_file(NEWS, &t);
	/* <q> inside its paragraph */
	i = block_with(&t, "कहा कि “शहर को अब और इंतज़ार नहीं करना चाहिए” और सभी दलों");
	assert_true(i >= 0);
	assert_int_equal(t.blocks[i].kind, PK_HTML_PARA);
	/* <blockquote>: its own block, wrapped */
	assert_block(&t, (size_t)block_with(&t, "सार्वजनिक परिवहन"), PK_HTML_QUOTE,
	             "“सार्वजनिक परिवहन किसी शहर की रीढ़ होता है, और इस रीढ़ को "
	             "मज़बूत करना हमारी पहली ज़िम्मेदारी है।”");
	/* marks in the text stay as they are, never doubled */
	assert_non_null(strstr(t.text, "कहा, “यह सेवा"));
	assert_non_null(strstr(t.text, "पहुँचते हैं।”\n"));
	assert_null(strstr(t.text, "““"));
	assert_null(strstr(t.text, "””"));
	pk_html_free(&t);

	/* a blockquote or <q> that brings its own marks is not wrapped again */
	static const char page[] =
		"<html><body><article><p>उसने <q>‘चलो’</q> कहा और <q> </q>चला गया।</p>"
		"<blockquote>« पहले से उद्धृत »</blockquote>"
		"<blockquote>\n  <p>दूसरा  उद्धरण</p>\n</blockquote></article></body></html>";
	extract_str(page, sizeof page - 1, &t);
	assert_block(&t, 0, PK_HTML_PARA, "उसने ‘चलो’ कहा और चला गया।");
	assert_block(&t, 1, PK_HTML_QUOTE, "« पहले से उद्धृत »");
	assert_block(&t, 2, PK_HTML_QUOTE, "“दूसरा उद्धरण”");
	pk_html_free(&t);
}

static void
test_entities(void **state)
{
	pk_html_text t;
	(void)state;
	extract_file(NEWS, &t);
	assert_non_null(strstr(t.text, "औद्योगिक क्षेत्र तक जाएँगी"));  /* &nbsp; */
	assert_null(strstr(t.text, "\xC2\xA0"));
	assert_non_null(strstr(t.text, "परिवहन & यातायात समिति"));  /* &amp; */
	assert_null(strstr(t.text, "&amp;"));
	assert_null(strstr(t.text, "&nbsp;"));
	pk_html_free(&t);

	static const char page[] = "<article><p>&#2325;&#x0916; &lt;ग&gt; &quot;घ&quot;&nbsp;&nbsp;ङ</p>"
		"<p>पहली पंक्ति<br>दूसरी\tपंक्ति<br/></p></article>";
	extract_str(page, sizeof page - 1, &t);
	assert_block(&t, 0, PK_HTML_PARA, "कख <ग> \"घ\" ङ");
	/* a line break inside a paragraph still separates words */
	assert_block(&t, 1, PK_HTML_PARA, "पहली पंक्ति दूसरी पंक्ति");
	pk_html_free(&t);
}

static void
test_controls_dropped(void **state)
{
	/* ESC sequences, a raw and an encoded RLO, DEL, C1, isolates */
	static const char page[] =
		"<!doctype html><html><body><article><p>पहला\x1b]0;title\x07 शब्द\x1b[2J "
		"\xE2\x80\xAEउलटा&#x202E; &#27;&#128;\x7f\xC2\x9B&#x2066;बीच\xE2\x81\xA9 अंत</p>"
		"<p>\x01\x02\x03</p></article></body></html>";
	pk_html_text t;
	(void)state;
	assert_non_null(memchr(page, 0x1b, sizeof page));
	extract_str(page, sizeof page - 1, &t);
	assert_int_equal(t.nblocks, 1);  /* the all-control paragraph is empty */
	assert_null(memchr(t.text, 0x1b, t.len));
	assert_null(strstr(t.text, "\xE2\x80\xAE"));
	assert_non_null(strstr(t.text, "पहला]0;title शब्द[2J उलटा"));
	assert_non_null(strstr(t.text, "बीच अंत"));
	pk_html_free(&t);
}

static void
test_sniff(void **state)
{
	size_t len;
	char *s;
	(void)state;
	s = test_slurp(NEWS, &len);
	assert_true(pk_html_sniff(s, len));
	free(s);
	s = test_slurp(NOARTICLE, &len);
	assert_true(pk_html_sniff(s, len));
	free(s);
	s = test_slurp(TEST_SEED, &len);
	assert_false(pk_html_sniff(s, len));
	free(s);
	assert_true(pk_html_sniff(LIT("  <!DOCTYPE html>")));
	assert_true(pk_html_sniff(LIT("\xEF\xBB\xBF<html>")));
	assert_true(pk_html_sniff(LIT("\n<HEAD><title>x")));
	assert_true(pk_html_sniff(LIT("<!-- saved --> \n<meta charset=utf-8>")));
	assert_false(pk_html_sniff(LIT("<")));
	assert_false(pk_html_sniff(LIT("")));
	assert_false(pk_html_sniff(LIT("<header>")));           /* not <head> */
	assert_false(pk_html_sniff(LIT("<!-- a comment -->")));
	assert_false(pk_html_sniff(LIT("<p>नमस्ते</p>")));
	assert_false(pk_html_sniff(LIT("समाचार <html>")));
	/* only the first 1024 bytes count */
	char big[1100];
	memset(big, ' ', sizeof big);
	memcpy(big + 1030, "<html>", 6);
	assert_false(pk_html_sniff(big, sizeof big));
	memcpy(big + 1000, "<html>", 6);
	assert_true(pk_html_sniff(big, sizeof big));
}

static void
test_scoring(void **state)
{
	pk_html_text t;
	(void)state;
	/* no <article>: the content div beats the longer but link-heavy box */
	extract_file(NOARTICLE, &t);
	assert_block(&t, 0, PK_HTML_TITLE, "बाढ़ राहत शिविरों में दवाइयों की कमी");
	assert_int_equal(t.nblocks, 5);
	assert_non_null(strstr(t.text, "बुखार और दस्त की दवाइयाँ"));
	assert_non_null(strstr(t.text, "सूखा राशन बाँटना शुरू कर दिया है।\n"));
	assert_null(strstr(t.text, "नगर दर्पण"));
	assert_null(strstr(t.text, "अलर्ट"));
	assert_null(strstr(t.text, "केंद्रीय दल"));
	assert_null(strstr(t.text, "pageType"));
	assert_null(strstr(t.text, "पाठक"));  /* the comments, longer still */
	pk_html_free(&t);

	/* a site <header> outside the article never counts */
	static const char masthead[] =
		"<body><header><p>शहर की हर ख़बर, हर पल, सबसे पहले और सबसे सटीक, "
		"आपके अपने भरोसेमंद समाचार मंच पर</p></header>"
		"<div><p>नगर निगम ने नया पार्क खोला।</p></div></body>";
	extract_str(masthead, sizeof masthead - 1, &t);
	assert_block(&t, 0, PK_HTML_PARA, "नगर निगम ने नया पार्क खोला।");
	assert_int_equal(t.nblocks, 1);
	pk_html_free(&t);

	/* articleBody is preferred to a second <article> */
	static const char page[] =
		"<html><head><meta property='article:published_time' content='2026-01-02'>"
		"</head><body><article><h1>शीर्षक</h1>"
		"<div class='story-tools'><p>अक्षर बड़े करें</p></div><div itemprop='articleBody'>"
		"<p>मुख्य पाठ</p></div></article>"
		"<article><p>दूसरा लेख जो बहुत लंबा है और पहले से भी लंबा है</p></article></body></html>";
	extract_str(page, sizeof page - 1, &t);
	assert_block(&t, 0, PK_HTML_TITLE, "शीर्षक");    /* the article's <h1> */
	assert_block(&t, 1, PK_HTML_META, "2026-01-02");  /* no <time>: the meta */
	assert_block(&t, 2, PK_HTML_PARA, "मुख्य पाठ");
	assert_int_equal(t.nblocks, 3);
	assert_null(strstr(t.text, "अक्षर"));  /* in the <article>, not its body */
	pk_html_free(&t);

	/* an article inside a wrapper whose class says sidebar is still found */
	static const char wrapped[] =
		"<body><div class='layout with-sidebar'><article><p>लेख का पाठ</p>"
		"<p class='article-byline'>लेखक: <a href='/r'>रवि</a></p>"
		"<ul><li>सूची का पहला बिंदु</li><li><a href='/x'>केवल एक लिंक</a></li></ul>"
		"</article><div class='sidebar'><p>बगल का लंबा पाठ जो लेख से भी लंबा है</p>"
		"</div></div></body>";
	extract_str(wrapped, sizeof wrapped - 1, &t);
	assert_block(&t, 0, PK_HTML_BYLINE, "लेखक: रवि");
	assert_block(&t, 1, PK_HTML_PARA, "लेख का पाठ");
	assert_block(&t, 2, PK_HTML_PARA, "सूची का पहला बिंदु");
	assert_int_equal(t.nblocks, 3);
	assert_null(strstr(t.text, "बगल"));
	assert_int_equal(block_with(&t, "रवि"), 0);  /* not again as a paragraph */
	pk_html_free(&t);
}

static void
test_empty_and_garbage(void **state)
{
	static const struct { const char *s; size_t len; } in[] = {
		{ LIT("<html></html>") },
		{ LIT("\x00\x01garbage") },
		{ LIT("") },
		{ LIT("<") },
		{ LIT("<html><head><title>केवल शीर्षक</title></head><body></body></html>") },
		{ LIT("<body><nav><p>केवल मेनू का लंबा पाठ</p></nav></body>") },
	};
	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		pk_html_text t;
		assert_int_equal(pk_html_extract(in[i].s, in[i].len, &t), PK_OK);
		assert_int_equal(t.len, 0);
		assert_int_equal(t.nblocks, 0);
		assert_non_null(t.text);
		assert_string_equal(t.text, "");
		pk_html_free(&t);
	}
}

static void
test_truncated_and_damaged(void **state)
{
	size_t len;
	char *s = test_slurp(NEWS, &len);
	pk_html_text t;
	(void)state;
	/* the first half, and every 61st prefix (cut inside tags, entities and
	 * UTF-8 sequences) */
	extract_str(s, len / 2, &t);
	assert_true(t.nblocks > 3);
	assert_block(&t, 0, PK_HTML_TITLE, "शहर परिषद ने रामपुर कलां के लिए नई बस सेवा को मंज़ूरी दी");
	pk_html_free(&t);
	for (size_t n = 0; n < len; n += 61) {
		extract_str(s, n, &t);
		pk_html_free(&t);
	}
	/* a stray byte in the middle is U+FFFD, and the rest is not lost */
	char *p = strstr(s, "सोमवार");
	assert_non_null(p);
	*p = (char)0xFF;
	extract_str(s, len, &t);
	assert_non_null(strstr(t.text, "\xEF\xBF\xBD"));
	assert_non_null(strstr(t.text, "पहली बसें मार्च 2027"));
	pk_html_free(&t);
	free(s);
}

static void
test_too_big(void **state)
{
	pk_html_text t;
	char *s = calloc(PK_HTML_MAX + 1, 1);
	(void)state;
	assert_non_null(s);
	assert_int_equal(pk_html_extract(s, PK_HTML_MAX + 1, &t), PK_ERR_TOOBIG);
	assert_null(t.text);
	assert_int_equal(t.nblocks, 0);
	pk_html_free(&t);
	free(s);
}

/* The page as pathak reads it (pk_html_input): its <q> and <blockquote>
 * are quotations of the article, each with a speaker that is a name on one
 * line (a heading above a paragraph is no part of a name), and offsets
 * are the extracted text's. */
static void
test_as_input(void **state)
{
	pk_input in;
	bool was;
	pk_quotes q;
	(void)state;
	assert_int_equal(pk_input_open(&in, TEST_SRCDIR "/tests/fixtures/news.html"), PK_OK);
	assert_int_equal(pk_html_input(&in, &was), PK_OK);
	assert_true(was);
	assert_null(strstr(in.bytes, "<p>"));
	pk_doc *d = pk_doc_new(&in);
	assert_non_null(d);
	assert_int_equal(pk_quotes_find(d, &q), PK_OK);
	assert_int_equal(q.n, 3);
	bool sandhu = false, block = false;
	for (size_t i = 0; i < q.n; i++) {
		assert_non_null(q.v[i].speaker);
		assert_null(strchr(q.v[i].speaker, '\n'));
		sandhu |= strcmp(q.v[i].speaker, "मीरा संधू") == 0;
		/* the blockquote's words, at offsets into the text read */
		block |= strncmp(in.bytes + q.v[i].start, "सार्वजनिक परिवहन", strlen("सार्वजनिक परिवहन")) == 0;
	}
	assert_true(sandhu);
	assert_true(block);
	pk_quotes_free(&q);
	pk_doc_free(d);
	pk_input_close(&in);
	/* not HTML: left as it is */
	assert_int_equal(pk_input_open(&in, TEST_SEED), PK_OK);
	size_t len = in.len;
	assert_int_equal(pk_html_input(&in, &was), PK_OK);
	assert_false(was);
	assert_int_equal(in.len, len);
	pk_input_close(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_date_byline),
		cmocka_unit_test(test_paragraphs_in_order),
		cmocka_unit_test(test_no_page_furniture),
		cmocka_unit_test(test_quotations),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_controls_dropped),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_scoring),
		cmocka_unit_test(test_empty_and_garbage),
		cmocka_unit_test(test_truncated_and_damaged),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_as_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
