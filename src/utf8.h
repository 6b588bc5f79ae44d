/*
 * utf8.h - the one UTF-8 encoder of libpathak and pathak.
 */
#ifndef PATHAK_UTF8_H
#define PATHAK_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utf8.h>

/**
 * Write code point @p c as UTF-8 at @p o (room for 4 bytes); ICU's
 * U8_APPEND_UNSAFE.  @p c must be a Unicode scalar value.
 *
 * @return the number of bytes written (1 to 4)
 */
static inline size_t
pk_utf8_put(char *o, uint32_t c)
{
	int32_t n = 0;
	U8_APPEND_UNSAFE((uint8_t *)o, n, (UChar32)c);
	return (size_t)n;
}

#endif
