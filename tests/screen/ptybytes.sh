#!/bin/sh
# tests/screen/ptybytes.sh - no input byte reaches the terminal as a
# control: pathak runs in a pseudo-terminal on hostile text in every render
# mode, through its screens, and every byte it writes is checked
# (tests/screen/ptybytes.py says what is allowed).
. "$top_srcdir/tests/lib.sh"
need_python
TIME_FACTOR=$TIME_FACTOR python3 "$top_srcdir/tests/screen/ptybytes.py" "$PATHAK" "$T" || fail "pathak wrote a control from its input to the terminal"
finish
