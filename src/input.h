/*
 * input.h - the bytes of an article, as given.
 *
 * libpathak never rewrites UTF-8 input: every offset anywhere in the
 * library (blocks, sentences, clusters, spans) is a byte offset into the buffer
 * held here.  Regular files are memory-mapped; streams are read into memory as
 * they arrive (see pk_input); other encodings are converted to UTF-8 first.
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

/** Default for pk_input_opts.max_bytes: 1 GiB. */
#define PK_INPUT_MAX_DEFAULT ((size_t)1 << 30)

/** How to open an input.  A zeroed struct asks for the defaults. */
typedef struct pk_input_opts {
	/** Decode the input from this encoding (an ICU converter name such as
	 * "ISO-8859-1", "windows-1252", "UTF-16LE").  NULL: UTF-8, unless a
	 * UTF-16 or UTF-32 byte-order mark says otherwise. */
	const char *encoding;
	/** Stop reading a stream (or converting a file) after this many bytes
	 * of text; 0 means PK_INPUT_MAX_DEFAULT. */
	size_t max_bytes;
	/** A stream is another program's output for a pager (man, git): take
	 * its terminal formatting out as it is read, so that the text is plain.
	 * The overstrikes of nroff (X BS X bold, _ BS X underline) keep the
	 * last character; colour and attribute sequences (ESC [ ... m) go.
	 * Any other control stays, for the reader to show harmlessly.  A
	 * sequence cut by the end of a read is kept as it is. */
	bool plain;
} pk_input_opts;

/**
 * The input bytes.  Fields are read-only for callers.
 *
 * Streams.  A pipe, a terminal-less standard input, a character device
 * (/dev/zero) or a file that reports size 0 (/proc/cpuinfo) is read
 * incrementally: pk_input_stream_fd() or pk_input_open_opts() only start it,
 * and pk_input_pump() reads more.  While @c growing is true, @c len grows
 * from one call of pk_input_pump() to the next; nothing else changes.
 *
 * The buffer never moves.  A stream is read into one anonymous mapping of
 * the limit's size (max_bytes plus a little), made with MAP_NORESERVE:
 * address space is reserved up front, memory is committed only as bytes
 * arrive (the kernel backs a page when it is first written), so memory is
 * bounded by what has arrived and @c bytes stays valid for the input's life.
 * Every offset and every pointer into @c bytes held anywhere (the document
 * model, break iterators, the pager) therefore stays valid as the input
 * grows; holders need only re-read @c len.  At the limit reading stops and
 * @c capped is set.
 *
 * While growing, @c len ends after the last line feed that has arrived (a
 * line is shown once whole), unless the unfinished line is already longer
 * than 256 KiB, when @c len ends at the last whole code point.
 *
 * Encodings.  Input with a UTF-16 or UTF-32 byte-order mark, or opened with
 * pk_input_opts.encoding, is converted to UTF-8 as it is read (ICU's
 * converters): @c bytes is then the UTF-8 text, every offset is an offset
 * into it, and @c encoding names the encoding it was converted from.
 */
typedef struct pk_input {
	const char *bytes;  /**< the article: UTF-8 (converted, if @c encoding is set) */
	size_t len;         /**< its length in bytes */
	size_t body;        /**< offset of the first byte after a UTF-8 BOM (0 or 3) */
	/* private */
	void *map_;
	size_t map_len_;
	char *heap_;
	/* public, read-only: streams and encodings */
	bool growing;       /**< a stream still being read: len may grow */
	bool capped;        /**< reading stopped at max_bytes */
	size_t got;         /**< bytes read from the source so far */
	size_t limit;       /**< the max_bytes in force */
	const char *encoding; /**< the encoding converted from (ICU's name), or NULL */
	char detected[40];  /**< not valid UTF-8: ICU's charset detector's guess, else "" */
	bool formatted;     /**< pk_input_opts.plain took overstrikes or colours out */
	/* private */
	struct pk_stream_ *st_;
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

/**
 * Open @p path with options @p o (NULL: defaults) without reading a stream
 * to its end: a regular file of non-zero size in UTF-8 is mapped as by
 * pk_input_open(); anything else (a pipe, a character device, a file of
 * size 0 such as /proc/cpuinfo, input to convert) starts a stream that
 * pk_input_pump() reads.  @return PK_ERR_FORMAT for an encoding ICU does
 * not know.
 */
pk_status pk_input_open_opts(pk_input *in, const char *path, const pk_input_opts *o);

/** Start a stream over @p fd (not closed by pathak), options @p o (NULL: defaults). */
pk_status pk_input_stream_fd(pk_input *in, int fd, const pk_input_opts *o);

/**
 * Read more of a stream: wait at most @p timeout_ms (-1: as long as it
 * takes, 0: not at all) for bytes, then read at most about @p budget bytes
 * of them.  Never blocks beyond the wait.  At the end of the stream, at the
 * limit or on a read error @c growing becomes false.  A no-op for input
 * that is not growing.  @return PK_OK, or the read error.
 */
pk_status pk_input_pump(pk_input *in, size_t budget, int timeout_ms);

/** Read a stream to its end (or its limit). */
pk_status pk_input_finish(pk_input *in);

/**
 * A one-pass reader of a stream (--dump) is done with bytes before @p end:
 * their pages are handed back, so memory stays small however long the
 * stream.  They read as NUL afterwards.  A no-op for other input.
 */
void pk_input_discard(pk_input *in, size_t end);

/** Is @p name an encoding ICU can convert from? */
bool pk_input_encoding_known(const char *name);

/**
 * Does the input look binary, as less judges it: a NUL, or more than a few
 * C0 controls other than tab, line feed, carriage return, form feed,
 * backspace and escape, among its first 4 KiB of text (after conversion)?
 */
bool pk_input_looks_binary(const pk_input *in);

/** Wrap @p len bytes at @p bytes without copying; the caller keeps them alive. */
void pk_input_from_mem(pk_input *in, const char *bytes, size_t len);

/**
 * Put @p text (@p len bytes, malloc'd, UTF-8) in the place of what @p in
 * holds, which must be whole (not growing): the input becomes that text,
 * owned by @p in (an HTML page becomes its article, html.h).  What was
 * read, mapped or converted before is released.
 */
void pk_input_replace(pk_input *in, char *text, size_t len);

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
