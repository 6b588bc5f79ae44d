/*
 * termcheck.h - is this what a curses program may write to a terminal?
 * termcheck_scan() walks bytes a program wrote and returns a description of
 * the first thing no terminfo capability of ncurses produces, but input text
 * smuggled through would: an OSC, DCS, APC, PM or SOS string; a C1 control
 * (as UTF-8 C2 80..C2 9F, or as a raw byte in a UTF-8 stream, such as the
 * one-byte CSI 9B); a C0 control other than BS, HT, LF, CR, SO, SI, BEL
 * and ESC; a bidirectional control (U+061C, U+200E/F, U+202A..E,
 * U+2066..9).  ESC sequences must be CSI (ESC [ params intermediates final)
 * or two- and three-byte ESC sequences (ESC ( B, ESC 7, ESC =, ...).
 * Returns NULL when the bytes are clean; @p at receives the offset.
 */
#ifndef PATHAK_TERMCHECK_H
#define PATHAK_TERMCHECK_H

#include <stddef.h>
#include <stdint.h>

static inline int
termcheck_bidi(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

static inline const char *
termcheck_scan(const unsigned char *s, size_t n, size_t *at)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		*at = i;
		if (c == 0x1B) {
			if (i + 1 >= n)
				return "a lone ESC at the end";
			unsigned char k = s[i + 1];
			if (k == '[') {
				size_t j = i + 2;
				while (j < n && s[j] >= 0x30 && s[j] <= 0x3F)
					j++;
				while (j < n && s[j] >= 0x20 && s[j] <= 0x2F)
					j++;
				if (j >= n || s[j] < 0x40 || s[j] > 0x7E)
					return "an unterminated or malformed CSI";
				i = j + 1;
			} else if (k == ']' || k == 'P' || k == '_' || k == '^' || k == 'X') {
				return "an OSC, DCS, APC, PM or SOS string";
			} else if (k >= 0x20 && k <= 0x2F) {
				/* ESC ( B and friends: intermediates, then a final */
				size_t j = i + 1;
				while (j < n && s[j] >= 0x20 && s[j] <= 0x2F)
					j++;
				if (j >= n || s[j] < 0x30 || s[j] > 0x7E)
					return "a malformed ESC sequence";
				i = j + 1;
			} else if (k >= 0x30 && k <= 0x7E) {
				i += 2;   /* ESC 7, ESC 8, ESC =, ESC >, ESC M, ESC c ... */
			} else {
				return "ESC followed by a control";
			}
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			if (c == 0x7F || !(c == '\b' || c == '\t' || c == '\n' || c == '\r' ||
			                   c == 0x0E || c == 0x0F || c == 0x07))
				return "a C0 control or DEL";
			i++;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		/* UTF-8 */
		uint32_t cp;
		size_t len;
		if (c >= 0xC2 && c <= 0xDF) {
			cp = c & 0x1F;
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			cp = c & 0x0F;
			len = 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			cp = c & 0x07;
			len = 4;
		} else {
			return c >= 0x80 && c <= 0x9F ? "a raw C1 byte" : "an invalid UTF-8 byte";
		}
		if (i + len > n)
			return "a truncated UTF-8 sequence";
		for (size_t j = 1; j < len; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return "an invalid UTF-8 sequence";
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if (cp >= 0x80 && cp <= 0x9F)
			return "a C1 control (UTF-8)";
		if (termcheck_bidi(cp))
			return "a bidirectional control";
		i += len;
	}
	return NULL;
}

#endif
