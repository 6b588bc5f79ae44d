/*
 * view.h - the reader's view of a document, without a terminal.
 *
 * A window of `rows` rows over the document laid out at `width` columns:
 * a cache of laid-out blocks, the top row, scrolling, paging, jumps (line,
 * percent, byte offset) and what the top row is (offset, percent,
 * paragraph, line).  The rows of a block are its lines plus one blank row
 * after it unless it is the last, exactly the lines of --dump.
 *
 * Invariants: no motion leaves the view past the end (when the document is
 * at least a screen long, the last screen is full), and a resize or a
 * render-mode change keeps the text of the top row on top.  No curses:
 * the unit tests drive it directly.
 */
#ifndef PATHAK_VIEW_H
#define PATHAK_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "doc.h"
#include "layout.h"
#include "render.h"
#include "translit.h"
#include "width.h"

typedef struct view view;

/** A row of the document: row `row` of block `blk`. */
typedef struct view_pos {
	pk_block blk;
	size_t row;
} view_pos;

/** One row as it is drawn. */
typedef struct view_row {
	pk_block_type type;   /**< the block's type */
	bool blank;           /**< the blank row after a block (nothing else is set) */
	const char *s;        /**< the buffer the line lies in: the input or a romanized copy */
	const size_t *map;    /**< romanized: byte of s -> input offset; else NULL */
	bool roman;           /**< s is romanized */
	bool gloss;           /**< interlinear: a romanization row under its line */
	size_t start, vis_end;/**< the line's bytes in s, without hanging blanks */
	size_t src_a, src_b;  /**< its extent in input offsets */
} view_row;

/**
 * A filter (less's &): only the blocks that hold an offset it names are
 * shown.  next(ctx, off) is the first such offset at or after off, prev the
 * last one before it; VIEW_KEEP_NONE when there is none.
 */
#define VIEW_KEEP_NONE ((size_t)-1)
typedef struct view_filter {
	size_t (*next)(void *ctx, size_t off);
	size_t (*prev)(void *ctx, size_t off);
	void *ctx;
} view_filter;

/** A view over @p doc (which must outlive it); NULL when out of memory.
 * Its size is 1 x 1 until view_resize(). */
view *view_new(pk_doc *doc, width_model m, render_mode mode, bool ascii);
void view_free(view *v);

/** Lay out at @p width columns for @p rows rows, keeping the top row's text. */
void view_resize(view *v, int width, int rows);
/** Lay out in render mode @p mode, keeping the top row's text. */
void view_set_mode(view *v, render_mode mode);
render_mode view_mode(const view *v);
int view_rows(const view *v);
int view_width(const view *v);
bool view_empty(const view *v);
/** The layout and the romanizer the view uses (to draw with the same model). */
layout *view_layout(view *v);
pk_translit **view_translit(view *v);

/** Scroll @p n rows down (negative: up), stopping at either end. */
void view_scroll(view *v, long n);
/** Rows a page moves: one less than the screen, at least 1. */
int view_page(const view *v);
void view_top(view *v);
void view_end(view *v);
/** Line @p n (1-based, as --dump numbers them) on top, clamped to the ends. */
void view_goto_line(view *v, size_t n);
/** The row holding the byte @p pct percent into the file on top, clamped. */
void view_goto_percent(view *v, int pct);
/** The row holding byte @p off on top, then @p above rows of context above
 * it, clamped at the end. */
void view_goto_offset(view *v, size_t off, int above);

/** The top row; walk the screen with view_pos_next(). */
view_pos view_top_pos(const view *v);
bool view_pos_next(view *v, view_pos *q);
/** Describe row @p q. */
void view_row_get(view *v, const view_pos *q, view_row *r);

/** Input offset of the top row (a blank row: its block's end); 0 if empty. */
size_t view_top_offset(view *v);
/** Input offsets of the start of the top row and the end of the bottom one. */
void view_screen_span(view *v, size_t *first, size_t *last);
/** Is the last row of the document on screen? */
bool view_at_end(view *v);
/** The top row's offset as a percentage of the file (0 for an empty one). */
int view_percent(view *v);
/** The top row's paragraph, 0-based, or (size_t)-1 while not indexed. */
size_t view_paragraph(view *v);
/** The top row's line number, 1-based; 0 when it is past @p limit. */
size_t view_line(view *v, size_t limit);
/** The number of lines, when at most @p limit; else 0. */
size_t view_lines(view *v, size_t limit);

/** Show only the blocks @p only keeps (NULL: all of them), keeping the top
 * row's text on top when it is kept, else the next kept block.  With a
 * filter that keeps nothing the view is empty.  @p only must outlive its
 * use. */
void view_set_filter(view *v, const view_filter *only);
/** The filter keeps more blocks than before (a scan went on). */
void view_filter_grew(view *v);

/** The input (a stream) grew: forget laid-out blocks, keep the top line. */
void view_input_grew(view *v);
const view_filter *view_get_filter(const view *v);
/**
 * Show the text's lines as they are written (another program's output
 * through pathak as a pager): the blank lines it has rather than one after
 * each line, and each line's indent.  Off by default (an article).
 */
void view_set_verbatim(view *v, bool on);

/** Put row @p q (from view_top_pos()) back on top, as Esc after a search. */
void view_set_top(view *v, view_pos q);

#endif
