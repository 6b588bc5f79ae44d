/* quote_pair.c - quotation marks paired within a block, each pair handed
 * to classification and attribution.  Marks pair by spacing more than by
 * glyph direction (a `”` before a word opens, a `“` after a word closes),
 * so wrong-direction and mismatched marks pair as published. */
#include "config.h"
#include "quote_int.h"

#include <stdlib.h>
#include <string.h>
#include "grow.h"

static bool
is_open_bracket(const tok *t)
{
	return t->t == T_PUNCT && (t->cp == '(' || t->cp == '[' || t->cp == '{');
}

static int
quote_push(qstate *qs, pk_quote q, raw_attr r)
{
	if (pk_grow(&qs->out.v, &qs->cap, qs->out.n + 1, sizeof *qs->out.v, 64) < 0 ||
	    pk_grow(&qs->ra, &qs->racap, qs->out.n + 1, sizeof *qs->ra, 64) < 0)
		return -1;
	qs->out.v[qs->out.n] = q;
	qs->ra[qs->out.n] = r;
	qs->out.n++;
	return 0;
}

/* Narration between tokens [lo, hi) into the history. */
static void
narrate(const qslice *c, qstate *qs, size_t lo, size_t hi)
{
	if (q_scan_narration(c, &qs->h, lo, hi) < 0)
		qs->oom = true;
}

/* One pair of marks (tokens o, e; e == c->n when unbalanced to the block
 * end, at byte bend): classified, and if a quotation, attributed and kept.
 * @p no_open: token o is a comma after a cue, not a mark.  Returns false
 * when the pair is a title, label or heading, not a quote. */
static bool
emit(const qslice *c, qstate *qs, size_t o, size_t e, size_t bend, size_t floor, bool no_open)
{
	const tok *t = c->v;
	size_t a = t[o].e, b = e < c->n ? t[e].s : bend;
	const pk_quote *last = qs->out.n ? &qs->out.v[qs->out.n - 1] : NULL;
	qclass k;
	pk_quote q;
	raw_attr r;

	q_trim_ws(c->s, &a, &b);
	if (a >= b)
		return false;
	k = q_classify(c, &qs->titles, last, o, e, a, b, floor);
	if (qs->trace)
		qs->trace(qs->trace_arg, k.rule, a, b);
	if (k.verdict != V_DIRECT && k.verdict != V_PARTIAL)
		return false;
	memset(&q, 0, sizeof q);
	q.start = a;
	q.end = b;
	q.open_mark = no_open ? PK_QUOTE_NONE : t[o].s;
	q.close_mark = e < c->n ? t[e].s : PK_QUOTE_NONE;
	q.kind = k.verdict == V_PARTIAL ? PK_QUOTE_PARTIAL : PK_QUOTE_DIRECT;
	q.mention_start = q.mention_end = q.speaker_entity = PK_QUOTE_NONE;
	q.kind_rule = k.rule;
	q.rule = k.rule;      /* until a speaker is found */
	if (q_attribute(c, o, e, floor, q.kind == PK_QUOTE_PARTIAL, &r, &q.cue) < 0)
		qs->oom = true;
	if (!r.cont) {
		q.mention_start = r.ms;
		q.mention_end = r.me;
	}
	if (r.np == NP_NAME && q_hist_push(&qs->h, r.ns, r.ns, r.ne, true) < 0)
		qs->oom = true;
	if (quote_push(qs, q, r) < 0) {
		free(q.cue);
		qs->oom = true;
	}
	return true;
}

/* A straight `"` at token i right after `कहा,` / `कहते हैं,` / `:` with a
 * word after it opens a quote, with or without a space after it. */
static bool
cue_opens(const qslice *c, size_t i, size_t floor)
{
	const tok *t = c->v;
	if (t[i].cp != '"' || i < 2 || i + 1 >= c->n || t[i + 1].t != T_WORD)
		return false;
	if (t[i - 1].t != T_PUNCT || (t[i - 1].cp != ',' && t[i - 1].cp != ':'))
		return false;
	return t[i - 2].t == T_WORD && q_cue_before(c, i - 1, floor, false);
}

/* Is the straight `"` at token i shaped as a closer: glued to a word or to
 * sentence punctuation before it, nothing glued after it? */
static bool
close_shaped(const qslice *c, size_t i)
{
	const tok *t = c->v;
	if (t[i].cp != '"' || t[i].sp || i == 0)
		return false;
	if (i + 1 < c->n && !t[i + 1].sp && t[i + 1].t != T_PUNCT)
		return false;
	return t[i - 1].t == T_WORD ||
	       (t[i - 1].t == T_PUNCT && (q_sent_end(&t[i - 1]) || t[i - 1].cp == ','));
}

/* Does a sentence end glued to the next word at token p (है.उनका): a
 * paragraph break lost upstream, where a quote left open evidently stops? */
static bool
glued_break(const qslice *c, size_t p)
{
	const tok *t = c->v;
	return p > 0 && p + 1 < c->n && (t[p].cp == '.' || t[p].cp == 0x964) &&
	       t[p].t == T_PUNCT && !t[p].sp && t[p - 1].t == T_WORD &&
	       t[p - 1].e - t[p - 1].s >= 6 && (c->s[t[p - 1].s] & 0x80) &&
	       !t[p + 1].sp && t[p + 1].t == T_WORD && (c->s[t[p + 1].s] & 0x80);
}

/* Does a verb of saying end just before the comma at token o (कहते हैं,
 * ने बताया, का कहना है), not a light verb alone (फैसला किया है,)? */
static bool
speech_verb_before(const qslice *c, size_t o, size_t floor)
{
	const tok *t = c->v;
	size_t i = o;
	while (i > floor && o - i < 4 && (IS(&t[i - 1], AUXES) || IS(&t[i - 1], PASS)))
		i--;
	return i > floor && t[i - 1].t == T_WORD &&
	       (IS(&t[i - 1], NE_VERBS) || IS(&t[i - 1], SUBJ_VERBS) ||
	        IS(&t[i - 1], GEN_NOUNS));
}

/* A straight closer at token i with no opener (वह कहते हैं, जब … है. "):
 * the quote began after the nearest speech cue and comma before it, a few
 * sentences back at most, with no double mark between.  Emits it and
 * returns true if it was a quote. */
static bool
emit_orphan(const qslice *c, qstate *qs, size_t i, size_t floor, size_t *scanned)
{
	const tok *t = c->v;
	size_t sents = 0;
	for (size_t j = i; j > floor + 2 && i - j < 160; j--) {
		const tok *p = &t[j - 1];
		if (p->t == T_MARK && p->fam == F_DOUBLE)
			return false;
		if (q_sent_end(p) && ++sents > 4)
			return false;
		if (p->t == T_PUNCT && (p->cp == ',' || p->cp == ':') && j + 1 < i &&
		    t[j].t == T_WORD && t[j - 2].t == T_WORD && speech_verb_before(c, j - 1, floor)) {
			bool ok;
			if (*scanned < j - 1)
				narrate(c, qs, *scanned, j - 1);
			ok = emit(c, qs, j - 1, i, t[i].s, floor, true);
			if (ok)
				*scanned = i + 1;
			return ok;
		}
	}
	return false;
}

/* An opener at token o after a cue that a new opener at token i finds
 * still open (कहती हैं, ''… था.अलका का कहना है, "…): the quote ran to the
 * end of the sentence before the one that introduces the new quote.
 * Returns the first token after that sentence end if it was emitted, else 0. */
static size_t
emit_unclosed(const qslice *c, qstate *qs, size_t o, size_t i, size_t floor)
{
	const tok *t = c->v;
	size_t s0 = q_sent_start(c, i, o + 1);
	qslice cut = *c;
	if (s0 <= o + 2 || !q_sent_end(&t[s0 - 1]) || !q_cue_before(c, o, floor, false))
		return 0;
	/* a paragraph break lost upstream ends it sooner */
	for (size_t p = o + 2; p + 1 < s0; p++)
		if (glued_break(c, p)) {
			s0 = p + 1;
			break;
		}
	/* the sentence (with its full stop) ends it, as a block end would:
	 * the pair sees the tokens up to it only */
	cut.n = s0;
	return emit(&cut, qs, o, s0, t[s0 - 1].e, floor, false) ? s0 : 0;
}

/* The pair opened at mark o closes at mark e: scan the narration before
 * it, emit it, and move the pairing state (floor, scanned) past it. */
static void
pair_close(const qslice *c, qstate *qs, size_t o, size_t e, size_t bend, size_t *floor,
           size_t *scanned)
{
	if (*scanned < o)
		narrate(c, qs, *scanned, o);
	if (emit(c, qs, o, e, bend, *floor, false))
		*floor = e + 1;
	*scanned = e + 1;
}

/* The pairing state of a block: the stack of open marks and how far the
 * block is done. */
typedef struct pairing {
	size_t st[3], k;      /* tokens of the open marks, innermost last */
	size_t floor;         /* tokens before this belong to an earlier pair */
	size_t scanned;       /* narration scanned up to this token */
} pairing;

/* How a mark at token i stands among its neighbours. */
typedef struct shape {
	bool sp_before;       /* after a space, the block start or an open bracket */
	bool end;             /* before a space or the block end */
	bool next_word;       /* glued to a word, a bracket or a mark after it */
	bool prev_word;       /* glued to a word before it */
	bool strict_open;     /* space before, word after: opens whatever its glyph */
} shape;

static shape
mark_shape(const qslice *c, size_t i)
{
	const tok *t = c->v, *m = &t[i];
	size_t n = c->n;
	shape h;
	h.sp_before = m->sp || i == 0 || is_open_bracket(&t[i - 1]);
	h.end = i + 1 == n || t[i + 1].sp;
	h.next_word = !h.end && (t[i + 1].t == T_WORD || is_open_bracket(&t[i + 1]) ||
	                         t[i + 1].t == T_MARK);
	h.prev_word = i > 0 && !m->sp && t[i - 1].t == T_WORD;
	h.strict_open = h.sp_before && h.next_word;
	return h;
}

/* A mark at token i when none is open: an orphan closer (the quote began
 * after a cue), an opener, or nothing. */
static void
mark_alone(const qslice *c, qstate *qs, pairing *p, size_t i, shape h, bool cue_open)
{
	const tok *t = c->v, *m = &t[i];
	/* कहती हैं," मैं …: glued to a comma or colon after a speech cue, a
	 * mark opens even with a space after it */
	bool after_comma = i > 1 && !m->sp && t[i - 1].t == T_PUNCT &&
	                   (t[i - 1].cp == ',' || t[i - 1].cp == ':') && i + 1 < c->n &&
	                   t[i - 2].t == T_WORD && q_cue_before(c, i - 1, p->floor, false);

	if (!cue_open && close_shaped(c, i) && emit_orphan(c, qs, i, p->floor, &p->scanned)) {
		p->floor = i + 1;
		return;
	}
	if (h.next_word || (h.sp_before && m->dir != D_CLOSE) ||
	    (!h.prev_word && !h.end && m->dir != D_CLOSE) || (after_comma && m->dir != D_CLOSE))
		p->st[p->k++] = i;
}

/* जो "इंडोलॉजी" यानि: a short straight pair nested in the open quote,
 * from token i; the token of its closer, or 0. */
static size_t
nested_pair(const qslice *c, size_t i)
{
	const tok *t = c->v;
	size_t j = i + 1, n = c->n;
	while (j < n && j - i <= 6 && t[j].t != T_MARK && !q_sent_end(&t[j]))
		j++;
	if (j < n && j - i <= 6 && t[j].cp == '"' && close_shaped(c, j) && j + 1 < n &&
	    t[j + 1].t == T_WORD)
		return j;
	return 0;
}

/* A new opener at token i while the quote at the bottom of the stack is
 * open: that one was never closed.  Emit it if it can be cut short. */
static void
never_closed(const qslice *c, qstate *qs, pairing *p, size_t i)
{
	const tok *t = c->v;
	size_t o0 = p->st[0], s0;

	if (p->k != 1 || p->scanned > o0)
		return;
	if (p->scanned < o0)
		narrate(c, qs, p->scanned, o0);
	p->scanned = o0;
	s0 = emit_unclosed(c, qs, o0, i, p->floor);
	if (s0)
		p->floor = p->scanned = s0;
	/* है. "इसी …, " ससुराल: the mark left open closed a quote whose
	 * opener was lost */
	else if (t[o0].cp == '"' && !cue_opens(c, o0, p->floor) &&
	         emit_orphan(c, qs, o0, p->floor, &p->scanned))
		p->floor = o0 + 1;
}

/* Does the single mark at token i close the double quote open alone,
 * mismatched as published? */
static bool
mismatched_close(const qslice *c, const pairing *p, size_t i, shape h)
{
	const tok *t = c->v, *m = &t[i], *top = &t[p->st[p->k - 1]];
	if (p->k != 1 || top->fam != F_DOUBLE)
		return false;
	/* "… कार होगी.' कपूर: a straight single mark glued to a full stop,
	 * a space after it */
	if (m->cp == '\'' && i > 0 && q_sent_end(&t[i - 1]) && !m->sp && h.end && i + 1 < c->n)
		return true;
	/* “हेल्पलाइन’ पर: a single closer after a word, shortly after a double
	 * opener */
	return top->dir == D_OPEN && m->dir == D_CLOSE && h.prev_word &&
	       (h.end || t[i + 1].t == T_PUNCT) && i - p->st[0] <= 8;
}

void
q_pair_block(const qslice *c, qstate *qs, size_t bend, bool next_opens)
{
	const tok *t = c->v;
	size_t n = c->n;
	pairing p = { { 0, 0, 0 }, 0, 0, 0 };

	for (size_t i = 0; i < n; i++) {
		const tok *m = &t[i];
		if (m->t != T_MARK)
			continue;
		shape h = mark_shape(c, i);

		/* a quote open too long lost its closer */
		if (p.k && m->s - t[p.st[0]].e > MAX_OPEN_BYTES)
			p.k = 0;
		/* कि 'कई … रहे हैं.''मुगले: a straight single closer glued to the
		 * opener of what follows reads as a doubled mark; it closes */
		if (p.k == 1 && t[p.st[0]].cp == '\'' && t[p.st[0]].fam == F_SINGLE && m->cp == '\'' &&
		    m->fam == F_DOUBLE && !m->sp && i > 0 && q_sent_end(&t[i - 1]) && i - p.st[0] > 4) {
			p.k = 0;
			pair_close(c, qs, p.st[0], i, bend, &p.floor, &p.scanned);
			continue;
		}
		/* a single quote open when a double mark comes was not a quote */
		if (p.k && t[p.st[p.k - 1]].fam == F_SINGLE && m->fam == F_DOUBLE)
			p.k--;
		bool cue_open = cue_opens(c, i, p.floor);
		if (!p.k) {
			mark_alone(c, qs, &p, i, h, cue_open);
			continue;
		}
		if (m->fam == t[p.st[p.k - 1]].fam) {
			size_t j;
			if (h.strict_open && !cue_open && m->cp == '"' && t[p.st[0]].cp == '"' &&
			    p.k == 1 && (j = nested_pair(c, i)) != 0) {
				i = j;
				continue;
			}
			if ((h.strict_open && m->dir != D_CLOSE && !h.prev_word) || cue_open) {
				never_closed(c, qs, &p, i);
				p.k = 0;
				p.st[p.k++] = i;
				continue;
			}
			if (--p.k == 0)
				pair_close(c, qs, p.st[0], i, bend, &p.floor, &p.scanned);
			continue;
		}
		/* a single mark inside a double quote: nested, or an apostrophe */
		if (m->fam == F_SINGLE && h.strict_open && p.k < 3) {
			p.st[p.k++] = i;
			continue;
		}
		if (mismatched_close(c, &p, i, h)) {
			p.k = 0;
			pair_close(c, qs, p.st[0], i, bend, &p.floor, &p.scanned);
		}
	}
	/* unclosed: runs to the paragraph end if the next paragraph reopens
	 * (a quote over paragraphs) or the end is near */
	if (p.k && (next_opens || bend - t[p.st[0]].e <= UNBAL_TAIL)) {
		if (p.scanned < p.st[0])
			narrate(c, qs, p.scanned, p.st[0]);
		emit(c, qs, p.st[0], n, bend, p.floor, false);
		p.scanned = n;
	}
	if (p.scanned < n)
		narrate(c, qs, p.scanned, n);
}

bool
q_block_reopens(const char *s, size_t a, size_t end)
{
	size_t p = a, q;
	uint32_t prev = 0, cp = 0;
	unsigned char dir;
	while (p < end) {
		cp = qc_next(s, end, &p);
		if (qc_mark(cp, &dir) == F_DOUBLE)
			break;
		prev = cp;
	}
	if (p >= end || cp != '"' ||
	    !(prev == '.' || prev == ',' || prev == '?' || prev == '!' || prev == 0x964))
		return false;
	q = p;
	cp = qc_next(s, end, &q);
	if (cp == ' ' && q < end)
		cp = qc_next(s, end, &q);
	if (cp != '"' || q >= end)
		return false;
	cp = qc_next(s, end, &q);
	return qc_word(cp);
}

bool
q_straight_odd(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += s[i] == '"';
	return n & 1;
}

bool
q_block_opens(const char *s, size_t a, size_t end)
{
	size_t p = a;
	unsigned char dir;
	uint32_t cp = pk_decode(s, end, &p);
	return qc_mark(cp, &dir) != 0;
}
