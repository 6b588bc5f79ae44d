/* test_image.c - image mode's pieces (ui/image.c): the kitty and sixel
 * encoders, byte for byte, and shaping with a real Devanagari font. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "image.h"

static const img_pen INK[1] = { { { 0, 0, 0 }, { 255, 255, 255 } } };  /* black on white */

/* A 2x1 bitmap, ink then paper, black on white: RGB 000000 ffffff. */
static void
t_kitty_small(void **st)
{
	(void)st;
	uint8_t cov[2] = { 255, 0 };
	char out[256];
	size_t n = img_kitty(out, sizeof out, cov, NULL, 2, 1, INK, 1, 7, 1, 1, false);
	const char *want = "\033_Ga=T,f=24,s=2,v=1,c=1,r=1,i=7,C=1,q=2,m=0;AAAA////\033\\";
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
	/* a buffer too small is refused, not overrun */
	assert_int_equal(img_kitty(out, 20, cov, NULL, 2, 1, INK, 1, 7, 1, 1, false), 0);
}

/* Over 4096 base64 bytes: chunks of at most 4096, m=1 on all but the last,
 * the keys on the first only, and the base64 decodes to the pixels. */
static void
t_kitty_chunks(void **st)
{
	(void)st;
	int w = 100, h = 20;   /* 6000 raw bytes, 8000 base64 */
	uint8_t *cov = calloc((size_t)w * h, 1);
	size_t cap = 20000;
	char *out = malloc(cap);
	assert_non_null(cov);
	assert_non_null(out);
	for (int i = 0; i < w * h; i++)
		cov[i] = (uint8_t)(i % 7 == 0 ? 255 : 0);
	size_t n = img_kitty(out, cap, cov, NULL, w, h, INK, 1, 1, 10, 1, false);
	assert_true(n > 8000);
	int chunks = 0;
	size_t b64 = 0;
	for (size_t i = 0; i < n;) {
		assert_memory_equal(out + i, "\033_G", 3);
		char *semi = memchr(out + i, ';', n - i);
		char *end = memchr(out + i + 1, '\033', n - i - 1);
		assert_non_null(semi);
		assert_non_null(end);
		size_t len = (size_t)(end - semi - 1);
		assert_true(len <= 4096);
		assert_int_equal(len % 4, 0);
		bool last = end + 2 == out + n;
		assert_non_null(strstr(out + i, last ? "m=0;" : "m=1;"));
		if (chunks > 0)
			assert_true(out[i + 3] == 'm');   /* no keys again */
		b64 += len;
		chunks++;
		i = (size_t)(end - out) + 2;
	}
	assert_int_equal(chunks, 2);
	assert_int_equal(b64, 8000);
	free(cov);
	free(out);
}

/* A 1x6 column, rows ink, paper, ink, paper, paper, ink: shade 3 has bits
 * 0, 2, 5 (1 + 4 + 32 = 37 -> '?' + 37 = 'd'), shade 0 the others
 * (2 + 8 + 16 = 26 -> 'Y'). */
static void
t_sixel_small(void **st)
{
	(void)st;
	uint8_t cov[6] = { 255, 0, 255, 0, 0, 255 };
	char out[512];
	size_t n = img_sixel(out, sizeof out, cov, NULL, 1, 6, INK, 1);
	out[n] = 0;
	assert_true(n > 0);
	assert_memory_equal(out, "\033P0;1;0q\"1;1;1;6", 16);
	assert_non_null(strstr(out, "#0;2;100;100;100"));   /* paper, white */
	assert_non_null(strstr(out, "#1;2;0;0;0"));         /* ink, black: the next register */
	assert_non_null(strstr(out, "#0Y$"));
	assert_non_null(strstr(out, "#1d$"));
	assert_null(strstr(out, "#2"));                     /* shades 1, 2 unused: no register */
	assert_memory_equal(out + n - 3, "-\033\\", 3);
}

/* A run of the same sixel is written !count. */
static void
t_sixel_runs(void **st)
{
	(void)st;
	uint8_t cov[40];
	memset(cov, 255, sizeof cov);   /* 40x1, all ink */
	char out[512];
	size_t n = img_sixel(out, sizeof out, cov, NULL, 40, 1, INK, 1);
	out[n] = 0;
	assert_non_null(strstr(out, "#0!40@$"));   /* bit 0 only: '?' + 1; the one register */
	assert_int_equal(img_sixel(out, 30, cov, NULL, 40, 1, INK, 1), 0);
}

/* Pens: a highlighted pixel is blended from its own pen's paper to ink.
 * 3x1: ink in pen 0, paper in pen 1 (white on blue), ink in pen 1. */
static void
t_pens(void **st)
{
	(void)st;
	static const img_pen pal[2] = { { { 0, 0, 0 }, { 255, 255, 255 } },
		                        { { 255, 255, 255 }, { 0, 0, 255 } } };
	uint8_t cov[3] = { 255, 0, 255 }, pen[3] = { 0, 1, 1 };
	char out[512];
	/* pixels 000000 0000ff ffffff: base64 of 00 00 00 00 00 ff ff ff ff */
	size_t n = img_kitty(out, sizeof out, cov, pen, 3, 1, pal, 2, 1, 0, 0, false);
	out[n] = 0;
	assert_string_equal(out, "\033_Ga=t,f=24,s=3,v=1,i=1,q=2,m=0;AAAAAAD/////\033\\");
	n = img_kitty_place(out, sizeof out, 1, 3, 1);
	out[n] = 0;
	assert_string_equal(out, "\033_Ga=p,i=1,c=3,r=1,C=1,q=2\033\\");
	/* sixel: pen 0's ink, pen 1's paper (blue), pen 1's ink, numbered
	 * 0, 1, 2: no paper of pen 0, so none defined for it */
	n = img_sixel(out, sizeof out, cov, pen, 3, 1, pal, 2);
	out[n] = 0;
	assert_non_null(strstr(out, "#0;2;0;0;0"));
	assert_non_null(strstr(out, "#1;2;0;0;100"));
	assert_non_null(strstr(out, "#2;2;100;100;100"));
	assert_null(strstr(out, "#3"));
	/* a pen past the palette is pen 0; more pens than sixel allows: refused */
	assert_int_equal(img_sixel(out, sizeof out, cov, pen, 3, 1, pal, IMG_PENS_MAX + 1), 0);
}

#ifdef HAVE_HARFBUZZ
#include <zlib.h>
/* kitty with zlib (o=z): the payload, base64-decoded and inflated, is the
 * pixels, and a mostly blank row shrinks to a tenth or less. */
static void
t_kitty_zlib(void **st)
{
	(void)st;
	enum { W = 200, H = 20 };
	static uint8_t cov[W * H], raw[3 * W * H], back[3 * W * H];
	static char out[40000], b64[40000];
	for (int i = 0; i < W; i++)
		cov[5 * W + i] = (uint8_t)(i % 3 ? 255 : 0);   /* one row of ink */
	size_t n = img_kitty(out, sizeof out, cov, NULL, W, H, INK, 1, 9, 0, 0, true);
	assert_true(n > 0);
	assert_non_null(strstr(out, "a=t,f=24,o=z,s=200,v=20,i=9"));
	/* the payload: every chunk's base64 after ';' */
	size_t nb = 0;
	for (size_t i = 0; i < n;) {
		char *semi = memchr(out + i, ';', n - i), *end = memchr(out + i + 1, '\033', n - i - 1);
		assert_non_null(semi);
		assert_non_null(end);
		memcpy(b64 + nb, semi + 1, (size_t)(end - semi - 1));
		nb += (size_t)(end - semi - 1);
		i = (size_t)(end - out) + 2;
	}
	assert_true(nb < 3 * W * H / 10);
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	static uint8_t z[40000];
	size_t nz = 0;
	for (size_t i = 0; i + 3 < nb; i += 4) {
		uint32_t v = 0;
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			const char *p = strchr(alpha, b64[i + (size_t)k]);
			pad += b64[i + (size_t)k] == '=';
			v = v << 6 | (uint32_t)(p && b64[i + (size_t)k] != '=' ? p - alpha : 0);
		}
		z[nz++] = (uint8_t)(v >> 16);
		if (pad < 2)
			z[nz++] = (uint8_t)(v >> 8);
		if (pad < 1)
			z[nz++] = (uint8_t)v;
	}
	uLongf nback = sizeof back;
	assert_int_equal(uncompress(back, &nback, z, (uLong)nz), Z_OK);
	assert_int_equal(nback, sizeof raw);
	for (int i = 0; i < W * H; i++)   /* black ink on white paper */
		raw[3 * i] = raw[3 * i + 1] = raw[3 * i + 2] = (uint8_t)(255 - cov[i]);
	assert_memory_equal(back, raw, sizeof raw);
}
#endif

/* HarfBuzz with a real Devanagari font: the conjuncts of राष्ट्रपति (10 code
 * points) and क्षेत्र become fewer glyphs than code points, and the line is
 * drawn with ink inside its cells.  Skipped without HarfBuzz or the font. */
static void
t_shape(void **st)
{
	(void)st;
	img_font *f = img_font_open("Noto Sans Devanagari:lang=hi", 20);
	if (!f) {
#ifdef HAVE_HARFBUZZ
		skip();  /* no Devanagari font (fonts-noto-core) */
#else
		assert_null(f);  /* built without HarfBuzz: no images, as documented */
		return;
#endif
	}
	const char *w = "राष्ट्रपति";
	int adv = 0;
	int ng = img_shape(f, w, strlen(w), &adv);
	assert_true(ng > 0 && ng < 10);
	assert_true(adv > 10);
	const char *k = "क्षेत्र";   /* 7 code points */
	assert_true(img_shape(f, k, strlen(k), NULL) < 7);
	/* a quoted English name: Latin from the second font, no boxes */
	const char *mix = "नासा (NASA) के Artemis";
	assert_true(img_shape(f, mix, strlen(mix), NULL) > 0);
	assert_int_equal(img_missing(f), 0);
	/* drawn into 6 cells of 10x20: ink, and none beyond the bitmap */
	uint8_t cov[60 * 20];
	assert_int_equal(img_draw(f, w, strlen(w), NULL, cov, NULL, 60, 20), 0);
	int ink = 0;
	for (size_t i = 0; i < sizeof cov; i++)
		ink += cov[i] > 128;
	assert_true(ink > 50);
	/* squeezed, not clipped: into 3 cells the last column still has ink
	 * near it, and no more ink than at full width */
	uint8_t narrow[30 * 20];
	assert_int_equal(img_draw(f, w, strlen(w), NULL, narrow, NULL, 30, 20), 0);
	int last = 0;
	for (int y = 0; y < 20; y++)
		for (int x = 24; x < 30; x++)
			last += narrow[y * 30 + x] > 64;
	assert_true(last > 0);
	img_font_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_kitty_small),
		cmocka_unit_test(t_kitty_chunks),
		cmocka_unit_test(t_sixel_small),
		cmocka_unit_test(t_sixel_runs),
		cmocka_unit_test(t_pens),
#ifdef HAVE_HARFBUZZ
		cmocka_unit_test(t_kitty_zlib),
#endif
		cmocka_unit_test(t_shape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
