/*
 * poison.h - ASan's poisoning macros, or nothing without ASan: the fuzz
 * targets poison the bytes around the range they hand the library, so a
 * read past it is caught, and build the same without a sanitizer (the
 * corpus replay of make check).
 */
#ifndef PATHAK_FUZZ_POISON_H
#define PATHAK_FUZZ_POISON_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(FUZZ_ASAN)
#define FUZZ_ASAN 1
#endif
#ifdef FUZZ_ASAN
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A copy of data[0, size) (size >= 2) with a range [*a, *b) chosen by its
 * first two bytes and every byte outside it poisoned; NULL when out of
 * memory.  Unpoison (ASAN_UNPOISON_MEMORY_REGION) before freeing. */
static inline char *
fuzz_poisoned_copy(const uint8_t *data, size_t size, size_t *a, size_t *b)
{
	*a = data[0] % size;
	*b = size - data[1] % (size - *a);
	char *copy = malloc(size);
	if (!copy)
		return NULL;
	memcpy(copy, data, size);
	ASAN_POISON_MEMORY_REGION(copy, *a);
	ASAN_POISON_MEMORY_REGION(copy + *b, size - *b);
	return copy;
}

#endif
