/* colors.c - the colour table. */
#include "config.h"

#include "colors.h"

#include <stdlib.h>

#define NONE { 0, 0, 0 }
/* Per role: the basic eight (fg, bg; -1 the terminal's default) as on any
 * colour terminal; the 256-colour palettes, dark and light (has_fg: a
 * colour of its own; has_bg: one background for both themes, a highlight);
 * attributes with colour; attributes without. */
static const struct {
	short fg, bg;
	bool has_fg, has_bg;
	rgb dark, light, back;
	attr_t attr, mono;
} table[ROLE_MAX] = {
	[ROLE_TEXT]      = { -1, -1, false, false, NONE, NONE, NONE, A_NORMAL, A_NORMAL },
	[ROLE_TITLE]     = { -1, -1, false, false, NONE, NONE, NONE, A_BOLD, A_BOLD },
	[ROLE_META]      = { -1, -1, false, false, NONE, NONE, NONE, A_DIM, A_DIM },
	[ROLE_DATELINE]  = { -1, -1, false, false, NONE, NONE, NONE, A_DIM | A_BOLD, A_DIM },
	[ROLE_CAPTION]   = { -1, -1, false, false, NONE, NONE, NONE, A_DIM, A_DIM },
	[ROLE_BYLINE]    = { COLOR_CYAN, -1, true, false, { 95, 215, 215 }, { 0, 95, 135 }, NONE,
	                     A_NORMAL, A_DIM },
	[ROLE_CONTROL]   = { COLOR_RED, -1, true, false, { 255, 95, 95 }, { 175, 0, 0 }, NONE,
	                     A_NORMAL, A_REVERSE },
	[ROLE_STATUS]    = { COLOR_BLACK, COLOR_CYAN, true, true, { 0, 0, 0 }, { 0, 0, 0 },
	                     { 95, 215, 215 }, A_NORMAL, A_REVERSE },
	[ROLE_HELP]      = { -1, -1, false, false, NONE, NONE, NONE, A_NORMAL, A_NORMAL },
	[ROLE_QUOTE]     = { COLOR_YELLOW, -1, true, false, { 215, 215, 95 }, { 135, 95, 0 }, NONE,
	                     A_NORMAL, A_UNDERLINE },
	[ROLE_QUOTE_CUR] = { COLOR_BLACK, COLOR_YELLOW, true, true, { 0, 0, 0 }, { 0, 0, 0 },
	                     { 255, 215, 95 }, A_NORMAL, A_REVERSE },
	[ROLE_SPEAKER]   = { COLOR_GREEN, -1, true, false, { 95, 215, 95 }, { 0, 95, 0 }, NONE,
	                     A_BOLD, A_BOLD },
	[ROLE_ENT_PER]   = { COLOR_MAGENTA, -1, true, false, { 215, 135, 215 }, { 135, 0, 135 }, NONE,
	                     A_BOLD, A_BOLD },
	[ROLE_ENT_LOC]   = { COLOR_CYAN, -1, true, false, { 95, 175, 215 }, { 0, 95, 175 }, NONE,
	                     A_NORMAL, A_UNDERLINE },
	[ROLE_ENT_ORG]   = { COLOR_RED, -1, true, false, { 255, 135, 95 }, { 175, 55, 0 }, NONE,
	                     A_NORMAL, A_BOLD | A_UNDERLINE },
	[ROLE_MENTION]   = { COLOR_BLACK, COLOR_MAGENTA, true, true, { 0, 0, 0 }, { 0, 0, 0 },
	                     { 215, 135, 215 }, A_NORMAL, A_UNDERLINE },
	[ROLE_MENTION_CUR] = { COLOR_WHITE, COLOR_MAGENTA, true, true, { 255, 255, 255 },
	                       { 255, 255, 255 }, { 135, 0, 135 }, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_PANE_SEL]  = { COLOR_BLACK, COLOR_WHITE, true, true, { 0, 0, 0 }, { 0, 0, 0 },
	                     { 208, 208, 208 }, A_NORMAL, A_REVERSE },
	[ROLE_MATCH]     = { COLOR_BLACK, COLOR_GREEN, true, true, { 0, 0, 0 }, { 0, 0, 0 },
	                     { 135, 215, 135 }, A_NORMAL, A_STANDOUT },
	[ROLE_MATCH_CUR] = { COLOR_WHITE, COLOR_BLUE, true, true, { 255, 255, 255 }, { 255, 255, 255 },
	                     { 0, 95, 215 }, A_BOLD, A_STANDOUT | A_UNDERLINE | A_BOLD },
};

static color_plan plan[ROLE_MAX];

color_theme
colors_resolve(color_theme t, const rgb *bg)
{
	if (t != THEME_AUTO)
		return t;
	if (!bg)
		return THEME_UNKNOWN;
	return palette_luminance(*bg) > 0.4 ? THEME_LIGHT : THEME_DARK;
}

const char *
colors_theme_name(color_theme t)
{
	switch (t) {
	case THEME_DARK: return "dark";
	case THEME_LIGHT: return "light";
	case THEME_MONO: return "mono";
	case THEME_UNKNOWN: return "unknown";
	default: return "auto";
	}
}

void
colors_plan(color_theme t, const rgb *bg, int ncolors, color_plan out[ROLE_MAX])
{
	bool light = t == THEME_LIGHT;
	rgb back = bg ? *bg : light ? (rgb){ 255, 255, 255 } : (rgb){ 0, 0, 0 };
	for (int r = 0; r < ROLE_MAX; r++) {
		color_plan *p = &out[r];
		*p = (color_plan){ -1, -1, table[r].mono, false };
		if (t == THEME_MONO || ncolors < 8)
			continue;
		if (!table[r].has_fg) {
			p->attr = table[r].attr;  /* the terminal's own colours */
			continue;
		}
		if ((t == THEME_DARK || t == THEME_LIGHT) && ncolors >= 256) {
			/* text colours fitted to the background they are drawn on */
			rgb on = table[r].has_bg ? table[r].back : back;
			p->fg = (short)palette_fit(light ? table[r].light : table[r].dark, on,
			                           PALETTE_MIN_CONTRAST);
			p->bg = table[r].has_bg ? (short)palette_nearest(table[r].back) : -1;
		} else if ((t == THEME_LIGHT || t == THEME_UNKNOWN) && !table[r].has_bg) {
			/* the basic eight were picked for a dark background: on a
			 * light one, yellow and green text cannot be read; on one not
			 * known, no colour is safe (none reads at 4.5:1 on both
			 * black and white) */
			continue;
		} else {
			p->fg = table[r].fg;
			p->bg = table[r].bg;
		}
		p->attr = table[r].attr;
		p->colour = true;
	}
}

void
colors_init(color_theme t, const rgb *bg)
{
	const char *nc = getenv("NO_COLOR");
	color_theme th = colors_resolve(t, bg);
	if (nc && *nc)
		th = THEME_MONO;
	if (!has_colors())
		th = THEME_MONO;
	else if (th != THEME_MONO) {
		start_color();
		use_default_colors();
	}
	colors_plan(th, bg, th == THEME_MONO ? 0 : COLORS, plan);
	for (int r = 0; r < ROLE_MAX; r++)
		if (plan[r].colour && init_pair((short)(r + 1), plan[r].fg, plan[r].bg) == ERR)
			plan[r] = (color_plan){ -1, -1, table[r].mono, false };
}

void
colors_rgb_attr(attr_t a, rgb back, rgb ink, rgb *fg, rgb *bg, bool *under, bool *bold)
{
	short pf = -1, pb = -1, pair = (short)PAIR_NUMBER(a);
	if (pair > 0 && pair_content(pair, &pf, &pb) == ERR)
		pf = pb = -1;
	rgb f = pf >= 0 ? palette_xterm(pf) : ink;
	rgb b = pb >= 0 ? palette_xterm(pb) : back;
	if (a & (A_REVERSE | A_STANDOUT)) {
		rgb t = f;
		f = b;
		b = t;
	}
	if (a & A_DIM) {  /* two thirds of the way from paper to ink */
		f.r = (unsigned char)((b.r + 2 * f.r) / 3);
		f.g = (unsigned char)((b.g + 2 * f.g) / 3);
		f.b = (unsigned char)((b.b + 2 * f.b) / 3);
	}
	*fg = f;
	*bg = b;
	*under = (a & A_UNDERLINE) != 0;
	*bold = (a & A_BOLD) != 0;
}

short
colors_pair(color_role role)
{
	return plan[role].colour ? (short)(role + 1) : 0;
}

attr_t
colors_attr(color_role role)
{
	if (!plan[role].colour)
		return plan[role].attr;
	return plan[role].attr | COLOR_PAIR(role + 1);
}
