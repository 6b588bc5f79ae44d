/*
 * entjob.c - the entity pass in a second thread (entjob.h).
 */
#include "config.h"
#include "entjob.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "quotes.h"

struct entjob {
	pthread_t t;
	const pk_input *in;
	pk_ner *ner;
	pk_status ner_st;
	pk_entities ents;
	bool ok;
};

static void *
run(void *arg)
{
	entjob *j = arg;
	pk_doc *d = pk_doc_new(j->in);
	pk_quotes q;
	memset(&q, 0, sizeof q);
	if (!d)
		return NULL;
	if ((j->ner = pk_ner_load_default(&j->ner_st)) != NULL &&
	    pk_quotes_find(d, &q) == PK_OK)
		j->ok = pk_entities_find(d, j->ner, &q, &j->ents) == PK_OK;
	pk_quotes_free(&q);
	pk_doc_free(d);
	return NULL;
}

entjob *
entjob_start(const pk_input *in)
{
	entjob *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->in = in;
	j->ner_st = PK_OK;
	if (pthread_create(&j->t, NULL, run, j) != 0) {
		free(j);
		return NULL;
	}
	return j;
}

bool
entjob_finish(entjob *j, pk_ner **ner, pk_status *ner_st, pk_entities *ents)
{
	pthread_join(j->t, NULL);
	*ner = j->ner;
	*ner_st = j->ner_st;
	*ents = j->ents;
	bool ok = j->ok;
	free(j);
	return ok;
}

void
entjob_drop(entjob *j)
{
	pk_ner *n;
	pk_status st;
	pk_entities x;
	if (!j)
		return;
	entjob_finish(j, &n, &st, &x);
	pk_entities_free(&x);
	pk_ner_free(n);
}
