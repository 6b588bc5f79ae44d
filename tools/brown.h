/*
 * brown.h - Brown word clusters (Brown et al. 1992, "Class-based n-gram
 * models of natural language"), by the windowed agglomerative algorithm
 * (Liang 2005, "Semi-supervised learning for natural language", ch. 3):
 * words are taken in order of frequency into a window of at most C + 1
 * active classes, and after each is added the two classes whose merge
 * loses the least average mutual information of adjacent classes are
 * merged; at the end the C classes left are merged down to one.  The
 * merges form a binary tree: a word's path from the root (0 left, 1 right)
 * is its cluster, and prefixes of the path are coarser clusters.
 *
 * Used by the trainer only (tools/ner-tool.c).  Deterministic.
 */
#ifndef PATHAK_BROWN_H
#define PATHAK_BROWN_H

#include <stddef.h>
#include <stdint.h>

/* The longest path kept (bits); paths are stored as (1 << len) | bits. */
enum { BROWN_MAXBITS = 22 };

/*
 * Cluster the words 0 .. nwords - 1 of a token stream.
 *
 * @param stream  word ids; ids >= nwords (e.g. UINT32_MAX) break the
 *                stream (sentence ends, rare words): no bigram spans them
 * @param n       the stream's length
 * @param nwords  words to cluster, numbered in order of falling frequency
 * @param c       the window: the number of classes kept active (>= 2)
 * @param path    receives, for each word, its path from the root truncated
 *                to BROWN_MAXBITS bits, as (1 << len) | bits (the leading
 *                1 marks the length)
 * @return 0, or -1 when out of memory
 */
int brown_cluster(const uint32_t *stream, size_t n, size_t nwords, size_t c,
		  uint32_t *path);

#endif
