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

/*
 * A stream job (pk_quotes_start_stream()) works only on what text still to
 * come cannot change.  Pass 1 reads a block once
 *  - the bytes it may look at have arrived: merging blocks spans at most
 *    3 * MAX_OPEN_BYTES, and a name's windows reach NAME_FWD past it;
 *  - STREAM_BLOCKS blocks start after them, so that none of the blocks it
 *    looks at is among those the document retypes when the stream ends
 *    (a byline: its last 4) or while it begins (the head: its first 6).
 * Resolution settles a quotation once pass 1 has read STREAM_RESOLVE bytes
 * past it: a speaker is looked for no further ahead than a cataphor's
 * subject (ANTE_BYTES) and that name's window of subjects (2 * NAME_FWD)
 * and of text (NAME_FWD).
 */
#define STREAM_TEXT (3 * MAX_OPEN_BYTES + NAME_FWD + 4096)
#define STREAM_BLOCKS 8
#define STREAM_RESOLVE (ANTE_BYTES + 3 * NAME_FWD + 8192)

/* A quotation search under way: pass 1 over the blocks, then the
 * speakers resolved, each a slice at a time (in step, for a stream). */
struct pk_quotes_job {
	pk_doc *d;
	qstate st;
	lexicon *lex;
	toks tk;
	pk_block b;           /* pass 1: the next block, when have */
	bool have;
	bool started;
	bool pass1_done;
	size_t released;
	qresolve *res;        /* pass 2, once pass 1 is done (for a stream, from the start) */
	bool done;
	pk_status rc;
	/* a stream */
	bool stream;
	bool waiting;         /* nothing to do until the input grows or ends */
	pk_block prev;        /* the last block pass 1 read (with those merged into it) */
	size_t read_to;       /* pass 1 has read every block that starts before this */
	pk_block la;          /* the last block that has arrived, when la_have */
	bool la_have;
	size_t la_start[STREAM_BLOCKS]; /* ring: the starts of the last blocks arrived */
	size_t la_n;          /* blocks arrived */
	size_t seen_len;      /* the input's length at the last step */
	bool seen_growing;
};

/* A stream: walk the blocks that have arrived since the last call. */
static void
look_ahead(pk_quotes_job *j)
{
	pk_block nx;
	if (!j->la_have) {
		if (!(j->la_have = pk_doc_first(j->d, &j->la)))
			return;
		j->la_start[j->la_n++ % STREAM_BLOCKS] = j->la.start;
	} else {
		pk_doc_block_at(j->d, j->la.start, &j->la);  /* it may have grown */
	}
	while (pk_doc_next(j->d, &j->la, &nx)) {
		j->la = nx;
		j->la_start[j->la_n++ % STREAM_BLOCKS] = nx.start;
	}
}

/* May pass 1 read block b of a stream now (see above)? */
static bool
stream_ready(const pk_quotes_job *j, const pk_block *b)
{
	const pk_input *in = pk_doc_input(j->d);
	if (!in->growing)
		return true;
	if (in->len < b->end || in->len - b->end < STREAM_TEXT || j->la_n < STREAM_BLOCKS)
		return false;
	/* the oldest start in the ring: STREAM_BLOCKS blocks start from it on */
	return j->la_start[j->la_n % STREAM_BLOCKS] > b->start + 3 * MAX_OPEN_BYTES;
}

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

	if (j->stream) {
		if (in->len != j->seen_len || in->growing != j->seen_growing) {
			/* (once the input is whole every block is ready: no need
			 * to walk them all ahead, keeping the pages resident) */
			if (in->growing)
				look_ahead(j);
			/* blocks seen before may have grown (a long line) or
			 * changed type (the head, a byline at the end) */
			if (!j->started)
				;
			else if (j->have)
				pk_doc_block_at(d, j->b.start, &j->b);
			else
				j->have = pk_doc_next(d, &j->prev, &j->b);
			j->seen_len = in->len;
			j->seen_growing = in->growing;
		}
		if (!j->started && (!in->growing || j->la_n >= STREAM_BLOCKS)) {
			j->have = pk_doc_first(d, &j->b);
			j->started = true;
		}
		if (!j->started || (j->have && !stream_ready(j, &j->b)) || (!j->have && in->growing)) {
			j->waiting = true;
			return false;
		}
	} else if (!j->started) {
		j->have = pk_doc_first(d, &j->b);
		j->started = true;
	}
	while (j->have && !st->oom && read < budget) {
		pk_block b = j->b;
		if (j->stream && !stream_ready(j, &b)) {
			j->waiting = true;
			return false;
		}
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
		j->prev = b;
		j->read_to = more ? nb.start : b.end;
		j->b = nb;
		j->have = more;
	}
	if (j->stream && !j->have && in->growing && !st->oom) {
		j->waiting = true;
		return false;
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

pk_quotes_job *
pk_quotes_start_stream(pk_doc *d)
{
	pk_quotes_job *j = job_new(d, NULL, NULL);
	const pk_input *in = pk_doc_input(d);
	if (!j)
		return NULL;
	j->stream = true;
	j->seen_len = (size_t)-1;
	if (!(j->res = q_resolve_start(in, &j->st, j->lex))) {
		pk_quotes_job_free(j);
		return NULL;
	}
	return j;
}

/* A stream job's step: pass 1 over what is final, then the speakers of
 * the quotations far enough behind it. */
static pk_status
stream_step(pk_quotes_job *j, size_t budget)
{
	pk_status rc;

	j->waiting = false;
	if (!j->pass1_done && find_pairs(j, budget)) {
		j->pass1_done = true;
		free(j->tk.v);
		j->tk = (toks){ 0 };
		if (j->st.oom)
			return PK_ERR_NOMEM;
	}
	bool wait1 = j->waiting;
	size_t upto = j->pass1_done ? SIZE_MAX :
	              j->read_to > STREAM_RESOLVE ? j->read_to - STREAM_RESOLVE : 0;
	size_t before = q_resolve_count(j->res);
	rc = q_resolve_step(j->res, budget, upto, &j->done);
	if (rc != PK_OK)
		return rc;
	/* pass 1 runs ahead: the history behind needs not grow with the text */
	q_resolve_trim(j->res, j->pass1_done ? SIZE_MAX : j->read_to);
	if (!j->pass1_done)
		j->done = false;
	/* waiting only when neither pass can move */
	j->waiting = !j->done && wait1 && q_resolve_count(j->res) == before;
	return PK_OK;
}

bool
pk_quotes_waiting(const pk_quotes_job *j)
{
	return j->waiting;
}

size_t
pk_quotes_final(const pk_quotes_job *j, const pk_quote **v)
{
	*v = j->st.out.v;
	return j->res ? q_resolve_count(j->res) : 0;
}

void
pk_quotes_forget(pk_quotes_job *j, size_t n)
{
	if (j->res)
		q_resolve_forget(j->res, n);
}

pk_status
pk_quotes_step(pk_quotes_job *j, size_t budget, bool *done)
{
	if (budget == 0)
		budget = 1;
	if (j->stream && !j->done) {
		pk_status rc = stream_step(j, budget);
		if (rc != PK_OK) {
			j->rc = rc;
			j->done = true;
		}
	} else if (!j->done && !j->res) {
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
		pk_status rc = q_resolve_step(j->res, budget, SIZE_MAX, &j->done);
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
