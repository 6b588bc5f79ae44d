/* colors.c - the colour table. */
#include "config.h"

#include "colors.h"

#include <stdlib.h>

/* fg, bg (-1 = terminal default), attributes with colour, attributes without. */
static const struct {
	short fg, bg;
	attr_t attr, mono;
} table[ROLE_MAX] = {
	[ROLE_TEXT]      = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE]     = { -1, -1, A_BOLD, A_BOLD },
	[ROLE_META]      = { -1, -1, A_DIM, A_DIM },
	[ROLE_DATELINE]  = { -1, -1, A_DIM | A_BOLD, A_DIM },
	[ROLE_CAPTION]   = { -1, -1, A_DIM, A_DIM },
	[ROLE_BYLINE]    = { COLOR_CYAN, -1, A_NORMAL, A_DIM },
	[ROLE_CONTROL]   = { COLOR_RED, -1, A_NORMAL, A_REVERSE },
	[ROLE_STATUS]    = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_HELP]      = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_QUOTE]     = { COLOR_YELLOW, -1, A_NORMAL, A_UNDERLINE },
	[ROLE_QUOTE_CUR] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[ROLE_SPEAKER]   = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_ENT_PER]   = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
	[ROLE_ENT_LOC]   = { COLOR_CYAN, -1, A_NORMAL, A_UNDERLINE },
	[ROLE_ENT_ORG]   = { COLOR_RED, -1, A_NORMAL, A_BOLD | A_UNDERLINE },
	[ROLE_MENTION]   = { COLOR_BLACK, COLOR_MAGENTA, A_NORMAL, A_UNDERLINE },
	[ROLE_MENTION_CUR] = { COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_PANE_SEL]  = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ROLE_MATCH]     = { COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_STANDOUT },
	[ROLE_MATCH_CUR] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_STANDOUT | A_UNDERLINE | A_BOLD },
};

static bool colour_on;

void
colors_init(void)
{
	const char *nc = getenv("NO_COLOR");

	colour_on = has_colors() && !(nc && *nc);
	if (!colour_on)
		return;
	start_color();
	use_default_colors();
	for (int r = 0; r < ROLE_MAX; r++)
		init_pair((short)(r + 1), table[r].fg, table[r].bg);
}

short
colors_pair(color_role role)
{
	return colour_on ? (short)(role + 1) : 0;
}

attr_t
colors_attr(color_role role)
{
	if (!colour_on)
		return table[role].mono;
	return table[role].attr | COLOR_PAIR(role + 1);
}
