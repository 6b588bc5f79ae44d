"""ttygone.py - the terminal goes away under a busy pathak.

pathak runs in a pseudo-terminal with SIGHUP ignored (as under nohup or a
shell's trap ''), so nothing but its own reads and writes can tell it the
terminal is gone.  The harness closes the terminal (the master side) and
checks that pathak exits within a few seconds, with a non-zero status and
one line on stderr about the terminal, and that it used little CPU time
meanwhile (no spinning on failed reads or writes).  Cases:

  idle     a file, nothing to do: blocked on the keyboard;
  follow   standard input a pipe the harness keeps writing a line to every
           20 ms, keys from /dev/tty, F pressed: busy for ever;
  flood    standard input a pipe the harness writes as fast as it can, F:
           busy reading (it once went on to the --max-input limit);
  binary   at the question before a binary file;
  screen   the screen (standard output) on a second terminal, which goes
           away while the keyboard stays: writes fail; at the next key
           pathak must notice, not draw on into nothing.

usage: python3 ttygone.py PATHAK ARTICLE TMPDIR
"""
import fcntl, os, pty, select, signal, struct, sys, termios, threading, time

PATHAK, ARTICLE, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
SLOW = int(os.environ.get('TIME_FACTOR', '1'))
HZ = os.sysconf('SC_CLK_TCK')
failed = []


def cpu_ticks(pid):
    with open('/proc/%d/stat' % pid) as f:
        st = f.read()
    fields = st[st.rindex(')') + 2:].split()
    return int(fields[11]) + int(fields[12])


def drain(fd, until, want=None):
    """Read the terminal until @until, or until @want has been seen."""
    got = b''
    while time.monotonic() < until:
        r, _, _ = select.select([fd], [], [], 0.05)
        if not r:
            continue
        try:
            b = os.read(fd, 65536)
        except OSError:
            break
        if not b:
            break
        got += b
        if want and want in got:
            return True
    return False


def case(label, argv, feed=None, keys=b'', want=b'%', split=False):
    errpath = os.path.join(TMP, 'err-' + label)
    errfd = os.open(errpath, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    if feed:
        rd, wr = os.pipe()
    if split:
        scr, scr_slave = os.openpty()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            if feed:
                os.dup2(rd, 0)
                os.close(rd)
                os.close(wr)
            os.dup2(errfd, 2)
            if split:
                os.dup2(scr_slave, 1)
                # curses sets the modes of its screen's terminal only
                import tty
                tty.setcbreak(0)
            env = dict(os.environ, TERM='xterm-256color', LC_ALL='C.UTF-8')
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    os.close(errfd)
    kbd = fd
    if split:
        os.close(scr_slave)
        fd = scr
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
    stop = threading.Event()
    if feed:
        os.close(rd)

        def writer():
            n = 0
            while not stop.is_set():
                try:
                    os.write(wr, feed(n))
                except OSError:
                    break
                n += 1
            os.close(wr)
        t = threading.Thread(target=writer, daemon=True)
        t.start()
    # wait for the pager's status line (the percentage), then the keys
    if not drain(fd, time.monotonic() + 10 * SLOW, want):
        failed.append('%s: no screen from pathak' % label)
    if keys:
        os.write(kbd, keys)
        drain(fd, time.monotonic() + 0.5 * SLOW)
    before = cpu_ticks(pid)
    t0 = time.monotonic()
    os.close(fd)  # the terminal goes away
    if split:
        time.sleep(0.2)
        os.write(kbd, b'j')  # a key: pathak draws, and must notice
    limit = 5 * SLOW
    status = None
    while time.monotonic() - t0 < limit:
        p, status, ru = os.wait4(pid, os.WNOHANG)
        if p:
            break
        time.sleep(0.02)
        status = None
    stop.set()
    if split:
        os.close(kbd)
    if status is None:
        used = cpu_ticks(pid) - before
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        failed.append('%s: pathak still runs %d s after its terminal went away '
                      '(%d clock ticks of CPU meanwhile)' % (label, limit, used))
        return
    took = time.monotonic() - t0
    used = int((ru.ru_utime + ru.ru_stime) * HZ + 0.5) - before
    with open(errpath, 'rb') as f:
        err = f.read().decode('utf-8', 'replace')
    lines = err.splitlines()
    what = '%s: status %s after %.1f s, %d clock ticks, stderr %r' % (
        label, os.waitstatus_to_exitcode(status), took, used, err)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) == 0:
        failed.append(what + ': want a non-zero exit status')
    elif len(lines) != 1 or 'terminal' not in lines[0]:
        failed.append(what + ': want one line on stderr about the terminal')
    elif used > max(HZ // 2, took * HZ / 4):
        failed.append(what + ': too much CPU after the terminal went away')
    else:
        print('ok: ' + what)


line = 'एक पंक्ति जो बार-बार आती है\n'.encode()
case('idle', [PATHAK, '--render=shaped', ARTICLE])
case('follow', [PATHAK, '--render=shaped'],
     feed=lambda n: (time.sleep(0.02), line)[1], keys=b'F')
case('flood', [PATHAK, '--render=shaped'], feed=lambda n: line * 2000, keys=b'F')
binfile = os.path.join(TMP, 'bin')
with open(binfile, 'wb') as f:
    f.write(b'\x7fELF\x02\x01\x01\x00\x00\x00binary text\n')
case('binary', [PATHAK, binfile], want=b'See it anyway')
case('screen', [PATHAK, '--render=shaped', ARTICLE], split=True)
for f in failed:
    print('FAIL: ' + f, file=sys.stderr)
sys.exit(1 if failed else 0)
