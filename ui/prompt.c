/* prompt.c - the search prompt on the last row (prompt.h). */
#include "config.h"

#include "prompt.h"
#include "colors.h"
#include "i18n.h"
#include "lineedit.h"
#include "search.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct prompt {
	ledit *e;
	bool open;
	int kind;
	unsigned flags;
	char path[4096];   /* the history file; "" when there is none */
};

prompt *
prompt_new(void)
{
	prompt *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	if (!(p->e = ledit_new())) {
		free(p);
		return NULL;
	}
	if (!ledit_hist_path(p->path, sizeof p->path))
		p->path[0] = 0;
	else
		ledit_hist_load(p->e, p->path);  /* unreadable: an empty history */
	return p;
}

void
prompt_free(prompt *p)
{
	if (!p)
		return;
	ledit_free(p->e);
	free(p);
}

void
prompt_open(prompt *p, int kind, unsigned flags)
{
	p->open = true;
	p->kind = kind;
	p->flags = flags;
	ledit_clear(p->e);
}

void prompt_close(prompt *p) { p->open = false; }
bool prompt_is_open(const prompt *p) { return p->open; }
int prompt_kind(const prompt *p) { return p->kind; }
unsigned prompt_flags(const prompt *p) { return p->flags; }
const char *prompt_text(const prompt *p) { return ledit_text(p->e); }
size_t prompt_len(const prompt *p) { return ledit_len(p->e); }

void
prompt_remember(prompt *p, const char *s)
{
	ledit_hist_add(p->e, s);
	if (p->path[0])
		ledit_hist_save(p->e, p->path);  /* a read-only home: kept for this run */
}

pr_result
prompt_key(prompt *p, int ch)
{
	switch (ch) {
	case 27:
		p->open = false;
		return PR_CANCEL;
	case '\n': case '\r': case KEY_ENTER:
		p->open = false;
		if (ledit_len(p->e) && p->kind != ':')  /* file names are no searches */
			prompt_remember(p, ledit_text(p->e));
		return PR_ENTER;
	case KEY_BACKSPACE: case 127: case 8:
		if (ledit_len(p->e) == 0) {
			p->open = false;  /* as less: Backspace on nothing cancels */
			return PR_CANCEL;
		}
		return ledit_backspace(p->e) ? PR_EDIT : PR_NONE;
	case KEY_DC:
		return ledit_delete(p->e) ? PR_EDIT : PR_NONE;
	case KEY_LEFT:
		return ledit_left(p->e) ? PR_MOVE : PR_NONE;
	case KEY_RIGHT:
		return ledit_right(p->e) ? PR_MOVE : PR_NONE;
	case KEY_HOME: case 'a' & 0x1f:
		return ledit_home(p->e) ? PR_MOVE : PR_NONE;
	case KEY_END: case 'e' & 0x1f:
		return ledit_end(p->e) ? PR_MOVE : PR_NONE;
	case KEY_UP:
		if (p->kind == ':')
			return PR_NONE;
		return ledit_hist_prev(p->e) ? PR_EDIT : PR_NONE;
	case KEY_DOWN:
		if (p->kind == ':')
			return PR_NONE;
		return ledit_hist_next(p->e) ? PR_EDIT : PR_NONE;
	case 'u' & 0x1f:
		if (!ledit_len(p->e))
			return PR_NONE;
		ledit_clear(p->e);
		return PR_EDIT;
	case 'x' & 0x1f:
		p->flags ^= PK_SEARCH_EXACT;
		return PR_FLAGS;
	case 'r' & 0x1f:
		p->flags ^= PK_SEARCH_REGEX;
		return PR_FLAGS;
	default:
		if (ch >= 0 && ch <= 0xFF)
			return ledit_byte(p->e, ch) ? PR_EDIT : PR_NONE;
		return PR_NONE;
	}
}

/* ---------------------------------------------------------------- drawing */

struct walk {
	size_t cur;        /* the cursor */
	size_t starts[LEDIT_MAX + 1];
	int cols[LEDIT_MAX + 1];  /* columns before each cluster */
	size_t n;
	int total;
};

static int
on_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct walk *k = ctx;
	(void)ce;
	k->starts[k->n] = cs;
	k->cols[k->n++] = k->total;
	k->total += w;
	return 0;
}

void
prompt_draw(prompt *p, const drawer *d, int y, const char *note)
{
	static struct walk k;  /* big; one prompt is drawn at a time */
	const char *s = ledit_text(p->e);
	size_t len = ledit_len(p->e), cur = ledit_cursor(p->e);
	char label[96];
	int nw = note ? (int)strlen(note) : 0;

	if (y < 0 || COLS < 4)
		return;
	attrset(A_NORMAL);
	move(y, 0);
	clrtoeol();
	if (p->kind == ':')
		snprintf(label, sizeof label, "%s", _("Examine: "));  /* as less's :e */
	else
		snprintf(label, sizeof label, "%s%s%c", p->flags & PK_SEARCH_EXACT ? _("exact ") : "",
		         p->flags & PK_SEARCH_REGEX ? _("regex ") : "", p->kind);
	attrset(A_BOLD);
	int x = draw_ui(y, 0, label, COLS);
	/* the note at the right when there is room for it and some text */
	int room = COLS - x - 1;
	if (note && room - nw - 2 >= 8)
		room -= nw + 2;
	else
		note = NULL;

	/* Scroll a long line so that the cursor stays in view: start at the
	 * first cluster from which the cursor's column fits. */
	k.cur = cur;
	k.n = 0;
	k.total = 0;
	if (len)
		layout_clusters(d->lay, s, 0, len, on_cluster, &k);
	k.starts[k.n] = len;
	k.cols[k.n] = k.total;
	size_t ci = 0;  /* the cluster at the cursor */
	while (ci < k.n && k.starts[ci] < cur)
		ci++;
	size_t first = 0;
	while (first < ci && k.cols[ci] - k.cols[first] + 2 > room)
		first++;
	size_t a = k.starts[first], cend = ci < k.n ? k.starts[ci + 1] : len;

	attrset(A_NORMAL);
	if (cur > a)
		x += draw_clipped(d, s, y, x, room, a, cur, A_NORMAL, false);
	if (cur < len) {
		/* the cluster under the cursor, reversed */
		x += draw_clipped(d, s, y, x, COLS - x, cur, cend, A_REVERSE, false);
		int left = (int)strlen(label) + room - x;
		if (cend < len && left > 0)
			draw_clipped(d, s, y, x, left, cend, len, A_NORMAL, true);
	} else if (x < COLS) {
		attrset(A_REVERSE);
		mvaddch(y, x, ' ');  /* the cursor at the end */
	}
	if (note) {
		attrset(colors_attr(ROLE_STATUS));
		mvaddnstr(y, COLS - nw - 1, note, nw);
	}
	attrset(A_NORMAL);
}
