/*
 * fold.h - loose comparison of Hindi text: spelling variants made equal.
 *
 * News text spells the same word several ways: with or without a nukta
 * (फ़िल्म / फिल्म), chandrabindu or anusvara (हँसी / हंसी), a long or a short
 * vowel, mostly in transliterated names (दीपिका / दिपिका, रूस / रुस),
 * zero-width (non-)joiners, and Latin letters in either case.  pk_fold() maps a string to a key that is equal
 * for such variants, for search and for matching names; it is not for
 * display.
 *
 * The folding, applied after canonical decomposition (NFD), so NFC and NFD
 * input give the same key and a precomposed nukta letter (क़ U+0958) folds
 * like its decomposition (क + nukta):
 *   - nukta U+093C, ZWNJ U+200C, ZWJ U+200D and soft hyphen U+00AD are
 *     dropped (the soft hyphen in pk_fold() only);
 *   - Devanagari digits ०-९ become ASCII 0-9, in pk_fold() only;
 *   - chandrabindu U+0901 becomes anusvara U+0902;
 *   - long vowels become short: ई→इ, ऊ→उ, ॠ→ऋ and the signs ी→ि, ू→ु, ॄ→ृ;
 *   - the candra vowels of English loans become the plain ones: ऑ→ओ, ॉ→ो,
 *     ऍ→ए, ॅ→े (कॉस्मोड्रोम = कोस्मोड्रोम), in pk_fold() only;
 *   - everything else is case-folded (ICU full case folding).
 * Nothing else changes (े/ै, ो/ौ and the virama are kept: they tell words
 * apart).  A key is in no normalization form: compare keys only with keys.
 */
#ifndef PATHAK_FOLD_H
#define PATHAK_FOLD_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/**
 * The folded form of one code point of NFD text (see above): the code point
 * it maps to, or 0 when it is dropped.  Case is not folded here.
 */
static inline uint32_t
pk_fold_cp(uint32_t c)
{
	switch (c) {
	case 0x093C: case 0x200C: case 0x200D:
		return 0;
	case 0x0901: return 0x0902;
	case 0x0908: return 0x0907;
	case 0x090A: return 0x0909;
	case 0x0960: return 0x090B;
	case 0x0940: return 0x093F;
	case 0x0942: return 0x0941;
	case 0x0944: return 0x0943;
	default: return c;
	}
}

/**
 * The candra vowels folded to the plain ones (ऑ→ओ, ॉ→ो, ऍ→ए, ॅ→े).  Kept
 * apart from pk_fold_cp(), whose keys the entity model's features were
 * trained on; pk_fold() applies both.
 */
static inline uint32_t
pk_fold_vowel(uint32_t c)
{
	switch (c) {
	case 0x0911: return 0x0913;
	case 0x0949: return 0x094B;
	case 0x090D: return 0x090F;
	case 0x0945: return 0x0947;
	default: return c;
	}
}

/**
 * Fold UTF-8 text for loose comparison.  Ill-formed bytes become U+FFFD.
 *
 * @param s        the text
 * @param len      its length in bytes
 * @param out_len  receives the key's length in bytes (may be NULL)
 * @return a malloc'd, NUL-terminated UTF-8 key, or NULL when out of memory
 *         or when ICU fails
 */
char *pk_fold(const char *s, size_t len, size_t *out_len);

/**
 * Where one byte of a key came from: bytes [start, end) of the source,
 * the whole canonical segment (a character and the combining marks that
 * follow it, e.g. ज + nukta) whose folding produced the byte.  Segments are
 * the units ICU normalises independently, so a key byte never comes from
 * less than one of them.
 */
typedef struct pk_fold_src {
	size_t start, end;
} pk_fold_src;

/**
 * pk_fold() with an offset map back to the source.  The key is exactly the
 * one pk_fold() returns.
 *
 * @param s, len   the text
 * @param out_len  receives the key's length in bytes (may be NULL)
 * @param map      if not NULL, receives a malloc'd array of out_len + 1
 *                 entries: map[i] is the source range of key byte i.
 *                 Entries never decrease; key bytes [a, b) come from source
 *                 bytes [map[a].start, map[b-1].end).  map[out_len] is
 *                 {len, len}.  Dropped characters (joiners, nukta after a
 *                 space...) belong to no key byte, unless they share a segment
 *                 with one.  NULL on failure.
 * @return the key as for pk_fold(), or NULL when out of memory or when ICU
 *         fails
 */
char *pk_fold_map(const char *s, size_t len, size_t *out_len, pk_fold_src **map);

/**
 * Is there a normalisation segment boundary before code point @p c, i.e.
 * does @p c start a new segment in pk_fold_map()?  (ICU's
 * unorm2_hasBoundaryBefore() for NFD.)
 */
bool pk_fold_boundary_before(uint32_t c);

#endif
