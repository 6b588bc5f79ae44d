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

#endif
