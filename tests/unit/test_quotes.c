/* test_quotes.c - quotation pairing, kinds and speakers on sentences written
 * for these tests, plus the bundled sample article. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* open_memstream */
#endif
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input.h"
#include "doc.h"
#include "quotes.h"
#include "export.h"
#include "fold.h"

typedef struct fx {
	pk_input in;
	pk_doc *d;
	pk_quotes q;
} fx;

static void
run(fx *f, const char *text)
{
	pk_input_from_mem(&f->in, text, strlen(text));
	f->d = pk_doc_new(&f->in);
	assert_non_null(f->d);
	assert_int_equal(pk_quotes_find(f->d, &f->q), PK_OK);
}

static void
done(fx *f)
{
	pk_quotes_free(&f->q);
	pk_doc_free(f->d);
}

/* The quote whose text is exactly @p want, or fail. */
static const pk_quote *
find(const fx *f, const char *want)
{
	size_t l = strlen(want);
	for (size_t i = 0; i < f->q.n; i++) {
		const pk_quote *x = &f->q.v[i];
		if (x->end - x->start == l && !memcmp(f->in.bytes + x->start, want, l))
			return x;
	}
	for (size_t i = 0; i < f->q.n; i++)
		fprintf(stderr, "  have: %.*s\n", (int)(f->q.v[i].end - f->q.v[i].start),
		        f->in.bytes + f->q.v[i].start);
	fail_msg("no quote '%s'", want);
	return NULL;
}

static bool
has(const fx *f, const char *want)
{
	size_t l = strlen(want);
	for (size_t i = 0; i < f->q.n; i++)
		if (f->q.v[i].end - f->q.v[i].start == l &&
		    !memcmp(f->in.bytes + f->q.v[i].start, want, l))
			return true;
	return false;
}

static void
speaker_is(const pk_quote *x, const char *who)
{
	assert_non_null(x->speaker);
	assert_string_equal(x->speaker, who);
}

static void
test_basic_before_after(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "मंत्री रमेश वर्मा ने कहा, “सड़क का काम अगले महीने पूरा हो जाएगा।”\n"
	        "“हम हर गाँव तक पानी पहुँचाएँगे,” वर्मा ने बैठक के बाद कहा।\n");
	const pk_quote *a = find(&f, "सड़क का काम अगले महीने पूरा हो जाएगा।");
	assert_int_equal(a->kind, PK_QUOTE_DIRECT);
	speaker_is(a, "रमेश वर्मा");
	assert_string_equal(a->cue, "ने कहा");
	const pk_quote *b = find(&f, "हम हर गाँव तक पानी पहुँचाएँगे,");
	speaker_is(b, "रमेश वर्मा");   /* fullest name, though the mention is वर्मा */
	assert_int_equal(b->mention_end - b->mention_start, strlen("वर्मा"));
	assert_non_null(b->cue);
	done(&f);
}

static void
test_closer_as_opener_and_glued(void **st)
{
	fx f = { 0 };
	(void)st;
	/* ” opens; a closer glued to the next word */
	run(&f, "अध्यक्ष सुनीता राव ने पत्रकारों से कहा, ”बजट में किसानों के लिए नई योजना है।” "
	        "“नई नहरें बनेंगी और पुरानी ठीक होंगी, ”राव ने कहा।\n");
	speaker_is(find(&f, "बजट में किसानों के लिए नई योजना है।"), "सुनीता राव");
	speaker_is(find(&f, "नई नहरें बनेंगी और पुरानी ठीक होंगी,"), "सुनीता राव");
	done(&f);
}

static void
test_mismatched_pairs(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "किसान नेता अजय सिंह कहते हैं, \"हमें फसल का पूरा दाम नहीं मिल रहा है.’’ "
	        "सिंह बताते हैं, ‘‘मंडी तक पहुँचना भी अब बहुत महँगा हो गया है.\" "
	        "वो कहते हैं, “हम आंदोलन जारी रखेंगे और पीछे नहीं हटेंगे.“ बैठक खत्म हुई।\n");
	speaker_is(find(&f, "हमें फसल का पूरा दाम नहीं मिल रहा है."), "अजय सिंह");
	speaker_is(find(&f, "मंडी तक पहुँचना भी अब बहुत महँगा हो गया है."), "अजय सिंह");
	/* wrong-direction closer “ */
	speaker_is(find(&f, "हम आंदोलन जारी रखेंगे और पीछे नहीं हटेंगे."), "अजय सिंह");
	done(&f);
}

static void
test_unbalanced_recovers(void **st)
{
	fx f = { 0 };
	(void)st;
	/* the first opener never closes; the paragraph ends; later quotes are found */
	run(&f, "डॉक्टर मीना जोशी ने कहा, “अस्पताल में दवाइयों की कमी है और मरीज़ परेशान हैं\n"
	        "अगले दिन विभाग ने जाँच शुरू की। शहर में बारिश होती रही।\n"
	        "स्वास्थ्य सचिव अनिल मेहता ने कहा, “हम जल्द ही नई दवाइयाँ भेज देंगे।”\n");
	find(&f, "अस्पताल में दवाइयों की कमी है और मरीज़ परेशान हैं");
	speaker_is(find(&f, "हम जल्द ही नई दवाइयाँ भेज देंगे।"), "अनिल मेहता");
	assert_int_equal(f.q.n, 2);
	done(&f);
}

static void
test_unbalanced_in_one_line(void **st)
{
	fx f = { 0 };
	(void)st;
	/* a stray opener mid-paragraph must not swallow the text after it */
	run(&f, "नेता ने कहा, “यह पुल बहुत पुराना हो चुका है और इसे बदलना होगा. शाम को बैठक हुई. "
	        "इंजीनियर प्रिया शर्मा ने कहा, “पुल की मरम्मत दो महीने में पूरी होगी.” सब चले गए.\n");
	speaker_is(find(&f, "पुल की मरम्मत दो महीने में पूरी होगी."), "प्रिया शर्मा");
	assert_false(has(&f, "यह पुल बहुत पुराना हो चुका है और इसे बदलना होगा. शाम को बैठक हुई. "
	                     "इंजीनियर प्रिया शर्मा ने कहा,"));
	done(&f);
}

static void
test_multi_paragraph(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "कोच विजय कुमार ने कहा, “टीम ने पूरे साल बहुत मेहनत की है और इसका फल मिला।\n"
	        "“अगले मैच के लिए हमारी तैयारी पहले से बेहतर है।”\n");
	speaker_is(find(&f, "टीम ने पूरे साल बहुत मेहनत की है और इसका फल मिला।"), "विजय कुमार");
	/* the continuation inherits the speaker */
	speaker_is(find(&f, "अगले मैच के लिए हमारी तैयारी पहले से बेहतर है।"), "विजय कुमार");
	done(&f);
}

static void
test_nested_and_apostrophe(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "निर्देशक पॉल ओ’ब्रायन ने कहा, “मेरी नई फ़िल्म ‘सुबह’ अगले साल आएगी और उसमें नए कलाकार होंगे।”\n");
	const pk_quote *a = find(&f, "मेरी नई फ़िल्म ‘सुबह’ अगले साल आएगी और उसमें नए कलाकार होंगे।");
	speaker_is(a, "पॉल ओ’ब्रायन");
	assert_false(has(&f, "सुबह"));
	assert_int_equal(f.q.n, 1);
	done(&f);
}

static void
test_not_quotes(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "दर्शकों ने नाटक ‘नीली झील’ को खूब पसंद किया। "
	        "सरकार ने ‘हर घर बिजली’ योजना शुरू की। "
	        "हवा की गुणवत्ता ‘अच्छी’ या ‘मध्यम’ श्रेणी में रही। "
	        "गाँव के लोग उन्हें ‘मास्टर जी’ के नाम से जानते हैं।\n");
	assert_int_equal(f.q.n, 0);
	done(&f);
}

static void
test_partial(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "मुख्यमंत्री कविता देसाई ने कहा कि राज्य की हालत ‘काफ़ी बेहतर’ है। "
	        "विपक्ष ने इस दावे को ‘झूठा’ करार दिया।\n");
	const pk_quote *a = find(&f, "काफ़ी बेहतर");
	assert_int_equal(a->kind, PK_QUOTE_PARTIAL);
	speaker_is(a, "कविता देसाई");
	done(&f);
}

static void
test_pronoun_and_cues(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "लेखिका नेहा गुप्ता ने बताया कि उनकी नई किताब पिछले हफ़्ते छपी। "
	        "उन्होंने कहा, “लिखना मेरे लिए साँस लेने जैसा है।” "
	        "वो कहती हैं, “हर कहानी किसी सच्ची घटना से शुरू होती है।” "
	        "गुप्ता का कहना है कि “पाठक अब छोटी कहानियाँ ज़्यादा पढ़ते हैं।” "
	        "“मैं अगले साल एक उपन्यास लिखूँगी।” - नेहा गुप्ता\n");
	speaker_is(find(&f, "लिखना मेरे लिए साँस लेने जैसा है।"), "नेहा गुप्ता");
	speaker_is(find(&f, "हर कहानी किसी सच्ची घटना से शुरू होती है।"), "नेहा गुप्ता");
	const pk_quote *c = find(&f, "पाठक अब छोटी कहानियाँ ज़्यादा पढ़ते हैं।");
	speaker_is(c, "नेहा गुप्ता");
	assert_non_null(c->cue);
	speaker_is(find(&f, "मैं अगले साल एक उपन्यास लिखूँगी।"), "नेहा गुप्ता");
	done(&f);
}

static void
test_descriptor_speaker(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "रेल विभाग के एक प्रवक्ता ने कहा, “सभी गाड़ियाँ समय पर चल रही हैं और कोई देरी नहीं है।”\n");
	speaker_is(find(&f, "सभी गाड़ियाँ समय पर चल रही हैं और कोई देरी नहीं है।"),
	           "रेल विभाग के एक प्रवक्ता");
	done(&f);
}

static void
test_bad_bytes_and_empty(void **st)
{
	fx f = { 0 };
	(void)st;
	static const char bad[] = "उसने कहा, \"\xff\xfe यह ठीक नहीं है और हम इसे नहीं मानेंगे.\" \"\n\"";
	pk_input_from_mem(&f.in, bad, sizeof bad - 1);
	f.d = pk_doc_new(&f.in);
	assert_int_equal(pk_quotes_find(f.d, &f.q), PK_OK);
	for (size_t i = 0; i < f.q.n; i++)
		assert_true(f.q.v[i].start < f.q.v[i].end && f.q.v[i].end <= f.in.len);
	/* the exported JSON must be valid even with bad bytes */
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_int_equal(pk_export_json(f.d, &f.q, "x.txt", "0", m), PK_OK);
	fclose(m);
	assert_non_null(strstr(buf, "\"quotes\""));
	free(buf);
	done(&f);

	fx e = { 0 };
	run(&e, "");
	assert_int_equal(e.q.n, 0);
	done(&e);
}

static void
test_many_marks_linear(void **st)
{
	(void)st;
	/* 200k stray marks: must finish quickly and stay in bounds */
	size_t n = 200000;
	char *s = malloc(n * 5 + 1), *p = s;
	for (size_t i = 0; i < n; i++) {
		memcpy(p, i % 2 ? "\xE2\x80\x9C" "क " : "\" ", i % 2 ? 5 : 2);
		p += i % 2 ? 5 : 2;
	}
	*p = '\0';
	fx f = { 0 };
	run(&f, s);
	for (size_t i = 0; i < f.q.n; i++)
		assert_true(f.q.v[i].end <= f.in.len);
	done(&f);
	free(s);
}

/* Titles and labels that read like words: a title noun before them (also
 * with a comma), a genitive governing them, one word qualifying a noun, a
 * source's name before के मुताबिक, a long title before शीर्षक. */
static void
test_labels_not_quotes(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "उन्होंने शो का अंत अपने पसंदीदा गाने, 'धीरे धीरे, धीरे...' से किया और कहा कि वे खुश हैं.\n"
	        "उस दौर में वह निर्देशक की 'सबसे प्यारी अभिनेत्री थीं.' ऐसा लोग कहते हैं.\n"
	        "निर्देशक ने कहा कि 'तूफ़ान' का नया रूप अगले साल आएगा.\n"
	        "‘विश्व खेल परिषद’ के मुताबिक इस साल तीन नए खेल जोड़े जाएंगे.\n"
	        "मंत्री ने बताया कि रिपोर्ट में ‘गांवों में साफ़ पानी तक पहुंच के नए रास्ते’ शीर्षक वाला अध्याय भी है.\n");
	assert_int_equal(f.q.n, 0);
	done(&f);
	/* but a quoted phrase before का दावा is speech */
	run(&f, "मंत्री रमेश वर्मा ने ‘शानदार प्रगति’ का दावा किया है.\n");
	assert_int_equal(find(&f, "शानदार प्रगति")->kind, PK_QUOTE_PARTIAL);
	done(&f);
}

/* “…’ : a double opener closed by a single closer a word later pairs as
 * published and does not swallow the next quotation. */
static void
test_double_closed_by_single(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "विभाग के मुताबिक “हेल्पडेस्क’ पर आने वाले फोन दोगुने हो गए हैं और लोग परेशान हैं. "
	        "अधिकारी सुमन लता ने कहा, “हम हर फोन का जवाब दे रहे हैं.”\n");
	speaker_is(find(&f, "हम हर फोन का जवाब दे रहे हैं."), "सुमन लता");
	assert_false(has(&f, "हेल्पडेस्क"));
	done(&f);
}

/* चिंता जताते हुए makes a fragment reported speech; a role word (सीएमडी)
 * is not part of the speaker's name. */
static void
test_more_cues_and_roles(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "मंत्री रमेश वर्मा ने खेती में ‘भारी गिरावट’ दर्ज किए जाने पर चिंता जताते हुए मदद मांगी.\n"
	        "कंपनी के सीएमडी राजेश मिश्रा कहते हैं, \"हम आगे बढ़ रहे हैं और नए लोग जोड़ रहे हैं.\"\n");
	const pk_quote *a = find(&f, "भारी गिरावट");
	assert_int_equal(a->kind, PK_QUOTE_PARTIAL);
	speaker_is(a, "रमेश वर्मा");
	speaker_is(find(&f, "हम आगे बढ़ रहे हैं और नए लोग जोड़ रहे हैं."), "राजेश मिश्रा");
	done(&f);
}

/* Speakers: the one asked answers (X ने Y से पूछा तो उन्होंने कहा); a
 * sentence-initial named subject is the antecedent of वे opening the next
 * sentence; a predicate adjective is not part of the name (X सही मानते हैं);
 * an unnamed spokesperson of an organisation is the speaker as written. */
static void
test_speaker_rules(void **st)
{
	fx f = { 0 };
	(void)st;
	run(&f, "अख़बार ने जब इस बारे में गायिका सुधा मेनन से पूछा तो उन्होंने कहा, "
	        "\"मैं अभी इस पर कुछ नहीं कहूंगी और अपने गाने पर ध्यान दूंगी.\"\n");
	speaker_is(find(&f, "मैं अभी इस पर कुछ नहीं कहूंगी और अपने गाने पर ध्यान दूंगी."), "सुधा मेनन");
	done(&f);
	run(&f, "कोच अमित राणा ने कहा, \"टीम ने बहुत मेहनत की है और हम तैयार हैं.\" "
	        "नीता पालीवाल भी इस टीम में तीन साल से खेल रही हैं और मैदान पर सबसे आगे रहती हैं. "
	        "वे कहती हैं, \"हमें हर मैच में पूरा ज़ोर लगाना होता है.\"\n");
	speaker_is(find(&f, "हमें हर मैच में पूरा ज़ोर लगाना होता है."), "नीता पालीवाल");
	done(&f);
	run(&f, "प्रदर्शनी को शहर में लगाने के फ़ैसले को कलाकार रवि मोहन सही मानते हैं. "
	        "वो कहते हैं, \"यहां के लोग कला को बहुत प्यार करते हैं और रोज़ आते हैं.\"\n");
	speaker_is(find(&f, "यहां के लोग कला को बहुत प्यार करते हैं और रोज़ आते हैं."), "रवि मोहन");
	done(&f);
	run(&f, "मंत्री अरुण देव ने कहा, \"सड़कें अगले साल तक बन जाएंगी और पुल भी तैयार होंगे.\"\n\n"
	        "बस कंपनी के प्रवक्ता ने कहा, \"हमारी सेवाएं अभी सामान्य चल रही हैं और कोई दिक्कत नहीं है.\"\n");
	speaker_is(find(&f, "हमारी सेवाएं अभी सामान्य चल रही हैं और कोई दिक्कत नहीं है."), "बस कंपनी के प्रवक्ता");
	done(&f);
}

static void
test_seed(void **st)
{
	(void)st;
	fx f = { 0 };
	assert_int_equal(pk_input_open(&f.in, TEST_SRCDIR "/assets/articles/seed.txt"), PK_OK);
	f.d = pk_doc_new(&f.in);
	assert_int_equal(pk_quotes_find(f.d, &f.q), PK_OK);
	assert_int_equal(f.q.n, 10);
	static const struct { const char *start; const char *speaker; pk_quote_kind kind; } want[] = {
		{ "हमेशा रूस के साथ", "किम जोंग उन", PK_QUOTE_PARTIAL },
		{ "मजबूत भविष्य", "व्लादिमीर पुतिन", PK_QUOTE_PARTIAL },
		{ "मुझे विश्वास है", "किम जोंग उन", PK_QUOTE_DIRECT },
		{ "वर्चस्ववादी", "किम जोंग उन", PK_QUOTE_PARTIAL },
		{ "मुझे गहरा विश्वास", "किम जोंग उन", PK_QUOTE_DIRECT },
		{ "हमने हमेशा", "किम जोंग उन", PK_QUOTE_DIRECT },
		{ "हमारे देशों के बीच", "व्लादिमीर पुतिन", PK_QUOTE_DIRECT },
		{ "डीपीआरके के नेता", "व्लादिमीर पुतिन", PK_QUOTE_DIRECT },
		{ "खुश", "व्लादिमीर पुतिन", PK_QUOTE_PARTIAL },
		{ "व्यस्त कार्यक्रम", "किम जोंग उन", PK_QUOTE_PARTIAL },
	};
	for (size_t i = 0; i < 10; i++) {
		const pk_quote *x = &f.q.v[i];
		assert_memory_equal(f.in.bytes + x->start, want[i].start, strlen(want[i].start));
		speaker_is(x, want[i].speaker);
		assert_int_equal(x->kind, want[i].kind);
		assert_true(x->open_mark < x->start && x->end <= x->close_mark);
	}
	/* the glued closer: ”पुतिन ने कहा */
	assert_memory_equal(f.in.bytes + f.q.v[6].close_mark, "”पुतिन", strlen("”पुतिन"));
	done(&f);
}

/* pk_fold(): nukta, chandrabindu, vowel length, joiners and case fold;
 * other vowel signs and the virama stay. */
static void
test_fold(void **state)
{
	static const char *const same[][2] = {
		{ "फ़िल्म", "फिल्म" },                  /* nukta, precomposed or not */
		{ "\xE0\xA5\x9B\xE0\xA4\xB0\xE0\xA4\xBE", "ज़रा" },  /* U+095B, ज + nukta */
		{ "हँसी", "हंसी" },                     /* chandrabindu / anusvara */
		{ "दीपिका", "दिपिका" },                 /* vowel length */
		{ "रूस", "रुस" },
		{ "ईरान", "इरान" },
		{ "क्\xE2\x80\x8Dष", "क्ष" },          /* ZWJ */
		{ "Modi", "MODI" },
	};
	static const char *const differ[][2] = {
		{ "की", "के" }, { "रोम", "राम" }, { "कर्म", "करम" }, { "है", "हे" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		size_t la, lb;
		char *a = pk_fold(same[i][0], strlen(same[i][0]), &la);
		char *b = pk_fold(same[i][1], strlen(same[i][1]), &lb);
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(a, b);
		assert_int_equal(la, strlen(a));
		free(a);
		free(b);
	}
	for (size_t i = 0; i < sizeof differ / sizeof *differ; i++) {
		char *a = pk_fold(differ[i][0], strlen(differ[i][0]), NULL);
		char *b = pk_fold(differ[i][1], strlen(differ[i][1]), NULL);
		assert_non_null(a);
		assert_non_null(b);
		assert_string_not_equal(a, b);
		free(a);
		free(b);
	}
	{
		char *e = pk_fold("", 0, NULL), *bad = pk_fold("\xFF\xE0\xA4", 3, NULL);
		assert_string_equal(e, "");
		assert_string_equal(bad, "\xEF\xBF\xBD\xEF\xBF\xBD");
		free(e);
		free(bad);
	}
}

/* A later short mention takes the fullest name also when it is the middle
 * word, spelled with another vowel (रोबेर्टो / रोबर्टो), and a spelling with a
 * long vowel matches a short one. */
static void
test_name_variants(void **state)
{
	fx f;
	(void)state;
	run(&f, "शहर की 40 वर्षीय मारिया रोबेर्टो सांचेज़ कहती हैं, \"हम हर सुबह नदी के किनारे बैठकर पढ़ते हैं.\"\n\n"
	        "उस दिन बारिश हुई और स्कूल बंद रहा.\n\n"
	        "रोबर्टो कहती हैं, \"मेरे लिए यह जगह किसी कक्षा से कम नहीं है.\"\n\n"
	        "मंत्री दीपक रावत ने कहा, \"हम इस बार सब कुछ समय पर पूरा करेंगे.\"\n\n"
	        "रावत ने बाद में कहा, \"लोगों को थोड़ा धीरज रखना होगा.\"\n\n"
	        "दिपक कहते हैं, \"अब कोई नया बहाना नहीं चलेगा.\"\n");
	speaker_is(find(&f, "हम हर सुबह नदी के किनारे बैठकर पढ़ते हैं."), "मारिया रोबेर्टो सांचेज़");
	speaker_is(find(&f, "मेरे लिए यह जगह किसी कक्षा से कम नहीं है."), "मारिया रोबेर्टो सांचेज़");
	speaker_is(find(&f, "लोगों को थोड़ा धीरज रखना होगा."), "दीपक रावत");
	speaker_is(find(&f, "अब कोई नया बहाना नहीं चलेगा."), "दीपक रावत");
	done(&f);
}

/* A pronoun with no antecedent before it takes the first named speaker
 * after it; `X से पुछा` (a common misspelling) makes X the one who answers. */
static void
test_pronoun_cataphora_and_asked(void **st)
{
	fx f;
	(void)st;
	run(&f, "शुरुआत में ही उन्होंने जवाब दिया, \u201cमैं अब पूरी तरह ठीक हूं और काम पर लौट आया हूं.\u201d "
	        "इसके बाद रमेश कुमार का कहना था, \u201cनई फ़िल्म की शूटिंग अगले महीने शुरू होगी.\u201d");
	speaker_is(find(&f, "मैं अब पूरी तरह ठीक हूं और काम पर लौट आया हूं."), "रमेश कुमार");
	done(&f);
	run(&f, "अख़बार ने सुनीता वर्मा से बातचीत की. जब हमने ये सवाल सुनीता से पुछा तो वो बोलीं, "
	        "\u201cमुझे इस बारे में कुछ नहीं पता था, मैं तो घर पर थी.\u201d");
	speaker_is(find(&f, "मुझे इस बारे में कुछ नहीं पता था, मैं तो घर पर थी."), "सुनीता वर्मा");
	done(&f);
}

/* Paragraph breaks lost upstream glue a sentence's last verb to the next
 * name (`हैंमीरा`) or a heading to the pronoun (`विजयवो`). */
static void
test_glued_mentions(void **st)
{
	fx f;
	(void)st;
	run(&f, "मीरा सेन इस साल पहली बार वोट देंगी. वो प्रचार टीम में शामिल हो गयी हैंमीरा कहती हैं, "
	        "\u201cहम बदलाव चाहते हैं और इसके लिए मेहनत कर रहे हैं.\u201d");
	const pk_quote *m = find(&f, "हम बदलाव चाहते हैं और इसके लिए मेहनत कर रहे हैं.");
	/* the mention loses the glued verb; the surname comes from the one
	 * other mention, which stands at a sentence start */
	speaker_is(m, "मीरा सेन");
	assert_int_equal(m->mention_end - m->mention_start, strlen("मीरा"));
	done(&f);
	run(&f, "गीता राव ने कहा, \u201cयह मेरे लिए बहुत बड़ा दिन है और मैं खुश हूं.\u201d "
	        "मैदान में शानदार विजयवो कहती हैं, \u201cमैंने इसके लिए बरसों मेहनत की है.\u201d");
	const pk_quote *x = find(&f, "मैंने इसके लिए बरसों मेहनत की है.");
	speaker_is(x, "गीता राव");
	done(&f);
}

static void
test_headings_and_titles(void **st)
{
	fx f;
	(void)st;
	/* a quoted line alone, no danda, no cue: a sub-heading */
	run(&f, "शहर में बारिश से नुकसान हुआ है ।\n\n'नदी का पानी घरों तक पहुंचा'\n"
	        "जिलाधिकारी ने कहा, 'हम सभी लोगों को सुरक्षित जगह पहुंचा रहे हैं ।'");
	assert_int_equal(f.q.n, 1);
	find(&f, "हम सभी लोगों को सुरक्षित जगह पहुंचा रहे हैं ।");
	done(&f);
	/* a sung line, a title as a predicate, and a title that recurs */
	run(&f, "उन्होंने बताया कि उन्होंने \"चांद के पार चलो हम दोनों साथ...\" गाया था. "
	        "वो कहते हैं कि 'नीली नदी' उनकी सबसे अच्छी फ़िल्म है. "
	        "आने वाली फ़िल्म 'सुबह...शाम' में वो हैं. 'सुबह...शाम' के बारे में बात करते हुए वो बोले, "
	        "\"मुझे इस कहानी पर पूरा भरोसा है और मैं बहुत खुश हूं.\"");
	assert_int_equal(f.q.n, 1);
	find(&f, "मुझे इस कहानी पर पूरा भरोसा है और मैं बहुत खुश हूं.");
	done(&f);
}

static void
test_openers_and_descriptors(void **st)
{
	fx f;
	(void)st;
	/* a straight mark glued to the comma after a cue, a space after it */
	run(&f, "वो कहती हैं,\" मैं हर दिन सुबह जल्दी उठकर काम पर जाती हूं.\"अब वो नई नौकरी ढूंढ रही हैं.");
	find(&f, "मैं हर दिन सुबह जल्दी उठकर काम पर जाती हूं.");
	assert_int_equal(f.q.n, 1);
	done(&f);
	/* an opener never closed, then a new quote: it ran to the sentence before */
	run(&f, "रीना कहती हैं, ''जब मैंने यह काम शुरू किया, तब कोई साथ नहीं था. फिर सब बदल गया."
	        "रीना का कहना है, \"अब सब लोग मदद करते हैं और मैं खुश हूं.\"");
	find(&f, "जब मैंने यह काम शुरू किया, तब कोई साथ नहीं था. फिर सब बदल गया.");
	find(&f, "अब सब लोग मदद करते हैं और मैं खुश हूं.");
	done(&f);
	/* descriptors kept whole, professions stripped */
	run(&f, "एक अन्य यात्री ने कहा, \"हमें पूरे रास्ते पानी तक नहीं मिला और बहुत परेशानी हुई.\" "
	        "राज्य महिला आयोग ने कहा, \"हम इस मामले की पूरी जांच करेंगे और रिपोर्ट देंगे.\" "
	        "कार्डियोलॉजिस्ट अमन वर्मा ने कहा, \"दिल के मरीजों को रोज़ टहलना चाहिए और आराम करना चाहिए.\"");
	speaker_is(find(&f, "हमें पूरे रास्ते पानी तक नहीं मिला और बहुत परेशानी हुई."), "एक अन्य यात्री");
	speaker_is(find(&f, "हम इस मामले की पूरी जांच करेंगे और रिपोर्ट देंगे."), "राज्य महिला आयोग");
	speaker_is(find(&f, "दिल के मरीजों को रोज़ टहलना चाहिए और आराम करना चाहिए."), "अमन वर्मा");
	done(&f);
}

static void
test_straight_direction(void **st)
{
	fx f;
	(void)st;
	/* one block, straight marks only: an opener after a cue and a comma with
	 * spaces both sides, one left open, a closer with no opener, a nested
	 * pair, a lost paragraph break (है.अब) */
	run(&f, "मोहन कहते हैं, \" मुझे लगता है कि इस साल बारिश अच्छी होगी और फसल भी बढ़िया रहेगी. "
	        "उनके भाई दिनेश कहते हैं,\" हमें बीज महंगे मिले हैं.\" दोनों ने खेत दिखाया."
	        "वह कहते हैं, जब हमने खेती शुरू की थी तब गांव में पानी की बहुत कमी थी. \"उसी गांव के "
	        "किसान रघु ने नई मशीन ख़रीदी है. रघु का कहना है, \" मशीन से काम जल्दी होता है और मज़दूरी बचती है. "
	        "\"पास के कस्बे में रहने वाले व्यापारी गोपाल कहते हैं, \" मंडी में दाम ठीक नहीं मिलते हैं.\""
	        "गोपाल ने बताया, \"यहां के लोग \"जैविक\" खेती की तरफ़ जा रहे हैं और इसका फ़ायदा भी हुआ है.अब "
	        "बाज़ार भी बदल रहा है. गांव में नया स्कूल भी खुला है. दिनेश ने बताया, \"स्कूल से बच्चों को बहुत फ़ायदा हुआ है.\"");
	speaker_is(find(&f, "मुझे लगता है कि इस साल बारिश अच्छी होगी और फसल भी बढ़िया रहेगी."), "मोहन");
	speaker_is(find(&f, "हमें बीज महंगे मिले हैं."), "दिनेश");
	find(&f, "जब हमने खेती शुरू की थी तब गांव में पानी की बहुत कमी थी.");
	speaker_is(find(&f, "मशीन से काम जल्दी होता है और मज़दूरी बचती है."), "रघु");
	speaker_is(find(&f, "मंडी में दाम ठीक नहीं मिलते हैं."), "गोपाल");
	find(&f, "यहां के लोग \"जैविक\" खेती की तरफ़ जा रहे हैं और इसका फ़ायदा भी हुआ है.");
	find(&f, "स्कूल से बच्चों को बहुत फ़ायदा हुआ है.");
	assert_int_equal(f.q.n, 7);
	done(&f);
}

static void
test_joiners_and_glosses(void **st)
{
	fx f;
	(void)st;
	/* a gloss in brackets before ने; a ZWJ after the virama and a soft
	 * hyphen inside the pronoun; speaker strings as written */
	run(&f, "इसकी जानकारी मंत्री अजय कुमार (Minister Ajay Kumar) ने दी. बाद में मंत्री ने ट्वीट किया. "
	        "उन\xE0\xA5\x8D\xE2\x80\x8Dहोंने लिखा, \"अस्पतालों में बिस्तर बढ़ाए जाएंगे और दवाइयां भी मिलेंगी.\" "
	        "उन्हों\xC2\xADने कहा, \"सभी ज़िलों में जांच केंद्र खोले जाएंगे और लोगों को मुफ़्त जांच मिलेगी.\"");
	speaker_is(find(&f, "अस्पतालों में बिस्तर बढ़ाए जाएंगे और दवाइयां भी मिलेंगी."), "अजय कुमार");
	speaker_is(find(&f, "सभी ज़िलों में जांच केंद्र खोले जाएंगे और लोगों को मुफ़्त जांच मिलेगी."), "अजय कुमार");
	done(&f);
	run(&f, "रवि वर्मा (42) ने पुलिस से कहा, \"मैं उस रात घर पर ही था और मैंने कुछ नहीं देखा.\"");
	speaker_is(find(&f, "मैं उस रात घर पर ही था और मैंने कुछ नहीं देखा."), "रवि वर्मा");
	done(&f);
}

static void
test_relayed_and_titles(void **st)
{
	fx f;
	(void)st;
	/* एक बार X ने: a time before the name; a title after its noun and
	 * before में; the subject before अपनी किताब … में लिखते हैं */
	run(&f, "एक बार अनिल मेहता ने ख़ुद बताया था, \"हम दोनों स्टेशन पर देर से पहुंचे और गाड़ी छूट गई.\" "
	        "लेखिका सीमा राव अपनी किताब \"गांव की गलियां और पुराने किस्से\" में लिखती हैं, "
	        "\"उस समय गांव में बिजली नहीं थी और लोग लालटेन से पढ़ते थे.\"");
	speaker_is(find(&f, "हम दोनों स्टेशन पर देर से पहुंचे और गाड़ी छूट गई."), "अनिल मेहता");
	speaker_is(find(&f, "उस समय गांव में बिजली नहीं थी और लोग लालटेन से पढ़ते थे."), "सीमा राव");
	assert_int_equal(f.q.n, 2);
	done(&f);
	/* जब X … तो उन्होंने: the subject of the जब clause, a speaker named
	 * elsewhere, not the last one quoted */
	run(&f, "सुनीता कहती हैं, \"हमारे मोहल्ले में सबने मिलकर पेड़ लगाए हैं.\" "
	        "एक बार जब विनोद शर्मा दिल्ली आए थे तो उन्होंने कहा, \"मैं इस शहर में पहली बार आया हूं और यहां बहुत भीड़ है.\" "
	        "बाद में विनोद शर्मा ने बताया, \"दिल्ली का खाना मुझे बहुत पसंद आया.\"");
	speaker_is(find(&f, "मैं इस शहर में पहली बार आया हूं और यहां बहुत भीड़ है."), "विनोद शर्मा");
	done(&f);
	/* an office or profession told by its ending is not part of the name */
	run(&f, "जिलाधिकारी अरुण सिंह ने कहा, \"सभी दुकानें शाम सात बजे तक खुली रहेंगी और बाज़ार में भीड़ नहीं होगी.\" "
	        "स्कूल के प्राध्यापक किशोर दास बताते हैं, \"बच्चे अब ऑनलाइन पढ़ाई भी करने लगे हैं और खुश हैं.\"");
	speaker_is(find(&f, "सभी दुकानें शाम सात बजे तक खुली रहेंगी और बाज़ार में भीड़ नहीं होगी."), "अरुण सिंह");
	speaker_is(find(&f, "बच्चे अब ऑनलाइन पढ़ाई भी करने लगे हैं और खुश हैं."), "किशोर दास");
	done(&f);
	/* a quote left open over paragraphs that close and reopen it glued
	 * (था.""फिर, था." "फिर): a new quote at each pair, running across
	 * the paragraph breaks and the link headline between */
	run(&f, "\"मैं पहली बार उनसे एक मेले में मिली थी. वो बहुत हंसमुख थे.\n\n"
	        "(गांव के 'पुराने मेले')वो रोज़ शाम को टहलने जाते थे.\"\"फिर कई साल बाद हम दोबारा मिले. वो बदल गए थे.\n\n"
	        "(शहर की यादें)उन्हें पुरानी बातें याद थीं.\" \"उनके घर में हमेशा मेहमान रहते थे.\"\n");
	find(&f, "मैं पहली बार उनसे एक मेले में मिली थी. वो बहुत हंसमुख थे.\n\n"
	         "(गांव के 'पुराने मेले')वो रोज़ शाम को टहलने जाते थे.");
	find(&f, "फिर कई साल बाद हम दोबारा मिले. वो बदल गए थे.\n\n"
	         "(शहर की यादें)उन्हें पुरानी बातें याद थीं.");
	find(&f, "उनके घर में हमेशा मेहमान रहते थे.");
	assert_int_equal(f.q.n, 3);
	done(&f);
	/* a past verb ending the clause before a name does not start it
	 * (… को बचाया अंजलि ने); the one-word name gains the surname that
	 * follows it twice, once before की and once before a noun */
	run(&f, "रेडियो से बात करते हुए अंजलि ने कहा, \"मुझे अपने काम पर बहुत भरोसा है और मैं रोज़ मेहनत करती हूं.\""
	        "(रीना को बचाया अंजलि ने)अंजलि ने ये भी बताया कि वह अगले साल नई फ़िल्म करेंगी. "
	        "अंजलि वर्मा की आने वाली फ़िल्म एक छोटे शहर की कहानी है. "
	        "इसके अलावा अंजलि वर्मा फ़िल्म 'सफ़र' में भी काम कर रही हैं.");
	speaker_is(find(&f, "मुझे अपने काम पर बहुत भरोसा है और मैं रोज़ मेहनत करती हूं."), "अंजलि वर्मा");
	done(&f);
	/* two fragments of one accusation share its cue */
	run(&f, "विपक्ष ने सरकार पर आरोप लगाया कि वह सच्चाई को ‘‘दबाकर’’ किसानों को ‘‘भटका’’ रही है ।");
	speaker_is(find(&f, "दबाकर"), "विपक्ष");
	speaker_is(find(&f, "भटका"), "विपक्ष");
	done(&f);
	/* a title several words before its noun and copula */
	run(&f, "कहा तो यह भी जाता है कि ‘बरखा’ गांव के लोगों की पसंदीदा फ़िल्म थी.");
	assert_int_equal(f.q.n, 0);
	done(&f);
	/* a straight single mark after a full stop closes a double quote; a
	 * title after its noun and before a comma; X भी … एक और किस्सा बताती
	 * हैं names X */
	run(&f, "नीना कहती हैं, \"उस दिन बहुत बारिश हुई और हम सब भीग गए. फिर भी हम मेला देखने गए.' "
	        "गांव पर किताब 'नदी के किनारे का गांव', लिखने वाली लेखिका कमला देवी भी इसी तरह का एक और किस्सा बताती हैं. "
	        "वो कहती हैं, \"मेले में हर साल एक बड़ा झूला लगता था और बच्चे उस पर खूब झूलते थे.\"");
	speaker_is(find(&f, "उस दिन बहुत बारिश हुई और हम सब भीग गए. फिर भी हम मेला देखने गए."), "नीना");
	speaker_is(find(&f, "मेले में हर साल एक बड़ा झूला लगता था और बच्चे उस पर खूब झूलते थे."), "कमला देवी");
	assert_int_equal(f.q.n, 2);
	done(&f);
	/* a straight single closer glued to the next opener ('' read as one) */
	run(&f, "सरिता ने बताया कि 'वो रोज़ सुबह नदी तक दौड़ने जाते थे. लौटकर सबके लिए चाय बनाते थे.''नया घर' कैसे बना?");
	speaker_is(find(&f, "वो रोज़ सुबह नदी तक दौड़ने जाते थे. लौटकर सबके लिए चाय बनाते थे."), "सरिता");
	done(&f);
	/* a participle of coming qualifies the name after it */
	run(&f, "जापान से संगीत सीखने भारत आईं यूको कहती हैं, \"यहां के लोग बहुत मेहमाननवाज़ हैं और खाना भी अच्छा है.\"");
	speaker_is(find(&f, "यहां के लोग बहुत मेहमाननवाज़ हैं और खाना भी अच्छा है."), "यूको");
	done(&f);
	/* a pronoun opening its sentence: the name that opens the sentence
	 * before, a speaker elsewhere, not the last one quoted */
	run(&f, "महेश ने कहा, \"हम सब कल सुबह जल्दी निकलेंगे.\" "
	        "सुरेश खिड़की के पास खड़े होकर सब सुन रहे थे. उन्होंने धीरे से कहा, \"मैं तो पैदल ही जाऊंगा.\" "
	        "बाद में सुरेश ने बताया, \"पैदल चलना मुझे हमेशा से पसंद है.\"");
	speaker_is(find(&f, "मैं तो पैदल ही जाऊंगा."), "सुरेश");
	done(&f);
	/* ने … वक्तव्य दिया is a cue */
	run(&f, "लता ने कहा, \"गाना मेरी ज़िंदगी है.\" बाद में विजय राठौर ने इस पर एक छोटा सा वक्तव्य दिया, \"हम सब उनके गानों के साथ बड़े हुए हैं.\"");
	speaker_is(find(&f, "हम सब उनके गानों के साथ बड़े हुए हैं."), "विजय राठौर");
	done(&f);
	/* X ने (not a speech verb) in the sentence before a pronoun opening
	 * its sentence: X, not the last one quoted */
	run(&f, "नेहा कहती हैं, \"मुझे यहां आए पांच साल हो गए.\" इसी गांव के किसान रामू ने पिछले साल नया ट्रैक्टर ख़रीदा है. "
	        "उनका कहना है, \"ट्रैक्टर से खेती में बहुत आसानी हुई है.\"");
	speaker_is(find(&f, "ट्रैक्टर से खेती में बहुत आसानी हुई है."), "रामू");
	done(&f);
	/* X … Y को कहते हुए बताती हैं: Y's words, relayed */
	run(&f, "लेखिका उमा अपनी किताब में अजय शेखर को कहते हुए बताती हैं, \"पिताजी हर रविवार हमें नदी किनारे घुमाने ले जाते थे.\"");
	speaker_is(find(&f, "पिताजी हर रविवार हमें नदी किनारे घुमाने ले जाते थे."), "अजय शेखर");
	done(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_before_after),
		cmocka_unit_test(test_closer_as_opener_and_glued),
		cmocka_unit_test(test_mismatched_pairs),
		cmocka_unit_test(test_unbalanced_recovers),
		cmocka_unit_test(test_unbalanced_in_one_line),
		cmocka_unit_test(test_multi_paragraph),
		cmocka_unit_test(test_nested_and_apostrophe),
		cmocka_unit_test(test_not_quotes),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_pronoun_and_cues),
		cmocka_unit_test(test_descriptor_speaker),
		cmocka_unit_test(test_bad_bytes_and_empty),
		cmocka_unit_test(test_many_marks_linear),
		cmocka_unit_test(test_labels_not_quotes),
		cmocka_unit_test(test_double_closed_by_single),
		cmocka_unit_test(test_more_cues_and_roles),
		cmocka_unit_test(test_speaker_rules),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_name_variants),
		cmocka_unit_test(test_pronoun_cataphora_and_asked),
		cmocka_unit_test(test_glued_mentions),
		cmocka_unit_test(test_headings_and_titles),
		cmocka_unit_test(test_openers_and_descriptors),
		cmocka_unit_test(test_straight_direction),
		cmocka_unit_test(test_joiners_and_glosses),
		cmocka_unit_test(test_relayed_and_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
