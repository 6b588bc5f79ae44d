/* test_places.c - the reading positions kept between runs (ui/places.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "places.h"
#include "xdg.h"

/* A private directory with a places file in it. */
typedef struct fixture {
	char dir[64];
	char path[128];
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/pathak-places.XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/sub/places", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int rc = system(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

static void
test_key(void **state)
{
	(void)state;
	const char a[] = "पुतिन ने कहा", b[] = "पुतिन ने कहा।";
	assert_int_equal(place_key(a, sizeof a - 1), place_key(a, sizeof a - 1));
	/* one more character, or one changed, is another article */
	assert_int_not_equal(place_key(a, sizeof a - 1), place_key(b, sizeof b - 1));
	assert_int_not_equal(place_key("abcdefgh1", 9), place_key("abcdefgh2", 9));
	assert_int_not_equal(place_key("", 0), place_key("\0", 1));
}

static void
test_round_trip(void **state)
{
	fixture *f = *state;
	place pl, got;
	/* no file yet: nothing found, no error */
	assert_int_equal(places_get(f->path, 42, &got), 0);
	place_init(&pl, 0x0123456789abcdefULL);
	pl.top = 1234;
	strcpy(pl.mode, "reorder+halant");
	pl.marks[place_mark_slot('a')] = 10;
	pl.marks[place_mark_slot('Z')] = 99;
	pl.when = 1700000000;
	assert_int_equal(places_put(f->path, &pl), 0);  /* makes sub/ */
	assert_int_equal(places_get(f->path, pl.key, &got), 1);
	assert_int_equal(got.top, 1234);
	assert_string_equal(got.mode, "reorder+halant");
	assert_int_equal(got.marks[place_mark_slot('a')], 10);
	assert_int_equal(got.marks[place_mark_slot('Z')], 99);
	assert_int_equal(got.marks[place_mark_slot('b')], PLACE_NONE);
	assert_int_equal(got.when, 1700000000);
	/* put again: replaced, not added */
	pl.top = 7;
	pl.mode[0] = 0;
	assert_int_equal(places_put(f->path, &pl), 0);
	assert_int_equal(places_get(f->path, pl.key, &got), 1);
	assert_int_equal(got.top, 7);
	assert_string_equal(got.mode, "");
	FILE *fp = fopen(f->path, "r");
	char line[256];
	int lines = 0;
	while (fgets(line, sizeof line, fp))
		lines++;
	fclose(fp);
	assert_int_equal(lines, 2);  /* the header and one record */
	/* no temporary file is left beside it */
	char dir[160];
	snprintf(dir, sizeof dir, "%s/sub", f->dir);
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d)))
		files += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 1);
}

static void
test_bounded(void **state)
{
	fixture *f = *state;
	place pl, got;
	for (uint64_t k = 1; k <= PLACES_MAX + 5; k++) {
		place_init(&pl, k);
		pl.top = (size_t)k;
		pl.when = (long long)k;
		assert_int_equal(places_put(f->path, &pl), 0);
	}
	/* the five read least recently are gone, the rest kept */
	for (uint64_t k = 1; k <= 5; k++)
		assert_int_equal(places_get(f->path, k, &got), 0);
	assert_int_equal(places_get(f->path, 6, &got), 1);
	assert_int_equal(places_get(f->path, PLACES_MAX + 5, &got), 1);
	assert_int_equal(got.top, PLACES_MAX + 5);
	/* reading an old one again makes it the newest: it survives the next */
	place_init(&pl, 6);
	assert_int_equal(places_put(f->path, &pl), 0);
	place_init(&pl, 5000);
	assert_int_equal(places_put(f->path, &pl), 0);
	assert_int_equal(places_get(f->path, 6, &got), 1);
	assert_int_equal(places_get(f->path, 7, &got), 0);
}

static void
test_damaged_lines(void **state)
{
	fixture *f = *state;
	place pl, got;
	place_init(&pl, 77);
	pl.top = 5;
	assert_int_equal(places_put(f->path, &pl), 0);
	FILE *fp = fopen(f->path, "a");
	fputs("garbage\n", fp);
	fputs("00000000000000ff 12 shaped 3 a=\n", fp);       /* a mark without offset */
	fputs("00000000000000fe 12 shaped 3 1=4\n", fp);      /* no such mark */
	fputs("00000000000000fd 12 shaped\n", fp);            /* cut short */
	fputs("00000000000000fc -1 shaped 3\n", fp);          /* a negative offset */
	fputs("00000000000000fb 18446744073709551616 - 3\n", fp); /* too big */
	fputs("00000000000000fa 9 latin 3 b=2", fp);          /* no newline: fine */
	fclose(fp);
	assert_int_equal(places_get(f->path, 77, &got), 1);
	assert_int_equal(got.top, 5);
	for (uint64_t k = 0xfb; k <= 0xff; k++)
		assert_int_equal(places_get(f->path, k, &got), 0);
	assert_int_equal(places_get(f->path, 0xfa, &got), 1);
	assert_int_equal(got.marks[place_mark_slot('b')], 2);
	/* a put keeps what parses and drops the rest */
	place_init(&pl, 78);
	assert_int_equal(places_put(f->path, &pl), 0);
	assert_int_equal(places_get(f->path, 77, &got), 1);
	assert_int_equal(places_get(f->path, 0xfa, &got), 1);
	fp = fopen(f->path, "r");
	char line[256];
	int lines = 0;
	while (fgets(line, sizeof line, fp))
		lines++;
	fclose(fp);
	assert_int_equal(lines, 4);
}

static void
test_unwritable(void **state)
{
	fixture *f = *state;
	place pl;
	char path[160];
	/* a file where the directory should be: the put fails, saying why */
	snprintf(path, sizeof path, "%s/file", f->dir);
	FILE *fp = fopen(path, "w");
	fclose(fp);
	snprintf(path, sizeof path, "%s/file/places", f->dir);
	place_init(&pl, 1);
	assert_int_equal(places_put(path, &pl), -1);
}

static void
test_xdg_path(void **state)
{
	char buf[256];
	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("HOME", "/home/u", 1);
	assert_true(places_path(buf, sizeof buf));
	assert_string_equal(buf, "/x/state/pathak/places");
	setenv("XDG_STATE_HOME", "relative", 1);  /* ignored, as the spec says */
	assert_true(places_path(buf, sizeof buf));
	assert_string_equal(buf, "/home/u/.local/state/pathak/places");
	assert_true(xdg_path(XDG_CONFIG, "config", buf, sizeof buf));
	assert_string_equal(buf, "/home/u/.config/pathak/config");
	unsetenv("HOME");
	assert_false(places_path(buf, sizeof buf));
	assert_false(xdg_path(XDG_STATE, "places", buf, 10));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
		cmocka_unit_test(test_xdg_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
