/*
 * term.h - what terminal we are drawing on, and how it advances the cursor
 * over Devanagari (issue 3).
 *
 * At start-up, before curses takes the screen, pathak writes a few queries
 * on the line the cursor is on and reads the answers for at most a short
 * time (TERM_PROBE_MS):
 *
 *   CR CSI 6n                      where column 1 is (the base line)
 *   कि CSI 6n, CR क्ष CSI 6n,
 *   CR स्थि CSI 6n                  how far each test cluster advanced
 *   CR CSI K                       erase what we printed
 *   CSI >0q                        XTVERSION: the terminal's name, if it says
 *   CSI ?2027$p                    DECRQM for mode 2027 (grapheme clustering)
 *   OSC 11 ; ? ST                  the background colour (for the theme)
 *   CSI 6n                         a last position report: every terminal
 *                                  answers these in order, so once it is in,
 *                                  every answer that will come has come
 *
 * The I/O (term_probe_fd) is separate from the parsing (term_parse) and the
 * decisions (term_decide), which are pure functions, so that the tests can
 * feed scripted answers.  No curses here.
 */
#ifndef PATHAK_TERM_H
#define PATHAK_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "width.h"
#include "render.h"
#include "palette.h"

/** Total time the probe waits for a terminal to begin answering, in ms. */
#define TERM_PROBE_MS 150

/** Further time given to a terminal that has begun to answer but is slow. */
#define TERM_PROBE_MORE_MS 1000

/** The test clusters the probe prints, in order, and their advances under
 * the two models (glibc wcwidth, one column per legacy cluster). */
#define TERM_PROBE_N 3
extern const char *const term_probe_text[TERM_PROBE_N];
extern const int term_probe_wcwidth[TERM_PROBE_N];   /* 2 2 3 */
extern const int term_probe_cluster[TERM_PROBE_N];   /* 1 2 2 */
/** After the clusters the probe measures "a ZWNJ b": 2 columns, or 3 in a
 * terminal that gives ZWNJ a column (mlterm), which the halant modes
 * must then count (width_set_zwnj_cell()). */
extern const char term_probe_zwnj[];

/** Terminals we know something about. */
typedef enum {
	TERM_UNKNOWN = 0,
	TERM_XTERM,
	TERM_VTE,        /**< gnome-terminal, sakura, tilix, ... */
	TERM_KITTY,
	TERM_MLTERM,
	TERM_ALACRITTY,
	TERM_URXVT,
	TERM_ST,
	TERM_FOOT,
	TERM_WEZTERM,
	TERM_LINUX,      /**< the Linux console: no Devanagari glyphs at all */
	TERM_DUMB,
	TERM_KIND_MAX
} term_kind;

/** The environment variables that identify a terminal (NULL when unset). */
typedef struct term_env {
	const char *term;          /**< TERM */
	const char *term_program;  /**< TERM_PROGRAM */
	const char *vte_version;   /**< VTE_VERSION */
	const char *kitty;         /**< KITTY_WINDOW_ID */
	const char *mlterm;        /**< MLTERM */
	const char *alacritty;     /**< ALACRITTY_WINDOW_ID (or ALACRITTY_LOG) */
	const char *xterm_version; /**< XTERM_VERSION */
	const char *tmux;          /**< TMUX */
	/** Inside tmux, the terminal outside as tmux knows it: the formats
	 * `client_termname` (its TERM) and `client_termtype` (what it said
	 * of itself, e.g. "kitty(0.26.5)"); NULL when not asked or empty. */
	const char *outer_term;
	const char *outer_type;
	const char *colorfgbg;     /**< COLORFGBG ("fg;bg" palette indices, rxvt's) */
} term_env;

/**
 * Fill @p e from getenv(); inside tmux (TMUX set) also ask tmux for the
 * terminal outside (`tmux display-message -p`, at most about 300 ms; the
 * answers live in static storage until the next call).
 */
void term_env_get(term_env *e);

/** Most cursor position reports kept by term_parse(). */
#define TERM_CPR_MAX 8

/**
 * Graphics a terminal says it can draw, found by asking (never by name):
 * the kitty graphics protocol's query answered OK, or attribute 4 (sixel)
 * in its primary device attributes.  Inside tmux: none (tmux answers for
 * itself and passes no images by default).  Image mode (issue 11) is not
 * built yet: --probe reports this for now.
 */
typedef enum { TERM_GFX_NONE = 0, TERM_GFX_KITTY, TERM_GFX_SIXEL } term_gfx;

/** The answers to the probe, as parsed. */
typedef struct term_answers {
	int ncpr;                        /**< position reports seen */
	int cpr_row[TERM_CPR_MAX];
	int cpr_col[TERM_CPR_MAX];
	char xtversion[64];              /**< XTVERSION text, "" if none */
	int decrqm_2027;                 /**< DECRQM Ps for ?2027, -1 if no answer */
	bool bg_known;                   /**< the background colour was reported (OSC 11) */
	rgb bg;
	bool kitty_gfx;                  /**< the kitty graphics query was answered OK */
	bool da1;                        /**< the primary device attributes came */
	bool da1_sixel;                  /**< ... with attribute 4 (sixel graphics) */
	int cell_w, cell_h;              /**< cell size in pixels (CSI 16 t), 0 unknown */
	bool complete;                   /**< the final report came in */
} term_answers;

/** Position reports the full probe produces: base + clusters + ZWNJ + final. */
#define TERM_PROBE_CPRS (TERM_PROBE_N + 3)

/**
 * Parse the bytes @p buf[0..n) a terminal sent back.  Recognises cursor
 * position reports (ESC [ row ; col R), XTVERSION (DCS > | text ST),
 * DECRQM replies (CSI ? 2027 ; Ps $ y) and the background colour (OSC 11 ;
 * rgb:R/G/B, ended by ST or BEL), in 7-bit form; skips anything else
 * (typed keys, unknown replies).  A truncated answer at the end is ignored.
 * complete is set once TERM_PROBE_CPRS reports are in.
 */
void term_parse(const char *buf, size_t n, term_answers *a);

/**
 * The advance of probe cluster @p i (0-based; TERM_PROBE_N: the ZWNJ
 * probe) from parsed answers, in columns, or -1 if the reports for it are
 * missing.
 */
int term_advance(const term_answers *a, int i);

/** What we concluded. */
typedef struct term_info {
	term_kind kind;            /**< the terminal; inside tmux, the one outside it */
	bool in_tmux;              /**< TMUX is set: tmux answered the probe */
	const char *kind_why;      /**< how kind was found: "XTVERSION", "environment", ... */
	bool probed;               /**< the probe ran (a terminal, not dumb) */
	bool answered;             /**< at least the clusters were measured */
	int adv[TERM_PROBE_N];     /**< measured advances, -1 unknown */
	int zwnj_adv;              /**< measured advance of term_probe_zwnj, -1 unknown */
	bool zwnj_cell;            /**< ZWNJ takes a column (the cluster model counts it) */
	int decrqm_2027;           /**< -1 no answer, 0 not recognised, 1..4 set/reset */
	char xtversion[64];
	term_gfx gfx;              /**< the graphics the terminal said it draws */
	int cell_w, cell_h;        /**< its cell size in pixels, 0 unknown */
	bool bg_known;             /**< the background is known (OSC 11, or COLORFGBG) */
	rgb bg;
	const char *bg_why;        /**< "OSC 11" or "COLORFGBG" */
	width_model model;         /**< the advance model to lay out by */
	const char *model_why;     /**< "measured", "known terminal", "default" */
	bool utf8;                 /**< the locale's codeset is UTF-8 */
	render_mode mode;          /**< the render mode chosen */
	char mode_why[96];         /**< why that mode */
	render_mode text_mode;     /**< the text mode chosen (mode, unless that is image) */
} term_info;

/** A short name for @p k ("xterm", "VTE", ...). */
const char *term_kind_name(term_kind k);

/**
 * Decide everything from the environment @p e, the parsed answers @p a
 * (NULL when the probe did not run) and whether the locale is UTF-8.
 * Pure: no I/O.
 */
void term_decide(const term_env *e, const term_answers *a, bool utf8, term_info *out);

/**
 * Print the table term_decide() chooses the render mode by: one row per
 * kind of terminal, with the mode and why, as text or (@p man) as the
 * manual's troff (--help-terminals).
 */
void term_mode_table(FILE *f, bool man);

/**
 * Write the probe to @p out_fd and read answers from @p in_fd until the last
 * report arrives or @p timeout_ms pass, whichever is first (a terminal
 * that has sent part of its answers by then gets TERM_PROBE_MORE_MS more).  If @p in_fd is a
 * terminal it is put in non-canonical, no-echo mode for the duration and
 * restored.  Never blocks longer than the timeout, even on a terminal (or
 * pipe) that never answers.
 * With @p gfx the kitty graphics query (an APC string) goes too: not to
 * tmux or screen, which take an APC string for a window title.
 * @return 0 if answers were parsed into @p a (possibly incomplete), -1 on
 *         an I/O error.
 */
int term_probe_fd(int in_fd, int out_fd, int timeout_ms, bool gfx, term_answers *a);

/**
 * The whole start-up step: identify the terminal, and if standard output
 * is a terminal (and TERM is not dumb) probe it through standard input or
 * /dev/tty.  Fills @p out.
 */
void term_detect(bool utf8, term_info *out);

/**
 * The --probe check: on the terminal at @p in_fd / @p out_fd, draw a test
 * line of Devanagari followed by '|' in render mode @p mode the way pathak
 * draws under model @p m (wcwidth: the clusters written in sequence, as
 * curses does; cluster: each cluster at its own column by cursor
 * addressing), then ask where the cursor is.  @p want receives the column
 * (1-based) the layout says, @p got the one reported (-1 if no answer).
 * Leaves the test line on screen and the cursor on the next line.
 * @return 0 if the check ran, -1 on an I/O or layout failure.
 */
int term_check_line(int in_fd, int out_fd, width_model m, render_mode mode,
                    int timeout_ms, int *want, int *got);

/** The test line term_check_line() draws (logical order). */
extern const char term_check_text[];

/**
 * Write the raw bytes @p s (at most @p n) to the terminal, bypassing stdio.
 * Used by the drawing that curses cannot do.  @return 0 or -1.
 */
int term_write(int fd, const char *s, size_t n);

#endif
