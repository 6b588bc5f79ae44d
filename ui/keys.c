/* keys.c - the key table, counts, sequences, help and manual (keys.h). */
#include "config.h"

#include "keys.h"
#include "i18n.h"

#include <ctype.h>
#include <string.h>

/* The one list of keys.  Order is the help screen's and the manual's. */
const key_binding keys_table[] = {
	{ { "j", "Down", "Enter", "Ctrl-N", "Ctrl-E" }, ACT_DOWN,
	  N_("N lines down (default 1)"), NULL },
	{ { "k", "Up", "Ctrl-P", "Ctrl-Y" }, ACT_UP,
	  N_("N lines up (default 1)"), NULL },
	{ { "Space", "f", "PgDn", "Ctrl-F", "Ctrl-V" }, ACT_PAGE_DOWN,
	  N_("one screen down (N: N lines)"), NULL },
	{ { "b", "PgUp", "Ctrl-B" }, ACT_PAGE_UP,
	  N_("one screen up (N: N lines)"), NULL },
	{ { "d", "Ctrl-D" }, ACT_HALF_DOWN,
	  N_("half a screen down (N: N lines)"), NULL },
	{ { "u", "Ctrl-U" }, ACT_HALF_UP,
	  N_("half a screen up (N: N lines)"), NULL },
	{ { "g", "Home", "<" }, ACT_TOP,
	  N_("start of the article (N: line N)"),
	  "Lines are counted as the screen lays them out, the blank line between "
	  "paragraphs included, as --dump prints them." },
	{ { "G", "End", ">", "F" }, ACT_NONE,   /* the help row of the two below */
	  N_("end of the article (N: line N); F: follow a pipe"),
	  "On standard input that is still arriving (a pipe, tail -f), G goes to the "
	  "end of what has arrived and then follows it; F does so without a count. "
	  "The screen stays at the end as more arrives; any other key stops "
	  "following." },
	{ { "G", "End", ">" }, ACT_END, NULL, NULL },
	{ { "F" }, ACT_FOLLOW, NULL, NULL },
	{ { "%", "p" }, ACT_PERCENT,
	  N_("N percent into the article, as in 50%"), NULL },
	{ { "]", "[" }, ACT_NONE,   /* the help row of the two below */
	  N_("next / previous quotation, with its speaker"),
	  "The quotation is highlighted and brought on screen, and the status line "
	  "shows its number, its speaker and the cue. While it is on screen the "
	  "next and previous are counted from it; otherwise ] takes the first "
	  "quotation that starts on or below the top line of the screen and [ the "
	  "last one that starts on or above the bottom line. While a person is "
	  "selected in the entity pane they step through that person's quotations "
	  "only (quote 2/4 of the name)." },
	{ { "]" }, ACT_QUOTE_NEXT, NULL, NULL },
	{ { "[" }, ACT_QUOTE_PREV, NULL, NULL },
	{ { "\"" }, ACT_QUOTE_LIST,
	  N_("quotation list (type: filter, Tab: by speaker)"),
	  "The list shows position, speaker and first words. Typing filters it "
	  "(on the speaker, the cue and the quoted text), Backspace and Ctrl-U edit "
	  "the filter, Tab groups it by speaker, Up, Down, PgUp, PgDn, Home and End "
	  "move, Enter jumps to the quotation, Esc closes the list. s (before a "
	  "filter is typed) or Ctrl-S saves the quotations listed to a file: JSON "
	  "when its name ends in .json, else CSV (number, start, end, speaker, cue, "
	  "quotation)." },
	{ { "e", "Tab" }, ACT_NONE,   /* the help row of the two below */
	  N_("entity pane; Tab moves the focus to it and back"),
	  "The pane on the right lists the entities of the article under PER, LOC "
	  "and ORG, most mentioned first, with their mentions and, for a person, "
	  "the quotations that are theirs. It opens with the focus; the text "
	  "narrows to make room. A window narrower than 60 columns has no room for "
	  "it: the pane steps aside until the window is wide enough again. In the "
	  "pane j, k, Up, Down, PgUp, PgDn, g and G move the selection, Enter "
	  "highlights the entity's mentions in the text and jumps to the first, "
	  "typing a letter (other than j k g G n N e q h) or / starts a filter "
	  "(compared with spelling variants folded; a Latin filter such as putin "
	  "matches the romanized names), Backspace and Ctrl-U edit it, Enter ends "
	  "it and Esc clears it. Tab moves the focus between the text and the "
	  "pane." },
	{ { "e" }, ACT_PANE, NULL, NULL },
	{ { "Tab" }, ACT_FOCUS, NULL, NULL },
	{ { "/", "?" }, ACT_NONE,   /* the help row of the two below */
	  N_("search forward / backward (lit up as you type)"),
	  "Spelling variants match by default: with or without nukta, \u0949 and "
	  "\u094B, chandrabindu and anusvara, long and short vowels, Devanagari and "
	  "ASCII digits, Latin in any case; a query in Latin letters (putin) also "
	  "finds the Devanagari words it romanizes to. The search starts at the "
	  "top of the screen and goes round the end of the article; every match "
	  "is highlighted, the current one more, and the status line says which "
	  "it is ([2/13]) or Pattern not found. In the prompt Left, Right, Home "
	  "and End move by whole clusters, Backspace removes one, Ctrl-U clears, "
	  "Up and Down recall earlier searches (kept in "
	  "$XDG_STATE_HOME/pathak/search_history), Ctrl-X toggles exact search, "
	  "Ctrl-R regular expressions (ICU; or begin the query with \\r), Enter "
	  "searches and Esc goes back to where you were. A big file is searched "
	  "a slice at a time (the status line shows how far) and a key is "
	  "never kept waiting. ? searches backward: n then goes on backward." },
	{ { "/" }, ACT_SEARCH, NULL, NULL },
	{ { "?" }, ACT_SEARCH_BACK, NULL, NULL },
	{ { "&" }, ACT_FILTER,
	  N_("only the paragraphs that match (& alone: all)"),
	  "As in less: the status line shows the filter (&word) while it is on; "
	  "& and Enter with nothing typed shows every paragraph again." },
	{ { "n", "N" }, ACT_NONE,   /* the help row of the two below */
	  N_("next / previous match (or mention of the entity)"),
	  "After a search n goes on the way it went and N the other way; past "
	  "the last match n goes round to the first and the status line says so. "
	  "After Enter on an entity in the pane they step through its mentions "
	  "(mention 2/13 of the name), counted from the mention jumped to while "
	  "it is on screen, else from the screen, as ] and [ are." },
	{ { "n" }, ACT_NEXT, NULL, NULL },
	{ { "N" }, ACT_PREV, NULL, NULL },
	{ { "-e", "-i", "-r" }, ACT_NONE,   /* the help row of the two below */
	  N_("toggle exact search (-e -i), regular expressions"),
	  "Exact search matches the bytes as typed, without spelling variants or "
	  "romanized matching (as --exact); regular expressions are ICU's, run "
	  "over the folded text (as --regex). The search on screen is run again "
	  "with the new setting." },
	{ { "-e", "-i" }, ACT_EXACT, NULL, NULL },
	{ { "-r" }, ACT_REGEX, NULL, NULL },
	{ { "Esc" }, ACT_FORGET,
	  N_("forget the quotation, search, entity or count"), NULL },
	{ { "r" }, ACT_RENDER,
	  N_("render mode: shaped, reorder, halant, latin, ..."),
	  "The modes in turn: shaped, reorder, halant, reorder+halant, latin, "
	  "interlinear, and image where the terminal draws pictures (kitty graphics, "
	  "sixel): each row of Devanagari shaped by HarfBuzz and drawn as a picture." },
	{ { "=", "Ctrl-G" }, ACT_INFO,
	  N_("file name, position and size"), NULL },
	{ { "Ctrl-L", "R" }, ACT_NONE,   /* the help row of the two below */
	  N_("redraw the screen / read the file again"),
	  "R reads the file again: when it is truncated, rewritten or replaced "
	  "while it is open, the status line says \"file changed \u2014 R to "
	  "reload\"; the text read before stays on screen and what was cut off "
	  "shows as \u2400. R keeps the reading position. Standard input cannot "
	  "be read again." },
	{ { "Ctrl-L" }, ACT_REDRAW, NULL, NULL },
	{ { "R" }, ACT_RELOAD, NULL, NULL },
	{ { "m<letter>", "'<letter>", "''" }, ACT_NONE,   /* the help row of the three below */
	  N_("mark the top line, go to a mark; '' go back"),
	  "As in less: m and a letter marks the top line, ' and the letter goes "
	  "there. The marks of an article are remembered with its reading "
	  "position (see FILES). "
	  "'' returns to where the screen was before the last jump: G, g, a "
	  "percent, a line number, a quotation, a search, an entity's mention, a "
	  "mark, or '' itself (so '' '' goes back and forth)." },
	{ { "m<letter>" }, ACT_MARK, NULL, NULL },
	{ { "'<letter>" }, ACT_GOTO_MARK, NULL, NULL },
	{ { "''" }, ACT_BACK, NULL, NULL },
	{ { ":n", ":p", ":e" }, ACT_NONE,   /* the help row of the three below */
	  N_("next / previous file; open a file"),
	  "With several files on the command line, :n and :p move between them "
	  "(a count moves that many); each keeps its place. :e asks for a file "
	  "name and adds the file after the current one. The status line shows "
	  "which file of how many is on screen." },
	{ { ":n" }, ACT_FILE_NEXT, NULL, NULL },
	{ { ":p" }, ACT_FILE_PREV, NULL, NULL },
	{ { ":e" }, ACT_FILE_OPEN, NULL, NULL },
	{ { "y", "v" }, ACT_NONE,   /* the help row of the two below */
	  N_("copy the quotation and speaker; edit the file"),
	  "y puts the current quotation (], [, a click) and its speaker on the "
	  "clipboard through the terminal's OSC 52, where the terminal allows it "
	  "(xterm with allowWindowOps, kitty, foot, WezTerm, tmux with "
	  "set-clipboard on): only on this key, never from the article's bytes. "
	  "v runs $VISUAL, else $EDITOR, else vi, on the file at the top line "
	  "(+LINE) and reads the file again when the editor ends." },
	{ { "y" }, ACT_COPY, NULL, NULL },
	{ { "v" }, ACT_EDIT, NULL, NULL },
	{ { "h", "H", "F1" }, ACT_HELP,
	  N_("this help (j k Space b scroll it)"), NULL },
	{ { "q", "Q", ":q", ":Q", "ZZ" }, ACT_QUIT,
	  N_("quit"), NULL },
};
const size_t keys_count = sizeof keys_table / sizeof *keys_table;

/* The actions' names in a configuration file, in key_action's order. */
static const char *const action_names[ACT_N] = {
	[ACT_NONE] = "none", [ACT_DOWN] = "down", [ACT_UP] = "up",
	[ACT_PAGE_DOWN] = "page-down", [ACT_PAGE_UP] = "page-up",
	[ACT_HALF_DOWN] = "half-down", [ACT_HALF_UP] = "half-up", [ACT_TOP] = "top",
	[ACT_END] = "end", [ACT_FOLLOW] = "follow", [ACT_PERCENT] = "percent",
	[ACT_QUOTE_NEXT] = "quote-next", [ACT_QUOTE_PREV] = "quote-prev",
	[ACT_QUOTE_LIST] = "quote-list", [ACT_FORGET] = "forget", [ACT_PANE] = "pane",
	[ACT_FOCUS] = "focus", [ACT_SEARCH] = "search", [ACT_SEARCH_BACK] = "search-back",
	[ACT_FILTER] = "filter", [ACT_EXACT] = "exact", [ACT_REGEX] = "regex",
	[ACT_NEXT] = "next", [ACT_PREV] = "prev", [ACT_RENDER] = "render",
	[ACT_INFO] = "info", [ACT_REDRAW] = "redraw", [ACT_HELP] = "help",
	[ACT_QUIT] = "quit", [ACT_RELOAD] = "reload", [ACT_MARK] = "mark",
	[ACT_GOTO_MARK] = "goto-mark", [ACT_BACK] = "back", [ACT_FILE_NEXT] = "file-next",
	[ACT_FILE_PREV] = "file-prev", [ACT_FILE_OPEN] = "file-open", [ACT_COPY] = "copy",
	[ACT_EDIT] = "edit",
};

const char *
keys_action_name(key_action a)
{
	return a < ACT_N && action_names[a] ? action_names[a] : "?";
}

bool
keys_action_parse(const char *name, key_action *a)
{
	for (int i = 0; i < ACT_N; i++)
		if (action_names[i] && strcmp(name, action_names[i]) == 0) {
			*a = (key_action)i;
			return true;
		}
	return false;
}

bool
keys_user_bind(keys_user *u, const char *name, key_action a)
{
	int codes[2];
	int n = keys_parse(name, codes);
	if (n == 0)
		return false;
	size_t i = 0;
	while (i < u->n && !(u->v[i].n == n && u->v[i].codes[0] == codes[0] &&
	                     (n == 1 || u->v[i].codes[1] == codes[1])))
		i++;
	if (i == KEYS_USER_MAX)
		return false;
	if (i == u->n)
		u->n++;
	u->v[i].n = n;
	u->v[i].codes[0] = codes[0];
	u->v[i].codes[1] = n == 2 ? codes[1] : 0;
	u->v[i].action = a;
	return true;
}

static const struct {
	const char *name;
	int code;
} specials[] = {
	{ "Enter", PK_KEY_ENTER }, { "Down", PK_KEY_DOWN }, { "Up", PK_KEY_UP },
	{ "PgDn", PK_KEY_PGDN }, { "PgUp", PK_KEY_PGUP }, { "Home", PK_KEY_HOME },
	{ "End", PK_KEY_END }, { "F1", PK_KEY_F1 }, { "Space", ' ' }, { "Esc", 27 },
	{ "Tab", '\t' }, { "Backspace", 127 },
};

int
keys_parse(const char *name, int codes[2])
{
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof specials / sizeof *specials; i++)
		if (strcmp(name, specials[i].name) == 0) {
			codes[0] = specials[i].code;
			return 1;
		}
	if (n == 6 && strncmp(name, "Ctrl-", 5) == 0 && isupper((unsigned char)name[5])) {
		codes[0] = name[5] & 0x1f;
		return 1;
	}
	if (n == 9 && strcmp(name + 1, "<letter>") == 0 && isgraph((unsigned char)name[0])) {
		codes[0] = (unsigned char)name[0];
		codes[1] = PK_KEY_LETTER;
		return 2;
	}
	if (n < 1 || n > 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isgraph((unsigned char)name[i]))
			return 0;
		codes[i] = (unsigned char)name[i];
	}
	return (int)n;
}

void
keys_name(int code, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof specials / sizeof *specials; i++)
		if (code == specials[i].code) {
			snprintf(buf, n, "%s", specials[i].name);
			return;
		}
	if (code >= 0 && code < 0x20)
		snprintf(buf, n, "Ctrl-%c", code + '@');
	else if (code > 0x20 && code < 0x7f)
		snprintf(buf, n, "%c", code);
	else if (code == PK_KEY_OTHER)
		snprintf(buf, n, "that key");
	else
		snprintf(buf, n, "byte 0x%02X", (unsigned)code & 0xff);
}

/* Do the codes of a binding match the typed sequence?  1: exactly, 2: the
 * sequence is a proper prefix of it, 0: no. */
static int
codes_match(const int *codes, int n, const int *seq, int nseq)
{
	if (n < nseq)
		return 0;
	for (int i = 0; i < nseq; i++) {
		bool letter = (seq[i] >= 'a' && seq[i] <= 'z') || (seq[i] >= 'A' && seq[i] <= 'Z');
		if (codes[i] != seq[i] && !(codes[i] == PK_KEY_LETTER && letter))
			return 0;
	}
	return n == nseq ? 1 : 2;
}

/* The same for a binding's name. */
static int
seq_match(const char *k, const int *seq, int nseq)
{
	int codes[2];
	int n = keys_parse(k, codes);
	return n ? codes_match(codes, n, seq, nseq) : 0;
}

static void
reset(keys_state *ks)
{
	ks->count = -1;
	ks->nseq = 0;
}

keys_result
keys_feed(keys_state *ks, int code, key_action *act, long *count)
{
	bool prefix = false;

	if (ks->nseq == 2 || (ks->nseq > 0 && ks->seq[ks->nseq - 1] == -1))
		reset(ks);  /* what the last call reported as unbound */
	if (code == 27 && (ks->count >= 0 || ks->nseq > 0)) {
		reset(ks);
		return KEYS_CANCEL;
	}
	if (ks->nseq == 0 && code >= '0' && code <= '9') {
		long c = ks->count < 0 ? 0 : ks->count;
		ks->count = c < 100000000 ? c * 10 + (code - '0') : c;
		return KEYS_MORE;
	}
	ks->seq[ks->nseq++] = code;
	/* the reader's own bindings first: an exact one wins, "none" unbinds */
	for (size_t i = 0; ks->user && i < ks->user->n; i++) {
		int m = codes_match(ks->user->v[i].codes, ks->user->v[i].n, ks->seq, ks->nseq);
		if (m == 1 && ks->user->v[i].action == ACT_NONE) {
			if (ks->nseq < 2)
				ks->seq[ks->nseq++] = -1;
			return KEYS_UNBOUND;
		}
		if (m == 1) {
			*act = ks->user->v[i].action;
			*count = ks->count;
			ks->letter = ks->seq[ks->nseq - 1];
			reset(ks);
			return KEYS_DONE;
		}
		prefix |= m == 2;
	}
	for (size_t i = 0; i < keys_count; i++) {
		if (keys_table[i].action == ACT_NONE)
			continue;
		for (int j = 0; j < KEYS_NAMES_MAX && keys_table[i].keys[j]; j++) {
			int m = seq_match(keys_table[i].keys[j], ks->seq, ks->nseq);
			if (m == 1) {
				*act = keys_table[i].action;
				*count = ks->count;
				ks->letter = ks->seq[ks->nseq - 1];
				reset(ks);
				return KEYS_DONE;
			}
			prefix |= m == 2;
		}
	}
	if (prefix && ks->nseq < 2)
		return KEYS_MORE;
	/* keep the sequence for keys_seq_name(); the next call starts anew */
	if (ks->nseq < 2)
		ks->seq[ks->nseq++] = -1;
	return KEYS_UNBOUND;
}

void
keys_seq_name(const keys_state *ks, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	if (ks->count >= 0)
		k = (size_t)snprintf(buf, n, "%ld", ks->count);
	for (int i = 0; i < ks->nseq && k < n && ks->seq[i] != -1; i++) {
		keys_name(ks->seq[i], buf + k, n - k);
		k += strlen(buf + k);
	}
}

/* ---------------------------------------------------------------- help */

static void
names_joined(const key_binding *b, const char *sep, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	for (int j = 0; j < KEYS_NAMES_MAX && b->keys[j] && k < n; j++)
		k += (size_t)snprintf(buf + k, n - k, "%s%s", j ? sep : "", b->keys[j]);
}

static int
names_width(void)
{
	int w = 0;
	char buf[128];
	for (size_t i = 0; i < keys_count; i++) {
		names_joined(&keys_table[i], " ", buf, sizeof buf);
		if ((int)strlen(buf) > w)
			w = (int)strlen(buf);
	}
	return w;
}

static const char *const help_head[] = {
	N_("pathak - keys   (a number typed first is a count: 5j, 20G line 20, 50%)"), ""
};
static const char *const help_tail[] = {
	"",
	N_("j k Space b scroll this help; any other key closes it."),
};

bool
keys_help_line(size_t i, char *buf, size_t n)
{
	size_t nh = sizeof help_head / sizeof *help_head;
	int w = names_width();

	if (i < nh) {
		snprintf(buf, n, "%s", *help_head[i] ? _(help_head[i]) : "");
		return true;
	}
	i -= nh;
	for (size_t r = 0; r < keys_count; r++) {
		const key_binding *b = &keys_table[r];
		char names[128];
		if (!b->help)
			continue;
		names_joined(b, " ", names, sizeof names);
		const char *help = _(b->help);
		for (const char *h = help, *nl; h; h = nl ? nl + 1 : NULL) {
			nl = strchr(h, '\n');
			int len = nl ? (int)(nl - h) : (int)strlen(h);
			if (i-- == 0) {
				snprintf(buf, n, "  %-*s  %.*s", w, h == help ? names : "", len, h);
				return true;
			}
		}
	}
	if (i < sizeof help_tail / sizeof *help_tail) {
		snprintf(buf, n, "%s", *help_tail[i] ? _(help_tail[i]) : "");
		return true;
	}
	return false;
}

/* ---------------------------------------------------------------- manual */

/* Text for troff: a hyphen is \-, a backslash \e. */
static void
man_put(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len && s[i]; i++) {
		if (s[i] == '-')
			fputs("\\-", out);
		else if (s[i] == '\\')
			fputs("\\e", out);
		else if (s[i] == '\n')
			fputc(' ', out);
		else
			fputc(s[i], out);
	}
}

void
keys_man(FILE *out)
{
	for (size_t r = 0; r < keys_count; r++) {
		const key_binding *b = &keys_table[r];
		if (!b->help)
			continue;
		fputs(".TP\n", out);
		for (int j = 0; j < KEYS_NAMES_MAX && b->keys[j]; j++) {
			fputs(j ? ", \\fB" : "\\fB", out);
			man_put(out, b->keys[j], strlen(b->keys[j]));
			fputs("\\fR", out);
		}
		fputc('\n', out);
		/* the help line as a sentence: a capital and a full stop */
		fputc(toupper((unsigned char)b->help[0]), out);
		man_put(out, b->help + 1, strlen(b->help + 1));
		fputc('.', out);
		if (b->more) {
			fputc(' ', out);
			man_put(out, b->more, strlen(b->more));
		}
		fputc('\n', out);
	}
}
