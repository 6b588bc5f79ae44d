/*
 * help.c - the help screen, printed from the key table (keys.c) so that it
 * cannot drift from the keys themselves.
 */
#include "config.h"

#include "help.h"
#include "draw.h"
#include "colors.h"
#include "i18n.h"
#include "keys.h"

#include <curses.h>
#include <stdio.h>

/* How many lines the help screen has. */
static int
help_lines(void)
{
	char line[256];
	int n = 0;
	while (keys_help_line((size_t)n, line, sizeof line))
		n++;
	return n;
}

void
help_open(help_screen *h)
{
	h->up = true;
	h->top = 0;
}

/* Taller than the window, it scrolls and its last row says how (as man
 * does through less). */
void
help_draw(const help_screen *h)
{
	char line[256];
	int top = h->top, n = help_lines(), rows = n > LINES ? LINES - 1 : LINES;
	attrset(colors_attr(ROLE_HELP));
	for (int y = 0; y < rows && keys_help_line((size_t)(top + y), line, sizeof line); y++) {
		move(y, 0);
		clrtoeol();
		draw_ui(y, 2 < COLS ? 2 : 0, line, COLS > 2 ? COLS - 2 : COLS);
	}
	if (rows < LINES && rows > 0) {
		snprintf(line, sizeof line, _("help %d-%d/%d: j k Space b scroll, q closes"),
			 top + 1, top + rows, n);
		attrset(colors_attr(ROLE_STATUS));
		draw_ui(LINES - 1, 0, line, COLS);
	}
	attrset(A_NORMAL);
}

void
help_key(help_screen *h, int ch)
{
	int n = help_lines(), rows = LINES - 1, top = h->top;
	if (n <= LINES || rows < 1) {
		h->up = false;  /* it fits: nothing to scroll */
		return;
	}
	switch (ch) {
	case 'j': case KEY_DOWN: case '\n': case '\r': case KEY_ENTER: top++; break;
	case 'k': case KEY_UP: top--; break;
	case ' ': case 'f': case KEY_NPAGE: top += rows; break;
	case 'b': case KEY_PPAGE: top -= rows; break;
	case 'g': case KEY_HOME: top = 0; break;
	case 'G': case KEY_END: top = n; break;
	case KEY_RESIZE: break;
	default:
		h->up = false;
		return;
	}
	if (top > n - rows)
		top = n - rows;
	h->top = top < 0 ? 0 : top;
}
