/* settings.c - the configuration file (settings.h). */
#include "config.h"

#include "settings.h"
#include "xdg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void
settings_init(settings *c)
{
	memset(c, 0, sizeof *c);
	c->width = c->pane = c->resume = c->mouse = c->exact = c->regex = c->advance = -1;
}

bool
settings_path(char *buf, size_t n)
{
	return xdg_path(XDG_CONFIG, "config", buf, n);
}

/* One line being read: its text, number and where its words are. */
typedef struct line {
	const char *s;
	size_t len;
	size_t no;
	const char *name;
	FILE *errs;
	settings *c;
} line;

static void bad(const line *l, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Report a wrong line: "NAME:LINE:COL: message" (COL counts characters). */
static void
bad(const line *l, const char *at, const char *fmt, ...)
{
	char msg[200], full[256];
	size_t col = 1;
	for (const char *p = l->s; p < at; p++)
		col += ((unsigned char)*p & 0xC0) != 0x80;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "%s:%zu:%zu: %s", l->name, l->no, col, msg);
	if (l->errs)
		fprintf(l->errs, "%s\n", full);
	/* the status line has room for the file's own name only */
	const char *base = strrchr(l->name, '/');
	if (l->c->errors++ == 0)
		snprintf(l->c->first_error, sizeof l->c->first_error, "%s:%zu:%zu: %s",
		         base ? base + 1 : l->name, l->no, col, msg);
}

/* The next word of l from *p: its start, and its length in *n (0: none). */
static const char *
word(const line *l, const char **p, size_t *n)
{
	const char *e = l->s + l->len;
	while (*p < e && (**p == ' ' || **p == '\t'))
		++*p;
	const char *w = *p;
	while (*p < e && **p != ' ' && **p != '\t' && **p != '=')
		++*p;
	*n = (size_t)(*p - w);
	return w;
}

static bool
is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* on/off (yes/no, true/false, 1/0) into *out. */
static bool
boolean(const char *w, size_t n, int *out)
{
	if (is(w, n, "on") || is(w, n, "yes") || is(w, n, "true") || is(w, n, "1"))
		*out = 1;
	else if (is(w, n, "off") || is(w, n, "no") || is(w, n, "false") || is(w, n, "0"))
		*out = 0;
	else
		return false;
	return true;
}

/* bind KEY ACTION */
static void
bind(const line *l, const char *p)
{
	size_t kn, an, rn;
	char key[16], act[24];
	const char *k = word(l, &p, &kn), *a = word(l, &p, &an), *rest = word(l, &p, &rn);
	key_action action;
	if (!kn || !an) {
		bad(l, kn ? a : k, "bind wants a key and an action (bind KEY ACTION)");
		return;
	}
	if (rn) {
		bad(l, rest, "after bind KEY ACTION there is more");
		return;
	}
	snprintf(key, sizeof key, "%.*s", (int)(kn < sizeof key ? kn : sizeof key - 1), k);
	snprintf(act, sizeof act, "%.*s", (int)(an < sizeof act ? an : sizeof act - 1), a);
	int codes[2];
	if (kn >= sizeof key || keys_parse(key, codes) == 0) {
		bad(l, k, "'%.*s' is not a key (j, Ctrl-N, PgDn, ZZ, :x ...)", (int)kn, k);
		return;
	}
	if (an >= sizeof act || !keys_action_parse(act, &action)) {
		bad(l, a, "unknown action '%.*s' (see ACTIONS in pathak(1))", (int)an, a);
		return;
	}
	if (!keys_user_bind(&l->c->keys, key, action))
		bad(l, k, "too many bindings (at most %d)", KEYS_USER_MAX);
}

/* NAME = VALUE */
static void
setting(const line *l, const char *name, size_t nn, const char *p)
{
	const char *e = l->s + l->len;
	settings *c = l->c;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p == e || *p != '=') {
		bad(l, p, "expected '=' after '%.*s'", (int)nn, name);
		return;
	}
	p++;
	size_t vn, rn;
	const char *v = word(l, &p, &vn), *rest = word(l, &p, &rn);
	if (!vn) {
		bad(l, v, "no value for '%.*s'", (int)nn, name);
		return;
	}
	if (rn) {
		bad(l, rest, "one value after '=' (found '%.*s' too)", (int)rn, rest);
		return;
	}
	char val[32];
	snprintf(val, sizeof val, "%.*s", (int)(vn < sizeof val ? vn : sizeof val - 1), v);
	int b;
	if (is(name, nn, "render")) {
		if (vn >= sizeof val || !render_mode_parse(val, &c->render))
			bad(l, v, "render: unknown mode '%.*s' (shaped, reorder, halant, "
			    "reorder+halant, latin, interlinear, image)", (int)vn, v);
		else
			c->have_render = true;
	} else if (is(name, nn, "width")) {
		char *end;
		long w = strtol(val, &end, 10);
		if (vn >= sizeof val || *end || w < 20 || w > 10000)
			bad(l, v, "width: '%.*s' is not a number from 20 to 10000", (int)vn, v);
		else
			c->width = (int)w;
	} else if (is(name, nn, "theme")) {
		if (is(v, vn, "auto") || is(v, vn, "dark") || is(v, vn, "light") || is(v, vn, "mono"))
			snprintf(c->theme, sizeof c->theme, "%.*s", (int)vn, v);
		else
			bad(l, v, "theme: unknown theme '%.*s' (auto, dark, light, mono)", (int)vn, v);
	} else if (is(name, nn, "advance")) {
		if (is(v, vn, "wcwidth"))
			c->advance = WIDTH_WCWIDTH;
		else if (is(v, vn, "cluster"))
			c->advance = WIDTH_CLUSTER;
		else
			bad(l, v, "advance: unknown model '%.*s' (wcwidth, cluster)", (int)vn, v);
	} else if (is(name, nn, "pane") || is(name, nn, "resume") || is(name, nn, "mouse") ||
	           is(name, nn, "exact") || is(name, nn, "regex")) {
		if (!boolean(v, vn, &b)) {
			bad(l, v, "%.*s: '%.*s' is not on or off", (int)nn, name, (int)vn, v);
			return;
		}
		*(is(name, nn, "pane") ? &c->pane : is(name, nn, "resume") ? &c->resume :
		  is(name, nn, "mouse") ? &c->mouse : is(name, nn, "exact") ? &c->exact
		                                                           : &c->regex) = b;
	} else {
		bad(l, name, "unknown setting '%.*s' (render, width, theme, advance, pane, "
		    "resume, mouse, exact, regex, bind)", (int)nn, name);
	}
}

int
settings_parse(settings *c, const char *text, size_t len, const char *name, FILE *errs)
{
	int before = c->errors;
	size_t no = 0;
	for (size_t a = 0; a < len;) {
		size_t b = a;
		while (b < len && text[b] != '\n')
			b++;
		line l = { text + a, b - a, ++no, name, errs, c };
		/* a comment runs to the end of the line; so does a CR */
		for (size_t i = 0; i < l.len; i++)
			if (l.s[i] == '#' || l.s[i] == '\r') {
				l.len = i;
				break;
			}
		const char *p = l.s;
		size_t nn;
		const char *w = word(&l, &p, &nn);
		if (nn && memchr(l.s, '\0', l.len))
			bad(&l, w, "a NUL byte in the line");
		else if (nn && is(w, nn, "bind"))
			bind(&l, p);
		else if (nn)
			setting(&l, w, nn, p);
		else if (p < l.s + l.len)
			bad(&l, p, "a line that starts with '=' names no setting");
		a = b + 1;
	}
	return c->errors - before;
}

int
settings_load(settings *c, const char *path, FILE *errs)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		if (errs)
			fprintf(errs, "%s: %s\n", path, strerror(errno));
		if (c->errors++ == 0)
			snprintf(c->first_error, sizeof c->first_error, "%s: %s", path,
			         strerror(errno));
		return 1;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int bad = 0;
	for (;;) {
		if (len == cap) {
			if (cap >= (1u << 20)) {
				bad = 1;  /* no configuration is a megabyte */
				break;
			}
			char *nb = realloc(buf, cap ? 2 * cap : 4096);
			if (!nb) {
				bad = 1;
				break;
			}
			buf = nb;
			cap = cap ? 2 * cap : 4096;
		}
		size_t k = fread(buf + len, 1, cap - len, f);
		len += k;
		if (k == 0)
			break;
	}
	if (ferror(f))
		bad = 1;
	fclose(f);
	int n;
	if (bad) {
		if (errs)
			fprintf(errs, "%s: cannot read it (too big or a read error)\n", path);
		if (c->errors++ == 0)
			snprintf(c->first_error, sizeof c->first_error, "%s: cannot read it", path);
		n = 1;
	} else {
		n = settings_parse(c, buf, len, path, errs);
	}
	free(buf);
	return n;
}
