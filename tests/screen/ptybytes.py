"""ptybytes.py - every byte pathak writes to its terminal, checked.

pathak runs in a pseudo-terminal (100x30, TERM=xterm-256color) on an
article full of hostile text (see hostile() below: C0, C1 in UTF-8 and as
raw bytes, CSI, OSC 52 clipboard writes, OSC 8 links, OSC 2 titles, DCS,
APC, PM, SOS, the bidirectional controls, and naughty strings in the
style of the Big List of Naughty Strings), in each render mode and in the
C locale, and is driven through its screens: scrolling, the next
quotation (the status line shows speaker and cue), the quotation list
with a hostile filter, the entity pane, the search prompt with a hostile
query, and one run whose file name is hostile.  Everything it writes is
parsed as terminal output: only the sequences ncurses emits for
xterm-256color (CSI with a known final, ESC ( B and the other short ESC
sequences) and the start-up probe (CSI 6n, CSI >0q, CSI ?2027$p, CSI 16t,
CSI c, the background query OSC 11 ; ? ST and the kitty graphics query
APC G ... ST) may appear.  Any other OSC, DCS, APC, PM or SOS, any C1 control (U+0080..U+009F as
UTF-8, or a raw 0x80..0x9F byte), any C0 control other than BS, HT, LF,
CR, SO, SI and BEL, and any bidirectional control fails the test, with
the offending bytes and the keys that led to them.

usage: python3 ptybytes.py PATHAK TMPDIR
"""
import os, pty, re, select, signal, struct, sys, termios, fcntl, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyread

PATHAK, TMP = sys.argv[1], sys.argv[2]
SLOW = int(os.environ.get('TIME_FACTOR', '1'))   # a checked (valgrind) pathak
COLS, ROWS = 100, 30

BIDI = {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
CSI_FINAL = set(b'@ABCDEFGHIJKLMPSTXZ`abcdefghlmnpqrstuxy')
ESC_OK = set(b'78=>DEHMNOcgZ\\')   # two-byte ESC sequences ncurses or the probe may send
PROBE_OSC = b'\x1b]11;?\x1b\\'        # the strings the probe sends: questions, no text
PROBE_APC = b'\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\'   # kitty graphics: supported?

def check(buf):
    """None, or (offset, what) for the first byte run no curses program
    writes for xterm-256color."""
    i, n = 0, len(buf)
    while i < n:
        c = buf[i]
        if c == 0x1B:
            if i + 1 >= n:
                return i, 'a lone ESC at the end'
            k = buf[i + 1]
            if k == 0x5B:                      # CSI
                m = re.compile(rb'\x1b\[([<=>?]?)([0-9;:]*)([ -/]?)([@-~])').match(buf, i)
                if not m or m.group(4)[0] not in CSI_FINAL:
                    return i, 'a CSI sequence ncurses does not send'
                i = m.end()
                continue
            if buf.startswith(PROBE_OSC, i):   # the probe asking the background
                i += len(PROBE_OSC)
                continue
            if buf.startswith(PROBE_APC, i):   # ... and whether it draws kitty images
                i += len(PROBE_APC)
                continue
            if k in b']P_^X':
                return i, 'an OSC, DCS, APC, PM or SOS string'
            if k in b'()*+':
                if i + 2 < n and buf[i + 2] in b'0AB':
                    i += 3
                    continue
                return i, 'a charset designation ncurses does not send'
            if k in ESC_OK:
                i += 2
                continue
            return i, 'an ESC sequence ncurses does not send'
        if c < 0x20 or c == 0x7F:
            if c in (0x07, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x0F):
                i += 1
                continue
            return i, 'a C0 control or DEL'
        if c < 0x80:
            i += 1
            continue
        if 0x80 <= c <= 0x9F:
            return i, 'a raw C1 byte (0x%02X)' % c
        ln = 2 if 0xC2 <= c <= 0xDF else 3 if 0xE0 <= c <= 0xEF else 4 if 0xF0 <= c <= 0xF4 else 0
        if not ln or i + ln > n:
            return i, 'invalid UTF-8'
        try:
            ch = buf[i:i + ln].decode('utf-8')
        except UnicodeDecodeError:
            return i, 'invalid UTF-8'
        o = ord(ch)
        if 0x80 <= o <= 0x9F:
            return i, 'a C1 control U+%04X' % o
        if o in BIDI:
            return i, 'a bidirectional control U+%04X' % o
        i += ln
    return None

def hostile():
    E, B, ST = '\x1b', '\x07', '\x1b\\'
    lines = [
        # the title: the status line draws it
        'शीर्षक ' + E + ']2;PWNTITLE' + B + ' \u202eRLO\u202c \u0085 ' + E + '[2J अंत',
        'START-MARK पहला अनुच्छेद',
        'csi: ' + E + '[2J' + E + '[H' + E + '[31mलाल' + E + '[0m ' + E + '[?1049l बाद',
        'osc52: ' + E + ']52;c;cHduZWQ=' + B + ' और ' + E + ']52;p;cHduZWQ=' + ST + ' बाद',
        'osc8: ' + E + ']8;;https://evil.example/' + ST + 'लिंक' + E + ']8;;' + ST + ' बाद',
        'dcs: ' + E + 'P+q544e' + ST + ' ' + E + 'P$qm' + ST + ' बाद',
        'apc: ' + E + '_Gf=100;AAAA' + ST + ' pm: ' + E + '^secret' + ST + ' sos: ' + E + 'Xsos' + ST + ' बाद',
        'c1: \u009b2J \u009d52;c;cHduZWQ=\u009c \u0090dcs\u009c \u009f \u0085 \u0084 \u008e बाद',
        'c0: \x00 \x01 \x08 \x0b \x0c \x0e \x0f \x1a \x7f \x07 बाद',
        'bidi: \u202aLRE\u202c \u202bRLE\u202c \u202dLRO\u202c \u202eRLO\u202c \u2066LRI\u2069 '
        '\u2067RLI\u2069 \u2068FSI\u2069 \u200eLRM \u200fRLM \u061cALM बाद',
        'bidi-trojan: access = "user\u202e \u2066// check admin\u2069 \u2066"; बाद',
        # naughty strings, BLNS style
        'zalgo: Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u036b\u0357 बाद',
        'rtl: ثم نفس سقطت وبالتحديد، \u05d1\u05b0\u05bc\u05e8\u05b5\u05d0\u05e9\u05b4\u05c1\u05d9\u05ea बाद',
        'emoji: 👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 👍🏽 x\u200d y\u200d बाद',
        'odd: \ufeff bom \u2028 ls \u2029 ps \u00ad shy \u200b zwsp \ufffe \uffff \ufdd0 \U0010ffff बाद',
        'wide: 田中さんにあげて下さい ｱｲｳ 표준 बाद',
        'marks: \u093f\u094d\u094d\u094d\u0902\u0902\u0902\u0902\u0902\u0902 क्\u200dष क्\u200cष बाद',
        'quote: राम\u202e शर्मा ने कहा, “हम ' + E + ']52;c;cHduZWQ=' + B + ' जीतेंगे\u202e \u009b2J।”',
        'quote2: “सब ' + E + '[8mछिपा' + E + '[0m ठीक है\u2067,” प्रधानमंत्री नरेंद्र\u200f मोदी ने कहा।',
        'quote3: दिल्ली के मुख्यमंत्री \u202eअरविंद केजरीवाल ने बताया कि “पानी ' + E + 'P1;1|17/ab' + ST + ' आएगा।”',
        'END-MARK अंतिम पंक्ति',
    ]
    body = '\n\n'.join(lines) + '\n'
    data = body.encode('utf-8', 'surrogatepass')
    # raw bytes: a one-byte CSI and OSC, and ill-formed UTF-8
    data += b'raw: \x9b2J \x9d0;PWN\x07 \xc2 \xe2\x80 \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xc0\xaf \xff\xfe \xe2\x80\xae\x9b end\n'
    return data

def run(argv, keys, env_extra, label):
    env = {k: v for k, v in os.environ.items()
           if k not in ('LESS', 'LESSOPEN', 'LESSCLOSE', 'LINES', 'COLUMNS', 'TMUX')}
    # ESCDELAY: Esc is a key of its own after 25 ms, not the start of Alt-key
    env.update(TERM='xterm-256color', LC_ALL='C.UTF-8', XDG_STATE_HOME=TMP + '/state',
               HOME=TMP, ESCDELAY='25')
    env.update(env_extra)
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLS, 0, 0))
    out = bytearray()
    log = []      # (offset in out, key sent)

    def drain(quiet=0.12, most=4.0):
        ptyread.drain(fd, out, quiet, most, SLOW)

    # Keys typed before curses has turned the terminal's echo off would be
    # echoed by the terminal itself, not written by pathak: wait for that
    # (the master reads the slave's modes), unless pathak is gone.
    t0 = time.monotonic()
    while time.monotonic() - t0 < 10.0 * SLOW:
        try:
            if not termios.tcgetattr(fd)[3] & termios.ECHO:
                break
            with open('/proc/%d/stat' % pid) as f:
                if f.read().rsplit(')', 1)[1].split()[0] == 'Z':
                    break
        except (termios.error, OSError):
            break
        drain(quiet=0.05, most=0.1)
    drain(quiet=0.5, most=6.0)
    for k in keys:
        log.append((len(out), k))
        try:
            os.write(fd, k)
        except OSError:
            break
        drain()
    # the keys above may leave a prompt or a filter open, depending on how
    # fast the entity pass was: Esc and q until it quits
    status = None
    for attempt in range(5):
        t0 = time.monotonic()
        while time.monotonic() - t0 < 3.0 * SLOW:
            p, st = os.waitpid(pid, os.WNOHANG)
            if p:
                status = st
                break
            drain(quiet=0.05, most=0.1)
            time.sleep(0.02)   # drain returns at once once the pty is closed
        if status is not None:
            break
        try:
            log.append((len(out), b'\x1b q'))
            os.write(fd, b'\x1b')
            drain()
            os.write(fd, b'q')
        except OSError:
            pass
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    drain(quiet=0.05, most=0.2)
    try:
        os.close(fd)
    except OSError:
        pass
    bad = check(bytes(out))
    fails = []
    if bad:
        off, what = bad
        keyat = 'start-up'
        for o, k in log:
            if o <= off:
                keyat = 'after key %r' % k
        fails.append('%s: %s at byte %d (%s): %r' % (label, what, off, keyat,
                     bytes(out[max(0, off - 24):off + 24])))
    if status is None:
        fails.append('%s: pathak did not exit after q; last output %r' % (label, bytes(out[-300:])))
    elif not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        fails.append('%s: pathak ended with wait status %d' % (label, status))
    if b'END-MARK' not in out and b'raw:' not in out and b'START-MARK' not in out:
        fails.append('%s: the article never showed' % label)
    return fails, len(out)

def main():
    os.makedirs(TMP + '/state', exist_ok=True)
    art = os.path.join(TMP, 'hostile.txt')
    with open(art, 'wb') as f:
        f.write(hostile())
    # a file name that is itself hostile (the status line shows the name of
    # a file with no title); an empty first line so there is no title
    evil = os.path.join(TMP, 'n\x1b]2;PWN\x07\u202e\u009btxt.txt'.encode('utf-8', 'surrogatepass').decode('utf-8'))
    with open(evil, 'wb') as f:
        f.write(b'\n' + hostile())
    query = '\u202e\u009b\u2066x'.encode('utf-8') + b'\x9b' + 'बाद'.encode('utf-8')
    keys = [b'j', b' ', b'G', b'g', b']', b']', b'"', '\u202e\u009b'.encode('utf-8'), b'\x15',
            b'\t', b'\x1b', b'e', b'j', b'j', b'/', 'ज\u200e'.encode('utf-8'), b'\x1b', b'e',
            b'\t', b'/', query, b'\r', b'n', b'N', b'/', b'\x1b[A', b'\r', b'>', b'q']
    failures, total = [], 0
    # the article is all controls on purpose: it would get the binary question
    runs = [([PATHAK, '--binary', '--render=' + m, art], {}, m) for m in
            ('shaped', 'reorder', 'halant', 'reorder+halant', 'latin', 'interlinear')]
    runs.append(([PATHAK, '--binary', art], {'LC_ALL': 'C'}, 'C locale'))
    runs.append(([PATHAK, '--binary', '--render=shaped', evil], {}, 'hostile file name'))
    runs.append(([PATHAK, '--binary', '--dump', art], {}, '--dump to a terminal'))
    for argv, env, label in runs:
        f, n = run(argv, keys if '--dump' not in argv else [], env, label)
        total += n
        for x in f:
            print('FAIL: ' + x)
        if not f:
            print('ok: %s: %d bytes written, all of them safe' % (label, n))
        failures += f
    return 1 if failures else 0

sys.exit(main())
