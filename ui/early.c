/* early.c - quotations and entities found on a thread at start-up (early.h). */
#include "config.h"

#include "early.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct early {
	pthread_t th;
	pk_doc *doc;
	bool taken;
	early_result r;
};

static void *
work(void *arg)
{
	early *w = arg;
	early_result *r = &w->r;

	r->est = PK_ERR_NOMEM;
	if ((r->qst = pk_quotes_find(w->doc, &r->quotes)) != PK_OK)
		return NULL;  /* the pane finds none, as when it fails in the pager */
	if (!(r->ner = pk_ner_load_default(&r->ner_st)))
		return NULL;
	r->est = pk_entities_find(w->doc, r->ner, &r->quotes, &r->ents);
	if (r->est == PK_OK)  /* short of memory: fewer speakers named, as in entpane.c */
		pk_entities_link_speakers(&r->ents, w->doc, &r->quotes);
	return NULL;
}

early *
early_start(pk_doc *doc)
{
	const pk_input *in = pk_doc_input(doc);
	if (in->growing || in->len > EARLY_MAX)
		return NULL;
	early *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->doc = doc;
	if (pthread_create(&w->th, NULL, work, w) != 0) {
		free(w);
		return NULL;
	}
	return w;
}

bool
early_take(early *w, early_result *out)
{
	if (!w || w->taken)
		return false;
	pthread_join(w->th, NULL);
	w->taken = true;
	*out = w->r;
	return true;
}

void
early_drop(early *w)
{
	early_result r;
	if (early_take(w, &r)) {
		pk_entities_free(&r.ents);
		pk_ner_free(r.ner);
		pk_quotes_free(&r.quotes);
	}
}

void
early_free(early *w)
{
	early_drop(w);
	free(w);
}
