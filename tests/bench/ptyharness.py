"""ptyharness.py - run a program in a pseudo-terminal and time what it
writes (tests/bench/bench.sh, pane_bench.sh).

The program runs under pty.fork with the window size set by TIOCSWINSZ,
TERM=xterm-256color and LC_ALL=C.UTF-8 (LESS/LESSOPEN unset).  The harness
answers the terminal queries a program may send at start-up like a plain
xterm would (cursor position reports with each code point advancing by its
wcwidth, device attributes, XTVERSION, DECRQM 2027 unknown) so that a
probing program is not made to wait for a timeout.  COLS and LINES (default
100x30) set the window.
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

COLS = int(os.environ.get('COLS', '100'))
ROWS = int(os.environ.get('LINES', '30'))
TIMEOUT = 60.0

import re, unicodedata
def cw(ch):
    o = ord(ch)
    if 0x200B <= o <= 0x200F or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1

ESCSEQ = re.compile(rb'\x1b(\[[0-9;?>=$]*[ -/]*[@-~]|P.*?\x1b\\|\][^\x07]*\x07|[()][0-9A-Za-z]|.)', re.S)
OTHER = [  # (query, answer): device attributes, XTVERSION, DECRQM 2027
    (b'\x1b[c', b'\x1b[?62;22c'),
    (b'\x1b[0c', b'\x1b[?62;22c'),
    (b'\x1b[>c', b'\x1b[>1;10;0c'),
    (b'\x1b[>q', b'\x1bP>|bench-harness\x1b\\'),
    (b'\x1b[>0q', b'\x1bP>|bench-harness\x1b\\'),
    (b'\x1b[?2027$p', b'\x1b[?2027;0$y'),
]

def answers(data, line):
    """The replies of a simple xterm-like terminal (no shaping: each code
    point advances by its wcwidth) to the queries in data.  `line` is the
    text written since the last carriage return, carried across calls.
    Returns (replies, line)."""
    out = b''
    for q, a in OTHER:
        out += a * data.count(q)
    for part in re.split(rb'(\x1b\[6n)', data):
        if part == b'\x1b[6n':
            text = ESCSEQ.sub(b'', line).decode('utf-8', 'replace')
            col = sum(cw(c) for c in text if c >= ' ')
            out += b'\x1b[1;%dR' % (col + 1)
        else:
            k = part.rfind(b'\r')
            line = part[k + 1:] if k >= 0 else line + part
            line = line[-4096:]
    return out, line

class Run:
    def __init__(self, argv):
        env = {k: v for k, v in os.environ.items()
               if k not in ('LESS', 'LESSOPEN', 'LESSCLOSE', 'LINES', 'COLUMNS')}
        env.update(TERM='xterm-256color', LC_ALL='C.UTF-8')
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLS, 0, 0))
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.buf = b''
        self.seen = 0   # where the next search starts
        self.line = b''  # the text since the last CR, for cursor reports

    def _pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            raise RuntimeError('the program exited early')
        if not data:
            raise RuntimeError('the program exited early')
        self.buf += data
        reply, self.line = answers(data, self.line)
        if reply:
            os.write(self.fd, reply)

    def wait_for(self, marker):
        """Read until marker appears after the last mark(); return the time."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            i = self.buf.find(marker, self.seen)
            if i >= 0:
                t = time.monotonic()
                self.seen = i + len(marker)
                return t
            if time.monotonic() > deadline:
                raise RuntimeError('timed out waiting for %r' % marker)
            self.seen = max(self.seen, len(self.buf) - len(marker) + 1)
            self._pump(0.5)

    def drain(self, quiet=0.1):
        """Read until the program has been quiet for `quiet` seconds."""
        while True:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                return
            self._pump(0)

    def status_kb(self):
        """VmHWM, RssAnon, RssFile from /proc/PID/status, in kB."""
        got = {}
        with open('/proc/%d/status' % self.pid) as f:
            for line in f:
                k, _, v = line.partition(':')
                if k in ('VmHWM', 'RssAnon', 'RssFile'):
                    got[k] = int(v.split()[0])
        return got.get('VmHWM', 0), got.get('RssAnon', 0), got.get('RssFile', 0)

    def settle(self, quiet=0.3, limit=20.0):
        """Wait until the program uses no CPU for `quiet` s (background work
        such as indexing is done), reading its output meanwhile."""
        def cpu():
            with open('/proc/%d/stat' % self.pid) as f:
                fields = f.read().rsplit(')', 1)[1].split()
            return int(fields[11]) + int(fields[12])
        deadline = time.monotonic() + limit
        last = cpu()
        while time.monotonic() < deadline:
            self.drain(quiet)
            now = cpu()
            if now == last:
                return
            last = now

    def quit(self):
        os.write(self.fd, b'q')
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            try:
                self._pump(0.05)
            except RuntimeError:
                pass
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_screen(argv, markers, keys=b''):
    """Seconds from start until every marker (bytes) has been written;
    then the keys are typed (their effect read for 0.3 s) and q quits."""
    r = Run(argv)
    try:
        deadline = time.monotonic() + 30
        while not all(m in r.buf for m in markers):
            if time.monotonic() > deadline:
                raise RuntimeError('timed out waiting for %r' % markers)
            r._pump(0.5)
        t = time.monotonic() - r.t0
        if keys:
            os.write(r.fd, keys)
            r._pump(0.3)
        return t
    finally:
        r.quit()
