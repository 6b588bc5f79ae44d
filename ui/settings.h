/*
 * settings.h - the configuration file, $XDG_CONFIG_HOME/pathak/config (by
 * default ~/.config/pathak/config; assets/config.example shows every
 * setting).  No curses.
 *
 * A line is a setting, `NAME = VALUE`, or a key binding, `bind KEY ACTION`;
 * # starts a comment; blank lines are skipped.  A line that is wrong is
 * reported as `FILE:LINE:COL: message` and skipped: the rest still counts
 * and pathak starts with the defaults for what was wrong.  The command
 * line and $PATHAK_OPTIONS come after the file and win over it.
 */
#ifndef PATHAK_SETTINGS_H
#define PATHAK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "keys.h"
#include "render.h"
#include "width.h"

/** What the file set; -1 (or false) where it said nothing. */
typedef struct settings {
	bool have_render;
	render_mode render;   /**< render = shaped | reorder | ... | image */
	int width;            /**< width = 20..10000 (text column in cells); -1 */
	char theme[8];        /**< theme = auto | dark | light | mono; "" unset */
	int pane;             /**< pane = on | off: the entity pane at start; -1 */
	int resume;           /**< resume = on | off; -1 */
	int mouse;            /**< mouse = on | off; -1 */
	int exact;            /**< exact = on | off: searches without folding; -1 */
	int regex;            /**< regex = on | off; -1 */
	int advance;          /**< advance = wcwidth | cluster (width_model); -1 */
	keys_user keys;       /**< bind KEY ACTION */
	int errors;           /**< lines that were wrong */
	char first_error[256];/**< the first of them, as reported */
} settings;

/** Nothing set. */
void settings_init(settings *c);

/**
 * Read the settings of @p text (@p len bytes) into @p c; each wrong line
 * is written to @p errs (may be NULL) as "NAME:LINE:COL: message\n".
 * @return the number of wrong lines
 */
int settings_parse(settings *c, const char *text, size_t len, const char *name, FILE *errs);

/**
 * The same for the file @p path; a missing file is no error, an unreadable
 * one is (reported as "PATH: reason").
 */
int settings_load(settings *c, const char *path, FILE *errs);

/** $XDG_CONFIG_HOME/pathak/config into @p buf (xdg.h). */
bool settings_path(char *buf, size_t n);

#endif
