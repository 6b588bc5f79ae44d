/*
 * html.h - the article of a web page, as plain text.
 *
 * A saved news page (or `curl URL | pathak`) is mostly not the article:
 * menus, cookie banners, advertisements, share buttons, related links,
 * comments.  pk_html_extract() parses the page with libxml2's HTML parser
 * (never regular expressions over HTML), chooses the element that holds the
 * article and writes its title, date, byline and body out as blocks of plain
 * UTF-8 text, one block a line, for the document model to read like any
 * other article.
 *
 * Choosing the article, deterministically:
 *   - exactly one element with itemprop="articleBody", else exactly one
 *     <article>, is the article;
 *   - otherwise every element with <p> children is scored: the text of its
 *     direct <p> children in code points, less the text of links inside
 *     them; the highest score wins (the first, on a tie).
 * These subtrees never count and never come out: script, style, noscript,
 * template, nav, header (except one inside the article, whose h1, <time>
 * and byline are read), footer, aside, form, iframe, svg, button, select,
 * and any element whose id or class has one of the words ad, ads, advert,
 * advertisement, banner, cookie, promo, related, share, social, comment,
 * comments, nav, menu, footer, sidebar, subscribe, newsletter, recommended,
 * outbrain, taboola, sponsored, popup, modal (case-insensitive; words are
 * separated by -, _ and white space).  <html>, <body>, <main>, <article> and
 * the articleBody element are exempt from the id and class rule, which
 * otherwise would throw a whole page away for a body class such as
 * "has-sidebar".  When nothing is found that way, the search is repeated
 * with the id and class rule applied inside the chosen element only.
 *
 * No curses, no terminal I/O, no globals.  libxml2 is initialised by its
 * parser as needed and never cleaned up here (the caller may parse again).
 */
#ifndef PATHAK_HTML_H
#define PATHAK_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"

/** Pages larger than this are refused with PK_ERR_TOOBIG: 64 MiB. */
#define PK_HTML_MAX ((size_t)64 << 20)

/**
 * Does @p s [0, @p len) look like HTML?  After an optional UTF-8 byte-order
 * mark and white space, and after any number of `<!-- ... -->` comments,
 * it must start with `<!doctype html`, `<html`, `<head`, `<body` or `<meta`
 * (case-insensitive) followed by white space, `>` or `/` (or the end of the
 * bytes looked at).  Only the first 1024 bytes are looked at.
 */
bool pk_html_sniff(const char *s, size_t len);

/** What a block of extracted text is. */
typedef enum {
	PK_HTML_TITLE,    /**< the headline: always the first block, if any */
	PK_HTML_META,     /**< the date of publication */
	PK_HTML_BYLINE,   /**< the author */
	PK_HTML_PARA,     /**< a paragraph, a subheading (h2, h3) or a list item */
	PK_HTML_CAPTION,  /**< a figure's caption */
	PK_HTML_QUOTE,    /**< a block quotation, wrapped in “ ” */
} pk_html_kind;

/** One block: bytes [start, end) of pk_html_text.text, without the line break. */
typedef struct pk_html_block {
	size_t start, end;
	pk_html_kind kind;
} pk_html_block;

/**
 * The text of an article.  @c text is the blocks, each one line (every run
 * of white space, line breaks included, collapsed to one space, and
 * trimmed), separated by exactly one blank line, the last followed by one
 * "\n".  It never holds a control character: C0 controls, DEL, C1 controls
 * and the bidirectional embedding, override and isolate controls
 * (U+202A..U+202E, U+2066..U+2069) are dropped, and a no-break space is a
 * plain space.  An empty text (len 0, no blocks) means the page had no
 * article.
 */
typedef struct pk_html_text {
	char *text;              /**< malloc'd, NUL-terminated UTF-8 */
	size_t len;              /**< bytes of @c text, without the NUL */
	pk_html_block *blocks;   /**< in order of start */
	size_t nblocks;
} pk_html_text;

/**
 * Extract the article of the page @p s [0, @p len) into @p out.
 *
 * The page is read as UTF-8 whatever its <meta charset> says (pk_input has
 * already converted any other encoding); ill-formed bytes become U+FFFD.
 * libxml2 stops reading at a NUL byte, so text after one is lost.
 *
 * The blocks, in order: the title (og:title, else the article's first <h1>,
 * else <title> less a trailing " - Site", " | Site" or " :: Site"); a
 * PK_HTML_META block with the date (the article's first <time>, else the
 * article:published_time meta), if any; a PK_HTML_BYLINE block with the
 * author (meta name="author", else the text of the first element whose
 * class contains "byline" or "author"), if any; then the body in document
 * order: <p>, <h2>, <h3> and <li> as PK_HTML_PARA, <figcaption> as
 * PK_HTML_CAPTION, <blockquote> as PK_HTML_QUOTE wrapped in “ ” unless it
 * starts with a quotation mark (“ " ‘ « ‚).  An inline <q> is wrapped in
 * “ ” the same way inside its block.  Empty blocks are dropped, and so is a
 * <p> or <li> more than 60% of whose text is link text.  When no body block
 * is found, the text is empty.
 *
 * @param s    the page's bytes (need not be NUL-terminated)
 * @param len  their number
 * @param out  receives the text, to free with pk_html_free(); zeroed on error
 * @return PK_OK (also for a page with no article), PK_ERR_TOOBIG for a page
 *         over PK_HTML_MAX, PK_ERR_NOMEM, or PK_ERR_FORMAT when libxml2
 *         builds no document.
 */
pk_status pk_html_extract(const char *s, size_t len, pk_html_text *out);

/** Free what pk_html_extract() put in @p t and zero it; safe on a zeroed struct. */
void pk_html_free(pk_html_text *t);

/**
 * If @p in (whole: a stream read to its end) is an HTML page, make it the
 * page's article: the input becomes the extracted text (pk_input_replace),
 * so that every offset (--json, --dump, the pager) refers to that text.
 * @param was  set to whether it was HTML (may be NULL)
 * @return PK_OK (also for a page with no article: the input is then
 *         empty), or the error of pk_html_extract() (the input unchanged)
 */
pk_status pk_html_input(pk_input *in, bool *was);

#endif
