/*
 * export.h - quotations and blocks written out: `pathak --json` and
 * `pathak --quotes`.
 *
 * JSON is encoded with jansson, never by hand: values element by element,
 * the fixed top-level skeleton around them.  Text with ill-formed UTF-8 is
 * written with U+FFFD in place of the bad bytes, so output never fails on bad
 * input.  Nothing here touches a terminal beyond writing to the FILE given.
 *
 * ---------------------------------------------------------------------------
 * The `pathak --json` contract (tests/json.sh checks it)
 *
 * One JSON object on one line, compact (no spaces), then a newline.  Strings
 * are UTF-8 as is (non-ASCII is written unescaped).  Keys always appear, in
 * exactly this order; a value that does not apply is JSON null, never an
 * absent key:
 *
 *   {
 *     "version":  string | null   pathak's version, as `pathak --version`
 *                                 prints it ("0.1.0"); null only when the
 *                                 caller passes none
 *     "source":   string | null   the file name as given; null for stdin
 *     "blocks":   [ block ... ]   every block, in document order
 *     "quotes":   [ quote ... ]   every quotation, by start offset
 *     "entities": [ mention ... ] every mention of a person, place or
 *                                 organisation, by start offset (an empty
 *                                 array before 0.2, or without a model)
 *     "encoding": string | null   null: the input was UTF-8 and every offset
 *                                 is a byte offset into the input as given.
 *                                 A string (ICU's name: "UTF-16LE",
 *                                 "ISO-8859-1", …): the input was in that
 *                                 encoding (a byte-order mark or --encoding
 *                                 said so) and was converted to UTF-8; every
 *                                 offset ("start", "end", "mention_start", …)
 *                                 is then a byte offset into that UTF-8 text,
 *                                 not into the input file.  (Since 0.2; the
 *                                 last key, so older readers are unaffected.)
 *   }
 *
 *   block = {
 *     "type":  string    "paragraph" | "title" | "meta" | "dateline" |
 *                       "caption" | "byline" (pk_block_type_name())
 *     "start": integer   first byte of the block
 *     "end":   integer   one past its last byte
 *   }
 *   Blocks do not overlap and never contain a line break:
 *   0 <= start < end <= size, and each start >= the previous end.
 *
 *   quote = {
 *     "start":         integer         first byte of the quoted text (inside
 *                                      the marks, whitespace trimmed)
 *     "end":           integer         one past its last byte
 *     "text":          string          bytes [start, end) decoded (below)
 *     "kind":          string          "direct" | "partial"
 *     "speaker":       string | null   fullest name (or descriptor) of the
 *                                      speaker found in the text, NFC; null
 *                                      when unknown; two people speaking
 *                                      at once are joined by "; " (the
 *                                      gold annotations' convention)
 *     "mention":       string | null   bytes [mention_start, mention_end)
 *                                      decoded: the words attached to this
 *                                      quote (`पुतिन`, `उन्होंने`)
 *     "mention_start": integer | null
 *     "mention_end":   integer | null
 *     "cue":           string | null   the attribution cue (`ने कहा`,
 *                                      `ने … बताया`); null when none
 *     "rule":          string          the sieve that decided (pk_quote.rule):
 *                                      with a speaker, the one that found
 *                                      it; with none, the one that made the
 *                                      pair a quotation.  One of
 *                                      cue-before cue-after dash-signoff
 *                                      cue-in-sentence ne-before
 *                                      topic-subject jab-subject
 *                                      prev-subject joint predicate
 *                                      antecedent last-speaker
 *                                      def-descriptor cataphor continuation
 *                                      clause fragment-cue
 *                                      fragment-shared-cue.  A backward-
 *                                      compatible addition (after "cue"):
 *                                      nothing before it changed
 *     "speaker_entity": integer | null the index in "entities" of the first
 *                                      mention of the speaker's entity (a
 *                                      person, or an organisation that
 *                                      speaks); null when the speaker is
 *                                      no entity (a descriptor, unknown).
 *                                      Added after "rule", the last key
 *   }
 *
 *   mention = {
 *     "start":  integer   first byte of the mention as written
 *     "end":    integer   one past its last byte
 *     "text":   string    bytes [start, end) decoded
 *     "type":   string    "PER" | "LOC" | "ORG"
 *     "entity": string    the entity's canonical name: the fullest form the
 *                         article writes, without titles, NFC (पुतिन and
 *                         राष्ट्रपति व्लादिमीर पुतिन both name व्लादिमीर पुतिन)
 *   }
 *   Mentions do not overlap: each start >= the previous mention's end.
 *   0 <= start < end <= size, and each start >= the previous quote's end
 *   (quotes never overlap, so start offsets strictly increase).  mention,
 *   mention_start and mention_end are all null or all set; when set,
 *   0 <= mention_start < mention_end <= size.  The speaker of a quote with
 *   no mention (continuing a turn) may still be set.
 *
 * Offsets are bytes of the input exactly as given (a UTF-8 BOM counts,
 * nothing is normalised), end exclusive; "size" is the input's length in
 * bytes.  "Decoded" means the bytes as UTF-8 with each ill-formed sequence
 * replaced by U+FFFD (pk_decode()'s rule) and NUL by U+2400; for well-formed
 * input without NUL, text is exactly bytes[start:end].
 *
 * Fields may be added at the end of an object in later versions; none of the
 * above will be removed, renamed, reordered or change type.
 * ---------------------------------------------------------------------------
 */
#ifndef PATHAK_EXPORT_H
#define PATHAK_EXPORT_H

#include <stdio.h>
#include "input.h"
#include "doc.h"
#include "quotes.h"
#include "entities.h"

/**
 * Write the document as one JSON object to @p out, in the format above.
 * Indexes the whole document.  Writes as it goes: memory stays at one
 * element whatever the document's size, and input pages behind the walk are
 * handed back (pk_input_release()).  On failure part of the object may have
 * been written.
 *
 * @param d        the document
 * @param q        its quotations (from pk_quotes_find()); NULL writes none
 * @param ents     its entities (from pk_entities_find()); NULL writes none
 * @param source   the file name to report (NULL gives null)
 * @param version  the program version string (NULL gives null)
 * @param out      where to write; a newline ends the object
 * @return PK_OK, PK_ERR_NOMEM, or PK_ERR_IO if writing failed
 */
pk_status pk_export_json(pk_doc *d, const pk_quotes *q, const pk_entities *ents,
                         const char *source, const char *version, FILE *out);

/**
 * pk_export_json() with the quotations pk_quotes_find() would give and no
 * entities, found while they are written: each quotation is written once
 * it is final and then freed, so that memory does not grow with the
 * document (for inputs too big for the entity pass).  The output is byte
 * for byte that of pk_export_json(d, q, NULL, ...).  On failure part of
 * the object may have been written.
 *
 * @return PK_OK, PK_ERR_NOMEM, PK_ERR_ICU (finding speakers failed), or
 *         PK_ERR_IO if writing failed
 */
pk_status pk_export_json_stream(pk_doc *d, const char *source, const char *version, FILE *out);

/**
 * Write the quotations as a readable list, one quotation per entry:
 * number, kind, speaker (or `?`), cue, the rule in braces, then the quoted
 * text on the next line.
 * Control characters in the text are shown as pk_visible() does.
 *
 * @return PK_OK, or PK_ERR_IO if writing failed
 */
pk_status pk_export_quotes_text(pk_doc *d, const pk_quotes *q, FILE *out);

/**
 * Write one entry of that list: quotation @p x of @p in, numbered
 * @p number (from 1), for a reader that writes quotations as they are
 * found (pk_quotes_final()).  The list of pk_export_quotes_text() is these
 * entries in order, or the line `(no quotations found)` when there are none.
 */
void pk_export_quote_text(const pk_input *in, const pk_quote *x, size_t number, FILE *out);

/**
 * Copy bytes [a, b) of @p s as well-formed UTF-8: each ill-formed sequence
 * becomes U+FFFD (pk_decode()'s rule), NUL becomes U+2400.
 *
 * @param len  receives the length of the result (may be NULL)
 * @return a malloc'd, NUL-terminated string, or NULL when out of memory
 */
char *pk_export_clean_utf8(const char *s, size_t a, size_t b, size_t *len);

#endif
