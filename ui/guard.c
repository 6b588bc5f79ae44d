/* guard.c - fatal signals leave the terminal sane; SIGBUS on a shrunk
 * mapped file reads zeros (guard.h). */
#include "config.h"

#include "guard.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The signals that end the process; SIGQUIT is ignored in the pager. */
static const int fatal_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGALRM,
                                  SIGBUS, SIGSEGV };
#define NFATAL (sizeof fatal_sigs / sizeof *fatal_sigs)

/* Everything the handler reads is set before it can run, or changed with
 * the signals blocked (guard_term, guard_map). */
static struct sigaction old_act[NFATAL];
static volatile sig_atomic_t term_fd = -1;
static struct termios term_modes;
static bool have_modes;
static char leave[256];
static size_t leave_n;
static uintptr_t map_lo, map_hi;   /* the mapped range, whole pages */
static size_t page_size;
static volatile sig_atomic_t map_faulted;

static int
slot(int sig)
{
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal_sigs[i] == sig)
			return (int)i;
	return -1;
}

/* Async-signal-safe: write, tcsetattr. */
static void
restore_term(void)
{
	int fd = term_fd;
	if (fd < 0)
		return;
	term_fd = -1;  /* once */
	for (size_t off = 0; off < leave_n;) {
		ssize_t k = write(fd, leave + off, leave_n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		off += (size_t)k;
	}
	if (have_modes)
		tcsetattr(fd, TCSANOW, &term_modes);
}

static void
on_fatal(int sig, siginfo_t *si, void *uc)
{
	int e = errno, i = slot(sig);
	(void)uc;

	if (sig == SIGBUS && si && map_hi > map_lo) {
		uintptr_t a = (uintptr_t)si->si_addr;
		if (a >= map_lo && a < map_hi) {
			/* The file shrank under the mapping: zero pages from the
			 * faulting one to the end, and the read goes on. */
			uintptr_t from = a / page_size * page_size;
			void *m = mmap((void *)from, map_hi - from, PROT_READ,
			               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			if (m != MAP_FAILED) {
				map_faulted = 1;
				errno = e;
				return;
			}
		}
	}
	restore_term();
	/* Die of the signal, with the action that was there before: the
	 * default, or a sanitizer's report for a real fault (si_code > 0; a
	 * kill -s SEGV gets the default and its conventional status). */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	if (i >= 0 && si && si->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS))
		sigaction(sig, &old_act[i], NULL);
	else
		sigaction(sig, &dfl, NULL);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	raise(sig);
	errno = e;
}

int
guard_init(bool pager)
{
	struct sigaction sa;
	int rc = 0;

	if (!page_size)
		page_size = (size_t)sysconf(_SC_PAGESIZE);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fatal;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	/* no other fatal signal in the middle of the restore */
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(&sa.sa_mask, fatal_sigs[i]);
	for (size_t i = 0; i < NFATAL; i++) {
		int sig = fatal_sigs[i];
		struct sigaction cur;
		if (sigaction(sig, NULL, &cur) < 0) {
			rc = -1;
			continue;
		}
		if ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == on_fatal)
			continue;  /* ours already */
		/* nohup, trap '': what was ignored stays ignored (not a fault) */
		if (cur.sa_handler == SIG_IGN && sig != SIGBUS && sig != SIGSEGV)
			continue;
		old_act[i] = cur;
		if (sigaction(sig, &sa, NULL) < 0)
			rc = -1;
	}
	if (pager)
		signal(SIGQUIT, SIG_IGN);
	return rc;
}

/* Change what the handler reads with the fatal signals blocked. */
static void
block(sigset_t *old)
{
	sigset_t s;
	sigemptyset(&s);
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(&s, fatal_sigs[i]);
	sigprocmask(SIG_BLOCK, &s, old);
}

void
guard_term(int fd, const struct termios *modes, const char *s, size_t n)
{
	sigset_t old;
	block(&old);
	term_fd = -1;
	if (fd >= 0) {
		if (n > sizeof leave)
			n = sizeof leave;
		memcpy(leave, s, n);
		leave_n = n;
		have_modes = modes != NULL;
		if (modes)
			term_modes = *modes;
		term_fd = fd;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
guard_map(const void *addr, size_t len)
{
	sigset_t old;
	block(&old);
	if (!page_size)
		page_size = (size_t)sysconf(_SC_PAGESIZE);
	map_lo = map_hi = 0;
	if (addr && len) {
		map_lo = (uintptr_t)addr;
		map_hi = (map_lo + len + page_size - 1) / page_size * page_size;
	}
	map_faulted = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

bool
guard_map_faulted(void)
{
	return map_faulted != 0;
}

void
guard_stamp_get(const char *path, guard_stamp *s)
{
	struct stat st;
	memset(s, 0, sizeof *s);
	if (!path || stat(path, &st) < 0)
		return;
	s->ok = true;
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->size = st.st_size;
	s->mtime = st.st_mtim;
}

bool
guard_stamp_rewritten(const guard_stamp *a, const guard_stamp *b)
{
	return a->ok && b->ok && a->dev == b->dev && a->ino == b->ino &&
	       (a->size != b->size || a->mtime.tv_sec != b->mtime.tv_sec ||
	        a->mtime.tv_nsec != b->mtime.tv_nsec);
}

bool
guard_stamp_changed(const guard_stamp *a, const guard_stamp *b)
{
	if (!a->ok)
		return false;  /* nothing to compare with (standard input) */
	return !b->ok || a->dev != b->dev || a->ino != b->ino || guard_stamp_rewritten(a, b);
}
