/*
 * lineedit.h - the search prompt's line, without a terminal: UTF-8 typed
 * byte by byte, a cursor that moves by grapheme clusters (the clusters the
 * layout draws), Backspace that removes one cluster, and a history browsed
 * with Up and Down and kept in a file across runs.
 *
 * The history file is $XDG_STATE_HOME/pathak/search_history (by default
 * ~/.local/state/pathak/search_history), one entry a line, oldest first,
 * at most LEDIT_HIST_MAX entries; it is rewritten whole through a temporary
 * file and rename(), so a crash leaves the old one or the new one.
 */
#ifndef PATHAK_LINEEDIT_H
#define PATHAK_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

/** Longest line in bytes (the rest of what is typed is dropped). */
#define LEDIT_MAX 2048
/** Most history entries kept. */
#define LEDIT_HIST_MAX 100

typedef struct ledit ledit;

/** An empty line with an empty history; NULL when out of memory. */
ledit *ledit_new(void);
void ledit_free(ledit *e);

/** The text (NUL-terminated), its length and the cursor's byte offset. */
const char *ledit_text(const ledit *e);
size_t ledit_len(const ledit *e);
size_t ledit_cursor(const ledit *e);

/** Empty the line (the history stays); leave history browsing. */
void ledit_clear(ledit *e);
/** Replace the line with @p s, the cursor at its end. */
void ledit_set(ledit *e, const char *s);

/**
 * A byte typed (UTF-8 arrives a byte at a time): inserted at the cursor
 * once its character is whole.  @return true when the text changed.
 * Control bytes and ill-formed sequences are dropped.
 */
bool ledit_byte(ledit *e, int byte);

/** Cursor motion by clusters.  @return true when the cursor moved. */
bool ledit_left(ledit *e);
bool ledit_right(ledit *e);
bool ledit_home(ledit *e);
bool ledit_end(ledit *e);

/** Remove the cluster before the cursor (Backspace) or at it (Delete).
 * @return true when the text changed. */
bool ledit_backspace(ledit *e);
bool ledit_delete(ledit *e);

/** Up and Down: an older or a newer entry; past the newest, the line that
 * was being typed.  @return true when the line changed. */
bool ledit_hist_prev(ledit *e);
bool ledit_hist_next(ledit *e);

/** Add @p s as the newest entry (an empty one is not added; an equal older
 * one moves to the end); drops the oldest beyond LEDIT_HIST_MAX. */
void ledit_hist_add(ledit *e, const char *s);
size_t ledit_hist_count(const ledit *e);
/** Entry @p i, 0 the oldest; NULL past the last. */
const char *ledit_hist_get(const ledit *e, size_t i);

/**
 * The history file's path into @p buf: $XDG_STATE_HOME/pathak/search_history,
 * or $HOME/.local/state/pathak/search_history.  @return false when neither
 * variable is set (absolute) or the path does not fit.
 */
bool ledit_hist_path(char *buf, size_t n);

/** Read the history from @p path (a missing file is an empty history).
 * @return 0, or -1 on a read error. */
int ledit_hist_load(ledit *e, const char *path);

/** Write the history to @p path (its directory made when missing) through
 * a temporary file renamed over it.  @return 0, or -1 (errno set). */
int ledit_hist_save(const ledit *e, const char *path);

#endif
