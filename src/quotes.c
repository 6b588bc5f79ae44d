/*
 * quotes.c - the driver of quotation finding (the stages are in quote/).
 *
 * Pass 1 walks the blocks (a paragraph; a whole article for texts that
 * lost their line breaks): each is cut into tokens, its quotation marks
 * paired, each pair classified (direct, partial, or a title, label,
 * heading) and attributed to a mention through speech cues; named subjects
 * of cues go in a history.  Pass 2 resolves speakers: pronouns and
 * definite descriptions to a named subject before them, short names to
 * their fullest form nearby.  Every look-around is bounded (tokens in a
 * clause, bytes around a quote), so the whole thing is linear in the input.
 */
#include "config.h"
#include "quotes.h"
#include "quote/quote_int.h"

#include <stdlib.h>
#include <string.h>

const char *
pk_quote_kind_name(pk_quote_kind k)
{
	return k == PK_QUOTE_PARTIAL ? "partial" : "direct";
}

void
pk_quotes_free(pk_quotes *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++) {
		free(q->v[i].speaker);
		free(q->v[i].cue);
	}
	free(q->v);
	q->v = NULL;
	q->n = 0;
	lex_free(q->lex_);
	q->lex_ = NULL;
}

/* Pass 1 over the blocks of d into st. */
static void
find_pairs(pk_doc *d, const lexicon *lex, qstate *st)
{
	const pk_input *in = pk_doc_input(d);
	const char *s = in->bytes;
	toks tk = { 0 };
	pk_block b, nb;
	bool have, more;
	size_t released = 0;

	have = pk_doc_first(d, &b);
	while (have && !st->oom) {
		more = pk_doc_next(d, &b, &nb);
		/* a quote left open over paragraphs that each close it and
		 * reopen (था.""फिर): one block, so the spans run across */
		while (more && b.type == PK_BLOCK_PARAGRAPH && nb.type == PK_BLOCK_PARAGRAPH &&
		       nb.end - b.start <= 3 * MAX_OPEN_BYTES && q_straight_odd(s, b.start, b.end) &&
		       q_block_reopens(s, nb.start, nb.end)) {
			pk_block nn;
			b.end = nb.end;
			more = pk_doc_next(d, &nb, &nn);
			nb = nn;
		}
		if (q_tokenize(lex, s, b.start, b.end, &tk) < 0) {
			st->oom = true;
			break;
		}
		qslice c = { s, in->len, lex, tk.v, tk.n };
		q_pair_block(&c, st, b.end, more && q_block_opens(s, nb.start, nb.end));
		q_release_behind(in, &released, b.start);
		b = nb;
		have = more;
	}
	free(tk.v);
}

pk_status
q_find(pk_doc *d, pk_quotes *out, q_trace_fn trace, void *trace_arg)
{
	qstate st;
	lexicon *lex;
	pk_status rc = PK_OK;

	memset(&st, 0, sizeof st);
	st.trace = trace;
	st.trace_arg = trace_arg;
	out->v = NULL;
	out->n = 0;
	if (!(lex = lex_new()))
		return PK_ERR_NOMEM;
	find_pairs(d, lex, &st);
	if (!st.oom)
		rc = q_resolve(pk_doc_input(d), &st, lex);
	free(st.ra);
	free(st.h.v);
	st.out.lex_ = lex;
	if (st.oom || rc != PK_OK) {
		pk_quotes_free(&st.out);
		return st.oom ? PK_ERR_NOMEM : rc;
	}
	*out = st.out;
	return PK_OK;
}

pk_status
pk_quotes_find(pk_doc *d, pk_quotes *out)
{
	return q_find(d, out, NULL, NULL);
}
