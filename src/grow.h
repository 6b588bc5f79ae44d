/*
 * grow.h - the one way libpathak and pathak grow an array.
 */
#ifndef PATHAK_GROW_H
#define PATHAK_GROW_H

#include <stddef.h>

/**
 * Make room for at least @p need elements of @p size bytes in the array
 * whose pointer is at @p arrp (a `T **`, passed as void *) and whose
 * capacity, in elements, is at *@p cap.  The capacity at least doubles, from
 * @p first, so appending one at a time is amortised O(1).
 *
 * @return 0, or -1 when out of memory or on overflow; the array and *cap are
 *         then unchanged.
 */
int pk_grow(void *arrp, size_t *cap, size_t need, size_t size, size_t first);

#endif
