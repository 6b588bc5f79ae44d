/* image.c - shaped lines as bitmaps, and bitmaps as kitty or sixel strings (image.h). */
#include "config.h"

#include "image.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_HARFBUZZ
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-ft.h>
#include <unistr.h>
#include <zlib.h>

/* A glyph drawn once (at one horizontal squeeze), kept for the next line. */
struct glyph {
	unsigned gid;     /* 0 with no bitmap: an empty slot (glyph 0 is never kept) */
	int face;
	long sx;
	int left, top, w, h;
	uint8_t *bits;    /* w x h coverage */
};

/* The glyph cache: direct-mapped, a slot per (glyph, squeeze) hash, so its
 * memory is bounded by GLYPH_SLOTS bitmaps of one glyph each. */
enum { GLYPH_SLOTS = 1024 };

/* The Devanagari font has no Latin letters (Noto Sans Devanagari: digits
 * and punctuation only), and an article quotes English names: code points
 * it lacks are shaped with a second font, fontconfig's for the same
 * pattern without the language. */
enum { FACES = 2 };

/* A glyph of the shaped line, from one of the faces. */
struct sglyph {
	unsigned gid;
	int face;
	unsigned cluster;  /* byte offset of its cluster in the line */
	int xa, xo, yo;    /* 26.6 */
};

struct img_font {
	FT_Library lib;
	FT_Face face[FACES];
	hb_font_t *hb[FACES];
	int nfaces;
	hb_buffer_t *buf;
	int ascent;       /* pixels above the baseline */
	char *file;
	struct sglyph *sg; /* the last line shaped */
	size_t nsg, capsg;
	struct glyph cache[GLYPH_SLOTS];
	size_t cache_bytes;
};

/* The file of the font fontconfig matches to pattern; with need, only if
 * it has that character. */
static char *
match_file(const char *pattern, unsigned need)
{
	FcPattern *p = FcNameParse((const FcChar8 *)pattern), *m;
	FcResult r;
	FcChar8 *file = NULL;
	FcCharSet *cs = NULL;
	char *out = NULL;
	/* a configuration of our own, freed after: fontconfig's default one
	 * would live to the end of the process */
	FcConfig *cfg = p ? FcInitLoadConfigAndFonts() : NULL;

	if (!cfg) {
		if (p)
			FcPatternDestroy(p);
		return NULL;
	}
	if (need)
		FcPatternAddBool(p, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(cfg, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	m = FcFontMatch(cfg, p, &r);
	FcPatternDestroy(p);
	if (!m) {
		FcConfigDestroy(cfg);
		return NULL;
	}
	/* fontconfig always matches something: it must have what is asked */
	if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) == FcResultMatch &&
	    FcCharSetHasChar(cs, need) && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
		out = strdup((const char *)file);
	FcPatternDestroy(m);
	FcConfigDestroy(cfg);
	return out;
}

/* Open face i from file at px pixels. */
static int
face_open(img_font *f, int i, const char *file, FT_UInt px)
{
	if (FT_New_Face(f->lib, file, 0, &f->face[i]) != 0) {
		f->face[i] = NULL;
		return -1;
	}
	if (FT_Set_Pixel_Sizes(f->face[i], 0, px) != 0 ||
	    !(f->hb[i] = hb_ft_font_create_referenced(f->face[i])))
		return -1;
	f->nfaces = i + 1;
	return 0;
}

img_font *
img_font_open(const char *pattern, int cell_h)
{
	img_font *f = calloc(1, sizeof *f);
	char *latin = NULL, fallback[256];
	FT_UInt px = (FT_UInt)cell_h;
	if (!f || cell_h < 4 || !(f->file = match_file(pattern, 0x0915)) ||
	    FT_Init_FreeType(&f->lib) != 0 || face_open(f, 0, f->file, px) != 0)
		goto fail;
	/* Size the font by its ink, not its line metrics: Noto Sans
	 * Devanagari's ascender to descender is about 1.6 em, its tallest
	 * and deepest marks span about 1.3, and sized by the metrics the
	 * letters were small enough to lose their marks in a 19-pixel cell.
	 * The text below holds the tallest and deepest (ॐ, ई's and ँ's tops,
	 * ृ ु ू and conjuncts' feet). */
	static const char tall[] = "\u0950\u0908\u0901 \u0915\u0943 \u0926\u094D\u0930\u0941 "
	                           "\u0930\u0942 \u0915\u094D\u0937\u094D\u0930\u094D\u092F \u0939\u0943";
	FT_Face d = f->face[0];
	long top = 0, bot = 0;
	hb_buffer_t *b = hb_buffer_create();
	if (hb_buffer_allocation_successful(b)) {
		unsigned ng;
		hb_buffer_add_utf8(b, tall, -1, 0, -1);
		hb_buffer_guess_segment_properties(b);
		hb_shape(f->hb[0], b, NULL, 0);
		hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &ng);
		hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, &ng);
		for (unsigned i = 0; i < ng; i++) {
			if (FT_Load_Glyph(d, gi[i].codepoint, FT_LOAD_NO_BITMAP) != 0)
				continue;
			long t = d->glyph->metrics.horiBearingY + gp[i].y_offset;
			long u = t - d->glyph->metrics.height;
			top = t > top ? t : top;
			bot = u < bot ? u : bot;
		}
	}
	hb_buffer_destroy(b);
	long ink = top - bot, room = (long)(cell_h - 1) * 64;  /* a pixel of air */
	if (ink <= 0) {   /* not measured: the line metrics */
		top = d->size->metrics.ascender;
		ink = top - d->size->metrics.descender;
	}
	if (ink != room) {
		px = (FT_UInt)((long)px * room / ink);
		top = top * room / ink;
		if (px < 4 || px > (FT_UInt)cell_h * 2 || FT_Set_Pixel_Sizes(d, 0, px) != 0)
			goto fail;
		hb_ft_font_changed(f->hb[0]);
	}
	f->ascent = (int)((top + 63) / 64);
	/* the family without its language, for Latin ("Noto Sans Devanagari"
	 * -> "Noto Sans"): the same design where fontconfig has it */
	snprintf(fallback, sizeof fallback, "%s", pattern);
	char *cut = strstr(fallback, " Devanagari");
	if (cut)
		memmove(cut, cut + 11, strlen(cut + 11) + 1);
	if ((cut = strchr(fallback, ':')))
		*cut = 0;
	if ((latin = match_file(*fallback ? fallback : "sans-serif", 'a')) &&
	    strcmp(latin, f->file) != 0)
		face_open(f, 1, latin, px);  /* without it: Latin drawn as empty boxes */
	free(latin);
	if (!hb_buffer_allocation_successful(f->buf = hb_buffer_create()))
		goto fail;
	return f;
fail:
	img_font_free(f);
	return NULL;
}

void
img_font_free(img_font *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < GLYPH_SLOTS; i++)
		free(f->cache[i].bits);
	if (f->buf)
		hb_buffer_destroy(f->buf);
	for (int i = 0; i < FACES; i++) {
		if (f->hb[i])
			hb_font_destroy(f->hb[i]);  /* and its reference to the face */
		else if (f->face[i])
			FT_Done_Face(f->face[i]);
	}
	if (f->lib)
		FT_Done_FreeType(f->lib);
	free(f->sg);
	free(f->file);
	free(f);
}

const char *
img_font_file(const img_font *f)
{
	return f ? f->file : NULL;
}

/* The face that draws the code point at s[i] (its length in *len): the
 * first that has it; a mark goes with the base before it (-1). */
static int
face_for(const img_font *f, const char *s, size_t n, size_t i, size_t *len)
{
	ucs4_t cp;
	*len = (size_t)u8_mbtouc(&cp, (const uint8_t *)s + i, n - i);
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	hb_unicode_general_category_t gc = hb_unicode_general_category(uf, cp);
	if (gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
	    gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK || cp == 0x200C || cp == 0x200D ||
	    cp == ' ')
		return -1;
	for (int j = 0; j < f->nfaces; j++)
		if (FT_Get_Char_Index(f->face[j], cp))
			return j;
	return 0;
}

/* Append the glyphs of s[a..b) shaped with face j (clusters offset from s). */
static int
shape_run(img_font *f, int j, const char *s, size_t a, size_t b)
{
	unsigned ng;
	hb_buffer_reset(f->buf);
	hb_buffer_add_utf8(f->buf, s, (int)b, (unsigned)a, (int)(b - a));
	hb_buffer_guess_segment_properties(f->buf);
	hb_shape(f->hb[j], f->buf, NULL, 0);
	hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(f->buf, &ng);
	hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(f->buf, &ng);
	if (f->nsg + ng > f->capsg) {
		size_t cap = (f->nsg + ng) * 2;
		struct sglyph *v = realloc(f->sg, cap * sizeof *v);
		if (!v)
			return -1;
		f->sg = v;
		f->capsg = cap;
	}
	for (unsigned i = 0; i < ng; i++)
		f->sg[f->nsg++] = (struct sglyph){ gi[i].codepoint, j, gi[i].cluster, gp[i].x_advance,
		                                   gp[i].x_offset, gp[i].y_offset };
	return 0;
}

int
img_shape(img_font *f, const char *s, size_t n, int *advance)
{
	if (!f || n > 1u << 20)
		return -1;
	f->nsg = 0;
	/* runs of one face; a mark, ZWJ/ZWNJ or space stays in the run */
	size_t a = 0, i = 0, len;
	int cur = 0;
	bool any = false;
	while (i < n) {
		int j = face_for(f, s, n, i, &len);
		if (j >= 0 && any && j != cur) {
			if (shape_run(f, cur, s, a, i) < 0)
				return -1;
			a = i;
		}
		if (j >= 0)
			cur = j, any = true;
		i += len;
	}
	if (a < n && shape_run(f, cur, s, a, n) < 0)
		return -1;
	long adv = 0;
	for (size_t k = 0; k < f->nsg; k++)
		adv += f->sg[k].xa;
	if (advance)
		*advance = (int)((adv + 63) / 64);
	return (int)f->nsg;
}

/* Glyph gid of face j drawn at squeeze sx, from the cache or rendered into
 * it; NULL when FreeType cannot draw it. */
static const struct glyph *
glyph_get(img_font *f, int j, unsigned gid, FT_Fixed sx)
{
	struct glyph *g =
		&f->cache[((gid + (unsigned)j * 40503u) * 2654435761u ^ (unsigned)sx) % GLYPH_SLOTS];
	if (g->bits && g->gid == gid && g->face == j && g->sx == sx)
		return g;
	FT_Face face = f->face[j];
	FT_Matrix m = { sx, 0, 0, 0x10000 };
	FT_Set_Transform(face, &m, NULL);
	int err = FT_Load_Glyph(face, gid, FT_LOAD_DEFAULT) != 0 ||
	          FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0;
	FT_Set_Transform(face, NULL, NULL);
	if (err)
		return NULL;
	FT_GlyphSlot s = face->glyph;
	size_t bw = s->bitmap.width, bh = s->bitmap.rows;
	uint8_t *bits = malloc(bw * bh > 0 ? bw * bh : 1);
	if (!bits)
		return NULL;
	for (size_t r = 0; r < bh; r++)
		memcpy(bits + r * bw, s->bitmap.buffer + (long)r * s->bitmap.pitch, bw);
	if (g->bits)
		f->cache_bytes -= (size_t)g->w * (size_t)g->h;
	free(g->bits);
	*g = (struct glyph){ gid, j, sx, s->bitmap_left, s->bitmap_top, (int)bw, (int)bh, bits };
	f->cache_bytes += bw * bh;
	return g;
}

size_t
img_cache_bytes(const img_font *f)
{
	return f ? f->cache_bytes : 0;
}

int
img_missing(const img_font *f)
{
	int k = 0;
	for (size_t i = 0; f && i < f->nsg; i++)
		k += f->sg[i].gid == 0;
	return k;
}

int
img_draw(img_font *f, const char *s, size_t n, const uint8_t *pens, uint8_t *cov, uint8_t *pen,
         int w, int h)
{
	int adv;
	memset(cov, 0, (size_t)w * (size_t)h);
	if (pen)
		memset(pen, 0, (size_t)w * (size_t)h);
	if (img_shape(f, s, n, &adv) < 0)
		return -1;
	const struct sglyph *sg = f->sg;
	size_t ng = f->nsg;
	/* squeeze a line wider than its cells: scale x, never clip */
	/* squeezed in steps of 1/64, so that the cache finds them again */
	FT_Fixed sx = adv > w ? (FT_Fixed)((long long)w * 64 / adv) << 10 : 0x10000;
	long pen26 = 0;   /* 26.6, unscaled */
	int base = f->ascent < h ? f->ascent : h - 1;
	if (pen && pens) {
		/* a glyph's advance takes its pen's paper, so that a highlight
		 * is a band as it is in text, not only the ink */
		long p = 0;
		for (size_t i = 0; i < ng; i++) {
			int a = (int)(p * sx / 0x10000 / 64), b;
			p += sg[i].xa;
			b = (int)(p * sx / 0x10000 / 64);
			uint8_t k = sg[i].cluster < n ? pens[sg[i].cluster] : 0;
			for (int x = a < 0 ? 0 : a; x < b && x < w; x++)
				for (int y = 0; y < h; y++)
					pen[(size_t)y * w + x] = k;
		}
	}
	for (size_t i = 0; i < ng; i++) {
		const struct glyph *g = sg[i].gid ? glyph_get(f, sg[i].face, sg[i].gid, sx) : NULL;
		uint8_t k = pens && sg[i].cluster < n ? pens[sg[i].cluster] : 0;
		if (g) {
			long ox = (long)((pen26 + sg[i].xo) * sx / 0x10000);
			int x0 = (int)(ox / 64) + g->left;
			int y0 = base - g->top - sg[i].yo / 64;
			for (int r = 0; r < g->h; r++) {
				int y = y0 + r;
				if (y < 0 || y >= h)
					continue;
				const uint8_t *src = g->bits + (size_t)r * (size_t)g->w;
				for (int c = 0; c < g->w; c++) {
					int x = x0 + c;
					size_t at = (size_t)y * w + x;
					if (x >= 0 && x < w && src[c] > cov[at]) {
						cov[at] = src[c];
						if (pen)
							pen[at] = k;  /* ink reaching past its advance keeps its pen */
					}
				}
			}
		}
		pen26 += sg[i].xa;
	}
	return 0;
}

#else /* !HAVE_HARFBUZZ: the text-only reader */

img_font *img_font_open(const char *pattern, int cell_h) { (void)pattern; (void)cell_h; return NULL; }
void img_font_free(img_font *f) { (void)f; }
const char *img_font_file(const img_font *f) { (void)f; return NULL; }
size_t img_cache_bytes(const img_font *f) { (void)f; return 0; }
int img_missing(const img_font *f) { (void)f; return 0; }
int img_shape(img_font *f, const char *s, size_t n, int *advance)
{
	(void)f; (void)s; (void)n; (void)advance;
	return -1;
}
int img_draw(img_font *f, const char *s, size_t n, const uint8_t *pens, uint8_t *cov, uint8_t *pen,
             int w, int h)
{
	(void)f; (void)s; (void)n; (void)pens; (void)cov; (void)pen; (void)w; (void)h;
	return -1;
}
#endif

/* ---------------------------------------------------------------- encoders */

/* A shade between bg (0) and fg (255). */
static uint8_t
mix(uint8_t bg, uint8_t fg, unsigned a)
{
	return (uint8_t)((bg * (255 - a) + fg * a + 127) / 255);
}

/* The pen of pixel i (pen 0 without a pen bitmap), within the palette. */
static unsigned
pen_at(const uint8_t *pen, size_t i, int npens)
{
	unsigned k = pen ? pen[i] : 0;
	return k < (unsigned)npens ? k : 0;
}

/* The pixels as RGB, each blended from its pen's paper to its ink; with
 * zlib (kitty's o=z), deflated.  A new buffer and its length in *len, or
 * NULL. */
static uint8_t *
kitty_pixels(const uint8_t *cov, const uint8_t *pen, size_t npix, const img_pen *pal,
             int npens, bool zlib, size_t *len)
{
	uint8_t *raw = malloc(3 * npix);
	if (!raw)
		return NULL;
	for (size_t i = 0; i < npix; i++) {
		const img_pen *pp = &pal[pen_at(pen, i, npens)];
		raw[3 * i] = mix(pp->bg.r, pp->fg.r, cov[i]);
		raw[3 * i + 1] = mix(pp->bg.g, pp->fg.g, cov[i]);
		raw[3 * i + 2] = mix(pp->bg.b, pp->fg.b, cov[i]);
	}
	*len = 3 * npix;
#ifdef HAVE_HARFBUZZ
	if (zlib) {
		/* a row is mostly paper: a tenth of the bytes or less, and the
		 * fastest level is fast enough (make bench-image) */
		uLongf zl = compressBound((uLong)*len);
		uint8_t *z = malloc(zl);
		if (z && compress2(z, &zl, raw, (uLong)*len, 1) == Z_OK) {
			free(raw);
			*len = zl;
			return z;
		}
		free(z);
		free(raw);
		return NULL;
	}
#else
	(void)zlib;
#endif
	return raw;
}

size_t
img_base64(const uint8_t *in, size_t n, char *out)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) |
		             (i + 2 < n ? in[i + 2] : 0);
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[o++] = i + 2 < n ? b64[v & 63] : '=';
	}
	return o;
}

size_t
img_kitty(char *out, size_t cap, const uint8_t *cov, const uint8_t *pen, int w, int h,
          const img_pen *pal, int npens, unsigned id, int cols, int rows, bool zlib)
{
	enum { CHUNK = 4096 };   /* base64 bytes per escape string, as the protocol asks */
	size_t npix = (size_t)w * (size_t)h, nraw, o = 0, done = 0;
	char head[160];

	if (w <= 0 || h <= 0 || npens < 1)
		return 0;
	uint8_t *raw = kitty_pixels(cov, pen, npix, pal, npens, zlib, &nraw);
	if (!raw)
		return 0;
	size_t nb64 = (nraw + 2) / 3 * 4;
	while (done < nb64) {
		size_t len = nb64 - done < CHUNK ? nb64 - done : CHUNK;
		/* a=T shows it at the cursor; with no cells given (transmit
		 * only, placed later by img_kitty_place()) a=t */
		int hn = done == 0
		         ? snprintf(head, sizeof head, "\033_Ga=%c,f=24,%ss=%d,v=%d,", cols > 0 ? 'T' : 't',
		                    zlib ? "o=z," : "", w, h)
		         : 0;
		if (done == 0 && cols > 0)
			hn += snprintf(head + hn, sizeof head - (size_t)hn, "c=%d,r=%d,", cols, rows);
		if (done == 0)
			hn += snprintf(head + hn, sizeof head - (size_t)hn, "i=%u,%sq=2,m=%d;", id,
			               cols > 0 ? "C=1," : "", done + len < nb64);
		else
			hn = snprintf(head, sizeof head, "\033_Gm=%d;", done + len < nb64);
		if (o + (size_t)hn + len + 2 > cap) {
			free(raw);
			return 0;
		}
		memcpy(out + o, head, (size_t)hn);
		o += (size_t)hn;
		/* base64 of bytes [done/4*3, ...): a chunk is a multiple of 4 */
		size_t from = done / 4 * 3, n = len / 4 * 3;
		o += img_base64(raw + from, nraw - from < n ? nraw - from : n, out + o);
		out[o++] = '\033';
		out[o++] = '\\';
		done += len;
	}
	free(raw);
	return o;
}

size_t
img_kitty_place(char *out, size_t cap, unsigned id, int cols, int rows)
{
	int k = snprintf(out, cap, "\033_Ga=p,i=%u,c=%d,r=%d,C=1,q=2\033\\", id, cols, rows);
	return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

/* Append one sixel run: n times the sixel character c. */
static size_t
sixel_run(char *out, size_t o, size_t cap, unsigned n, char c)
{
	if (n == 0)
		return o;
	if (n > 3) {
		int k = snprintf(out + o, cap - o, "!%u%c", n, c);
		return k > 0 && (size_t)k < cap - o ? o + (size_t)k : cap;
	}
	while (n-- && o < cap)
		out[o++] = c;
	return o;
}

size_t
img_sixel(char *out, size_t cap, const uint8_t *cov, const uint8_t *pen, int w, int h,
          const img_pen *pal, int npens)
{
	enum { SHADES = 4 };
	size_t o = 0;
	int k;
	bool used[IMG_PENS_MAX * SHADES] = { false };
	int num[IMG_PENS_MAX * SHADES], nregs = 0;

	if (w <= 0 || h <= 0 || cap < 64 || npens < 1 || npens > IMG_PENS_MAX)
		return 0;
	/* DCS P1=0 (aspect 2:1, overridden by the raster attributes) P2=1
	 * (pixels not painted keep their colour) q; 1:1 pixels, w x h */
	k = snprintf(out, cap, "\033P0;1;0q\"1;1;%d;%d", w, h);
	o = (size_t)k;
	/* a register per pen and shade, defined only when some pixel has it,
	 * numbered from 0 without gaps: xterm as a VT340 has 16 */
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
		used[pen_at(pen, i, npens) * SHADES + (cov[i] * (SHADES - 1) + 127) / 255] = true;
	for (int reg = 0; reg < npens * SHADES; reg++) {
		if (!used[reg])
			continue;
		num[reg] = nregs++;
		const img_pen *pp = &pal[reg / SHADES];
		unsigned a = (unsigned)(reg % SHADES * 255 / (SHADES - 1));
		k = snprintf(out + o, cap - o, "#%d;2;%d;%d;%d", num[reg],
		             mix(pp->bg.r, pp->fg.r, a) * 100 / 255,
		             mix(pp->bg.g, pp->fg.g, a) * 100 / 255, mix(pp->bg.b, pp->fg.b, a) * 100 / 255);
		if (k < 0 || (size_t)k >= cap - o)
			return 0;
		o += (size_t)k;
	}
	for (int y0 = 0; y0 < h; y0 += 6) {
		for (int reg = 0; reg < npens * SHADES; reg++) {
			bool any = false;
			unsigned run = 0;
			char last = 0;
			size_t mark = o;
			if (!used[reg])
				continue;
			k = snprintf(out + o, cap - o, "#%d", num[reg]);
			if (k < 0 || (size_t)k >= cap - o)
				return 0;
			o += (size_t)k;
			for (int x = 0; x < w; x++) {
				unsigned bits = 0;
				for (int r = 0; r < 6 && y0 + r < h; r++) {
					size_t i = (size_t)(y0 + r) * (size_t)w + (size_t)x;
					unsigned a = cov[i];
					if (pen_at(pen, i, npens) * SHADES + (a * (SHADES - 1) + 127) / 255 ==
					    (unsigned)reg)
						bits |= 1u << r;
				}
				char c = (char)('?' + bits);
				any |= bits != 0;
				if (c == last) {
					run++;
					continue;
				}
				o = sixel_run(out, o, cap, run, last);
				last = c;
				run = 1;
			}
			o = sixel_run(out, o, cap, run, last);
			if (!any) {
				o = mark;   /* a register with no pixel in this band: nothing */
				continue;
			}
			if (o + 1 >= cap)
				return 0;
			out[o++] = '$';   /* back to the band's start for the next register */
		}
		if (o + 1 >= cap)
			return 0;
		out[o++] = '-';
	}
	if (o + 2 > cap)
		return 0;
	out[o++] = '\033';
	out[o++] = '\\';
	return o;
}
