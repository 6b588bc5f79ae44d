/*
 * ner-tool.c - train, apply and time the named-entity tagger (src/ner.c).
 *
 *   ner-tool train OUT [-b BITS] [-e EPOCHS] [-g GAZDIR] [-c TEXTDIR] [-k K]
 *                  [-K BROWN] [-B CACHE] [-L 0|1] [-n RUNS] [-x OFF] [-s SEED] FILE.conll...
 *     -k: k-means word classes; -K: Brown classes (0: none), both learnt from
 *         TEXTDIR's .txt files and the training files' words;
 *     -B: read the Brown clusters from CACHE, or write them there (experiments);
 *     -n: average the weights of RUNS trainings (seeds SEED, SEED+1, ...);
 *     -x: a mask of feature groups to leave out (ablation; see ner.c);
 *     -m: a margin for loss-augmented decoding in training (default 0).
 *   ner-tool tag MODEL < FILE.conll     token, gold and predicted tag a line
 *   ner-tool bench MODEL TEXT           load time and tokens per second
 *
 * CoNLL: `token<TAB>tag`, a blank line between sentences.  IL-NER tags NEP,
 * NEL, NEO and HiNER's PERSON, LOCATION, ORGANIZATION (B-/I-) become PER,
 * LOC, ORG; every other tag is O.  Training is deterministic for a seed.
 */
#include "config.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "brown.h"
#include "grow.h"
#include "ner.h"
#include "ner_int.h"

static void
die(const char *msg)
{
	fprintf(stderr, "ner-tool: %s\n", msg);
	exit(2);
}

static void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (pk_grow(&p, cap, need, size, 1024) != 0)
		die("out of memory");
	return p;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = path ? fopen(path, "rb") : stdin;
	if (!fp)
		return NULL;
	size_t cap = 0, n = 0;
	char *buf = NULL;
	for (;;) {
		buf = xgrow(buf, &cap, n + 65537, 1);
		size_t r = fread(buf + n, 1, 65536, fp);
		n += r;
		if (r == 0)
			break;
	}
	if (path)
		fclose(fp);
	buf[n] = 0;
	*len = n;
	return buf;
}

/* The tag index of a CoNLL tag (prev: the previous token's tag). */
static int
map_tag(const char *t, size_t len, int prev)
{
	int bio = 0; /* 1 B, 2 I */
	if (len >= 2 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I' || t[0] == 'S' || t[0] == 'E')) {
		bio = t[0] == 'I' || t[0] == 'E' ? 2 : 1;
		t += 2;
		len -= 2;
	} else {
		return NER_O; /* malformed ("-", "-NEL") or O */
	}
	int ty = -1;
#define IS(s) (len == sizeof s - 1 && memcmp(t, s, len) == 0)
	if (IS("NEP") || IS("PER") || IS("PERSON"))
		ty = PK_ENT_PER;
	else if (IS("NEL") || IS("LOC") || IS("LOCATION"))
		ty = PK_ENT_LOC;
	else if (IS("NEO") || IS("ORG") || IS("ORGANIZATION"))
		ty = PK_ENT_ORG;
#undef IS
	if (ty < 0)
		return NER_O;
	if (bio == 2 && prev != NER_O && NER_TYPE(prev) == (pk_ent_type)ty)
		return NER_I(ty);
	return NER_B(ty);
}

static const char *const tagname[NER_NTAGS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"
};

/* ------------------------------------------------------------ the corpus */

typedef struct corpus {
	char *text;          /* file contents, kept */
	ner_tok *tok;        /* every token (re-cut with the tagger's tokenizer) */
	uint8_t *tag;
	size_t ntok, captok, captag;
	size_t *sent;        /* first token of each sentence; sent[nsent] = ntok */
	size_t nsent, capsent;
} corpus;

static void
corpus_add_file(corpus *c, const char *path)
{
	size_t len;
	char *text = slurp(path, &len);
	if (!text) {
		fprintf(stderr, "ner-tool: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	size_t p = 0, first = c->ntok;
	int prev = NER_O;
	while (p <= len) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		size_t le = e;
		if (le > p && text[le - 1] == '\r')
			le--;
		if (le == p || p == len) {
			if (c->ntok > first) {
				c->sent = xgrow(c->sent, &c->capsent, c->nsent + 2, sizeof *c->sent);
				c->sent[c->nsent++] = first;
				first = c->ntok;
			}
			prev = NER_O;
		} else {
			size_t tab = le;
			while (tab > p && text[tab - 1] != '\t' && text[tab - 1] != ' ')
				tab--;
			if (tab == p)
				tab = le + 1; /* no tag */
			const char *tg = text + tab;
			size_t tl = tab <= le ? le - tab : 0;
			size_t we = tab > p ? tab - 1 : p;
			int g = map_tag(tg, tl, prev);
			/* the word, cut as the tagger cuts */
			size_t pos = 0, ts, te;
			int k = 0;
			while (ner_next_token(text + p, we - p, &pos, &ts, &te)) {
				c->tok = xgrow(c->tok, &c->captok, c->ntok + 1, sizeof *c->tok);
				c->tag = xgrow(c->tag, &c->captag, c->ntok + 1, 1);
				ner_tok *t = c->tok + c->ntok;
				ner_tok_init(t, text + p + ts, te - ts);
				t->start = p + ts;
				t->end = p + te;
				c->tag[c->ntok++] = (uint8_t)(k++ && g != NER_O ? NER_I(NER_TYPE(g)) : g);
			}
			prev = g;
		}
		p = e + 1;
	}
	if (c->nsent)
		c->sent[c->nsent] = c->ntok;
	free(text); /* the tokens keep hashes and offsets only */
}

/* ------------------------------------------------------------ gazetteers */

typedef struct gaz {
	uint64_t *slot;
	uint32_t mask;
	size_t n;
} gaz;

static void
gaz_add_key(gaz *g, uint64_t key, unsigned ty)
{
	uint32_t i = (uint32_t)(key >> 20) & g->mask;
	while (g->slot[i] && (g->slot[i] & ~(uint64_t)0xFFFF) != key)
		i = (i + 1) & g->mask;
	if (!g->slot[i])
		g->n++;
	g->slot[i] |= key | ty;
	if (g->n * 2 > g->mask)
		die("gazetteer table too small");
}

static void
gaz_add(gaz *g, const char *s, size_t len, unsigned ty)
{
	ner_tok t[GZ_MAXLEN + 1];
	size_t n = 0, pos = 0, ts, te;
	while (ner_next_token(s, len, &pos, &ts, &te)) {
		if (n == GZ_MAXLEN)
			return; /* too long to match */
		ner_tok_init(t + n++, s + ts, te - ts);
	}
	if (n)
		gaz_add_key(g, ner_seq_hash(t, n), ty);
}

static void
gaz_file(gaz *g, const char *dir, const char *name, unsigned ty, int column)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t len;
	char *text = slurp(path, &len);
	if (!text) {
		fprintf(stderr, "ner-tool: %s: skipped\n", path);
		return;
	}
	size_t p = 0, count = 0;
	while (p < len) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		size_t a = p, b = e;
		if (column) { /* the field after the tab */
			while (a < b && text[a] != '\t')
				a++;
			if (a < b)
				a++;
		}
		if (b > a && text[b - 1] == '\r')
			b--;
		if (b > a && (unsigned char)text[a] >= 0x80) { /* Devanagari only */
			gaz_add(g, text + a, b - a, ty);
			count++;
		}
		p = e + 1;
	}
	fprintf(stderr, "ner-tool: %s: %zu entries\n", name, count);
	free(text);
}

/* Our own word lists: titles before names, cues after them, the last
 * words of organisation and place names. */
static const char *const titles[] = {
	"राष्ट्रपति", "प्रधानमंत्री", "मंत्री", "मुख्यमंत्री", "श्री", "श्रीमती", "सुश्री", "डॉ",
	"डॉ.", "डॉक्टर", "प्रोफेसर", "प्रोफ़ेसर", "प्रो.", "जनरल", "राजदूत", "सांसद", "विधायक",
	"नेता", "अध्यक्ष", "महासचिव", "सचिव", "प्रवक्ता", "राज्यपाल", "उपराष्ट्रपति",
	"न्यायमूर्ति", "जज", "कप्तान", "कोच", "अभिनेता", "अभिनेत्री", "निदेशक", "सीईओ",
	"चांसलर", "सम्राट", "राजा", "रानी", "महाराज", "स्वामी", "संत", "पंडित", "मौलाना",
	"कर्नल", "मेजर", "लेफ्टिनेंट", "एडमिरल", "कमांडर", "तानाशाह", "शासक", "लेखक",
	"कवि", "गायक", "खिलाड़ी", "बल्लेबाज", "गेंदबाज", "पत्रकार", "वैज्ञानिक", "सलाहकार",
	"विदेश मंत्री", "रक्षा मंत्री", "गृह मंत्री", "वित्त मंत्री", "मिस्टर", "मिसेज",
	"सर", "शेख", "किंग", "प्रिंस", "प्रिंसेस", "पोप", "बाबा", "साध्वी", "कॉमरेड", "महात्मा",
	"भाई", "बहन", "पुत्र", "बेटे", "बेटी", "पत्नी", "पति",
};
static const char *const cues[] = {
	"ने", "का कहना", "के मुताबिक", "के मुताबिक़", "के अनुसार", "ने कहा", "की ओर से",
	"जी", "साहब", "का", "की", "के", "कहते", "बताते", "ने बताया",
};
static const char *const orgwords[] = {
	"पार्टी", "संघ", "संगठन", "मंत्रालय", "विभाग", "बैंक", "कंपनी", "लिमिटेड", "परिषद",
	"आयोग", "समिति", "विश्वविद्यालय", "यूनिवर्सिटी", "कॉलेज", "महाविद्यालय", "संस्थान",
	"सेना", "बोर्ड", "निगम", "कांग्रेस", "दल", "मोर्चा", "सभा", "संसद", "न्यायालय",
	"अदालत", "कोर्ट", "पुलिस", "एजेंसी", "ट्रस्ट", "फाउंडेशन", "अकादमी", "संस्था", "केंद्र",
	"राष्ट्र", "मंडल", "प्राधिकरण", "कार्यालय", "समाचार", "टाइम्स", "न्यूज़", "न्यूज",
	"क्लब", "लीग", "फेडरेशन", "फ़ेडरेशन", "कमेटी", "कॉरपोरेशन", "इंस्टीट्यूट", "एसोसिएशन",
};
static const char *const locwords[] = {
	"नगर", "प्रदेश", "पुर", "गढ़", "बाद", "द्वीप", "नदी", "पर्वत", "पहाड़", "सागर", "महासागर",
	"जिला", "ज़िला", "राज्य", "शहर", "गाँव", "गांव", "स्टेशन", "हवाई अड्डा", "एयरपोर्ट",
	"मंदिर", "मस्जिद", "किला", "महल", "झील", "घाटी", "क्षेत्र", "देश", "कोरिया", "अमेरिका",
	"अफ्रीका", "एशिया", "यूरोप", "मार्ग", "रोड", "चौक", "बाजार", "बाज़ार", "कॉस्मोड्रोम",
};

static void
gaz_list(gaz *g, const char *const *w, size_t n, unsigned ty)
{
	for (size_t i = 0; i < n; i++)
		gaz_add(g, w[i], strlen(w[i]), ty);
}

/* Every country's Hindi name from ICU's CLDR data. */
static void
gaz_countries(gaz *g)
{
	const char *const *cc = uloc_getISOCountries();
	size_t count = 0;
	for (; *cc; cc++) {
		char loc[16];
		UChar name[128];
		char u8[512];
		UErrorCode err = U_ZERO_ERROR;
		snprintf(loc, sizeof loc, "_%s", *cc);
		int32_t n = uloc_getDisplayCountry(loc, "hi", name, 128, &err);
		if (U_FAILURE(err) || n <= 0 || err == U_USING_DEFAULT_WARNING)
			continue;
		int32_t m = 0;
		u_strToUTF8(u8, sizeof u8, &m, name, n, &err);
		if (U_FAILURE(err) || (unsigned char)u8[0] < 0x80)
			continue;
		gaz_add(g, u8, (size_t)m, GZ_CTRY);
		count++;
	}
	fprintf(stderr, "ner-tool: CLDR countries: %zu entries\n", count);
}

/* ------------------------------------------------------------ the lexicon */

/*
 * The training data's own lexicon: token sequences (up to GZ_MAXLEN tokens)
 * tagged as entities of one type in most of their occurrences, marked in
 * the gazetteer as GZ_TPER, GZ_TLOC or GZ_TORG.  A training sentence must
 * not see a lexicon made from its own tags (the features would be too good
 * to learn from), so the sentences are dealt into LX_FOLDS folds and each
 * fold is trained with the lexicon of the others (jackknifing); the model
 * keeps the lexicon of all.
 */
enum { LX_FOLDS = 10, LX_MIN = 1 };

typedef struct lexent {
	uint64_t key;
	uint32_t occ[LX_FOLDS], ent[LX_FOLDS][PK_ENT_NTYPES];
} lexent;

typedef struct lexicon {
	lexent *e;
	uint32_t mask;
	size_t n;
} lexicon;

static lexent *
lex_find(lexicon *lx, uint64_t key, int add)
{
	uint32_t i = (uint32_t)(key >> 20) & lx->mask;
	while (lx->e[i].key && lx->e[i].key != key)
		i = (i + 1) & lx->mask;
	if (lx->e[i].key)
		return lx->e + i;
	if (!add)
		return NULL;
	if (++lx->n * 2 > lx->mask)
		die("lexicon table too small");
	lx->e[i].key = key;
	return lx->e + i;
}

static void
lex_build(lexicon *lx, const corpus *c)
{
	lx->mask = (1u << 17) - 1;
	lx->e = calloc((size_t)lx->mask + 1, sizeof *lx->e);
	if (!lx->e)
		die("out of memory");
	for (size_t s = 0; s < c->nsent; s++) {
		size_t a = c->sent[s], n = c->sent[s + 1] - a;
		for (size_t i = 0; i < n; i++) {
			int g = c->tag[a + i];
			if (g == NER_O || NER_IS_I(g))
				continue;
			size_t j = i + 1;
			while (j < n && c->tag[a + j] == NER_I(NER_TYPE(g)))
				j++;
			if (j - i <= GZ_MAXLEN)
				lex_find(lx, ner_seq_hash(c->tok + a + i, j - i), 1)
					->ent[s % LX_FOLDS][NER_TYPE(g)]++;
		}
	}
	/* how often each entry occurs at all, tagged or not */
	for (size_t s = 0; s < c->nsent; s++) {
		size_t a = c->sent[s], n = c->sent[s + 1] - a;
		for (size_t i = 0; i < n; i++)
			for (size_t l = 1; l <= GZ_MAXLEN && i + l <= n; l++) {
				lexent *e = lex_find(lx, ner_seq_hash(c->tok + a + i, l), 0);
				if (e)
					e->occ[s % LX_FOLDS]++;
			}
	}
	fprintf(stderr, "ner-tool: lexicon: %zu entity strings\n", lx->n);
}

/* Add to g the lexicon of every fold but `fold` (LX_FOLDS: of all). */
static void
lex_mark(const lexicon *lx, gaz *g, unsigned fold)
{
	static const unsigned bit[PK_ENT_NTYPES] = { GZ_TPER, GZ_TLOC, GZ_TORG };
	for (uint32_t i = 0; i <= lx->mask; i++) {
		const lexent *e = lx->e + i;
		if (!e->key)
			continue;
		uint32_t occ = 0, ent[PK_ENT_NTYPES] = { 0 };
		for (unsigned f = 0; f < LX_FOLDS; f++) {
			if (f == fold)
				continue;
			occ += e->occ[f];
			for (int t = 0; t < PK_ENT_NTYPES; t++)
				ent[t] += e->ent[f][t];
		}
		for (int t = 0; t < PK_ENT_NTYPES; t++)
			if (ent[t] >= LX_MIN && 2 * ent[t] > occ)
				gaz_add_key(g, e->key, bit[t]);
	}
}

/* ------------------------------------------------------------ training */

static uint64_t rng_state;
static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}


/* ------------------------------------------------------------ word clusters */

/*
 * Distributional word classes from raw text (the articles and the training
 * words): each of the CL_V most frequent words is a vector of its left and
 * right neighbours among the CL_N most frequent (log counts, unit length),
 * clustered by spherical k-means into k fine classes, whose centroids are
 * clustered again into CL_COARSE coarse ones.  Deterministic.
 */
enum { CL_N = 200, CL_V = 40000, CL_MINCOUNT = 3, CL_COARSE = 32, CL_ITER = 12 };

typedef struct idmap {
	uint64_t *key;
	uint32_t *id;
	uint32_t mask;
	size_t n;
} idmap;

static uint32_t
idmap_get(idmap *m, uint64_t k, int add)
{
	uint32_t i = (uint32_t)(k >> 17) & m->mask;
	while (m->key[i] && m->key[i] != k)
		i = (i + 1) & m->mask;
	if (m->key[i])
		return m->id[i];
	if (!add)
		return UINT32_MAX;
	if (m->n * 2 > m->mask)
		return UINT32_MAX;
	m->key[i] = k;
	m->id[i] = (uint32_t)m->n++;
	return m->id[i];
}

/* One pass of spherical k-means assignments; returns how many moved. */
static size_t
kmeans(const uint32_t *rowp, const uint16_t *col, const float *val, size_t nv,
       size_t dim, float *cent, size_t k, uint32_t *asg, unsigned iters)
{
	size_t moved = 0;
	float *sum = malloc(k * dim * sizeof *sum);
	float *dot = malloc(k * sizeof *dot);
	if (!sum || !dot)
		die("out of memory");
	for (unsigned it = 0; it < iters; it++) {
		moved = 0;
		for (size_t v = 0; v < nv; v++) {
			for (size_t c = 0; c < k; c++)
				dot[c] = 0;
			for (uint32_t j = rowp[v]; j < rowp[v + 1]; j++) {
				const float x = val[j];
				const float *cc = cent + col[j];
				for (size_t c = 0; c < k; c++)
					dot[c] += x * cc[c * dim];
			}
			uint32_t best = 0;
			for (size_t c = 1; c < k; c++)
				if (dot[c] > dot[best])
					best = (uint32_t)c;
			if (asg[v] != best)
				moved++;
			asg[v] = best;
		}
		memset(sum, 0, k * dim * sizeof *sum);
		for (size_t v = 0; v < nv; v++)
			for (uint32_t j = rowp[v]; j < rowp[v + 1]; j++)
				sum[(size_t)asg[v] * dim + col[j]] += val[j];
		for (size_t c = 0; c < k; c++) {
			double nn = 0;
			for (size_t d = 0; d < dim; d++)
				nn += (double)sum[c * dim + d] * sum[c * dim + d];
			if (nn <= 0)
				continue; /* empty: keep the old centroid */
			float inv = (float)(1.0 / sqrt(nn));
			for (size_t d = 0; d < dim; d++)
				cent[c * dim + d] = sum[c * dim + d] * inv;
		}
		fprintf(stderr, "ner-tool: k-means %zu: pass %u, %zu moved\n", k, it + 1, moved);
	}
	free(sum);
	free(dot);
	return moved;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Two uint64 keys, the first first. */
static int
cmp_u64x2(const void *a, const void *b)
{
	int r = cmp_u64(a, b);
	return r ? r : cmp_u64((const uint64_t *)a + 1, (const uint64_t *)b + 1);
}

/*
 * The unlabelled text clusters are learnt from: the words of the training
 * files (their text, not their tags) and of the .txt files in dir, as word
 * hashes with 0 between sentences.  Returns the stream; *nfiles: files read.
 */
static uint64_t *
text_stream(const corpus *c, const char *dir, size_t *len, size_t *nfiles)
{
	uint64_t *st = NULL;
	size_t cap = 0, n = 0;
	for (size_t s = 0; s < c->nsent; s++) {
		st = xgrow(st, &cap, n + (c->sent[s + 1] - c->sent[s]) + 1, sizeof *st);
		for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++)
			st[n++] = c->tok[i].word;
		st[n++] = 0;
	}
	char list[4096];
	snprintf(list, sizeof list, "ls '%s' 2>/dev/null | grep '\\.txt$' | LC_ALL=C sort", dir);
	FILE *ls = popen(list, "r");
	char name[1024];
	*nfiles = 0;
	while (ls && fgets(name, sizeof name, ls)) {
		name[strcspn(name, "\n")] = 0;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, name);
		size_t tlen;
		char *text = slurp(path, &tlen);
		if (!text)
			continue;
		++*nfiles;
		size_t pos = 0, ts, te;
		while (ner_next_token(text, tlen, &pos, &ts, &te)) {
			ner_tok t;
			ner_tok_init(&t, text + ts, te - ts);
			st = xgrow(st, &cap, n + 2, sizeof *st);
			st[n++] = t.word;
			if (te - ts == 3 && !memcmp(text + ts, "\xE0\xA5\xA4", 3))
				st[n++] = 0;
		}
		st = xgrow(st, &cap, n + 1, sizeof *st);
		st[n++] = 0;
		free(text);
	}
	if (ls)
		pclose(ls);
	*len = n;
	return st;
}

/* The cluster table (cbits set), or NULL when there is no text. */
static uint64_t *
make_clusters(const corpus *c, const char *dir, size_t k, unsigned *cbits)
{
	size_t n, nfiles;
	uint64_t *st = text_stream(c, dir, &n, &nfiles);
	fprintf(stderr, "ner-tool: clusters: %zu files, %zu tokens in all\n", nfiles, n);
	if (nfiles == 0) {
		free(st);
		return NULL;
	}
	/* count */
	idmap m = { calloc(1u << 22, 8), calloc(1u << 22, 4), (1u << 22) - 1, 0 };
	uint32_t *cnt = calloc(1u << 21, 4);
	uint32_t *ids = malloc(n * sizeof *ids);
	if (!m.key || !m.id || !cnt || !ids)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		ids[i] = st[i] ? idmap_get(&m, st[i], 1) : UINT32_MAX;
		if (ids[i] != UINT32_MAX)
			cnt[ids[i]]++;
	}
	/* rank by count (ties by hash): (count << 32 | ~id) sorted descending */
	uint64_t *ord = malloc(m.n * sizeof *ord), *hash_of = malloc(m.n * sizeof *hash_of);
	uint32_t *rank = malloc(m.n * sizeof *rank);
	if (!ord || !hash_of || !rank)
		die("out of memory");
	for (uint32_t i = 0; i <= m.mask; i++)
		if (m.key[i])
			hash_of[m.id[i]] = m.key[i];
	for (size_t i = 0; i < m.n; i++)
		ord[i] = (uint64_t)cnt[i] << 32 | (uint32_t)~(uint32_t)(hash_of[i] >> 40);
	/* sort ids by that key: pair them through a second array */
	uint64_t *pairs = malloc(m.n * 2 * sizeof *pairs);
	for (size_t i = 0; i < m.n; i++) {
		pairs[2 * i] = ~ord[i];
		pairs[2 * i + 1] = i;
	}
	qsort(pairs, m.n, 2 * sizeof *pairs, cmp_u64);
	size_t nv = 0;
	for (size_t r = 0; r < m.n; r++) {
		uint32_t id = (uint32_t)pairs[2 * r + 1];
		rank[id] = (uint32_t)r;
		if (r < CL_V && cnt[id] >= CL_MINCOUNT)
			nv = r + 1;
	}
	size_t dim = 2 * (CL_N + 1);
	float *mat = calloc(nv * dim, sizeof *mat);
	if (!mat)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == UINT32_MAX || rank[ids[i]] >= nv)
			continue;
		float *row = mat + (size_t)rank[ids[i]] * dim;
		uint32_t l = i > 0 && ids[i - 1] != UINT32_MAX ? rank[ids[i - 1]] : CL_N;
		uint32_t r = i + 1 < n && ids[i + 1] != UINT32_MAX ? rank[ids[i + 1]] : CL_N;
		row[l < CL_N ? l : CL_N] += 1;
		row[CL_N + 1 + (r < CL_N ? r : CL_N)] += 1;
	}
	/* sparse rows, log counts, unit length */
	uint32_t *rowp = malloc((nv + 1) * sizeof *rowp);
	uint16_t *col = NULL;
	float *val = NULL;
	size_t capc = 0, capv = 0, nz = 0;
	for (size_t v = 0; v < nv; v++) {
		rowp[v] = (uint32_t)nz;
		double nn = 0;
		for (size_t d = 0; d < dim; d++)
			if (mat[v * dim + d] > 0) {
				float x = logf(1 + mat[v * dim + d]);
				col = xgrow(col, &capc, nz + 1, sizeof *col);
				val = xgrow(val, &capv, nz + 1, sizeof *val);
				col[nz] = (uint16_t)d;
				val[nz++] = x;
				nn += (double)x * x;
			}
		for (size_t j = rowp[v]; j < nz; j++)
			val[j] /= (float)sqrt(nn > 0 ? nn : 1);
	}
	rowp[nv] = (uint32_t)nz;
	free(mat);
	fprintf(stderr, "ner-tool: clusters: %zu words, %zu non-zeros\n", nv, nz);
	/* initial centroids: k words spread over the ranks, by a fixed seed */
	float *cent = calloc(k * dim, sizeof *cent);
	uint32_t *asg = calloc(nv, sizeof *asg);
	rng_state = 12345;
	for (size_t cidx = 0; cidx < k; cidx++) {
		size_t v = cidx < nv ? (size_t)(rng() % nv) : 0;
		for (uint32_t j = rowp[v]; j < rowp[v + 1]; j++)
			cent[cidx * dim + col[j]] = val[j];
	}
	kmeans(rowp, col, val, nv, dim, cent, k, asg, CL_ITER);
	/* coarse: the fine centroids clustered */
	uint32_t *crow = malloc((k + 1) * sizeof *crow);
	uint16_t *ccol = malloc(k * dim * sizeof *ccol);
	float *cval = malloc(k * dim * sizeof *cval);
	size_t cz = 0;
	for (size_t c2 = 0; c2 < k; c2++) {
		crow[c2] = (uint32_t)cz;
		for (size_t d = 0; d < dim; d++)
			if (cent[c2 * dim + d] != 0) {
				ccol[cz] = (uint16_t)d;
				cval[cz++] = cent[c2 * dim + d];
			}
	}
	crow[k] = (uint32_t)cz;
	float *cc = calloc(CL_COARSE * dim, sizeof *cc);
	uint32_t *casg = calloc(k, sizeof *casg);
	for (size_t c2 = 0; c2 < CL_COARSE; c2++)
		memcpy(cc + c2 * dim, cent + (c2 * k / CL_COARSE) * dim, dim * sizeof *cc);
	kmeans(crow, ccol, cval, k, dim, cc, CL_COARSE, casg, CL_ITER);
	/* the table */
	unsigned bits = 4;
	while (((size_t)1 << bits) < 2 * nv)
		bits++;
	uint64_t *tab = calloc((size_t)1 << bits, 8);
	uint32_t mask = (1u << bits) - 1;
	for (uint32_t i = 0; i <= m.mask; i++) {
		if (!m.key[i] || rank[m.id[i]] >= nv)
			continue;
		uint64_t key = m.key[i] & ~(uint64_t)0xFFFF;
		uint32_t fine = asg[rank[m.id[i]]];
		uint32_t j = (uint32_t)(key >> 20) & mask;
		while (tab[j] && (tab[j] & ~(uint64_t)0xFFFF) != key)
			j = (j + 1) & mask;
		tab[j] = key | (fine + 1) | (uint64_t)casg[fine] << 10;
	}
	*cbits = bits;
	free(st); free(m.key); free(m.id); free(cnt); free(ids); free(ord);
	free(hash_of); free(rank); free(pairs); free(rowp); free(col); free(val);
	free(cent); free(asg); free(crow); free(ccol); free(cval); free(cc); free(casg);
	return tab;
}

/*
 * Brown clusters (tools/brown.h) of the words seen at least BR_MINCOUNT
 * times in the same text as make_clusters(): a table of word hashes and
 * paths (bbits set), or NULL when there is no text.  With a cache file,
 * the table is read from it when it exists and written to it otherwise
 * (for experiments; `make model` does not use one).
 */
enum { BR_MINCOUNT = 2 };

static uint64_t *
make_brown(const corpus *c, const char *dir, size_t k, const char *cache,
	   unsigned *bbits)
{
	FILE *fp = cache ? fopen(cache, "rb") : NULL;
	if (fp) {
		uint32_t bits = 0;
		uint64_t *tab = NULL;
		if (fread(&bits, 4, 1, fp) == 1 && bits >= 4 && bits <= 24 &&
		    (tab = malloc((size_t)8 << bits)) &&
		    fread(tab, 8, (size_t)1 << bits, fp) == (size_t)1 << bits) {
			fclose(fp);
			*bbits = bits;
			fprintf(stderr, "ner-tool: Brown clusters from %s\n", cache);
			return tab;
		}
		die("bad Brown cluster cache");
	}
	size_t n, nfiles;
	uint64_t *st = text_stream(c, dir, &n, &nfiles);
	if (nfiles == 0) {
		free(st);
		return NULL;
	}
	/* words by falling count, ties by hash */
	idmap m = { calloc(1u << 22, 8), calloc(1u << 22, 4), (1u << 22) - 1, 0 };
	uint32_t *ids = malloc(n * sizeof *ids), *cnt = calloc(1u << 21, 4);
	if (!m.key || !m.id || !ids || !cnt)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		ids[i] = st[i] ? idmap_get(&m, st[i], 1) : UINT32_MAX;
		if (ids[i] != UINT32_MAX)
			cnt[ids[i]]++;
	}
	uint64_t *hash_of = malloc(m.n * sizeof *hash_of);
	uint32_t *rank = malloc(m.n * sizeof *rank);
	if (!hash_of || !rank)
		die("out of memory");
	for (uint32_t i = 0; i <= m.mask; i++)
		if (m.key[i])
			hash_of[m.id[i]] = m.key[i];
	/* (count, hash) descending: their complements ascending */
	uint64_t *keyed = malloc(m.n * 3 * sizeof *keyed);
	if (!keyed)
		die("out of memory");
	for (size_t i = 0; i < m.n; i++) {
		keyed[3 * i] = ~(uint64_t)cnt[i];
		keyed[3 * i + 1] = ~hash_of[i];
		keyed[3 * i + 2] = i;
	}
	qsort(keyed, m.n, 3 * sizeof *keyed, cmp_u64x2);
	size_t nv = 0;
	for (size_t r = 0; r < m.n; r++) {
		uint32_t id = (uint32_t)keyed[3 * r + 2];
		rank[id] = (uint32_t)r;
		if (cnt[id] >= BR_MINCOUNT)
			nv = r + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (ids[i] != UINT32_MAX)
			ids[i] = rank[ids[i]] < nv ? rank[ids[i]] : UINT32_MAX;
	uint32_t *path = malloc((nv ? nv : 1) * sizeof *path);
	if (!path)
		die("out of memory");
	fprintf(stderr, "ner-tool: Brown clusters: %zu words of %zu tokens, %zu classes\n",
		nv, n, k);
	if (brown_cluster(ids, n, nv, k, path) != 0)
		die("out of memory");
	unsigned bits = 4;
	while (((size_t)1 << bits) < 2 * nv)
		bits++;
	uint64_t *tab = calloc((size_t)1 << bits, 8);
	uint32_t mask = (1u << bits) - 1;
	if (!tab)
		die("out of memory");
	for (size_t r = 0; r < m.n && r < nv; r++) {
		uint64_t key = hash_of[keyed[3 * r + 2]] & ~(uint64_t)0xFFFFFF;
		uint32_t j = (uint32_t)(key >> 24) & mask;
		while (tab[j])
			j = (j + 1) & mask;
		tab[j] = key | path[r];
	}
	*bbits = bits;
	if (cache && (fp = fopen(cache, "wb"))) {
		uint32_t b32 = bits;
		fwrite(&b32, 4, 1, fp);
		fwrite(tab, 8, (size_t)1 << bits, fp);
		fclose(fp);
	}
	free(st); free(m.key); free(m.id); free(ids); free(cnt); free(hash_of);
	free(rank); free(keyed); free(path);
	return tab;
}

static int
cmd_train(int argc, char **argv)
{
	const char *out = NULL, *gazdir = NULL, *textdir = NULL, *bcache = NULL;
	unsigned bits = 18, epochs = 10, nclus = 256, nbrown = 0, uselex = 1;
	uint32_t xoff = 0;
	unsigned runs = 1;
	float margin = 0;
	uint64_t seed = 42;
	corpus c = { 0 };
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-b") && i + 1 < argc)
			bits = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-e") && i + 1 < argc)
			epochs = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-g") && i + 1 < argc)
			gazdir = argv[++i];
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			textdir = argv[++i];
		else if (!strcmp(argv[i], "-m") && i + 1 < argc)
			margin = strtof(argv[++i], NULL);
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-x") && i + 1 < argc)
			xoff = (uint32_t)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-k") && i + 1 < argc)
			nclus = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-K") && i + 1 < argc)
			nbrown = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-L") && i + 1 < argc)
			uselex = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-B") && i + 1 < argc)
			bcache = argv[++i];
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!out)
			out = argv[i];
		else
			corpus_add_file(&c, argv[i]);
	}
	if (!out || c.nsent == 0 || bits < 8 || bits > 26 || nclus < 2 || nclus > 1000 ||
	    runs < 1 || runs > 100 || nbrown == 1 || nbrown > 2000)
		die("usage: ner-tool train OUT [-b BITS] [-e EPOCHS] [-g GAZDIR] [-c TEXTDIR] "
		    "[-k CLUSTERS] [-K BROWN] [-B CACHE] [-L 0|1] [-n RUNS] [-x OFF] [-m MARGIN] "
		    "FILE.conll...");
	fprintf(stderr, "ner-tool: %zu sentences, %zu tokens\n", c.nsent, c.ntok);

	/* gazetteers */
	unsigned gbits = 17;
	gaz g = { calloc((size_t)1 << gbits, 8), (1u << gbits) - 1, 0 };
	if (!g.slot)
		die("out of memory");
	gaz_list(&g, titles, sizeof titles / sizeof *titles, GZ_TITLE);
	gaz_list(&g, cues, sizeof cues / sizeof *cues, GZ_CUE);
	gaz_list(&g, orgwords, sizeof orgwords / sizeof *orgwords, GZ_ORGW);
	gaz_list(&g, locwords, sizeof locwords / sizeof *locwords, GZ_LOCW);
	gaz_countries(&g);
	if (gazdir) {
		gaz_file(&g, gazdir, "npm_country_state_district/hi_districts_states.txt", GZ_LOC, 0);
		gaz_file(&g, gazdir, "apertium_hin/LOC.txt", GZ_LOC, 0);
		gaz_file(&g, gazdir, "apertium_hin/ORG.txt", GZ_ORG, 0);
		gaz_file(&g, gazdir, "apertium_hin/PER_m.txt", GZ_PERF, 0);
		gaz_file(&g, gazdir, "apertium_hin/PER_f.txt", GZ_PERF, 0);
		gaz_file(&g, gazdir, "apertium_hin/PER_surname.txt", GZ_PERS, 0);
		gaz_file(&g, gazdir, "cmu_indian_names/names.tsv", GZ_PERF, 1);
	}
	/* the lexicon: each fold's gazetteer, and the model's (of all folds) */
	gaz fold[LX_FOLDS];
	if (uselex) {
		lexicon lx = { 0 };
		lex_build(&lx, &c);
		for (unsigned f = 0; f < LX_FOLDS; f++) {
			fold[f] = g;
			fold[f].slot = malloc((size_t)8 << gbits);
			if (!fold[f].slot)
				die("out of memory");
			memcpy(fold[f].slot, g.slot, (size_t)8 << gbits);
			lex_mark(&lx, fold + f, f);
		}
		lex_mark(&lx, &g, LX_FOLDS);
		free(lx.e);
	}
	fprintf(stderr, "ner-tool: gazetteer: %zu keys\n", g.n);

	size_t nw = (size_t)NER_LANES << bits;
	float *w = calloc(nw, sizeof *w), *u = calloc(nw, sizeof *u);
	ner_view v = { 0 };
	v.wf = w;
	v.wmask = (1u << bits) - 1;
	v.gaz = g.slot;
	v.gmask = g.mask;
	v.off = xoff;
	unsigned cbits = 0;
	uint64_t *clus = textdir ? make_clusters(&c, textdir, nclus, &cbits) : NULL;
	v.clus = clus;
	v.cmask = cbits ? (1u << cbits) - 1 : 0;
	unsigned bbits = 0;
	uint64_t *brown = textdir && nbrown ? make_brown(&c, textdir, nbrown, bcache, &bbits)
					    : NULL;
	v.brown = brown;
	v.bmask = bbits ? (1u << bbits) - 1 : 0;
	float ut[NER_NTAGS + 1][NER_LANES] = { { 0 } };
	if (!w || !u)
		die("out of memory");

	/* features once: they do not depend on the weights */
	uint32_t *fs = NULL;
	size_t *fofs = malloc((c.ntok + 1) * sizeof *fofs), capf = 0, nf = 0;
	size_t maxlen = 0;
	if (!fofs)
		die("out of memory");
	for (size_t s = 0; s < c.nsent; s++) {
		size_t a = c.sent[s], n = c.sent[s + 1] - a;
		if (n > maxlen)
			maxlen = n;
		v.gaz = uselex ? fold[s % LX_FOLDS].slot : g.slot;
		ner_gaz_mark(&v, c.tok + a, n);
		for (size_t i = 0; i < n; i++) {
			fs = xgrow(fs, &capf, nf + NER_MAXFEAT, sizeof *fs);
			fofs[a + i] = nf;
			nf += ner_features(&v, c.tok + a, n, i, fs + nf);
		}
	}
	fofs[c.ntok] = nf;
	v.gaz = g.slot;
	for (unsigned f = 0; uselex && f < LX_FOLDS; f++)
		free(fold[f].slot);
	fprintf(stderr, "ner-tool: %zu feature instances\n", nf);

	size_t *order = malloc(c.nsent * sizeof *order);
	float *sc = malloc(maxlen * NER_LANES * sizeof *sc);
	float *em = malloc(maxlen * NER_LANES * sizeof *em);
	uint8_t *bp = malloc(maxlen * NER_LANES), *pred = malloc(maxlen);
	if (!order || !sc || !bp || !pred || !em)
		die("out of memory");
	/* runs with seeds seed, seed+1, ...: their averaged weights averaged */
	float *acc = runs > 1 ? calloc(nw, sizeof *acc) : NULL;
	float acct[NER_NTAGS + 1][NER_LANES] = { { 0 } };
	if (runs > 1 && !acc)
		die("out of memory");
	for (unsigned run = 0; run < runs; run++) {
	if (run) {
		memset(w, 0, nw * sizeof *w);
		memset(u, 0, nw * sizeof *u);
		memset(v.transf, 0, sizeof v.transf);
		memset(ut, 0, sizeof ut);
	}
	for (size_t s = 0; s < c.nsent; s++)
		order[s] = s;
	rng_state = (seed + run) * 2654435761u + 1;
	double cnt = 1;
	for (unsigned ep = 0; ep < epochs; ep++) {
		for (size_t s = c.nsent; s > 1; s--) {
			size_t j = (size_t)(rng() % s), t = order[s - 1];
			order[s - 1] = order[j];
			order[j] = t;
		}
		size_t err = 0;
		for (size_t oi = 0; oi < c.nsent; oi++, cnt++) {
			size_t s = order[oi], a = c.sent[s], n = c.sent[s + 1] - a;
			const uint8_t *gold = c.tag + a;
			/* emissions, then Viterbi */
			for (size_t i = 0; i < n; i++) {
				float *e = em + i * NER_LANES;
				memset(e, 0, NER_LANES * sizeof *e);
				for (size_t k = fofs[a + i]; k < fofs[a + i + 1]; k++) {
					const float *row = w + (size_t)fs[k] * NER_LANES;
					for (int q = 0; q < NER_LANES; q++)
						e[q] += row[q];
				}
				/* loss-augmented decoding: a margin for the gold tag */
				for (int q = 0; q < NER_NTAGS; q++)
					if (q != gold[i])
						e[q] += margin;
			}
			for (size_t i = 0; i < n; i++)
				for (int b = 0; b < NER_NTAGS; b++) {
					float best = -1e30f;
					int arg = 0;
					if (i == 0) {
						best = ner_allowed(NER_NTAGS, b) ? v.transf[NER_NTAGS][b] : -1e30f;
					} else {
						for (int a2 = 0; a2 < NER_NTAGS; a2++) {
							if (!ner_allowed(a2, b))
								continue;
							float x = sc[(i - 1) * NER_LANES + (size_t)a2] + v.transf[a2][b];
							if (x > best) {
								best = x;
								arg = a2;
							}
						}
					}
					sc[i * NER_LANES + (size_t)b] = best + em[i * NER_LANES + (size_t)b];
					bp[i * NER_LANES + (size_t)b] = (uint8_t)arg;
				}
			int gbest = 0;
			for (int b = 1; b < NER_NTAGS; b++)
				if (sc[(n - 1) * NER_LANES + (size_t)b] > sc[(n - 1) * NER_LANES + (size_t)gbest])
					gbest = b;
			for (size_t i = n; i-- > 0;) {
				pred[i] = (uint8_t)gbest;
				gbest = bp[i * NER_LANES + (size_t)gbest];
			}
			if (memcmp(pred, gold, n) == 0)
				continue;
			err++;
			float fc = (float)cnt;
			for (size_t i = 0; i < n; i++) {
				int pg = i ? gold[i - 1] : NER_NTAGS, pp = i ? pred[i - 1] : NER_NTAGS;
				if (gold[i] != pred[i]) {
					for (size_t k = fofs[a + i]; k < fofs[a + i + 1]; k++) {
						size_t r = (size_t)fs[k] * NER_LANES;
						w[r + gold[i]] += 1;
						u[r + gold[i]] += fc;
						w[r + pred[i]] -= 1;
						u[r + pred[i]] -= fc;
					}
				}
				if (gold[i] != pred[i] || pg != pp) {
					v.transf[pg][gold[i]] += 1;
					ut[pg][gold[i]] += fc;
					v.transf[pp][pred[i]] -= 1;
					ut[pp][pred[i]] -= fc;
				}
			}
		}
		fprintf(stderr, "ner-tool: epoch %u: %zu of %zu sentences wrong\n", ep + 1,
			err, c.nsent);
	}
	/* average */
	for (size_t i = 0; i < nw; i++)
		w[i] -= u[i] / (float)cnt;
	for (int a = 0; a <= NER_NTAGS; a++)
		for (int b = 0; b < NER_NTAGS; b++)
			v.transf[a][b] -= ut[a][b] / (float)cnt;
	if (acc) {
		for (size_t i = 0; i < nw; i++)
			acc[i] += w[i] / (float)runs;
		for (int a = 0; a <= NER_NTAGS; a++)
			for (int b = 0; b < NER_NTAGS; b++)
				acct[a][b] += v.transf[a][b] / (float)runs;
	}
	} /* runs */
	if (acc) {
		memcpy(w, acc, nw * sizeof *w);
		memcpy(v.transf, acct, sizeof acct);
		free(acc);
	}
	/* quantize */
	float maxabs = 1e-6f;
	for (size_t i = 0; i < nw; i++)
		if (fabsf(w[i]) > maxabs)
			maxabs = fabsf(w[i]);
	for (int a = 0; a <= NER_NTAGS; a++)
		for (int b = 0; b < NER_NTAGS; b++)
			if (fabsf(v.transf[a][b]) > maxabs)
				maxabs = fabsf(v.transf[a][b]);
	size_t nzf = 0;
	for (size_t i = 0; i < nw; i++)
		nzf += w[i] != 0;
	fprintf(stderr, "ner-tool: largest weight %g, %zu non-zero before rounding\n",
		(double)maxabs, nzf);
	float scale = 32000.0f / maxabs;
	ner_hdr h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, NER_MAGIC, 8);
	h.version = NER_VERSION;
	h.endian = 0x01020304u;
	h.ntags = NER_NTAGS;
	h.featset = NER_FEATSET;
	h.wbits = bits;
	h.gbits = gbits;
	h.scale = scale;
	h.w_off = (sizeof h + 63) / 64 * 64;
	h.g_off = h.w_off + nw * 2;
	h.c_off = h.g_off + ((uint64_t)8 << gbits);
	h.cbits = clus ? cbits : 0;
	h.b_off = h.c_off + (clus ? (uint64_t)8 << cbits : 0);
	h.bbits = brown ? bbits : 0;
	h.file_size = h.b_off + (brown ? (uint64_t)8 << bbits : 0);
	for (int a = 0; a <= NER_NTAGS; a++)
		for (int b = 0; b < NER_NTAGS; b++)
			h.trans[a][b] = (int16_t)lrintf(v.transf[a][b] * scale);
	int16_t *q = calloc(nw, sizeof *q);
	size_t nz = 0;
	for (size_t i = 0; i < nw; i++) {
		q[i] = (int16_t)lrintf(w[i] * scale);
		nz += q[i] != 0;
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", out);
	FILE *fp = fopen(tmp, "wb");
	if (!fp)
		die("cannot write the model");
	static const char zero[64];
	fwrite(&h, sizeof h, 1, fp);
	fwrite(zero, 1, h.w_off - sizeof h, fp);
	fwrite(q, 2, nw, fp);
	fwrite(g.slot, 8, (size_t)1 << gbits, fp);
	if (clus)
		fwrite(clus, 8, (size_t)1 << cbits, fp);
	if (brown)
		fwrite(brown, 8, (size_t)1 << bbits, fp);
	if (fclose(fp) != 0 || rename(tmp, out) != 0)
		die("cannot write the model");
	fprintf(stderr, "ner-tool: wrote %s: 2^%u buckets, %zu non-zero weights, %llu bytes\n",
		out, bits, nz, (unsigned long long)h.file_size);
	return 0;
}

/* ------------------------------------------------------------ tagging */

static int
cmd_tag(int argc, char **argv)
{
	if (argc < 3)
		die("usage: ner-tool tag MODEL < FILE.conll");
	pk_status st;
	pk_ner *m = pk_ner_load(argv[2], &st);
	if (!m) {
		fprintf(stderr, "ner-tool: %s: %s\n", argv[2], pk_status_str(st));
		return 2;
	}
	size_t len;
	char *text = slurp(argc > 3 ? argv[3] : NULL, &len);
	if (!text)
		die("cannot read the input");
	/* one sentence at a time: its words joined by spaces */
	char *buf = NULL;
	size_t capb = 0, nb = 0, capw = 0, nw = 0, capsp = 0, nsp = 0;
	struct word { size_t ws, we, ts, te; int gold; } *wd = NULL;
	pk_ner_span *sp = NULL;
	int prev = NER_O;
	size_t p = 0;
	while (p <= len) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		size_t le = e;
		if (le > p && text[le - 1] == '\r')
			le--;
		if (le == p || p >= len) {
			if (nw) {
				nsp = 0;
				if (pk_ner_tag(m, buf, 0, nb, &sp, &nsp, &capsp) != 0)
					die("out of memory");
				for (size_t i = 0; i < nw; i++) {
					int pg = NER_O;
					for (size_t k = 0; k < nsp; k++) {
						if (sp[k].start == wd[i].ts)
							pg = NER_B(sp[k].type);
						else if (sp[k].start < wd[i].ts && wd[i].te <= sp[k].end)
							pg = NER_I(sp[k].type);
					}
					printf("%.*s\t%s\t%s\n", (int)(wd[i].we - wd[i].ws), text + wd[i].ws,
					       tagname[wd[i].gold], tagname[pg]);
				}
				printf("\n");
			}
			nw = nb = 0;
			prev = NER_O;
		} else {
			size_t tab = le;
			while (tab > p && text[tab - 1] != '\t' && text[tab - 1] != ' ')
				tab--;
			size_t we = tab > p ? tab - 1 : le;
			int g = tab > p ? map_tag(text + tab, le - tab, prev) : NER_O;
			prev = g;
			wd = xgrow(wd, &capw, nw + 1, sizeof *wd);
			buf = xgrow(buf, &capb, nb + (we - p) + 2, 1);
			if (nb)
				buf[nb++] = ' ';
			wd[nw].ws = p;
			wd[nw].we = we;
			wd[nw].ts = nb;
			memcpy(buf + nb, text + p, we - p);
			nb += we - p;
			wd[nw].te = nb;
			wd[nw].gold = g;
			nw++;
		}
		p = e + 1;
	}
	free(buf);
	free(wd);
	free(sp);
	free(text);
	pk_ner_free(m);
	return 0;
}

/* ------------------------------------------------------------ timing */

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmd_bench(int argc, char **argv)
{
	if (argc < 4)
		die("usage: ner-tool bench MODEL TEXT");
	pk_status st;
	double t0 = now();
	pk_ner *m = pk_ner_load(argv[2], &st);
	double t1 = now();
	if (!m) {
		fprintf(stderr, "ner-tool: %s: %s\n", argv[2], pk_status_str(st));
		return 2;
	}
	double best = 1e9;
	for (int i = 0; i < 20; i++) {
		double a = now();
		pk_ner *m2 = pk_ner_load(argv[2], &st);
		double b = now();
		pk_ner_free(m2);
		if (b - a < best)
			best = b - a;
	}
	size_t len;
	char *text = slurp(argv[3], &len);
	if (!text)
		die("cannot read the text");
	size_t ntok = 0, pos = 0, ts, te;
	while (ner_next_token(text, len, &pos, &ts, &te))
		ntok++;
	pk_ner_span *sp = NULL;
	size_t nsp = 0, capsp = 0, rounds = 0, ents = 0;
	double a = now(), b;
	do {
		/* paragraph by paragraph, as the article layer will call it */
		size_t p = 0;
		while (p < len) {
			size_t e = p;
			while (e < len && text[e] != '\n')
				e++;
			nsp = 0;
			pk_ner_tag(m, text, p, e, &sp, &nsp, &capsp);
			ents += nsp;
			p = e + 1;
		}
		rounds++;
		b = now();
	} while (b - a < 2.0);
	printf("load (first): %.3f ms\nload (best of 20): %.3f ms\n", (t1 - t0) * 1e3, best * 1e3);
	printf("tagged %zu tokens x %zu rounds in %.2f s: %.0f tokens/s (%zu spans per round)\n",
	       ntok, rounds, b - a, (double)ntok * (double)rounds / (b - a), ents / rounds);
	free(sp);
	free(text);
	pk_ner_free(m);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "train"))
		return cmd_train(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "tag"))
		return cmd_tag(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "bench"))
		return cmd_bench(argc, argv);
	die("usage: ner-tool train|tag|bench ...");
	return 2;
}
