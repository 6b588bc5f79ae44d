/*
 * ner.c - the named-entity tagger: tokens, features, Viterbi, the mapped
 * model.  See ner.h; the file layout is in ner_int.h.
 */
#include "config.h"
#include "ner.h"
#include "ner_int.h"
#include "fold.h"
#include "grow.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uchar.h>

struct pk_ner {
	void *map;
	size_t len;
	ner_view v;
};

const char *
pk_ent_type_name(pk_ent_type t)
{
	switch (t) {
	case PK_ENT_PER: return "PER";
	case PK_ENT_LOC: return "LOC";
	case PK_ENT_ORG: return "ORG";
	default: return "?";
	}
}

/* ---------------------------------------------------------------- hashing */

static inline uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static inline uint64_t
comb(uint64_t h, uint64_t x)
{
	return mix64(h * 0x9E3779B97F4A7C15ULL + x + 0x632BE59BD9B4E019ULL);
}

/* ---------------------------------------------------------------- tokens */

static inline int
is_space(uint32_t c)
{
	if (c < 0x80)
		return c <= 0x20 || c == 0x7F;
	if (c >= 0x0900 && c <= 0x097F)
		return 0;
	return u_isUWhiteSpace((UChar32)c) || (c >= 0x80 && c < 0xA0) ||
	       c == 0xFEFF;
}

static inline int
is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
		       (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
	if (c >= 0x0900 && c <= 0x097F)
		return c == 0x0964 || c == 0x0965 || c == 0x0970;
	if (c == 0xFFFD)
		return 0;
	return u_ispunct((UChar32)c) || u_charType((UChar32)c) == U_MATH_SYMBOL ||
	       u_charType((UChar32)c) == U_CURRENCY_SYMBOL;
}

static inline int
is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x0966 && c <= 0x096F);
}

/*
 * Tokens as IL-NER cuts them: words between spaces, each punctuation mark a
 * token of its own, except a full stop after a short word (डॉ., सी.) and a
 * full stop, comma, colon or slash between digits (3.5, 12,000, 5:25).
 */
int
ner_next_token(const char *s, size_t len, size_t *pos, size_t *ts, size_t *te)
{
	size_t p = *pos, q;
	uint32_t c = 0;
	/* skip spaces */
	for (;;) {
		if (p >= len) {
			*pos = p;
			return 0;
		}
		q = p;
		c = pk_decode(s, len, &q);
		if (!is_space(c))
			break;
		p = q;
	}
	*ts = p;
	if (is_punct(c)) {
		*pos = *te = q;
		return 1;
	}
	size_t ncp = 1;
	uint32_t prev = c;
	p = q;
	while (p < len) {
		q = p;
		c = pk_decode(s, len, &q);
		if (is_space(c))
			break;
		if (is_punct(c)) {
			if ((c == '.' || c == ',' || c == ':' || c == '/') && is_digit(prev) &&
			    q < len) {
				size_t r = q;
				uint32_t d = pk_decode(s, len, &r);
				if (is_digit(d)) {
					prev = c;
					p = q;
					ncp++;
					continue;
				}
			}
			if (c == '.' && ncp <= 3)
				p = q;
			break;
		}
		prev = c;
		p = q;
		ncp++;
	}
	*pos = *te = p;
	return 1;
}

/* Shape classes. */
enum {
	SH_DEVA = 1, SH_LATIN = 2, SH_DIGIT = 4, SH_PUNCT = 8, SH_OTHER = 16,
	SH_NUKTA = 32, SH_UPPER = 64, SH_DOT = 128
};

/* The base consonant of a precomposed nukta letter, or 0. */
static inline uint32_t
nukta_base(uint32_t c)
{
	static const uint16_t base[8] = {
		0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F
	};
	if (c >= 0x0958 && c <= 0x095F)
		return base[c - 0x0958];
	if (c == 0x0929) return 0x0928;
	if (c == 0x0931) return 0x0930;
	if (c == 0x0934) return 0x0933;
	return 0;
}

void
ner_tok_init(ner_tok *t, const char *s, size_t len)
{
	uint32_t cp[64];
	size_t n = 0, p = 0;
	uint32_t shape = 0;
	while (p < len) {
		uint32_t c = pk_decode(s, len, &p), b;
		if ((b = nukta_base(c)) != 0) {
			shape |= SH_NUKTA;
			c = b;
		}
		if (c == 0x093C)
			shape |= SH_NUKTA;
		if (c >= 0x0900 && c <= 0x097F && !is_digit(c))
			shape |= is_punct(c) ? SH_PUNCT : SH_DEVA;
		else if (is_digit(c))
			shape |= SH_DIGIT, c = '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			if (c < 'a')
				shape |= SH_UPPER, c |= 0x20;
			shape |= SH_LATIN;
		} else if (c == '.')
			shape |= SH_DOT;
		else if (is_punct(c))
			shape |= SH_PUNCT;
		else
			shape |= SH_OTHER;
		c = pk_fold_cp(c);
		if (c && n < sizeof cp / sizeof *cp)
			cp[n++] = c;
	}
	uint64_t h = 0x1234567;
	for (size_t i = 0; i < n; i++)
		h = h * 0x100000001B3ULL + cp[i];
	t->word = mix64(h ^ n);
	for (size_t k = 0; k < 4; k++) {
		uint64_t hp = 0x77, hs = 0x99;
		size_t m = k + 1 < n ? k + 1 : n;
		for (size_t i = 0; i < m; i++) {
			hp = hp * 0x100000001B3ULL + cp[i];
			hs = hs * 0x100000001B3ULL + cp[n - m + i];
		}
		t->pre[k] = mix64(hp + k);
		t->suf[k] = mix64(hs + 16 + k);
	}
	/* trigrams of the word's middle (the ends are prefixes and suffixes) */
	t->ntri = 0;
	for (size_t i = 1; i + 4 <= n && t->ntri < NER_NTRI; i++)
		t->tri[t->ntri++] = mix64(((uint64_t)cp[i] << 42 | (uint64_t)cp[i + 1] << 21 |
					   cp[i + 2]) + 0x5eed);
	t->shape = shape | (uint32_t)(n < 4 ? n : 4) << 8;
	t->gz_b = t->gz_i = 0;
}

uint64_t
ner_seq_hash(const ner_tok *t, size_t n)
{
	uint64_t h = 0xABCDEF;
	for (size_t i = 0; i < n; i++)
		h = comb(h, t[i].word);
	return h & ~(uint64_t)0xFFFF;
}

/* Open addressing: the slot is key >> shift, the value the low vbits. */
static inline uint32_t
table_get(const uint64_t *tab, uint32_t mask, uint64_t key, unsigned vbits,
	  unsigned shift)
{
	if (!tab)
		return 0;
	const uint64_t vmask = ((uint64_t)1 << vbits) - 1;
	key &= ~vmask;
	uint32_t i = (uint32_t)(key >> shift) & mask;
	for (uint32_t probe = 0; probe <= mask; probe++) {
		uint64_t e = tab[i];
		if (e == 0)
			return 0;
		if ((e & ~vmask) == key)
			return (uint32_t)(e & vmask);
		i = (i + 1) & mask;
	}
	return 0;
}

unsigned
ner_table_get(const uint64_t *tab, uint32_t mask, uint64_t key)
{
	return table_get(tab, mask, key, 16, 20);
}

uint32_t
ner_table_get24(const uint64_t *tab, uint32_t mask, uint64_t key)
{
	return table_get(tab, mask, key, 24, 24);
}

/* Start loading the slot table_get() will read first for key. */
static inline void
table_prefetch(const uint64_t *tab, uint32_t mask, uint64_t key, unsigned shift)
{
	if (tab)
		__builtin_prefetch(tab + ((uint32_t)(key >> shift) & mask));
}

/* The first k bits of a Brown path of len bits (1 << len | bits), or all
 * of it when it is shorter (as Ratinov and Roth use them). */
static inline uint32_t
brown_prefix(uint32_t path, unsigned len, unsigned k)
{
	return len > k ? path >> (len - k) : path;
}

void
ner_gaz_mark(const ner_view *v, ner_tok *toks, size_t n)
{
	static const unsigned plen[NER_BPRE] = { 4, 6, 10, 20 };
	/* The tables are megabytes, cold at start-up: ask for every slot of
	 * the sentence first so that the misses overlap instead of queueing. */
	for (size_t i = 0; i < n; i++) {
		table_prefetch(v->clus, v->cmask, toks[i].word, 20);
		if (toks[i].shape & (SH_PUNCT | SH_DIGIT))
			continue;
		for (size_t l = 1; l <= GZ_MAXLEN && i + l <= n; l++)
			table_prefetch(v->gaz, v->gmask, ner_seq_hash(toks + i, l), 20);
	}
	for (size_t i = 0; i < n; i++) {
		toks[i].gz_b = toks[i].gz_i = 0;
		toks[i].clus = (uint16_t)ner_table_get(v->clus, v->cmask, toks[i].word);
		uint32_t p = ner_table_get24(v->brown, v->bmask, toks[i].word);
		unsigned len = 0;
		while (len < 24 && (p >> (len + 1)) != 0)
			len++;
		for (int k = 0; k < NER_BPRE; k++)
			toks[i].brown[k] = p ? brown_prefix(p, len, plen[k]) : 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (toks[i].shape & (SH_PUNCT | SH_DIGIT))
			continue;
		for (size_t l = 1; l <= GZ_MAXLEN && i + l <= n; l++) {
			unsigned ty = ner_table_get(v->gaz, v->gmask, ner_seq_hash(toks + i, l));
			if (!ty)
				continue;
			toks[i].gz_b |= (uint16_t)ty;
			for (size_t j = i + 1; j < i + l; j++)
				toks[j].gz_i |= (uint16_t)ty;
		}
	}
}

/* ---------------------------------------------------------------- features */

enum {
	F_BIAS = 1, F_W, F_PRE, F_SUF = F_PRE + 4, F_SHAPE = F_SUF + 4, F_WM1, F_WM2,
	F_WP1, F_WP2, F_BIM, F_BIP, F_SHM, F_GZB, F_GZI, F_TITLE, F_CUE, F_GZ1B,
	F_GZP1, F_SUFM1, F_SUFP1, F_SH3, F_GZM1, F_ORGW, F_C0, F_C0C, F_CM1, F_CP1,
	F_CP1C, F_CM1C, F_TRI,
	F_BR /* F_BR + NER_BPRE * position + prefix: 20 of them */
};

/* Brown prefixes of the words this far either side are features. */
#define BR_WIN 2

#define BOS_H 0x5151515151ULL
#define EOS_H 0x7373737373ULL

size_t
ner_features(const ner_view *v, const ner_tok *toks, size_t n, size_t i, uint32_t *f)
{
	const ner_tok *t = toks + i;
	uint64_t wm1 = i >= 1 ? toks[i - 1].word : BOS_H;
	uint64_t wm2 = i >= 2 ? toks[i - 2].word : BOS_H;
	uint64_t wp1 = i + 1 < n ? toks[i + 1].word : EOS_H;
	uint64_t wp2 = i + 2 < n ? toks[i + 2].word : EOS_H;
	uint32_t shm = i >= 1 ? toks[i - 1].shape : 0xFFFF;
	uint32_t shp = i + 1 < n ? toks[i + 1].shape : 0xEEEE;
	uint32_t m = v->wmask;
	size_t k = 0;
#define F(tmpl, x) (f[k++] = (uint32_t)comb((tmpl), (x)) & m)
	/* groups (for ablation): 0 affixes, 1 context words, 2 bigrams, 3 shape,
	 * 4 gazetteer, 5 title and cue, 6 name-ending word ahead, 7 clusters,
	 * 8 and 9 Brown clusters of the word and its neighbours, 10 trigrams */
	const uint32_t off = v->off;
#define G(g) if (!(off & (1u << (g))))
	F(F_BIAS, 0);
	F(F_W, t->word);
	G(0) for (int j = 0; j < 4; j++) {
		F(F_PRE + j, t->pre[j]);
		F(F_SUF + j, t->suf[j]);
	}
	G(3) F(F_SHAPE, t->shape);
	G(1) {
		F(F_WM1, wm1);
		F(F_WM2, wm2);
		F(F_WP1, wp1);
		F(F_WP2, wp2);
	}
	G(2) {
		F(F_BIM, comb(wm1, t->word));
		F(F_BIP, comb(t->word, wp1));
	}
	G(3) {
		F(F_SHM, (uint64_t)shm << 16 | t->shape);
		F(F_SH3, ((uint64_t)shm << 32) | ((uint64_t)t->shape << 16) | shp);
	}
	G(0) {
		F(F_SUFM1, i >= 1 ? toks[i - 1].suf[1] : BOS_H);
		F(F_SUFP1, i + 1 < n ? toks[i + 1].suf[1] : EOS_H);
	}
	G(4) {
		for (unsigned b = 0; b < GZ_NTYPES; b++) {
			if ((1u << b) & (GZ_TITLE | GZ_CUE | GZ_ORGW | GZ_LOCW))
				continue;
			if (t->gz_b & (1u << b))
				F(F_GZB, b);
			if (t->gz_i & (1u << b))
				F(F_GZI, b);
		}
		if (i >= 1 && (toks[i - 1].gz_b & ~(GZ_TITLE | GZ_CUE)))
			F(F_GZM1, toks[i - 1].gz_b & ~(GZ_TITLE | GZ_CUE));
		if (i + 1 < n && (toks[i + 1].gz_b | toks[i + 1].gz_i))
			F(F_GZP1, (uint64_t)toks[i + 1].gz_b << 16 | toks[i + 1].gz_i);
	}
	G(5) {
		if (i >= 1 && (toks[i - 1].gz_b & GZ_TITLE))
			F(F_TITLE, 1);
		if (i + 1 < n && (toks[i + 1].gz_b & GZ_CUE))
			F(F_CUE, 1);
		for (unsigned b = 5; b < 7; b++) {
			if (t->gz_b & (1u << b))
				F(F_GZB, b);
			if (t->gz_i & (1u << b))
				F(F_GZI, b);
		}
	}
	/* an organisation or place word ahead (… जनता पार्टी, उत्तर प्रदेश) */
	G(6) {
		for (unsigned b = 7; b < 9; b++) {
			if (t->gz_b & (1u << b))
				F(F_GZB, b);
			if (t->gz_i & (1u << b))
				F(F_GZI, b);
		}
		for (size_t j = i + 1; j < n && j <= i + 3; j++)
			if (toks[j].gz_b & (GZ_ORGW | GZ_LOCW)) {
				F(F_ORGW, (uint64_t)(j - i) << 16 |
					  (toks[j].gz_b & (GZ_ORGW | GZ_LOCW)));
				break;
			}
	}
	G(7) if (v->clus) {
		unsigned c0 = t->clus, cm = i >= 1 ? toks[i - 1].clus : 0xFFFF,
			 cp = i + 1 < n ? toks[i + 1].clus : 0xFFFE;
		F(F_C0, c0 & 0x3FF);
		F(F_C0C, (c0 >> 10) | (uint64_t)(c0 == 0) << 8);
		F(F_CM1, cm & 0x3FF);
		F(F_CP1, cp & 0x3FF);
		F(F_CM1C, (uint64_t)(cm >> 10) << 16 | (c0 >> 10));
		F(F_CP1C, (uint64_t)(cp >> 10) << 16 | (c0 >> 10));
	}
	G(10) for (size_t j = 0; j < t->ntri; j++)
		F(F_TRI, t->tri[j]);
	/* Brown path prefixes of the word and its neighbours */
	if (v->brown) {
		for (int d = -BR_WIN; d <= BR_WIN; d++) {
			uint64_t tmpl = F_BR + (uint64_t)NER_BPRE * (uint64_t)(d + 2);
			/* group 8: the word's own; 9: its neighbours' */
			if (off & (1u << (d == 0 ? 8 : 9)))
				continue;
			if ((d < 0 && i < (size_t)-d) || (d > 0 && i + (size_t)d >= n)) {
				F(tmpl, d < 0 ? BOS_H : EOS_H);
				continue;
			}
			const ner_tok *u = toks + (ptrdiff_t)i + d;
			if (!u->brown[0]) {
				F(tmpl, 0);
				continue;
			}
			for (int j = 0; j < NER_BPRE; j++)
				F(tmpl + (uint64_t)j, u->brown[j]);
		}
	}
#undef G
	/* at most 84: 21 always, 8 trigrams, 18 gazetteer, 6 title/cue,
	 * 5 name-ending, 6 clusters, 20 Brown */
#undef F
	return k;
}

static inline void
emit(const ner_view *v, const uint32_t *f, size_t nf, float *out)
{
	if (v->w) {
		int32_t acc[NER_LANES] = { 0 };
		for (size_t k = 0; k < nf; k++) {
			const int16_t *row = v->w + (size_t)f[k] * NER_LANES;
			for (int g = 0; g < NER_LANES; g++)
				acc[g] += row[g];
		}
		for (int g = 0; g < NER_NTAGS; g++)
			out[g] = (float)acc[g];
	} else {
		float acc[NER_LANES] = { 0 };
		for (size_t k = 0; k < nf; k++) {
			const float *row = v->wf + (size_t)f[k] * NER_LANES;
			for (int g = 0; g < NER_LANES; g++)
				acc[g] += row[g];
		}
		for (int g = 0; g < NER_NTAGS; g++)
			out[g] = acc[g];
	}
}

void
ner_viterbi(const ner_view *v, const ner_tok *toks, size_t n, uint8_t *tags,
	    float *sc, uint8_t *bp)
{
	uint32_t fb[2][NER_MAXFEAT];
	float e[NER_NTAGS];
	if (n == 0)
		return;
	/* The weight rows are scattered over megabytes: the features of the
	 * next token are found, and their rows asked for, before this token's
	 * are summed, so the misses of the two overlap. */
	size_t nfb[2];
	nfb[0] = ner_features(v, toks, n, 0, fb[0]);
	for (size_t i = 0; i < n; i++) {
		const uint32_t *f = fb[i & 1];
		size_t nf = nfb[i & 1];
		if (i + 1 < n) {
			uint32_t *g = fb[(i + 1) & 1];
			size_t ng = nfb[(i + 1) & 1] = ner_features(v, toks, n, i + 1, g);
			if (v->w)
				for (size_t k = 0; k < ng; k++)
					__builtin_prefetch(v->w + (size_t)g[k] * NER_LANES);
		}
		emit(v, f, nf, e);
		float *row = sc + i * NER_LANES;
		for (int b = 0; b < NER_NTAGS; b++) {
			float best = -1e30f;
			int arg = 0;
			if (i == 0) {
				if (ner_allowed(NER_NTAGS, b))
					best = v->w ? (float)v->trans[NER_NTAGS][b]
						    : v->transf[NER_NTAGS][b];
			} else {
				const float *pr = sc + (i - 1) * NER_LANES;
				for (int a = 0; a < NER_NTAGS; a++) {
					if (!ner_allowed(a, b))
						continue;
					float s = pr[a] + (v->w ? (float)v->trans[a][b]
								: v->transf[a][b]);
					if (s > best) {
						best = s;
						arg = a;
					}
				}
			}
			row[b] = best + e[b];
			bp[i * NER_LANES + (size_t)b] = (uint8_t)arg;
		}
	}
	const float *last = sc + (n - 1) * NER_LANES;
	int g = 0;
	for (int b = 1; b < NER_NTAGS; b++)
		if (last[b] > last[g])
			g = b;
	for (size_t i = n; i-- > 0;) {
		tags[i] = (uint8_t)g;
		g = bp[i * NER_LANES + (size_t)g];
	}
}

/* ---------------------------------------------------------------- the model */

pk_ner *
pk_ner_load(const char *path, pk_status *st)
{
	pk_status dummy;
	if (!st)
		st = &dummy;
	*st = PK_ERR_IO;
	if (!path)
		return NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode) || (uint64_t)sb.st_size < sizeof(ner_hdr) ||
	    (uint64_t)sb.st_size > ((uint64_t)1 << 32)) {
		close(fd);
		*st = S_ISREG(sb.st_mode) ? PK_ERR_FORMAT : PK_ERR_IO;
		return NULL;
	}
	size_t len = (size_t)sb.st_size;
	void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	const ner_hdr *h = map;
	*st = PK_ERR_FORMAT;
	if (memcmp(h->magic, NER_MAGIC, 8) != 0 || h->version != NER_VERSION ||
	    h->endian != 0x01020304u || h->ntags != NER_NTAGS ||
	    h->featset != NER_FEATSET || h->wbits < 8 || h->wbits > 26 ||
	    h->gbits < 4 || h->gbits > 24 || h->file_size != len ||
	    h->w_off % 64 != 0 || h->g_off % 64 != 0 || h->w_off < sizeof *h ||
	    h->g_off < sizeof *h ||
	    h->w_off > len || len - h->w_off < ((uint64_t)NER_LANES * 2 << h->wbits) ||
	    h->g_off > len || len - h->g_off < ((uint64_t)8 << h->gbits) ||
	    h->cbits > 24 || h->c_off % 64 != 0 || (h->cbits && h->c_off < sizeof *h) ||
	    (h->cbits && (h->c_off > len || len - h->c_off < ((uint64_t)8 << h->cbits))) ||
	    h->bbits > 24 || h->b_off % 64 != 0 || (h->bbits && h->b_off < sizeof *h) ||
	    (h->bbits && (h->b_off > len || len - h->b_off < ((uint64_t)8 << h->bbits)))) {
		munmap(map, len);
		return NULL;
	}
	pk_ner *m = calloc(1, sizeof *m);
	if (!m) {
		munmap(map, len);
		*st = PK_ERR_NOMEM;
		return NULL;
	}
	m->map = map;
	m->len = len;
	m->v.w = (const int16_t *)(const void *)((const char *)map + h->w_off);
	m->v.wmask = (1u << h->wbits) - 1;
	m->v.gaz = (const uint64_t *)(const void *)((const char *)map + h->g_off);
	m->v.gmask = (1u << h->gbits) - 1;
	if (h->cbits) {
		m->v.clus = (const uint64_t *)(const void *)((const char *)map + h->c_off);
		m->v.cmask = (1u << h->cbits) - 1;
	}
	if (h->bbits) {
		m->v.brown = (const uint64_t *)(const void *)((const char *)map + h->b_off);
		m->v.bmask = (1u << h->bbits) - 1;
	}
	for (int a = 0; a <= NER_NTAGS; a++)
		for (int b = 0; b < NER_LANES; b++)
			m->v.trans[a][b] = h->trans[a][b];
	madvise(map, len, MADV_WILLNEED);
	*st = PK_OK;
	return m;
}

#ifndef SRCDIR_ASSETS
#define SRCDIR_ASSETS "assets"
#endif
#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/pathak/assets"
#endif

pk_ner *
pk_ner_load_default(pk_status *st)
{
	const char *env = getenv("PATHAK_NER_MODEL");
	if (env && *env)
		return pk_ner_load(env, st);
	/* the order in which the program finds its other assets */
	const char *dirs[] = { getenv("PATHAK_DATADIR"), PKGDATADIR, SRCDIR_ASSETS };
	pk_ner *m = NULL;
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs && !m; i++) {
		char path[4096];
		if (!dirs[i] || !*dirs[i])
			continue;
		size_t l = strlen(dirs[i]);
		if (l + sizeof "/ner.model" > sizeof path)
			continue;
		memcpy(path, dirs[i], l);
		memcpy(path + l, "/ner.model", sizeof "/ner.model");
		m = pk_ner_load(path, st);
	}
	return m;
}

void
pk_ner_free(pk_ner *m)
{
	if (!m)
		return;
	munmap(m->map, m->len);
	free(m);
}

/* ---------------------------------------------------------------- tagging */

static int
flush(const pk_ner *m, ner_tok *toks, size_t nt, pk_ner_span **out, size_t *n,
      size_t *cap)
{
	float sc[NER_MAXTOK * NER_LANES];
	uint8_t bp[NER_MAXTOK * NER_LANES], tags[NER_MAXTOK];
	if (nt == 0)
		return 0;
	ner_gaz_mark(&m->v, toks, nt);
	ner_viterbi(&m->v, toks, nt, tags, sc, bp);
	for (size_t i = 0; i < nt;) {
		if (tags[i] == NER_O) {
			i++;
			continue;
		}
		pk_ent_type ty = NER_TYPE(tags[i]);
		size_t j = i + 1;
		while (j < nt && tags[j] == NER_I(ty))
			j++;
		if (pk_grow(out, cap, *n + 1, sizeof **out, 16) != 0)
			return -1;
		(*out)[*n].start = toks[i].start;
		(*out)[*n].end = toks[j - 1].end;
		(*out)[*n].type = ty;
		++*n;
		i = j;
	}
	return 0;
}

/* Does a token end a sentence (। ॥ ? ! .)? */
static int
ends_sentence(const char *s, size_t ts, size_t te)
{
	if (te - ts == 1)
		return s[ts] == '?' || s[ts] == '!' || s[ts] == '.';
	return te - ts == 3 && (unsigned char)s[ts] == 0xE0 &&
	       (unsigned char)s[ts + 1] == 0xA5 &&
	       ((unsigned char)s[ts + 2] == 0xA4 || (unsigned char)s[ts + 2] == 0xA5);
}

int
pk_ner_tag(const pk_ner *m, const char *s, size_t a, size_t b,
	   pk_ner_span **out, size_t *n, size_t *cap)
{
	ner_tok toks[NER_MAXTOK];
	size_t nt = 0, pos = 0, ts, te;
	if (!m || !s || b <= a)
		return 0;
	const char *base = s + a;
	size_t len = b - a;
	while (ner_next_token(base, len, &pos, &ts, &te)) {
		ner_tok *t = toks + nt++;
		ner_tok_init(t, base + ts, te - ts);
		t->start = a + ts;
		t->end = a + te;
		if (nt == NER_MAXTOK || ends_sentence(base, ts, te)) {
			if (flush(m, toks, nt, out, n, cap) != 0)
				return -1;
			nt = 0;
		}
	}
	return flush(m, toks, nt, out, n, cap);
}

unsigned
pk_ner_word_class(const pk_ner *m, const char *s, size_t len)
{
	if (!m || !m->v.clus || len == 0)
		return 0;
	ner_tok t;
	ner_tok_init(&t, s, len);
	return ner_table_get(m->v.clus, m->v.cmask, t.word) & 0x3FF;
}
