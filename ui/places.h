/*
 * places.h - where the reader was in each article: the top of the screen,
 * the render mode and the marks, kept between runs in
 * $XDG_STATE_HOME/pathak/places and found again by a hash of the
 * article's bytes (so a renamed or copied file still resumes, and an
 * edited one starts afresh).  No curses.
 *
 * The file is text, a line an article, the oldest first:
 *     # pathak places 1
 *     KEY TOP MODE TIME [LETTER=OFFSET]...
 * KEY is 16 hex digits, TOP a byte offset, MODE a render mode name or -,
 * TIME seconds since 1970.  It holds at most PLACES_MAX articles (the
 * least recently read go first) and is written whole or not at all.
 */
#ifndef PATHAK_PLACES_H
#define PATHAK_PLACES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLACES_MAX 1000
/** Marks a to z and A to Z. */
#define PLACE_MARKS 52
#define PLACE_NONE ((size_t)-1)

/** One article's record. */
typedef struct place {
	uint64_t key;              /**< place_key() of its bytes */
	size_t top;                /**< input offset of the top row */
	char mode[24];             /**< render mode name; "" none */
	size_t marks[PLACE_MARKS]; /**< input offsets; PLACE_NONE unset */
	long long when;            /**< last read, seconds since 1970 */
} place;

/** The key of an article: a hash of its first 16 MiB and its length. */
uint64_t place_key(const void *bytes, size_t len);

/** The slot of mark letter @p c (a-z, A-Z), or -1. */
int place_mark_slot(int c);

/** A record for @p key with nothing set. */
void place_init(place *pl, uint64_t key);

/** The places file: $XDG_STATE_HOME/pathak/places (xdg.h). */
bool places_path(char *buf, size_t n);

/** Look @p key up in the file @p path.
 * @return 1 found (*out filled), 0 not there (or no file), -1 a read error */
int places_get(const char *path, uint64_t key, place *out);

/** Put @p pl into the file @p path in place of any record of its key, as
 * the newest; the oldest go beyond PLACES_MAX.  Lines that do not parse
 * are dropped.  @return 0, or -1 with errno set (the file unchanged). */
int places_put(const char *path, const place *pl);

#endif
