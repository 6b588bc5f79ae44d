/* dump.h - --dump: the laid-out lines as text, no terminal. */
#ifndef PATHAK_DUMP_H
#define PATHAK_DUMP_H

#include <stdbool.h>
#include <stdio.h>
#include "doc.h"
#include "render.h"
#include "width.h"

/**
 * Write the document laid out at @p width to @p out: the lines the screen
 * would show in render mode @p r (interlinear's Devanagari rows as
 * @p deva), a blank line between blocks, no colour.  With @p ascii, only
 * ASCII is written.
 * @return 0, or -1 on a write or layout error.
 */
int dump_doc(pk_doc *doc, int width, width_model m, render_mode r, render_mode deva,
             bool ascii, FILE *out);

/**
 * dump_doc() over a stream: @p src is the document's input while it may
 * still grow.  Each block is written (and the output flushed) as soon as it
 * has arrived whole, and the bytes behind it are handed back
 * (pk_input_discard), so a stream of any length dumps in little memory.
 * Stops at the first write error (a closed pipe).
 */
int dump_stream(pk_doc *doc, pk_input *src, int width, width_model m, render_mode r,
                render_mode deva, bool ascii, FILE *out);

#endif
