/*
 * guard.h - what the process does about signals and a file that changes
 * under it (issue 10).  No curses: the caller hands over the bytes that
 * leave its screen, and the terminal modes to put back.
 *
 * Fatal signals (INT, TERM, HUP, PIPE, USR1, ALRM, BUS, SEGV): once
 * guard_term() has armed it, the handler writes the "leave the screen"
 * bytes to the terminal and restores its saved modes (write() and
 * tcsetattr(), both async-signal-safe), then puts back the action that was
 * there before and raises the signal again, so that the exit status is the
 * conventional one (130 for Ctrl-C, 143 for SIGTERM, ...).  A signal that
 * was ignored when pathak started (nohup, a shell's trap '') stays ignored.
 * SIGQUIT is ignored in the pager, as in less.
 *
 * A memory-mapped file that is truncated while it is open makes a read of
 * the lost pages fault with SIGBUS.  guard_map() names the mapped range:
 * a SIGBUS inside it maps anonymous zero pages over the rest of the range
 * (MAP_FIXED), so that the read goes on and sees NUL bytes, and sets a flag
 * that guard_map_faulted() reports.  The caller then says "file changed"
 * (the pager, which can reload) or fails (--json, --dump).
 *
 * The state is the process's, in this module only: one terminal, one
 * mapped range.
 */
#ifndef PATHAK_GUARD_H
#define PATHAK_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>
#include <termios.h>

/** Install the handlers of the fatal signals (idempotent).  With @p pager,
 * SIGQUIT is ignored too.  @return 0, or -1 if sigaction failed. */
int guard_init(bool pager);

/**
 * Arm the terminal restore: on a fatal signal write @p leave (@p n bytes,
 * copied; at most 255) to @p fd and, when @p modes is not NULL, restore
 * them on @p fd with tcsetattr.  guard_term(-1, ...) disarms it (the normal
 * exit has restored the terminal itself).
 */
void guard_term(int fd, const struct termios *modes, const char *leave, size_t n);

/** SIGBUS on [@p addr, @p addr + @p len) is a file that shrank: see above.
 * guard_map(NULL, 0) forgets the range.  Resets the flag. */
void guard_map(const void *addr, size_t len);

/** Has a read of the mapped range faulted since guard_map()? */
bool guard_map_faulted(void);

/** What identifies a file's contents on disk: device, inode, size, mtime. */
typedef struct guard_stamp {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	bool ok;          /**< stat() succeeded */
} guard_stamp;

/** Stamp the file at @p path (stamp.ok false when it cannot be stat'ed). */
void guard_stamp_get(const char *path, guard_stamp *s);

/** The file at the same path differs from @p then: another file there
 * (replaced), or the same one with another size or time (rewritten,
 * truncated), or gone. */
bool guard_stamp_changed(const guard_stamp *then, const guard_stamp *now);

/** The same file, but its contents were changed in place (size or mtime):
 * what --json and --dump read may be a mixture. */
bool guard_stamp_rewritten(const guard_stamp *then, const guard_stamp *now);

#endif
