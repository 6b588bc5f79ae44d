/* xdg.c - base directories and atomic writes (xdg.h). */
#include "config.h"

#include "xdg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool
xdg_path(xdg_kind kind, const char *name, char *buf, size_t n)
{
	const char *x = getenv(kind == XDG_STATE ? "XDG_STATE_HOME" : "XDG_CONFIG_HOME");
	const char *h = getenv("HOME");
	int k;
	if (x && x[0] == '/')
		k = snprintf(buf, n, "%s/pathak/%s", x, name);
	else if (h && h[0] == '/')
		k = snprintf(buf, n, "%s/%s/pathak/%s", h,
		             kind == XDG_STATE ? ".local/state" : ".config", name);
	else
		return false;
	return k > 0 && (size_t)k < n;
}

/* mkdir -p for the directories of @p path. */
static int
make_dirs(const char *path)
{
	char d[4096];
	size_t n = strlen(path);
	if (n >= sizeof d) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(d, path, n + 1);
	for (char *s = d + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(d, 0700) < 0 && errno != EEXIST)
			return -1;
		*s = '/';
	}
	return 0;
}

int
xdg_write_atomic(const char *path, int (*write)(FILE *f, const void *ctx), const void *ctx)
{
	char tmp[4200];
	FILE *f;
	if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (make_dirs(path) < 0 || !(f = fopen(tmp, "w")))
		return -1;
	bool bad = write(f, ctx) != 0 || ferror(f) != 0;
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		bad = true;
	if (fclose(f) != 0)
		bad = true;
	if (bad || rename(tmp, path) < 0) {
		int err = errno;
		unlink(tmp);
		errno = err ? err : EIO;
		return -1;
	}
	return 0;
}
