/* test_entities.c - article-level entities (src/entities.c): titles left out
 * of names, a short mention joined to the full name, an ambiguous part left
 * alone, speakers named through entities, spelling variants as one entity,
 * and the seed's people and places with the shipped model.  Every snippet
 * was written for this test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "entities.h"
#include "input.h"
#include "ner.h"
#include "quotes.h"
#include "testutil.h"

typedef struct fix {
	pk_input in;
	pk_doc *d;
	pk_quotes q;
	pk_entities e;
} fix;

/* Quotations, then entities (with @p ner, which may be NULL: then only the
 * speakers' names are persons), then speakers named through them. */
static void
run(fix *f, const char *text, const pk_ner *ner)
{
	memset(f, 0, sizeof *f);
	pk_input_from_mem(&f->in, text, strlen(text));
	f->d = pk_doc_new(&f->in);
	assert_non_null(f->d);
	assert_int_equal(pk_quotes_find(f->d, &f->q), PK_OK);
	assert_int_equal(pk_entities_find(f->d, ner, &f->q, &f->e), PK_OK);
	assert_int_equal(pk_entities_link_speakers(&f->e, f->d, &f->q), PK_OK);
}

static void
done(fix *f)
{
	pk_entities_free(&f->e);
	pk_quotes_free(&f->q);
	pk_doc_free(f->d);
	pk_input_close(&f->in);
}

/* The index of the mention with exactly this text, from @p from on, or -1. */
static long
mention(const fix *f, const char *text, size_t from)
{
	size_t l = strlen(text);
	for (size_t i = from; i < f->e.nm; i++)
		if (f->e.m[i].end - f->e.m[i].start == l &&
		    !memcmp(f->in.bytes + f->e.m[i].start, text, l))
			return (long)i;
	return -1;
}

static const pk_entity *
entity_of(const fix *f, long m)
{
	assert_true(m >= 0);
	return &f->e.e[f->e.m[m].entity];
}

typedef struct { const char *name; pk_ent_type type; } named;

/* Each of @p want is an entity of its type; none of @p none is an entity. */
static void
expect_names(const fix *f, const named *want, size_t nw, const char *const *none, size_t nn)
{
	for (size_t i = 0; i < nw; i++) {
		size_t k = pk_entities_lookup(&f->e, want[i].name);
		if (k == (size_t)-1)
			fail_msg("%s is no entity", want[i].name);
		assert_int_equal(f->e.e[k].type, want[i].type);
	}
	for (size_t i = 0; i < nn; i++)
		if (pk_entities_lookup(&f->e, none[i]) != (size_t)-1)
			fail_msg("%s is an entity", none[i]);
}

static void
test_title_and_short_name(void **state)
{
	(void)state;
	fix f;
	run(&f, "रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा, “हम अपने दोस्तों के साथ खड़े रहेंगे।”\n\n"
		"बैठक के बाद पुतिन ने पत्रकारों से कहा, “यह सहयोग आगे बढ़ेगा।”\n", NULL);
	assert_int_equal(f.q.n, 2);
	long full = mention(&f, "व्लादिमीर पुतिन", 0);
	long shrt = mention(&f, "पुतिन", 0);
	assert_true(full >= 0);      /* राष्ट्रपति is not part of the name */
	assert_int_equal(mention(&f, "राष्ट्रपति व्लादिमीर पुतिन", 0), -1);
	assert_true(shrt >= 0);
	assert_int_equal(f.e.m[full].entity, f.e.m[shrt].entity);
	const pk_entity *e = entity_of(&f, full);
	assert_string_equal(e->name, "व्लादिमीर पुतिन");
	assert_int_equal(e->type, PK_ENT_PER);
	assert_int_equal(e->mentions, 2);
	assert_int_equal(e->quotes, 2);
	for (size_t i = 0; i < f.q.n; i++) {
		assert_string_equal(f.q.v[i].speaker, "व्लादिमीर पुतिन");
		assert_int_equal(f.q.v[i].speaker_entity, f.e.m[full].entity);
	}
	/* mentions are sorted and never overlap */
	for (size_t i = 1; i < f.e.nm; i++)
		assert_true(f.e.m[i].start >= f.e.m[i - 1].end);
	done(&f);
}

static void
test_ambiguous_part(void **state)
{
	(void)state;
	fix f;
	/* two people share a surname: सिंह alone names neither */
	run(&f, "किसान नेता राम सिंह ने कहा, “हम फसल का सही दाम चाहते हैं।”\n\n"
		"व्यापारी श्याम सिंह ने कहा, “मंडी में भाव गिर गए हैं।”\n\n"
		"सिंह परिवार के लोग भी वहां थे।\n", NULL);
	long a = mention(&f, "राम सिंह", 0), b = mention(&f, "श्याम सिंह", 0);
	assert_true(a >= 0 && b >= 0);
	assert_true(f.e.m[a].entity != f.e.m[b].entity);
	assert_int_equal(mention(&f, "सिंह", 0), -1);
	assert_string_equal(f.q.v[0].speaker, "राम सिंह");
	assert_string_equal(f.q.v[1].speaker, "श्याम सिंह");
	done(&f);
}

static void
test_descriptor_speaker_stays(void **state)
{
	(void)state;
	fix f;
	run(&f, "मंत्रालय के एक प्रवक्ता ने कहा, “जांच पूरी होने तक कुछ नहीं कहा जा सकता।”\n", NULL);
	assert_int_equal(f.q.n, 1);
	assert_non_null(f.q.v[0].speaker);
	assert_int_equal(f.q.v[0].speaker_entity, PK_QUOTE_NONE);
	assert_int_equal(f.e.nm, 0);
	done(&f);
}

static void
test_lookup_folds(void **state)
{
	(void)state;
	fix f;
	run(&f, "डॉक्टर सुनील कुमार ने कहा, “अस्पताल में बिस्तर कम हैं।”\n", NULL);
	size_t k = pk_entities_lookup(&f.e, "सुनील कुमार");
	assert_true(k != (size_t)-1);
	assert_string_equal(f.e.e[k].name, "सुनील कुमार");
	/* a spelling variant (nukta, long vowel) finds the same entity */
	assert_int_equal(pk_entities_lookup(&f.e, "सुनिल कुमार"), k);
	assert_int_equal(pk_entities_lookup(&f.e, "अनिल कुमार"), (size_t)-1);
	done(&f);
}

/* The seed through run() with the shipped model; the model is returned,
 * the text in *text (both for the caller to free). */
/* The shipped model, loaded (free with pk_ner_free()). */
static pk_ner *
shipped_model(void)
{
	pk_status st;
	pk_ner *ner = pk_ner_load(TEST_SRCDIR "/assets/ner.model", &st);
	assert_non_null(ner);
	return ner;
}

static pk_ner *
run_seed(fix *f, char **text)
{
	size_t len;
	pk_ner *ner = shipped_model();
	*text = test_slurp(TEST_SEED, &len);
	run(f, *text, ner);
	return ner;
}

/* With the shipped model: the seed's people and places. */
static void
test_seed_with_model(void **state)
{
	(void)state;
	fix f;
	char *text;
	pk_ner *ner = run_seed(&f, &text);
	size_t putin = pk_entities_lookup(&f.e, "व्लादिमीर पुतिन");
	size_t kim = pk_entities_lookup(&f.e, "किम जोंग उन");
	size_t rus = pk_entities_lookup(&f.e, "रूस");
	assert_true(putin != (size_t)-1 && kim != (size_t)-1 && rus != (size_t)-1);
	assert_int_equal(f.e.e[putin].type, PK_ENT_PER);
	assert_int_equal(f.e.e[kim].type, PK_ENT_PER);
	assert_int_equal(f.e.e[rus].type, PK_ENT_LOC);
	assert_true(f.e.e[putin].mentions >= 10);
	assert_int_equal(f.e.e[putin].quotes, 4);
	assert_int_equal(f.e.e[kim].quotes, 6);
	/* पुतिन alone is व्लादिमीर पुतिन */
	long p = mention(&f, "पुतिन", 0);
	assert_true(p >= 0);
	assert_int_equal(f.e.m[p].entity, putin);
	done(&f);
	free(text);
	pk_ner_free(ner);
}

/* The pass in slices of one block (what the pager's idle loop does) finds
 * exactly what it finds at once. */
static void
test_slices_same_as_whole(void **state)
{
	(void)state;
	fix f;
	char *text;
	pk_ner *ner = run_seed(&f, &text);
	pk_entities_job *j = pk_entities_start(f.d, ner, &f.q);
	assert_non_null(j);
	bool fin = false;
	size_t steps = 0;
	while (!fin) {
		assert_int_equal(pk_entities_step(j, 1, &fin), PK_OK);
		steps++;
	}
	assert_true(steps > 10);  /* it did stop between blocks */
	pk_entities e;
	assert_int_equal(pk_entities_finish(j, &e), PK_OK);
	pk_entities_job_free(j);
	assert_int_equal(e.nm, f.e.nm);
	assert_int_equal(e.ne, f.e.ne);
	for (size_t i = 0; i < e.nm; i++) {
		assert_int_equal(e.m[i].start, f.e.m[i].start);
		assert_int_equal(e.m[i].end, f.e.m[i].end);
		assert_int_equal(e.m[i].type, f.e.m[i].type);
		assert_int_equal(e.m[i].entity, f.e.m[i].entity);
	}
	for (size_t i = 0; i < e.ne; i++)
		assert_string_equal(e.e[i].name, f.e.e[i].name);
	/* a job given up half way frees what it holds (ASan's leak check) */
	j = pk_entities_start(f.d, ner, &f.q);
	assert_non_null(j);
	assert_int_equal(pk_entities_step(j, 1, &fin), PK_OK);
	assert_false(fin);
	pk_entities_job_free(j);
	pk_entities_free(&e);
	done(&f);
	free(text);
	pk_ner_free(ner);
}

/* A sentence's subject run into the next name where a space was lost
 * (हैं.नंदन कांग्रेस की …, which the model tags as one body) is the
 * person, then the body, each known on its own elsewhere. */
static void
test_person_runs_into_body(void **state)
{
	(void)state;
	static const char text[] =
		"नंदन नीलकांत ने कहा, “हम चुनाव जीतेंगे।” कांग्रेस ने उनका समर्थन किया है।\n\n"
		"वे इस बार भी मैदान में हैं.नंदन कांग्रेस की तरफ से दक्षिण सीट पर लड़ रहे हैं।\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	long m = mention(&f, "नंदन", 0);
	assert_true(m >= 0);
	assert_int_equal(f.e.m[m].type, PK_ENT_PER);
	assert_int_equal(f.e.m[m].entity, pk_entities_lookup(&f.e, "नंदन नीलकांत"));
	long o = mention(&f, "कांग्रेस", (size_t)m);
	assert_int_equal(o, m + 1);
	assert_int_equal(f.e.m[o].type, PK_ENT_ORG);
	assert_int_equal(mention(&f, "नंदन कांग्रेस", 0), -1);
	done(&f);
	pk_ner_free(ner);
}

/* A plural noun is no name, even as a quoted speaker (अधिकारियों ने
 * कहा); a name that only looks like one (मैक्रों, whose मैक्र is no word
 * the model knows) stays. */
static void
test_plural_is_no_name(void **state)
{
	(void)state;
	static const char text[] =
		"फ्रांस के राष्ट्रपति इमैनुएल मैक्रों ने कहा, “हम मिलकर काम करेंगे।” "
		"मैक्रों पेरिस में थे।\n\n"
		"अधिकारियों ने कहा, “जाँच जारी है।” सूत्रों के मुताबिक़ देशों के प्रतिनिधि भी आए थे।\n\n"
		"शोधकर्ताओं ने कहा, “नतीजे अच्छे हैं।”\n";
	pk_ner *ner = shipped_model();
	assert_true(pk_ner_word_class(ner, "देश", strlen("देश")) != 0);
	assert_int_equal(pk_ner_word_class(ner, "मैक्र", strlen("मैक्र")), 0);
	fix f;
	run(&f, text, ner);
	static const char *const none[] = { "अधिकारियों", "सूत्रों", "देशों", "शोधकर्ताओं" };
	expect_names(&f, NULL, 0, none, sizeof none / sizeof *none);
	size_t m = pk_entities_lookup(&f.e, "इमैनुएल मैक्रों");
	assert_true(m != (size_t)-1);
	assert_int_equal(f.e.e[m].type, PK_ENT_PER);
	assert_true(f.e.e[m].mentions >= 2);
	/* the quotation keeps its descriptor, without an entity */
	assert_string_equal(f.q.v[1].speaker, "अधिकारियों");
	assert_int_equal(f.q.v[1].speaker_entity, PK_QUOTE_NONE);
	done(&f);
	pk_ner_free(ner);
}

/* In a list of names most of which are places, the rest are places too
 * (बिसरख, which the model alone misses); a list does not begin with the
 * verb before its first comma, and a lone word ends it. */
static void
test_list_of_names(void **state)
{
	(void)state;
	static const char text[] =
		"रिपोर्ट के अनुसार इन शहरों में बिसरख, दिल्ली, मुंबई और कोलकाता की हवा सबसे साफ़ रही।\n\n"
		"उन्होंने तीन नाम सुझाए, दिल्ली, मुंबई और कोलकाता।\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	static const named want[] = { { "बिसरख", PK_ENT_LOC } };
	static const char *const none[] = { "सुझाए", "नाम सुझाए" };
	expect_names(&f, want, 1, none, 2);
	done(&f);
	/* without the places beside it, बिसरख is not one */
	run(&f, "रिपोर्ट के अनुसार बिसरख की हवा सबसे साफ़ रही।\n", ner);
	assert_int_equal(pk_entities_lookup(&f.e, "बिसरख"), (size_t)-1);
	done(&f);
	pk_ner_free(ner);
}

/* A quoted name beside the kind of thing it names is a body or a place;
 * a quoted title with a postposition in it is neither. */
static void
test_kind_names(void **state)
{
	(void)state;
	static const char text[] =
		"‘नयाप्रभात’ अखबार के मुताबिक़ वे तीर्थ स्थल ‘रामकुंड’ गए थे। "
		"उनका लेख ‘शहर की हवा’ पत्रिका में छपा।\n";
	fix f;
	run(&f, text, NULL);  /* no tagger: the words alone */
	size_t o = pk_entities_lookup(&f.e, "नयाप्रभात"), l = pk_entities_lookup(&f.e, "रामकुंड");
	assert_true(o != (size_t)-1 && l != (size_t)-1);
	assert_int_equal(f.e.e[o].type, PK_ENT_ORG);
	assert_int_equal(f.e.e[l].type, PK_ENT_LOC);
	assert_int_equal(pk_entities_lookup(&f.e, "शहर की हवा"), (size_t)-1);
	assert_int_equal(f.e.ne, 2);
	done(&f);
}

/* An agency glued to the next word when a line break was lost is found
 * (एएफपीविशेषज्ञों: एएफपी | विशेषज्ञों) when the tagger knows the rest as a
 * word. */
static void
test_glued_agency(void **state)
{
	(void)state;
	static const char text[] =
		"रूस की एक रिपोर्ट एएफपीविशेषज्ञों का हवाला देते हुए कहा कि बैठक लंबी चली।\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	static const named want[] = { { "एएफपी", PK_ENT_ORG } };
	static const char *const none[] = { "एएफपीविशेषज्ञों" };
	expect_names(&f, want, 1, none, 1);
	done(&f);
	/* without a tagger to know the rest as a word, nothing is split */
	run(&f, text, NULL);
	assert_int_equal(pk_entities_lookup(&f.e, "एएफपी"), (size_t)-1);
	done(&f);
	pk_ner_free(ner);
}

/* A list before a kind noun is a list of names of that kind (places before
 * इलाकों, bodies before जैसी कंपनियों), found by nothing else; a list of
 * words the tagger knows (adjectives) is not. */
static void
test_kind_list(void **state)
{
	(void)state;
	static const char text[] =
		"पुणे में कोथरूड, हडपसर और वाकड इलाकों में पानी भर गया। "
		"सैमसंग, श्याओमी और ओप्पो जैसी कंपनियों ने दाम घटाए। "
		"सरकारी, निजी और ग्रामीण इलाकों में स्कूल बंद रहे।\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	static const named want[] = {
		{ "कोथरूड", PK_ENT_LOC }, { "हडपसर", PK_ENT_LOC }, { "वाकड", PK_ENT_LOC },
		{ "श्याओमी", PK_ENT_ORG }, { "ओप्पो", PK_ENT_ORG },
	};
	static const char *const none[] = { "निजी", "ग्रामीण" };
	expect_names(&f, want, sizeof want / sizeof *want, none, sizeof none / sizeof *none);
	done(&f);
	pk_ner_free(ner);
}

/* Words before the head noun of a body, written twice, are its name (जन
 * अधिकार परिषद); a word the tagger does not know after the kind of body
 * or place it is, before a postposition, is one (कंपनी कोडाली में, गांव
 * टिकरिया के), or before it (जयपुर के सांवरला गांव की); a dateline's
 * agency is a body.  Not a description, nor a known word after the kind. */
static void
test_head_names(void **state)
{
	(void)state;
	static const char text[] =
		"वे जन अधिकार परिषद के नेता हैं और उन्होंने आईटी कंपनी कोडाली में काम किया। "
		"जन अधिकार परिषद ने कहा कि कोई बड़ी राजनीतिक पार्टी उनके साथ नहीं है। "
		"कंपनी प्रबंधन ने कुछ नहीं कहा। वे गांव टिकरिया के रहने वाले हैं, "
		"उनकी पत्नी जयपुर के सांवरला गांव की हैं।\n\n"
		"जयपुर, 5 मई (भाषा) राज्य में बारिश हुई।\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	static const named want[] = {
		{ "जन अधिकार परिषद", PK_ENT_ORG }, { "कोडाली", PK_ENT_ORG },
		{ "टिकरिया", PK_ENT_LOC }, { "सांवरला", PK_ENT_LOC }, { "भाषा", PK_ENT_ORG },
	};
	static const char *const none[] = { "बड़ी राजनीतिक पार्टी", "राजनीतिक पार्टी", "प्रबंधन" };
	expect_names(&f, want, sizeof want / sizeof *want, none, sizeof none / sizeof *none);
	done(&f);
	pk_ner_free(ner);
}

/* A speaker's name the attributor ran into a kin word before it (बेटे
 * अनिल शर्मा) is named as the tagger found the person: अनिल शर्मा, one
 * entity with every mention; the mention keeps what was written. */
static void
test_glued_speaker(void **state)
{
	(void)state;
	static const char text[] =
		"समारोह में उनके बेटे अनिल शर्मा भी मौजूद थे। बेटे अनिल शर्मा ने कहा, "
		"\"हम सब बहुत खुश हैं।\"\n\n"
		"अनिल शर्मा दिल्ली में रहते हैं। शर्मा कहते हैं, \"यह दिन हमेशा याद रहेगा।\"\n";
	pk_ner *ner = shipped_model();
	fix f;
	run(&f, text, ner);
	assert_int_equal(f.q.n, 2);
	size_t k = pk_entities_lookup(&f.e, "अनिल शर्मा");
	assert_true(k != (size_t)-1);
	assert_string_equal(f.e.e[k].name, "अनिल शर्मा");
	for (size_t i = 0; i < 2; i++) {
		assert_string_equal(f.q.v[i].speaker, "अनिल शर्मा");
		assert_int_equal(f.q.v[i].speaker_entity, k);
	}
	assert_int_equal(f.e.e[k].quotes, 2);
	assert_true(mention(&f, "बेटे अनिल शर्मा", 0) >= 0);
	done(&f);
	pk_ner_free(ner);
}

/* The same entities as e (mentions, types, names, quotation counts)? */
static void
same_entities(const pk_entities *e, const pk_entities *f)
{
	assert_int_equal(e->nm, f->nm);
	assert_int_equal(e->ne, f->ne);
	for (size_t i = 0; i < e->nm; i++) {
		assert_int_equal(e->m[i].start, f->m[i].start);
		assert_int_equal(e->m[i].end, f->m[i].end);
		assert_int_equal(e->m[i].type, f->m[i].type);
		assert_int_equal(e->m[i].entity, f->m[i].entity);
	}
	for (size_t i = 0; i < e->ne; i++) {
		assert_string_equal(e->e[i].name, f->e[i].name);
		assert_int_equal(e->e[i].quotes, f->e[i].quotes);
	}
}

/* A job started before the quotations are found (the pane's early
 * thread) tags every block, then waits for them without ending, and finds
 * what the whole pass finds: with the quotations handed over once it
 * waits, or while it still tags. */
static void
test_quotes_later(void **state)
{
	(void)state;
	fix f;
	char *text;
	pk_ner *ner = run_seed(&f, &text);
	for (int when = 0; when < 2; when++) {
		pk_quotes q;
		assert_int_equal(pk_quotes_find(f.d, &q), PK_OK);
		pk_entities_job *j = pk_entities_start_early(f.d, ner);
		assert_non_null(j);
		bool fin = false;
		if (when == 0) {
			/* all the work it can do without them, and no end */
			assert_int_equal(pk_entities_step(j, SIZE_MAX, &fin), PK_OK);
			assert_false(fin);
			assert_int_equal(pk_entities_step(j, SIZE_MAX, &fin), PK_OK);
			assert_false(fin);
		} else {
			assert_int_equal(pk_entities_step(j, 1, &fin), PK_OK);
			assert_false(fin);
		}
		pk_entities_quotes(j, &q);
		while (!fin)
			assert_int_equal(pk_entities_step(j, when ? 1 : SIZE_MAX, &fin), PK_OK);
		pk_entities e;
		assert_int_equal(pk_entities_finish(j, &e), PK_OK);
		pk_entities_job_free(j);
		assert_int_equal(pk_entities_link_speakers(&e, f.d, &q), PK_OK);
		same_entities(&e, &f.e);
		for (size_t i = 0; i < q.n; i++)
			assert_int_equal(q.v[i].speaker_entity, f.q.v[i].speaker_entity);
		pk_entities_free(&e);
		pk_quotes_free(&q);
	}
	/* given up while it waits: it frees what it holds (ASan's leak check) */
	pk_entities_job *j = pk_entities_start_early(f.d, ner);
	bool fin;
	assert_int_equal(pk_entities_step(j, SIZE_MAX, &fin), PK_OK);
	pk_entities_job_free(j);
	done(&f);
	free(text);
	pk_ner_free(ner);
}

/* A person's one-word name, then a word the tagger does not know before
 * a function word, is her full name (सुलोचना पेठकर); the short mentions
 * join it, and a quotation the attributor gave to the short name through
 * a pronoun is hers by her full name. */
static void
test_surname(void **state)
{
	(void)state;
	static const char text[] =
		"अभिनेत्री सुलोचना ने कहा, \"मैं बहुत खुश हूं।\" उन्होंने कहा, \"काम अच्छा रहा।\"\n\n"
		"सुलोचना पेठकर एक मॉडल भी रही हैं।\n";
	pk_ner *ner = shipped_model();
	assert_int_equal(pk_ner_word_class(ner, "पेठकर", strlen("पेठकर")), 0);
	fix f;
	run(&f, text, ner);
	static const named want[] = { { "सुलोचना पेठकर", PK_ENT_PER } };
	static const char *const none[] = { "सुलोचना" };
	expect_names(&f, want, 1, none, 1);
	assert_int_equal(f.q.n, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_string_equal(f.q.v[i].speaker, "सुलोचना पेठकर");
		assert_int_equal(f.q.v[i].speaker_entity, pk_entities_lookup(&f.e, "सुलोचना पेठकर"));
	}
	done(&f);
	pk_ner_free(ner);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_and_short_name),
		cmocka_unit_test(test_ambiguous_part),
		cmocka_unit_test(test_descriptor_speaker_stays),
		cmocka_unit_test(test_lookup_folds),
		cmocka_unit_test(test_seed_with_model),
		cmocka_unit_test(test_slices_same_as_whole),
		cmocka_unit_test(test_quotes_later),
		cmocka_unit_test(test_person_runs_into_body),
		cmocka_unit_test(test_plural_is_no_name),
		cmocka_unit_test(test_list_of_names),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_glued_agency),
		cmocka_unit_test(test_kind_list),
		cmocka_unit_test(test_head_names),
		cmocka_unit_test(test_glued_speaker),
		cmocka_unit_test(test_surname),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
