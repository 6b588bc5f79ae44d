/* main.c - options, input, and the event loop. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <curses.h>
#include <term.h>

#include "colors.h"
#include "doc.h"
#include "draw.h"
#include "dump.h"
#include "early.h"
#include "entities.h"
#include "export.h"
#include "guard.h"
#include "input.h"
#include "keys.h"
#include "html.h"
#include "i18n.h"
#include "artlist.h"
#include "listscr.h"
#include "quotes.h"
#include "pager.h"
#include "places.h"
#include "render.h"
#include "settings.h"
#include "search.h"
#include "term.h"
#include "width.h"

#define EXIT_USAGE 2
#define FOLLOW_MS 250  /* F on a file: how often it is looked at */
#define SAMPLE "articles/seed.txt"

static void
usage(FILE *f)
{
	fputs(
"Usage: pathak [OPTION]... [+/WORD] [FILE]...\n"
"Read a Hindi (Devanagari) news article in the terminal.\n"
"With no FILE, read standard input if it is not a terminal, otherwise open\n"
"the bundled sample article.  With several, :n and :p move between them.\n"
"An article reopens where it was left, in the render mode chosen there.\n"
"\n"
"  -d, --dump          print the laid-out lines to standard output and exit\n"
"  -w, --width=N       widest text column in cells (default 80)\n"
"      --render=MODE   how to draw Devanagari: shaped, reorder, halant,\n"
"                      reorder+halant, latin or interlinear (default: chosen\n"
"                      for the terminal; --dump defaults to shaped)\n"
"      --advance=MODEL the terminal's cursor advance: wcwidth or cluster\n"
"                      (default: measured at start-up)\n"
"      --probe         report what the terminal does with Devanagari, the\n"
"                      mode chosen and why, and check the drawing; then exit\n"
"      --pane          open the entity pane beside the text at start (as e)\n"
"      --theme=THEME   colours for a dark or light background, or mono\n"
"                      (default: from the background the terminal reports)\n"
"  -p, --pattern=WORD  open at the first match of WORD (as +/WORD)\n"
"  -e, --exact         search without spelling variants (no folding)\n"
"      --regex         searches are ICU regular expressions\n"
"  +/WORD, +?WORD      open at the first (+? the last) match of WORD\n"
"  +&WORD              show only the paragraphs that match WORD\n"
"      --json          print blocks, quotations and entities as one JSON object\n"
"                      and exit\n"
"      --quotes        print the quotations with their speakers and exit\n"
"      --encoding=NAME decode the input from NAME (ISO-8859-1, windows-1252,\n"
"                      UTF-16LE...; default UTF-8, or UTF-16/32 by a BOM)\n"
"      --binary        read a file that looks binary without asking\n"
"      --no-mouse      leave the mouse to the terminal (by default the wheel\n"
"                      scrolls and a click picks a quotation or an entity)\n"
"      --no-resume     open at the start, and do not remember where reading\n"
"                      stopped (kept in $XDG_STATE_HOME/pathak/places)\n"
"      --max-input=SIZE  stop reading standard input or a device after SIZE\n"
"                      bytes (K, M, G suffixes; default 1G)\n"
"      --help-keys[=man]  list the keys (as the manual's troff with =man) and exit\n"
"      --help-terminals[=man]  the render mode chosen for each terminal, and why\n"
"  -h, --help          display this help and exit\n"
"  -V, --version       output version information and exit\n"
"\n"
"Keys (as in less): j/k line, Space/b page, g/G start/end, F follow, 20G line 20,\n"
"50% percent, / ? search, n/N next/previous match, & filter, ]/[ quotations,\n"
"\" quotation list, e entity pane, r render mode, = position, h help, q quit;\n"
"--help-keys lists them all.\n"
"Exit status: 0 if OK, 1 on a runtime failure (a write error, a file that\n"
"changed while read), 2 on a usage or input error, 128+N killed by signal N.\n"
"\n"
"As a pager: MANPAGER=pathak man ls, GIT_PAGER=pathak git log (overstrikes and\n"
"colours from standard input come out; lines without Devanagari are kept).\n"
"\n"
"Report bugs to the issue tracker of the pathak repository; please give\n"
"'pathak --version', 'pathak --probe' and, if you can, the article.\n", f);
}

static void
version(void)
{
	printf("pathak %s\n"
	       "Copyright (C) 2026 the pathak authors.\n"
	       "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n", PACKAGE_VERSION);
}

/* The end of what went to standard output: a write error (a full disk,
 * /dev/full) is one line on stderr and status 1; a closed pipe (pathak ...
 * | head, with SIGPIPE ignored) ends quietly with status 1. */
static int
stdout_end(int rc)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (errno != EPIPE)
		fprintf(stderr, "pathak: write error: %s\n", strerror(errno ? errno : EIO));
	return EXIT_FAILURE;
}

/* --help-keys: the help screen's lines, or the manual's KEYS section. */
static int
print_keys(bool man)
{
	char line[256];
	if (man)
		keys_man(stdout);
	else
		for (size_t i = 0; keys_help_line(i, line, sizeof line); i++)
			puts(line);
	return stdout_end(EXIT_SUCCESS);
}

/* A bundled file (the sample article, the NER model): in $PATHAK_DATADIR,
 * the installed assets, or the source tree. */
static const char *
asset_path(const char *name, char *buf, size_t n)
{
	const char *dirs[] = { getenv("PATHAK_DATADIR"), PKGDATADIR, SRCDIR_ASSETS };
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(buf, n, "%s/%s", dirs[i], name);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

/* The entities of @p doc with speakers named through them, or an empty set
 * (with a line on stderr) when the model is missing or the input too big. */
static pk_status
find_entities(pk_doc *doc, pk_quotes *q, pk_entities *e)
{
	pk_status st = PK_OK;
	pk_ner *ner = NULL;

	memset(e, 0, sizeof *e);
	if (pk_doc_input(doc)->len > PK_ENTITIES_MAX_BYTES) {
		fprintf(stderr, "pathak: entities left out: the input is over %u MB\n",
		        PK_ENTITIES_MAX_BYTES >> 20);
		return PK_OK;
	}
	if (!(ner = pk_ner_load_default(&st))) {
		fprintf(stderr, "pathak: entities left out: no entity model (ner.model): %s\n",
		        pk_status_str(st));
		return PK_OK;
	}
	st = pk_entities_find(doc, ner, q, e);
	if (st == PK_OK)
		st = pk_entities_link_speakers(e, doc, q);
	pk_ner_free(ner);
	return st;
}

/* A bare ESC that curses did not decode starts an escape sequence no key
 * maps to: most often a terminal's late answer to the start-up probe
 * (a position report, XTVERSION).  Read the rest of it and drop it, so it
 * never acts as keys. */
static bool
swallow_sequence(void)
{
	int ch, st = 0;
	timeout(50);
	ch = getch();
	if (ch == '[' || ch == ']' || ch == 'P') {
		int intro = ch;
		while ((ch = getch()) != ERR) {
			if (intro == '[' && ch >= 0x40 && ch <= 0x7e)
				break;          /* CSI final byte */
			if (intro != '[' && (ch == 7 || (st && ch == '\\')))
				break;          /* BEL or ST ends a string */
			st = ch == 27;
		}
		return true;
	}
	if (ch != ERR)
		ungetch(ch);
	return false;  /* a bare ESC: a key like any other */
}

/* @p name made safe for the terminal: controls (C0, DEL, C1), the
 * bidirectional controls and ill-formed bytes become '?'. */
static void
safe_name(const char *name, char *out, size_t cap)
{
	size_t len = strlen(name), o = 0;
	for (size_t p = 0; p < len && o + 5 < cap;) {
		size_t q = p;
		uint32_t cp = pk_decode(name, len, &q);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFD || width_is_bidi(cp)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, name + p, q - p);
			o += q - p;
		}
		p = q;
	}
	out[o] = '\0';
}

/* @p s (a file name, an argument) made safe for an error message: a name
 * may hold ESC or bidi controls that would work on the terminal. */
static const char *
shown(const char *s)
{
	static char buf[PATH_MAX + 8];
	safe_name(s, buf, sizeof buf);
	return buf;
}

/* Is --@p a (up to an '=') the start of more than one long option? */
static bool
ambiguous(const struct option *o, const char *a)
{
	size_t n = strcspn(a, "="), hits = 0;
	for (; o->name; o++)
		hits += strncmp(o->name, a, n) == 0;
	return hits > 1;
}

/* Has the terminal gone away (hung up, or the other side of a pty
 * closed)?  curses cannot say: a read with no wait returns ERR as when no
 * key was typed, and a failed write is dropped.  poll() says at once. */
static bool
term_gone(int keys_fd)
{
	struct pollfd pf[2] = { { keys_fd, POLLIN, 0 }, { STDOUT_FILENO, POLLOUT, 0 } };
	if (poll(pf, 2, 0) <= 0)
		return false;
	return ((pf[0].revents | pf[1].revents) & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* less's question before showing a file that looks binary: 1 for yes,
 * 0 for no, -1 when the terminal went away. */
static int
see_binary(const char *name)
{
	char safe[256];
	safe_name(name, safe, sizeof safe);
	erase();
	mvprintw(LINES > 0 ? LINES - 1 : 0, 0, "%s may be a binary file.  See it anyway? (y/n) ",
	         safe);
	draw_refresh();
	timeout(-1);
	int ch;
	while ((ch = getch()) == KEY_RESIZE)
		;
	if (ch == ERR)
		return -1;
	return ch == 'y' || ch == 'Y';
}

/* What leaves the screen, from the terminal's description, for the fatal
 * signal handler (guard.h): attributes off, the cursor shown, the keypad
 * reset, the alternate screen left.  Padding ($<5>) is dropped. */
static size_t
leave_sequence(char *buf, size_t cap)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	size_t n = 0;
	for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
		const char *c = tigetstr(caps[i]);
		if (!c || c == (char *)-1)
			continue;
		for (; *c && n < cap; c++) {
			if (c[0] == '$' && c[1] == '<' && strchr(c, '>')) {
				c = strchr(c, '>');
				continue;
			}
			buf[n++] = *c;
		}
	}
	return n;
}

/* Open the file @p path as pathak reads an article: an HTML page becomes
 * the article it holds (html.h). */
static pk_status
open_article(pk_input *in, const char *path)
{
	pk_status st = pk_input_open(in, path);
	if (st == PK_OK && (st = pk_html_input(in, NULL)) != PK_OK)
		pk_input_close(in);
	return st;
}

/* The file being read, which R reads again. */
typedef struct reading {
	pk_input *in;         /* main's input, or one R opened (owned) */
	pk_doc *doc;
	pk_input *owned;      /* the input R opened, freed with the doc */
	const char *path;     /* NULL: standard input */
	guard_stamp stamp;    /* the file as opened */
	bool changed;         /* truncated, rewritten or replaced since */
	place pl;             /* where it was left (places.h); pl.key 0: not kept */
	bool resume;          /* keep and restore places (not --no-resume) */
} reading;

/* The files of the command line (and those :e added), and which is read. */
typedef struct filelist {
	char **v;
	size_t n, cap, cur;
} filelist;

static char note_buf[PATH_MAX + 64];

/* Where r's file was left, from the places file: r->pl (its key 0 when
 * standard input, or resume is off). */
static bool
place_find(reading *r)
{
	char path[PATH_MAX];
	place_init(&r->pl, 0);
	if (!r->resume || !r->path || r->in->growing || !places_path(path, sizeof path))
		return false;
	place_init(&r->pl, place_key(r->in->bytes, r->in->len));
	return places_get(path, r->pl.key, &r->pl) == 1;
}

/* The render mode r's place asks for, if any and if no --render said
 * otherwise. */
static void
place_mode(const reading *r, bool have_render, pager_opts *po)
{
	render_mode m;
	if (!have_render && !po->ascii && r->pl.mode[0] && render_mode_parse(r->pl.mode, &m))
		po->mode = m;
}

/* Put pager p at r's place: the top (unless a search is to find where)
 * and the marks. */
static void
place_apply(const reading *r, pager *p, const pager_opts *po)
{
	if (!r->pl.key)
		return;
	if (r->pl.when && !(po->search && *po->search) && r->pl.top > 0) {
		pager_jump(p, r->pl.top);
		pager_note(p, _("back where you left off ('' goes to the start)"));
	}
	pager_set_marks(p, r->pl.marks);
}

/* Remember where p is in r's file (a read-only home: quietly not). */
static void
place_keep(reading *r, pager *p)
{
	char path[PATH_MAX];
	if (!r->pl.key || !places_path(path, sizeof path))
		return;
	r->pl.top = pager_top_offset(p);
	if (pager_mode_chosen(p))
		snprintf(r->pl.mode, sizeof r->pl.mode, "%s", render_mode_name(pager_mode(p)));
	memcpy(r->pl.marks, pager_marks(p), sizeof r->pl.marks);
	r->pl.when = (long long)time(NULL);
	places_put(path, &r->pl);
}

/* Open @p path as an article into a new input and document (the file's
 * stamp in @p stamp).  @return false with the reason, made safe for the
 * screen, in @p why. */
static bool
open_doc(const char *path, pk_input **in, pk_doc **doc, guard_stamp *stamp, char *why,
         size_t n)
{
	pk_status st;
	*doc = NULL;
	if (!(*in = calloc(1, sizeof **in))) {
		snprintf(why, n, "%s", _("out of memory"));
		return false;
	}
	guard_stamp_get(path, stamp);
	if ((st = open_article(*in, path)) != PK_OK) {
		safe_name(path, why, n > 40 ? n - 40 : n);
		size_t k = strlen(why);
		snprintf(why + k, n - k, ": %s", st == PK_ERR_ISDIR ? "Is a directory" :
		         st == PK_ERR_NOTFILE ? "not a regular file" : strerror(errno));
	} else if (!(*doc = pk_doc_new(*in))) {
		pk_input_close(*in);
		snprintf(why, n, "%s", _("out of memory"));
	} else {
		return true;
	}
	free(*in);
	*in = NULL;
	return false;
}

/* Open @p path and put a new pager over it in place of p: R (the same
 * file again, at offset @p off), :n, :p and :e (at the file's own place,
 * @p off PLACE_NONE).  On failure the old one stays, with a note. */
static pager *
switch_file(pager *p, reading *r, const char *path, pager_opts *po, bool have_render,
            size_t off)
{
	pk_input *nin;
	pk_doc *nd;
	pager *np;
	guard_stamp stamp;

	if (!path) {
		pager_note(p, _("standard input cannot be read again"));
		return p;
	}
	if (!open_doc(path, &nin, &nd, &stamp, note_buf, sizeof note_buf)) {
		pager_note(p, note_buf);
		return p;
	}
	reading old = *r;
	r->in = nin;
	r->path = path;
	if (off == PLACE_NONE) {
		place_find(r);
		po->mode = pager_mode(p);  /* the mode goes on to the next file ... */
		place_mode(r, have_render, po);  /* ... unless it has its own */
	}
	po->name = path;
	if (!(np = pager_new(nd, po))) {
		pk_doc_free(nd);
		pk_input_close(nin);
		free(nin);
		*r = old;
		pager_note(p, _("out of memory"));
		return p;
	}
	if (off == PLACE_NONE)
		place_keep(&old, p);
	else
		pager_set_marks(np, pager_marks(p));
	pager_free(p);
	early_drop(po->early);  /* it may still be reading the old document */
	po->early = NULL;
	guard_map(NULL, 0);
	pk_doc_free(old.doc);
	pk_input_close(old.in);
	free(old.owned);
	r->owned = nin;
	r->doc = nd;
	r->stamp = stamp;
	size_t mlen;
	const void *m = pk_input_mapping(nin, &mlen);
	guard_map(m, mlen);
	r->changed = false;
	if (off != PLACE_NONE) {
		if (r->pl.key)
			r->pl.key = place_key(nin->bytes, nin->len);  /* R: it may have changed */
		pager_goto_offset(np, off);
	} else {
		place_apply(r, np, po);
	}
	return np;
}

/* The files of the command line, copied (:e adds to them, the list's
 * Enter replaces them).  @return false when out of memory. */
static bool
files_from_argv(filelist *fl, char **v, int n)
{
	if (n <= 0)
		return true;
	if (!(fl->v = calloc((size_t)n, sizeof *fl->v)))
		return false;
	fl->cap = (size_t)n;
	for (int i = 0; i < n; i++)
		if (!(fl->v[fl->n++] = strdup(v[i]))) {
			fl->n--;
			return false;
		}
	return true;
}

static void
files_free(filelist *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		free(fl->v[i]);
	free(fl->v);
	fl->v = NULL;
	fl->n = fl->cap = 0;
}

/* :n, :p and :e: the file to read next, or NULL (with a note). */
static const char *
next_file(pager *p, filelist *fl, pager_req req, long count, const char *name)
{
	if (req == PAGER_OPEN) {
		if (fl->n == fl->cap) {
			size_t cap = fl->cap ? 2 * fl->cap : 8;
			char **v = realloc(fl->v, cap * sizeof *v);
			if (!v) {
				pager_note(p, _("out of memory"));
				return NULL;
			}
			fl->v = v;
			fl->cap = cap;
		}
		char *copy = strdup(name);
		if (!copy) {
			pager_note(p, _("out of memory"));
			return NULL;
		}
		/* after the current one, as less's :e */
		memmove(fl->v + fl->cur + 2, fl->v + fl->cur + 1,
		        (fl->n - fl->cur - 1) * sizeof *fl->v);
		fl->v[fl->cur + 1] = copy;
		fl->n++;
		return copy;
	}
	if (req == PAGER_NEXT && fl->cur + 1 >= fl->n) {
		pager_note(p, fl->n > 1 ? _("no next file (this is the last)") : _("no next file"));
		return NULL;
	}
	if (req == PAGER_PREV && fl->cur == 0) {
		pager_note(p, fl->n > 1 ? _("no previous file (this is the first)") : _("no previous file"));
		return NULL;
	}
	size_t step = count > 0 ? (size_t)count : 1;
	if (req == PAGER_NEXT)
		return fl->v[fl->cur + step < fl->n ? fl->cur + step : fl->n - 1];
	return fl->v[fl->cur >= step ? fl->cur - step : 0];
}

/* v: run $VISUAL (else $EDITOR, else vi) on r's file at the line of the
 * top of the screen, with curses set aside; as system() does, Ctrl-C and
 * Ctrl-\\ are the editor's meanwhile.  @return false (with a note) when
 * there is no file or the editor could not run. */
static bool
run_editor(pager *p, const reading *r)
{
	if (!r->path) {
		pager_note(p, _("v: standard input is no file to edit"));
		return false;
	}
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	size_t top = pager_top_offset(p), line = 1;
	for (size_t i = 0; i < top && i < r->in->len; i++)
		line += r->in->bytes[i] == '\n';
	char arg[32];
	snprintf(arg, sizeof arg, "+%zu", line);
	if (setenv("PATHAK_ED", ed, 1) != 0) {
		pager_note(p, _("out of memory"));
		return false;
	}
	def_prog_mode();
	endwin();
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		/* the editor may be a command with arguments ("code -w") */
		execl("/bin/sh", "sh", "-c", "exec $PATHAK_ED \"$@\"", "sh", arg, r->path,
		      (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127) {
		snprintf(note_buf, sizeof note_buf, _("v: could not run %s"), ed);
		pager_note(p, note_buf);
		return false;
	}
	return true;
}

/* The wheel and clicks, as less --mouse: presses are reported at once
 * (no click timing); Shift still selects text in most terminals. */
static void
mouse_on(void)
{
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	          | BUTTON5_PRESSED
#endif
	          , NULL);
	mouseinterval(0);
}

/* Open @p path into r, which holds nothing (the article list's Enter).
 * @return false with the reason in @p why. */
static bool
load_reading(reading *r, const char *path, char *why, size_t n)
{
	pk_input *in;
	if (!open_doc(path, &in, &r->doc, &r->stamp, why, n))
		return false;
	r->in = r->owned = in;
	r->path = path;
	r->changed = false;
	size_t mlen;
	const void *m = pk_input_mapping(in, &mlen);
	guard_map(m, mlen);
	place_find(r);
	return true;
}

/* Let go of r's file (back to the article list). */
static void
unload_reading(reading *r)
{
	guard_map(NULL, 0);
	pk_doc_free(r->doc);
	pk_input_close(r->in);
	free(r->owned);
	r->doc = NULL;
	r->in = r->owned = NULL;
	r->path = NULL;
}

/* The article list's rows shown, in order, as the files :n and :p (and
 * the reader's n and p) move through; the one at @p sel current. */
static bool
list_files(filelist *fl, const artlist *al, size_t sel)
{
	for (size_t i = 0; i < fl->n; i++)
		free(fl->v[i]);
	fl->n = fl->cur = 0;
	size_t n = artlist_shown(al);
	if (n > fl->cap) {
		char **v = realloc(fl->v, n * sizeof *v);
		if (!v)
			return false;
		fl->v = v;
		fl->cap = n;
	}
	for (size_t i = 0; i < n; i++)
		if (!(fl->v[fl->n++] = strdup(artlist_row(al, i)->path))) {
			fl->n--;
			return false;
		}
	fl->cur = sel < fl->n ? sel : 0;
	return true;
}

static int
run_curses(reading *r, filelist *fl, const pager_opts *po0, bool have_render, bool mouse,
           bool keys_from_tty, const char *binary, artlist *al)
{
	listscr *ls = NULL;
	char why[PATH_MAX + 64];
	pager_opts opts = *po0, *po = &opts;
	FILE *tty = NULL;
	SCREEN *scr;
	pager *p;
	struct termios modes;
	bool have_modes;
	char leave[256];
	int rc = EXIT_SUCCESS, err = 0;
	const char *changed_note = po->ascii ? "file changed - R to reload"
	                                     : _("file changed \u2014 R to reload");

	if (keys_from_tty) {
		/* Input came down a pipe: keys come from the terminal, as in less. */
		tty = fopen("/dev/tty", "r");
		if (!tty) {
			fprintf(stderr, "pathak: cannot open /dev/tty for keys: %s\n", strerror(errno));
			return EXIT_FAILURE;
		}
	}
	/* the modes a fatal signal puts back (curses sets them on its output) */
	have_modes = tcgetattr(STDOUT_FILENO, &modes) == 0;
	guard_init(true);
	scr = newterm(NULL, stdout, tty ? tty : stdin);
	if (!scr) {
		fprintf(stderr, "pathak: cannot use this terminal (TERM=%s)\n",
		        shown(getenv("TERM") ? getenv("TERM") : ""));
		if (tty)
			fclose(tty);
		return EXIT_FAILURE;
	}
	guard_term(STDOUT_FILENO, have_modes ? &modes : NULL, leave,
	           leave_sequence(leave, sizeof leave));
	int keys_fd = tty ? fileno(tty) : STDIN_FILENO;
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	{
		/* Ctrl-S is a key (the quotation list saves), not XOFF; curses
		 * puts the terminal's own modes back at the end */
		struct termios t;
		if (tcgetattr(keys_fd, &t) == 0) {
			t.c_iflag &= ~(tcflag_t)IXON;
			tcsetattr(keys_fd, TCSANOW, &t);
			def_prog_mode();
		}
	}
	keypad(stdscr, TRUE);
	curs_set(0);
	if (mouse)
		mouse_on();
	colors_init(po->theme, po->bg);

	int see = binary ? see_binary(binary) : 1;
	if (see <= 0) {
		endwin();
		guard_term(-1, NULL, NULL, 0);
		delscreen(scr);
		if (tty)
			fclose(tty);
		if (see == 0)
			return EXIT_SUCCESS;
		fputs("pathak: cannot use the terminal: "
		      "input/output error (the terminal went away)\n", stderr);
		return EXIT_FAILURE;
	}
	if (al) {
		/* pathak DIR: the list first; the reader comes and goes */
		p = NULL;
		po->in_list = true;
		ls = listscr_new(al, po->model, po->mode, po->ascii);
	} else {
		ls = NULL;
		p = pager_new(r->doc, po);
	}
	if (!p && !ls) {
		endwin();
		guard_term(-1, NULL, NULL, 0);
		delscreen(scr);
		fputs("pathak: out of memory\n", stderr);
		return EXIT_FAILURE;
	}
	if (p)
		place_apply(r, p, po);
	for (bool dirty = true;;) {
		if (!p) {
			/* the article list */
			if (dirty) {
				listscr_draw(ls);
				draw_refresh();
				listscr_overlay(ls);
				dirty = false;
				if (term_gone(keys_fd)) {
					err = EIO;
					rc = EXIT_FAILURE;
					break;
				}
			}
			bool busy = listscr_busy(ls);
			timeout(busy ? 0 : -1);
			errno = 0;
			int ch = getch();
			if (ch == ERR) {
				if (busy) {
					if (term_gone(keys_fd)) {
						err = EIO;
						rc = EXIT_FAILURE;
						break;
					}
					dirty = listscr_idle(ls);
					continue;
				}
				if (errno == EINTR)
					continue;
				err = errno ? errno : EIO;
				rc = EXIT_FAILURE;
				break;
			}
			dirty = true;
			if (ch == 27 && swallow_sequence())
				continue;
			ls_result lr = listscr_key(ls, ch);
			if (lr == LS_QUIT)
				break;
			if (lr != LS_OPEN)
				continue;
			if (!list_files(fl, al, listscr_selected(ls))) {
				listscr_note(ls, _("out of memory"));
				continue;
			}
			if (!load_reading(r, fl->v[fl->cur], why, sizeof why)) {
				listscr_note(ls, why);
				continue;
			}
			po->name = r->path;
			po->file = (int)fl->cur + 1;
			po->files = (int)fl->n;
			po->mode = po0->mode;
			place_mode(r, have_render, po);
			if (!(p = pager_new(r->doc, po))) {
				unload_reading(r);
				listscr_note(ls, _("out of memory"));
				continue;
			}
			place_apply(r, p, po);
			continue;
		}
		if (!r->changed && guard_map_faulted())
			r->changed = dirty = true;  /* the file shrank under us */
		if (dirty) {
			if (r->changed)
				pager_note(p, changed_note);
			pager_draw(p);
			draw_refresh();
			pager_overlay(p);
			dirty = false;
			if (term_gone(keys_fd)) {
				err = EIO;  /* the screen: curses dropped what it wrote */
				rc = EXIT_FAILURE;
				break;
			}
			continue;  /* drawing may have met the change */
		}
		/* While background work remains (the paragraph index, the
		 * quotations), poll so that idle time does it; then block.  F on
		 * a file looks at it a few times a second. */
		bool busy = pager_busy(p), following = r->path && pager_following_file(p);
		timeout(busy ? 0 : following ? FOLLOW_MS : -1);
		errno = 0;
		int ch = getch();
		if (ch == ERR) {
			if (busy) {
				if (term_gone(keys_fd)) {
					err = EIO;  /* or it would work on for no one */
					rc = EXIT_FAILURE;
					break;
				}
				dirty = pager_idle(p);  /* redraw only when it shows */
				continue;
			}
			if (errno == EINTR)
				continue;  /* a signal that curses handled */
			if (following && !term_gone(keys_fd)) {
				guard_stamp now;
				guard_stamp_get(r->path, &now);
				if (guard_stamp_changed(&r->stamp, &now) ||
				    guard_stamp_rewritten(&r->stamp, &now)) {
					/* it grew (or was replaced): read it again, at its end */
					pager *np = switch_file(p, r, r->path, po, have_render,
					                        SIZE_MAX - 1);
					pager_follow_file(np);
					p = np;
					dirty = true;
				}
				continue;
			}
			err = errno ? errno : EIO;
			rc = EXIT_FAILURE;  /* the terminal went away */
			break;
		}
		dirty = true;
		if (!r->changed && r->path) {
			guard_stamp now;
			guard_stamp_get(r->path, &now);
			r->changed = guard_stamp_changed(&r->stamp, &now);
		}
		if (ch == 27 && swallow_sequence())
			continue;
		if (!pager_key(p, ch)) {
			long count;
			const char *name;
			pager_req req = pager_request(p, &count, &name);
			if (req == PAGER_NONE && ls) {
				/* q in the reader: back to the list, on this article */
				place_keep(r, p);
				pager_free(p);
				p = NULL;
				listscr_select_path(ls, r->path);
				unload_reading(r);
				continue;
			}
			if (req == PAGER_NONE)
				break;
			if (req == PAGER_EDIT) {
				if (run_editor(p, r))
					p = switch_file(p, r, r->path, po, have_render, pager_top_offset(p));
				if (mouse)
					mouse_on();  /* the editor may have reset the modes */
				continue;
			}
			if (req == PAGER_RELOAD) {
				p = switch_file(p, r, r->path, po, have_render, pager_top_offset(p));
				continue;
			}
			const char *next = next_file(p, fl, req, count, name);
			if (!next)
				continue;
			size_t i = 0;
			while (i < fl->n && fl->v[i] != next)
				i++;
			int was_file = po->file, was_files = po->files;
			po->file = (int)i + 1;
			po->files = (int)fl->n;
			pager *np = switch_file(p, r, next, po, have_render, PLACE_NONE);
			if (np != p) {
				fl->cur = i;
			} else {
				/* it did not open: the old file stays, and a name :e
				 * added goes again */
				po->file = was_file;
				po->files = was_files;
				if (req == PAGER_OPEN) {
					free(fl->v[i]);
					memmove(fl->v + i, fl->v + i + 1, (fl->n - i - 1) * sizeof *fl->v);
					fl->n--;
				}
			}
			p = np;
		}
	}
	if (p) {
		place_keep(r, p);
		pager_free(p);
		if (ls)
			unload_reading(r);
	}
	listscr_free(ls);
	endwin();
	guard_term(-1, NULL, NULL, 0);
	delscreen(scr);
	if (tty)
		fclose(tty);
	if (err)
		fprintf(stderr, "pathak: cannot use the terminal: %s\n",
		        err == EIO ? "input/output error (the terminal went away)" : strerror(err));
	return rc;
}

/* --json and --quotes: analyse the whole document and print. */
/* "1G", "512M", "4096": a size in bytes; false if it is not one. */
static bool
parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned shift = 0;
	if (end == s || errno || *s == '-')
		return false;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	case 't': case 'T': shift = 40; end++; break;
	}
	if (*end == 'i' && shift)
		end++;
	if ((*end == 'B' || *end == 'b') && end[1] == '\0')
		end++;
	if (*end || v == 0 || v > (SIZE_MAX >> shift))
		return false;
	*out = (size_t)v << shift;
	return true;
}

/* The first screenful of a stream, or what arrives within 100 ms. */
static pk_status
prefill(pk_input *in)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (in->growing && in->len < (16u << 10)) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		long ms = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms >= 100)
			break;
		pk_status st = pk_input_pump(in, 64u << 10, (int)(100 - ms));
		if (st != PK_OK)
			return st;
	}
	return PK_OK;
}

/* Does what has arrived of @p in hold Devanagari (U+0900..U+097F)?  Text
 * without any through standard input, or text that had terminal formatting
 * (pk_input.formatted), is another program's output for a pager (man,
 * git) and is shown as it is laid out. */
static bool
has_devanagari(const pk_input *in)
{
	for (size_t i = 0; i + 1 < in->len; i++)
		if ((unsigned char)in->bytes[i] == 0xE0 &&
		    ((unsigned char)in->bytes[i + 1] == 0xA4 || (unsigned char)in->bytes[i + 1] == 0xA5))
			return true;
	return false;
}

/* Say on stderr what the input's encoding needs (for the non-pager modes). */
static void
encoding_note(const pk_input *in, const char *name)
{
	if (in->detected[0])
		fprintf(stderr, "pathak: %s: not valid UTF-8; it may be %s (try --encoding=%s)\n",
		        shown(name), in->detected, in->detected);
	if (in->capped)
		fprintf(stderr, "pathak: %s: stopped reading at %zu bytes (--max-input)\n",
		        shown(name), in->limit);
}

static int
run_export(pk_doc *doc, bool json, const char *source)
{
	pk_quotes q;
	pk_status st;
	pk_entities e;

	if (json && pk_doc_input(doc)->len > PK_ENTITIES_MAX_BYTES) {
		/* no entity pass to wait for: quotations written as found, so
		 * that memory does not grow with the file */
		fprintf(stderr, "pathak: entities left out: the input is over %u MB\n",
		        PK_ENTITIES_MAX_BYTES >> 20);
		st = pk_export_json_stream(doc, source, PACKAGE_VERSION, stdout);
		goto written;
	}
	st = pk_quotes_find(doc, &q);
	if (st != PK_OK) {
		fprintf(stderr, "pathak: finding quotations failed: %s\n", pk_status_str(st));
		return EXIT_FAILURE;
	}
	if ((st = find_entities(doc, &q, &e)) != PK_OK) {
		fprintf(stderr, "pathak: finding entities failed: %s\n", pk_status_str(st));
		pk_quotes_free(&q);
		return EXIT_FAILURE;
	}
	st = json ? pk_export_json(doc, &q, &e, source, PACKAGE_VERSION, stdout)
	          : pk_export_quotes_text(doc, &q, stdout);
	pk_entities_free(&e);
	pk_quotes_free(&q);
written:
	if (st == PK_OK && fflush(stdout) == 0)
		return EXIT_SUCCESS;
	if ((st == PK_OK || st == PK_ERR_IO) && errno == EPIPE)
		return EXIT_FAILURE;  /* the reader went away (| head): quietly */
	fprintf(stderr, "pathak: cannot write the output: %s\n",
	        st == PK_OK || st == PK_ERR_IO ? strerror(errno) : pk_status_str(st));
	return EXIT_FAILURE;
}

/* --quotes on a stream: each quotation written once it is final, while
 * the stream is still read.  Speakers are named as the quotation finder
 * names them: the entity pass (a fuller name from anywhere in the text)
 * needs the whole text. */
static int
run_quotes_stream(pk_doc *doc, pk_input *in)
{
	pk_quotes_job *j = pk_quotes_start_stream(doc);
	pk_status st = j ? PK_OK : PK_ERR_NOMEM;
	size_t printed = 0;
	bool done = false, werr = false;

	while (st == PK_OK && !done && !werr) {
		const pk_quote *v;
		st = pk_quotes_step(j, 1u << 20, &done);
		for (size_t n = pk_quotes_final(j, &v); printed < n; printed++)
			pk_export_quote_text(in, &v[printed], printed + 1, stdout);
		if (st != PK_OK || done || !pk_quotes_waiting(j))
			continue;
		if (fflush(stdout) != 0 || ferror(stdout))
			werr = true;
		else if ((st = pk_input_pump(in, 1u << 20, -1)) == PK_OK)
			pk_doc_grew(doc);
	}
	pk_quotes_job_free(j);
	if (st != PK_OK && !werr) {
		fprintf(stderr, "pathak: finding quotations failed: %s\n", pk_status_str(st));
		return EXIT_FAILURE;
	}
	if (!werr && !printed)
		fputs("(no quotations found)\n", stdout);
	if (!werr && fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_SUCCESS;
	if (errno == EPIPE)
		return EXIT_FAILURE;  /* the reader went away (| head): quietly */
	fprintf(stderr, "pathak: cannot write the output: %s\n", strerror(errno));
	return EXIT_FAILURE;
}

/* --probe: what the terminal is, how it advances, the mode and why, and a
 * drawn test line checked by a cursor position report.  ASCII only. */
static int
probe_report(bool utf8, const render_mode *forced, color_theme theme)
{
	static const char *const labels[TERM_PROBE_N] = { "ki", "ksha", "sthi" };
	term_info ti;
	const char *t = getenv("TERM");
	int want, got;

	term_detect(utf8, &ti);
	render_mode mode = forced ? *forced : ti.mode;
	if (ti.in_tmux)
		printf("terminal:      tmux, inside %s (%s; TERM=%s", term_kind_name(ti.kind),
		       ti.kind == TERM_UNKNOWN ? "tmux did not say" : ti.kind_why, t ? t : "");
	else
		printf("terminal:      %s (TERM=%s", term_kind_name(ti.kind), t ? t : "");
	if (ti.xtversion[0]) {
		printf(", XTVERSION \"");
		for (const char *c = ti.xtversion; *c; c++)
			putchar(*c >= 0x20 && *c < 0x7f ? *c : '?');
		putchar('"');
	}
	printf(")\n");
	if (!ti.probed)
		printf("probe:         not run (%s)\n",
		       !isatty(STDOUT_FILENO) ? "standard output is not a terminal" :
		       !utf8 ? "the locale is not UTF-8" : "TERM is dumb, linux or unset");
	else if (!ti.answered)
		printf("probe:         no answer within %d ms\n", TERM_PROBE_MS);
	else {
		printf("advances:     ");
		for (int i = 0; i < TERM_PROBE_N; i++)
			printf(" %s %d", labels[i], ti.adv[i]);
		printf("   (wcwidth model 2 2 3, cluster model 1 2 2)\n");
		printf("ZWNJ:          a+ZWNJ+b %d (3: ZWNJ takes a column)\n", ti.zwnj_adv);
	}
	printf("advance model: %s (%s)\n", ti.model == WIDTH_CLUSTER ? "cluster" : "wcwidth",
	       ti.model_why);
	if (ti.probed && ti.answered) {
		printf("graphics:      %s",
		       ti.gfx == TERM_GFX_KITTY ? "kitty graphics (its query answered OK)" :
		       ti.gfx == TERM_GFX_SIXEL ? "sixel (attribute 4 of DA1)" :
		       ti.in_tmux ? "none (tmux passes no images)" : "none");
		if (ti.cell_w > 0 && ti.cell_h > 0)
			printf("; cell %dx%d px", ti.cell_w, ti.cell_h);
#ifdef HAVE_HARFBUZZ
		printf("\n");
#else
		printf(" (built without HarfBuzz: no image mode)\n");
#endif
	}
	printf("mode 2027:     %s\n",
	       ti.decrqm_2027 < 0 ? "no answer" : ti.decrqm_2027 == 0 ? "not recognized" :
	       ti.decrqm_2027 == 1 || ti.decrqm_2027 == 3 ? "set" : "reset");
	printf("render mode:   %s (%s)\n", render_mode_name(mode),
	       forced ? "--render" : ti.mode_why);
	if (mode == RENDER_IMAGE)  /* typed text stays text */
		printf("text mode:     %s (what is not a picture; all, where none can be "
		       "drawn)\n", render_mode_name(ti.text_mode));
	{
		const char *nc = getenv("NO_COLOR");
		color_theme th = colors_resolve(theme, ti.bg_known ? &ti.bg : NULL);
		printf("background:    ");
		if (ti.bg_known)
			printf("#%02x%02x%02x (%s)\n", ti.bg.r, ti.bg.g, ti.bg.b, ti.bg_why);
		else
			printf("%s\n", ti.probed ? "not reported (OSC 11)" : "unknown");
		printf("theme:         %s (%s)\n", nc && *nc ? "mono" : colors_theme_name(th),
		       nc && *nc ? "NO_COLOR" : theme != THEME_AUTO ? "--theme" :
		       ti.bg_known ? "from the background" :
		       "the background is unknown: colour on highlights only");
	}
	fflush(stdout);
	if (!ti.probed || !ti.answered || !utf8) {
		printf("check:         SKIP (no terminal to check)\n");
		return EXIT_SUCCESS;
	}
	int in_fd = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
	FILE *tty = NULL;
	if (in_fd < 0 && (tty = fopen("/dev/tty", "r")))
		in_fd = fileno(tty);
	printf("check:         drawing a test line\n");
	fflush(stdout);
	if (in_fd < 0 || term_check_line(in_fd, STDOUT_FILENO, ti.model,
	                                 mode == RENDER_IMAGE ? ti.text_mode : mode, 1000, &want,
	                                 &got) < 0) {
		printf("check:         FAIL (could not draw or ask)\n");
		if (tty)
			fclose(tty);
		return EXIT_FAILURE;
	}
	if (tty)
		fclose(tty);
	/* A cursor report checks positions, not glyphs; inside tmux it is
	 * tmux's grid that answers, not the terminal outside. */
	printf("check:         %s: the cursor is at column %d, the layout says %d\n"
	       "               (positions only%s)\n",
	       got == want ? "PASS" : "FAIL", got, want,
	       ti.in_tmux ? ", as tmux counts them: the terminal outside is not asked" :
	                    ": whether the letters look right, look");
	return got == want ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* After --json, --quotes or --dump: a file that shrank while it was read
 * (its lost pages read as zeros) or was rewritten in place gave output
 * that is no file's: say so and fail. */
static int
file_end(const reading *r, int rc)
{
	guard_stamp now;
	bool changed = guard_map_faulted();
	if (!changed && r->path) {
		guard_stamp_get(r->path, &now);
		changed = guard_stamp_rewritten(&r->stamp, &now);
	}
	if (!changed)
		return rc;
	fprintf(stderr, "pathak: %s: file changed while reading\n",
	        r->path ? shown(r->path) : "(stdin)");
	return EXIT_FAILURE;
}

/* $PATHAK_OPTIONS (as less's $LESS): options split at blanks, put before
 * the command line's so that those win.  Returns the new argv (argv itself
 * when the variable is unset or blank), with *argc updated; NULL when out
 * of memory.  The strings live as long as the program. */
static char **
env_options(int *argc, char **argv)
{
	const char *env = getenv("PATHAK_OPTIONS");
	size_t n = 0;
	char *copy, *tok, *save;
	char **v;
	if (!env || !env[strspn(env, " \t\n")])
		return argv;
	if (!(copy = strdup(env)) || !(v = calloc((size_t)*argc + strlen(env) / 2 + 2, sizeof *v))) {
		free(copy);
		return NULL;
	}
	v[n++] = argv[0];
	for (tok = strtok_r(copy, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save))
		v[n++] = tok;
	for (int i = 1; i < *argc; i++)
		v[n++] = argv[i];
	v[n] = NULL;
	*argc = (int)n;
	return v;
}

/* --theme's and the configuration's theme names. */
static bool
theme_parse(const char *s, color_theme *t)
{
	static const struct { const char *name; color_theme t; } names[] = {
		{ "auto", THEME_AUTO }, { "dark", THEME_DARK }, { "light", THEME_LIGHT },
		{ "mono", THEME_MONO },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(s, names[i].name) == 0) {
			*t = names[i].t;
			return true;
		}
	return false;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "width", required_argument, NULL, 'w' },
		{ "json", no_argument, NULL, 'J' },
		{ "quotes", no_argument, NULL, 'Q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "render", required_argument, NULL, 256 },
		{ "probe", no_argument, NULL, 257 },
		{ "advance", required_argument, NULL, 258 },
		{ "help-keys", optional_argument, NULL, 259 },
		{ "pane", no_argument, NULL, 260 },
		{ "pattern", required_argument, NULL, 'p' },
		{ "exact", no_argument, NULL, 'e' },
		{ "regex", no_argument, NULL, 261 },
		{ "encoding", required_argument, NULL, 262 },
		{ "max-input", required_argument, NULL, 263 },
		{ "binary", no_argument, NULL, 264 },
		{ "theme", required_argument, NULL, 265 },
		{ "help-terminals", optional_argument, NULL, 266 },
		{ "no-resume", no_argument, NULL, 267 },
		{ "no-mouse", no_argument, NULL, 268 },
		{ NULL, 0, NULL, 0 },
	};
	bool dump = false, probe = false, have_render = false, have_advance = false, utf8;
	bool pane = false, binary_ok = false, resume = true, mouse = true, have_width = false;
	filelist fl = { 0 };
	color_theme theme = THEME_AUTO;
	pk_input_opts io = { 0 };
	const char *search = NULL;
	int search_kind = 0;
	unsigned search_flags = 0;
	width_model advance = WIDTH_WCWIDTH;
	render_mode render = RENDER_SHAPED;
	enum { EXPORT_NONE, EXPORT_JSON, EXPORT_QUOTES } export = EXPORT_NONE;
	int width = 80, c;
	char pathbuf[PATH_MAX];
	const char *path = NULL, *name;
	pk_input in;
	pk_status st;
	pk_doc *doc;
	int rc;

	i18n_init(setlocale(LC_ALL, "") != NULL);
	width_init();
	/* the configuration first, then $PATHAK_OPTIONS and the command line
	 * over it; a wrong line is said and skipped (settings.h) */
	static settings cfg;
	char cfgpath[PATH_MAX], cfgnote[320] = "";
	settings_init(&cfg);
	if (settings_path(cfgpath, sizeof cfgpath) && settings_load(&cfg, cfgpath, stderr) > 0)
		snprintf(cfgnote, sizeof cfgnote, "%s%s", cfg.first_error,
		         cfg.errors > 1 ? " (and more: see standard error)" : "");
	if (cfg.width > 0)
		width = cfg.width;
	if (cfg.theme[0])
		theme_parse(cfg.theme, &theme);
	if (cfg.pane > 0)
		pane = true;
	if (cfg.resume == 0)
		resume = false;
	if (cfg.mouse == 0)
		mouse = false;
	if (cfg.exact > 0)
		search_flags |= PK_SEARCH_EXACT;
	if (cfg.regex > 0)
		search_flags |= PK_SEARCH_REGEX;
	if (cfg.advance >= 0) {
		advance = (width_model)cfg.advance;
		have_advance = true;
	}
	if (!(argv = env_options(&argc, argv))) {
		fputs("pathak: out of memory\n", stderr);
		return EXIT_FAILURE;
	}
	opterr = 0;  /* getopt's messages would echo the argument raw: ours below */
	while ((c = getopt_long(argc, argv, ":dw:hVp:e", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dump = true;
			break;
		case 'w': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 10000) {
				fprintf(stderr, "pathak: invalid width '%s' (1 to 10000)\n", shown(optarg));
				return EXIT_USAGE;
			}
			width = (int)v;
			have_width = true;
			break;
		}
		case 'J':
			export = EXPORT_JSON;
			break;
		case 'Q':
			export = EXPORT_QUOTES;
			break;
		case 256:
			if (!render_mode_parse(optarg, &render)) {
				fprintf(stderr, "pathak: invalid render mode '%s' (shaped, reorder, "
				        "halant, reorder+halant, latin, interlinear)\n", shown(optarg));
				return EXIT_USAGE;
			}
			have_render = true;
			break;
		case 257:
			probe = true;
			break;
		case 258:
			if (strcmp(optarg, "wcwidth") != 0 && strcmp(optarg, "cluster") != 0) {
				fprintf(stderr, "pathak: invalid advance model '%s' (wcwidth, cluster)\n",
				        shown(optarg));
				return EXIT_USAGE;
			}
			advance = strcmp(optarg, "cluster") == 0 ? WIDTH_CLUSTER : WIDTH_WCWIDTH;
			have_advance = true;
			break;
		case 260:
			pane = true;
			break;
		case 'p':
			search = optarg;
			search_kind = '/';
			break;
		case 'e':
			search_flags |= PK_SEARCH_EXACT;
			break;
		case 261:
			search_flags |= PK_SEARCH_REGEX;
			break;
		case 262:
			if (!pk_input_encoding_known(optarg)) {
				fprintf(stderr, "pathak: unknown encoding '%s' (ISO-8859-1, "
				        "windows-1252, UTF-16LE, ...)\n", shown(optarg));
				return EXIT_USAGE;
			}
			io.encoding = optarg;
			break;
		case 263:
			if (!parse_size(optarg, &io.max_bytes)) {
				fprintf(stderr, "pathak: invalid size '%s' (as 512M or 1G)\n", shown(optarg));
				return EXIT_USAGE;
			}
			break;
		case 264:
			binary_ok = true;
			break;
		case 267:
			resume = false;
			break;
		case 268:
			mouse = false;
			break;
		case 265:
			if (!theme_parse(optarg, &theme)) {
				fprintf(stderr, "pathak: invalid theme '%s' (auto, dark, light, mono)\n",
				        optarg);
				return EXIT_USAGE;
			}
			break;
		case 266:
			if (optarg && strcmp(optarg, "man") != 0) {
				fprintf(stderr, "pathak: invalid --help-terminals format '%s' (man)\n",
				        optarg);
				return EXIT_USAGE;
			}
			term_mode_table(stdout, optarg != NULL);
			return stdout_end(EXIT_SUCCESS);
		case 259:
			if (optarg && strcmp(optarg, "man") != 0) {
				fprintf(stderr, "pathak: invalid --help-keys format '%s' (man)\n", shown(optarg));
				return EXIT_USAGE;
			}
			return print_keys(optarg != NULL);
		case 'h':
			usage(stdout);
			return stdout_end(EXIT_SUCCESS);
		case 'V':
			version();
			return stdout_end(EXIT_SUCCESS);
		default: {
			const char *a = argv[optind - 1];
			bool lng = strncmp(a, "--", 2) == 0;
			if (c == ':' && lng)
				fprintf(stderr, "pathak: option '%s' requires an argument\n", shown(a));
			else if (c == ':')
				fprintf(stderr, "pathak: option requires an argument -- '%c'\n", optopt);
			else if (!lng && optopt > ' ' && optopt < 0x7F)
				fprintf(stderr, "pathak: invalid option -- '%c'\n", optopt);
			else
				fprintf(stderr, "pathak: %s option '%s'\n",
				        lng && ambiguous(longopts, a + 2) ? "ambiguous" : "unrecognized",
				        shown(a));
			fputs("Try 'pathak --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
		}
	}
	{
		const char *cs = nl_langinfo(CODESET);
		utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	}
	if (probe)
		return stdout_end(probe_report(utf8, have_render ? &render : NULL, theme));
	/* less's +command before the file: +/word, +?word, +&word */
	for (int i = optind; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '+')
			continue;
		if (!strchr("/?&", a[1]) || (!a[2] && a[1] != '&')) {
			fprintf(stderr, "pathak: unknown command '%s' (+/WORD, +?WORD, +&WORD)\n", shown(a));
			return EXIT_USAGE;
		}
		search = a + 2;
		search_kind = a[1];
		memmove(argv + i, argv + i + 1, (size_t)(argc - i - 1) * sizeof *argv);
		argc--;
		i--;
	}
	if (argc - optind > 1) {
		bool printing = export != EXPORT_NONE || dump || !isatty(STDOUT_FILENO);
		if (printing) {
			fputs("pathak: --dump, --json, --quotes and output that is not a terminal "
			      "take one FILE\n", stderr);
			return EXIT_USAGE;
		}
		for (int i = optind; i < argc; i++)
			if (strcmp(argv[i], "-") == 0) {
				fputs("pathak: standard input (-) cannot be one of several files\n",
				      stderr);
				return EXIT_USAGE;
			}
	}
	/* the files :n and :p move between (each is opened when reached);
	 * the list is made just before the screen, so no early exit leaks it */
	int nfiles = optind < argc && strcmp(argv[optind], "-") != 0 ? argc - optind : 0;
	struct stat dst;
	if (nfiles == 1 && stat(argv[optind], &dst) == 0 && S_ISDIR(dst.st_mode) &&
	    export == EXPORT_NONE && !dump && isatty(STDOUT_FILENO) && !probe) {
		/* pathak DIR: the article list */
		artlist *al = artlist_open(argv[optind], &st);
		if (!al) {
			fprintf(stderr, "pathak: %s: %s\n", shown(argv[optind]), pk_status_str(st));
			return EXIT_USAGE;
		}
		term_info ti;
		term_detect(utf8, &ti);
		width_set_zwnj_cell(ti.zwnj_cell);
		pager_opts po = { .width = width, .model = have_advance ? advance : ti.model,
		                  .mode = have_render ? render : cfg.have_render ? cfg.render : ti.mode,
		                  .deva = render_mode_roman(ti.text_mode) ? RENDER_REORDER
		                                                          : ti.text_mode,
		                  .ascii = !utf8, .search = search, .search_kind = search_kind,
		                  .search_flags = search_flags, .theme = theme,
		                  .bg = ti.bg_known ? &ti.bg : NULL, .gfx = ti.gfx,
		                  .cell_w = ti.cell_w, .cell_h = ti.cell_h,
		                  .text_mode = ti.text_mode, .keys = &cfg.keys,
		                  .note = cfgnote[0] ? cfgnote : NULL };
		reading rd = { .resume = resume };
		rc = run_curses(&rd, &fl, &po, have_render, mouse, !isatty(STDIN_FILENO), NULL, al);
		artlist_free(al);
		files_free(&fl);
		return rc;
	}
	if (nfiles) {
		path = argv[optind];
		st = pk_input_open_opts(&in, path, &io);
		name = path;
	} else if (optind < argc || !isatty(STDIN_FILENO)) {
		/* as a pager (man, git): their bold and colours come out */
		io.plain = true;
		st = pk_input_stream_fd(&in, STDIN_FILENO, &io);
		name = "(stdin)";
	} else {
		path = asset_path(SAMPLE, pathbuf, sizeof pathbuf);
		if (!path) {
			fputs("pathak: the bundled sample article was not found; give a FILE\n", stderr);
			return EXIT_USAGE;
		}
		st = pk_input_open_opts(&in, path, &io);
		name = path;
	}
	/* --quotes of a stream writes as it reads, even one that has ended by
	 * now: the output must not depend on how fast the writer was */
	bool streamed = st == PK_OK && in.growing;
	if (st == PK_OK && (st = prefill(&in)) != PK_OK)
		pk_input_close(&in);
	if (st == PK_OK && pk_html_sniff(in.bytes, in.len)) {
		/* a web page (a saved one, curl URL | pathak): its article, read
		 * whole first; offsets are then the extracted text's */
		if ((st = pk_input_finish(&in)) == PK_OK && (st = pk_html_input(&in, NULL)) == PK_OK)
			streamed = false;
		else
			pk_input_close(&in);
	}
	if (st != PK_OK) {
		fprintf(stderr, "pathak: %s: %s\n", path ? shown(path) : "(stdin)",
		        st == PK_ERR_ISDIR ? "Is a directory" :
		        st == PK_ERR_NOTFILE ? "not a regular file" : strerror(errno));
		return EXIT_USAGE;
	}
	doc = pk_doc_new(&in);
	if (!doc) {
		fputs("pathak: out of memory\n", stderr);
		pk_input_close(&in);
		return EXIT_FAILURE;
	}
	/* A file truncated while mapped reads as zeros rather than killing us
	 * (SIGBUS); fatal signals leave the terminal sane (guard.h). */
	reading rd = { .in = &in, .doc = doc, .path = path, .resume = resume };
	guard_stamp_get(path, &rd.stamp);
	guard_init(false);
	{
		size_t mlen;
		const void *m = pk_input_mapping(&in, &mlen);
		guard_map(m, mlen);
	}

	bool binary = !binary_ok && pk_input_looks_binary(&in);
	bool printing = export != EXPORT_NONE || dump || !isatty(STDOUT_FILENO);
	if (binary && printing) {
		fprintf(stderr, "pathak: %s may be a binary file (--binary reads it anyway)\n",
		        shown(name));
		rc = EXIT_USAGE;
	} else if (export == EXPORT_QUOTES && streamed) {
		rc = run_quotes_stream(doc, &in);
		if (rc == EXIT_SUCCESS)
			encoding_note(&in, name);
		rc = file_end(&rd, rc);
	} else if (export != EXPORT_NONE) {
		if ((st = pk_input_finish(&in)) != PK_OK) {
			fprintf(stderr, "pathak: %s: %s\n", shown(name), strerror(errno));
			rc = EXIT_USAGE;
		} else {
			pk_doc_grew(doc);
			encoding_note(&in, name);
			rc = run_export(doc, export == EXPORT_JSON, path ? path : NULL);
			rc = file_end(&rd, rc);
		}
	} else if (printing) {
		/* Like less, a pager whose output is not a terminal just prints. */
		int d = dump_stream(doc, &in, width, WIDTH_WCWIDTH,
		                    have_render && render != RENDER_IMAGE ? render : RENDER_SHAPED,
		                    RENDER_SHAPED, !utf8, stdout);
		rc = stdout_end(EXIT_SUCCESS);
		if (d != 0 && rc == EXIT_SUCCESS) {
			fputs("pathak: out of memory\n", stderr);
			rc = EXIT_FAILURE;
		}
		if (rc == EXIT_SUCCESS)
			encoding_note(&in, name);
		rc = file_end(&rd, rc);
	} else {
		/* the pane's quotations and entities found while the terminal
		 * answers the probe and the screen is set up (early.h) */
		early *ew = pane && path ? early_start(doc) : NULL;
		term_info ti;
		term_detect(utf8, &ti);   /* before curses takes the screen */
		width_set_zwnj_cell(ti.zwnj_cell);  /* counted in the cluster model only */
		pager_opts po = { .width = width, .model = have_advance ? advance : ti.model,
		                  .name = name,
		                  .mode = have_render ? render : cfg.have_render ? cfg.render : ti.mode,
		                  .keys = &cfg.keys, .note = cfgnote[0] ? cfgnote : NULL,
		                  .deva = render_mode_roman(ti.text_mode) ? RENDER_REORDER
		                                                          : ti.text_mode,
		                  .ascii = !utf8, .pane = pane, .search = search,
		                  .search_kind = search_kind, .search_flags = search_flags,
		                  .stream = in.growing ? &in : NULL,
		                  .theme = theme, .bg = ti.bg_known ? &ti.bg : NULL,
		                  .early = ew, .gfx = ti.gfx, .cell_w = ti.cell_w,
		                  .cell_h = ti.cell_h, .text_mode = ti.text_mode,
		                  .verbatim = !path && (in.formatted || !has_devanagari(&in)) };
		if (po.verbatim && !have_width)
			po.width = 10000;  /* as laid out for the window, by its writer */
		if (!files_from_argv(&fl, argv + optind, nfiles)) {
			fputs("pathak: out of memory\n", stderr);
			rc = EXIT_FAILURE;
		} else {
			if (nfiles)
				path = fl.v[0];  /* r->path is compared with the list's entries */
			rd.path = path;
			po.file = 1;
			po.files = (int)fl.n;
			place_find(&rd);
			place_mode(&rd, have_render, &po);
			rc = run_curses(&rd, &fl, &po, have_render, mouse,
			                !path || !isatty(STDIN_FILENO), binary ? name : NULL, NULL);
		}
		early_free(ew);  /* before the document it reads goes */
	}
	guard_map(NULL, 0);
	pk_doc_free(rd.doc);
	pk_input_close(rd.in);
	free(rd.owned);
	files_free(&fl);
	return rc;
}
