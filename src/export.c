/* export.c - --json with jansson, and the --quotes list. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* memmem, strdup, open_memstream */
#endif
#include "config.h"
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "grow.h"
#include "utf8.h"

char *
pk_export_clean_utf8(const char *s, size_t a, size_t b, size_t *len)
{
	/* every byte becomes at most 3 (U+FFFD, U+2400) */
	char *out = malloc((b - a) * 3 + 1);
	size_t o = 0, i = a;

	if (!out)
		return NULL;
	while (i < b) {
		size_t st = i;
		uint32_t cp = pk_decode(s, b, &i);
		if (cp == 0xFFFD && !(i - st == 3 && !memcmp(s + st, "\xEF\xBF\xBD", 3))) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else if (cp == 0) {
			memcpy(out + o, "\xE2\x90\x80", 3);
			o += 3;
		} else {
			memcpy(out + o, s + st, i - st);
			o += i - st;
		}
	}
	out[o] = '\0';
	if (len)
		*len = o;
	return out;
}

/* A JSON string of bytes [a, b), or NULL when out of memory. */
static json_t *
json_text(const char *s, size_t a, size_t b)
{
	size_t l;
	char *t = pk_export_clean_utf8(s, a, b, &l);
	json_t *j;

	if (!t)
		return NULL;
	j = json_stringn_nocheck(t, l);   /* well-formed by construction */
	free(t);
	return j;
}

/* A JSON string of a C string, null for NULL; *bad set when it fails. */
static json_t *
json_str_or_null(const char *v, bool *bad)
{
	json_t *j;
	if (!v)
		return json_null();
	j = json_text(v, 0, strlen(v));
	if (!j)
		*bad = true;
	return j;
}

static json_t *
json_off(size_t v)
{
	return v == PK_QUOTE_NONE ? json_null() : json_integer((json_int_t)v);
}

/* Add @p v to @p o under @p k, stealing it; false on failure. */
static bool
put(json_t *o, const char *k, json_t *v)
{
	return v && json_object_set_new(o, k, v) == 0;
}

/*
 * The document is written element by element: the fixed skeleton of the
 * top-level object, then each block and each quotation encoded by jansson
 * (JSON_COMPACT) into a reused buffer and written at once.  The output is
 * byte for byte what one json_dump of the whole tree would give, without
 * the tree: memory stays at one element, and nothing is written a token at
 * a time.
 */
#define EXPORT_RELEASE_STEP (4u << 20)

/* Finding a block's end and copying a quotation read the input: a walk over
 * a mapped file must not leave it all resident (pk_input_release()). */
static void
release_behind(const pk_input *in, size_t *done, size_t pos)
{
	if (pos > *done + EXPORT_RELEASE_STEP) {
		pk_input_release(in, *done, pos);
		*done = pos;
	}
}

typedef struct jw {
	FILE *out;
	char *buf;
	size_t cap;
	bool err;           /* a write failed */
	bool nomem;
} jw;

static void
jw_raw(jw *w, const char *s, size_t n)
{
	if (!w->err && fwrite(s, 1, n, w->out) != n)
		w->err = true;
}

/* Encode @p j (any JSON value) compactly and write it; steals @p j. */
static void
jw_value(jw *w, json_t *j)
{
	size_t n;

	if (!j) {
		w->nomem = true;
		return;
	}
	n = json_dumpb(j, w->buf, w->cap, JSON_COMPACT | JSON_ENCODE_ANY);
	if (n > w->cap) {
		if (pk_grow(&w->buf, &w->cap, n, 1, 4096) < 0) {
			w->nomem = true;
			json_decref(j);
			return;
		}
		n = json_dumpb(j, w->buf, w->cap, JSON_COMPACT | JSON_ENCODE_ANY);
	}
	json_decref(j);
	if (!n) {
		w->nomem = true;    /* jansson fails only when out of memory */
		return;
	}
	jw_raw(w, w->buf, n);
}

/* Write object @p o as item @p i of an array (a comma before all but the
 * first) when @p built (every field of it was made); else drop it and mark
 * the writer out of memory.  @return built. */
static bool
jw_item(jw *w, size_t i, json_t *o, bool built)
{
	if (!built) {
		json_decref(o);
		w->nomem = true;
		return false;
	}
	if (i)
		jw_raw(w, ",", 1);
	jw_value(w, o);
	return true;
}

/* The top of the object, then every block, then the opening of
 * "quotes"; @return false when out of memory. */
static bool
jw_head_blocks(jw *w, pk_doc *d, const char *source, const char *version, bool *bad)
{
	const pk_input *in = pk_doc_input(d);
	json_t *bo = json_object(), *bt = NULL, *bs = NULL, *be = NULL;
	pk_block b;
	bool have, first = true;
	size_t released = 0;

	/* a block's object is built once and its values set per block */
	if (!bo || !put(bo, "type", bt = json_string("")) || !put(bo, "start", bs = json_integer(0)) ||
	    !put(bo, "end", be = json_integer(0))) {
		json_decref(bo);
		return false;
	}
	jw_raw(w, "{\"version\":", 11);
	jw_value(w, json_str_or_null(version, bad));
	jw_raw(w, ",\"source\":", 10);
	jw_value(w, json_str_or_null(source, bad));
	jw_raw(w, ",\"blocks\":[", 11);
	for (have = pk_doc_first(d, &b); have && !w->nomem && !w->err; have = pk_doc_next(d, &b, &b)) {
		if (json_string_set(bt, pk_block_type_name(b.type)) ||
		    json_integer_set(bs, (json_int_t)b.start) || json_integer_set(be, (json_int_t)b.end)) {
			w->nomem = true;
			break;
		}
		if (!first)
			jw_raw(w, ",", 1);
		first = false;
		jw_value(w, json_incref(bo));
		release_behind(in, &released, b.start);
	}
	json_decref(bo);
	jw_raw(w, "],\"quotes\":[", 12);
	return !w->nomem;
}

/* Quotation @p x as item @p i of "quotes"; @return false on failure. */
static bool
jw_quote(jw *w, const pk_input *in, const pk_quote *x, size_t i, const pk_entities *ents,
         bool *bad)
{
	json_t *o = json_object();
	bool hasm = x->mention_start != PK_QUOTE_NONE;
	bool built = o && put(o, "start", json_integer((json_int_t)x->start)) &&
	    put(o, "end", json_integer((json_int_t)x->end)) &&
	    put(o, "text", json_text(in->bytes, x->start, x->end)) &&
	    put(o, "kind", json_string(pk_quote_kind_name(x->kind))) &&
	    put(o, "speaker", json_str_or_null(x->speaker, bad)) &&
	    put(o, "mention", hasm ? json_text(in->bytes, x->mention_start, x->mention_end)
	                           : json_null()) &&
	    put(o, "mention_start", json_off(x->mention_start)) &&
	    put(o, "mention_end", json_off(x->mention_end)) &&
	    put(o, "cue", json_str_or_null(x->cue, bad)) &&
	    put(o, "rule", json_string(x->rule ? x->rule : "")) &&
	    put(o, "speaker_entity", ents && x->speaker_entity < ents->ne
	                             ? json_integer((json_int_t)ents->e[x->speaker_entity].first)
	                             : json_null());
	return jw_item(w, i, o, built);
}

/* The end of "quotes", the entities, the encoding; then the status. */
static pk_status
jw_finish(jw *w, const pk_input *in, const pk_entities *ents, bool bad)
{
	jw_raw(w, "],\"entities\":[", 14);
	for (size_t i = 0; ents && i < ents->nm && !w->nomem && !w->err; i++) {
		const pk_mention *m = &ents->m[i];
		json_t *o = json_object();
		bool built = o && put(o, "start", json_integer((json_int_t)m->start)) &&
		    put(o, "end", json_integer((json_int_t)m->end)) &&
		    put(o, "text", json_text(in->bytes, m->start, m->end)) &&
		    put(o, "type", json_string(pk_ent_type_name(m->type))) &&
		    put(o, "entity", json_str_or_null(ents->e[m->entity].name, &bad));
		if (!jw_item(w, i, o, built))
			break;
	}
	jw_raw(w, "],\"encoding\":", 13);
	jw_value(w, json_str_or_null(in->encoding, &bad));
	jw_raw(w, "}\n", 2);
	free(w->buf);
	w->buf = NULL;
	if (w->nomem || bad)
		return PK_ERR_NOMEM;
	return w->err || fflush(w->out) || ferror(w->out) ? PK_ERR_IO : PK_OK;
}

pk_status
pk_export_json(pk_doc *d, const pk_quotes *q, const pk_entities *ents,
               const char *source, const char *version, FILE *out)
{
	const pk_input *in = pk_doc_input(d);
	jw w = { out, NULL, 0, false, false };
	bool bad = false;
	size_t released = 0;

	if (!jw_head_blocks(&w, d, source, version, &bad)) {
		free(w.buf);
		return PK_ERR_NOMEM;
	}
	for (size_t i = 0; q && i < q->n && !w.nomem && !w.err; i++) {
		if (!jw_quote(&w, in, &q->v[i], i, ents, &bad))
			break;
		release_behind(in, &released, q->v[i].start);
	}
	return jw_finish(&w, in, ents, bad);
}

/* Text pass 1 reads per step of the quotation job: each step's final
 * quotations are written and freed before the next. */
#define STREAM_STEP (512u << 10)

pk_status
pk_export_json_stream(pk_doc *d, const char *source, const char *version, FILE *out)
{
	const pk_input *in = pk_doc_input(d);
	jw w = { out, NULL, 0, false, false };
	bool bad = false, done = false;
	pk_quotes_job *j;
	pk_status st = PK_OK;
	size_t written = 0;

	if (!jw_head_blocks(&w, d, source, version, &bad)) {
		free(w.buf);
		return PK_ERR_NOMEM;
	}
	if (!(j = pk_quotes_start_stream(d))) {
		free(w.buf);
		return PK_ERR_NOMEM;
	}
	while (!done && st == PK_OK && !w.nomem && !w.err) {
		const pk_quote *v;
		st = pk_quotes_step(j, STREAM_STEP, &done);
		size_t n = pk_quotes_final(j, &v);
		for (size_t i = 0; i < n && !w.nomem && !w.err; i++)
			jw_quote(&w, in, &v[i], written + i, NULL, &bad);
		written += n;
		pk_quotes_forget(j, n);
	}
	pk_quotes_job_free(j);
	if (st != PK_OK) {
		free(w.buf);
		return st;
	}
	return jw_finish(&w, in, NULL, bad);
}

/* Write bytes [a, b) with controls made visible. */
static void
put_visible(const char *s, size_t a, size_t b, FILE *out)
{
	size_t i = a;
	while (i < b) {
		size_t st = i;
		uint32_t cp = pk_decode(s, b, &i);
		uint32_t v = pk_visible(cp);
		if (v == cp && cp != 0xFFFD) {
			fwrite(s + st, 1, i - st, out);
		} else {
			char u[4];
			fwrite(u, 1, pk_utf8_put(u, v), out);
		}
	}
}

void
pk_export_quote_text(const pk_input *in, const pk_quote *x, size_t number, FILE *out)
{
	fprintf(out, "%zu. [%s] %s", number, pk_quote_kind_name(x->kind),
	        x->speaker ? x->speaker : "?");
	if (x->cue) {
		fputs(" (", out);
		put_visible(x->cue, 0, strlen(x->cue), out);
		fputc(')', out);
	}
	if (x->rule)
		fprintf(out, " {%s}", x->rule);
	fputs("\n   ", out);
	put_visible(in->bytes, x->start, x->end, out);
	fputc('\n', out);
}

pk_status
pk_export_quotes_text(pk_doc *d, const pk_quotes *q, FILE *out)
{
	const pk_input *in = pk_doc_input(d);

	for (size_t i = 0; i < q->n; i++)
		pk_export_quote_text(in, &q->v[i], i + 1, out);
	if (!q->n)
		fputs("(no quotations found)\n", out);
	return fflush(out) || ferror(out) ? PK_ERR_IO : PK_OK;
}
