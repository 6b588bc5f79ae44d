/*
 * pager.h - the reader pane: the text, the help screen (help.h), the quote
 * list (qlist.h) and the entity pane (entpane.h), the actions of the key
 * table (keys.h), background work.
 * Each screen has init/draw/key, in the manner of ncdu.
 */
#ifndef PATHAK_PAGER_H
#define PATHAK_PAGER_H

#include <stdbool.h>
#include "doc.h"
#include "layout.h"
#include "render.h"
#include "colors.h"
#include "term.h"
#include "keys.h"

/** Options that shape the text column. */
typedef struct pager_opts {
	int width;          /**< widest text column in cells (default 80) */
	width_model model;  /**< the terminal's advance model */
	const char *name;   /**< shown in the status line when there is no title */
	render_mode mode;   /**< how Devanagari is drawn (render.h); `r` cycles */
	render_mode deva;   /**< the Devanagari mode for interlinear's rows */
	bool ascii;         /**< the locale is not UTF-8: output ASCII only */
	bool pane;          /**< open the entity pane at start (--pane), as `e` does */
	const char *search; /**< +/word, -p word: search at start (NULL: none) */
	int search_kind;    /**< '/', '?' or '&' (the filter) */
	unsigned search_flags; /**< pk_search_flags for every search (--exact) */
	pk_input *stream;   /**< the document's input while it may still grow (standard
	                     *   input, a device): read while idle; else NULL */
	color_theme theme;  /**< --theme (THEME_AUTO: from @p bg) */
	const rgb *bg;      /**< the background the terminal reported, or NULL */
	struct early *early; /**< the pane's work begun at start-up (early.h), taken
	                      *   when the pane opens; the caller frees it after
	                      *   the pager; or NULL */
	term_gfx gfx;       /**< the pictures the terminal draws (render mode image) */
	int cell_w, cell_h; /**< its cell size in pixels, 0 unknown */
	render_mode text_mode; /**< the terminal's text mode: image mode's stand-in
	                        *   where pictures cannot be drawn */
	const keys_user *keys; /**< the configuration's key bindings, or NULL */
	bool verbatim;      /**< lines as written (view_set_verbatim): standard input
	                     *   with no Devanagari, as from man or git */
	bool in_list;       /**< opened from the article list: q goes back to it, and
	                     *   n with nothing to step through and p without a
	                     *   count go to the next and previous article */
	const char *note;   /**< a message for the status line at start (a wrong line
	                     *   in the configuration), kept by the caller; or NULL */
	int file, files;    /**< this is file @p file (1-based) of @p files on the
	                     *   command line: the status line says so when files > 1 */
} pager_opts;

typedef struct pager pager;

/** A pager over @p doc; NULL when out of memory. */
pager *pager_new(pk_doc *doc, const pager_opts *o);
void pager_free(pager *p);

/** Draw the reader pane and the status line into stdscr (no refresh). */
void pager_draw(pager *p);

/** Handle key @p ch.  @return false when the user asked to quit. */
bool pager_key(pager *p, int ch);

/**
 * Call right after refresh()/doupdate(): in the WIDTH_CLUSTER model this
 * writes the Devanagari curses cannot place (overlay.h); in render mode
 * image it sends the rows' pictures (imgrows.h).  Otherwise nothing.
 */
void pager_overlay(pager *p);

/** The render mode now in use. */
render_mode pager_mode(const pager *p);

/** Re-lay out for the current window size, keeping the first line's text. */
void pager_resize(pager *p);

/**
 * Do a slice of background work: the paragraph index, then (for files of
 * modest size) the quotations.  @return true when the slice changed what
 * the screen shows (the paragraph count became known, quotations were
 * found), so the caller redraws only then.
 */
bool pager_idle(pager *p);

/** Is there background work left (so the event loop should poll)? */
bool pager_busy(const pager *p);

/** Show @p msg (kept by the caller) on the status line unless a message of
 * the pager's own is due there. */
void pager_note(pager *p, const char *msg);

/** Why pager_key() returned false. */
typedef enum {
	PAGER_NONE,    /**< the reader quit */
	PAGER_RELOAD,  /**< R: read the file again */
	PAGER_NEXT,    /**< :n: the count-th next file */
	PAGER_PREV,    /**< :p: the count-th previous file */
	PAGER_OPEN,    /**< :e: open the file *name */
	PAGER_EDIT,    /**< v: run the editor on the file, then read it again */
} pager_req;

/** What the last pager_key() that returned false asks of the caller;
 * @p count (:n, :p) and @p name (:e, kept by the pager) may be NULL. */
pager_req pager_request(const pager *p, long *count, const char **name);

/** F on a file: the caller is to read it again when it grows (and then
 * pager_follow_file() on the new pager); any key stops. */
bool pager_following_file(const pager *p);
void pager_follow_file(pager *p);

/** Was the render mode chosen with r (so it is worth remembering)? */
bool pager_mode_chosen(const pager *p);

/** The marks a-z, A-Z (places.h: PLACE_MARKS input offsets, PLACE_NONE
 * unset), and setting them all (offsets past the end are dropped). */
const size_t *pager_marks(const pager *p);
void pager_set_marks(pager *p, const size_t *marks);

/** The offset of the first byte on screen, and a jump there (after R). */
size_t pager_top_offset(pager *p);
void pager_goto_offset(pager *p, size_t off);
/** The same as a jump that '' comes back from (a resumed place). */
void pager_jump(pager *p, size_t off);

#endif
