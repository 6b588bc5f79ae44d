/*
 * artlist.h - the articles of a folder (pathak DIR), for the article list:
 * each file's title, dateline, size, quotations and people named, found a
 * slice at a time so that the list shows at once and keys are never kept
 * waiting; sorted and filtered for the screen (listscr.h).  No curses.
 */
#ifndef PATHAK_ARTLIST_H
#define PATHAK_ARTLIST_H

#include <stdbool.h>
#include <stddef.h>
#include "input.h"

/** One file of the folder. */
typedef struct art_row {
	char *path;          /**< the folder's path joined with name */
	char *name;          /**< the file name */
	size_t size;         /**< bytes, from stat */
	char *title;         /**< the headline, or the first words; NULL until read */
	char *dateline;      /**< the dateline or the update stamp; NULL: none (or not read) */
	long quotes;         /**< quotations, -1 until counted */
	long people;         /**< persons named, -1 until counted */
	bool read;           /**< the title and dateline are known */
	bool failed;         /**< the file could not be read (title says why) */
} art_row;

/** What the list is sorted by. */
typedef enum {
	ART_BY_NAME, ART_BY_TITLE, ART_BY_SIZE, ART_BY_QUOTES, ART_BY_PEOPLE, ART_BY_N
} art_sort;

typedef struct artlist artlist;

/**
 * The regular files of folder @p dir (hidden ones left out), in name
 * order; nothing of them is read yet.  NULL with *st set on failure
 * (PK_ERR_NOENT, PK_ERR_ACCESS, PK_ERR_NOTFILE for not a folder, PK_ERR_NOMEM).
 */
artlist *artlist_open(const char *dir, pk_status *st);
void artlist_free(artlist *l);

/** The folder as given. */
const char *artlist_dir(const artlist *l);
/** Files in all. */
size_t artlist_total(const artlist *l);

/**
 * Read a slice: first the title and dateline of rows shown from @p first
 * on (those the screen shows), then of every row, then the quotations and
 * people of each; at least one step, and more until @p budget_ms has
 * passed.  @return true while work is left.
 */
bool artlist_work(artlist *l, size_t first, double budget_ms);
/** Titles read, and rows fully counted. */
size_t artlist_read(const artlist *l);
size_t artlist_counted(const artlist *l);

/** Sort by @p key (descending for sizes and counts unless @p reverse). */
void artlist_sort(artlist *l, art_sort key, bool reverse);
art_sort artlist_sort_key(const artlist *l);
const char *artlist_sort_name(art_sort key);

/**
 * Show only the rows whose title, dateline or file name match @p q with
 * the search's folding (a Latin query matches romanized Devanagari); ""
 * shows all.  @return 0, or -1 when @p q is no query (all shown).
 */
int artlist_filter(artlist *l, const char *q);
const char *artlist_filter_text(const artlist *l);

/** The rows shown (sorted, filtered), and row @p i of them. */
size_t artlist_shown(const artlist *l);
const art_row *artlist_row(const artlist *l, size_t i);
/** The position among the rows shown of the file @p path, or (size_t)-1. */
size_t artlist_find(const artlist *l, const char *path);

#endif
