/*
 * colors.h - every colour and attribute pathak draws with, in one table.
 * A new kind of highlight is one row here.  NO_COLOR (https://no-color.org)
 * and monochrome terminals get attributes only.
 */
#ifndef PATHAK_COLORS_H
#define PATHAK_COLORS_H

#include <curses.h>

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

/** Set up colour pairs; call after initscr().  Honours NO_COLOR. */
void colors_init(void);

/** The curses attributes (pair included) for drawing in @p role. */
attr_t colors_attr(color_role role);

/** The colour pair number for @p role (0 when colours are off). */
short colors_pair(color_role role);

#endif
