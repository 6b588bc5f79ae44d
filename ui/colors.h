/*
 * colors.h - every colour and attribute pathak draws with, in one table.
 * A new kind of highlight is one row here.  NO_COLOR (https://no-color.org)
 * and monochrome terminals get attributes only.
 *
 * Themes: on a terminal of 256 colours or more whose background is known
 * (it answered OSC 11 at start-up, term.h) or named (--theme), the dark or
 * light palette is used, every text colour fitted to the background so
 * that its contrast ratio is at least PALETTE_MIN_CONTRAST (palette.h).
 * With 8 or 16 colours, a dark background gets the basic eight; a light
 * one, or one not known (no text colour reads at 4.5:1 on both black and
 * white), gets colour only where pathak sets both colours (status line,
 * highlights), and bold/underline/reverse elsewhere.
 */
#ifndef PATHAK_COLORS_H
#define PATHAK_COLORS_H

#include <curses.h>
#include <stdbool.h>
#include "palette.h"

typedef enum {
	ROLE_TEXT = 0,
	ROLE_TITLE,
	ROLE_META,
	ROLE_DATELINE,
	ROLE_CAPTION,
	ROLE_BYLINE,
	ROLE_CONTROL,     /* a control character shown as a symbol */
	ROLE_STATUS,
	ROLE_HELP,
	ROLE_QUOTE,       /* a quotation in the text */
	ROLE_QUOTE_CUR,   /* the quotation jumped to */
	ROLE_SPEAKER,     /* the speaker's mention */
	ROLE_ENT_PER,     /* a person in the entity pane */
	ROLE_ENT_LOC,     /* a place */
	ROLE_ENT_ORG,     /* an organisation */
	ROLE_MENTION,     /* a mention of the selected entity in the text */
	ROLE_MENTION_CUR, /* the mention jumped to (n, N) */
	ROLE_PANE_SEL,    /* the selection bar of the entity pane */
	ROLE_MATCH,       /* a search match */
	ROLE_MATCH_CUR,   /* the match jumped to (n, N) */
	ROLE_MAX
} color_role;

/** --theme: auto (from the background the terminal reports), or forced. */
typedef enum {
	THEME_AUTO = 0,
	THEME_DARK,
	THEME_LIGHT,
	THEME_MONO,
	THEME_UNKNOWN,   /* auto with no background known (not for --theme) */
} color_theme;

/** What a role is drawn with: colour indices (-1: the terminal's default)
 * and attributes. */
typedef struct color_plan {
	short fg, bg;
	attr_t attr;
	bool colour;     /* fg/bg are used (a colour pair) */
} color_plan;

/** The theme @p t with background @p bg (NULL when unknown) comes to:
 * THEME_AUTO resolves to dark or light by the background's luminance, or
 * to THEME_UNKNOWN. */
color_theme colors_resolve(color_theme t, const rgb *bg);

/** The name of a theme ("dark", "light", "mono", "unknown"). */
const char *colors_theme_name(color_theme t);

/**
 * Plan every role for theme @p t (resolved) on a terminal of @p ncolors
 * colours with background @p bg (NULL: unknown; the theme's own black or
 * white is assumed).  Pure: the tests check it without a terminal.
 */
void colors_plan(color_theme t, const rgb *bg, int ncolors, color_plan out[ROLE_MAX]);

/** Set up colour pairs; call after initscr().  @p t and @p bg as for
 * colors_resolve(); NO_COLOR (set and not empty) means mono. */
void colors_init(color_theme t, const rgb *bg);

/** The curses attributes (pair included) for drawing in @p role. */
attr_t colors_attr(color_role role);

/**
 * What curses attributes @p a (colour pair included) look like as pixels
 * (image mode draws text itself): ink and paper, where the terminal's own
 * colours are @p ink on @p back; reverse video swaps them, dim ink is
 * mixed toward the paper; @p under says it is underlined, @p bold bold.
 * Call after colors_init().
 */
void colors_rgb_attr(attr_t a, rgb back, rgb ink, rgb *fg, rgb *bg, bool *under, bool *bold);

/** The colour pair number for @p role (0 when it has no colour). */
short colors_pair(color_role role);

#endif
