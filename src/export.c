/* export.c - --json with jansson, and the --quotes list. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* memmem, strdup, open_memstream */
#endif
#include "config.h"
#include "export.h"

#include <stdlib.h>
#include <string.h>
#include <jansson.h>

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
	j = json_stringn(t, l);
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

static int
dump_cb(const char *buf, size_t size, void *data)
{
	return fwrite(buf, 1, size, data) == size ? 0 : -1;
}

pk_status
pk_export_json(pk_doc *d, const pk_quotes *q, const char *source,
               const char *version, FILE *out)
{
	const pk_input *in = pk_doc_input(d);
	json_t *root = json_object(), *blocks = json_array(), *quotes = json_array();
	json_t *ents = json_array();
	pk_status st = PK_ERR_NOMEM;
	pk_block b;
	bool have, bad = false;

	if (!root || !blocks || !quotes || !ents)
		goto done;
	if (!put(root, "version", json_str_or_null(version, &bad)) ||
	    !put(root, "source", json_str_or_null(source, &bad)))
		goto done;
	for (have = pk_doc_first(d, &b); have; have = pk_doc_next(d, &b, &b)) {
		json_t *o = json_object();
		if (!o || json_array_append_new(blocks, o) ||
		    !put(o, "type", json_string(pk_block_type_name(b.type))) ||
		    !put(o, "start", json_integer((json_int_t)b.start)) ||
		    !put(o, "end", json_integer((json_int_t)b.end)))
			goto done;
	}
	for (size_t i = 0; q && i < q->n; i++) {
		const pk_quote *x = &q->v[i];
		json_t *o = json_object();
		bool hasm = x->mention_start != PK_QUOTE_NONE;
		if (!o || json_array_append_new(quotes, o) ||
		    !put(o, "start", json_integer((json_int_t)x->start)) ||
		    !put(o, "end", json_integer((json_int_t)x->end)) ||
		    !put(o, "text", json_text(in->bytes, x->start, x->end)) ||
		    !put(o, "kind", json_string(pk_quote_kind_name(x->kind))) ||
		    !put(o, "speaker", json_str_or_null(x->speaker, &bad)) ||
		    !put(o, "mention", hasm ? json_text(in->bytes, x->mention_start, x->mention_end)
		                            : json_null()) ||
		    !put(o, "mention_start", json_off(x->mention_start)) ||
		    !put(o, "mention_end", json_off(x->mention_end)) ||
		    !put(o, "cue", json_str_or_null(x->cue, &bad)))
			goto done;
	}
	if (bad || json_object_set(root, "blocks", blocks) || json_object_set(root, "quotes", quotes) ||
	    json_object_set(root, "entities", ents))
		goto done;
	st = PK_OK;
	if (json_dump_callback(root, dump_cb, out, JSON_ENSURE_ASCII * 0 | JSON_COMPACT) ||
	    fputc('\n', out) == EOF || fflush(out))
		st = PK_ERR_IO;
done:
	json_decref(root);
	json_decref(blocks);
	json_decref(quotes);
	json_decref(ents);
	return st;
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
			int n = v < 0x800 ? 2 : 3;
			if (n == 2) {
				u[0] = (char)(0xC0 | (v >> 6));
				u[1] = (char)(0x80 | (v & 0x3F));
			} else {
				u[0] = (char)(0xE0 | (v >> 12));
				u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
				u[2] = (char)(0x80 | (v & 0x3F));
			}
			fwrite(u, 1, (size_t)n, out);
		}
	}
}

pk_status
pk_export_quotes_text(pk_doc *d, const pk_quotes *q, FILE *out)
{
	const pk_input *in = pk_doc_input(d);

	for (size_t i = 0; i < q->n; i++) {
		const pk_quote *x = &q->v[i];
		fprintf(out, "%zu. [%s] %s", i + 1, pk_quote_kind_name(x->kind),
		        x->speaker ? x->speaker : "?");
		if (x->cue) {
			fputs(" (", out);
			put_visible(x->cue, 0, strlen(x->cue), out);
			fputc(')', out);
		}
		fputs("\n   ", out);
		put_visible(in->bytes, x->start, x->end, out);
		fputc('\n', out);
	}
	if (!q->n)
		fputs("(no quotations found)\n", out);
	return fflush(out) || ferror(out) ? PK_ERR_IO : PK_OK;
}
