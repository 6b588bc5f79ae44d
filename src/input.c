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

pk_status
pk_input_read_fd(pk_input *in, int fd)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);

	memset(in, 0, sizeof *in);
	if (!buf)
		return PK_ERR_NOMEM;
	for (;;) {
		if (len == cap && pk_grow(&buf, &cap, cap + 1, 1, cap) < 0) {
			free(buf);
			return PK_ERR_NOMEM;
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			errno = e;
			return status_from_errno(e);
		}
		len += (size_t)r;
	}
	in->heap_ = buf;
	in->bytes = buf;
	in->len = len;
	set_body(in);
	return PK_OK;
}

pk_status
pk_input_open(pk_input *in, const char *path)
{
	struct stat st;
	int fd;

	memset(in, 0, sizeof *in);
	in->bytes = "";
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
	if (S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > (uintmax_t)SIZE_MAX) {
			close(fd);
			return PK_ERR_TOOBIG;
		}
		if (st.st_size == 0) {
			close(fd);
			set_body(in);
			return PK_OK;
		}
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m == MAP_FAILED) {
			/* Some file systems cannot map: fall back to reading. */
			pk_status s = pk_input_read_fd(in, fd);
			close(fd);
			return s;
		}
		close(fd);
		in->map_ = m;
		in->map_len_ = (size_t)st.st_size;
		in->bytes = m;
		in->len = (size_t)st.st_size;
		set_body(in);
		return PK_OK;
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISSOCK(st.st_mode)) {
		pk_status s = pk_input_read_fd(in, fd);
		close(fd);
		return s;
	}
	close(fd);
	return PK_ERR_NOTFILE;
}

void
pk_input_close(pk_input *in)
{
	if (in->map_)
		munmap(in->map_, in->map_len_);
	free(in->heap_);
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
