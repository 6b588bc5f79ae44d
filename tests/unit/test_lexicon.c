/* test_lexicon.c - every entry of assets/lexicon.def is well formed: UTF-8
 * NFC, no zero-width characters, each word once in its class; and the
 * lexicon built from it finds its words (folded spellings too). */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "quote/quote_int.h"

/* Every list of the data file, whatever its kind. */
typedef struct list {
	const char *kind, *id, *comment, *example;
	const char *const *words;
	int cls;       /* its lex_class, or -1 for prefixes and suffixes */
} list;

#define LEX_LIST(id, comment, example, ...) \
	static const char *const w_##id[] = { __VA_ARGS__, NULL };
#define LEX_PREFIX(id, comment, example, ...) \
	static const char *const p_##id[] = { __VA_ARGS__, NULL };
#define LEX_SUFFIX(id, comment, example, min, ...) \
	static const char *const s_##id[] = { __VA_ARGS__, NULL };
#include "lexicon.def"

static const list lists[] = {
#define LEX_LIST(id, comment, example, ...) { "LEX_LIST", #id, comment, example, w_##id, LC_##id },
#define LEX_PREFIX(id, comment, example, ...) { "LEX_PREFIX", #id, comment, example, p_##id, -1 },
#define LEX_SUFFIX(id, comment, example, min, ...) { "LEX_SUFFIX", #id, comment, example, s_##id, -1 },
#include "lexicon.def"
};
#define NLISTS (sizeof lists / sizeof *lists)

/* Is s one of the zero-width characters that must not hide in an entry? */
static const char *
zero_width(const char *s)
{
	static const char *const zw[] = {
		"\xE2\x80\x8B", /* ZWSP */ "\xE2\x80\x8C", /* ZWNJ */ "\xE2\x80\x8D", /* ZWJ */
		"\xC2\xAD", /* soft hyphen */ "\xE2\x81\xA0", /* word joiner */
		"\xEF\xBB\xBF", /* BOM */ NULL
	};
	for (const char *const *z = zw; *z; z++)
		if (strstr(s, *z))
			return *z;
	return NULL;
}

static int
bad_entries(void)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	int bad = 0;

	assert_false(U_FAILURE(err));
	for (size_t l = 0; l < NLISTS; l++) {
		const list *x = &lists[l];
		if (!*x->comment || !*x->example) {
			printf("%s(%s): no comment or example\n", x->kind, x->id);
			bad++;
		}
		if (!x->words[0]) {
			printf("%s(%s): empty\n", x->kind, x->id);
			bad++;
		}
		for (size_t i = 0; x->words[i]; i++) {
			const char *w = x->words[i];
			UChar u[256];
			int32_t ul = 0;
			err = U_ZERO_ERROR;
			u_strFromUTF8(u, 256, &ul, w, -1, &err);
			if (!*w || U_FAILURE(err)) {
				printf("%s(%s): \"%s\" is empty, too long or not UTF-8\n", x->kind, x->id, w);
				bad++;
				continue;
			}
			if (zero_width(w)) {
				printf("%s(%s): \"%s\" holds a zero-width character\n", x->kind, x->id, w);
				bad++;
			}
			if (!unorm2_isNormalized(nfc, u, ul, &err) || U_FAILURE(err)) {
				printf("%s(%s): \"%s\" is not NFC\n", x->kind, x->id, w);
				bad++;
			}
			for (size_t j = 0; j < i; j++)
				if (!strcmp(x->words[j], w)) {
					printf("%s(%s): \"%s\" twice\n", x->kind, x->id, w);
					bad++;
				}
		}
	}
	return bad;
}

static void
test_entries(void **st)
{
	(void)st;
	assert_true(NLISTS > 32);     /* more classes than a 32-bit mask holds */
	assert_int_equal(bad_entries(), 0);
}

/* Every word of every class is found in its class, and in no class it is
 * not listed in (folded: फ़िल्म and फिल्म are one word). */
static void
test_lookup(void **st)
{
	lexicon *L = lex_new();
	(void)st;
	assert_non_null(L);
	for (size_t l = 0; l < NLISTS; l++) {
		const list *x = &lists[l];
		if (x->cls < 0)
			continue;
		for (size_t i = 0; x->words[i]; i++) {
			const char *w = x->words[i];
			lexset s = lex_find(L, w, 0, strlen(w));
			if (!lex_has(&s, (enum lex_class)x->cls))
				fail_msg("%s: \"%s\" not found in its class", x->id, w);
		}
	}
	/* a nukta, a ZWJ and a soft hyphen are folded away */
	const char *v[] = { "कहा", "फ़िल्म", "फिल्म", "प्रवक्\xE2\x80\x8Dता", "कह\xC2\xADते" };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		lexset s = lex_find(L, v[i], 0, strlen(v[i]));
		assert_true(LEX_IN(s, NE_VERBS) || LEX_IN(s, TITLE_NOUNS) || LEX_IN(s, DESCRIPTORS) ||
		            LEX_IN(s, SUBJ_VERBS));
	}
	lexset none = lex_find(L, "xyz", 0, 3);
	for (unsigned c = 0; c < LC_COUNT; c++)
		assert_false(lex_has(&none, (enum lex_class)c));
	assert_true(lex_suffix(LS_PROF_SUFFIX, "एक्टिविस्ट", 0, strlen("एक्टिविस्ट")));
	assert_false(lex_suffix(LS_PROF_SUFFIX, "िस्ट", 0, strlen("िस्ट")));
	lex_free(L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_lookup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
