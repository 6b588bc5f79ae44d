/* lineedit.c - the search prompt's line and its history (lineedit.h). */
#include "config.h"

#include "lineedit.h"
#include "layout.h"
#include "xdg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ledit {
	char buf[LEDIT_MAX + 1];
	size_t len, cur;
	unsigned char pend[4];  /* a UTF-8 character being typed */
	int npend, need;
	layout *lay;            /* its clusters are the ones drawn */
	char *hist[LEDIT_HIST_MAX];
	size_t nhist;
	size_t hpos;            /* the entry shown; nhist: the line being typed */
	char typed[LEDIT_MAX + 1];  /* that line, while browsing */
};

ledit *
ledit_new(void)
{
	ledit *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	if (!(e->lay = layout_new(WIDTH_WCWIDTH))) {
		free(e);
		return NULL;
	}
	return e;
}

void
ledit_free(ledit *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->nhist; i++)
		free(e->hist[i]);
	layout_free(e->lay);
	free(e);
}

const char *ledit_text(const ledit *e) { return e->buf; }
size_t ledit_len(const ledit *e) { return e->len; }
size_t ledit_cursor(const ledit *e) { return e->cur; }

static void
set_text(ledit *e, const char *s)
{
	size_t n = strlen(s);
	if (n > LEDIT_MAX) {
		n = LEDIT_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;  /* not inside a character */
	}
	memcpy(e->buf, s, n);
	e->buf[n] = 0;
	e->len = e->cur = n;
	e->npend = 0;
}

void
ledit_clear(ledit *e)
{
	set_text(e, "");
	e->hpos = e->nhist;
}

void
ledit_set(ledit *e, const char *s)
{
	set_text(e, s);
	e->hpos = e->nhist;
}

/* ---------------------------------------------------------------- clusters */

struct bounds {
	size_t at;      /* the cursor */
	size_t before;  /* the last cluster start before it */
	size_t after;   /* the first cluster end after it */
};

static int
on_cluster(void *ctx, size_t cs, size_t ce, int w)
{
	struct bounds *b = ctx;
	(void)w;
	if (cs < b->at)
		b->before = cs;
	if (ce > b->at && b->after == (size_t)-1)
		b->after = ce;
	return 0;
}

/* The cluster boundaries either side of the cursor. */
static struct bounds
around(ledit *e)
{
	struct bounds b = { e->cur, 0, (size_t)-1 };
	if (e->len == 0 || layout_clusters(e->lay, e->buf, 0, e->len, on_cluster, &b) < 0) {
		/* ICU failed: whole characters */
		b.before = e->cur;
		while (b.before > 0 && ((unsigned char)e->buf[--b.before] & 0xC0) == 0x80)
			;
		b.after = e->cur < e->len ? e->cur + 1 : e->len;
		while (b.after < e->len && ((unsigned char)e->buf[b.after] & 0xC0) == 0x80)
			b.after++;
	}
	if (b.after == (size_t)-1)
		b.after = e->len;
	return b;
}

/* ---------------------------------------------------------------- editing */

static bool
insert(ledit *e, const unsigned char *s, size_t n)
{
	if (e->len + n > LEDIT_MAX)
		return false;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, s, n);
	e->len += n;
	e->cur += n;
	e->hpos = e->nhist;  /* an edited entry is a new line */
	return true;
}

bool
ledit_byte(ledit *e, int byte)
{
	unsigned char c = (unsigned char)byte;
	if (byte < 0 || byte > 0xFF)
		return false;
	if (e->npend) {
		if ((c & 0xC0) != 0x80) {
			e->npend = 0;  /* a broken sequence: dropped, c starts anew */
			return ledit_byte(e, byte);
		}
		e->pend[e->npend++] = c;
		if (e->npend < e->need)
			return false;
		e->npend = 0;
		return insert(e, e->pend, (size_t)e->need);
	}
	if (c < 0x20 || c == 0x7F)
		return false;
	if (c < 0x80)
		return insert(e, &c, 1);
	e->need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
	if (!e->need)
		return false;
	e->pend[0] = c;
	e->npend = 1;
	return false;
}

bool
ledit_left(ledit *e)
{
	if (e->cur == 0)
		return false;
	e->cur = around(e).before;
	return true;
}

bool
ledit_right(ledit *e)
{
	if (e->cur >= e->len)
		return false;
	e->cur = around(e).after;
	return true;
}

bool
ledit_home(ledit *e)
{
	bool moved = e->cur > 0;
	e->cur = 0;
	return moved;
}

bool
ledit_end(ledit *e)
{
	bool moved = e->cur < e->len;
	e->cur = e->len;
	return moved;
}

static void
cut(ledit *e, size_t a, size_t b)
{
	memmove(e->buf + a, e->buf + b, e->len - b + 1);
	e->len -= b - a;
	e->cur = a;
	e->hpos = e->nhist;
}

bool
ledit_backspace(ledit *e)
{
	if (e->cur == 0)
		return false;
	cut(e, around(e).before, e->cur);
	return true;
}

bool
ledit_delete(ledit *e)
{
	if (e->cur >= e->len)
		return false;
	cut(e, e->cur, around(e).after);
	return true;
}

/* ---------------------------------------------------------------- history */

bool
ledit_hist_prev(ledit *e)
{
	if (e->hpos == 0 || e->nhist == 0)
		return false;
	if (e->hpos >= e->nhist) {
		memcpy(e->typed, e->buf, e->len + 1);  /* Down brings it back */
		e->hpos = e->nhist;
	}
	e->hpos--;
	set_text(e, e->hist[e->hpos]);
	return true;
}

bool
ledit_hist_next(ledit *e)
{
	if (e->hpos >= e->nhist)
		return false;
	e->hpos++;
	set_text(e, e->hpos < e->nhist ? e->hist[e->hpos] : e->typed);
	return true;
}

void
ledit_hist_add(ledit *e, const char *s)
{
	char *c;
	if (!*s || strchr(s, '\n') || !(c = strdup(s)))
		return;
	for (size_t i = 0; i < e->nhist; i++)
		if (strcmp(e->hist[i], s) == 0) {
			/* the older equal entry moves to the end */
			free(e->hist[i]);
			memmove(e->hist + i, e->hist + i + 1, (e->nhist - i - 1) * sizeof *e->hist);
			e->nhist--;
			break;
		}
	if (e->nhist == LEDIT_HIST_MAX) {
		free(e->hist[0]);
		memmove(e->hist, e->hist + 1, (LEDIT_HIST_MAX - 1) * sizeof *e->hist);
		e->nhist--;
	}
	e->hist[e->nhist++] = c;
	e->hpos = e->nhist;
}

size_t
ledit_hist_count(const ledit *e)
{
	return e->nhist;
}

const char *
ledit_hist_get(const ledit *e, size_t i)
{
	return i < e->nhist ? e->hist[i] : NULL;
}

bool
ledit_hist_path(char *buf, size_t n)
{
	return xdg_path(XDG_STATE, "search_history", buf, n);
}

int
ledit_hist_load(ledit *e, const char *path)
{
	char line[LEDIT_MAX + 2];
	FILE *f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof line, f)) {
		size_t n = strlen(line);
		if (n && line[n - 1] == '\n')
			line[--n] = 0;
		else if (!feof(f)) {
			/* an overlong line: skip the rest of it */
			int c;
			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		ledit_hist_add(e, line);
	}
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

/* The entries, oldest first, a line each. */
static int
hist_write(FILE *f, const void *ctx)
{
	const ledit *e = ctx;
	for (size_t i = 0; i < e->nhist; i++)
		fprintf(f, "%s\n", e->hist[i]);
	return 0;
}

int
ledit_hist_save(const ledit *e, const char *path)
{
	return xdg_write_atomic(path, hist_write, e);
}
