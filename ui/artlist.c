/* artlist.c - the articles of a folder (artlist.h). */
#include "config.h"

#include "artlist.h"
#include "i18n.h"
#include "doc.h"
#include "entities.h"
#include "html.h"
#include "ner.h"
#include "quotes.h"
#include "search.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unicode/ucol.h>

#define TITLE_MAX 240      /* bytes of a title kept (a first paragraph is cut) */
#define DATELINE_MAX 120
#define HEAD_BLOCKS 6      /* blocks looked at for the dateline */
#define AHEAD 60           /* rows from the screen's first read before the rest */

struct artlist {
	char *dir;
	art_row *rows;
	size_t n;
	size_t *shown;       /* indices of the rows shown, in order */
	size_t nshown;
	art_sort key;
	bool reverse;
	char *filter;        /* "" none */
	pk_search *q;        /* the filter compiled; NULL none */
	size_t nread, ncounted;
	pk_ner *ner;         /* loaded when the first count needs it */
	bool ner_tried;
	UCollator *coll;     /* Hindi collation for titles; NULL: bytes */
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const art_row *)a)->name, ((const art_row *)b)->name);
}

artlist *
artlist_open(const char *dir, pk_status *st)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	artlist *l;
	size_t cap = 0;

	if (!d) {
		*st = errno == ENOENT ? PK_ERR_NOENT : errno == ENOTDIR ? PK_ERR_NOTFILE
		    : errno == ENOMEM ? PK_ERR_NOMEM : PK_ERR_ACCESS;
		return NULL;
	}
	if (!(l = calloc(1, sizeof *l)) || !(l->dir = strdup(dir)) || !(l->filter = strdup(""))) {
		closedir(d);
		artlist_free(l);
		*st = PK_ERR_NOMEM;
		return NULL;
	}
	while ((e = readdir(d))) {
		struct stat sb;
		char *path;
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!(path = malloc(len)))
			goto nomem;
		snprintf(path, len, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/",
		         e->d_name);
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		if (l->n == cap) {
			size_t nc = cap ? 2 * cap : 64;
			art_row *r = realloc(l->rows, nc * sizeof *r);
			if (!r) {
				free(path);
				goto nomem;
			}
			l->rows = r;
			cap = nc;
		}
		art_row *r = &l->rows[l->n];
		memset(r, 0, sizeof *r);
		r->path = path;
		r->name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		r->size = (size_t)sb.st_size;
		r->quotes = r->people = -1;
		l->n++;
	}
	closedir(d);
	d = NULL;
	if (l->n)
		qsort(l->rows, l->n, sizeof *l->rows, by_name);
	if (!(l->shown = malloc((l->n ? l->n : 1) * sizeof *l->shown)))
		goto nomem;
	for (size_t i = 0; i < l->n; i++)
		l->shown[i] = i;
	l->nshown = l->n;
	UErrorCode ue = U_ZERO_ERROR;
	l->coll = ucol_open("hi", &ue);
	if (U_FAILURE(ue))
		l->coll = NULL;  /* byte order, then */
	*st = PK_OK;
	return l;
nomem:
	if (d)
		closedir(d);
	artlist_free(l);
	*st = PK_ERR_NOMEM;
	return NULL;
}

void
artlist_free(artlist *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->rows[i].path);
		free(l->rows[i].title);
		free(l->rows[i].dateline);
	}
	free(l->rows);
	free(l->shown);
	free(l->dir);
	free(l->filter);
	pk_search_free(l->q);
	pk_ner_free(l->ner);
	if (l->coll)
		ucol_close(l->coll);
	free(l);
}

const char *artlist_dir(const artlist *l) { return l->dir; }
size_t artlist_total(const artlist *l) { return l->n; }
size_t artlist_read(const artlist *l) { return l->nread; }
size_t artlist_counted(const artlist *l) { return l->ncounted; }
size_t artlist_shown(const artlist *l) { return l->nshown; }
art_sort artlist_sort_key(const artlist *l) { return l->key; }
const char *artlist_filter_text(const artlist *l) { return l->filter; }

const art_row *
artlist_row(const artlist *l, size_t i)
{
	return i < l->nshown ? &l->rows[l->shown[i]] : NULL;
}

size_t
artlist_find(const artlist *l, const char *path)
{
	for (size_t i = 0; i < l->nshown; i++)
		if (strcmp(l->rows[l->shown[i]].path, path) == 0)
			return i;
	return (size_t)-1;
}

/* ---------------------------------------------------------------- reading */

/* Bytes [a, b) of s as one line: whitespace runs made one space, control
 * characters left out (an article's bytes never reach the terminal raw),
 * cut at a character boundary near @p max bytes. */
static char *
one_line(const char *s, size_t a, size_t b, size_t max)
{
	char *out = malloc(max + 8);
	size_t o = 0;
	bool space = false;
	if (!out)
		return NULL;
	for (size_t i = a; i < b && o < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = o > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (c == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F) {
			i++;  /* a C1 control */
			continue;
		}
		if (space) {
			out[o++] = ' ';
			space = false;
		}
		out[o++] = (char)c;
	}
	if (o >= max) {
		/* cut: not inside a UTF-8 sequence, and say so */
		while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
			o--;
		if (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0xC0)
			o--;
		memcpy(out + o, "\u2026", 3);
		o += 3;
	}
	out[o] = 0;
	return out;
}

/* The title and dateline of row r. */
static void
read_head(art_row *r)
{
	pk_input in;
	pk_doc *d = NULL;
	pk_block b;
	r->read = true;
	if (pk_input_open(&in, r->path) != PK_OK || pk_html_input(&in, NULL) != PK_OK) {
		r->failed = true;
		r->title = strdup(strerror(errno));
		r->quotes = r->people = 0;
		return;
	}
	if (!(d = pk_doc_new(&in)) || !pk_doc_first(d, &b)) {
		r->title = strdup(d ? "(empty)" : "(out of memory)");
		r->quotes = r->people = 0;
		pk_doc_free(d);
		pk_input_close(&in);
		return;
	}
	r->title = one_line(in.bytes, b.start, b.end, TITLE_MAX);
	for (int i = 1; i < HEAD_BLOCKS && pk_doc_next(d, &b, &b); i++) {
		if (b.type == PK_BLOCK_DATELINE || (b.type == PK_BLOCK_META && !r->dateline)) {
			free(r->dateline);
			r->dateline = one_line(in.bytes, b.start, b.end, DATELINE_MAX);
			if (b.type == PK_BLOCK_DATELINE)
				break;
		}
	}
	pk_doc_free(d);
	pk_input_close(&in);
}

/* The quotations and the people of row r. */
static void
count(artlist *l, art_row *r)
{
	pk_input in;
	pk_doc *d;
	pk_quotes q;
	pk_entities e;
	pk_status st;
	r->quotes = r->people = 0;
	if (pk_input_open(&in, r->path) != PK_OK)
		return;
	if (pk_html_input(&in, NULL) != PK_OK) {
		pk_input_close(&in);
		return;
	}
	if (!(d = pk_doc_new(&in))) {
		pk_input_close(&in);
		return;
	}
	if (pk_quotes_find(d, &q) == PK_OK) {
		r->quotes = (long)q.n;
		if (!l->ner_tried) {
			l->ner_tried = true;
			l->ner = pk_ner_load_default(&st);
		}
		if (l->ner && in.len <= PK_ENTITIES_MAX_BYTES &&
		    pk_entities_find(d, l->ner, &q, &e) == PK_OK) {
			for (size_t i = 0; i < e.ne; i++)
				r->people += e.e[i].type == PK_ENT_PER;
			pk_entities_free(&e);
		}
		pk_quotes_free(&q);
	}
	pk_doc_free(d);
	pk_input_close(&in);
}

static double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void refresh_view(artlist *l);

bool
artlist_work(artlist *l, size_t first, double budget_ms)
{
	double t0 = now_ms();
	bool changed = false;
	do {
		art_row *r = NULL;
		/* the screen's rows first, then the rest in order */
		for (size_t i = first; i < l->nshown && i < first + AHEAD && !r; i++)
			if (!l->rows[l->shown[i]].read)
				r = &l->rows[l->shown[i]];
		for (size_t i = 0; i < l->n && !r && l->nread < l->n; i++)
			if (!l->rows[i].read)
				r = &l->rows[i];
		if (r) {
			read_head(r);
			l->nread++;
			changed = true;
			continue;
		}
		for (size_t i = first; i < l->nshown && i < first + AHEAD && !r; i++)
			if (l->rows[l->shown[i]].quotes < 0)
				r = &l->rows[l->shown[i]];
		for (size_t i = 0; i < l->n && !r; i++)
			if (l->rows[i].quotes < 0)
				r = &l->rows[i];
		if (!r)
			break;
		count(l, r);
		changed = true;
	} while (now_ms() - t0 < budget_ms);
	/* (a file that could not be read was counted, as nothing, when read) */
	l->ncounted = 0;
	for (size_t i = 0; i < l->n; i++)
		l->ncounted += l->rows[i].quotes >= 0;
	if (changed)
		refresh_view(l);
	return l->ncounted < l->n;
}

/* ---------------------------------------------------------------- order */

/* (the screen shows them translated) */
static const char *const sort_names[ART_BY_N] = {
	N_("name"), N_("title"), N_("size"), N_("quotes"), N_("people")
};

const char *
artlist_sort_name(art_sort key)
{
	return key < ART_BY_N ? sort_names[key] : "?";
}

/* qsort has no context argument: the list is passed through a pair. */
typedef struct keyed {
	size_t i;
	const artlist *l;
} keyed;

static int
cmp_rows(const void *pa, const void *pb)
{
	const keyed *ka = pa, *kb = pb;
	const artlist *l = ka->l;
	const art_row *a = &l->rows[ka->i], *b = &l->rows[kb->i];
	int c = 0;
	switch (l->key) {
	case ART_BY_TITLE:
		if (!a->title || !b->title)
			c = !a->title - !b->title;  /* unread last */
		else if (l->coll) {
			UErrorCode ue = U_ZERO_ERROR;
			c = ucol_strcollUTF8(l->coll, a->title, -1, b->title, -1, &ue);
		} else
			c = strcmp(a->title, b->title);
		break;
	case ART_BY_SIZE:
		c = a->size < b->size ? 1 : a->size > b->size ? -1 : 0;
		break;
	case ART_BY_QUOTES:
		c = a->quotes < b->quotes ? 1 : a->quotes > b->quotes ? -1 : 0;
		break;
	case ART_BY_PEOPLE:
		c = a->people < b->people ? 1 : a->people > b->people ? -1 : 0;
		break;
	case ART_BY_NAME:
	case ART_BY_N:
		break;
	}
	if (l->reverse)
		c = -c;
	/* ties (and the name order itself) by name, always ascending */
	return c ? c : (ka->i > kb->i) - (ka->i < kb->i);
}

static bool
row_matches(artlist *l, const art_row *r)
{
	if (!l->q)
		return true;
	const char *f[3] = { r->title, r->dateline, r->name };
	for (int i = 0; i < 3; i++)
		if (f[i] && pk_search_matches(l->q, f[i], 0, strlen(f[i])))
			return true;
	return false;
}

/* Filter and sort the rows shown again (after a change of either, or of
 * what a row is known to hold). */
static void
refresh_view(artlist *l)
{
	keyed *k = malloc((l->n ? l->n : 1) * sizeof *k);
	size_t n = 0;
	if (!k)
		return;  /* short of memory: the old order stays */
	for (size_t i = 0; i < l->n; i++)
		if (row_matches(l, &l->rows[i]))
			k[n++] = (keyed){ i, l };
	if (l->key != ART_BY_NAME || l->reverse)
		qsort(k, n, sizeof *k, cmp_rows);
	for (size_t i = 0; i < n; i++)
		l->shown[i] = k[i].i;
	l->nshown = n;
	free(k);
}

void
artlist_sort(artlist *l, art_sort key, bool reverse)
{
	l->key = key < ART_BY_N ? key : ART_BY_NAME;
	l->reverse = reverse;
	refresh_view(l);
}

int
artlist_filter(artlist *l, const char *q)
{
	pk_status st;
	char *copy = strdup(q);
	if (!copy)
		return -1;
	pk_search_free(l->q);
	l->q = NULL;
	free(l->filter);
	l->filter = copy;
	int rc = 0;
	if (*q && !(l->q = pk_search_new(q, strlen(q), 0, &st, NULL, 0)))
		rc = -1;
	refresh_view(l);
	return rc;
}
