/* test_keys.c - the key table and the typing of counts and sequences. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "keys.h"

/* Feed a string of keys; the result of the last one. */
static keys_result
feed(keys_state *ks, const char *s, key_action *act, long *count)
{
	keys_result r = KEYS_MORE;
	*act = ACT_NONE;
	*count = -2;
	for (; *s; s++)
		r = keys_feed(ks, (unsigned char)*s, act, count);
	return r;
}

static void
test_table_is_sound(void **state)
{
	bool bound[ACT_N] = { false };
	(void)state;
	for (size_t i = 0; i < keys_count; i++) {
		const key_binding *b = &keys_table[i];
		assert_non_null(b->keys[0]);
		for (int j = 0; j < KEYS_NAMES_MAX && b->keys[j]; j++) {
			int c[2];
			assert_true(keys_parse(b->keys[j], c) > 0);
			if (b->action == ACT_NONE)
				continue;
			bound[b->action] = true;
			/* no sequence is bound twice, nor a prefix of another */
			for (size_t k = 0; k < keys_count; k++) {
				if (keys_table[k].action == ACT_NONE)
					continue;
				for (int l = 0; l < KEYS_NAMES_MAX && keys_table[k].keys[l]; l++) {
					int d[2], n = keys_parse(b->keys[j], c), m = keys_parse(keys_table[k].keys[l], d);
					if (k == i && l == j)
						continue;
					assert_false(n <= m && memcmp(c, d, (size_t)n * sizeof *c) == 0);
				}
			}
		}
	}
	for (int a = ACT_NONE + 1; a < ACT_N; a++)
		assert_true(bound[a]);
}

static void
test_single_keys(void **state)
{
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	(void)state;
	assert_int_equal(feed(&ks, "j", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_DOWN);
	assert_int_equal(n, -1);
	assert_int_equal(keys_feed(&ks, 'n' & 0x1f, &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_DOWN);
	assert_int_equal(keys_feed(&ks, 'p' & 0x1f, &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_UP);
	assert_int_equal(keys_feed(&ks, PK_KEY_PGDN, &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_PAGE_DOWN);
	assert_int_equal(feed(&ks, "\"", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUOTE_LIST);
	assert_int_equal(feed(&ks, "Q", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUIT);
	assert_int_equal(feed(&ks, "=", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_INFO);
}

static void
test_counts(void **state)
{
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	char name[32];
	(void)state;
	assert_int_equal(feed(&ks, "5", &a, &n), KEYS_MORE);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "5");
	assert_int_equal(feed(&ks, "j", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_DOWN);
	assert_int_equal(n, 5);
	assert_int_equal(feed(&ks, "20G", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_END);
	assert_int_equal(n, 20);
	assert_int_equal(feed(&ks, "50%", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_PERCENT);
	assert_int_equal(n, 50);
	assert_int_equal(feed(&ks, "j", &a, &n), KEYS_DONE);
	assert_int_equal(n, -1);   /* the count does not stick */
	/* Esc drops a count being typed */
	assert_int_equal(feed(&ks, "12", &a, &n), KEYS_MORE);
	assert_int_equal(keys_feed(&ks, 27, &a, &n), KEYS_CANCEL);
	assert_int_equal(feed(&ks, "k", &a, &n), KEYS_DONE);
	assert_int_equal(n, -1);
	/* a huge count stays finite */
	assert_int_equal(feed(&ks, "99999999999999999999j", &a, &n), KEYS_DONE);
	assert_true(n > 0);
}

static void
test_sequences(void **state)
{
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	char name[32];
	(void)state;
	assert_int_equal(feed(&ks, "Z", &a, &n), KEYS_MORE);
	assert_int_equal(feed(&ks, "Z", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUIT);
	assert_int_equal(feed(&ks, ":q", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUIT);
	assert_int_equal(feed(&ks, ":Q", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUIT);
	/* a prefix then a key that does not complete it */
	assert_int_equal(feed(&ks, "Zx", &a, &n), KEYS_UNBOUND);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "Zx");
	/* and the next key starts anew */
	assert_int_equal(feed(&ks, "j", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_DOWN);
	assert_int_equal(keys_feed(&ks, 27, &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_FORGET);
}

/* m<letter>, '<letter>, '' and the file keys, as in less */
static void
test_marks(void **state)
{
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	char name[32];
	(void)state;
	assert_int_equal(feed(&ks, "m", &a, &n), KEYS_MORE);
	assert_int_equal(feed(&ks, "q", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_MARK);
	assert_int_equal(ks.letter, 'q');   /* q is the mark here, not quit */
	assert_int_equal(feed(&ks, "'Z", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_GOTO_MARK);
	assert_int_equal(ks.letter, 'Z');
	assert_int_equal(feed(&ks, "''", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_BACK);
	/* a mark is a letter: m1 and m@ are no keys */
	assert_int_equal(feed(&ks, "m1", &a, &n), KEYS_UNBOUND);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "m1");
	assert_int_equal(feed(&ks, "m@", &a, &n), KEYS_UNBOUND);
	assert_int_equal(feed(&ks, "3:n", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_FILE_NEXT);
	assert_int_equal(n, 3);
	assert_int_equal(feed(&ks, ":p", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_FILE_PREV);
	assert_int_equal(feed(&ks, ":e", &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_FILE_OPEN);
}

static void
test_unbound(void **state)
{
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	char name[32];
	(void)state;
	assert_int_equal(feed(&ks, "x", &a, &n), KEYS_UNBOUND);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "x");
	assert_int_equal(feed(&ks, "3x", &a, &n), KEYS_UNBOUND);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "3x");
	assert_int_equal(keys_feed(&ks, 'a' & 0x1f, &a, &n), KEYS_UNBOUND);
	keys_seq_name(&ks, name, sizeof name);
	assert_string_equal(name, "Ctrl-A");
	assert_int_equal(keys_feed(&ks, PK_KEY_OTHER, &a, &n), KEYS_UNBOUND);
}

static void
test_help_lines(void **state)
{
	char line[256];
	size_t i;
	bool quit = false;
	(void)state;
	for (i = 0; keys_help_line(i, line, sizeof line); i++) {
		assert_true(strlen(line) <= 78);   /* fits 80 columns with its margin */
		quit |= strstr(line, "q Q :q :Q ZZ") != NULL;
	}
	/* every row with a help line is on it (and the head and tail) */
	size_t rows = 0;
	for (size_t r = 0; r < keys_count; r++)
		rows += keys_table[r].help != NULL;
	assert_true(i > rows);
	assert_true(quit);
	assert_string_equal(line, "j k Space b scroll this help; any other key closes it.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_sound),
		cmocka_unit_test(test_single_keys),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_unbound),
		cmocka_unit_test(test_help_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
