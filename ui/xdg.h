/*
 * xdg.h - where pathak keeps what it remembers and reads its settings
 * (the XDG base directories), and writing such a file safely.  No curses.
 */
#ifndef PATHAK_XDG_H
#define PATHAK_XDG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** Which base directory. */
typedef enum {
	XDG_STATE,   /**< $XDG_STATE_HOME, else $HOME/.local/state */
	XDG_CONFIG,  /**< $XDG_CONFIG_HOME, else $HOME/.config */
} xdg_kind;

/**
 * The path of pathak's file @p name in the base directory @p kind into
 * @p buf: "$XDG_STATE_HOME/pathak/NAME" and so on.  A relative
 * $XDG_*_HOME is ignored, as the specification asks.
 * @return false when no absolute directory is set or the path does not fit.
 */
bool xdg_path(xdg_kind kind, const char *name, char *buf, size_t n);

/**
 * Write @p path whole or not at all: @p write fills a temporary file in
 * the same directory (made, mode 0700, when missing), which is synced and
 * renamed over @p path.  A reader never sees half a file, and of two
 * writers the last one wins.
 * @param write  returns 0, or -1 to give up (the file is left as it was)
 * @return 0, or -1 with errno set
 */
int xdg_write_atomic(const char *path, int (*write)(FILE *f, const void *ctx), const void *ctx);

#endif
