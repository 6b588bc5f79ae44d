/* input.c - open, map and decode the article bytes. */
#include "config.h"

#include "input.h"
#include "grow.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <poll.h>
#include <stdio.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

const char *
pk_status_str(pk_status st)
{
	switch (st) {
	case PK_OK: return "success";
	case PK_ERR_NOENT: return "no such file";
	case PK_ERR_ACCESS: return "permission denied";
	case PK_ERR_ISDIR: return "is a directory";
	case PK_ERR_NOTFILE: return "not a regular file";
	case PK_ERR_IO: return "read error";
	case PK_ERR_NOMEM: return "out of memory";
	case PK_ERR_TOOBIG: return "file too large";
	case PK_ERR_ICU: return "text segmentation failed (ICU)";
	case PK_ERR_FORMAT: return "not a data file of this version";
	}
	return "unknown error";
}

static pk_status
status_from_errno(int e)
{
	switch (e) {
	case ENOENT: case ENOTDIR: return PK_ERR_NOENT;
	case EACCES: case EPERM: return PK_ERR_ACCESS;
	case EISDIR: return PK_ERR_ISDIR;
	case ENOMEM: return PK_ERR_NOMEM;
	case EFBIG: case EOVERFLOW: return PK_ERR_TOOBIG;
	default: return PK_ERR_IO;
	}
}

static void
set_body(pk_input *in)
{
	in->body = (in->len >= 3 && memcmp(in->bytes, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

void
pk_input_from_mem(pk_input *in, const char *bytes, size_t len)
{
	memset(in, 0, sizeof *in);
	in->bytes = bytes ? bytes : "";
	in->len = bytes ? len : 0;
	set_body(in);
}

/* ---------------------------------------------------------------- streams */

#define RAW_MAX (64u << 10)         /* raw bytes read per step */
#define SLACK (64u << 10)           /* region beyond the limit (never filled) */
#define PARTIAL_MAX (256u << 10)    /* an unfinished line shown once this long */
#define SAMPLE_MAX (64u << 10)      /* bytes the charset detector looks at */
#define PIVOT_N 1024

struct pk_stream_ {
	int fd;
	bool own_fd;
	bool decided;       /* the encoding is known (BOM looked for) */
	bool first_cnv;
	bool detected;      /* the charset detector has looked */
	char *region;       /* the reserved mapping; never moves */
	size_t cap;         /* its size */
	size_t fill;        /* bytes of UTF-8 text in it */
	size_t dropped;     /* pages before this were handed back (pk_input_discard) */
	UConverter *src, *utf8;
	UChar pivot[PIVOT_N], *psrc, *ptgt;
	char enc[64];       /* --encoding, or "" */
	bool plain;         /* take terminal formatting out (pk_input_opts.plain) */
	size_t nraw;
	char raw[RAW_MAX];
};

/* The charset detector's guess for bytes that are likely not UTF-8: more
 * ill-formed sequences than well-formed multi-byte ones (UTF-8 with a few
 * damaged bytes is UTF-8; a sequence cut by the end of the sample does not
 * count). */
static void
detect(pk_input *in, const char *s, size_t n)
{
	size_t i = 0, bad = 0, good = 0;
	UErrorCode e = U_ZERO_ERROR;

	in->detected[0] = '\0';
	if (n > SAMPLE_MAX)
		n = SAMPLE_MAX;
	while (i < n) {
		size_t at = i;
		UChar32 c;
		U8_NEXT((const uint8_t *)s, i, n, c);
		if (c < 0 && !(n - at < 4 && i == n))
			bad++;
		else if (c >= 0x80)
			good++;
	}
	if (bad == 0 || bad <= good)
		return;
	UCharsetDetector *d = ucsdet_open(&e);
	if (U_FAILURE(e))
		return;
	ucsdet_setText(d, s, (int32_t)n, &e);
	const UCharsetMatch *m = ucsdet_detect(d, &e);
	const char *name = m && U_SUCCESS(e) ? ucsdet_getName(m, &e) : NULL;
	snprintf(in->detected, sizeof in->detected, "%s",
	         name && U_SUCCESS(e) && strcmp(name, "UTF-8") != 0 ? name : "unknown");
	ucsdet_close(d);
}

bool
pk_input_encoding_known(const char *name)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &e);
	if (U_FAILURE(e) || !c)
		return false;
	ucnv_close(c);
	return true;
}

/* len: the whole lines that have arrived (see pk_input). */
static void
set_len(pk_input *in)
{
	struct pk_stream_ *st = in->st_;
	const char *b = st->region;
	size_t len = in->len, fill = st->fill;

	if (!in->growing) {
		in->len = fill;
	} else if (fill > len) {
		const char *nl = memrchr(b + len, '\n', fill - len);
		if (nl)
			in->len = (size_t)(nl - b) + 1;
		else if (fill - len > PARTIAL_MAX) {
			size_t p = fill;
			for (int k = 0; k < 3 && p > len && ((unsigned char)b[p - 1] & 0xC0) == 0x80; k++)
				p--;
			if (p > len && (unsigned char)b[p - 1] >= 0xC0)
				p--;  /* a lead byte whose sequence may be unfinished */
			in->len = p;
		}
	}
	set_body(in);
	if (!st->detected && !in->encoding && (st->fill >= SAMPLE_MAX || !in->growing)) {
		st->detected = true;
		detect(in, b, st->fill);
	}
}

/* Convert (or copy) the raw bytes into the region. */
static pk_status
drain_raw(pk_input *in, bool flush)
{
	struct pk_stream_ *st = in->st_;
	size_t lim = in->limit;

	if (!st->src) {
		size_t n = st->nraw < lim - st->fill ? st->nraw : lim - st->fill;
		memcpy(st->region + st->fill, st->raw, n);
		st->fill += n;
		if (n < st->nraw)
			in->capped = true;
		st->nraw = 0;
		return PK_OK;
	}
	UErrorCode e = U_ZERO_ERROR;
	char *t = st->region + st->fill;
	const char *sp = st->raw;
	ucnv_convertEx(st->utf8, st->src, &t, st->region + lim, &sp, st->raw + st->nraw,
	               st->pivot, &st->psrc, &st->ptgt, st->pivot + PIVOT_N,
	               st->first_cnv, flush, &e);
	st->first_cnv = false;
	st->fill = (size_t)(t - st->region);
	size_t used = (size_t)(sp - st->raw);
	memmove(st->raw, sp, st->nraw - used);
	st->nraw -= used;
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		in->capped = true;
		return PK_OK;
	}
	return U_FAILURE(e) ? PK_ERR_ICU : PK_OK;
}

static pk_status
open_converter(struct pk_stream_ *st, const char *name)
{
	UErrorCode e = U_ZERO_ERROR;
	st->src = ucnv_open(name, &e);
	if (U_SUCCESS(e))
		st->utf8 = ucnv_open("UTF-8", &e);
	if (U_FAILURE(e))
		return PK_ERR_FORMAT;
	st->psrc = st->ptgt = st->pivot;
	st->first_cnv = true;
	return PK_OK;
}

/* Once 4 bytes (or the end) are in: the encoding, from --encoding or a
 * UTF-16/32 byte-order mark. */
static pk_status
decide(pk_input *in, bool eof)
{
	struct pk_stream_ *st = in->st_;
	const unsigned char *r = (const unsigned char *)st->raw;
	const char *name = NULL;
	size_t skip = 0;

	if (st->decided || (st->nraw < 4 && !eof))
		return PK_OK;
	st->decided = true;
	if (st->enc[0]) {
		if (ucnv_compareNames(st->enc, "UTF-8") != 0)
			name = st->enc;
	} else if (st->nraw >= 4 && !memcmp(r, "\0\0\xFE\xFF", 4)) {
		name = "UTF-32BE", skip = 4;
	} else if (st->nraw >= 4 && !memcmp(r, "\xFF\xFE\0\0", 4)) {
		name = "UTF-32LE", skip = 4;
	} else if (st->nraw >= 2 && !memcmp(r, "\xFE\xFF", 2)) {
		name = "UTF-16BE", skip = 2;
	} else if (st->nraw >= 2 && !memcmp(r, "\xFF\xFE", 2)) {
		name = "UTF-16LE", skip = 2;
	}
	if (!name)
		return PK_OK;
	pk_status s = open_converter(st, name);
	if (s != PK_OK)
		return s;
	UErrorCode e = U_ZERO_ERROR;
	in->encoding = ucnv_getName(st->src, &e);
	if (U_FAILURE(e))
		in->encoding = name;
	memmove(st->raw, st->raw + skip, st->nraw - skip);
	st->nraw -= skip;
	return PK_OK;
}

static void
stream_end(pk_input *in)
{
	struct pk_stream_ *st = in->st_;
	in->growing = false;
	if (st->own_fd && st->fd >= 0)
		close(st->fd);
	st->fd = -1;
	set_len(in);
}

/*
 * pk_input_opts.plain over the text that arrived, region[from, fill), in
 * place (it only ever shortens).  A backspace takes back the character
 * before it when that is not yet shown (published lines are final); an
 * SGR sequence is dropped whole.  Anything cut by the end is left as is.
 */
static void
plain_text(pk_input *in, size_t from)
{
	struct pk_stream_ *st = in->st_;
	char *b = st->region;
	size_t r = from, w = from, end = st->fill;

	while (r < end) {
		unsigned char c = (unsigned char)b[r];
		if (c == '\b' && w > in->len && w > 0 && b[w - 1] != '\n') {
			/* overstrike: the next character replaces the one before */
			w--;
			while (w > in->len && ((unsigned char)b[w] & 0xC0) == 0x80)
				w--;
			r++;
			in->formatted = true;
			continue;
		}
		if (c == 0x1B && r + 1 < end && b[r + 1] == '[') {
			size_t q = r + 2;
			while (q < end && q - r < 64 && (unsigned char)b[q] >= 0x30 &&
			       (unsigned char)b[q] <= 0x3F)
				q++;  /* parameter bytes */
			if (q < end && b[q] == 'm') {
				r = q + 1;  /* SGR: colour, bold, underline */
				in->formatted = true;
				continue;
			}
		}
		b[w++] = b[r++];
	}
	st->fill = w;
}

pk_status
pk_input_pump(pk_input *in, size_t budget, int timeout_ms)
{
	struct pk_stream_ *st = in->st_;
	size_t done = 0;
	pk_status s = PK_OK;
	bool eof = false, waited = false;

	if (!st || !in->growing)
		return PK_OK;
	while (!eof && !in->capped && (done == 0 || done < budget)) {
		struct pollfd pf = { .fd = st->fd, .events = POLLIN };
		int r = poll(&pf, 1, waited ? 0 : timeout_ms);
		waited = true;
		if (r < 0 && errno == EINTR)
			break;
		if (r <= 0)
			break;
		char *to;
		size_t room;
		if (!st->decided || st->src) {
			to = st->raw + st->nraw;
			room = RAW_MAX - st->nraw;
		} else {
			to = st->region + st->fill;
			room = in->limit - st->fill < RAW_MAX ? in->limit - st->fill : RAW_MAX;
			if (room == 0) {
				in->capped = true;
				break;
			}
		}
		ssize_t n = read(st->fd, to, room);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			s = status_from_errno(errno);
			eof = true;
			break;
		}
		if (n == 0) {
			eof = true;
			break;
		}
		in->got += (size_t)n;
		done += (size_t)n;
		size_t from = st->fill;
		if (to == st->region + st->fill)
			st->fill += (size_t)n;
		else
			st->nraw += (size_t)n;
		if (!st->decided && (s = decide(in, false)) != PK_OK)
			break;
		if (st->decided && st->nraw && (s = drain_raw(in, false)) != PK_OK)
			break;
		if (st->plain && st->fill > from)
			plain_text(in, from);
	}
	if (s == PK_OK && eof) {
		size_t from = st->fill;
		if (!st->decided)
			s = decide(in, true);
		if (s == PK_OK && (st->nraw || st->src))
			s = drain_raw(in, true);
		if (st->plain && st->fill > from)
			plain_text(in, from);
	}
	if (s != PK_OK || eof || in->capped)
		stream_end(in);
	else
		set_len(in);
	return s;
}

pk_status
pk_input_finish(pk_input *in)
{
	pk_status s = PK_OK;
	while (in->growing && s == PK_OK)
		s = pk_input_pump(in, (size_t)-1, -1);
	return s;
}

static pk_status
stream_start(pk_input *in, int fd, bool own, const pk_input_opts *o)
{
	size_t lim = o && o->max_bytes ? o->max_bytes : PK_INPUT_MAX_DEFAULT;
	struct pk_stream_ *st = calloc(1, sizeof *st);

	memset(in, 0, sizeof *in);
	in->bytes = "";
	if (!st)
		return PK_ERR_NOMEM;
	st->fd = fd;
	st->own_fd = own;
	if (o && o->encoding) {
		if (!pk_input_encoding_known(o->encoding)) {
			free(st);
			return PK_ERR_FORMAT;
		}
		snprintf(st->enc, sizeof st->enc, "%s", o->encoding);
	}
	st->plain = o && o->plain;
	if (lim > SIZE_MAX / 2)
		lim = SIZE_MAX / 2;
	/* Reserve the limit's address space: the buffer never moves. */
	for (;;) {
		void *m = mmap(NULL, lim + SLACK, PROT_READ | PROT_WRITE,
		               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (m != MAP_FAILED) {
			st->region = m;
			st->cap = lim + SLACK;
			break;
		}
		if (lim <= ((size_t)16 << 20)) {
			free(st);
			return PK_ERR_NOMEM;
		}
		lim /= 2;  /* a small address space: a smaller limit */
	}
	in->st_ = st;
	in->bytes = st->region;
	in->limit = lim;
	in->growing = true;
	return PK_OK;
}

pk_status
pk_input_stream_fd(pk_input *in, int fd, const pk_input_opts *o)
{
	return stream_start(in, fd, false, o);
}

pk_status
pk_input_read_fd(pk_input *in, int fd)
{
	pk_status s = pk_input_stream_fd(in, fd, NULL);
	if (s == PK_OK && (s = pk_input_finish(in)) != PK_OK) {
		int e = errno;
		pk_input_close(in);
		errno = e;
	}
	return s;
}

static bool
has_wide_bom(int fd)
{
	unsigned char b[4];
	ssize_t n = pread(fd, b, sizeof b, 0);
	return (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) ||
	       (n == 4 && !memcmp(b, "\0\0\xFE\xFF", 4));
}

pk_status
pk_input_open_opts(pk_input *in, const char *path, const pk_input_opts *o)
{
	struct stat st;
	int fd;

	memset(in, 0, sizeof *in);
	in->bytes = "";
	if (o && o->encoding && !pk_input_encoding_known(o->encoding))
		return PK_ERR_FORMAT;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return status_from_errno(errno);
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return status_from_errno(e);
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return PK_ERR_ISDIR;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0 && !(o && o->encoding) && !has_wide_bom(fd)) {
		if ((uintmax_t)st.st_size > (uintmax_t)SIZE_MAX) {
			close(fd);
			return PK_ERR_TOOBIG;
		}
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m != MAP_FAILED) {
			close(fd);
			in->map_ = m;
			in->map_len_ = (size_t)st.st_size;
			in->bytes = m;
			in->len = (size_t)st.st_size;
			in->got = in->len;
			in->limit = in->len;
			set_body(in);
			detect(in, in->bytes, in->len);
			return PK_OK;
		}
		/* Some file systems cannot map: fall back to reading. */
	}
	if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) ||
	    S_ISSOCK(st.st_mode)) {
		/* A pipe, a device, a file of size 0 (/proc), text to convert. */
		pk_status s = stream_start(in, fd, true, o);
		if (s != PK_OK)
			close(fd);
		return s;
	}
	close(fd);
	return PK_ERR_NOTFILE;
}

pk_status
pk_input_open(pk_input *in, const char *path)
{
	pk_status s = pk_input_open_opts(in, path, NULL);
	if (s == PK_OK && (s = pk_input_finish(in)) != PK_OK) {
		int e = errno;
		pk_input_close(in);
		errno = e;
	}
	return s;
}

void
pk_input_discard(pk_input *in, size_t end)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	struct pk_stream_ *st = in->st_;

	if (!st || page == 0 || end > st->fill)
		return;
	end = end / page * page;
	if (end > st->dropped) {
		madvise(st->region + st->dropped, end - st->dropped, MADV_DONTNEED);
		st->dropped = end;
	}
}

bool
pk_input_looks_binary(const pk_input *in)
{
	size_t n = in->st_ ? in->st_->fill : in->len;
	const unsigned char *s = (const unsigned char *)in->bytes;
	size_t ctl = 0;

	if (n > 4096)
		n = 4096;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == 0)
			return true;
		if ((c < 0x20 && !strchr("\t\n\r\f\b\x1b", c)) || c == 0x7F)
			ctl++;
	}
	return ctl > 5 && ctl * 100 > n;
}

void
pk_input_replace(pk_input *in, char *text, size_t len)
{
	pk_input old = *in;
	pk_input_close(&old);
	memset(in, 0, sizeof *in);
	in->heap_ = text;
	in->bytes = text ? text : "";
	in->len = text ? len : 0;
	in->got = in->limit = in->len;
	set_body(in);
}

void
pk_input_close(pk_input *in)
{
	struct pk_stream_ *st = in->st_;
	if (in->map_)
		munmap(in->map_, in->map_len_);
	free(in->heap_);
	if (st) {
		if (st->own_fd && st->fd >= 0)
			close(st->fd);
		if (st->region)
			munmap(st->region, st->cap);
		ucnv_close(st->src);
		ucnv_close(st->utf8);
		free(st);
	}
	memset(in, 0, sizeof *in);
	in->bytes = "";
}

void
pk_input_release(const pk_input *in, size_t start, size_t end)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	uintptr_t base = (uintptr_t)in->map_;

	if (!in->map_ || page == 0 || end > in->map_len_ || start >= end)
		return;
	/* only whole pages inside the range */
	uintptr_t a = (base + start + page - 1) / page * page;
	uintptr_t b = (base + end) / page * page;
	if (a < b)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

const void *
pk_input_mapping(const pk_input *in, size_t *len)
{
	*len = in->map_ ? in->map_len_ : 0;
	return in->map_;
}

uint32_t
pk_decode(const char *s, size_t len, size_t *pos)
{
	size_t i = *pos;
	UChar32 c;

	if (i >= len) {
		*pos = len;
		return 0xFFFD;
	}
	/* ICU's macro: the same ill-formed-sequence rule as its UTF-8 UText, so
	 * our offsets and ICU's break positions agree. */
	U8_NEXT((const uint8_t *)s, i, len, c);
	*pos = i;
	return c < 0 ? 0xFFFD : (uint32_t)c;
}

bool
pk_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	       cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xFDD0 && cp <= 0xFDEF);
}

uint32_t
pk_visible(uint32_t cp)
{
	if (cp == '\t')
		return ' ';
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if (pk_is_control(cp))
		return 0xFFFD;
	return cp;
}
