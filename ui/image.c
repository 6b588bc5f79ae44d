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

/* A glyph drawn once (at one horizontal squeeze), kept for the next line. */
struct glyph {
	unsigned gid;     /* 0 with no bitmap: an empty slot (glyph 0 is never kept) */
	long sx;
	int left, top, w, h;
	uint8_t *bits;    /* w x h coverage */
};

/* The glyph cache: direct-mapped, a slot per (glyph, squeeze) hash, so its
 * memory is bounded by GLYPH_SLOTS bitmaps of one glyph each. */
enum { GLYPH_SLOTS = 1024 };

struct img_font {
	FT_Library lib;
	FT_Face face;
	hb_font_t *hb;
	hb_buffer_t *buf;
	int ascent;       /* pixels above the baseline */
	char *file;
	struct glyph cache[GLYPH_SLOTS];
	size_t cache_bytes;
};

/* The file of the font fontconfig matches to pattern, if it has Devanagari. */
static char *
match_file(const char *pattern)
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
	FcConfigSubstitute(cfg, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	m = FcFontMatch(cfg, p, &r);
	FcPatternDestroy(p);
	if (!m) {
		FcConfigDestroy(cfg);
		return NULL;
	}
	/* fontconfig always matches something: it must have क */
	if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) == FcResultMatch &&
	    FcCharSetHasChar(cs, 0x0915) &&
	    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
		out = strdup((const char *)file);
	FcPatternDestroy(m);
	FcConfigDestroy(cfg);
	return out;
}

img_font *
img_font_open(const char *pattern, int cell_h)
{
	img_font *f = calloc(1, sizeof *f);
	if (!f || cell_h < 4 || !(f->file = match_file(pattern)) ||
	    FT_Init_FreeType(&f->lib) != 0 || FT_New_Face(f->lib, f->file, 0, &f->face) != 0 ||
	    FT_Set_Pixel_Sizes(f->face, 0, (FT_UInt)cell_h) != 0)
		goto fail;
	/* Devanagari fonts reach far above and below the em: size the font so
	 * that ascender to descender fits the cell */
	long line = f->face->size->metrics.ascender - f->face->size->metrics.descender;
	if (line > (long)cell_h * 64) {
		FT_UInt px = (FT_UInt)((long)cell_h * cell_h * 64 / line);
		if (px < 4 || FT_Set_Pixel_Sizes(f->face, 0, px) != 0)
			goto fail;
	}
	f->ascent = (int)((f->face->size->metrics.ascender + 63) / 64);
	if (!(f->hb = hb_ft_font_create_referenced(f->face)) ||
	    !hb_buffer_allocation_successful(f->buf = hb_buffer_create()))
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
	if (f->hb)
		hb_font_destroy(f->hb);  /* and its reference to the face */
	if (f->face)
		FT_Done_Face(f->face);
	if (f->lib)
		FT_Done_FreeType(f->lib);
	free(f->file);
	free(f);
}

const char *
img_font_file(const img_font *f)
{
	return f ? f->file : NULL;
}

int
img_shape(img_font *f, const char *s, size_t n, int *advance)
{
	unsigned ng;
	if (!f || n > 1u << 20)
		return -1;
	hb_buffer_reset(f->buf);
	hb_buffer_add_utf8(f->buf, s, (int)n, 0, (int)n);
	hb_buffer_guess_segment_properties(f->buf);
	hb_shape(f->hb, f->buf, NULL, 0);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(f->buf, &ng);
	long adv = 0;
	for (unsigned i = 0; i < ng; i++)
		adv += pos[i].x_advance;
	if (advance)
		*advance = (int)((adv + 63) / 64);
	return (int)ng;
}

/* Glyph gid drawn at squeeze sx, from the cache or rendered into it; NULL
 * when FreeType cannot draw it. */
static const struct glyph *
glyph_get(img_font *f, unsigned gid, FT_Fixed sx)
{
	struct glyph *g = &f->cache[(gid * 2654435761u ^ (unsigned)sx) % GLYPH_SLOTS];
	if (g->bits && g->gid == gid && g->sx == sx)
		return g;
	FT_Matrix m = { sx, 0, 0, 0x10000 };
	FT_Set_Transform(f->face, &m, NULL);
	if (FT_Load_Glyph(f->face, gid, FT_LOAD_DEFAULT) != 0 ||
	    FT_Render_Glyph(f->face->glyph, FT_RENDER_MODE_NORMAL) != 0)
		return NULL;
	FT_GlyphSlot s = f->face->glyph;
	size_t bw = s->bitmap.width, bh = s->bitmap.rows;
	uint8_t *bits = malloc(bw * bh > 0 ? bw * bh : 1);
	if (!bits)
		return NULL;
	for (size_t r = 0; r < bh; r++)
		memcpy(bits + r * bw, s->bitmap.buffer + (long)r * s->bitmap.pitch, bw);
	if (g->bits)
		f->cache_bytes -= (size_t)g->w * (size_t)g->h;
	free(g->bits);
	*g = (struct glyph){ gid, sx, s->bitmap_left, s->bitmap_top, (int)bw, (int)bh, bits };
	f->cache_bytes += bw * bh;
	return g;
}

size_t
img_cache_bytes(const img_font *f)
{
	return f ? f->cache_bytes : 0;
}

int
img_draw(img_font *f, const char *s, size_t n, uint8_t *cov, int w, int h)
{
	int adv;
	memset(cov, 0, (size_t)w * (size_t)h);
	if (img_shape(f, s, n, &adv) < 0)
		return -1;
	unsigned ng;
	hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(f->buf, &ng);
	hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(f->buf, &ng);
	/* squeeze a line wider than its cells: scale x, never clip */
	/* squeezed in steps of 1/64, so that the cache finds them again */
	FT_Fixed sx = adv > w ? (FT_Fixed)((long long)w * 64 / adv) << 10 : 0x10000;
	long pen = 0;   /* 26.6, unscaled */
	int base = f->ascent < h ? f->ascent : h - 1;
	for (unsigned i = 0; i < ng; i++) {
		const struct glyph *g = gi[i].codepoint ? glyph_get(f, gi[i].codepoint, sx) : NULL;
		if (g) {
			long ox = (long)((pen + gp[i].x_offset) * sx / 0x10000);
			int x0 = (int)(ox / 64) + g->left;
			int y0 = base - g->top - gp[i].y_offset / 64;
			for (int r = 0; r < g->h; r++) {
				int y = y0 + r;
				if (y < 0 || y >= h)
					continue;
				const uint8_t *src = g->bits + (size_t)r * (size_t)g->w;
				for (int c = 0; c < g->w; c++) {
					int x = x0 + c;
					if (x >= 0 && x < w && src[c] > cov[(size_t)y * w + x])
						cov[(size_t)y * w + x] = src[c];
				}
			}
		}
		pen += gp[i].x_advance;
	}
	FT_Set_Transform(f->face, NULL, NULL);
	return 0;
}

#else /* !HAVE_HARFBUZZ: the text-only reader */

img_font *img_font_open(const char *pattern, int cell_h) { (void)pattern; (void)cell_h; return NULL; }
void img_font_free(img_font *f) { (void)f; }
const char *img_font_file(const img_font *f) { (void)f; return NULL; }
size_t img_cache_bytes(const img_font *f) { (void)f; return 0; }
int img_shape(img_font *f, const char *s, size_t n, int *advance)
{
	(void)f; (void)s; (void)n; (void)advance;
	return -1;
}
int img_draw(img_font *f, const char *s, size_t n, uint8_t *cov, int w, int h)
{
	(void)f; (void)s; (void)n; (void)cov; (void)w; (void)h;
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

size_t
img_kitty(char *out, size_t cap, const uint8_t *cov, int w, int h, img_rgb fg, img_rgb bg,
          unsigned id, int cols, int rows)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	enum { CHUNK = 4096 };   /* base64 bytes per escape string, as the protocol asks */
	size_t npix = (size_t)w * (size_t)h, nraw = 3 * npix, nb64 = (nraw + 2) / 3 * 4;
	size_t o = 0, done = 0;
	char head[128];

	if (w <= 0 || h <= 0)
		return 0;
	while (done < nb64) {
		size_t len = nb64 - done < CHUNK ? nb64 - done : CHUNK;
		int hn = done == 0
		         ? snprintf(head, sizeof head, "\033_Ga=T,f=24,s=%d,v=%d,c=%d,r=%d,i=%u,q=2,m=%d;",
		                    w, h, cols, rows, id, done + len < nb64)
		         : snprintf(head, sizeof head, "\033_Gm=%d;", done + len < nb64);
		if (o + (size_t)hn + len + 2 > cap)
			return 0;
		memcpy(out + o, head, (size_t)hn);
		o += (size_t)hn;
		/* base64 of bytes [done/4*3, ...): a chunk is a multiple of 4 */
		for (size_t q = done / 4; q < (done + len) / 4 + ((done + len) % 4 != 0); q++) {
			uint32_t v = 0;
			int have = 0;
			for (int k = 0; k < 3; k++) {
				size_t bi = 3 * q + (size_t)k;   /* raw byte: pixel bi/3, channel bi%3 */
				uint8_t byte = 0;
				if (bi < nraw) {
					unsigned a = cov[bi / 3];
					byte = bi % 3 == 0 ? mix(bg.r, fg.r, a) : bi % 3 == 1 ? mix(bg.g, fg.g, a)
					                                             : mix(bg.b, fg.b, a);
					have++;
				}
				v = v << 8 | byte;
			}
			out[o++] = b64[v >> 18 & 63];
			out[o++] = b64[v >> 12 & 63];
			out[o++] = have > 1 ? b64[v >> 6 & 63] : '=';
			out[o++] = have > 2 ? b64[v & 63] : '=';
		}
		out[o++] = '\033';
		out[o++] = '\\';
		done += len;
	}
	return o;
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
img_sixel(char *out, size_t cap, const uint8_t *cov, int w, int h, img_rgb fg, img_rgb bg)
{
	enum { SHADES = 4 };
	size_t o = 0;
	int k;

	if (w <= 0 || h <= 0 || cap < 64)
		return 0;
	/* DCS P1=0 (aspect 2:1, overridden by the raster attributes) P2=1
	 * (pixels not painted keep their colour) q; 1:1 pixels, w x h */
	k = snprintf(out, cap, "\033P0;1;0q\"1;1;%d;%d", w, h);
	o = (size_t)k;
	for (int s = 0; s < SHADES; s++) {
		unsigned a = (unsigned)(s * 255 / (SHADES - 1));
		k = snprintf(out + o, cap - o, "#%d;2;%d;%d;%d", s, mix(bg.r, fg.r, a) * 100 / 255,
		             mix(bg.g, fg.g, a) * 100 / 255, mix(bg.b, fg.b, a) * 100 / 255);
		if (k < 0 || (size_t)k >= cap - o)
			return 0;
		o += (size_t)k;
	}
	for (int y0 = 0; y0 < h; y0 += 6) {
		for (int s = 0; s < SHADES; s++) {
			bool any = false;
			unsigned run = 0;
			char last = 0;
			size_t mark = o;
			k = snprintf(out + o, cap - o, "#%d", s);
			if (k < 0 || (size_t)k >= cap - o)
				return 0;
			o += (size_t)k;
			for (int x = 0; x < w; x++) {
				unsigned bits = 0;
				for (int r = 0; r < 6 && y0 + r < h; r++) {
					unsigned a = cov[(size_t)(y0 + r) * (size_t)w + (size_t)x];
					if ((a * (SHADES - 1) + 127) / 255 == (unsigned)s)
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
				o = mark;   /* a shade with no pixel in this band: nothing */
				continue;
			}
			if (o + 1 >= cap)
				return 0;
			out[o++] = '$';   /* back to the band's start for the next shade */
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
