#!/bin/sh
# tests/dump.sh - what `pathak --dump` prints, checked as a reader sees it.
#  1. The seed article at every width 10..120: no line wider than the width,
#     no line starting with a combining mark / vowel sign / virama, no text
#     lost or invented (see wrap_check in tests/lib.sh).
#  2. A byte-order mark and CRLF line ends change nothing: the dump equals
#     that of the plain LF file.
#  3. Invalid UTF-8 is shown as U+FFFD, with the text around it intact.
#  4. Control characters (NUL, ESC, C1 as UTF-8, DEL, ...) are shown as
#     visible symbols (control pictures U+2400.. or U+FFFD) and the output
#     never contains a byte below 0x20 other than newline, nor DEL, nor a C1
#     control: a dumped article cannot drive the terminal.
. "$top_srcdir/tests/lib.sh"
need_python

# 1. Wrapping properties of the seed at every width.
wrap_check 10-120 "$SEED" || fail "wrap properties of the seed (see above)"
ok "seed wraps correctly at widths 10..120"

# 2. BOM and CRLF.
"$PATHAK" --dump "$SEED" >"$T/lf.out" || fail "dump of the seed exits $?"
[ -s "$T/lf.out" ] || fail "dump of the seed is empty"
printf '\357\273\277' >"$T/bom.txt"
cat "$SEED" >>"$T/bom.txt"
sed 's/$/\r/' "$SEED" >"$T/crlf.txt"
printf '\357\273\277' >"$T/bomcrlf.txt"
cat "$T/crlf.txt" >>"$T/bomcrlf.txt"
grep -q "$(printf '\r')" "$T/crlf.txt" || hard_error "could not make a CRLF file"
for v in bom crlf bomcrlf; do
	"$PATHAK" --dump "$T/$v.txt" >"$T/$v.out" || fail "dump of the $v file exits $?"
	cmp -s "$T/lf.out" "$T/$v.out" || {
		diff "$T/lf.out" "$T/$v.out" | head -20 >&2
		fail "the $v variant of the seed dumps differently from the LF file"
	}
done
ok "BOM and CRLF input dump identically to the LF file"

# 3 and 4. Invalid UTF-8 and control characters, one per paragraph, each
# between two marker words so that its replacement can be located.
{
	printf 'शीर्षक: नियंत्रण वर्ण\n\n'
	printf 'nul:a\000b\n\n'
	printf 'esc:a\033b\n\n'
	printf 'csi:a\033[2Jb\n\n'
	printf 'bel:a\007b\n\n'
	printf 'bs:a\010b\n\n'
	printf 'vt:a\013b\n\n'
	printf 'del:a\177b\n\n'
	printf 'c1csi:a\302\233b\n\n'
	printf 'c1nel:a\302\205b\n\n'
	printf 'c1x80:a\302\200b\n\n'
	printf 'c1x9f:a\302\237b\n\n'
	printf 'bad1:a\377b\n\n'
	printf 'bad2:a\300\200b\n\n'
	printf 'bad3:a\355\240\200b\n\n'
	printf 'bad4:a\340\244b\n\n'
	printf 'deva:किम जोंग उन\n'
} >"$T/ctl.txt"
"$PATHAK" --dump --binary "$T/ctl.txt" >"$T/ctl.out" 2>"$T/ctl.err" || fail "dump of the control-character file exits $?"
[ -s "$T/ctl.err" ] && fail "dump of the control-character file wrote to stderr: $(cat "$T/ctl.err")"
python3 - "$T/ctl.out" <<'PYEOF' || fail "control characters / invalid UTF-8 in the dump (see above)"
import re, sys
raw = open(sys.argv[1], 'rb').read()
bad = []
for i, b in enumerate(raw):
    if (b < 0x20 and b != 0x0A) or b == 0x7F:
        bad.append('raw byte 0x%02X at offset %d' % (b, i))
try:
    text = raw.decode('utf-8')
except UnicodeDecodeError as e:
    print('dump is not valid UTF-8: %s' % e, file=sys.stderr)
    sys.exit(1)
for i, c in enumerate(text):
    if 0x80 <= ord(c) <= 0x9F:
        bad.append('C1 control U+%04X at character %d' % (ord(c), i))
visible = lambda c: 0x2400 <= ord(c) <= 0x243F or c == '\ufffd'
# label -> what may stand between a and b
expect = {
    'nul': 1, 'esc': 1, 'bel': 1, 'bs': 1, 'vt': 1, 'del': 1,
    'c1csi': 1, 'c1nel': 1, 'c1x80': 1, 'c1x9f': 1,
}
for label in expect:
    m = re.search(r'(?m)^%s:a(.*?)b$' % label, text)
    if not m:
        bad.append('%s: the line "%s:a<control>b" is missing' % (label, label))
    elif len(m.group(1)) != 1 or not visible(m.group(1)):
        bad.append('%s: control shown as %r, want one control picture or U+FFFD'
                   % (label, m.group(1)))
m = re.search(r'(?m)^csi:a(.*?)b$', text)
if not m or not m.group(1) or not visible(m.group(1)[0]) or m.group(1)[1:] != '[2J':
    bad.append('csi: ESC [2J shown as %r, want a visible ESC symbol then "[2J"'
               % (m.group(1) if m else None))
for label in ('bad1', 'bad2', 'bad3', 'bad4'):
    m = re.search(r'(?m)^%s:a(.*?)b$' % label, text)
    if not m:
        bad.append('%s: the line "%s:a<invalid>b" is missing' % (label, label))
    elif not m.group(1) or set(m.group(1)) != {'\ufffd'}:
        bad.append('%s: invalid UTF-8 shown as %r, want U+FFFD' % (label, m.group(1)))
if 'deva:किम जोंग उन' not in text:
    bad.append('the valid Devanagari after the bad bytes is damaged')
if 'शीर्षक: नियंत्रण वर्ण' not in text:
    bad.append('the title before the bad bytes is damaged')
for b in bad:
    print('  ' + b, file=sys.stderr)
if bad:
    print('--- dump ---\n' + raw.decode('utf-8', 'backslashreplace'), file=sys.stderr)
sys.exit(1 if bad else 0)
PYEOF
ok "controls show as visible symbols, invalid UTF-8 as U+FFFD, no control bytes in the output"
exit 0
