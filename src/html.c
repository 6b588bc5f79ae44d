/* html.c - pk_html_sniff(), pk_html_extract(): the article of a web page,
 * through libxml2's HTML parser and a readability-like choice of element. */
#include "config.h"
#include "html.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "grow.h"
#include "utf8.h"

/* libxml2 stops nesting at 256; this bounds our recursion whatever it does. */
#define MAX_DEPTH 512

/* ------------------------------------------------------------------ ASCII */

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* Does s[i, n) start with @p w (lower case), ignoring ASCII case? */
static bool
prefix_ci(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);

	if (i > n || n - i < k)
		return false;
	for (size_t j = 0; j < k; j++)
		if (lower(s[i + j]) != w[j])
			return false;
	return true;
}

/* Is @p s equal to @p w (lower case), ignoring ASCII case? */
static bool
eq_ci(const char *s, const char *w)
{
	size_t n = strlen(s);
	return n == strlen(w) && prefix_ci(s, n, 0, w);
}

/* Does @p s contain @p w (lower case), ignoring ASCII case? */
static bool
contains_ci(const char *s, const char *w)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++)
		if (prefix_ci(s, n, i, w))
			return true;
	return false;
}

/* ---------------------------------------------------------------- sniffing */

/* A tag name ends here: white space, '>', '/' or the end of what is read. */
static bool
name_ends(const char *s, size_t n, size_t i)
{
	return i >= n || is_ws(s[i]) || s[i] == '>' || s[i] == '/';
}

bool
pk_html_sniff(const char *s, size_t len)
{
	static const char *const tags[] = { "<html", "<head", "<body", "<meta" };
	size_t n = len < 1024 ? len : 1024, i = 0;

	if (!s)
		return false;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	for (;;) {
		while (i < n && is_ws(s[i]))
			i++;
		if (!prefix_ci(s, n, i, "<!--"))
			break;
		size_t j = i + 4;
		while (j + 3 <= n && memcmp(s + j, "-->", 3))
			j++;
		if (j + 3 > n)
			return false;  /* a comment is all we can see */
		i = j + 3;
	}
	if (prefix_ci(s, n, i, "<!doctype")) {
		size_t j = i + 9;
		if (j >= n || !is_ws(s[j]))
			return false;
		while (j < n && is_ws(s[j]))
			j++;
		return prefix_ci(s, n, j, "html") && name_ends(s, n, j + 4);
	}
	for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
		if (prefix_ci(s, n, i, tags[t]) && name_ends(s, n, i + strlen(tags[t])))
			return true;
	return false;
}

/* ------------------------------------------------------------ the tree */

/* How the extraction reads the tree. */
typedef struct ctx {
	const xmlNode *scope;  /* the article: a <header> inside it is read */
	bool no_class;         /* the id/class rule is off (the lenient search) */
} ctx;

static const char *
name_of(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : "";
}

static bool
is_tag(const xmlNode *n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && !strcmp(name_of(n), tag);
}

static bool
in_list(const char *s, size_t len, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (strlen(list[i]) == len && prefix_ci(s, len, 0, list[i]))
			return true;
	return false;
}

/* The value of attribute @p name of @p n, or NULL.  libxml2's HTML parser
 * keeps a value as one text node; anything else reads as empty. */
static const char *
attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name || strcmp((const char *)a->name, name))
			continue;
		const xmlNode *v = a->children;
		if (v && !v->next && v->type == XML_TEXT_NODE && v->content)
			return (const char *)v->content;
		return "";
	}
	return NULL;
}

static bool
is_sep(char c)
{
	return c == '-' || c == '_' || is_ws(c);
}

/* Does @p v have one of @p list as a whole word (split at - _ and space)? */
static bool
has_word(const char *v, const char *const *list, size_t nlist)
{
	size_t i = 0;

	while (v[i]) {
		while (v[i] && is_sep(v[i]))
			i++;
		size_t a = i;
		while (v[i] && !is_sep(v[i]))
			i++;
		if (i > a && in_list(v + a, i - a, list, nlist))
			return true;
	}
	return false;
}

static const char *const skip_tags[] = {
	"script", "style", "noscript", "template", "nav", "footer", "aside",
	"form", "iframe", "svg", "button", "select",
};

static const char *const junk_words[] = {
	"ad", "ads", "advert", "advertisement", "banner", "cookie", "promo",
	"related", "share", "social", "comment", "comments", "nav", "menu",
	"footer", "sidebar", "subscribe", "newsletter", "recommended",
	"outbrain", "taboola", "sponsored", "popup", "modal",
};

static bool
is_article_body(const xmlNode *n)
{
	static const char *const w[] = { "articlebody" };
	const char *v = attr(n, "itemprop");
	return v && has_word(v, w, 1);
}

static bool
inside(const xmlNode *n, const xmlNode *scope)
{
	for (; scope && n; n = n->parent)
		if (n == scope)
			return true;
	return false;
}

/* Is the subtree of element @p n left out of everything? */
static bool
skipped(const ctx *cx, const xmlNode *n)
{
	const char *nm = name_of(n), *v;

	if (n->type != XML_ELEMENT_NODE)
		return false;
	if (!strcmp(nm, "header"))
		return !inside(n, cx->scope);
	if (in_list(nm, strlen(nm), skip_tags, sizeof skip_tags / sizeof *skip_tags))
		return true;
	/* these hold the whole page: a body class such as "has-sidebar"
	 * must not throw the article away */
	if (cx->no_class || !strcmp(nm, "html") || !strcmp(nm, "body") ||
	    !strcmp(nm, "main") || !strcmp(nm, "article") || is_article_body(n))
		return false;
	return ((v = attr(n, "id")) && has_word(v, junk_words, sizeof junk_words / sizeof *junk_words)) ||
	       ((v = attr(n, "class")) && has_word(v, junk_words, sizeof junk_words / sizeof *junk_words));
}

/* Elements whose edges separate words, though their text runs together. */
static bool
breaks_words(const char *nm)
{
	static const char *const blocks[] = {
		"address", "article", "blockquote", "br", "dd", "div", "dl",
		"dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
		"hr", "li", "main", "ol", "p", "pre", "section", "table", "td",
		"th", "tr", "ul", "header", "img",
	};
	return in_list(nm, strlen(nm), blocks, sizeof blocks / sizeof *blocks);
}

static bool
byline_class(const xmlNode *n)
{
	const char *v = attr(n, "class");
	return v && (contains_ci(v, "byline") || contains_ci(v, "author"));
}

/* ------------------------------------------------------------ text */

typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

static int
sb_put(sbuf *b, const char *p, size_t k)
{
	if (pk_grow(&b->s, &b->cap, b->n + k + 1, 1, 256) < 0)
		return -1;
	memcpy(b->s + b->n, p, k);
	b->n += k;
	b->s[b->n] = '\0';
	return 0;
}

/* White space collapses to one space: ASCII, no-break and the Unicode
 * spaces and line separators. */
static bool
is_space_cp(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	       c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Never on the terminal: C0, DEL, C1 and the bidi embeddings, overrides
 * and isolates, which could reorder what the reader sees. */
static bool
is_dropped_cp(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static bool
is_quote_mark(uint32_t c)
{
	return c == 0x201C || c == '"' || c == 0x2018 || c == 0xAB || c == 0x201A;
}

/* The text of a block as it is written. */
typedef struct coll {
	const ctx *cx;
	sbuf *b;
	size_t cps, links;  /* code points written, those inside links */
	int in_link;
	bool space;         /* white space is pending */
	bool fresh;         /* nothing since the start or an opening quote */
	bool oom;
} coll;

static void
emit(coll *c, uint32_t cp)
{
	char u[5];
	size_t k = 0;

	if (c->space) {
		u[k++] = ' ';
		c->cps++;
		c->space = false;
	}
	k += pk_utf8_put(u + k, cp);
	if (sb_put(c->b, u, k))
		c->oom = true;
	c->cps++;
	if (c->in_link)
		c->links++;
	c->fresh = false;
}

static void
gap(coll *c)
{
	if (!c->fresh)
		c->space = true;
}

static void
put_text(coll *c, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n && !c->oom) {
		uint32_t cp = pk_decode(s, n, &i);
		if (is_space_cp(cp))
			gap(c);
		else if (!is_dropped_cp(cp))
			emit(c, cp);
	}
}

static void collect(coll *c, const xmlNode *n, int depth);

/* An inline quotation: “…”, unless it brings its own marks. */
static void
collect_q(coll *c, const xmlNode *q, int depth)
{
	coll before = *c;
	size_t pos = c->b->n;

	emit(c, 0x201C);
	size_t at = c->b->n;
	c->fresh = true;
	collect(c, q, depth + 1);
	if (c->oom)
		return;
	c->space = false;
	if (c->b->n == at) {
		/* empty: as if it were not there */
		c->b->n = pos;
		c->b->s[pos] = '\0';
		c->cps = before.cps;
		c->links = before.links;
		c->fresh = before.fresh;
		c->space = before.space;
		return;
	}
	size_t p = at;
	if (is_quote_mark(pk_decode(c->b->s, c->b->n, &p))) {
		memmove(c->b->s + at - 3, c->b->s + at, c->b->n - at + 1);
		c->b->n -= 3;
		c->cps--;
		return;
	}
	emit(c, 0x201D);
}

/* Append the text under @p n to the block. */
static void
collect(coll *c, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k && !c->oom; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content)
				put_text(c, (const char *)k->content);
			continue;
		}
		if (k->type != XML_ELEMENT_NODE || depth >= MAX_DEPTH || skipped(c->cx, k))
			continue;
		const char *nm = name_of(k);
		bool brk = breaks_words(nm);
		if (brk)
			gap(c);
		if (!strcmp(nm, "q")) {
			collect_q(c, k, depth);
		} else if (!strcmp(nm, "a")) {
			c->in_link++;
			collect(c, k, depth + 1);
			c->in_link--;
		} else {
			collect(c, k, depth + 1);
		}
		if (brk)
			gap(c);
	}
}

/* ------------------------------------------------------------ blocks */

/* The extraction under way. */
typedef struct ex {
	ctx cx;
	sbuf out;
	pk_html_block *blocks;
	size_t nblocks, cap;
	sbuf scratch;  /* for scoring */
} ex;

enum {
	B_LINKS = 1u << 0,  /* dropped when more than 60% link text */
	B_WRAP = 1u << 1,   /* wrapped in “ ” unless it starts with a mark */
	B_SITE = 1u << 2,   /* a <title>: cut " - Site", " | Site", " :: Site" */
};

/* Remove the last " - X", " | X" or " :: X" from text[start, *n) if
 * something remains before it. */
static void
cut_site(const char *t, size_t start, size_t *n)
{
	static const char *const seps[] = { " - ", " | ", " :: " };
	size_t best = 0;

	for (size_t i = start + 1; i < *n; i++)
		for (size_t j = 0; j < sizeof seps / sizeof *seps; j++)
			if (prefix_ci(t, *n, i, seps[j]))
				best = i;
	if (best > start)
		*n = best;
}

/* Begin a block: the separator, then an empty collector writing to out. */
static size_t
block_begin(ex *x, coll *c)
{
	size_t mark = x->out.n;

	*c = (coll){ .cx = &x->cx, .b = &x->out, .fresh = true };
	if (x->nblocks && sb_put(&x->out, "\n\n", 2))
		c->oom = true;
	return mark;
}

/* End the block begun at @p mark: kept as @p kind, or dropped when empty
 * (or, with B_LINKS, mostly links).  @return 0 or -1 (out of memory). */
static int
block_end(ex *x, coll *c, size_t mark, pk_html_kind kind, unsigned flags)
{
	sbuf *b = &x->out;
	size_t start = mark + (x->nblocks ? 2 : 0);

	if (c->oom)
		return -1;
	if ((flags & B_SITE) && b->n > start) {
		cut_site(b->s, start, &b->n);
		b->s[b->n] = '\0';
	}
	if (b->n <= start || ((flags & B_LINKS) && c->links * 10 > c->cps * 6)) {
		b->n = mark;
		if (b->s)
			b->s[b->n] = '\0';
		return 0;
	}
	size_t p = start;
	if ((flags & B_WRAP) && !is_quote_mark(pk_decode(b->s, b->n, &p))) {
		if (sb_put(b, "\xE2\x80\x9C\xE2\x80\x9D", 6))
			return -1;
		memmove(b->s + start + 3, b->s + start, b->n - 6 - start);
		memcpy(b->s + start, "\xE2\x80\x9C", 3);
		memcpy(b->s + b->n - 3, "\xE2\x80\x9D", 3);
	}
	if (pk_grow(&x->blocks, &x->cap, x->nblocks + 1, sizeof *x->blocks, 16) < 0)
		return -1;
	x->blocks[x->nblocks++] = (pk_html_block){ start, b->n, kind };
	return 0;
}

/* A block of the text under element @p n. */
static int
add_node(ex *x, const xmlNode *n, pk_html_kind kind, unsigned flags)
{
	coll c;
	size_t mark = block_begin(x, &c);

	if (!c.oom)
		collect(&c, n, 0);
	return block_end(x, &c, mark, kind, flags);
}

/* A block of the string @p s (an attribute's value). */
static int
add_string(ex *x, const char *s, pk_html_kind kind)
{
	coll c;
	size_t mark = block_begin(x, &c);

	if (!c.oom)
		put_text(&c, s);
	return block_end(x, &c, mark, kind, 0);
}

/* What a body element becomes; false for one that is not a block. */
static bool
body_kind(const xmlNode *n, pk_html_kind *kind, unsigned *flags)
{
	const char *nm = name_of(n);

	*flags = 0;
	if (!strcmp(nm, "p") || !strcmp(nm, "li")) {
		*kind = PK_HTML_PARA;
		*flags = B_LINKS;
	} else if (!strcmp(nm, "h2") || !strcmp(nm, "h3")) {
		*kind = PK_HTML_PARA;
	} else if (!strcmp(nm, "figcaption")) {
		*kind = PK_HTML_CAPTION;
	} else if (!strcmp(nm, "blockquote")) {
		*kind = PK_HTML_QUOTE;
		*flags = B_WRAP;
	} else {
		return false;
	}
	return true;
}

/* The body: the blocks under @p n in document order. */
static int
walk(ex *x, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		pk_html_kind kind;
		unsigned flags;

		/* the byline is read once, as the byline */
		if (k->type != XML_ELEMENT_NODE || skipped(&x->cx, k) || byline_class(k))
			continue;
		if (body_kind(k, &kind, &flags)) {
			if (add_node(x, k, kind, flags))
				return -1;
		} else if (depth < MAX_DEPTH && walk(x, k, depth + 1)) {
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ finding */

/* Has the subtree of @p n any text that is not white space? */
static bool
has_text(const ctx *cx, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE && k->content) {
			const char *s = (const char *)k->content;
			size_t len = strlen(s), i = 0;
			while (i < len) {
				uint32_t cp = pk_decode(s, len, &i);
				if (!is_space_cp(cp) && !is_dropped_cp(cp))
					return true;
			}
		} else if (k->type == XML_ELEMENT_NODE && depth < MAX_DEPTH &&
		           !skipped(cx, k) && has_text(cx, k, depth + 1)) {
			return true;
		}
	}
	return false;
}

/* The first element under @p n, in document order, that is a @p tag (or,
 * for a NULL tag, has a byline class and some text). */
static const xmlNode *
find(const ctx *cx, const xmlNode *n, const char *tag, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || skipped(cx, k))
			continue;
		if (tag ? is_tag(k, tag) : byline_class(k) && has_text(cx, k, 0))
			return k;
		const xmlNode *r = depth < MAX_DEPTH ? find(cx, k, tag, depth + 1) : NULL;
		if (r)
			return r;
	}
	return NULL;
}

/* The page's <meta> values that name the article. */
typedef struct metas {
	const char *title, *author, *date;
} metas;

static void
read_metas(const xmlNode *n, metas *m, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(k, "meta")) {
			const char *key = attr(k, "property"), *v = attr(k, "content");
			if (!key)
				key = attr(k, "name");
			if (!key || !v)
				continue;
			if (!m->title && eq_ci(key, "og:title"))
				m->title = v;
			else if (!m->author && eq_ci(key, "author"))
				m->author = v;
			else if (!m->date && eq_ci(key, "article:published_time"))
				m->date = v;
		} else if (depth < MAX_DEPTH) {
			read_metas(k, m, depth + 1);
		}
	}
}

/* Count the articleBody and <article> elements, remembering the first of each. */
static void
count_articles(const ctx *cx, const xmlNode *n, const xmlNode **body, size_t *nbody,
               const xmlNode **art, size_t *nart, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || skipped(cx, k))
			continue;
		if (is_article_body(k) && !(*nbody)++)
			*body = k;
		if (is_tag(k, "article") && !(*nart)++)
			*art = k;
		if (depth < MAX_DEPTH)
			count_articles(cx, k, body, nbody, art, nart, depth + 1);
	}
}

/* The best-scoring element under @p n (see html.h) into *best. */
static int
score(ex *x, const xmlNode *n, const xmlNode **best, size_t *best_score, int depth)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || skipped(&x->cx, k))
			continue;
		size_t sc = 0;
		for (const xmlNode *p = k->children; p; p = p->next) {
			if (!is_tag(p, "p") || skipped(&x->cx, p))
				continue;
			coll c = { .cx = &x->cx, .b = &x->scratch, .fresh = true };
			x->scratch.n = 0;
			collect(&c, p, 0);
			if (c.oom)
				return -1;
			sc += c.cps - c.links;
		}
		if (sc > *best_score) {
			*best = k;
			*best_score = sc;
		}
		if (depth < MAX_DEPTH && score(x, k, best, best_score, depth + 1))
			return -1;
	}
	return 0;
}

/* The element that holds the article, or NULL. */
static int
choose(ex *x, const xmlNode *root, const xmlNode **out)
{
	const xmlNode *body = NULL, *art = NULL, *best = NULL;
	size_t nbody = 0, nart = 0, best_score = 0;

	count_articles(&x->cx, root, &body, &nbody, &art, &nart, 0);
	if (nbody == 1 || nart == 1) {
		*out = nbody == 1 ? body : art;
		return 0;
	}
	if (score(x, root, &best, &best_score, 0))
		return -1;
	*out = best;
	return 0;
}

/* ------------------------------------------------------------ the page */

/* Are s[0, len) well-formed UTF-8? */
static bool
valid_utf8(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t st = i;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (pk_decode(s, len, &i) == 0xFFFD &&
		    !(i - st == 3 && !memcmp(s + st, "\xEF\xBF\xBD", 3)))
			return false;
	}
	return true;
}

/* A copy of s[0, len) with each ill-formed subpart replaced by U+FFFD: with
 * UTF-8 forced, libxml2 stops at the first bad byte. */
static char *
repair_utf8(const char *s, size_t len, size_t *out_len)
{
	char *o = malloc(len * 3 + 1);
	size_t n = 0, i = 0;

	if (!o)
		return NULL;
	while (i < len) {
		size_t st = i;
		uint32_t cp = pk_decode(s, len, &i);
		if (cp == 0xFFFD && !(i - st == 3 && !memcmp(s + st, "\xEF\xBF\xBD", 3))) {
			memcpy(o + n, "\xEF\xBF\xBD", 3);
			n += 3;
		} else {
			memcpy(o + n, s + st, i - st);
			n += i - st;
		}
	}
	o[n] = '\0';
	*out_len = n;
	return o;
}

/* Parse s[0, len) as UTF-8 HTML into *doc. */
static pk_status
parse(const char *s, size_t len, htmlDocPtr *doc)
{
	char *fixed = NULL;
	size_t flen = 0;
	htmlParserCtxtPtr pc;
	bool oom;

	*doc = NULL;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
		s += 3;
		len -= 3;
	}
	if (!valid_utf8(s, len)) {
		fixed = repair_utf8(s, len, &flen);
		if (!fixed)
			return PK_ERR_NOMEM;
		s = fixed;
		len = flen;
	}
	if (len > INT_MAX) {
		free(fixed);
		return PK_ERR_TOOBIG;
	}
	xmlInitParser();
	pc = htmlNewParserCtxt();
	if (!pc) {
		free(fixed);
		return PK_ERR_NOMEM;
	}
	/* pk_input has made the bytes UTF-8: a <meta charset> is ignored */
	*doc = htmlCtxtReadMemory(pc, len ? s : "", (int)len, NULL, "UTF-8",
	                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	                          HTML_PARSE_IGNORE_ENC);
	oom = pc->errNo == XML_ERR_NO_MEMORY;
	htmlFreeParserCtxt(pc);
	free(fixed);
	if (oom) {
		xmlFreeDoc(*doc);
		*doc = NULL;
		return PK_ERR_NOMEM;
	}
	return *doc ? PK_OK : PK_ERR_FORMAT;
}

/* The nearest <article> around @p n (or @p n): its header is the article's. */
static const xmlNode *
article_of(const xmlNode *n)
{
	for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (is_tag(p, "article"))
			return p;
	return n;
}

/* Title, date, byline and body of the article in @p root into x->out. */
static int
extract(ex *x, const xmlNode *root)
{
	metas m = { 0 };
	const xmlNode *art = NULL, *e;
	pk_html_kind kind;
	unsigned flags;
	size_t head;

	/* strictly first; then with the id/class rule only inside the article */
	if (choose(x, root, &art))
		return -1;
	if (!art) {
		x->cx.no_class = true;
		if (choose(x, root, &art))
			return -1;
		x->cx.no_class = false;
	}
	if (!art)
		return 0;
	x->cx.scope = article_of(art);
	read_metas(root, &m, 0);

	if (m.title && add_string(x, m.title, PK_HTML_TITLE))
		return -1;
	if (!x->nblocks && (e = find(&x->cx, x->cx.scope, "h1", 0)) &&
	    add_node(x, e, PK_HTML_TITLE, 0))
		return -1;
	if (!x->nblocks && (e = find(&x->cx, root, "title", 0)) &&
	    add_node(x, e, PK_HTML_TITLE, B_SITE))
		return -1;

	head = x->nblocks;
	if ((e = find(&x->cx, x->cx.scope, "time", 0)) && add_node(x, e, PK_HTML_META, 0))
		return -1;
	if (x->nblocks == head && m.date && add_string(x, m.date, PK_HTML_META))
		return -1;

	head = x->nblocks;
	if (m.author && add_string(x, m.author, PK_HTML_BYLINE))
		return -1;
	if (x->nblocks == head) {
		e = find(&x->cx, x->cx.scope, NULL, 0);
		if (!e)
			e = find(&x->cx, root, NULL, 0);
		if (e && add_node(x, e, PK_HTML_BYLINE, 0))
			return -1;
	}

	head = x->nblocks;
	if (body_kind(art, &kind, &flags) ? add_node(x, art, kind, flags) : walk(x, art, 0))
		return -1;
	if (x->nblocks == head) {
		/* a title without a body is no article */
		x->nblocks = 0;
		x->out.n = 0;
	}
	return 0;
}

pk_status
pk_html_extract(const char *s, size_t len, pk_html_text *out)
{
	ex x = { 0 };
	htmlDocPtr doc;
	const xmlNode *root;
	pk_status st;

	memset(out, 0, sizeof *out);
	if (len > PK_HTML_MAX)
		return PK_ERR_TOOBIG;
	if ((st = parse(s ? s : "", s ? len : 0, &doc)) != PK_OK)
		return st;
	root = xmlDocGetRootElement(doc);
	if (root && extract(&x, root)) {
		st = PK_ERR_NOMEM;
	} else if (x.nblocks ? sb_put(&x.out, "\n", 1) : sb_put(&x.out, "", 0)) {
		st = PK_ERR_NOMEM;
	}
	xmlFreeDoc(doc);
	free(x.scratch.s);
	if (st != PK_OK) {
		free(x.out.s);
		free(x.blocks);
		return st;
	}
	out->text = x.out.s;
	out->len = x.out.n;
	out->blocks = x.blocks;
	out->nblocks = x.nblocks;
	if (!x.nblocks) {
		free(x.blocks);
		out->blocks = NULL;
	}
	return PK_OK;
}

void
pk_html_free(pk_html_text *t)
{
	if (!t)
		return;
	free(t->text);
	free(t->blocks);
	memset(t, 0, sizeof *t);
}

pk_status
pk_html_input(pk_input *in, bool *was)
{
	pk_html_text t;
	pk_status st;
	if (was)
		*was = false;
	if (in->growing || !pk_html_sniff(in->bytes, in->len))
		return PK_OK;
	if ((st = pk_html_extract(in->bytes, in->len, &t)) != PK_OK)
		return st;
	if (was)
		*was = true;
	char *text = t.text;
	size_t len = t.len;
	t.text = NULL;
	pk_html_free(&t);
	pk_input_replace(in, text, len);
	return PK_OK;
}
