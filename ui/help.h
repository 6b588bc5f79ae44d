/*
 * help.h - the help screen: the key table printed (keys.h), scrolled when
 * it is taller than the window.  Curses side; the pager shows it over the
 * text while it is up.
 */
#ifndef PATHAK_HELP_H
#define PATHAK_HELP_H

#include <stdbool.h>

/** The help screen's state; zeroed, it is closed. */
typedef struct help_screen {
	bool up;  /**< the help screen is shown */
	int top;  /**< its first line shown, when it is taller than the window */
} help_screen;

/** Show the help screen from its first line. */
void help_open(help_screen *h);

/** Draw it into stdscr (no refresh). */
void help_draw(const help_screen *h);

/**
 * A key while it is up: the scroll keys move a help taller than the window,
 * any other key closes it (KEY_RESIZE only keeps it in range).
 */
void help_key(help_screen *h, int ch);

#endif
