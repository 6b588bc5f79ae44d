/* test_quotes.c - quotation pairing, kinds and speakers: the cases of
 * tests/quotes/ (one file per sieve, format in tests/quotes/README), bad
 * input, linear time on stray marks, the bundled sample article, pk_fold(). */
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
#include <dirent.h>
#include <cmocka.h>

#include "input.h"
#include "doc.h"
#include "quotes.h"
#include "export.h"
#include "fold.h"
#include "testutil.h"
#include "quote/quote_int.h"

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

static void
speaker_is(const pk_quote *x, const char *who)
{
	assert_non_null(x->speaker);
	assert_string_equal(x->speaker, who);
}

/* ------------------------------------------------------------------ */
/* The case files                                                      */

/* Every sieve: a file each.  Those that find a speaker or accept a pair
 * as a quotation must show up as the rule (or kind-rule) of a case. */
static const char *const speaker_sieves[] = {
	"cue-before", "dash-signoff", "cue-after", "cue-in-sentence", "ne-before",
	"topic-subject", "jab-subject", "prev-subject", "joint", "predicate", "antecedent",
	"last-speaker",
	"def-descriptor", "cataphor", "continuation", NULL
};
static const char *const accept_sieves[] = { "clause", "fragment-cue", "fragment-shared-cue", NULL };
static const char *const drop_sieves[] = {
	"heading", "title-seen", "label", "title-predicate", "title-after-noun",
	"title-before-noun", "sung-title", "fragment-unclosed", "fragment-title",
	"fragment-no-cue", NULL
};

static bool
in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (!strcmp(*l, w))
			return true;
	return false;
}

/* Undo the escapes of a case value in place (\n, \\, \xHH); its length. */
static size_t
unescape(char *v)
{
	char *o = v;
	for (char *p = v; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		p++;
		if (*p == 'n') {
			*o++ = '\n';
		} else if (*p == 'x' && p[1] && p[2]) {
			char h[3] = { p[1], p[2], 0 };
			*o++ = (char)strtol(h, NULL, 16);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return (size_t)(o - v);
}

/* A pair classified, as the trace tells it. */
typedef struct traced {
	const char *rule;
	size_t a, b;
} traced;

typedef struct cases {
	const char *file;
	int failed;
	fx f;
	traced tr[64];        /* the pairs of the text classified, the first 64 */
	size_t ntr;
	char *absent;         /* the last `absent:` span */
	bool have;            /* f holds the quotes of the case's text */
	const pk_quote *q;    /* the quote the lines after `quote:` check */
	bool q_missing;
	char *text;           /* the case's input (f.in points into it) */
} cases;

static void __attribute__((format(printf, 3, 4)))
case_fail(cases *c, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: ", c->file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	c->failed++;
}

static void
trace(void *arg, const char *rule, size_t a, size_t b)
{
	cases *c = arg;
	if (c->ntr < sizeof c->tr / sizeof *c->tr)
		c->tr[c->ntr++] = (traced){ rule, a, b };
}

static void
case_end(cases *c)
{
	if (c->have)
		done(&c->f);
	free(c->text);
	free(c->absent);
	c->absent = NULL;
	c->ntr = 0;
	c->text = NULL;
	c->have = false;
	c->q = NULL;
	c->q_missing = false;
}

/* The quotation of the case with exactly text v (n bytes), or NULL. */
static const pk_quote *
case_find(const cases *c, const char *v, size_t n)
{
	for (size_t i = 0; i < c->f.q.n; i++) {
		const pk_quote *x = &c->f.q.v[i];
		if (x->end - x->start == n && !memcmp(c->f.in.bytes + x->start, v, n))
			return x;
	}
	return NULL;
}

/* Check one `key: value` line of a case against what pathak found. */
static void
case_line(cases *c, int line, const char *key, char *v, size_t n, bool *named)
{
	const pk_quote *q = c->q;
	const char *name = strrchr(c->file, '/') + 1;

	if (!strcmp(key, "text")) {
		case_end(c);
		c->text = malloc(n + 1);
		assert_non_null(c->text);
		memcpy(c->text, v, n + 1);
		pk_input_from_mem(&c->f.in, c->text, n);
		c->f.d = pk_doc_new(&c->f.in);
		assert_non_null(c->f.d);
		assert_int_equal(q_find(c->f.d, &c->f.q, trace, c), PK_OK);
		c->have = true;
		return;
	}
	if (!c->have) {
		case_fail(c, line, "`%s:` before any `text:`", key);
		return;
	}
	if (!strcmp(key, "count")) {
		if (c->f.q.n != (size_t)atoi(v))
			case_fail(c, line, "%zu quotations, want %s", c->f.q.n, v);
	} else if (!strcmp(key, "absent")) {
		if (case_find(c, v, n))
			case_fail(c, line, "a quotation '%s', want none", v);
		free(c->absent);
		c->absent = strdup(v);
		assert_non_null(c->absent);
	} else if (!strcmp(key, "dropped-by")) {
		/* the `absent:` pair above was classified, and dropped by v */
		size_t i, l = c->absent ? strlen(c->absent) : 0;
		for (i = 0; i < c->ntr; i++)
			if (c->tr[i].b - c->tr[i].a == l &&
			    !memcmp(c->f.in.bytes + c->tr[i].a, c->absent, l) && !strcmp(c->tr[i].rule, v))
				break;
		if (!c->absent || i == c->ntr) {
			case_fail(c, line, "'%s' not dropped by %s; classified:", c->absent ? c->absent : "",
			          v);
			for (i = 0; i < c->ntr; i++)
				fprintf(stderr, "  %s '%.*s'\n", c->tr[i].rule,
				        (int)(c->tr[i].b - c->tr[i].a), c->f.in.bytes + c->tr[i].a);
		}
		if (!strncmp(name, v, strlen(v)) && !strcmp(name + strlen(v), ".txt"))
			*named = true;
	} else if (!strcmp(key, "quote")) {
		c->q = case_find(c, v, n);
		c->q_missing = !c->q;
		if (!c->q) {
			case_fail(c, line, "no quotation '%s'; found:", v);
			for (size_t i = 0; i < c->f.q.n; i++)
				fprintf(stderr, "  '%.*s'\n", (int)(c->f.q.v[i].end - c->f.q.v[i].start),
				        c->f.in.bytes + c->f.q.v[i].start);
		}
	} else if (c->q_missing) {
		return;    /* reported at its `quote:` line */
	} else if (!q) {
		case_fail(c, line, "`%s:` before any `quote:`", key);
	} else if (!strcmp(key, "kind")) {
		if (strcmp(pk_quote_kind_name(q->kind), v))
			case_fail(c, line, "kind %s, want %s", pk_quote_kind_name(q->kind), v);
	} else if (!strcmp(key, "speaker")) {
		bool none = !strcmp(v, "-");
		if (none ? q->speaker != NULL : !q->speaker || strcmp(q->speaker, v))
			case_fail(c, line, "speaker '%s', want '%s'", q->speaker ? q->speaker : "-", v);
	} else if (!strcmp(key, "cue")) {
		bool none = !strcmp(v, "-");
		if (none ? q->cue != NULL : !q->cue || strcmp(q->cue, v))
			case_fail(c, line, "cue '%s', want '%s'", q->cue ? q->cue : "-", v);
	} else if (!strcmp(key, "mention")) {
		bool none = !strcmp(v, "-");
		size_t a = q->mention_start, b = q->mention_end;
		if (none ? a != PK_QUOTE_NONE
		         : a == PK_QUOTE_NONE || b - a != n || memcmp(c->f.in.bytes + a, v, n))
			case_fail(c, line, "mention '%.*s', want '%s'",
			          a == PK_QUOTE_NONE ? 1 : (int)(b - a),
			          a == PK_QUOTE_NONE ? "-" : c->f.in.bytes + a, v);
	} else if (!strcmp(key, "rule") || !strcmp(key, "kind-rule")) {
		const char *got = key[0] == 'r' ? q->rule : q->kind_rule;
		if (!got || strcmp(got, v))
			case_fail(c, line, "%s %s, want %s", key, got ? got : "(null)", v);
		if (!strncmp(name, v, strlen(v)) && !strcmp(name + strlen(v), ".txt"))
			*named = true;
	} else {
		case_fail(c, line, "unknown key `%s:`", key);
	}
}

/* Run every case of tests/quotes/<state>.txt; report each failure as
 * FILE:LINE and fail at the end if any did. */
static void
test_case_file(void **state)
{
	char path[512];
	size_t len;
	cases c = { 0 };
	bool named = false;
	int line = 0, ncases = 0;
	const char *sieve = *state;

	snprintf(path, sizeof path, "%s/tests/quotes/%s.txt", TEST_SRCDIR, sieve);
	c.file = path;
	char *buf = test_slurp(path, &len), *next;
	for (char *l = buf; l && *l; l = next) {
		next = strchr(l, '\n');
		if (next)
			*next++ = '\0';
		line++;
		if (*l == '#' || !*l)
			continue;
		char *colon = strstr(l, ": ");
		if (!colon) {
			case_fail(&c, line, "not `key: value`");
			continue;
		}
		*colon = '\0';
		ncases += !strcmp(l, "text");
		char *v = colon + 2;
		case_line(&c, line, l, v, unescape(v), &named);
	}
	case_end(&c);
	free(buf);
	if (!ncases)
		case_fail(&c, line, "no cases");
	if (!named)
		case_fail(&c, line, "no case has rule, kind-rule or dropped-by %s", sieve);
	if (c.failed)
		fail_msg("%s: %d failed checks", path, c.failed);
}

static int
list_len(const char *const *l)
{
	int n = 0;
	while (l[n])
		n++;
	return n;
}

/* Every file of tests/quotes/ is a sieve's, run above. */
static void
test_every_sieve_has_cases(void **state)
{
	DIR *d = opendir(TEST_SRCDIR "/tests/quotes");
	struct dirent *e;
	int files = 0;
	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
		if (!in_list(speaker_sieves, name) && !in_list(accept_sieves, name) &&
		    !in_list(drop_sieves, name))
			fail_msg("tests/quotes/%s: no such sieve", e->d_name);
		files++;
	}
	closedir(d);
	/* and every sieve has its file */
	assert_int_equal(files, list_len(speaker_sieves) + list_len(accept_sieves) +
	                        list_len(drop_sieves));
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
	assert_int_equal(pk_export_json(f.d, &f.q, NULL, "x.txt", "0", m), PK_OK);
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


/* Two lists of quotations are the same, field by field. */
static void
same_quotes(const pk_quotes *a, const pk_quotes *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const pk_quote *x = &a->v[i], *y = &b->v[i];
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->open_mark, y->open_mark);
		assert_int_equal(x->close_mark, y->close_mark);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->mention_start, y->mention_start);
		assert_int_equal(x->mention_end, y->mention_end);
		assert_true((x->speaker == NULL) == (y->speaker == NULL));
		if (x->speaker)
			assert_string_equal(x->speaker, y->speaker);
		assert_true((x->cue == NULL) == (y->cue == NULL));
		if (x->cue)
			assert_string_equal(x->cue, y->cue);
		assert_string_equal(x->rule, y->rule);
		assert_string_equal(x->kind_rule, y->kind_rule);
	}
}

/* Text dense with speakers, as the adversarial benchmark has it, with
 * names one letter apart, a surname that overlaps itself (नाना), first
 * names that come and go, pronouns and continued turns. */
static char *
dense_text(size_t lines)
{
	static const char *const first[] = { "राहुल", "अमित", "सुनील", "प्रिया", "नरेंद्र", "ममता" };
	static const char *const last[] = { "गांधी", "गाँधी", "शाह", "नाना", "नानाना", "शर्मा", "शरमा" };
	size_t cap = lines * 400 + 64, n = 0;
	char *s = malloc(cap);
	unsigned r = 7;
	assert_non_null(s);
	n += (size_t)snprintf(s, cap, "शीर्षक\n\n");
	for (size_t i = 0; i < lines; i++) {
		r = r * 1103515245u + 12345u;
		unsigned a = (r >> 16) % 6, b = (r >> 8) % 7;
		switch (i % 5) {
		case 3:
			n += (size_t)snprintf(s + n, cap - n, "उन्होंने कहा, “हम आगे ले जाएंगे।”\n");
			break;
		case 4:
			n += (size_t)snprintf(s + n, cap - n, "“यह दूसरा वाक्य है।”\n");
			break;
		default:
			n += (size_t)snprintf(s + n, cap - n, "%s%s%s ने कहा “हम इस बार चुनाव जीतेंगे।”\n",
			                      i % 7 ? first[a] : "", i % 7 ? " " : "", last[b]);
		}
	}
	return s;
}

/* The slice API finds what the one-shot call finds, whatever the slice;
 * so does resolution without the memo. */
static void
test_slices_same(void **st)
{
	(void)st;
	char *dense = dense_text(3000);
	pk_input seed;
	assert_int_equal(pk_input_open(&seed, TEST_SRCDIR "/assets/articles/seed.txt"), PK_OK);
	const pk_input *ins[2];
	pk_input din;
	pk_input_from_mem(&din, dense, strlen(dense));
	ins[0] = &seed;
	ins[1] = &din;
	for (size_t k = 0; k < 2; k++) {
		pk_doc *d = pk_doc_new(ins[k]);
		pk_quotes one, plain;
		assert_int_equal(pk_quotes_find(d, &one), PK_OK);
		assert_true(one.n > (k ? 1000u : 5u));
		q_memo_off = true;
		assert_int_equal(pk_quotes_find(d, &plain), PK_OK);
		q_memo_off = false;
		same_quotes(&one, &plain);
		pk_quotes_free(&plain);
		static const size_t budgets[] = { 1, 97, 4096, 1 << 20 };
		for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
			pk_quotes_job *j = pk_quotes_start(d);
			pk_quotes sl;
			bool fin = false;
			size_t steps = 0;
			assert_non_null(j);
			while (!fin) {
				assert_int_equal(pk_quotes_step(j, budgets[b], &fin), PK_OK);
				steps++;
			}
			assert_int_equal(pk_quotes_finish(j, &sl), PK_OK);
			pk_quotes_job_free(j);
			if (budgets[b] == 1)
				assert_true(steps > one.n);  /* a quotation a slice at most */
			same_quotes(&one, &sl);
			pk_quotes_free(&sl);
		}
		/* a job dropped half way frees what it holds */
		pk_quotes_job *j = pk_quotes_start(d);
		bool fin;
		assert_int_equal(pk_quotes_step(j, 100, &fin), PK_OK);
		pk_quotes_job_free(j);
		pk_quotes_free(&one);
		pk_doc_free(d);
	}
	pk_input_close(&seed);
	free(dense);
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

int
main(void)
{
#define CASES(name) { "quotes/" name, test_case_file, NULL, NULL, (void *)(name) }
	const struct CMUnitTest tests[] = {
		CASES("cue-before"), CASES("dash-signoff"), CASES("cue-after"),
		CASES("cue-in-sentence"), CASES("ne-before"), CASES("topic-subject"),
		CASES("jab-subject"), CASES("prev-subject"), CASES("joint"), CASES("predicate"),
		CASES("antecedent"),
		CASES("last-speaker"), CASES("def-descriptor"), CASES("cataphor"),
		CASES("continuation"),
		CASES("clause"), CASES("fragment-cue"), CASES("fragment-shared-cue"),
		CASES("heading"), CASES("title-seen"), CASES("label"), CASES("title-predicate"),
		CASES("title-after-noun"), CASES("title-before-noun"), CASES("sung-title"),
		CASES("fragment-unclosed"), CASES("fragment-title"), CASES("fragment-no-cue"),
		cmocka_unit_test(test_every_sieve_has_cases),
		cmocka_unit_test(test_bad_bytes_and_empty),
		cmocka_unit_test(test_many_marks_linear),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_slices_same),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
