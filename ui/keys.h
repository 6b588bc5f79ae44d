/*
 * keys.h - the keys, as data: one table of {keys, action, help}.
 *
 * In the manner of less's cmdtable: the pager looks keys up here, the help
 * screen is printed from here, and so is the KEYS section of the manual
 * (pathak --help-keys=man; tests/mankeys.sh fails when doc/pathak.1 and
 * the table disagree).  A number typed before a key is its count (5j, 20G,
 * 50%).  No curses: special keys have their own codes, and the pager
 * translates curses' KEY_* to them.
 */
#ifndef PATHAK_KEYS_H
#define PATHAK_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** Codes for keys that are not characters (characters are themselves). */
enum {
	PK_KEY_ENTER = 0x110000,   /**< Enter, Return, Ctrl-J, Ctrl-M */
	PK_KEY_DOWN,
	PK_KEY_UP,
	PK_KEY_PGDN,
	PK_KEY_PGUP,
	PK_KEY_HOME,
	PK_KEY_END,
	PK_KEY_F1,
	PK_KEY_OTHER,              /**< a special key no binding uses */
	PK_KEY_LETTER,             /**< in a binding: any of a-z, A-Z ("m<letter>") */
};

/** What a key does. */
typedef enum {
	ACT_NONE,
	ACT_DOWN,        /**< count lines down (default 1) */
	ACT_UP,
	ACT_PAGE_DOWN,   /**< a screen down, or count lines */
	ACT_PAGE_UP,
	ACT_HALF_DOWN,   /**< half a screen down, or count lines */
	ACT_HALF_UP,
	ACT_TOP,         /**< the start, or line count */
	ACT_END,         /**< the end, or line count; on a stream, follows it */
	ACT_FOLLOW,      /**< the end, and follow what arrives (less's F) */
	ACT_PERCENT,     /**< count percent into the file (default 0) */
	ACT_QUOTE_NEXT,  /**< the next quotation (count times) */
	ACT_QUOTE_PREV,
	ACT_QUOTE_LIST,  /**< the list of quotations */
	ACT_FORGET,      /**< forget the current quotation and the selected entity */
	ACT_PANE,        /**< open or close the entity pane */
	ACT_FOCUS,       /**< move focus between the text and the entity pane */
	ACT_SEARCH,      /**< / : search forward (a prompt) */
	ACT_SEARCH_BACK, /**< ? : search backward */
	ACT_FILTER,      /**< & : show only the paragraphs that match */
	ACT_EXACT,       /**< toggle exact search (no folding) */
	ACT_REGEX,       /**< toggle regular expressions */
	ACT_NEXT,        /**< the next match of the search, or the next mention of
	                  *   the selected entity: whichever was used last */
	ACT_PREV,
	ACT_RENDER,      /**< the next render mode */
	ACT_INFO,        /**< file name, position and size in the status line */
	ACT_REDRAW,
	ACT_HELP,
	ACT_QUIT,
	ACT_RELOAD,      /**< read the file again (after it changed) */
	ACT_MARK,        /**< m<letter>: mark the top line with the letter */
	ACT_GOTO_MARK,   /**< '<letter>: go to the mark */
	ACT_BACK,        /**< '': back to where the last jump left */
	ACT_FILE_NEXT,   /**< :n: the next file of the command line */
	ACT_FILE_PREV,   /**< :p: the previous one */
	ACT_FILE_OPEN,   /**< :e: open a file (a prompt for its name) */
	ACT_COPY,        /**< y: the current quotation and its speaker to the clipboard */
	ACT_EDIT,        /**< v: the file in $VISUAL or $EDITOR at the top line */
	ACT_N
} key_action;

#define KEYS_NAMES_MAX 8

/** One row of the table. */
typedef struct key_binding {
	const char *keys[KEYS_NAMES_MAX]; /**< names: "j", "Down", "Ctrl-N", "ZZ", ":q",
	                                   *   "m<letter>"; NULL-ended */
	key_action action;
	const char *help;                 /**< the help screen's line ('\n': a second line) */
	const char *more;                 /**< the manual adds this, or NULL */
} key_binding;

extern const key_binding keys_table[];
extern const size_t keys_count;

/** The codes of the key sequence @p name (at most 2); returns how many, 0 if
 * the name is not valid. */
int keys_parse(const char *name, int codes[2]);

/** A key code's name ("j", "Ctrl-G", "Down", "U+0915"), for messages. */
void keys_name(int code, char *buf, size_t n);

/** The name of an action in a configuration file ("down", "quote-next",
 * "none"), and back.  keys_action_parse() returns false for no action. */
const char *keys_action_name(key_action a);
bool keys_action_parse(const char *name, key_action *a);

/** Bindings of the reader's own (`bind KEY ACTION` in the configuration),
 * looked at before the table: ACT_NONE unbinds the key. */
#define KEYS_USER_MAX 64
typedef struct keys_user {
	struct {
		int codes[2];
		int n;
		key_action action;
	} v[KEYS_USER_MAX];
	size_t n;
} keys_user;

/** Add a binding of @p name (keys_parse) to @p a; a later one for the same
 * keys replaces it.  @return false when the name is no key or the table
 * is full. */
bool keys_user_bind(keys_user *u, const char *name, key_action a);

/** The state of a key sequence being typed: a count, a prefix such as Z. */
typedef struct keys_state {
	long count;       /**< -1 when none was typed */
	int seq[2];
	int nseq;
	int letter;       /**< after KEYS_DONE: the letter a "<letter>" binding took */
	const keys_user *user; /**< the reader's bindings, or NULL */
} keys_state;

#define KEYS_STATE_INIT { -1, { 0, 0 }, 0, 0, NULL }

typedef enum {
	KEYS_MORE,       /**< part of a count or of a sequence: wait for more */
	KEYS_DONE,       /**< *act with *count (-1: none) */
	KEYS_UNBOUND,    /**< no key is bound to the sequence (keys_seq_name) */
	KEYS_CANCEL,     /**< Esc dropped a count or a prefix */
} keys_result;

/** Feed the key @p code. */
keys_result keys_feed(keys_state *ks, int code, key_action *act, long *count);

/** What has been typed of the sequence (the count and the keys), e.g.
 * "5", ":", "Zx", for the status line. */
void keys_seq_name(const keys_state *ks, char *buf, size_t n);

/** Line @p i of the help screen into @p buf; false past the last. */
bool keys_help_line(size_t i, char *buf, size_t n);

/** Write the KEYS section's body of the manual (troff) to @p out. */
void keys_man(FILE *out);

#endif
