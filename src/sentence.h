/*
 * sentence.h - the one definition of a sentence end, for doc.c (block
 * types) and the quotation finder.
 */
#ifndef PATHAK_SENTENCE_H
#define PATHAK_SENTENCE_H

#include <stdbool.h>
#include <stdint.h>

/** Does code point @p c end a sentence: `.`, `?`, `!`, danda `।` or double
 *  danda `॥`? */
static inline bool
pk_sent_end_cp(uint32_t c)
{
	return c == '.' || c == '?' || c == '!' || c == 0x0964 || c == 0x0965;
}

#endif
