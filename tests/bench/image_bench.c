/* image_bench.c - a benchmark, not a test: image mode's pieces (ui/image.c)
 * on the bundled article.  The seed's text is cut into 30 rows of at most
 * 100 columns (by code points: near enough for timing); each row is shaped
 * and drawn into 100 cells of 10x20 pixels and encoded for kitty and for
 * sixel.  Reports the time for a page of 30 rows (the first, with every
 * glyph drawn anew, and the best of 20 with the glyph cache warm) and for
 * one row (what a one-line scroll draws: image mode's line cache is not
 * built yet), the bytes a page sends and the glyph cache's size. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "image.h"

#define ROWS 30
#define COLS 100
#define CW 10
#define CH 20

static double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int
main(void)
{
	static char text[1 << 16];
	FILE *fp = fopen(TEST_SRCDIR "/assets/articles/seed.txt", "rb");
	size_t len = fp ? fread(text, 1, sizeof text - 1, fp) : 0;
	if (fp)
		fclose(fp);
	double t0 = now_ms();
	img_font *f = img_font_open("Noto Sans Devanagari:lang=hi", CH);
	double topen = now_ms() - t0;
	if (!f || !len) {
		printf("image_bench: no Devanagari font or built without HarfBuzz: skipped\n");
		return 0;
	}
	/* rows: runs of up to COLS code points, cut at spaces */
	size_t st[ROWS], en[ROWS], nr = 0, p = 0;
	while (nr < ROWS && p < len) {
		while (p < len && (text[p] == '\n' || text[p] == ' '))
			p++;
		size_t q = p, cps = 0, cut = 0;
		while (q < len && text[q] != '\n' && cps < COLS) {
			if ((text[q] & 0xC0) != 0x80)
				cps++;
			if (text[q] == ' ')
				cut = q;
			q++;
		}
		if (q < len && text[q] != '\n' && cut > p)
			q = cut;
		st[nr] = p;
		en[nr++] = q;
		p = q;
	}
	int w = COLS * CW;
	uint8_t *cov = malloc((size_t)w * CH);
	size_t cap = (size_t)w * CH * 8 + 4096;
	char *out = malloc(cap);
	const img_pen pal[1] = { { { 20, 20, 20 }, { 250, 250, 250 } } };
	double best[3] = { 1e9, 1e9, 1e9 }, best_line = 1e9, cold = 0;
	size_t bytes_of[3] = { 0, 0, 0 };
	static const char *const names[3] = { "kitty", "kitty, zlib", "sixel" };
	for (int rep = 0; rep < 20; rep++) {
		for (int mode = 0; mode < 3; mode++) {
			size_t bytes = 0;
			double a = now_ms();
			for (size_t r = 0; r < nr; r++) {
				img_draw(f, text + st[r], en[r] - st[r], NULL, cov, NULL, w, CH);
				bytes += mode == 2 ? img_sixel(out, cap, cov, NULL, w, CH, pal, 1)
				                   : img_kitty(out, cap, cov, NULL, w, CH, pal, 1,
				                               (unsigned)r + 1, COLS, 1, mode == 1);
			}
			double t = now_ms() - a;
			if (rep == 0 && mode == 0)
				cold = t;   /* every glyph drawn for the first time */
			if (t < best[mode])
				best[mode] = t, bytes_of[mode] = bytes;
		}
		double a = now_ms();
		img_draw(f, text + st[5], en[5] - st[5], NULL, cov, NULL, w, CH);
		img_kitty(out, cap, cov, NULL, w, CH, pal, 1, 99, COLS, 1, true);
		double t = now_ms() - a;
		if (t < best_line)
			best_line = t;
	}
	printf("font %s, cells %dx%d px, page %zu rows x %d columns\n", img_font_file(f), CW, CH,
	       nr, COLS);
	printf("font open                      %7.2f ms\n", topen);
	printf("page, kitty, glyphs not cached %7.2f ms\n", cold);
	for (int m = 0; m < 3; m++)
		printf("page, shaped+drawn+%-11s %7.2f ms  (%zu bytes)%s\n", names[m], best[m],
		       bytes_of[m], m == 1 ? "   target <= 30 ms" : "");
	printf("one row, shaped+drawn+kitty z  %7.2f ms                  target <= 5 ms\n",
	       best_line);
	printf("glyph cache                    %7zu bytes\n", img_cache_bytes(f));
	free(cov);
	free(out);
	img_font_free(f);
	return 0;
}
