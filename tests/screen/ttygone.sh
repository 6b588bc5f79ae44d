#!/bin/sh
# tests/screen/ttygone.sh - the terminal goes away under a pathak that
# ignores SIGHUP, idle, following a stream, reading a flood, at the binary
# question, or (the screen on another terminal) drawing: it exits within
# seconds, non-zero, with one line about the terminal on stderr, and does
# not spin meanwhile (tests/screen/ttygone.py).
. "$top_srcdir/tests/lib.sh"
need_python
TIME_FACTOR=$TIME_FACTOR python3 "$top_srcdir/tests/screen/ttygone.py" "$PATHAK" "$SEED" "$T" ||
	fail "pathak did not end cleanly when its terminal went away"
finish
