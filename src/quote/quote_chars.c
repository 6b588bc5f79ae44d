/* quote_chars.c - character classes from ICU properties, in one place. */
#include "config.h"
#include "quote_int.h"
#include "utf8.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include "fold.h"

#ifdef QC_GENERATOR
unsigned char qc_tab[QC_TAB_N];
uint16_t qc_base[QC_TAB_N];
unsigned char qc_punct[QC_PUNCT_N];
uint16_t qc_key[QC_TAB_N];
#else
#include "qc_tables.inc"  /* built by tools/gen-quote-tables from qc_build() */
#endif

#define NUKTA 0x093C
#define SHY 0x00AD

/* The classes of c, from ICU.  Called for every code point of the table
 * once, and for code points above it as they come. */
static unsigned
classify(uint32_t c)
{
	UChar32 u = (UChar32)c;
	uint32_t gc = U_GET_GC_MASK(u);
	bool deva = c >= 0x0900 && c <= 0x097F;
	/* what folding drops: the Devanagari nukta, ZWJ/ZWNJ, the soft hyphen */
	bool drop = (deva && u_getIntPropertyValue(u, UCHAR_INDIC_SYLLABIC_CATEGORY) ==
	                         U_INSC_NUKTA) ||
	            u_hasBinaryProperty(u, UCHAR_JOIN_CONTROL) || c == SHY;
	unsigned k = 0;

	/* ASCII controls count as spaces (a tab, a stray \r or \f) */
	if (c <= 0x20 || c == 0xFEFF || u_isUWhiteSpace(u))
		k |= CC_SPACE;
	/* a letter, a mark or a digit; not the dandas or the abbreviation sign */
	if ((gc & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) || drop)
		k |= CC_WORD;
	/* ओ’ब्रायन, वॉलर-ब्रिज, 3.5: the glue of one word (an en dash is not) */
	if (c == '\'' || c == 0x2018 || c == 0x2019 || c == '.' || c == '-' || c == 0x2010 ||
	    c == 0x2011)
		k |= CC_JOINER;
	if (drop)
		k |= CC_DROP | CC_FOLDY;
	if (deva) {
		int insc = u_getIntPropertyValue(u, UCHAR_INDIC_SYLLABIC_CATEGORY);
		if (insc == U_INSC_VOWEL_INDEPENDENT || insc == U_INSC_CONSONANT)
			k |= CC_WSTART;
	}
	if (gc & U_GC_ND_MASK)
		k |= CC_DIGIT;
	return k;
}

#ifdef QC_GENERATOR
/* The base letter of a precomposed nukta letter (क़ → क), else c. */
static uint32_t
nukta_base(uint32_t c)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar d[8];
	int32_t n;

	if (U_FAILURE(err))
		return c;
	n = unorm2_getRawDecomposition(nfd, (UChar32)c, d, 8, &err);
	if (U_FAILURE(err) || n != 2 || d[1] != NUKTA)
		return c;
	return d[0];
}

void
qc_build(void)
{
	for (uint32_t c = 0; c < QC_TAB_N; c++) {
		unsigned k = classify(c);
		qc_base[c] = (uint16_t)nukta_base(c);
		if (qc_base[c] != c)
			k |= CC_FOLDY;
		qc_tab[c] = (unsigned char)k;
		qc_key[c] = (uint16_t)(k & CC_DROP ? 0 : pk_fold_cp(qc_base[c]));
	}
	/* as qc_class_slow() answers: no nukta letters there */
	for (uint32_t c = 0; c < QC_PUNCT_N; c++)
		qc_punct[c] = (unsigned char)classify(QC_PUNCT_0 + c);
}

#endif

unsigned
qc_class_slow(uint32_t c)
{
	/* U+FFFD stands for ill-formed bytes: never part of a word */
	return c == 0xFFFD ? 0 : classify(c);
}

uint32_t
qc_next_slow(const char *s, size_t len, size_t *pos)
{
	return pk_decode(s, len, pos);  /* ICU's rule for ill-formed bytes */
}

int
qc_mark(uint32_t c, unsigned char *dir)
{
	/* the family and the direction each glyph is drawn with; ‚ „ ‟ « ‹
	 * open, ” » › ’ close, straight marks go either way */
	switch (c) {
	case 0x201C: case 0x201E: case 0x201F: case 0xAB:
		*dir = D_OPEN; return F_DOUBLE;
	case 0x201D: case 0xBB:
		*dir = D_CLOSE; return F_DOUBLE;
	case '"':
		*dir = D_NEUTRAL; return F_DOUBLE;
	case 0x2018: case 0x201A: case '`': case 0x2039:
		*dir = D_OPEN; return F_SINGLE;
	case 0x2019: case 0x203A:
		*dir = D_CLOSE; return F_SINGLE;
	case '\'':
		*dir = D_NEUTRAL; return F_SINGLE;
	default:
		return 0;
	}
}
