/*
 * entities_devshim.c - TEMPORARY development stand-in for the entity layer.
 *
 * NOT the tagger and NOT the article layer: it finds a handful of fixed
 * names so that the entity pane can be built before the real
 * pk_ner_load()/pk_entities_find() land on main.  Delete this file (and
 * its line in Makefile.am) when merging main.
 */
#include "config.h"

#include "entities.h"
#include "fold.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

struct pk_ner {
	int dummy;
};

static const struct {
	const char *s;   /* as written */
	const char *canon;
	pk_ent_type type;
} shim_names[] = {
	{ "व्लादिमीर पुतिन", "व्लादिमीर पुतिन", PK_ENT_PER },
	{ "पुतिन", "व्लादिमीर पुतिन", PK_ENT_PER },
	{ "किम जोंग उन", "किम जोंग उन", PK_ENT_PER },
	{ "किम", "किम जोंग उन", PK_ENT_PER },
	{ "उत्तर कोरिया", "उत्तर कोरिया", PK_ENT_LOC },
	{ "रूस", "रूस", PK_ENT_LOC },
	{ "मास्को", "मास्को", PK_ENT_LOC },
	{ "रॉयटर्स", "रॉयटर्स", PK_ENT_ORG },
};

const char *
pk_ent_type_name(pk_ent_type t)
{
	return t == PK_ENT_PER ? "PER" : t == PK_ENT_LOC ? "LOC" : "ORG";
}

pk_ner *
pk_ner_load(const char *path, pk_status *st)
{
	(void)path;
	*st = PK_OK;
	return calloc(1, sizeof(pk_ner));
}

void
pk_ner_free(pk_ner *m)
{
	free(m);
}

/* a Devanagari letter or sign at s[i] (3-byte E0 A4/A5 ..)? */
static int
deva_at(const char *s, size_t i, size_t n)
{
	return i + 2 < n && (unsigned char)s[i] == 0xE0 &&
	       ((unsigned char)s[i + 1] == 0xA4 || (unsigned char)s[i + 1] == 0xA5);
}

size_t
pk_entities_lookup(const pk_entities *e, const char *name)
{
	if (!name)
		return (size_t)-1;
	for (size_t i = 0; i < e->ne; i++)
		if (strcmp(e->e[i].name, name) == 0)
			return i;
	return (size_t)-1;
}

pk_status
pk_entities_find(pk_doc *d, const pk_ner *ner, const pk_quotes *q, pk_entities *out)
{
	const pk_input *in = pk_doc_input(d);
	const char *s = in->bytes;
	size_t n = in->len, capm = 0, cape = 0;
	(void)ner;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n;) {
		size_t k, len = 0;
		for (k = 0; k < sizeof shim_names / sizeof *shim_names; k++) {
			len = strlen(shim_names[k].s);
			if (i + len <= n && memcmp(s + i, shim_names[k].s, len) == 0 &&
			    !deva_at(s, i + len, n) && (i < 3 || !deva_at(s, i - 3, n)))
				break;
		}
		if (k == sizeof shim_names / sizeof *shim_names) {
			i++;
			continue;
		}
		size_t ent = pk_entities_lookup(out, shim_names[k].canon);
		if (ent == (size_t)-1) {
			if (pk_grow(&out->e, &cape, out->ne + 1, sizeof *out->e, 8) < 0)
				goto nomem;
			ent = out->ne++;
			out->e[ent] = (pk_entity){ strdup(shim_names[k].canon), shim_names[k].type,
			                           0, 0, i };
		}
		if (pk_grow(&out->m, &capm, out->nm + 1, sizeof *out->m, 32) < 0)
			goto nomem;
		out->m[out->nm++] = (pk_mention){ i, i + len, shim_names[k].type, ent };
		out->e[ent].mentions++;
		i += len;
	}
	for (size_t j = 0; q && j < q->n; j++) {
		size_t ent = pk_entities_lookup(out, q->v[j].speaker);
		if (ent != (size_t)-1)
			out->e[ent].quotes++;
	}
	return PK_OK;
nomem:
	pk_entities_free(out);
	return PK_ERR_NOMEM;
}

void
pk_entities_free(pk_entities *e)
{
	for (size_t i = 0; i < e->ne; i++)
		free(e->e[i].name);
	free(e->e);
	free(e->m);
	memset(e, 0, sizeof *e);
}
