"""ptyread.py - reading what a program writes to a pseudo-terminal, for
the pty tests (ptybytes.py, image.py)."""
import os, select, time


def drain(fd, out, quiet, most, slow=1, on_data=None):
    """Read fd into the bytearray out until it has been quiet for `quiet`
    seconds or `most` seconds have passed (both times `slow`), or the other
    side closed; on_data() is called after each read."""
    quiet, most = quiet * slow, most * slow
    t0 = last = time.monotonic()
    while True:
        now = time.monotonic()
        if now - last > quiet or now - t0 > most:
            return
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                b = os.read(fd, 65536)
            except OSError:
                return
            if not b:
                return
            out.extend(b)
            if on_data:
                on_data()
            last = time.monotonic()
