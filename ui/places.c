/* places.c - the reading positions kept between runs (places.h). */
#include "config.h"

#include "places.h"
#include "xdg.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BYTES_MAX (16u << 20)
#define LINE_MAX_LEN 2048

uint64_t
place_key(const void *bytes, size_t len)
{
	/* FNV-1a over 8-byte words, then a final mix: the key only has to
	 * tell articles apart, and must cost nothing on an article */
	const unsigned char *s = bytes;
	size_t n = len < KEY_BYTES_MAX ? len : KEY_BYTES_MAX, i = 0;
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)len;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

int
place_mark_slot(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + (c - 'A');
	return -1;
}

void
place_init(place *pl, uint64_t key)
{
	memset(pl, 0, sizeof *pl);
	pl->key = key;
	for (int i = 0; i < PLACE_MARKS; i++)
		pl->marks[i] = PLACE_NONE;
}

bool
places_path(char *buf, size_t n)
{
	return xdg_path(XDG_STATE, "places", buf, n);
}

/* A size_t in decimal at *s; false when there is none. */
static bool
num(const char **s, size_t *out)
{
	char *end;
	if (**s < '0' || **s > '9')
		return false;
	errno = 0;
	unsigned long long v = strtoull(*s, &end, 10);
	if (errno || v > SIZE_MAX)
		return false;
	*out = (size_t)v;
	*s = end;
	return true;
}

/* One line of the file into *pl; false when it does not parse. */
static bool
parse(const char *s, place *pl)
{
	char *end;
	size_t when;
	int used;
	place_init(pl, 0);
	errno = 0;
	pl->key = strtoull(s, &end, 16);
	if (errno || end - s != 16 || *end != ' ')
		return false;
	s = end + 1;
	if (!num(&s, &pl->top) || *s++ != ' ')
		return false;
	if (sscanf(s, "%23s%n", pl->mode, &used) != 1)
		return false;
	if (strcmp(pl->mode, "-") == 0)
		pl->mode[0] = 0;
	s += used;
	if (*s++ != ' ' || !num(&s, &when))
		return false;
	pl->when = (long long)when;
	while (*s == ' ') {
		int slot = place_mark_slot(s[1]);
		s += 2;
		if (slot < 0 || *s++ != '=' || !num(&s, &pl->marks[slot]))
			return false;
	}
	return *s == '\n' || *s == 0;
}

static void
format(FILE *f, const place *pl)
{
	fprintf(f, "%016" PRIx64 " %zu %s %lld", pl->key, pl->top, pl->mode[0] ? pl->mode : "-",
	        pl->when);
	for (int i = 0; i < PLACE_MARKS; i++)
		if (pl->marks[i] != PLACE_NONE)
			fprintf(f, " %c=%zu", i < 26 ? 'a' + i : 'A' + (i - 26), pl->marks[i]);
	fputc('\n', f);
}

/* Call fn on each record of the file that parses; a missing file has
 * none.  @return 0, or -1 on a read error. */
static int
each(const char *path, void (*fn)(const place *, void *), void *ctx)
{
	char line[LINE_MAX_LEN];
	place pl;
	FILE *f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof line, f)) {
		if (!strchr(line, '\n') && !feof(f)) {
			int c;  /* an overlong line is no record */
			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		if (line[0] != '#' && parse(line, &pl))
			fn(&pl, ctx);
	}
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

typedef struct found {
	uint64_t key;
	place *out;
	int hit;
} found;

static void
find_one(const place *pl, void *ctx)
{
	found *fd = ctx;
	if (pl->key == fd->key) {
		*fd->out = *pl;  /* the last line of a key wins */
		fd->hit = 1;
	}
}

int
places_get(const char *path, uint64_t key, place *out)
{
	found fd = { key, out, 0 };
	if (each(path, find_one, &fd) < 0)
		return -1;
	return fd.hit;
}

/* The records kept: every other key's, oldest first. */
typedef struct kept {
	place *v;
	size_t n, cap;
	uint64_t skip;
	bool nomem;
} kept;

static void
keep_one(const place *pl, void *ctx)
{
	kept *k = ctx;
	if (pl->key == k->skip || k->nomem)
		return;
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 64;
		place *v = realloc(k->v, cap * sizeof *v);
		if (!v) {
			k->nomem = true;
			return;
		}
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = *pl;
}

typedef struct wctx {
	const kept *k;
	size_t from;
	const place *pl;
} wctx;

static int
write_all(FILE *f, const void *ctx)
{
	const wctx *w = ctx;
	fputs("# pathak places 1\n", f);
	for (size_t i = w->from; i < w->k->n; i++)
		format(f, &w->k->v[i]);
	format(f, w->pl);
	return 0;
}

int
places_put(const char *path, const place *pl)
{
	kept k = { NULL, 0, 0, pl->key, false };
	if (each(path, keep_one, &k) < 0 || k.nomem) {
		int err = k.nomem ? ENOMEM : errno;
		free(k.v);
		errno = err;
		return -1;
	}
	wctx w = { &k, k.n >= PLACES_MAX ? k.n - (PLACES_MAX - 1) : 0, pl };
	int rc = xdg_write_atomic(path, write_all, &w);
	int err = errno;
	free(k.v);
	errno = err;
	return rc;
}
