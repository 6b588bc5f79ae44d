/* qnav.c - the rules of the quotation keys (see qnav.h). */
#include "config.h"

#include "qnav.h"

#include <stdint.h>

bool
qnav_on_screen(const pk_quote *q, size_t first, size_t last)
{
	return q->end > first && q->start < last;
}

size_t
qnav_step(const pk_quotes *qs, size_t cur, size_t first, size_t last, int dir)
{
	size_t n = qs->n;

	if (cur != PK_QUOTE_NONE && cur < n && qnav_on_screen(&qs->v[cur], first, last)) {
		if (dir > 0)
			return cur + 1 < n ? cur + 1 : PK_QUOTE_NONE;
		return cur > 0 ? cur - 1 : PK_QUOTE_NONE;
	}
	if (dir > 0) {
		for (size_t i = 0; i < n; i++)
			if (qs->v[i].start >= first)
				return i;
	} else {
		for (size_t i = n; i-- > 0;)
			if (qs->v[i].start < last)
				return i;
	}
	return PK_QUOTE_NONE;
}

int
qnav_spans(const pk_quotes *qs, pk_spans *out)
{
	int rc = 0;
	for (size_t i = 0; i < qs->n; i++) {
		const pk_quote *q = &qs->v[i];
		if (pk_spans_push(out, (pk_span){ q->start, q->end, PK_SPAN_QUOTE, (uint32_t)i }) < 0)
			rc = -1;
		if (q->mention_start != PK_QUOTE_NONE && q->mention_end > q->mention_start &&
		    pk_spans_push(out, (pk_span){ q->mention_start, q->mention_end,
		                                  PK_SPAN_SPEAKER, (uint32_t)i }) < 0)
			rc = -1;
	}
	pk_spans_sort(out);
	return rc;
}
