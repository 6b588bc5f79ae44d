/* term.c - identify the terminal and measure its cursor advance (no curses). */
#include "config.h"

#include "term.h"
#include "utf8.h"
#include "layout.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

const char *const term_probe_text[TERM_PROBE_N] = {
	"\xe0\xa4\x95\xe0\xa4\xbf",                          /* कि */
	"\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",              /* क्ष */
	"\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa5\xe0\xa4\xbf",  /* स्थि */
};
const int term_probe_wcwidth[TERM_PROBE_N] = { 2, 2, 3 };
const int term_probe_cluster[TERM_PROBE_N] = { 1, 2, 2 };
const char term_probe_zwnj[] = "a\xe2\x80\x8c" "b";  /* a ZWNJ b */

static const char *const kind_names[TERM_KIND_MAX] = {
	[TERM_UNKNOWN] = "unknown",
	[TERM_XTERM] = "xterm",
	[TERM_VTE] = "VTE",
	[TERM_KITTY] = "kitty",
	[TERM_MLTERM] = "mlterm",
	[TERM_ALACRITTY] = "alacritty",
	[TERM_URXVT] = "urxvt",
	[TERM_ST] = "st",
	[TERM_FOOT] = "foot",
	[TERM_WEZTERM] = "WezTerm",
	[TERM_LINUX] = "Linux console",
	[TERM_DUMB] = "dumb",
};

const char *
term_kind_name(term_kind k)
{
	return k >= 0 && k < TERM_KIND_MAX ? kind_names[k] : "?";
}

static const char *
env_or_null(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static long now_ms(void);

/* Inside tmux the probe reaches tmux, not the terminal outside, and TERM is
 * tmux's own: ask tmux what the outside terminal is (its formats
 * client_termname and client_termtype).  Never waits long: a tmux that does
 * not answer within TMUX_ASK_MS leaves them unknown. */
#define TMUX_ASK_MS 300

static void
tmux_outer(term_env *e)
{
	static char out[256];
	char *argv[] = { "tmux", "display-message", "-p",
	                 "#{client_termname}\t#{client_termtype}", NULL };
	int pfd[2];
	pid_t pid;
	posix_spawn_file_actions_t fa;
	size_t n = 0;

	out[0] = 0;
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	int rc = posix_spawnp(&pid, "tmux", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	if (rc != 0) {
		close(pfd[0]);
		return;
	}
	long deadline = now_ms() + TMUX_ASK_MS;
	for (;;) {
		long left = deadline - now_ms();
		struct pollfd pf = { .fd = pfd[0], .events = POLLIN };
		if (left <= 0 || n + 1 >= sizeof out)
			break;
		int r = poll(&pf, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		ssize_t k = read(pfd[0], out + n, sizeof out - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	close(pfd[0]);
	if (waitpid(pid, NULL, WNOHANG) == 0) {
		kill(pid, SIGKILL);  /* it did not answer in time */
		waitpid(pid, NULL, 0);
	}
	out[n] = 0;
	/* "name<TAB>type<LF>": printable ASCII only, or nothing */
	char *nl = strchr(out, '\n');
	if (nl)
		*nl = 0;
	char *tab = strchr(out, '\t');
	if (!nl || !tab)
		return;
	*tab = 0;
	for (char *c = out; *c; c++)
		if (*c < 0x20 || *c > 0x7e)
			*c = '?';
	for (char *c = tab + 1; *c; c++)
		if (*c < 0x20 || *c > 0x7e)
			*c = '?';
	e->outer_term = out[0] ? out : NULL;
	e->outer_type = tab[1] ? tab + 1 : NULL;
}

void
term_env_get(term_env *e)
{
	e->term = env_or_null("TERM");
	e->term_program = env_or_null("TERM_PROGRAM");
	e->vte_version = env_or_null("VTE_VERSION");
	e->kitty = env_or_null("KITTY_WINDOW_ID");
	e->mlterm = env_or_null("MLTERM");
	e->alacritty = env_or_null("ALACRITTY_WINDOW_ID");
	if (!e->alacritty)
		e->alacritty = env_or_null("ALACRITTY_LOG");
	e->xterm_version = env_or_null("XTERM_VERSION");
	e->tmux = env_or_null("TMUX");
	e->colorfgbg = env_or_null("COLORFGBG");
	e->outer_term = e->outer_type = NULL;
	if (e->tmux)
		tmux_outer(e);
}

/* ---------------------------------------------------------------- parsing */

/* Parse one CSI sequence at buf[i] (just after ESC [).  Returns the index
 * after it, or 0 if it is truncated. */
static size_t
parse_csi(const char *buf, size_t n, size_t i, term_answers *a)
{
	int par[4] = { 0, 0, 0, 0 }, np = 0;
	long cur = 0;        /* the parameter being read (any position) */
	bool have = false, saw4 = false;
	char priv = 0, inter = 0;

	if (i < n && (buf[i] == '?' || buf[i] == '>' || buf[i] == '<' || buf[i] == '='))
		priv = buf[i++];
	for (; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c >= '0' && c <= '9') {
			if (np < 4 && par[np] < 100000)
				par[np] = par[np] * 10 + (c - '0');
			if (cur < 100000)
				cur = cur * 10 + (c - '0');
			have = true;
		} else if (c == ';') {
			saw4 |= np > 0 && cur == 4;  /* an attribute, not the class */
			cur = 0;
			if (np < 4)
				np++;
		} else if (c >= 0x20 && c <= 0x2F) {
			inter = (char)c;
		} else if (c >= 0x40 && c <= 0x7E) {
			int count = np + (have || np ? 1 : 0);
			if (c == 'R' && !priv && !inter && count == 2) {
				if (a->ncpr < TERM_CPR_MAX) {
					a->cpr_row[a->ncpr] = par[0];
					a->cpr_col[a->ncpr] = par[1];
				}
				a->ncpr++;
				if (a->ncpr >= TERM_PROBE_CPRS)
					a->complete = true;
			} else if (c == 'y' && priv == '?' && inter == '$' && count == 2 &&
			           par[0] == 2027) {
				a->decrqm_2027 = par[1];
			} else if (c == 'c' && priv == '?' && !inter) {
				/* DA1: ? class ; attributes..., 4 is sixel (not the class) */
				a->da1 = true;
				a->da1_sixel = saw4 || (np > 0 && cur == 4);
			} else if (c == 't' && !priv && !inter && count == 3 && par[0] == 6) {
				a->cell_h = par[1];
				a->cell_w = par[2];
			}
			return i + 1;
		} else {
			return i + 1;  /* not a CSI after all: skip the byte */
		}
	}
	return 0;
}

/* Parse a DCS string at buf[i] (just after ESC P) up to ST. */
static size_t
parse_dcs(const char *buf, size_t n, size_t i, term_answers *a)
{
	for (size_t j = i; j + 1 < n; j++) {
		if (buf[j] == 0x1b && buf[j + 1] == '\\') {
			if (j - i >= 2 && buf[i] == '>' && buf[i + 1] == '|') {
				size_t len = j - i - 2;
				if (len >= sizeof a->xtversion)
					len = sizeof a->xtversion - 1;
				memcpy(a->xtversion, buf + i + 2, len);
				a->xtversion[len] = 0;
			}
			return j + 2;
		}
	}
	return 0;
}

/* Parse an APC string at buf[i] (just after ESC _) up to ST: the kitty
 * graphics protocol answers its query with G...;OK. */
static size_t
parse_apc(const char *buf, size_t n, size_t i, term_answers *a)
{
	for (size_t j = i; j + 1 < n; j++) {
		if (buf[j] == 0x1b && buf[j + 1] == '\\') {
			if (j - i >= 4 && buf[i] == 'G' && !memcmp(buf + j - 3, ";OK", 3))
				a->kitty_gfx = true;
			return j + 2;
		}
	}
	return 0;
}

/* Parse an OSC string at buf[i] (just after ESC ]) up to ST or BEL: the
 * answer to OSC 11 ; ? is the background colour. */
static size_t
parse_osc(const char *buf, size_t n, size_t i, term_answers *a)
{
	for (size_t j = i; j < n; j++) {
		size_t end = 0;
		if (buf[j] == 0x07)
			end = j + 1;
		else if (buf[j] == 0x1b && j + 1 < n && buf[j + 1] == '\\')
			end = j + 2;
		else if (buf[j] == 0x1b && j + 1 >= n)
			return 0;
		if (!end)
			continue;
		char v[64];
		if (j - i > 3 && j - i - 3 < sizeof v && !memcmp(buf + i, "11;", 3)) {
			memcpy(v, buf + i + 3, j - i - 3);
			v[j - i - 3] = 0;
			a->bg_known = palette_parse_xcolor(v, &a->bg);
		}
		return end;
	}
	return 0;
}

void
term_parse(const char *buf, size_t n, term_answers *a)
{
	memset(a, 0, sizeof *a);
	a->decrqm_2027 = -1;
	for (size_t i = 0; i < n;) {
		if (buf[i] != 0x1b || i + 1 >= n) {
			i++;    /* a typed key, or stray bytes */
			continue;
		}
		size_t nx = 0;
		if (buf[i + 1] == '[')
			nx = parse_csi(buf, n, i + 2, a);
		else if (buf[i + 1] == 'P')
			nx = parse_dcs(buf, n, i + 2, a);
		else if (buf[i + 1] == ']')
			nx = parse_osc(buf, n, i + 2, a);
		else if (buf[i + 1] == '_')
			nx = parse_apc(buf, n, i + 2, a);
		else
			nx = i + 2;
		if (nx == 0)
			break;  /* truncated: the rest has not arrived */
		i = nx;
	}
}

int
term_advance(const term_answers *a, int i)
{
	/* report 0 is the base (after CR), report i+1 follows cluster i */
	if (i < 0 || i > TERM_PROBE_N || a->ncpr < i + 2 || i + 1 >= TERM_CPR_MAX)
		return -1;
	return a->cpr_col[i + 1] - a->cpr_col[0];
}

/* ---------------------------------------------------------------- decisions */

static bool
prefix(const char *s, const char *p)
{
	return s && strncmp(s, p, strlen(p)) == 0;
}

static term_kind
kind_from_env(const term_env *e)
{
	if (e->kitty || (e->term && strcmp(e->term, "xterm-kitty") == 0))
		return TERM_KITTY;
	if (e->mlterm || prefix(e->term, "mlterm"))
		return TERM_MLTERM;
	if (e->vte_version)
		return TERM_VTE;
	if (e->alacritty || prefix(e->term, "alacritty"))
		return TERM_ALACRITTY;
	if (e->term_program && strcmp(e->term_program, "WezTerm") == 0)
		return TERM_WEZTERM;
	if (prefix(e->term, "foot"))
		return TERM_FOOT;
	if (prefix(e->term, "rxvt"))
		return TERM_URXVT;
	if (prefix(e->term, "st-") || (e->term && strcmp(e->term, "st") == 0))
		return TERM_ST;
	if (prefix(e->term, "linux"))
		return TERM_LINUX;
	if (e->term && strcmp(e->term, "dumb") == 0)
		return TERM_DUMB;
	if (e->xterm_version)
		return TERM_XTERM;
	return TERM_UNKNOWN;
}

/* XTVERSION names the terminal better than the environment (which a
 * terminal started from another may have inherited). */
static term_kind
kind_from_xtversion(const char *v, bool *tmux)
{
	if (prefix(v, "tmux"))
		*tmux = true;
	else if (prefix(v, "XTerm("))
		return TERM_XTERM;
	else if (prefix(v, "kitty"))
		return TERM_KITTY;
	else if (prefix(v, "foot"))
		return TERM_FOOT;
	else if (prefix(v, "WezTerm"))
		return TERM_WEZTERM;
	else if (prefix(v, "VTE"))
		return TERM_VTE;
	return TERM_UNKNOWN;
}

/* Terminals that advance the cursor one column per legacy cluster (the
 * README's table).  foot is not one: measured, it advances by wcwidth. */
static bool
is_cluster_terminal(term_kind k)
{
	return k == TERM_KITTY || k == TERM_MLTERM;
}

/* The terminal outside tmux: what it said of itself through tmux
 * (client_termtype), else its TERM (client_termname) or the variables it
 * set that tmux passed on. */
static term_kind
outer_kind(const term_env *e, const char **why)
{
	bool dummy = false;
	term_kind k = e->outer_type ? kind_from_xtversion(e->outer_type, &dummy) : TERM_UNKNOWN;
	if (k == TERM_UNKNOWN && prefix(e->outer_type, "mlterm"))
		k = TERM_MLTERM;
	if (k != TERM_UNKNOWN) {
		*why = "tmux's client_termtype";
		return k;
	}
	term_env by_name = { .term = e->outer_term };
	if (e->outer_term && (k = kind_from_env(&by_name)) != TERM_UNKNOWN) {
		*why = "tmux's client_termname";
		return k;
	}
	term_env vars = *e;
	vars.term = NULL;  /* tmux's own */
	if ((k = kind_from_env(&vars)) != TERM_UNKNOWN)
		*why = "variables from outside tmux";
	return k;
}

static bool
matches(const int *adv, const int *want)
{
	for (int i = 0; i < TERM_PROBE_N; i++)
		if (adv[i] != want[i])
			return false;
	return true;
}

/* The render mode for each terminal, first match wins.  This table is
 * also the manual's (term_mode_table(), tests/manmodes.sh), so that what
 * the manual promises is what the code does.  Each row was chosen from
 * screenshots of the seed in that terminal (../shared/tools/render). */
static bool f_ascii(const term_info *t) { return !t->utf8; }
static bool f_linux(const term_info *t) { return t->kind == TERM_LINUX; }
static bool f_dumb(const term_info *t) { return t->kind == TERM_DUMB; }
/* tmux keeps its grid by wcwidth and redraws it on a terminal that advances
 * per cluster: the two disagree wherever a cluster's widths differ, and
 * rows tear; romanized text has widths both agree on */
static bool f_tmux_cluster(const term_info *t) { return t->in_tmux && is_cluster_terminal(t->kind); }
static bool f_vte(const term_info *t) { return t->kind == TERM_VTE; }
static bool f_wezterm(const term_info *t) { return t->kind == TERM_WEZTERM; }
static bool
f_cluster(const term_info *t)
{
	return is_cluster_terminal(t->kind) && t->model == WIDTH_CLUSTER;
}
/* whatever the order, they lose े ं ु ू (and xterm draws क like व) */
static bool
f_marks(const term_info *t)
{
	/* and foot (1.13) drops letters before a spacing vowel sign */
	return t->kind == TERM_XTERM || t->kind == TERM_ST || t->kind == TERM_FOOT;
}
/* it answered the kitty graphics query or DA1 with sixel (never inside
 * tmux, term_decide() leaves gfx unset there) */
static bool
f_gfx(const term_info *t)
{
#ifdef HAVE_HARFBUZZ
	return t->gfx != TERM_GFX_NONE;
#else
	(void)t;
	return false;  /* built without HarfBuzz: no pictures */
#endif
}
static bool f_known(const term_info *t) { return t->kind != TERM_UNKNOWN; }
static bool f_unknown_cluster(const term_info *t) { return t->model == WIDTH_CLUSTER; }
/* the terminal outside may reorder itself (VTE): reordering again would
 * undo it, so the logical order; r changes it */
static bool f_tmux(const term_info *t) { return t->in_tmux; }
static bool f_any(const term_info *t) { (void)t; return true; }

static const struct mode_rule {
	bool (*fits)(const term_info *t);
	const char *who;     /* the row of the manual's table */
	const char *label;   /* how --probe names it (NULL: the terminal's name) */
	const char *label_sep;
	render_mode mode;
	const char *why;
} mode_rules[] = {
	{ f_ascii, "a locale that is not UTF-8", "", "", RENDER_LATIN,
	  "the locale is not UTF-8: ASCII only" },
	{ f_linux, "the Linux console", "", "", RENDER_LATIN,
	  "the Linux console has no Devanagari glyphs" },
	{ f_dumb, "TERM=dumb", "", "", RENDER_LATIN, "TERM=dumb" },
	{ f_tmux_cluster, "kitty or mlterm, inside tmux", "tmux", ": ", RENDER_LATIN,
	  "tmux lays out by wcwidth, the terminal outside by cluster: romanized, "
	  "on which they agree" },
	{ f_vte, "VTE (GNOME Terminal, sakura, tilix)", NULL, ": ", RENDER_SHAPED,
	  "reorders the vowel sign itself" },
	{ f_wezterm, "WezTerm", NULL, ": ", RENDER_SHAPED, "shapes Devanagari" },
	{ f_gfx, "a terminal that draws pictures (kitty, foot, mlterm, xterm -ti vt340)", NULL,
	  ": ", RENDER_IMAGE, "answered for kitty graphics or sixel: lines shaped as pictures" },
	{ f_cluster, "kitty, mlterm (advancing per cluster)", NULL, ": ", RENDER_SHAPED,
	  "draws a cluster in its own cells (mlterm -otl shapes it)" },
	{ f_marks, "xterm, st, foot", NULL, ": ", RENDER_INTERLINEAR,
	  "drops vowel signs, nasal marks or letters: each line romanized under it" },
	{ f_known, "alacritty, urxvt", NULL, ": ", RENDER_REORDER,
	  "neither shapes nor reorders" },
	{ f_unknown_cluster, "another terminal advancing per cluster", "a cluster-model terminal",
	  ": ", RENDER_SHAPED, "draws a cluster in its own cells" },
	{ f_tmux, "tmux, the terminal outside unknown", "tmux", ": ", RENDER_SHAPED,
	  "the terminal outside is unknown: logical order (r to reorder)" },
	{ f_any, "any other terminal", "an unknown terminal", ": ", RENDER_REORDER,
	  "most terminals neither shape nor reorder" },
};

void
term_decide(const term_env *e, const term_answers *a, bool utf8, term_info *out)
{
	memset(out, 0, sizeof *out);
	out->utf8 = utf8;
	out->in_tmux = e->tmux != NULL;
	out->kind_why = "environment";
	if (out->in_tmux)
		out->kind = outer_kind(e, &out->kind_why);
	else
		out->kind = kind_from_env(e);
	out->decrqm_2027 = -1;
	for (int i = 0; i < TERM_PROBE_N; i++)
		out->adv[i] = -1;
	out->zwnj_adv = -1;
	if (a) {
		out->probed = true;
		out->decrqm_2027 = a->decrqm_2027;
		snprintf(out->xtversion, sizeof out->xtversion, "%s", a->xtversion);
		out->bg_known = a->bg_known;
		out->bg = a->bg;
		out->cell_w = a->cell_w;
		out->cell_h = a->cell_h;
		out->bg_why = "OSC 11";
		if (a->xtversion[0]) {
			term_kind k = kind_from_xtversion(a->xtversion, &out->in_tmux);
			if (k != TERM_UNKNOWN) {
				out->kind = k;
				out->kind_why = "XTVERSION";
			}
		}
		out->answered = true;
		for (int i = 0; i < TERM_PROBE_N; i++) {
			out->adv[i] = term_advance(a, i);
			if (out->adv[i] < 0)
				out->answered = false;
		}
		out->zwnj_adv = term_advance(a, TERM_PROBE_N);
	}

	/* Graphics, as the terminal answered: tmux answers the queries
	 * itself and passes no image through by default. */
	if (a && !out->in_tmux)
		out->gfx = a->kitty_gfx ? TERM_GFX_KITTY : a->da1_sixel ? TERM_GFX_SIXEL : TERM_GFX_NONE;

	/* A terminal that does not answer OSC 11 may say its colours in
	 * COLORFGBG (rxvt's convention: "fg;bg" or "fg;xpm;bg", palette
	 * indices); "default" says nothing. */
	if (!out->bg_known && e->colorfgbg) {
		const char *b = strrchr(e->colorfgbg, ';');
		char *end;
		long i = b ? strtol(b + 1, &end, 10) : -1;
		if (b && end != b + 1 && !*end && i >= 0 && i <= 15) {
			out->bg = palette_xterm((int)i);
			out->bg_known = true;
			out->bg_why = "COLORFGBG";
		}
	}

	/* The advance model: measured beats the table, but only a measurement
	 * that fits one of the two models: in a window a few columns wide the
	 * cursor wraps or sticks at the margin and the numbers mean nothing. */
	if (out->answered && matches(out->adv, term_probe_wcwidth)) {
		out->model = WIDTH_WCWIDTH;
		out->model_why = "measured";
	} else if (out->answered && matches(out->adv, term_probe_cluster)) {
		out->model = WIDTH_CLUSTER;
		out->model_why = "measured";
	} else if (out->in_tmux) {
		out->model = WIDTH_WCWIDTH;   /* tmux counts by wcwidth toward us */
		out->model_why = "tmux";
	} else if (is_cluster_terminal(out->kind)) {
		out->model = WIDTH_CLUSTER;
		out->model_why = "known terminal";
	} else {
		out->model = WIDTH_WCWIDTH;
		out->model_why = "default";
	}

	/* Measured in mlterm (render-shot, ESC[6n): "a ZWNJ b" advances 3 and
	 * क् ZWNJ ख 3, where kitty and the wcwidth terminals advance 2 and 2;
	 * a terminal that did not answer is taken by name. */
	out->zwnj_cell = out->zwnj_adv >= 0 ? out->zwnj_adv == 3
	                                    : out->kind == TERM_MLTERM && !out->in_tmux;

	/* The render mode: the first rule of the table that fits; the text
	 * mode, the first that fits and is not image (its stand-in where no
	 * picture can be drawn after all, and the mode of the text around
	 * the pictures: the status line, the pane). */
	bool found = false;
	for (size_t r = 0; r < sizeof mode_rules / sizeof *mode_rules; r++) {
		const struct mode_rule *R = &mode_rules[r];
		if (!R->fits(out))
			continue;
		if (!found) {
			out->mode = R->mode;
			snprintf(out->mode_why, sizeof out->mode_why, "%s%s%s",
			         R->label ? R->label : term_kind_name(out->kind), R->label_sep, R->why);
			found = true;
		}
		if (R->mode != RENDER_IMAGE) {
			out->text_mode = R->mode;
			break;
		}
	}
}

void
term_mode_table(FILE *f, bool man)
{
	for (size_t r = 0; r < sizeof mode_rules / sizeof *mode_rules; r++) {
		const struct mode_rule *R = &mode_rules[r];
		if (man)
			fprintf(f, ".TP\n%s\n.B %s\n\\(em %s\n", R->who, render_mode_name(R->mode),
			        R->why);
		else
			fprintf(f, "%-40s %-12s %s\n", R->who, render_mode_name(R->mode), R->why);
	}
}

/* ---------------------------------------------------------------- I/O */

int
term_write(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read answers into buf after its first n bytes until `need` position
 * reports or the deadline; returns the bytes now in buf. */
static size_t
read_answers(int in_fd, long deadline, char *buf, size_t cap, size_t n, int need,
             term_answers *a)
{
	for (;;) {
		long left = deadline - now_ms();
		if (left <= 0 || n == cap)
			break;
		struct pollfd pf = { .fd = in_fd, .events = POLLIN };
		int r = poll(&pf, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		ssize_t k = read(in_fd, buf + n, cap - n);
		if (k < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (k <= 0)
			break;  /* EOF: nobody will answer */
		n += (size_t)k;
		term_parse(buf, n, a);
		if (a->ncpr >= need)
			break;
	}
	return n;
}

int
term_probe_fd(int in_fd, int out_fd, int timeout_ms, bool gfx, term_answers *a)
{
	char q[256], buf[1024];
	size_t qn = 0;
	struct termios saved, raw;
	bool tty = isatty(in_fd) && tcgetattr(in_fd, &saved) == 0;
	long deadline = now_ms() + timeout_ms;
	int rc = 0;

	term_parse("", 0, a);
	/* base report, then each cluster from column 1 */
	qn += (size_t)snprintf(q + qn, sizeof q - qn, "\r\033[6n");
	for (int i = 0; i < TERM_PROBE_N; i++)
		qn += (size_t)snprintf(q + qn, sizeof q - qn, "\r%s\033[6n", term_probe_text[i]);
	qn += (size_t)snprintf(q + qn, sizeof q - qn, "\r%s\033[6n", term_probe_zwnj);
	/* erase what we printed; ask the name, mode 2027 and the background;
	 * the last report */
	/* and what graphics it draws (the kitty query, the cell size in
	 * pixels, DA1 with its sixel attribute), for image mode */
	qn += (size_t)snprintf(q + qn, sizeof q - qn,
	                       "\r\033[K\033[>0q\033[?2027$p\033]11;?\033\\%s\033[16t\033[c\033[6n",
	                       gfx ? "\033_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\033\\" : "");

	if (tty) {
		raw = saved;
		raw.c_lflag &= (tcflag_t)~(ICANON | ECHO);
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 0;
		tcsetattr(in_fd, TCSANOW, &raw);
	}
	if (term_write(out_fd, q, qn) < 0) {
		rc = -1;
	} else {
		size_t n = read_answers(in_fd, deadline, buf, sizeof buf, 0, TERM_PROBE_CPRS, a);
		/* A terminal that has begun to answer will finish (the last report
		 * is answered by all): give a slow one a little longer rather than
		 * leave its late answers to arrive as keys. */
		if (n > 0 && !a->complete)
			read_answers(in_fd, now_ms() + TERM_PROBE_MORE_MS, buf, sizeof buf, n,
			             TERM_PROBE_CPRS, a);
	}
	if (tty)
		tcsetattr(in_fd, TCSANOW, &saved);
	return rc;
}

void
term_detect(bool utf8, term_info *out)
{
	term_env e;
	term_answers a;
	int in_fd = -1;
	bool opened = false;

	term_env_get(&e);
	/* Only where it is safe and useful: a terminal on stdout, not dumb, and
	 * UTF-8 (the probe prints Devanagari; elsewhere pathak is ASCII only). */
	if (!utf8 || !e.term || strcmp(e.term, "dumb") == 0 || prefix(e.term, "linux") ||
	    !isatty(STDOUT_FILENO)) {
		term_decide(&e, NULL, utf8, out);
		return;
	}
	/* The test clusters need a few columns to advance in. */
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_col < 8) {
		term_decide(&e, NULL, utf8, out);
		return;
	}
	if (isatty(STDIN_FILENO)) {
		in_fd = STDIN_FILENO;
	} else {
		in_fd = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
		opened = in_fd >= 0;
	}
	/* tmux and screen take an APC string for the title: no kitty query */
	bool gfx = !e.tmux && !prefix(e.term, "screen") && !prefix(e.term, "tmux");
	if (in_fd < 0 || term_probe_fd(in_fd, STDOUT_FILENO, TERM_PROBE_MS, gfx, &a) < 0) {
		term_decide(&e, NULL, utf8, out);
	} else {
		term_decide(&e, &a, utf8, out);
	}
	if (opened)
		close(in_fd);
}

/* ---------------------------------------------------------------- --probe check */

const char term_check_text[] =
	"\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xa4\xe0\xa4\xbf\xe0\xa4\xa8"
	"\xe0\xa4\xbf\xe0\xa4\xa7\xe0\xa4\xbf\xe0\xa4\xae\xe0\xa4\x82\xe0\xa4\xa1"
	"\xe0\xa4\xb2 "                                           /* प्रतिनिधिमंडल */
	"\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa5\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xbf "
	                                                             /* स्थिति */
	"\xe0\xa4\x95\xe0\xa4\xbf \xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7 "  /* कि क्ष */
	"\xe0\xa4\xb8\xe0\xa4\xbe\xe0\xa4\x81\xe0\xa4\xb8|";   /* साँस| */

struct check_ctx {
	const char *s;
	width_model m;
	render_mode mode;
	int row, x;
	char *out;
	size_t n, cap;
};

static int
check_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct check_ctx *c = ctx;
	uint32_t cps[RENDER_DISPLAY_MAX];
	size_t n = render_display(c->mode, c->s, cs, ce, cps);

	if (c->cap - c->n < 32 + 4 * n)
		return 1;
	if (c->m == WIDTH_CLUSTER)
		c->n += (size_t)snprintf(c->out + c->n, c->cap - c->n, "\033[%d;%dH", c->row, c->x + 1);
	for (size_t i = 0; i < n; i++)
		c->n += pk_utf8_put(c->out + c->n, cps[i]);
	c->x += w;
	return 0;
}

/* Write q and read one position report (the first one to arrive). */
static bool
ask_cpr(int in_fd, int out_fd, const char *q, size_t qn, int timeout_ms, int *row, int *col)
{
	char buf[256];
	term_answers a;
	if (term_write(out_fd, q, qn) < 0)
		return false;
	term_parse("", 0, &a);
	read_answers(in_fd, now_ms() + timeout_ms, buf, sizeof buf, 0, 1, &a);
	if (a.ncpr < 1)
		return false;
	*row = a.cpr_row[0];
	*col = a.cpr_col[0];
	return true;
}

int
term_check_line(int in_fd, int out_fd, width_model m, render_mode mode,
                int timeout_ms, int *want, int *got)
{
	struct termios saved, raw;
	bool tty = isatty(in_fd) && tcgetattr(in_fd, &saved) == 0;
	char out[2048];
	struct check_ctx c = { term_check_text, m, render_mode_roman(mode) ? RENDER_SHAPED : mode,
	                       0, 0, out, 0, sizeof out };
	layout *lay = layout_new(m);
	int row, col, rc = -1;

	*want = *got = -1;
	if (!lay)
		return -1;
	if (tty) {
		raw = saved;
		raw.c_lflag &= (tcflag_t)~(ICANON | ECHO);
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 0;
		tcsetattr(in_fd, TCSANOW, &raw);
	}
	if (!ask_cpr(in_fd, out_fd, "\r\033[6n", 5, timeout_ms, &row, &col))
		goto out;
	c.row = row;
	c.x = col - 1;
	if (layout_clusters(lay, term_check_text, 0, strlen(term_check_text), check_cluster, &c) != 0)
		goto out;
	*want = c.x + 1;
	memcpy(out + c.n, "\033[6n", 4);
	if (ask_cpr(in_fd, out_fd, out, c.n + 4, timeout_ms, &row, &col))
		*got = col;
	term_write(out_fd, "\r\n", 2);
	rc = 0;
out:
	if (tty)
		tcsetattr(in_fd, TCSANOW, &saved);
	layout_free(lay);
	return rc;
}
