/* listscr.c - the article list, the curses side (listscr.h). */
#include "config.h"

#include "listscr.h"
#include "colors.h"
#include "i18n.h"
#include "draw.h"
#include "layout.h"
#include "lineedit.h"
#include "overlay.h"
#include "translit.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uniwidth.h>

#define SLICE_MS 8.0       /* reading per idle slice: keys wait no longer */
#define ROWS_TOP 2         /* the header and the column names */

struct listscr {
	artlist *l;
	drawer d;
	layout *lay;
	pk_translit *tr;
	size_t sel;          /* among the rows shown */
	size_t top;
	bool filtering;      /* / typed: keys go to the filter */
	ledit *fe;           /* the filter's text (lineedit.h) */
	bool reverse;
	bool ascii;
	char note[160];      /* a message for the last row, until the next key */
	double t0;           /* when reading began (seconds, monotonic) */
};

static double
now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

listscr *
listscr_new(artlist *l, width_model model, render_mode mode, bool ascii)
{
	listscr *s = calloc(1, sizeof *s);
	if (!s || !(s->lay = layout_new(model)) || !(s->fe = ledit_new())) {
		if (s)
			layout_free(s->lay);
		free(s);
		return NULL;
	}
	if (mode == RENDER_IMAGE)
		mode = RENDER_SHAPED;  /* the list is text */
	layout_set_mode(s->lay, mode);
	s->l = l;
	s->ascii = ascii;
	s->t0 = now_s();
	s->d = (drawer){ .lay = s->lay, .tr = &s->tr, .ascii = ascii, .mode = mode,
	                 .deva = render_mode_roman(mode) ? RENDER_REORDER : mode,
	                 .cur = (size_t)-1, .mcur = (size_t)-1, .fcur = (size_t)-1 };
	if (model == WIDTH_CLUSTER && !ascii && !(s->d.ov = overlay_new())) {
		ledit_free(s->fe);
		layout_free(s->lay);
		free(s);
		return NULL;
	}
	return s;
}

void
listscr_free(listscr *s)
{
	if (!s)
		return;
	overlay_free(s->d.ov);
	ledit_free(s->fe);
	pk_translit_free(s->tr);
	layout_free(s->lay);
	free(s);
}

static int
list_rows(void)
{
	int n = LINES - ROWS_TOP - 1;
	return n > 0 ? n : 0;
}

/* Keep the selection within the rows shown and on screen. */
static void
clamp(listscr *s)
{
	size_t n = artlist_shown(s->l);
	size_t rows = (size_t)list_rows();
	if (n == 0) {
		s->sel = s->top = 0;
		return;
	}
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < s->top)
		s->top = s->sel;
	if (rows && s->sel >= s->top + rows)
		s->top = s->sel - rows + 1;
	if (s->top + rows > n)
		s->top = n > rows ? n - rows : 0;
}

/* "12K", "1.4M": a size in at most 5 columns. */
static void
size_text(size_t n, char *buf, size_t cap)
{
	if (n < 1000)
		snprintf(buf, cap, "%zuB", n);
	else if (n < 10000)
		snprintf(buf, cap, "%.1fK", (double)n / 1024);
	else if (n < 1000000)
		snprintf(buf, cap, "%zuK", n / 1024);
	else
		snprintf(buf, cap, "%.1fM", (double)n / (1024 * 1024));
}

static void
count_text(long n, bool ascii, char *buf, size_t cap)
{
	if (n < 0)
		snprintf(buf, cap, "%s", ascii ? "." : "\u2026");
	else
		snprintf(buf, cap, "%ld", n);
}

/* Text that may hold Devanagari, clipped to w columns with an ellipsis. */
static int
text_at(listscr *s, int y, int x, int w, const char *t, attr_t attr)
{
	if (w <= 0 || !t || !*t)
		return 0;
	return draw_clipped(&s->d, t, y, x, w, 0, strlen(t), attr, true);
}

void
listscr_draw(listscr *s)
{
	char head[512], num[3][24];
	size_t n = artlist_shown(s->l), total = artlist_total(s->l);
	int rows = list_rows();
	/* the columns: title | dateline | size quotes people */
	int wnum = 7, wdate = COLS >= 100 ? 22 : COLS >= 70 ? 14 : 0;
	int wtitle = COLS - 2 - wdate - 3 * wnum - (wdate ? 2 : 0);

	if (s->d.ov) {
		overlay_begin(s->d.ov);
		/* a terminal that advances Devanagari otherwise than the model
		 * says still gets the columns where they belong: the dateline's
		 * start is addressed anew, and the counts after it (overlay.h) */
		overlay_fence(s->d.ov, wtitle > 5 ? (wdate ? 1 + wtitle + 1 : COLS - 3 * wnum - 1) : -1);
	}
	erase();
	clamp(s);
	/* the header: the folder, how many, the order, the work left */
	attrset(colors_attr(ROLE_STATUS));
	mvhline(0, 0, ' ', COLS);
	int k = snprintf(head, sizeof head, _(" %zu of %zu articles, by %s%s"), n, total,
	                 _(artlist_sort_name(artlist_sort_key(s->l))),
	                 s->reverse ? _(" (reversed)") : "");
	if (artlist_counted(s->l) < total && k > 0 && (size_t)k < sizeof head)
		snprintf(head + k, sizeof head - (size_t)k, _("  reading %zu/%zu%s"),
		         artlist_counted(s->l), total, s->ascii ? "..." : "\u2026");
	int used = draw_ui(0, 0, head, COLS) + 2;
	if (used < COLS - 8)
		text_at(s, 0, used, COLS - used - 1, artlist_dir(s->l),
		        colors_attr(ROLE_STATUS) | A_BOLD);
	/* the column names */
	attrset(A_BOLD);
	mvhline(1, 0, ' ', COLS);
	if (wtitle > 5) {
		static const char *const names[3] = { N_("size"), N_("quotes"), N_("people") };
		draw_ui(1, 1, _("title"), wtitle);
		if (wdate)
			draw_ui(1, 1 + wtitle + 1, _("dateline"), wdate);
		for (int c = 0; c < 3; c++) {
			/* right-aligned over the numbers */
			const char *t = _(names[c]);
			int w = u8_strwidth((const uint8_t *)t, "UTF-8");
			if (w > wnum - 1)
				w = wnum - 1;
			draw_ui(1, COLS - 1 - (3 - c) * wnum + (wnum - w), t, w);
		}
	}
	for (int y = 0; y < rows && s->top + (size_t)y < n; y++) {
		const art_row *r = artlist_row(s->l, s->top + (size_t)y);
		bool sel = s->top + (size_t)y == s->sel;
		attr_t a = sel ? colors_attr(ROLE_PANE_SEL) : A_NORMAL;
		int row = ROWS_TOP + y;
		attrset(a);
		mvhline(row, 0, ' ', COLS);
		if (wtitle > 5) {
			const char *t = r->title ? r->title : r->name;
			text_at(s, row, 1, wtitle, t, a | (r->failed ? A_DIM : 0) |
			        (r->title ? 0 : A_DIM));
			if (wdate && r->dateline)
				text_at(s, row, 1 + wtitle + 1, wdate, r->dateline, a | A_DIM);
			size_text(r->size, num[0], sizeof num[0]);
			count_text(r->quotes, s->ascii, num[1], sizeof num[1]);
			count_text(r->people, s->ascii, num[2], sizeof num[2]);
			attrset(a);
			for (int c = 0; c < 3; c++) {
				/* the ellipsis: three bytes, one column */
				int w = (int)strlen(num[c]) - (num[c][0] == '\xe2' ? 2 : 0);
				mvaddstr(row, COLS - 1 - (3 - c) * wnum + (wnum - w), num[c]);
			}
		} else {
			text_at(s, row, 1, COLS - 2, r->title ? r->title : r->name, a);
		}
	}
	if (n == 0) {
		attrset(A_DIM);
		draw_ui(ROWS_TOP, 1, total ? _("no article matches the filter") :
		        _("no files in this folder"), COLS - 2);
	}
	/* the last row: the filter being typed, a note, or the keys */
	int y = LINES - 1;
	attrset(colors_attr(ROLE_STATUS));
	mvhline(y, 0, ' ', COLS);
	if (s->filtering || ledit_len(s->fe)) {
		int x = draw_ui(y, 0, s->filtering ? "/" : _("filter: "), COLS);
		x += text_at(s, y, x, COLS - x - 1, artlist_filter_text(s->l),
		             colors_attr(ROLE_STATUS) | A_BOLD);
		if (s->filtering && x < COLS) {
			attrset(A_REVERSE);
			mvaddch(y, x, ' ');
		}
	} else if (s->note[0]) {
		text_at(s, y, 1, COLS - 2, s->note, colors_attr(ROLE_STATUS) | A_BOLD);
	} else {
		draw_ui(y, 1, _("Enter read  / filter  o sort  O reverse  j k move  q quit"), COLS - 2);
	}
	attrset(A_NORMAL);
}

void
listscr_overlay(listscr *s)
{
	if (s->d.ov)
		overlay_flush(s->d.ov);
}

size_t
listscr_selected(const listscr *s)
{
	return s->sel < artlist_shown(s->l) ? s->sel : (size_t)-1;
}

void
listscr_select_path(listscr *s, const char *path)
{
	size_t i = artlist_find(s->l, path);
	if (i != (size_t)-1)
		s->sel = i;
	clamp(s);
}

/* The filter changed: show what matches, the selected article kept when
 * it still does. */
static void
refilter(listscr *s)
{
	const art_row *r = artlist_row(s->l, s->sel);
	char *keep = r ? strdup(r->path) : NULL;
	if (artlist_filter(s->l, ledit_text(s->fe)) < 0)
		snprintf(s->note, sizeof s->note, "%s", _("not a filter"));
	s->sel = 0;
	if (keep)
		listscr_select_path(s, keep);
	free(keep);
	s->top = s->sel >= (size_t)list_rows() / 2 ? s->sel - (size_t)list_rows() / 2 : 0;
	clamp(s);
}

static ls_result
filter_key(listscr *s, int ch)
{
	switch (ch) {
	case 27:
		s->filtering = false;
		ledit_clear(s->fe);
		refilter(s);
		return LS_STAY;
	case '\n': case '\r': case KEY_ENTER:
		s->filtering = false;
		return LS_STAY;
	case KEY_BACKSPACE: case 127: case 8:
		if (!ledit_len(s->fe))
			s->filtering = false;
		else if (ledit_backspace(s->fe))
			refilter(s);
		return LS_STAY;
	case 'u' & 0x1f:
		ledit_clear(s->fe);
		refilter(s);
		return LS_STAY;
	default:
		if (ch >= 0 && ch <= 0xFF && ledit_byte(s->fe, ch))
			refilter(s);
		return LS_STAY;
	}
}

static ls_result
mouse_key(listscr *s)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return LS_STAY;
	if (ev.bstate & BUTTON4_PRESSED) {
		s->sel = s->sel > 3 ? s->sel - 3 : 0;
		return LS_STAY;
	}
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		s->sel += 3;
		return LS_STAY;
	}
#endif
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || ev.y < ROWS_TOP ||
	    ev.y >= ROWS_TOP + list_rows())
		return LS_STAY;
	size_t row = s->top + (size_t)(ev.y - ROWS_TOP);
	if (row >= artlist_shown(s->l))
		return LS_STAY;
	if (row == s->sel)
		return LS_OPEN;  /* a click on the selected row reads it */
	s->sel = row;
	return LS_STAY;
}

ls_result
listscr_key(listscr *s, int ch)
{
	size_t n = artlist_shown(s->l), page = (size_t)(list_rows() > 1 ? list_rows() - 1 : 1);
	s->note[0] = 0;
	if (ch == KEY_RESIZE) {
		clamp(s);
		return LS_STAY;
	}
	if (ch == KEY_MOUSE) {
		ls_result r = mouse_key(s);
		clamp(s);
		return r;
	}
	if (s->filtering) {
		ls_result r = filter_key(s, ch);
		clamp(s);
		return r;
	}
	switch (ch) {
	case 'j': case KEY_DOWN: case 'n' & 0x1f: case 'e' & 0x1f:
		s->sel++;
		break;
	case 'k': case KEY_UP: case 'p' & 0x1f: case 'y' & 0x1f:
		s->sel = s->sel ? s->sel - 1 : 0;
		break;
	case ' ': case 'f': case KEY_NPAGE: case 'f' & 0x1f:
		s->sel += page;
		s->top += page;
		break;
	case 'b': case KEY_PPAGE: case 'b' & 0x1f:
		s->sel = s->sel > page ? s->sel - page : 0;
		s->top = s->top > page ? s->top - page : 0;
		break;
	case 'g': case '<': case KEY_HOME:
		s->sel = 0;
		break;
	case 'G': case '>': case KEY_END:
		s->sel = n ? n - 1 : 0;
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (n)
			return LS_OPEN;
		snprintf(s->note, sizeof s->note, "%s", _("no article to read"));
		break;
	case '/':
		s->filtering = true;
		ledit_clear(s->fe);
		refilter(s);
		break;
	case 27:
		if (ledit_len(s->fe)) {
			ledit_clear(s->fe);
			refilter(s);
		}
		break;
	case 'o': case 'O': {
		art_sort k = artlist_sort_key(s->l);
		if (ch == 'o')
			k = (art_sort)((k + 1) % ART_BY_N);
		else
			s->reverse = !s->reverse;
		const art_row *r = artlist_row(s->l, s->sel);
		char *keep = r ? strdup(r->path) : NULL;
		artlist_sort(s->l, k, s->reverse);
		if (keep)
			listscr_select_path(s, keep);
		free(keep);
		snprintf(s->note, sizeof s->note, _("sorted by %s%s"), _(artlist_sort_name(k)),
		         s->reverse ? _(", reversed") : "");
		break;
	}
	case 'q': case 'Q':
		return LS_QUIT;
	default:
		snprintf(s->note, sizeof s->note, "%s", _("Enter reads, / filters, o sorts, q quits"));
		break;
	}
	clamp(s);
	return LS_STAY;
}

void
listscr_note(listscr *s, const char *msg)
{
	snprintf(s->note, sizeof s->note, "%s", msg);
}

bool
listscr_idle(listscr *s)
{
	const art_row *r = artlist_row(s->l, s->sel);
	char *keep = r ? strdup(r->path) : NULL;
	if (!artlist_work(s->l, s->top, SLICE_MS) && !s->note[0])
		snprintf(s->note, sizeof s->note, _("%zu articles read in %.2f s"),
		         artlist_total(s->l), now_s() - s->t0);
	/* what arrives may re-sort or re-filter the rows: keep the selection */
	if (keep)
		listscr_select_path(s, keep);
	free(keep);
	clamp(s);
	return true;
}

bool
listscr_busy(const listscr *s)
{
	return artlist_counted(s->l) < artlist_total(s->l);
}
