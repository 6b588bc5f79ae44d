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

/* A quotation search under way: pass 1 over the blocks, then the
 * speakers resolved, each a slice at a time. */
struct pk_quotes_job {
	pk_doc *d;
	qstate st;
	lexicon *lex;
	toks tk;
	pk_block b;           /* pass 1: the next block, when have */
	bool have;
	bool started;
	size_t released;
	qresolve *res;        /* pass 2, once pass 1 is done */
	bool done;
	pk_status rc;
};

/* Pass 1 over blocks of d into st, until @p budget bytes of blocks are
 * read (at least one block).  @return true when no block is left. */
static bool
find_pairs(pk_quotes_job *j, size_t budget)
{
	pk_doc *d = j->d;
	qstate *st = &j->st;
	const pk_input *in = pk_doc_input(d);
	const char *s = in->bytes;
	pk_block nb;
	bool more;
	size_t read = 0;

	if (!j->started) {
		j->have = pk_doc_first(d, &j->b);
		j->started = true;
	}
	while (j->have && !st->oom && read < budget) {
		pk_block b = j->b;
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
		if (q_tokenize(j->lex, s, b.start, b.end, &j->tk) < 0) {
			st->oom = true;
			break;
		}
		qslice c = { s, in->len, j->lex, j->tk.v, j->tk.n };
		q_pair_block(&c, st, b.end, more && q_block_opens(s, nb.start, nb.end));
		q_release_behind(in, &j->released, b.start);
		read += b.end - b.start + 1;
		j->b = nb;
		j->have = more;
	}
	return !j->have || st->oom;
}

static pk_quotes_job *
job_new(pk_doc *d, q_trace_fn trace, void *trace_arg)
{
	pk_quotes_job *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->d = d;
	j->st.trace = trace;
	j->st.trace_arg = trace_arg;
	if (!(j->lex = lex_new())) {
		free(j);
		return NULL;
	}
	return j;
}

pk_quotes_job *
pk_quotes_start(pk_doc *d)
{
	return job_new(d, NULL, NULL);
}

pk_status
pk_quotes_step(pk_quotes_job *j, size_t budget, bool *done)
{
	if (budget == 0)
		budget = 1;
	if (!j->done && !j->res) {
		if (find_pairs(j, budget)) {
			free(j->tk.v);
			j->tk = (toks){ 0 };
			if (j->st.oom) {
				j->rc = PK_ERR_NOMEM;
				j->done = true;
			} else if (!(j->res = q_resolve_start(pk_doc_input(j->d), &j->st, j->lex))) {
				j->rc = PK_ERR_NOMEM;
				j->done = true;
			}
		}
	} else if (!j->done) {
		pk_status rc = q_resolve_step(j->res, budget, &j->done);
		if (rc != PK_OK) {
			j->rc = rc;
			j->done = true;
		}
	}
	*done = j->done;
	return j->rc;
}

pk_status
pk_quotes_finish(pk_quotes_job *j, pk_quotes *out)
{
	pk_status rc;
	out->v = NULL;
	out->n = 0;
	out->lex_ = NULL;
	if (!j->done)
		return PK_ERR_IO;  /* not finished: a caller's mistake */
	rc = j->rc;
	if (rc == PK_OK) {
		*out = j->st.out;
		out->lex_ = j->lex;
		j->st.out = (pk_quotes){ 0 };
		j->lex = NULL;
	}
	return rc;
}

void
pk_quotes_job_free(pk_quotes_job *j)
{
	if (!j)
		return;
	q_resolve_free(j->res);
	free(j->tk.v);
	free(j->st.ra);
	free(j->st.h.v);
	j->st.out.lex_ = j->lex;  /* freed with what is left of the list */
	pk_quotes_free(&j->st.out);
	free(j);
}

pk_status
q_find(pk_doc *d, pk_quotes *out, q_trace_fn trace, void *trace_arg)
{
	pk_quotes_job *j = job_new(d, trace, trace_arg);
	bool done = false;
	pk_status rc = PK_OK;

	out->v = NULL;
	out->n = 0;
	out->lex_ = NULL;
	if (!j)
		return PK_ERR_NOMEM;
	while (!done && rc == PK_OK)
		rc = pk_quotes_step(j, SIZE_MAX, &done);
	if (rc == PK_OK)
		rc = pk_quotes_finish(j, out);
	pk_quotes_job_free(j);
	return rc;
}

pk_status
pk_quotes_find(pk_doc *d, pk_quotes *out)
{
	return q_find(d, out, NULL, NULL);
}
