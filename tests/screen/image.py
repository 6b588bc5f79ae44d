"""image.py - render mode image, as a terminal with pictures sees it.

pathak runs in a pseudo-terminal (100x30) whose other side plays a
terminal that draws pictures: it answers the start-up probe as kitty does
(the kitty graphics query OK, XTVERSION kitty, cells of 10x20 pixels) or
as foot does (DA1 with the sixel attribute 4, XTVERSION foot).  Then,
with --render=image, every byte pathak writes is read:

  kitty  the text rows go as pictures: transmitted (a=t) under ids and
         placed (a=p) by cursor address, and so does the status line's
         title; the words of a pictured row never reach the terminal
         as text; one line down (j) transmits at most one new picture and
         places every row again; a key that shows a message with no
         Devanagari on the status line (=) transmits no picture; a search sends its rows again (the
         highlights are in the pictures); Ctrl-L places them again, and
         so does a smaller window (none below its status row); r
         leaves the mode: every picture is deleted (a=d,d=I) and the words
         come as text.
  sixel  the rows go as sixel strings at their rows, never on the status
         row (a sixel there would scroll the screen); = sends none; j and k
         have the terminal scroll the rows above the status line (DECSTBM,
         SU/SD) and send only the row that came in; Ctrl-L sends every row;
         the help screen sends none and q back sends the rows again; r
         leaves the mode and the rows are repainted as text.

Skipped (77) when pathak says it cannot draw pictures: built without
HarfBuzz, or no Devanagari font.

usage: python3 image.py PATHAK ARTICLE TMPDIR
"""
import fcntl, os, pty, re, signal, struct, sys, termios, time, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyread

PATHAK, ARTICLE, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
SLOW = int(os.environ.get('TIME_FACTOR', '1'))
COLS, ROWS = 100, 30
WORDS = 'शिखर वार्ता'.encode()     # in a body row of the first screen

failed = []

def fail(msg):
    failed.append(msg)
    print('FAIL: ' + msg, file=sys.stderr)


def width(s):
    """Columns as glibc's wcwidth counts them (near enough for the probe)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 1
    return w


class Term:
    """The terminal's side of the pty: answers the probe, keeps the output."""

    def __init__(self, kind, argv):
        self.kind, self.out = kind, bytearray()
        env = {k: v for k, v in os.environ.items()
               if k not in ('TMUX', 'LINES', 'COLUMNS', 'KITTY_WINDOW_ID', 'VTE_VERSION')}
        env.update(TERM='xterm-256color', LC_ALL='C.UTF-8', HOME=TMP, ESCDELAY='25',
                   XDG_STATE_HOME=TMP + '/state')
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLS, 0, 0))
        self.seen = 0        # output scanned for questions
        self.line = ''       # text since the last CR (for CPR)

    def answer(self):
        """Answer the questions in the output not yet scanned."""
        buf = bytes(self.out[self.seen:])
        i, reply = 0, b''
        while i < len(buf):
            m = re.compile(rb'\r|\x1b\[6n|\x1b\[>0q|\x1b\[\?2027\$p|\x1b\]11;\?\x1b\\|'
                           rb'\x1b\[16t|\x1b\[c|\x1b_G[^\x1b]*\x1b\\|\x1b\[K').search(buf, i)
            if not m:
                self.line += buf[i:].decode('utf-8', 'replace')
                break
            self.line += buf[i:m.start()].decode('utf-8', 'replace')
            q = m.group(0)
            if q == b'\r':
                self.line = ''
            elif q == b'\x1b[6n':
                reply += b'\x1b[1;%dR' % (1 + width(self.line))
            elif q == b'\x1b[>0q':
                reply += b'\x1bP>|kitty(0.26.5)\x1b\\' if self.kind == 'kitty' \
                    else b'\x1bP>|foot(1.13.1)\x1b\\'
            elif q.startswith(b'\x1b[?2027'):
                reply += b'\x1b[?2027;0$y'
            elif q.startswith(b'\x1b]11'):
                reply += b'\x1b]11;rgb:ffff/ffff/ffff\x1b\\'
            elif q == b'\x1b[16t':
                reply += b'\x1b[6;20;10t'
            elif q == b'\x1b[c':
                reply += b'\x1b[?62;22c' if self.kind == 'kitty' else b'\x1b[?62;4;22c'
            elif q.startswith(b'\x1b_G') and b'a=q' in q and self.kind == 'kitty':
                reply += b'\x1b_Gi=31;OK\x1b\\'
            i = m.end()
        self.seen = len(self.out)
        if reply:
            os.write(self.fd, reply)

    def drain(self, quiet=0.25, most=6.0):
        def answer_new():
            if self.seen < len(self.out) and len(self.out) - self.seen < 1 << 16:
                self.answer()
        ptyread.drain(self.fd, self.out, quiet, most, SLOW, answer_new)

    def start(self):
        t0 = time.monotonic()
        while time.monotonic() - t0 < 10.0 * SLOW:   # until curses turned echo off
            self.drain(quiet=0.05, most=0.2)
            try:
                if not termios.tcgetattr(self.fd)[3] & termios.ECHO:
                    break
            except termios.error:
                break
        self.seen = 1 << 62   # no more questions: the rest is the screen
        self.drain(quiet=1.0, most=10.0)
        return bytes(self.out)

    def key(self, k, quiet=0.4):
        n = len(self.out)
        os.write(self.fd, k)
        self.drain(quiet=quiet)
        return bytes(self.out[n:])

    def quit(self):
        for k in (b'\x1b', b'q', b'q'):
            try:
                os.write(self.fd, k)
            except OSError:
                break
            self.drain(quiet=0.2, most=2.0)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


CUP = rb'\x1b\[(\d+);(\d+)H'

def placements(b):
    """(row, col, id) of each kitty placement, by the cursor address before it."""
    return [(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            for m in re.finditer(CUP + rb'\x1b_Ga=p,i=(\d+),c=\d+,r=1', b)]

def transmits(b):
    return re.findall(rb'\x1b_Ga=t,f=24,(?:o=z,)?s=\d+,v=20,i=(\d+)', b)

def sixels(b):
    """(row, col) of each sixel string."""
    return [(int(m.group(1)), int(m.group(2)))
            for m in re.finditer(CUP + rb'\x1bP0;1;0q"1;1;(\d+);(\d+)', b)]

def skip_if_none(t, b):
    if b'image mode:' in b:
        m = re.search(rb'image mode: ([^;]*);', b)
        print('image.py: no pictures here (%s): skipped'
              % (m.group(1).decode() if m else '?'))
        t.quit()
        sys.exit(77)


def kitty():
    t = Term('kitty', [PATHAK, '--render=image', ARTICLE])
    b = t.start()
    skip_if_none(t, b)
    # the last frame: each frame deletes the placements and places again
    pl, tx = placements(b.split(b'\x1b_Ga=d,d=a')[-1]), transmits(b)
    if len(pl) < 10:
        fail('kitty: %d rows placed at start, want >= 10' % len(pl))
    if any(r > ROWS for r, c, i in pl):
        fail('kitty: a picture placed below the screen')
    if not any(r == ROWS and c > 1 for r, c, i in pl):
        fail("kitty: the status line's title is not a picture")
    if len(set(r for r, c, i in pl)) != len(pl):
        fail('kitty: two pictures placed on one row')
    if len(tx) < len(set(i for r, c, i in pl)):
        fail('kitty: placed ids that were never transmitted')
    if WORDS in b:
        fail('kitty: the words of a pictured row were written as text')
    b = t.key(b'j')
    if len(transmits(b)) > 1:
        fail('kitty: one line down transmitted %d pictures, want at most 1'
             % len(transmits(b)))
    if len(placements(b)) < 10 or b'a=d,d=a' not in b:
        fail('kitty: one line down did not place the rows again')
    b = t.key(b'=')
    if transmits(b):
        fail('kitty: = (the status line only, no Devanagari) transmitted pictures')
    b = t.key('/पुतिन\r'.encode())
    if len(transmits(b)) < 1:
        fail('kitty: a search sent no new picture (its highlights)')
    b = t.key(b'\x0c')
    if len(placements(b)) < 10:
        fail('kitty: Ctrl-L did not place the rows again')
    # a smaller window: the rows are placed again, none below the new status row
    n = len(t.out)
    fcntl.ioctl(t.fd, termios.TIOCSWINSZ, struct.pack('HHHH', 20, 80, 0, 0))
    os.kill(t.pid, signal.SIGWINCH)
    t.drain(quiet=0.5)
    pl = placements(bytes(t.out[n:]).split(b'\x1b_Ga=d,d=a')[-1])
    if len(pl) < 5 or any(r > 20 for r, c, i in pl):
        fail('kitty: after a resize to 80x20, rows placed %s' % sorted(r for r, c, i in pl))
    ids = set(transmits(bytes(t.out)))
    b = t.key(b'r')
    gone = set(re.findall(rb'\x1b_Ga=d,d=I,i=(\d+)', b))
    if not ids <= gone:
        fail('kitty: leaving the mode left %d pictures in the terminal' % len(ids - gone))
    if b'\x1b_Ga=p' in b or b'\x1b_Ga=t' in b:
        fail('kitty: leaving the mode placed pictures')
    t.quit()


def sixel():
    t = Term('foot', [PATHAK, '--render=image', ARTICLE])
    b = t.start()
    skip_if_none(t, b)
    sx = sixels(b)
    if len(sx) < 10:
        fail('sixel: %d rows sent at start, want >= 10' % len(sx))
    if any(r >= ROWS for r, c in sx):
        fail('sixel: a picture on the status row')
    m = re.search(rb'\x1bP0;1;0q"1;1;(\d+);(\d+)', b)
    if m and int(m.group(2)) % 6:
        fail('sixel: picture height %s is not whole bands of six' % m.group(2).decode())
    if WORDS in b:
        fail('sixel: the words of a pictured row were written as text')
    # each key, and what it must send: no sixel, every row again, or the
    # terminal scrolls the rows above the status line and the row that
    # came in is sent
    none = lambda b: b'\x1bP' not in b
    rows = lambda b: len(sixels(b)) >= 10
    up = lambda b: b'\x1b[1;29r\x1b[1S\x1b[r' in b and len(sixels(b)) <= 2
    down = lambda b: b'\x1b[1;29r\x1b[1T\x1b[r' in b and len(sixels(b)) <= 2
    for key, ok, what in ((b'=', none, '= (the status line only) sent pictures'),
                          (b'j', up, 'one line down was not a scroll and one row'),
                          (b'j', up, 'one line down was not a scroll and one row'),
                          (b'k', down, 'one line up was not a scroll and one row'),
                          (b'\x0c', rows, 'Ctrl-L did not send every row'),
                          (b'h', none, 'the help screen sent pictures'),
                          (b'q', rows, 'back from help, the rows were not sent'),
                          (b'r', none, 'leaving the mode sent pictures')):
        b = t.key(key)
        if not ok(b):
            fail('sixel: ' + what)
    if WORDS not in b:
        fail('sixel: leaving the mode did not write the rows as text')
    t.quit()


kitty()
sixel()
if failed:
    sys.exit(1)
print('image.py: kitty and sixel pictures as expected')
