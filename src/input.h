/*
 * input.h - the bytes of an article, as given.
 *
 * libpathak never copies or rewrites the input: every offset anywhere in the
 * library (blocks, sentences, clusters, spans) is a byte offset into the buffer
 * held here.  Regular files are memory-mapped; pipes are read into memory.
 * Nothing in this module writes to a terminal or exits; errors are returned.
 */
#ifndef PATHAK_INPUT_H
#define PATHAK_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/** Status codes returned by libpathak functions. */
typedef enum {
	PK_OK = 0,
	PK_ERR_NOENT,    /**< the file does not exist */
	PK_ERR_ACCESS,   /**< the file exists but cannot be read */
	PK_ERR_ISDIR,    /**< the path names a directory */
	PK_ERR_NOTFILE,  /**< neither a regular file nor a readable stream */
	PK_ERR_IO,       /**< a read or map failed */
	PK_ERR_NOMEM,    /**< out of memory */
	PK_ERR_TOOBIG,   /**< the input exceeds what this build can address */
	PK_ERR_ICU,      /**< ICU reported an error */
	PK_ERR_FORMAT,   /**< a data file (the NER model) is not of this version */
} pk_status;

/** A short English description of @p st, never NULL.  Static storage. */
const char *pk_status_str(pk_status st);

/** The input bytes.  Fields are read-only for callers. */
typedef struct pk_input {
	const char *bytes;  /**< the article, exactly as given (may contain NUL) */
	size_t len;         /**< its length in bytes */
	size_t body;        /**< offset of the first byte after a UTF-8 BOM (0 or 3) */
	/* private */
	void *map_;
	size_t map_len_;
	char *heap_;
} pk_input;

/**
 * Open @p path.  A regular file is memory-mapped (so opening a 100 MB file
 * costs no read); a FIFO or character device is read to its end.
 * On failure @p in is left empty and the returned status says why; errno is
 * preserved for the caller's message.
 */
pk_status pk_input_open(pk_input *in, const char *path);

/** Read all of file descriptor @p fd (a pipe, for example) into memory. */
pk_status pk_input_read_fd(pk_input *in, int fd);

/** Wrap @p len bytes at @p bytes without copying; the caller keeps them alive. */
void pk_input_from_mem(pk_input *in, const char *bytes, size_t len);

/** Release what pk_input_open / pk_input_read_fd acquired.  Safe on a zeroed struct. */
void pk_input_close(pk_input *in);

/**
 * Tell the system that bytes [@p start, @p end) will not be needed again
 * soon, so that a one-pass scan of a large mapped file (the block index)
 * does not keep the whole file resident.  The bytes stay readable: pages are
 * read back from the page cache on the next access.  A no-op for input that
 * is not memory-mapped.
 */
void pk_input_release(const pk_input *in, size_t start, size_t end);

/**
 * The memory-mapped bytes of @p in, so that a program can guard them: a
 * file truncated while it is mapped makes a read of the lost pages raise
 * SIGBUS, which only the program (not the library) may catch (pathak's
 * ui/guard.h).  @return the start of the mapping and its length in
 * @p len, or NULL and 0 when the input is not mapped.
 */
const void *pk_input_mapping(const pk_input *in, size_t *len);

/**
 * Decode one code point at @p pos of @p s (length @p len), the way every
 * part of pathak does: ill-formed UTF-8 yields U+FFFD and consumes the
 * maximal ill-formed subpart (ICU's U8_NEXT rule), so decoding always
 * advances and never reads past @p len.
 *
 * @param s    the bytes
 * @param len  their length
 * @param pos  in: offset of the code point; out: offset just after it
 * @return the code point, or 0xFFFD for ill-formed input
 */
uint32_t pk_decode(const char *s, size_t len, size_t *pos);

/**
 * What a code point looks like on screen.  NUL and the other C0 controls show
 * as the Control Pictures U+2400..U+241F, DEL as U+2421, C1 controls
 * (U+0080..U+009F) and noncharacters as U+FFFD, and tab as a space.  Every
 * other code point maps to itself.  Line feeds and carriage returns never reach
 * this function through the document model (they end blocks).
 */
uint32_t pk_visible(uint32_t cp);

/** True for a code point that pk_visible() replaces (a control). */
bool pk_is_control(uint32_t cp);

#endif
