/*
 * translit.h - the romanized view: Hindi (Devanagari) to Latin script.
 *
 * The letters come from ICU's "Devanagari-Latin" transliterator (ISO 15919),
 * optionally folded to plain ASCII.  What ICU does not do, and this module
 * adds, is Hindi schwa deletion: ICU writes the inherent vowel after every
 * consonant (पुतिन -> "putina"); Hindi does not pronounce it word-finally
 * nor, by Ohala's rule, in most V C _ C V positions (पुतिन -> "putin",
 * समझना -> "samajhna").
 *
 * Romanization works a word at a time over the original bytes and keeps a
 * byte map, so that a match found in the romanized text (a search for
 * "putin") can be mapped back to the Devanagari it came from.
 *
 * Rules, in the order they apply:
 *
 *  - Text is cut into aksharas (consonant cluster + vowel sign + signs) and
 *    words (maximal runs of Devanagari letters).  Only Devanagari is
 *    transliterated; Latin, digits, punctuation and every other script pass
 *    through unchanged (ill-formed UTF-8 becomes U+FFFD as with pk_decode(),
 *    and NUL becomes U+2400 so that the result is a C string).
 *
 *  - Schwa deletion, per word:
 *    1. Word-final inherent 'a' is silent (कम kam, भारत bharat), except
 *       (a) in a one-syllable word (न na, व va), and
 *       (b) after a conjunct ending in य र ल व — मित्र mitra, कार्य karya,
 *       विश्व vishwa, शुक्ल shukla — but not र्व (पूर्व purv).  Other final
 *       conjuncts lose it: धर्म dharm, शब्द shabd, दोस्त dost.
 *    2. Then right to left, an inherent 'a' is silent in the context
 *       V C _ C V (Ohala 1983), where C is a single consonant and V a vowel
 *       still pronounced: कमला kamla, समझना samajhna, सरकार sarkar.  Working
 *       right to left means a deletion protects the schwa before it
 *       (समझना: sa-ma-jh(a)-na keeps the 'a' of म).
 *    An 'a' carrying anusvara, chandrabindu or visarga is never deleted.  For
 *    the context, anusvara after the inherent a (or अ) is a nasal consonant
 *    (कंपनी kampani, संगठन sangathan); after other vowels it only nasalizes
 *    them (पहुंचना pahunchna); chandrabindu always only nasalizes.
 *    3. Compounds: the rule does not see morpheme boundaries (it would give
 *    राष्ट्रपति "rashtrapti"), so a word ending in one of a few frequent
 *    second members (सभा पति पत्नी वाद वादी नगर करण वती शास्त्र व्यवस्था
 *    मंत्री मंत्रालय) has steps 1-2 applied to its two parts separately:
 *    लोक|सभा loksabha, राष्ट्र|पति rashtrapati, आतंक|वाद atankvad.
 *    Other compounds and loanwords still come out wrong (जनवरी "janavri",
 *    गांधी|नगर works but हैदर|आबाद gives "haidrabad").
 *
 *  - Anusvara before a stop becomes the homorganic nasal (जोंग jong /
 *    jōṅg, संबंध sambandh, हिंदी hindi); elsewhere it is ṁ (ISO) or n
 *    (ASCII), except before व where ASCII writes m (संविधान samvidhan).
 *    After a long vowel ASCII writes n before any consonant (गांव ganv).
 *    Chandrabindu is m̐ (ISO) or n (ASCII).  Visarga is ḥ (ISO); in ASCII it
 *    is h at the end of a word and silent inside one (दुःख dukh).
 *
 * ASCII folding (PK_ROMAN_ASCII) of ICU's ISO 15919 letters, as Hindi is
 * commonly written in Latin letters:
 *    ā ī ū ē ō -> a i u e o;  ś ṣ -> sh;  c -> ch, ch -> chh (च छ);
 *    ṭ ḍ ṇ ṅ ñ -> t d n n n;  r̥ -> ri (कृषि krishi);  ड़ ढ़ -> d dh;
 *    ज्ञ -> gy (ज्ञान gyan);  च्छ -> chh (अच्छा achha);  ŏ (ऑ) -> o;
 *    nukta: क़ q, ख़ kh, ग़ gh, ज़ z, फ़ f, य़ y;
 *    व is v, but w as a later member of a conjunct other than after र
 *    (द्वारा dwara, स्वागत swagat); ISO apostrophes are dropped.
 * PK_ROMAN_ISO15919 keeps ICU's letters (ē and ō with macrons, as ICU writes
 * them) and ICU's apostrophe between two vowels (कई ka'ī) and between a
 * dead consonant and ह (क्ह k'ha).
 *
 * Nothing here writes to a terminal or exits; all state is in the context.
 */
#ifndef PATHAK_TRANSLIT_H
#define PATHAK_TRANSLIT_H

#include <stddef.h>
#include "input.h"

/** A romanizer.  Owns its ICU transliterators and a cache; not thread-safe
 * (use one per thread). */
typedef struct pk_translit pk_translit;

/** Output style. */
typedef enum {
	PK_ROMAN_ISO15919,  /**< ICU's ISO 15919 letters with diacritics: रूस "rūs" */
	PK_ROMAN_ASCII,     /**< plain ASCII for Devanagari: रूस "rus" */
} pk_roman_style;

/**
 * Make a romanizer of @p style.
 * @param err  if not NULL, receives PK_OK, PK_ERR_NOMEM or PK_ERR_ICU
 * @return the romanizer, or NULL on failure
 */
pk_translit *pk_translit_new(pk_roman_style style, pk_status *err);

/** Free @p t and its ICU objects.  NULL is allowed. */
void pk_translit_free(pk_translit *t);

/** The style @p t was made with. */
pk_roman_style pk_translit_style(const pk_translit *t);

/**
 * Romanize bytes [@p start, @p end) of @p s.
 *
 * The bytes are UTF-8 and may be ill-formed: decoding follows pk_decode(),
 * and every code point that is not Devanagari is copied through (as U+FFFD
 * when ill-formed, as U+2400 when NUL).  Call it on whole words at least:
 * schwa deletion depends on where the word ends.  Cost is linear in
 * end - start; ICU is consulted only for aksharas not seen before.
 *
 * @param t      the romanizer
 * @param s      the text (offsets are relative to it)
 * @param start  first byte to romanize
 * @param end    one past the last; clamped to no less than @p start
 * @param map    if not NULL, receives a malloc'd array of strlen(result)+1
 *               offsets: map[i] is the absolute input offset (in
 *               [start, end)) of the code point that output byte i came from,
 *               and map[strlen(result)] is @p end.  The map never decreases.
 *               Set to NULL on failure.
 * @return a malloc'd NUL-terminated UTF-8 string the caller frees, or NULL
 *         when out of memory
 */
char *pk_translit_run(pk_translit *t, const char *s, size_t start, size_t end,
                      size_t **map);

#endif
