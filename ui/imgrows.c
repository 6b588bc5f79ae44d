/* imgrows.c - render mode image on the screen (see imgrows.h). */
#include "config.h"

#include "imgrows.h"
#include "colors.h"
#include "grow.h"
#include "image.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistr.h>
#include <unistd.h>

#define FONT "Noto Sans Devanagari:lang=hi"

/* xterm takes no sixel wider than 1000 pixels (its maxGraphicSize): a
 * row goes in pieces of whole cells up to this width. */
#define SIXEL_PIECE_PX 960
#define SIXEL_PIECES 8

/* A line's picture: sent to kitty under id, or kept as its sixel string. */
struct ent {
	uint64_t key;       /* 0: empty */
	unsigned id;        /* kitty: its image id, once sent */
	char *six;          /* sixel: the strings of its pieces, one after another */
	size_t nsix;
	int npc;            /* sixel: pieces, each SIXEL_PIECE_PX wide at most */
	size_t pend[SIXEL_PIECES];  /* where each piece's string ends in six */
	unsigned long used; /* the frame it was last shown in */
};

/* A row of the frame, or of the screen as last sent. */
struct row {
	int y, x, cols;
	uint64_t key;
	int ent;            /* its cache entry (this frame's rows) */
};

struct imgrows {
	term_gfx gfx;
	int cw, ch;         /* cell size */
	int ph;             /* the picture's height: sixel's, whole bands of 6 */
	img_font *font;
	rgb back, ink;      /* the terminal's paper and ink */
	struct ent cache[IMGROWS_CACHE];
	unsigned next_id;
	unsigned long frame;
	struct row *want;   /* this frame's rows */
	size_t nwant, capwant;
	struct row *shown;  /* what the screen shows (kitty: placed; sixel: by row) */
	size_t nshown, capshown;
	uint8_t *cov, *pen; /* one row's bitmaps */
	size_t capcov, cappen;
	char *out;          /* the bytes of a flush */
	size_t nout, capout;
	char *enc;          /* one picture's string */
	size_t capenc;
	size_t sent;
	unsigned long scrolled;  /* scrolls done by the terminal (scroll_rows()) */
};

imgrows *
imgrows_new(term_gfx gfx, int cell_w, int cell_h, const rgb *back, bool light, const char **why)
{
	struct winsize ws;
	imgrows *ir;

	*why = NULL;
	if (gfx == TERM_GFX_NONE) {
		*why = "the terminal draws no pictures (kitty, sixel)";
		return NULL;
	}
	if ((cell_w <= 0 || cell_h <= 0) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0 && ws.ws_row > 0) {
		cell_w = ws.ws_xpixel / ws.ws_col;
		cell_h = ws.ws_ypixel / ws.ws_row;
	}
	if (cell_w < 4 || cell_h < 8 || cell_w > 512 || cell_h > 512) {
		*why = "the cell size in pixels is not known";
		return NULL;
	}
	if (!(ir = calloc(1, sizeof *ir))) {
		*why = "out of memory";
		return NULL;
	}
	ir->gfx = gfx;
	ir->cw = cell_w;
	ir->ch = cell_h;
	/* sixel paints bands of six pixels: a band past the cell would reach
	 * into the row below, so the picture stops at the last whole band */
	ir->ph = gfx == TERM_GFX_SIXEL && cell_h >= 12 ? cell_h - cell_h % 6 : cell_h;
	ir->back = back ? *back : light ? (rgb){ 255, 255, 255 } : (rgb){ 0, 0, 0 };
	ir->ink = palette_luminance(ir->back) > 0.4 ? (rgb){ 0, 0, 0 } : (rgb){ 229, 229, 229 };
	ir->next_id = 1;
	if (!(ir->font = img_font_open(FONT, ir->ph))) {
#ifdef HAVE_HARFBUZZ
		*why = "no Devanagari font (fonts-noto-core)";
#else
		*why = "built without HarfBuzz";
#endif
		free(ir);
		return NULL;
	}
	return ir;
}

void
imgrows_free(imgrows *ir)
{
	if (!ir)
		return;
	for (size_t i = 0; i < IMGROWS_CACHE; i++)
		free(ir->cache[i].six);
	img_font_free(ir->font);
	free(ir->want);
	free(ir->shown);
	free(ir->cov);
	free(ir->pen);
	free(ir->out);
	free(ir->enc);
	free(ir);
}

const char *
imgrows_describe(const imgrows *ir, char *buf, size_t n)
{
	const char *file = img_font_file(ir->font), *base = file ? strrchr(file, '/') : NULL;
	snprintf(buf, n, "%s, %s, %dx%d px", ir->gfx == TERM_GFX_KITTY ? "kitty graphics" : "sixel",
	         base ? base + 1 : file ? file : "?", ir->cw, ir->ch);
	return buf;
}

bool
imgrows_wants(const char *s, size_t n)
{
	bool deva = false;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if ((c >= 0x0900 && c <= 0x097F) || (c >= 0xA8E0 && c <= 0xA8FF) ||
		    (c >= 0x1CD0 && c <= 0x1CFF))
			deva = true;
		else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
		         (c >= 0x2400 && c <= 0x2426) || c == 0xFFFD)
			return false;  /* a control symbol: the text modes show it */
	}
	return deva;
}

void
imgrows_begin(imgrows *ir)
{
	ir->nwant = 0;
	ir->frame++;
}

/* FNV-1a, 64 bits. */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* Append n bytes to the flush's output. */
static void
put(imgrows *ir, const char *s, size_t n)
{
	if (pk_grow(&ir->out, &ir->capout, ir->nout + n, 1, 1 << 16) == 0) {
		memcpy(ir->out + ir->nout, s, n);
		ir->nout += n;
	}
}

static void
put_cup(imgrows *ir, int y, int x)
{
	char b[32];
	int k = snprintf(b, sizeof b, "\033[%d;%dH", y + 1, x + 1);
	put(ir, b, (size_t)k);
}

/* kitty: forget picture id, its placements and its data (d=I). */
static void
put_delete(imgrows *ir, unsigned id)
{
	char b[64];
	int k = snprintf(b, sizeof b, "\033_Ga=d,d=I,i=%u,q=2\033\\", id);
	put(ir, b, (size_t)k);
}

/* A cache slot for key: the one holding it, else the least recently shown
 * (kitty is told to drop that picture). */
static int
slot_for(imgrows *ir, uint64_t key, bool *have)
{
	int old = 0;
	for (int i = 0; i < IMGROWS_CACHE; i++) {
		if (ir->cache[i].key == key) {
			*have = true;
			return i;
		}
		if (ir->cache[i].used < ir->cache[old].used)
			old = i;
	}
	struct ent *e = &ir->cache[old];
	if (e->key && e->used == ir->frame)
		return -1;  /* every picture is on this screen: the row stays blank */
	if (e->key && e->id)
		put_delete(ir, e->id);
	free(e->six);
	*e = (struct ent){ 0 };
	*have = false;
	return old;
}

/* Draw the picture of s[0..n), byte i in attrs[i] (the paper past the
 * text in base), cols cells wide, into ir->enc: the kitty transmission
 * (as image id) or the sixel strings of its pieces (where they end: in
 * e).  Its length, 0 on failure. */
static size_t
encode(imgrows *ir, struct ent *e, const char *s, size_t n, const attr_t *attrs, attr_t base,
       int cols, unsigned id)
{
	int w = cols * ir->cw, h = ir->ph;
	size_t npix = (size_t)w * (size_t)h;
	attr_t pens[IMG_PENS_MAX];
	uint8_t *bytepen;
	img_pen pal[IMG_PENS_MAX];
	bool under[IMG_PENS_MAX], bold[IMG_PENS_MAX];
	int np = 0;

	if (pk_grow(&ir->cov, &ir->capcov, npix, 1, 1 << 16) < 0 ||
	    pk_grow(&ir->pen, &ir->cappen, npix, 1, 1 << 16) < 0 || !(bytepen = malloc(n)))
		return 0;
	/* a pen per attribute the text uses, in order of use, pen 0 the
	 * paper's (16 at most: the rest in pen 0) */
	pens[np++] = base;
	for (size_t i = 0; i < n; i++) {
		int k = 0;
		while (k < np && pens[k] != attrs[i])
			k++;
		if (k == np && np < IMG_PENS_MAX)
			pens[np++] = attrs[i];
		bytepen[i] = (uint8_t)(k < np ? k : 0);
	}
	for (int k = 0; k < np; k++) {
		rgb f, b;
		colors_rgb_attr(pens[k], ir->back, ir->ink, &f, &b, &under[k], &bold[k]);
		pal[k] = (img_pen){ { f.r, f.g, f.b }, { b.r, b.g, b.b } };
	}
	if (img_draw(ir->font, s, n, bytepen, ir->cov, ir->pen, w, h) < 0) {
		free(bytepen);
		return 0;
	}
	free(bytepen);
	/* bold: each stroke a pixel wider to the right, as terminals
	 * embolden a font that has no bold face (right to left, so that a
	 * pixel widens once) */
	for (int y = 0; y < h; y++)
		for (int x = w - 1; x > 0; x--) {
			size_t at = (size_t)y * (size_t)w + (size_t)x;
			uint8_t k = ir->pen[at - 1];
			if (k < np && bold[k] && ir->cov[at - 1] > ir->cov[at]) {
				ir->cov[at] = ir->cov[at - 1];
				ir->pen[at] = k;
			}
		}
	/* underlined (the highlights without colour): a line of ink
	 * under their glyphs, two pixels above the cell's foot */
	for (int x = 0, y = h - 2; y > 0 && x < w; x++) {
		size_t at = (size_t)y * (size_t)w + (size_t)x;
		uint8_t k = ir->pen[(size_t)(y - 1) * (size_t)w + (size_t)x];
		if (k < np && under[k])
			ir->cov[at] = 255, ir->pen[at] = k;
	}
	/* kitty: 4/3 of 3 bytes a pixel and the keys; sixel: at most a byte
	 * a pixel column per register and band, and the keys */
	size_t cap = ir->gfx == TERM_GFX_KITTY ? npix * 4 + npix / 32 + 4096
	                                       : (size_t)w * (size_t)(h / 6 + 1) * 8 + 8192;
	if (pk_grow(&ir->enc, &ir->capenc, cap, 1, 1 << 16) < 0)
		return 0;
	if (ir->gfx == TERM_GFX_KITTY)
		return img_kitty(ir->enc, ir->capenc, ir->cov, ir->pen, w, h, pal, np, id, 0, 0, true);
	/* sixel: in pieces of whole cells, each from a copy of its columns */
	int pc = SIXEL_PIECE_PX / ir->cw, pw = pc * ir->cw;
	size_t o = 0;
	uint8_t *sc = malloc((size_t)pw * (size_t)h), *sp = malloc((size_t)pw * (size_t)h);
	e->npc = 0;
	for (int x0 = 0; sc && sp && x0 < w && e->npc < SIXEL_PIECES; x0 += pw) {
		int cw = w - x0 < pw ? w - x0 : pw;
		for (int y = 0; y < h; y++) {
			memcpy(sc + (size_t)y * cw, ir->cov + (size_t)y * w + x0, (size_t)cw);
			memcpy(sp + (size_t)y * cw, ir->pen + (size_t)y * w + x0, (size_t)cw);
		}
		size_t k = img_sixel(ir->enc + o, ir->capenc - o, sc, sp, cw, h, pal, np);
		if (k == 0) {
			o = 0;
			break;
		}
		o += k;
		e->pend[e->npc++] = o;
	}
	free(sc);
	free(sp);
	return o;
}

void
imgrows_add(imgrows *ir, int y, int x, int cols, const char *s, size_t n, const attr_t *attrs,
            attr_t base)
{
	bool have;
	if (cols < 1 || n == 0 ||
	    pk_grow(&ir->want, &ir->capwant, ir->nwant + 1, sizeof *ir->want, 64) < 0)
		return;
	uint64_t key = fnv(0xcbf29ce484222325ull, s, n);
	key = fnv(key, attrs, n * sizeof *attrs);
	key = fnv(key, &base, sizeof base);
	key = fnv(key, &cols, sizeof cols) | 1;  /* never 0, the empty slot */
	int e = slot_for(ir, key, &have);
	if (e < 0)
		return;
	struct ent *en = &ir->cache[e];
	if (!have) {
		unsigned id = ir->gfx == TERM_GFX_KITTY ? ir->next_id : 0;
		size_t len = encode(ir, en, s, n, attrs, base, cols, id);
		if (len == 0)
			return;  /* the row stays blank: out of memory */
		if (ir->gfx == TERM_GFX_KITTY) {
			/* sent now, placed in the flush */
			put(ir, ir->enc, len);
			en->id = id;
			ir->next_id = ir->next_id >= 0x7FFFFFF0u ? 1 : ir->next_id + 1;
		} else if ((en->six = malloc(len))) {
			memcpy(en->six, ir->enc, len);
			en->nsix = len;
		} else {
			return;
		}
		en->key = key;
	}
	en->used = ir->frame;
	ir->want[ir->nwant++] = (struct row){ y, x, cols, key, e };
}

/* The picture of the screen's record at (y, x), or NULL. */
static struct row *
shown_at(imgrows *ir, int y, int x)
{
	for (size_t i = 0; i < ir->nshown; i++)
		if (ir->shown[i].y == y && ir->shown[i].x == x)
			return &ir->shown[i];
	return NULL;
}

/* The picture of this frame at (y, x), or NULL. */
static const struct row *
wanted_at(const imgrows *ir, int y, int x)
{
	for (size_t i = 0; i < ir->nwant; i++)
		if (ir->want[i].y == y && ir->want[i].x == x)
			return &ir->want[i];
	return NULL;
}

static void send(imgrows *ir);

/* Sixel: when the frame is the screen moved up or down by some rows (a
 * scroll), move the screen so in the terminal (the rows above the status
 * line, DECSTBM and SU or SD), which moves the pixels with the text, and
 * in curses' record of it (curscr), so that only the rows that came in
 * are drawn.  Not with more than one picture to a row (the entity pane
 * does not move with the text) or rows the overlay has repainted. */
static void
scroll_rows(imgrows *ir, const pk_overlay *ov)
{
	int t = LINES - 1, best = 0, most = 0;  /* the text rows: 0 .. t-1 */
	if (ir->nwant < 2 || ir->nshown < 2 || t < 3)
		return;
	for (size_t i = 0; i < ir->nwant; i++)
		if (ir->want[i].x != ir->want[0].x)
			return;
	for (size_t i = 0; i < ir->nshown; i++)
		if (ir->shown[i].x != ir->want[0].x || overlay_redrew(ov, ir->shown[i].y))
			return;
	/* the shift that keeps the most pictures: row y now shows what row
	 * y + k showed */
	for (int k = -(t / 2); k <= t / 2; k++) {
		int same = 0;
		if (k == 0)
			continue;
		for (size_t i = 0; i < ir->nwant; i++) {
			const struct row *o = shown_at(ir, ir->want[i].y + k, ir->want[i].x);
			same += o && o->key && o->key == ir->want[i].key && o->cols == ir->want[i].cols;
		}
		if (same > most)
			most = same, best = k;
	}
	int here = 0;   /* pictures kept without a shift */
	for (size_t i = 0; i < ir->nwant; i++) {
		const struct row *o = shown_at(ir, ir->want[i].y, ir->want[i].x);
		here += o && o->key == ir->want[i].key;
	}
	if (most < 2 || most <= here || most * 2 < (int)ir->nwant)
		return;
	char b[48];
	int n = snprintf(b, sizeof b, "\033[1;%dr\033[%d%c\033[r", t, best > 0 ? best : -best,
	                 best > 0 ? 'S' : 'T');
	put(ir, b, (size_t)n);
	/* curses' record moves the same way (it sends nothing for curscr) */
	wsetscrreg(curscr, 0, t - 1);
	scrollok(curscr, TRUE);
	wscrl(curscr, best);
	scrollok(curscr, FALSE);
	wsetscrreg(curscr, 0, LINES - 1);
	size_t w = 0;
	for (size_t i = 0; i < ir->nshown; i++) {
		struct row r = ir->shown[i];
		r.y -= best;
		if (r.y >= 0 && r.y < t)
			ir->shown[w++] = r;
	}
	ir->nshown = w;
	ir->scrolled++;
	/* sent now, before curses' update: its cursor moves are relative to
	 * where it believes the cursor is */
	send(ir);
}

void
imgrows_settle(imgrows *ir, const pk_overlay *ov)
{
	if (ir->gfx != TERM_GFX_SIXEL)
		return;  /* kitty's pictures lie over the cells: deleted in the flush */
	scroll_rows(ir, ov);
	for (size_t i = 0; i < ir->nshown; i++) {
		struct row *r = &ir->shown[i];
		const struct row *w = wanted_at(ir, r->y, r->x);
		/* gone, or narrower: the old picture's pixels would stay; the
		 * repainted row loses its other pictures too */
		if (r->key && (!w || w->cols != r->cols) && r->y < LINES) {
			wredrawln(curscr, r->y, 1);
			for (size_t k = 0; k < ir->nshown; k++)
				if (ir->shown[k].y == r->y)
					ir->shown[k].key = 0;
		}
	}
}

/* Send the output and put the cursor back where curses has it. */
static void
send(imgrows *ir)
{
	int cy, cx;
	if (ir->nout == 0)
		return;
	getyx(curscr, cy, cx);
	put_cup(ir, cy, cx);
	fflush(stdout);
	term_write(STDOUT_FILENO, ir->out, ir->nout);
	ir->sent += ir->nout;
	ir->nout = 0;
}

/* Is the frame the screen's record (kitty: the same rows at the same
 * places)? */
static bool
same_rows(const imgrows *ir)
{
	if (ir->nwant != ir->nshown)
		return false;
	for (size_t i = 0; i < ir->nwant; i++)
		if (ir->want[i].y != ir->shown[i].y || ir->want[i].x != ir->shown[i].x ||
		    ir->want[i].key != ir->shown[i].key)
			return false;
	return true;
}

void
imgrows_flush(imgrows *ir, const pk_overlay *ov)
{
	if (ir->gfx == TERM_GFX_KITTY) {
		if (!same_rows(ir)) {
			/* placements, not pictures, are deleted (d=a) */
			put(ir, "\033_Ga=d,d=a,q=2\033\\", 16);
			for (size_t i = 0; i < ir->nwant; i++) {
				const struct row *r = &ir->want[i];
				char b[96];
				put_cup(ir, r->y, r->x);
				size_t k = img_kitty_place(b, sizeof b, ir->cache[r->ent].id, r->cols, 1);
				put(ir, b, k);
			}
		}
	} else {
		for (size_t i = 0; i < ir->nwant; i++) {
			const struct row *r = &ir->want[i];
			const struct row *o = shown_at(ir, r->y, r->x);
			const struct ent *e = &ir->cache[r->ent];
			if (o && o->key == r->key && o->x == r->x && o->cols == r->cols &&
			    !overlay_redrew(ov, r->y))
				continue;  /* the screen shows it */
			for (int k = 0; k < e->npc; k++) {
				size_t a = k ? e->pend[k - 1] : 0;
				put_cup(ir, r->y, r->x + k * (SIXEL_PIECE_PX / ir->cw));
				put(ir, e->six + a, e->pend[k] - a);
			}
		}
	}
	/* the screen's record is the frame */
	if (pk_grow(&ir->shown, &ir->capshown, ir->nwant + 1, sizeof *ir->shown, 64) == 0) {
		if (ir->nwant)
			memcpy(ir->shown, ir->want, ir->nwant * sizeof *ir->want);
		ir->nshown = ir->nwant;
	}
	send(ir);
}

void
imgrows_forget(imgrows *ir)
{
	ir->nshown = 0;
}

void
imgrows_clear(imgrows *ir)
{
	if (ir->gfx == TERM_GFX_KITTY) {
		/* every picture of ours, placed or not, and its data */
		for (int i = 0; i < IMGROWS_CACHE; i++) {
			struct ent *e = &ir->cache[i];
			if (e->key && e->id)
				put_delete(ir, e->id);
			e->key = 0;
			e->id = 0;
		}
	} else {
		for (size_t i = 0; i < ir->nshown; i++)
			if (ir->shown[i].y < LINES)
				wredrawln(curscr, ir->shown[i].y, 1);
	}
	ir->nshown = 0;
	ir->nwant = 0;
	send(ir);
}

bool
imgrows_last_row(const imgrows *ir)
{
	return ir->gfx == TERM_GFX_KITTY;
}

size_t
imgrows_sent(const imgrows *ir)
{
	return ir->sent;
}
