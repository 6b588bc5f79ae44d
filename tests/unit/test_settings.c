/* test_settings.c - the configuration file (ui/settings.h) and the key
 * bindings it makes (ui/keys.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "testutil.h"

/* Parse @p text; the errors written go to *errs (a malloc'd string). */
static int
parse(settings *c, const char *text, char **errs)
{
	size_t n;
	FILE *f = open_memstream(errs, &n);
	assert_non_null(f);
	settings_init(c);
	int bad = settings_parse(c, text, strlen(text), "config", f);
	fclose(f);
	return bad;
}

static void
test_settings(void **state)
{
	settings c;
	char *errs;
	(void)state;
	assert_int_equal(parse(&c, "# a comment\n\nrender = reorder+halant\n"
	                           "width=72   # text column\r\n"
	                           "theme = light\npane = on\nresume = off\n"
	                           "exact = yes\nadvance = cluster\n", &errs), 0);
	assert_string_equal(errs, "");
	free(errs);
	assert_true(c.have_render);
	assert_int_equal(c.render, RENDER_REORDER_HALANT);
	assert_int_equal(c.width, 72);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.pane, 1);
	assert_int_equal(c.resume, 0);
	assert_int_equal(c.exact, 1);
	assert_int_equal(c.regex, -1);   /* not said: not set */
	assert_int_equal(c.mouse, -1);
	assert_int_equal(c.advance, WIDTH_CLUSTER);
	assert_int_equal(c.errors, 0);
}

static void
test_errors(void **state)
{
	settings c;
	char *errs;
	(void)state;
	/* each wrong line is said with its line and column, the rest counts */
	assert_int_equal(parse(&c, "render = latin\n"
	                           "colour = blue\n"
	                           "width = 5\n"
	                           "  theme = sepia\n"
	                           "pane maybe\n"
	                           "resume = sometimes\n"
	                           "width = 64\n"
	                           "= on\n"
	                           "render = latin extra\n", &errs), 7);
	assert_string_equal(errs,
		"config:2:1: unknown setting 'colour' (render, width, theme, advance, pane, "
		"resume, mouse, exact, regex, bind)\n"
		"config:3:9: width: '5' is not a number from 20 to 10000\n"
		"config:4:11: theme: unknown theme 'sepia' (auto, dark, light, mono)\n"
		"config:5:6: expected '=' after 'pane'\n"
		"config:6:10: resume: 'sometimes' is not on or off\n"
		"config:8:1: a line that starts with '=' names no setting\n"
		"config:9:16: one value after '=' (found 'extra' too)\n");
	free(errs);
	assert_int_equal(c.errors, 7);
	assert_string_equal(c.first_error, "config:2:1: unknown setting 'colour' (render, "
	                    "width, theme, advance, pane, resume, mouse, exact, regex, bind)");
	assert_true(c.have_render);        /* line 1 still counts */
	assert_int_equal(c.render, RENDER_LATIN);
	assert_int_equal(c.width, 64);      /* the later, good line */
	assert_string_equal(c.theme, "");  /* the wrong one left the default */
	assert_int_equal(c.resume, -1);
	/* columns count characters, not bytes */
	assert_int_equal(parse(&c, "render = शेप्ड\n", &errs), 1);
	assert_non_null(strstr(errs, "config:1:10: render: unknown mode 'शेप्ड'"));
	free(errs);
}

static void
test_bindings(void **state)
{
	settings c;
	char *errs;
	keys_state ks = KEYS_STATE_INIT;
	key_action a;
	long n;
	(void)state;
	assert_int_equal(parse(&c, "bind x quit\nbind Ctrl-J down\nbind q none\n"
	                           "bind Z quote-next\nbind ab down\nbind x\n"
	                           "bind y jump\nbind Ctrl-1 up\n", &errs), 3);
	assert_non_null(strstr(errs, "config:6:7: bind wants a key and an action"));
	assert_non_null(strstr(errs, "config:7:8: unknown action 'jump'"));
	assert_non_null(strstr(errs, "config:8:6: 'Ctrl-1' is not a key"));
	free(errs);
	ks.user = &c.keys;
	assert_int_equal(keys_feed(&ks, 'x', &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUIT);
	assert_int_equal(keys_feed(&ks, 'q', &a, &n), KEYS_UNBOUND);  /* none: unbound */
	assert_int_equal(keys_feed(&ks, 'Q', &a, &n), KEYS_DONE);     /* the others stay */
	assert_int_equal(a, ACT_QUIT);
	/* Z alone now, though ZZ is in the table */
	assert_int_equal(keys_feed(&ks, 'Z', &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_QUOTE_NEXT);
	/* a two-key binding of one's own: a waits for b */
	assert_int_equal(keys_feed(&ks, 'a', &a, &n), KEYS_MORE);
	assert_int_equal(keys_feed(&ks, 'b', &a, &n), KEYS_DONE);
	assert_int_equal(a, ACT_DOWN);
	assert_int_equal(keys_feed(&ks, '5', &a, &n), KEYS_MORE);
	assert_int_equal(keys_feed(&ks, 'x', &a, &n), KEYS_DONE);
	assert_int_equal(n, 5);
	/* every action has a name that parses back */
	for (int i = 0; i < ACT_N; i++) {
		key_action b;
		assert_true(keys_action_parse(keys_action_name((key_action)i), &b));
		assert_int_equal(b, i);
	}
}

/* the manual names every action a binding can take */
static void
test_manual(void **state)
{
	size_t len;
	(void)state;
	char *man = test_slurp(TEST_SRCDIR "/doc/pathak.1", &len);
	char *sec = strstr(man, ".SH CONFIGURATION");
	assert_non_null(sec);
	char *end = strstr(sec + 1, ".SH ");
	assert_non_null(end);
	*end = 0;
	for (int i = 0; i < ACT_N; i++) {
		char want[64], troff[40];
		size_t k = 0;
		for (const char *c = keys_action_name((key_action)i); *c && k + 3 < sizeof troff; c++) {
			if (*c == '-')
				troff[k++] = '\\';
			troff[k++] = *c;
		}
		troff[k] = 0;
		snprintf(want, sizeof want, "\\fB%s\\fR", troff);
		if (!strstr(sec, want))
			fail_msg("pathak(1) CONFIGURATION lacks the action %s", want);
	}
	free(man);
}

static void
test_load(void **state)
{
	settings c;
	char dir[] = "/tmp/pathak-settings.XXXXXX", path[64];
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/config", dir);
	settings_init(&c);
	assert_int_equal(settings_load(&c, path, NULL), 0);   /* missing: no error */
	FILE *f = fopen(path, "w");
	fputs("width = 50\nbogus\n", f);
	fclose(f);
	assert_int_equal(settings_load(&c, path, NULL), 1);
	assert_int_equal(c.width, 50);
	assert_string_equal(c.first_error, "config:2:6: expected '=' after 'bogus'");
	/* a directory where the file should be: said, not fatal */
	settings_init(&c);
	assert_int_equal(settings_load(&c, dir, NULL), 1);
	assert_int_equal(c.errors, 1);
	remove(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_bindings),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_manual),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
