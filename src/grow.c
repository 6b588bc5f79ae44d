/* grow.c - amortised growth of arrays. */
#include "config.h"

#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int
pk_grow(void *arrp, size_t *cap, size_t need, size_t size, size_t first)
{
	void *old, *nv;
	size_t nc = *cap ? *cap : first;

	if (need <= *cap)
		return 0;
	while (nc < need) {
		if (nc > SIZE_MAX / 2)
			return -1;
		nc *= 2;
	}
	if (size && nc > SIZE_MAX / size)
		return -1;
	memcpy(&old, arrp, sizeof old);
	nv = realloc(old, nc * size);
	if (!nv)
		return -1;
	memcpy(arrp, &nv, sizeof nv);
	*cap = nc;
	return 0;
}
