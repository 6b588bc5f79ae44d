/* doc.c - blocks found lazily over the input, and ICU segmentation. */
#include "config.h"

#include "doc.h"
#include "sentence.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#define HEAD_MAX 6   /* blocks at the top that may be title, meta, dateline */
#define TAIL_MAX 4   /* blocks at the end that may be a byline */
#define GRID (PK_BLOCK_MAX / 2)  /* long lines are cut near multiples of this */

struct pk_doc {
	const pk_input *in;
	pk_block head[HEAD_MAX];
	size_t nhead;
	pk_block tail[TAIL_MAX];
	size_t ntail;
	/* Block index: starts of blocks in order, built by pk_doc_index_step. */
	size_t *starts;
	size_t nstarts, capstarts;
	size_t idx_pos;  /* everything before this offset is indexed */
	size_t idx_nl;   /* when idx_nl_ok: no line break in [idx_pos, idx_nl);
	                  * a long line is cut into many blocks, and looking for
	                  * its end again for each made indexing quadratic */
	bool idx_nl_ok;
	bool idx_nl_hit; /* idx_nl is the line break (else: none before it) */
	bool idx_mid;    /* idx_pos is inside a long line, after a cut */
	bool indexed;
	size_t seen_len; /* the input's length when head and tail were classified */
	bool seen_growing;
};

static const char *const type_names[PK_BLOCK_TYPE_MAX] = {
	[PK_BLOCK_PARAGRAPH] = "paragraph",
	[PK_BLOCK_TITLE] = "title",
	[PK_BLOCK_META] = "meta",
	[PK_BLOCK_DATELINE] = "dateline",
	[PK_BLOCK_CAPTION] = "caption",
	[PK_BLOCK_BYLINE] = "byline",
};

const char *
pk_block_type_name(pk_block_type t)
{
	return (unsigned)t < PK_BLOCK_TYPE_MAX ? type_names[t] : "paragraph";
}

const pk_input *
pk_doc_input(const pk_doc *d)
{
	return d->in;
}

/* ---------------------------------------------------------------- bounds */

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
is_mark_at(const char *s, size_t len, size_t pos)
{
	uint32_t cp = pk_decode(s, len, &pos);
	int8_t t = u_charType((UChar32)cp);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	       t == U_ENCLOSING_MARK || cp == 0x200C || cp == 0x200D;
}

/* Cuts ask ICU for a cluster boundary; one breaker per thread, kept
 * (cuts are rare: one per 32 KB of a line without line breaks). */
static _Thread_local pk_breaker *cut_brk;

/*
 * Where a long line is cut near grid point g: after the last space in the
 * half-grid before g, or else at the last grapheme-cluster boundary (ICU's)
 * at or before g in that half-grid, so that no cluster of up to GRID/2
 * bytes is ever split.  Only a longer cluster (thousands of stacked marks,
 * which no script writes) is cut, at a code-point start GRID/2 before g.
 * The cut depends only on g and the bytes, so walking forward and backward
 * agree.
 */
static size_t
cut_at(const pk_doc *d, size_t g)
{
	const char *s = d->in->bytes;
	size_t len = d->in->len, lo = g > GRID / 2 ? g - GRID / 2 : 0;

	if (g >= len)
		return len;
	for (size_t i = g; i > lo; i--)
		if (s[i - 1] == ' ')
			return i;
	/* a code-point start at or after lo (ill-formed bytes count singly) */
	for (int k = 0; k < 3 && lo < g && ((unsigned char)s[lo] & 0xC0) == 0x80; k++)
		lo++;
	size_t c = g;
	for (int k = 0; k < 3 && c > lo && ((unsigned char)s[c] & 0xC0) == 0x80; k++)
		c--;
	if (!cut_brk)
		cut_brk = pk_breaker_new(PK_BREAK_CLUSTER);
	/* boundaries up to c depend on the text before them and the code
	 * point after: the window need not reach further */
	size_t we = len - c > 8 ? c + 8 : len;
	if (cut_brk && pk_breaker_set(cut_brk, s, lo, we) == PK_OK)
		return pk_breaker_preceding(cut_brk, c + 1);
	for (int k = 0; k < 64 && c > lo && is_mark_at(s, len, c); k++) {
		c--;
		for (int j = 0; j < 3 && c > lo && ((unsigned char)s[c] & 0xC0) == 0x80; j++)
			c--;
	}
	return c;
}

/* Trim whitespace inside [*a, *b); false if nothing is left. */
static bool
trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && is_ws(s[*a]))
		(*a)++;
	while (*b > *a && is_ws(s[*b - 1]))
		(*b)--;
	return *a < *b;
}

/*
 * The raw block containing off, which must not be on a line break.  Sets
 * [*a, *b) untrimmed.  Searches at most PK_BLOCK_MAX+1 bytes each way.
 */
static void
raw_bounds(const pk_doc *d, size_t off, size_t *a, size_t *b)
{
	const char *s = d->in->bytes;
	size_t len = d->in->len, body = d->in->body;
	size_t lim = PK_BLOCK_MAX + 1;
	size_t lo = off - body > lim ? off - lim : body;
	size_t ls = body, le = len;
	bool ls_found = false, le_found = false;

	for (size_t i = off; i > lo; i--)
		if (s[i - 1] == '\n') {
			ls = i;
			ls_found = true;
			break;
		}
	if (!ls_found && lo == body)
		ls_found = true;
	size_t span = len - off < lim ? len - off : lim;
	const char *nl = memchr(s + off, '\n', span);
	if (nl) {
		le = (size_t)(nl - s);
		le_found = true;
	} else if (span == len - off) {
		le_found = true;
	}
	if (ls_found && le_found && le - ls <= PK_BLOCK_MAX) {
		*a = ls;
		*b = le;
		return;
	}
	/* A long line: the cut at or before off and the cut after it.  Grid
	 * points are GRID apart and a cut lies within GRID/2 before its point,
	 * so the two are among the cuts of points k-1 .. k+2. */
	size_t k = off / GRID, c = ls_found ? ls : 0, n = le_found ? le : len;
	for (size_t j = k ? k - 1 : 0; j <= k + 2; j++) {
		size_t cut = cut_at(d, j * GRID);
		if (cut <= off && cut > c)
			c = cut;
		if (cut > off && cut < n)
			n = cut;
	}
	*a = c;
	*b = n;
}

/* Next non-whitespace byte at or after off, or len. */
static size_t
skip_ws_fwd(const pk_doc *d, size_t off)
{
	const char *s = d->in->bytes;
	while (off < d->in->len && is_ws(s[off]))
		off++;
	return off;
}

/* Untyped block at or after off; false if only whitespace remains. */
static bool
bounds_fwd(const pk_doc *d, size_t off, pk_block *out)
{
	if (off < d->in->body)
		off = d->in->body;
	for (;;) {
		off = skip_ws_fwd(d, off);
		if (off >= d->in->len)
			return false;
		size_t a, b;
		raw_bounds(d, off, &a, &b);
		if (b <= off)  /* cannot happen, but never loop */
			b = off + 1;
		if (trim(d->in->bytes, &a, &b)) {
			out->start = a;
			out->end = b;
			out->type = PK_BLOCK_PARAGRAPH;
			return true;
		}
		off = b;
	}
}

/* Untyped block ending at or before off; false if none. */
static bool
bounds_back(const pk_doc *d, size_t off, pk_block *out)
{
	const char *s = d->in->bytes;
	size_t body = d->in->body;
	if (off > d->in->len)
		off = d->in->len;
	for (;;) {
		while (off > body && is_ws(s[off - 1]))
			off--;
		if (off <= body)
			return false;
		size_t a, b;
		raw_bounds(d, off - 1, &a, &b);
		if (trim(s, &a, &b) && a < off) {
			out->start = a;
			out->end = b < off ? b : off;
			out->type = PK_BLOCK_PARAGRAPH;
			return true;
		}
		off = a < off ? a : off - 1;
	}
}

/* ---------------------------------------------------------------- types */

static size_t
count_cps(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static bool
contains(const char *s, size_t a, size_t b, const char *needle)
{
	size_t nl = strlen(needle);
	if (b - a < nl)
		return false;
	return memmem(s + a, b - a, needle, nl) != NULL;
}

static bool
contains_any(const char *s, size_t a, size_t b, const char *const *needles)
{
	for (; *needles; needles++)
		if (contains(s, a, b, *needles))
			return true;
	return false;
}

/* Does the block end a statement (its last character . ! । ॥)?  Not a
 * question mark: a headline may ask one and still be a title. */
static bool
ends_sentence(const char *s, size_t a, size_t b)
{
	size_t p = b, z;
	uint32_t c;
	if (p == a)
		return false;
	p--;
	while (p > a && b - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	z = p;
	c = pk_decode(s, b, &z);
	return z == b && pk_sent_end_cp(c) && c != '?';
}

static const char *const meta_words[] = {
	"अपडेट", "प्रकाशित", "अद्यतन", "Updated", "Published", "UPDATED", " IST", NULL
};
static const char *const months[] = {
	"जनवरी", "फरवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
	"सितंबर", "सितम्बर", "अक्टूबर", "अक्तूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर", NULL
};
static const char *const caption_marks[] = {
	"(छवि:", "(छवि :", "(फोटो:", "(फ़ोटो:", "(फोटो :", "(फ़ोटो :", "(तस्वीर:", "(चित्र:",
	"(Image:", "(Photo:", "(image:", "(photo:", "(फोटो साभार", "(फ़ोटो साभार", NULL
};
static const char *const author_words[] = {
	"संवाददाता", "संपादक", "सम्पादक", "लेखक", "रिपोर्टर", "पत्रकार", "स्तंभकार",
	"correspondent", "Correspondent", "editor", "Editor", NULL
};
static const char *const signoff_words[] = {
	"क्लिक कर", "फ़ॉलो", "फॉलो", "पढ़ सकते", "सब्सक्राइब", "डाउनलोड", NULL
};

static bool
has_digit(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

static bool
is_caption(const char *s, size_t a, size_t b)
{
	/* The credit sits at the end: look only at the block's last 120 bytes. */
	size_t from = b - a > 120 ? b - 120 : a;
	return s[b - 1] == ')' && contains_any(s, from, b, caption_marks);
}

/* Classify the first blocks of the article: the head. */
static void
classify_head(pk_doc *d)
{
	const char *s = d->in->bytes;
	pk_block b;
	bool in_head = true;

	if (!bounds_fwd(d, 0, &b))
		return;
	for (size_t i = 0; i < HEAD_MAX; i++) {
		size_t ncp = count_cps(s, b.start, b.end);
		pk_block next;
		bool has_next = bounds_fwd(d, b.end, &next);
		b.type = PK_BLOCK_PARAGRAPH;
		if (is_caption(s, b.start, b.end)) {
			b.type = PK_BLOCK_CAPTION;
			in_head = false;
		} else if (i == 0 && has_next && ncp <= 200 && !ends_sentence(s, b.start, b.end)) {
			b.type = PK_BLOCK_TITLE;
		} else if (in_head && i > 0 && ncp <= 100 &&
		           (contains_any(s, b.start, b.end, meta_words) ||
		            (has_digit(s, b.start, b.end) && contains_any(s, b.start, b.end, months)))) {
			b.type = PK_BLOCK_META;
		} else if (in_head && i > 0 && ncp <= 40 && !ends_sentence(s, b.start, b.end) &&
		           !contains(s, b.start, b.end, "।")) {
			b.type = PK_BLOCK_DATELINE;
		} else {
			in_head = false;
		}
		d->head[d->nhead++] = b;
		if (!has_next)
			break;
		b = next;
	}
}

/* Classify the last blocks: an author note or a sign-off is a byline. */
static void
classify_tail(pk_doc *d)
{
	const char *s = d->in->bytes;
	pk_block b;
	pk_block found[TAIL_MAX];
	size_t n = 0;

	if (!bounds_back(d, d->in->len, &b))
		return;
	for (size_t i = 0; i < TAIL_MAX; i++) {
		size_t ncp = count_cps(s, b.start, b.end);
		bool byline = false;
		if (ncp <= 400 && contains_any(s, b.start, b.end, author_words) &&
		    (contains(s, b.start, b.end, "हैं") || contains(s, b.start, b.end, "है")))
			byline = true;
		else if (ncp <= 400 && contains_any(s, b.start, b.end, signoff_words))
			byline = true;
		else if (n > 0 && ncp <= 30 && !ends_sentence(s, b.start, b.end))
			byline = true;  /* a fragment of a sign-off cut by stray line breaks */
		if (!byline)
			break;
		b.type = PK_BLOCK_BYLINE;
		found[n++] = b;
		if (!bounds_back(d, b.start, &b))
			break;
	}
	for (size_t i = 0; i < n; i++)
		d->tail[d->ntail++] = found[i];
}

static void
classify(const pk_doc *d, pk_block *b)
{
	for (size_t i = 0; i < d->nhead; i++)
		if (d->head[i].start == b->start) {
			b->type = d->head[i].type;
			return;
		}
	for (size_t i = 0; i < d->ntail; i++)
		if (d->tail[i].start == b->start) {
			b->type = d->tail[i].type;
			return;
		}
	b->type = is_caption(d->in->bytes, b->start, b->end) ? PK_BLOCK_CAPTION : PK_BLOCK_PARAGRAPH;
}

/* ---------------------------------------------------------------- API */

pk_doc *
pk_doc_new(const pk_input *in)
{
	pk_doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->in = in;
	d->idx_pos = in->body;
	d->seen_len = in->len;
	d->seen_growing = in->growing;
	classify_head(d);
	if (!in->growing)  /* a stream's end is not known yet */
		classify_tail(d);
	/* A head block that is also the tail (a one-line article) stays head. */
	return d;
}

bool
pk_doc_grew(pk_doc *d)
{
	if (d->in->len == d->seen_len && d->in->growing == d->seen_growing)
		return false;
	d->seen_len = d->in->len;
	d->seen_growing = d->in->growing;
	if (d->nhead < HEAD_MAX) {  /* the head was not all there yet */
		d->nhead = 0;
		classify_head(d);  /* at most HEAD_MAX blocks from the top */
	}
	d->ntail = 0;
	if (!d->in->growing)
		classify_tail(d);
	return true;
}

void
pk_doc_free(pk_doc *d)
{
	if (!d)
		return;
	free(d->starts);
	free(d);
}

bool
pk_doc_first(const pk_doc *d, pk_block *out)
{
	if (!bounds_fwd(d, 0, out))
		return false;
	classify(d, out);
	return true;
}

bool
pk_doc_last(const pk_doc *d, pk_block *out)
{
	if (!bounds_back(d, d->in->len, out))
		return false;
	classify(d, out);
	return true;
}

bool
pk_doc_next(const pk_doc *d, const pk_block *cur, pk_block *out)
{
	if (!bounds_fwd(d, cur->end, out))
		return false;
	classify(d, out);
	return true;
}

bool
pk_doc_prev(const pk_doc *d, const pk_block *cur, pk_block *out)
{
	if (!bounds_back(d, cur->start, out))
		return false;
	classify(d, out);
	return true;
}

bool
pk_doc_block_at(const pk_doc *d, size_t off, pk_block *out)
{
	const char *s = d->in->bytes;
	if (off < d->in->body)
		off = d->in->body;
	if (off < d->in->len && !is_ws(s[off])) {
		size_t a, b;
		raw_bounds(d, off, &a, &b);
		if (trim(s, &a, &b) && a <= off && off < b) {
			out->start = a;
			out->end = b;
			classify(d, out);
			return true;
		}
	}
	if (bounds_fwd(d, off, out) || bounds_back(d, off, out)) {
		classify(d, out);
		return true;
	}
	return false;
}

static bool
index_push(pk_doc *d, size_t start)
{
	if (pk_grow(&d->starts, &d->capstarts, d->nstarts + 1, sizeof *d->starts, 1024) < 0)
		return false;
	d->starts[d->nstarts++] = start;
	return true;
}

bool
pk_doc_index_step(pk_doc *d, size_t budget)
{
	const char *s = d->in->bytes;
	size_t len = d->in->len;
	size_t stop = len - d->idx_pos > budget ? d->idx_pos + budget : len;
	pk_block b;

	if (d->indexed)
		return true;
	pk_doc_grew(d);  /* a stream: head and tail follow what has arrived */
	size_t from = d->idx_pos;
	/* Line by line with memchr; only lines too long to be one block go
	 * through the general (slower) block finder. */
	while (d->idx_pos < stop) {
		size_t a = d->idx_pos;
		/* Know where this line ends, or that it is longer than a block:
		 * idx_nl only moves forward, so a long line is scanned once (not
		 * once per block cut from it), and never far ahead of the
		 * blocks, so the pages behind can be released as we go. */
		if (!d->idx_nl_ok || d->idx_nl < a) {
			d->idx_nl = a;
			d->idx_nl_hit = false;
			d->idx_nl_ok = true;
		}
		if (!d->idx_nl_hit && d->idx_nl <= a + PK_BLOCK_MAX) {
			size_t to = len - a > 2 * (size_t)PK_BLOCK_MAX ? a + 2 * (size_t)PK_BLOCK_MAX : len;
			const char *f = memchr(s + d->idx_nl, '\n', to - d->idx_nl);
			d->idx_nl = f ? (size_t)(f - s) : to;
			/* the input's end ends a line only once it stops growing */
			d->idx_nl_hit = f || (to == len && !d->in->growing);
		}
		if (!d->idx_nl_hit && d->in->growing && d->idx_nl >= len && len - a <= PK_BLOCK_MAX)
			break;  /* the line is not whole yet: wait for more */
		/* A whole short line is one block; but the tail of a long line
		 * is cut on as the block finder cuts it, however short. */
		if (!d->idx_mid && d->idx_nl_hit && d->idx_nl - a <= PK_BLOCK_MAX) {
			size_t le = d->idx_nl, e = le;
			if (trim(s, &a, &e) && !index_push(d, a))
				return false;  /* out of memory: try again later */
			d->idx_pos = le < len ? le + 1 : len;
			continue;
		}
		if (!bounds_fwd(d, a, &b)) {
			d->idx_pos = len;
			continue;
		}
		if (!d->idx_nl_hit && b.start > d->idx_nl) {
			/* the whitespace skipped may hold this line's end */
			const char *f = memchr(s + d->idx_nl, '\n', b.start - d->idx_nl);
			d->idx_nl = f ? (size_t)(f - s) : b.start;
			d->idx_nl_hit = f != NULL;
		}
		if (d->idx_nl_hit && b.start >= d->idx_nl) {  /* the rest of the long line was blank */
			d->idx_pos = d->idx_nl;
			d->idx_mid = false;
			continue;
		}
		if (!index_push(d, b.start))
			return false;
		d->idx_pos = b.end;
		d->idx_mid = true;
	}
	/* A scan of the whole file must not keep it all resident. */
	pk_input_release(d->in, from, d->idx_pos);
	if (d->idx_pos >= len && !d->in->growing)
		d->indexed = true;
	return d->indexed;
}

bool
pk_doc_indexed(const pk_doc *d)
{
	return d->indexed;
}

size_t
pk_doc_block_number(const pk_doc *d, size_t off)
{
	if (!d->indexed && off >= d->idx_pos)
		return (size_t)-1;
	size_t lo = 0, hi = d->nstarts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->starts[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
pk_doc_block_count(const pk_doc *d)
{
	return d->indexed ? d->nstarts : (size_t)-1;
}

/* ---------------------------------------------------------------- ICU */

struct pk_breaker {
	UBreakIterator *bi;
	UText *ut;
	size_t base;
	size_t end;
	bool fresh;
};

pk_breaker *
pk_breaker_new(pk_break_kind kind)
{
	static const UBreakIteratorType types[] = {
		[PK_BREAK_CLUSTER] = UBRK_CHARACTER,
		[PK_BREAK_LINE] = UBRK_LINE,
		[PK_BREAK_SENTENCE] = UBRK_SENTENCE,
		[PK_BREAK_WORD] = UBRK_WORD,
	};
	UErrorCode err = U_ZERO_ERROR;
	pk_breaker *b = calloc(1, sizeof *b);

	if (!b)
		return NULL;
	b->bi = ubrk_open(types[kind], "hi", NULL, 0, &err);
	if (U_FAILURE(err)) {
		free(b);
		return NULL;
	}
	return b;
}

pk_status
pk_breaker_set(pk_breaker *b, const char *s, size_t start, size_t end)
{
	UErrorCode err = U_ZERO_ERROR;

	if (end - start > INT32_MAX)
		return PK_ERR_TOOBIG;
	b->ut = utext_openUTF8(b->ut, s + start, (int64_t)(end - start), &err);
	if (U_FAILURE(err))
		return PK_ERR_ICU;
	ubrk_setUText(b->bi, b->ut, &err);
	if (U_FAILURE(err))
		return PK_ERR_ICU;
	b->base = start;
	b->end = end;
	b->fresh = true;
	return PK_OK;
}

size_t
pk_breaker_next(pk_breaker *b)
{
	int32_t r;
	if (b->fresh) {
		ubrk_first(b->bi);
		b->fresh = false;
	}
	r = ubrk_next(b->bi);
	return r == UBRK_DONE ? (size_t)-1 : b->base + (size_t)r;
}

bool
pk_breaker_is_boundary(pk_breaker *b, size_t off)
{
	b->fresh = false;
	if (off < b->base || off > b->end)
		return false;
	return ubrk_isBoundary(b->bi, (int32_t)(off - b->base)) != 0;
}

size_t
pk_breaker_preceding(pk_breaker *b, size_t off)
{
	int32_t r;
	b->fresh = false;
	if (off <= b->base)
		return b->base;
	if (off > b->end)
		off = b->end;
	r = ubrk_preceding(b->bi, (int32_t)(off - b->base));
	return r == UBRK_DONE ? b->base : b->base + (size_t)r;
}

size_t
pk_breaker_following(pk_breaker *b, size_t off)
{
	int32_t r;
	b->fresh = false;
	if (off >= b->end)
		return b->end;
	if (off < b->base)
		off = b->base;
	r = ubrk_following(b->bi, (int32_t)(off - b->base));
	return r == UBRK_DONE ? b->end : b->base + (size_t)r;
}

void
pk_breaker_free(pk_breaker *b)
{
	if (!b)
		return;
	ubrk_close(b->bi);
	utext_close(b->ut);
	free(b);
}

static int
push_range(pk_range **v, size_t *n, size_t *cap, size_t a, size_t b)
{
	if (pk_grow(v, cap, *n + 1, sizeof **v, 8) < 0)
		return -1;
	(*v)[(*n)++] = (pk_range){ a, b };
	return 0;
}

/* A full stop glued to a Devanagari letter (`है.अगला`) ends a sentence that
 * ICU would run on (its rules expect a space after a full stop). */
static bool
glued_stop(const char *s, size_t i, size_t end)
{
	if (s[i] != '.' || i + 1 >= end || i == 0)
		return false;
	size_t p = i + 1, q = i;
	uint32_t next = pk_decode(s, end, &p);
	/* the character before the stop must be Devanagari too (not 3.5) */
	while (q > 0 && ((unsigned char)s[q - 1] & 0xC0) == 0x80)
		q--;
	q = q > 0 ? q - 1 : 0;
	while (q > 0 && ((unsigned char)s[q] & 0xC0) == 0x80)
		q--;
	size_t r = q;
	uint32_t prev = pk_decode(s, end, &r);
	return next >= 0x0900 && next <= 0x097F && prev >= 0x0900 && prev <= 0x097F;
}

pk_status
pk_doc_sentences(const pk_doc *d, const pk_block *blk, pk_range **out, size_t *n)
{
	/* one breaker per thread, kept: opening one per block cost more
	 * than the segmentation on text of short paragraphs */
	static _Thread_local pk_breaker *sent_brk;
	pk_breaker *b = sent_brk ? sent_brk : (sent_brk = pk_breaker_new(PK_BREAK_SENTENCE));
	pk_range *v = NULL;
	size_t nv = 0, cap = 0, from = blk->start;
	const char *s = d->in->bytes;
	pk_status st;

	*out = NULL;
	*n = 0;
	if (!b)
		return PK_ERR_ICU;
	st = pk_breaker_set(b, s, blk->start, blk->end);
	if (st != PK_OK)
		return st;
	for (size_t to; (to = pk_breaker_next(b)) != (size_t)-1;) {
		/* split further at glued full stops inside [from, to) */
		for (size_t i = from; i < to; i++)
			if (i + 1 < to && glued_stop(s, i, blk->end)) {
				if (push_range(&v, &nv, &cap, from, i + 1) < 0)
					goto nomem;
				from = i + 1;
			}
		if (push_range(&v, &nv, &cap, from, to) < 0)
			goto nomem;
		from = to;
	}
	*out = v;
	*n = nv;
	return PK_OK;
nomem:
	free(v);
	return PK_ERR_NOMEM;
}
