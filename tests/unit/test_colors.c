/* test_colors.c - the themes (ui/colors.c, ui/palette.c): WCAG contrast
 * arithmetic against known values, the xterm palette, fitting a colour to
 * a background, the terminal's OSC 11 answer, and every role of the dark
 * and light themes readable (contrast >= 4.5) on the backgrounds they are
 * chosen for, including off-white and off-black ones a terminal reports. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "colors.h"
#include "palette.h"

static const rgb BLACK = { 0, 0, 0 }, WHITE = { 255, 255, 255 };

static void
t_contrast(void **st)
{
	(void)st;
	assert_true(fabs(palette_contrast(BLACK, WHITE) - 21.0) < 1e-9);
	assert_true(fabs(palette_contrast(WHITE, WHITE) - 1.0) < 1e-9);
	/* #777777 on white is the classic just-below-AA grey: 4.48 */
	double c = palette_contrast((rgb){ 0x77, 0x77, 0x77 }, WHITE);
	assert_true(c > 4.47 && c < 4.49);
	/* pure yellow on white is unreadable (1.07) */
	assert_true(palette_contrast((rgb){ 255, 255, 0 }, WHITE) < 1.1);
}

static void
t_xterm_palette(void **st)
{
	(void)st;
	rgb c = palette_xterm(196);  /* the cube's pure red */
	assert_int_equal(c.r, 255);
	assert_int_equal(c.g, 0);
	assert_int_equal(c.b, 0);
	c = palette_xterm(232);
	assert_int_equal(c.r, 8);
	c = palette_xterm(255);
	assert_int_equal(c.r, 238);
	assert_int_equal(palette_nearest((rgb){ 0, 95, 135 }), 24);
	assert_int_equal(palette_nearest(WHITE), 231);
}

static void
t_fit(void **st)
{
	(void)st;
	/* bright yellow on white is pulled toward black until it reads */
	int i = palette_fit((rgb){ 255, 255, 0 }, WHITE, PALETTE_MIN_CONTRAST);
	assert_true(palette_contrast(palette_xterm(i), WHITE) >= PALETTE_MIN_CONTRAST);
	/* a colour that already reads is kept (its nearest palette entry) */
	assert_int_equal(palette_fit((rgb){ 0, 95, 0 }, WHITE, PALETTE_MIN_CONTRAST),
	                 palette_nearest((rgb){ 0, 95, 0 }));
	/* on black, dark blue is lightened */
	i = palette_fit((rgb){ 0, 0, 135 }, BLACK, PALETTE_MIN_CONTRAST);
	assert_true(palette_contrast(palette_xterm(i), BLACK) >= PALETTE_MIN_CONTRAST);
}

static void
t_xcolor(void **st)
{
	(void)st;
	rgb c;
	assert_true(palette_parse_xcolor("rgb:ffff/ffff/ffff", &c));
	assert_int_equal(c.r, 255);
	assert_true(palette_parse_xcolor("rgb:fd/f6/e3", &c));
	assert_int_equal(c.r, 0xfd);
	assert_int_equal(c.g, 0xf6);
	assert_int_equal(c.b, 0xe3);
	assert_true(palette_parse_xcolor("rgb:0/8/f", &c));
	assert_int_equal(c.r, 0);
	assert_int_equal(c.g, 136);
	assert_int_equal(c.b, 255);
	assert_true(palette_parse_xcolor("rgb:2828/2a2a/3636", &c));
	assert_int_equal(c.r, 0x28);
	assert_false(palette_parse_xcolor("rgb:ff/ff", &c));
	assert_false(palette_parse_xcolor("#ffffff", &c));
	assert_false(palette_parse_xcolor("rgb:ff/ff/fg", &c));
	assert_false(palette_parse_xcolor("rgb:fffff/0/0", &c));
}

/* Every coloured role of theme t on background bg (256 colours) reads:
 * its foreground against its own background, or the terminal's. */
static void
check_theme(color_theme t, rgb bg)
{
	color_plan p[ROLE_MAX];
	colors_plan(t, &bg, 256, p);
	int coloured = 0;
	for (int r = 0; r < ROLE_MAX; r++) {
		if (!p[r].colour || p[r].fg < 0)
			continue;
		coloured++;
		rgb on = p[r].bg >= 0 ? palette_xterm(p[r].bg) : bg;
		double c = palette_contrast(palette_xterm(p[r].fg), on);
		if (c < PALETTE_MIN_CONTRAST)
			fail_msg("theme %s on #%02x%02x%02x: role %d fg %d bg %d contrast %.2f",
			         colors_theme_name(t), bg.r, bg.g, bg.b, r, p[r].fg, p[r].bg, c);
	}
	assert_true(coloured >= 10);  /* the themes do have colours */
}

static void
t_themes_read(void **st)
{
	(void)st;
	static const rgb darks[] = { { 0, 0, 0 }, { 0x28, 0x2a, 0x36 }, { 0x1e, 0x1e, 0x1e },
	                             { 0x00, 0x2b, 0x36 }, { 0x30, 0x0a, 0x24 } };
	static const rgb lights[] = { { 255, 255, 255 }, { 0xfd, 0xf6, 0xe3 }, { 0xf5, 0xf5, 0xf5 },
	                              { 0xee, 0xe8, 0xd5 }, { 0xff, 0xff, 0xdd } };
	for (size_t i = 0; i < sizeof darks / sizeof *darks; i++) {
		assert_int_equal(colors_resolve(THEME_AUTO, &darks[i]), THEME_DARK);
		check_theme(THEME_DARK, darks[i]);
	}
	for (size_t i = 0; i < sizeof lights / sizeof *lights; i++) {
		assert_int_equal(colors_resolve(THEME_AUTO, &lights[i]), THEME_LIGHT);
		check_theme(THEME_LIGHT, lights[i]);
	}
	assert_int_equal(colors_resolve(THEME_AUTO, NULL), THEME_UNKNOWN);
	assert_int_equal(colors_resolve(THEME_MONO, &lights[0]), THEME_MONO);
}

static void
t_fallbacks(void **st)
{
	(void)st;
	color_plan p[ROLE_MAX];
	/* mono: no colour anywhere, attributes tell the roles apart */
	colors_plan(THEME_MONO, &WHITE, 256, p);
	for (int r = 0; r < ROLE_MAX; r++)
		assert_false(p[r].colour);
	assert_true(p[ROLE_QUOTE].attr & A_UNDERLINE);
	/* light with eight colours: no yellow quotation text, but the
	 * highlights (both colours set) keep theirs */
	colors_plan(THEME_LIGHT, &WHITE, 8, p);
	assert_false(p[ROLE_QUOTE].colour);
	assert_true(p[ROLE_QUOTE].attr & A_UNDERLINE);
	assert_true(p[ROLE_STATUS].colour);
	/* unknown background: no text colour is safe; highlights keep theirs */
	colors_plan(THEME_UNKNOWN, NULL, 256, p);
	assert_false(p[ROLE_QUOTE].colour);
	assert_true(p[ROLE_QUOTE].attr & A_UNDERLINE);
	assert_true(p[ROLE_MATCH].colour);
	/* dark with eight colours: the basic eight */
	colors_plan(THEME_DARK, &BLACK, 8, p);
	assert_true(p[ROLE_QUOTE].colour);
	assert_int_equal(p[ROLE_QUOTE].fg, COLOR_YELLOW);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_contrast),
		cmocka_unit_test(t_xterm_palette),
		cmocka_unit_test(t_fit),
		cmocka_unit_test(t_xcolor),
		cmocka_unit_test(t_themes_read),
		cmocka_unit_test(t_fallbacks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
