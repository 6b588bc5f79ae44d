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

/* The part of the entities that needs no quotations: the model mapped
 * and every sentence tagged. */
typedef struct tagging {
	early_result *r;
	pk_doc *doc;
	pk_entities_job *job;
} tagging;

static void *
tag(void *arg)
{
	tagging *t = arg;
	bool done;
	if ((t->r->ner = pk_ner_load_default(&t->r->ner_st)) &&
	    (t->job = pk_entities_start_early(t->doc, t->r->ner)))
		pk_entities_step(t->job, SIZE_MAX, &done);  /* stops for the quotations */
	return NULL;
}

static void *
work(void *arg)
{
	early *w = arg;
	early_result *r = &w->r;
	tagging t = { r, w->doc, NULL };

	/* The article is tagged on a third thread while the quotations are
	 * found: the two take about as long (pane_bench.sh). */
	pthread_t tt;
	bool threaded = pthread_create(&tt, NULL, tag, &t) == 0;
	r->est = PK_ERR_NOMEM;
	r->qst = pk_quotes_find(w->doc, &r->quotes);
	if (threaded)
		pthread_join(tt, NULL);
	else
		tag(&t);
	if (r->qst == PK_OK && t.job) {
		bool done = false;
		pk_entities_quotes(t.job, &r->quotes);
		while (!done)
			pk_entities_step(t.job, SIZE_MAX, &done);
		r->est = pk_entities_finish(t.job, &r->ents);
		if (r->est == PK_OK)  /* short of memory: fewer speakers named, as in entpane.c */
			pk_entities_link_speakers(&r->ents, w->doc, &r->quotes);
	}
	/* otherwise the pane finds none, as when it fails in the pager */
	pk_entities_job_free(t.job);
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
