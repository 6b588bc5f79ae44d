/* test_term.c - the terminal probe: parsing scripted answers, the width
 * model and render mode per terminal profile, and the timeout. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term.h"

/* The answers of a terminal at row r with the given cluster advances. */
static size_t
script_z(char *buf, size_t cap, int r, const int adv[3], int zwnj, const char *extra)
{
	return (size_t)snprintf(buf, cap,
	                        "\033[%d;1R\033[%d;%dR\033[%d;%dR\033[%d;%dR\033[%d;%dR%s\033[%d;1R",
	                        r, r, 1 + adv[0], r, 1 + adv[1], r, 1 + adv[2], r, 1 + zwnj, extra, r);
}

/* The answers of a terminal that advances "a ZWNJ b" 2 columns. */
static size_t
script(char *buf, size_t cap, int r, const int adv[3], const char *extra)
{
	return script_z(buf, cap, r, adv, 2, extra);
}

static const int WC[3] = { 2, 2, 3 }, CL[3] = { 1, 2, 2 };
/* a window one column wide: the cursor sticks at the margin */
static const int STUCK[3] = { 1, 1, 1 };

struct profile {
	const char *label;
	term_env env;
	const int *adv;        /* NULL: silent terminal */
	const char *extra;     /* XTVERSION / DECRQM answers */
	term_kind kind;
	width_model model;
	render_mode mode;
	int decrqm;
};

static void
t_profiles(void **st)
{
	(void)st;
	const struct profile ps[] = {
		{ "xterm", { .term = "xterm", .xterm_version = "XTerm(379)" }, WC,
		  "\033P>|XTerm(379)\033\\\033[?2027;0$y", TERM_XTERM, WIDTH_WCWIDTH, RENDER_INTERLINEAR, 0 },
		{ "sakura (VTE)", { .term = "xterm-256color", .vte_version = "7006" }, WC,
		  "\033[?2027;0$y", TERM_VTE, WIDTH_WCWIDTH, RENDER_SHAPED, 0 },
		{ "alacritty", { .term = "alacritty", .alacritty = "1" }, WC,
		  "", TERM_ALACRITTY, WIDTH_WCWIDTH, RENDER_REORDER, -1 },
		{ "urxvt", { .term = "rxvt-unicode-256color" }, WC,
		  "", TERM_URXVT, WIDTH_WCWIDTH, RENDER_REORDER, -1 },
		{ "st", { .term = "st-256color" }, WC, "", TERM_ST, WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		{ "kitty", { .term = "xterm-kitty", .kitty = "1" }, CL,
		  "\033P>|kitty(0.26.5)\033\\\033[?2027;0$y", TERM_KITTY, WIDTH_CLUSTER, RENDER_SHAPED, 0 },
		{ "mlterm", { .term = "xterm", .mlterm = "3.9.3" }, CL,
		  "\033[?2027;0$y", TERM_MLTERM, WIDTH_CLUSTER, RENDER_SHAPED, 0 },
		{ "tmux", { .term = "screen", .tmux = "/tmp/tmux-0/default,1,0" }, WC,
		  "\033P>|tmux 3.3a\033\\", TERM_UNKNOWN, WIDTH_WCWIDTH, RENDER_SHAPED, -1 },
		/* tmux inside VTE: the outer terminal's variable came through */
		{ "tmux in VTE", { .term = "tmux-256color", .tmux = "/tmp/t,1,0", .vte_version = "7006" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_VTE, WIDTH_WCWIDTH, RENDER_SHAPED, -1 },
		{ "tmux in xterm", { .term = "screen", .tmux = "/tmp/t,1,0", .xterm_version = "XTerm(379)" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_XTERM, WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		/* tmux in kitty (tmux's client_termtype): the two disagree on
		 * widths, so romanized */
		{ "tmux in kitty", { .term = "tmux-256color", .tmux = "/tmp/t,1,0",
		                     .outer_term = "xterm-kitty", .outer_type = "kitty(0.26.5)" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_KITTY, WIDTH_WCWIDTH, RENDER_LATIN, -1 },
		{ "tmux in mlterm (env)", { .term = "screen", .tmux = "/tmp/t,1,0", .mlterm = "3.9.3" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_MLTERM, WIDTH_WCWIDTH, RENDER_LATIN, -1 },
		/* st and foot name themselves only by TERM, which tmux replaces */
		{ "tmux in st", { .term = "screen", .tmux = "/tmp/t,1,0", .outer_term = "st-256color" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_ST, WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		/* the client's name beats a variable left from where tmux started */
		{ "tmux in foot, kitty's variable", { .term = "screen", .tmux = "/tmp/t,1,0",
		                                      .kitty = "2", .outer_term = "foot" },
		  WC, "\033P>|tmux 3.3a\033\\", TERM_FOOT, WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		/* foot measured by wcwidth: not drawn as a cluster terminal */
		{ "foot", { .term = "foot" }, WC, "\033P>|foot(1.13.1)\033\\", TERM_FOOT,
		  WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		/* an unknown terminal that advances per cluster: measured wins */
		{ "unknown cluster", { .term = "xterm-256color" }, CL,
		  "", TERM_UNKNOWN, WIDTH_CLUSTER, RENDER_SHAPED, -1 },
		/* kitty's environment, but XTVERSION says xterm (started from kitty) */
		{ "inherited env", { .term = "xterm", .kitty = "3" }, WC,
		  "\033P>|XTerm(379)\033\\", TERM_XTERM, WIDTH_WCWIDTH, RENDER_INTERLINEAR, -1 },
		/* a measurement that fits neither model is not trusted */
		{ "tmux, 1 column", { .term = "screen", .tmux = "/tmp/t,1,0" }, STUCK,
		  "\033P>|tmux 3.3a\033\\", TERM_UNKNOWN, WIDTH_WCWIDTH, RENDER_SHAPED, -1 },
		{ "kitty, 1 column", { .term = "xterm-kitty", .kitty = "1" }, STUCK,
		  "", TERM_KITTY, WIDTH_CLUSTER, RENDER_SHAPED, -1 },
		/* silent terminals: the table decides */
		{ "silent kitty", { .term = "xterm-kitty", .kitty = "1" }, NULL,
		  NULL, TERM_KITTY, WIDTH_CLUSTER, RENDER_SHAPED, -1 },
		{ "silent xterm", { .term = "xterm" }, NULL,
		  NULL, TERM_UNKNOWN, WIDTH_WCWIDTH, RENDER_REORDER, -1 },
	};
	for (size_t i = 0; i < sizeof ps / sizeof *ps; i++) {
		const struct profile *p = &ps[i];
		char buf[512];
		term_answers a;
		term_info ti;
		size_t n = p->adv ? script(buf, sizeof buf, 7, p->adv, p->extra) : 0;
		term_parse(buf, n, &a);
		term_decide(&p->env, &a, true, &ti);
		if (ti.kind != p->kind || ti.model != p->model || ti.mode != p->mode ||
		    ti.decrqm_2027 != p->decrqm)
			fail_msg("%s: kind %s model %d mode %s decrqm %d (%s; %s)", p->label,
			         term_kind_name(ti.kind), ti.model, render_mode_name(ti.mode),
			         ti.decrqm_2027, ti.model_why, ti.mode_why);
		assert_int_equal(a.complete, p->adv != NULL);
		assert_int_equal(ti.answered, p->adv != NULL);
		if (p->adv)
			for (int k = 0; k < TERM_PROBE_N; k++)
				assert_int_equal(ti.adv[k], p->adv[k]);
	}
}

/* ZWNJ's own column: measured (mlterm 3, kitty 2: see test_render.c), and
 * by name when a cluster terminal does not answer; never inside tmux. */
static void
t_zwnj(void **st)
{
	(void)st;
	char buf[512];
	term_answers a;
	term_info ti;
	term_env ml = { .term = "xterm", .mlterm = "3.9.3" }, ki = { .term = "xterm-kitty", .kitty = "1" };
	term_parse(buf, script_z(buf, sizeof buf, 4, CL, 3, ""), &a);
	term_decide(&ml, &a, true, &ti);
	assert_true(a.complete);
	assert_int_equal(ti.zwnj_adv, 3);
	assert_true(ti.zwnj_cell);
	term_parse(buf, script_z(buf, sizeof buf, 4, CL, 2, ""), &a);
	term_decide(&ki, &a, true, &ti);
	assert_int_equal(ti.zwnj_adv, 2);
	assert_false(ti.zwnj_cell);
	term_decide(&ml, NULL, true, &ti);   /* silent mlterm */
	assert_int_equal(ti.zwnj_adv, -1);
	assert_true(ti.zwnj_cell);
	term_decide(&ki, NULL, true, &ti);
	assert_false(ti.zwnj_cell);
	term_env tm = ml;
	tm.tmux = "/tmp/t,1,0";
	term_decide(&tm, NULL, true, &ti);
	assert_false(ti.zwnj_cell);
}

/* Graphics, by asking: the kitty query answered OK, or sixel (4) among
 * DA1's attributes; the cell size from CSI 16 t; nothing inside tmux. */
static void
t_graphics(void **st)
{
	(void)st;
	char buf[512];
	term_answers a;
	term_info ti;
	term_env ki = { .term = "xterm-kitty", .kitty = "1" },
	         xt = { .term = "xterm", .xterm_version = "XTerm(379)" };
	term_parse(buf, script(buf, sizeof buf, 2, CL,
	                       "\033_Gi=31;OK\033\\\033[6;20;10t\033[?62;22c"), &a);
	assert_true(a.kitty_gfx);
	assert_true(a.da1);
	assert_false(a.da1_sixel);
	term_decide(&ki, &a, true, &ti);
	assert_int_equal(ti.gfx, TERM_GFX_KITTY);
	assert_int_equal(ti.cell_w, 10);
	assert_int_equal(ti.cell_h, 20);
	/* it draws pictures: image mode, the text around them as kitty's */
#ifdef HAVE_HARFBUZZ
	assert_int_equal(ti.mode, RENDER_IMAGE);
#else
	assert_int_equal(ti.mode, RENDER_SHAPED);
#endif
	assert_int_equal(ti.text_mode, RENDER_SHAPED);
	/* xterm -ti vt340: sixel among the attributes, not first */
	term_parse(buf, script(buf, sizeof buf, 2, WC, "\033[?63;1;2;4;6;9;15;22c"), &a);
	assert_true(a.da1_sixel);
	term_decide(&xt, &a, true, &ti);
	assert_int_equal(ti.gfx, TERM_GFX_SIXEL);
	assert_int_equal(ti.text_mode, RENDER_INTERLINEAR);  /* xterm's marks */
	term_parse(buf, script(buf, sizeof buf, 2, WC, "\033[?65;1;9c"), &a);  /* no 4 */
	assert_false(a.da1_sixel);
	term_parse(buf, script(buf, sizeof buf, 2, WC, "\033[?62;9;4c"), &a);  /* 4 last */
	assert_true(a.da1_sixel);
	/* an error reply is no support */
	term_parse(buf, script(buf, sizeof buf, 2, CL, "\033_Gi=31;EINVAL:bad\033\\"), &a);
	assert_false(a.kitty_gfx);
	term_decide(&ki, &a, true, &ti);
	assert_int_equal(ti.gfx, TERM_GFX_NONE);
	/* tmux answers for itself */
	term_env tm = ki;
	tm.tmux = "/tmp/t,1,0";
	term_parse(buf, script(buf, sizeof buf, 2, WC, "\033_Gi=31;OK\033\\\033[?1;2;4c"), &a);
	term_decide(&tm, &a, true, &ti);
	assert_int_equal(ti.gfx, TERM_GFX_NONE);
	assert_true(ti.mode != RENDER_IMAGE);
	assert_int_equal(ti.mode, ti.text_mode);
}

static void
t_locale_and_console(void **st)
{
	(void)st;
	term_env e = { .term = "xterm" };
	term_info ti;
	term_decide(&e, NULL, false, &ti);
	assert_int_equal(ti.mode, RENDER_LATIN);
	e.term = "linux";
	term_decide(&e, NULL, true, &ti);
	assert_int_equal(ti.mode, RENDER_LATIN);
	e.term = "dumb";
	term_decide(&e, NULL, true, &ti);
	assert_int_equal(ti.mode, RENDER_LATIN);
	assert_false(ti.probed);
}

static void
t_parse_noise(void **st)
{
	(void)st;
	term_answers a;
	/* typed keys between answers, an unknown reply, and a truncated tail */
	const char s[] = "jk\033[3;1Rq\033[3;3R\033]11;rgb:0/0/0\033\\\033[3;3R \033[3;4R\033[3;";
	term_parse(s, sizeof s - 1, &a);
	assert_int_equal(a.ncpr, 4);
	assert_false(a.complete);
	assert_int_equal(term_advance(&a, 0), 2);
	assert_int_equal(term_advance(&a, 2), 3);
	assert_int_equal(a.decrqm_2027, -1);
	assert_string_equal(a.xtversion, "");
	/* a DECRQM answer that set the mode */
	term_parse("\033[?2027;1$y", 11, &a);
	assert_int_equal(a.decrqm_2027, 1);
	/* a truncated XTVERSION is not taken */
	term_parse("\033P>|XTer", 9, &a);
	assert_string_equal(a.xtversion, "");
	/* reports not in a row: advance unknown */
	term_parse("\033[3;1R", 6, &a);
	assert_int_equal(term_advance(&a, 0), -1);
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* A pipe nobody writes to: the probe gives up within its timeout. */
static void
t_silent_pipe(void **st)
{
	(void)st;
	int fds[2], out = open("/dev/null", O_WRONLY);
	term_answers a;
	struct timespec t0;
	assert_int_equal(pipe(fds), 0);
	assert_true(out >= 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(term_probe_fd(fds[0], out, TERM_PROBE_MS, true, &a), 0);
	long ms = ms_since(&t0);
	assert_true(ms >= TERM_PROBE_MS - 10);
	assert_true(ms < TERM_PROBE_MS + 200);
	assert_int_equal(a.ncpr, 0);
	assert_false(a.complete);
	close(fds[0]);
	close(fds[1]);
	close(out);
}

/* A pseudo-terminal that never answers: same, and its modes come back. */
static void
t_silent_pty(void **st)
{
	(void)st;
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
		skip();
	int s = open(ptsname(m), O_RDWR | O_NOCTTY);
	assert_true(s >= 0);
	struct termios before, after;
	assert_int_equal(tcgetattr(s, &before), 0);
	term_answers a;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(term_probe_fd(s, s, TERM_PROBE_MS, true, &a), 0);
	long ms = ms_since(&t0);
	assert_true(ms < TERM_PROBE_MS + 200);
	assert_int_equal(a.ncpr, 0);
	assert_int_equal(tcgetattr(s, &after), 0);
	assert_int_equal(before.c_lflag, after.c_lflag);
	/* what the probe wrote reached the terminal: the queries are there */
	char buf[512];
	ssize_t n = read(m, buf, sizeof buf - 1);
	assert_true(n > 0);
	buf[n] = 0;
	assert_non_null(strstr(buf, "\033[6n"));
	assert_non_null(strstr(buf, "\033[>0q"));
	assert_non_null(strstr(buf, "\033[?2027$p"));
	close(s);
	close(m);
}

/* Answers already waiting: the probe returns as soon as the last is in. */
static void
t_answering_pipe(void **st)
{
	(void)st;
	int fds[2], out = open("/dev/null", O_WRONLY);
	char buf[256];
	term_answers a;
	struct timespec t0;
	assert_int_equal(pipe(fds), 0);
	size_t n = script(buf, sizeof buf, 12, CL, "\033P>|kitty(0.26.5)\033\\");
	assert_int_equal(write(fds[1], buf, n), (ssize_t)n);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(term_probe_fd(fds[0], out, 5000, true, &a), 0);
	assert_true(ms_since(&t0) < 1000);
	assert_true(a.complete);
	assert_string_equal(a.xtversion, "kitty(0.26.5)");
	assert_int_equal(term_advance(&a, 0), 1);
	assert_int_equal(term_advance(&a, 2), 2);
	close(fds[0]);
	close(fds[1]);
	close(out);
}

/* The background colour in the answers (OSC 11, ended by ST or BEL), and
 * none when the terminal ignores the query. */
static void
t_background(void **st)
{
	(void)st;
	char buf[512];
	term_answers a;
	term_info ti;
	term_env e = { .term = "xterm", .xterm_version = "XTerm(379)" };
	size_t n = script(buf, sizeof buf, 3, WC, "\033]11;rgb:ffff/ffff/dddd\033\\");
	term_parse(buf, n, &a);
	assert_true(a.complete);
	term_decide(&e, &a, true, &ti);
	assert_true(ti.bg_known);
	assert_int_equal(ti.bg.r, 255);
	assert_int_equal(ti.bg.b, 0xdd);
	n = script(buf, sizeof buf, 3, WC, "\033]11;rgb:28/2a/36\007");
	term_parse(buf, n, &a);
	assert_true(a.bg_known);
	assert_int_equal(a.bg.g, 0x2a);
	n = script(buf, sizeof buf, 3, WC, "");
	term_parse(buf, n, &a);
	assert_false(a.bg_known);
	/* no answer, but rxvt's COLORFGBG: a white background (15) */
	term_env rx = { .term = "rxvt-unicode-256color", .colorfgbg = "0;default;15" };
	n = script(buf, sizeof buf, 3, WC, "");
	term_parse(buf, n, &a);
	term_decide(&rx, &a, true, &ti);
	assert_true(ti.bg_known);
	assert_int_equal(ti.bg.r, 255);
	rx.colorfgbg = "15;0";
	term_decide(&rx, &a, true, &ti);
	assert_true(ti.bg_known);
	assert_int_equal(ti.bg.r, 0);
	rx.colorfgbg = "default;default";
	term_decide(&rx, &a, true, &ti);
	assert_false(ti.bg_known);
	/* the terminal's own answer beats the variable */
	n = script(buf, sizeof buf, 3, WC, "\033]11;rgb:0000/0000/0000\033\\");
	term_parse(buf, n, &a);
	rx.colorfgbg = "0;15";
	term_decide(&rx, &a, true, &ti);
	assert_int_equal(ti.bg.r, 0);
	/* a garbled colour is no colour */
	n = script(buf, sizeof buf, 3, WC, "\033]11;rgb:zz/00/00\033\\");
	term_parse(buf, n, &a);
	assert_false(a.bg_known);
	assert_true(a.complete);
}

int
main(void)
{
	const struct CMUnitTest ts[] = {
		cmocka_unit_test(t_profiles),
		cmocka_unit_test(t_background),
		cmocka_unit_test(t_zwnj),
		cmocka_unit_test(t_graphics),
		cmocka_unit_test(t_locale_and_console),
		cmocka_unit_test(t_parse_noise),
		cmocka_unit_test(t_silent_pipe),
		cmocka_unit_test(t_silent_pty),
		cmocka_unit_test(t_answering_pipe),
	};
	return cmocka_run_group_tests(ts, NULL, NULL);
}
