# tests/lib.sh - shared helpers for the program-level tests (POSIX sh).
#
# Sourced by the test scripts:   . "$top_srcdir/tests/lib.sh"
# The environment comes from AM_TESTS_ENVIRONMENT in Makefile.am:
#   top_srcdir, top_builddir, PATHAK (the binary), LC_ALL=C.UTF-8.
# Exit codes follow the automake test driver: 0 pass, 1 fail, 77 skip,
# 99 hard error.

: "${top_srcdir:?top_srcdir is not set (run the tests through make check)}"
: "${PATHAK:?PATHAK is not set (run the tests through make check)}"
LC_ALL=${LC_ALL:-C.UTF-8}
export LC_ALL

SEED=$top_srcdir/assets/articles/seed.txt
SHARED_ARTICLES=$top_srcdir/../shared/data/articles

# --------------------------------------------------------------- basics
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# soft_fail MESSAGE - record a failure and go on; finish exits 1 at the end.
_SOFT_FAILED=0
soft_fail() {
	printf 'FAIL: %s\n' "$*" >&2
	_SOFT_FAILED=1
}

# finish - exit 1 if any soft_fail was recorded, else 0.
finish() {
	[ "$_SOFT_FAILED" -eq 0 ] || exit 1
	exit 0
}

skip() {
	printf 'SKIP: %s\n' "$*"
	exit 77
}

hard_error() {
	printf 'ERROR: %s\n' "$*" >&2
	exit 99
}

ok() {
	printf 'ok: %s\n' "$*"
}

need_python() {
	command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
}

# A private temporary directory, $T, removed at exit together with any tmux
# server this script started.
_cleanup() {
	for _s in ${_TMUX_SOCKS:-}; do
		tmux -L "$_s" kill-server >/dev/null 2>&1 || :
	done
	if [ -n "${T:-}" ]; then
		# a pathak whose terminal just went away may still be writing its
		# place into $T/state: try again once it has
		rm -rf "$T" 2>/dev/null || { sleep 0.3; rm -rf "$T"; }
	fi
}
_TEST_PID=$$
T=$(mktemp -d "${TMPDIR:-/tmp}/pathak-test.XXXXXX") || hard_error "mktemp -d failed"
trap '_st=$?; _cleanup; _vg_verdict "$_st"' EXIT
# pathak remembers places and searches and reads a config file: each test
# has its own, so no test sees another's (or the user's) and none is left.
XDG_STATE_HOME=$T/state
XDG_CONFIG_HOME=$T/config
export XDG_STATE_HOME XDG_CONFIG_HOME
unset PATHAK_OPTIONS
trap '_cleanup; exit 1' HUP INT TERM

[ -x "$PATHAK" ] || hard_error "the program $PATHAK is missing (build it first)"
[ -r "$SEED" ] || hard_error "the sample article $SEED is missing"

# PATHAK_WRAPPER (make check-valgrind sets it) runs every pathak of this
# test under a checker, e.g. 'valgrind --error-exitcode=99 --leak-check=no'.
# Each run writes its own log in $PATHAK_VG_LOGS/<test>/ (%p: the pid); at
# exit the test fails if any log reports an error, whatever the screens
# showed, since a memory error need not change them.  The wrapper execs, so
# the pid a test records is the checked process's.  A checked pathak is
# 20-50 times slower: the polls wait ten times longer.
_vg_verdict() { :; }
# Wall-clock limits in the tests are multiplied by TIME_FACTOR.
TIME_FACTOR=1
if [ -n "${PATHAK_WRAPPER:-}" ]; then
	_VG_LOGS=${PATHAK_VG_LOGS:-$top_builddir/tests/valgrind}/$(basename "$0" .sh)
	mkdir -p "$_VG_LOGS" || hard_error "cannot make $_VG_LOGS"
	rm -f "$_VG_LOGS"/*.log
	printf '#!/bin/sh\nexec %s --log-file=%s/vg.%%p.log %s "$@"\n' \
		"$PATHAK_WRAPPER" "'$_VG_LOGS'" "'$PATHAK'" >"$T/pathak" &&
		chmod +x "$T/pathak" || hard_error "cannot write the wrapper"
	PATHAK=$T/pathak
	POLL_TRIES=${POLL_TRIES:-1000}
	TIME_FACTOR=10
	_vg_verdict() {
		# A report counts whether or not the run got to its summary (one
		# killed by SIGKILL never does).
		_bad=$(grep -l -e 'ERROR SUMMARY: [1-9]' \
			-e '^==[0-9]*== \(Invalid\|Conditional jump\|Use of uninit\|Syscall param\|Mismatched\|Source and destination overlap\)' \
			"$_VG_LOGS"/*.log 2>/dev/null)
		if [ -n "$_bad" ]; then
			printf 'FAIL: valgrind reports errors in:\n%s\n' "$_bad" >&2
			exit 1
		fi
		[ -n "$(ls "$_VG_LOGS" 2>/dev/null)" ] ||
			{ echo "FAIL: no valgrind log was written" >&2; exit 1; }
		exit "$1"
	}
fi

# In a terminal pathak picks a render mode for Devanagari by probing the
# terminal (ui/term.c); under tmux that may be "reorder", which draws ि
# before its consonant.  The screen tests check the pager, not the probe:
# they force the logical order (shaped), the order --dump uses, so that the
# screen can be compared with the dump.  (Older builds have no --render.)
RENDER_OPT=
if "$PATHAK" --help 2>/dev/null | grep -q -- '--render'; then
	RENDER_OPT=--render=shaped
fi

# Short pause used by the poll loops (fractional sleep where available).
_nap() {
	sleep 0.05 2>/dev/null || sleep 1
}

# --------------------------------------------------------------- tmux
# tmux runs on a private socket (pathak-PID-N) with no user configuration, no
# status line (so the pane is exactly W x H) and remain-on-exit, so the last
# screen of a program that exited can still be captured.  set-clipboard on
# makes tmux store OSC 52 clipboard writes as paste buffers, so a test can
# see one (tm list-buffers).
need_tmux() {
	command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
}

# tm ARGS... - run a tmux command against the private server.
tm() {
	tmux -L "$_TMUX_SOCK" "$@"
}

# tm_start W H COMMAND - start COMMAND (a shell command line) in a detached
# W x H window, on a new private tmux server.  COMMAND runs as: sh $T/run.sh; when it finishes, its exit
# status is written to $T/exit as EXIT=<status>.
tm_start() {
	need_tmux
	_w=$1 _h=$2
	shift 2
	# A fresh server per window: a server just killed may still hold its
	# socket, and a client connecting to it would fail.
	_TMUX_N=$((${_TMUX_N:-0} + 1))
	_TMUX_SOCK=pathak-$$-$_TMUX_N
	_TMUX_SOCKS="${_TMUX_SOCKS:-} $_TMUX_SOCK"
	rm -f "$T/exit"
	# each window opens its article afresh, unless the test is about
	# coming back (KEEP_PLACES set)
	[ -n "${KEEP_PLACES:-}" ] || rm -f "$XDG_STATE_HOME/pathak/places"
	cat >"$T/tmux.conf" <<EOF
set -g status off
set -g remain-on-exit on
set -g default-terminal screen
set -g history-limit 0
set -g set-clipboard on
EOF
	{
		printf '%s\n' "$*"
		printf 'echo "EXIT=$?" >"%s/exit.tmp" && mv "%s/exit.tmp" "%s/exit"\n' "$T" "$T" "$T"
	} >"$T/run.sh"
	tmux -L "$_TMUX_SOCK" -f "$T/tmux.conf" -u new-session -d -s pk \
		-x "$_w" -y "$_h" "sh '$T/run.sh'" ||
		hard_error "tmux new-session failed"
	# Watchdog: if this script dies without running its trap (SIGKILL from
	# a killed make, say), kill the server anyway, within a second or so;
	# remain-on-exit would otherwise keep it alive for ever.
	(
		trap '' HUP INT TERM
		while kill -0 "$_TEST_PID" 2>/dev/null; do
			sleep 1
		done
		tmux -L "$_TMUX_SOCK" kill-server
	) </dev/null >/dev/null 2>&1 &
	# Pin the window size: no client is attached, so tmux would otherwise
	# fall back to its default size.
	tm resize-window -t pk -x "$_w" -y "$_h" >/dev/null 2>&1 || :
}

# screen - the visible pane text, one line per row.
screen() {
	tm capture-pane -p -t pk
}

# keys KEY... - send keys (tmux key names: Space, Enter, C-l, ...).  Under
# PATHAK_WRAPPER one at a time, each read before the next is sent (settle):
# a slow pathak would read several at once, and a key typed while it works
# may stop the work (a quotation search) as it is meant to.
keys() {
	if [ -z "${PATHAK_WRAPPER:-}" ]; then
		tm send-keys -t pk "$@"
		return
	fi
	for _k in "$@"; do
		tm send-keys -t pk "$_k"
		settle || :
	done
}

# POLL_TRIES x 0.05 s is the longest any wait below polls (about 5 s).
POLL_TRIES=${POLL_TRIES:-100}

# wait_for TEXT - poll until TEXT (fixed string) is on screen; the screen is
# left in $T/screen.  Returns 1 after about 5 s.
wait_for() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		grep -F -q -- "$1" "$T/screen" && return 0
		_i=$((_i + 1))
		_nap
	done
	return 1
}

# wait_gone TEXT - poll until TEXT is no longer on screen.
wait_gone() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		grep -F -q -- "$1" "$T/screen" || return 0
		_i=$((_i + 1))
		_nap
	done
	return 1
}

# wait_line N TEXT - poll until screen row N (1-based) contains TEXT.
wait_line() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		sed -n "${1}p" "$T/screen" | grep -F -q -- "$2" && return 0
		_i=$((_i + 1))
		_nap
	done
	return 1
}

# wait_exit - poll until the command started by tm_start has finished; its
# status is then in $EXIT_STATUS.  Returns 1 if it is still running.
wait_exit() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		if [ -f "$T/exit" ]; then
			EXIT_STATUS=$(sed -n 's/^EXIT=//p' "$T/exit")
			return 0
		fi
		_i=$((_i + 1))
		_nap
	done
	return 1
}

# settle - wait until the program in the pane has read every key sent so
# far and is idle: the pane's terminal has no unread input and no process
# in it is running, twice 0.03 s apart (so an ESC is not read together with
# the next key as one sequence).  Where a screen shows nothing to wait for
# (a 1x1 window), this is what makes a slow run (valgrind) keep step.
# Returns 1 after POLL_TRIES polls.
settle() {
	_pp=$(tm display-message -p -t pk '#{pane_tty} #{pane_pid}' 2>/dev/null)
	[ -n "$_pp" ] || { _nap; return 0; }
	python3 - $_pp "$POLL_TRIES" <<'PYEOF'
import fcntl, os, struct, sys, termios, time
tty, top, tries = sys.argv[1], sys.argv[2], int(sys.argv[3])
try:
    fd = os.open(tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
except OSError:
    sys.exit(0)  # the pane is gone: nothing to wait for

def running(pid):
    """pid or a descendant is running (or in an uninterruptible wait)"""
    try:
        with open('/proc/%s/stat' % pid) as f:
            st = f.read()
        if st[st.rindex(')') + 2] in 'RD':
            return True
        kids = []
        for t in os.listdir('/proc/%s/task' % pid):
            with open('/proc/%s/task/%s/children' % (pid, t)) as f:
                kids += f.read().split()
    except OSError:
        return False
    return any(running(k) for k in kids)

def busy():
    n = struct.unpack('i', fcntl.ioctl(fd, termios.FIONREAD, b'\0' * 4))[0]
    return n > 0 or running(top)

quiet = 0
for _ in range(tries):
    time.sleep(0.03)
    quiet = 0 if busy() else quiet + 1
    if quiet >= 2:
        sys.exit(0)
sys.exit(1)
PYEOF
}

# alive - the command in the pane is still running.
alive() {
	[ ! -f "$T/exit" ] && [ "$(tm display-message -p -t pk '#{pane_dead}' 2>/dev/null)" = 0 ]
}

# show_screen MESSAGE - print MESSAGE and the last captured screen, then fail.
fail_screen() {
	printf 'FAIL: %s\n--- screen ---\n' "$1" >&2
	screen >&2 2>/dev/null || cat "$T/screen" >&2 2>/dev/null
	printf -- '--------------\n' >&2
	exit 1
}

# first_text_line - the first non-blank row of the current screen, with
# leading and trailing blanks removed.
first_text_line() {
	screen | sed -n '/[^ ]/{s/^ *//;s/ *$//;p;q;}'
}

# --------------------------------------------------------------- wrap check
# wrap_check WIDTHS FILE... - for each FILE and each width in WIDTHS (a
# comma-separated list, or LO-HI), run "$PATHAK --dump --width N FILE" and
# check what a reader would see:
#  * no line is wider than N cells (width as glibc wcwidth computes it:
#    0 for Mn/Me/Cf and U+200B..U+200F, 2 for East Asian W/F, else 1;
#    Devanagari spacing vowel signs (Mc) take 1);
#  * no line starts with a combining mark, dependent vowel sign or virama
#    (general category M*);
#  * no text is lost or invented: the lines joined, without whitespace,
#    equal the file's text without whitespace (a dotted circle U+25CC shown
#    as the base of a mark that has none is not counted);
#  * the program exits 0 and writes nothing to stderr.
# One python3 process spawns all the dumps.  Prints a summary; exit 1 with
# the first few problems on failure.
wrap_check() {
	need_python
	python3 - "$PATHAK" "$@" <<'PYEOF'
import concurrent.futures, os, re, subprocess, sys, time, unicodedata

pathak, widths_arg, files = sys.argv[1], sys.argv[2], sys.argv[3:]
if '-' in widths_arg and ',' not in widths_arg:
    lo, hi = widths_arg.split('-')
    widths = list(range(int(lo), int(hi) + 1))
else:
    widths = [int(w) for w in widths_arg.split(',')]

def cw(ch):
    o = ord(ch)
    if 0x200B <= o <= 0x200F:
        return 0
    if unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    if unicodedata.east_asian_width(ch) in ('W', 'F'):
        return 2
    return 1

WS = re.compile(r'\s+')
# A mark with no base (e.g. a vowel sign at the start of a paragraph) may be
# shown on a dotted circle U+25CC, as fonts do: not counted as added text.
DOTTED = re.compile('\u25cc(?=[\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963])')
def norm(t):
    return DOTTED.sub('', WS.sub('', t))
problems = []
def problem(msg):
    problems.append(msg)

def run(job):
    path, n = job
    return subprocess.run([pathak, '--dump', '--width', str(n), path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)

# The dumps run in parallel, one per CPU; results are checked in order.
jobs = [(path, n) for path in files for n in widths]
pool = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
results = pool.map(run, jobs)
start = time.monotonic()
runs = 0
for path in files:
    with open(path, 'rb') as f:
        raw = f.read()
    src = raw.decode('utf-8', errors='replace')
    if src.startswith('\ufeff'):
        src = src[1:]
    want = norm(src)
    for n in widths:
        runs += 1
        p = next(results)
        where = '%s --width %d' % (path, n)
        if p.returncode != 0 or p.stderr:
            problem('%s: exit %d, stderr %r' % (where, p.returncode, p.stderr[:200]))
            continue
        try:
            out = p.stdout.decode('utf-8')
        except UnicodeDecodeError as e:
            problem('%s: output is not UTF-8: %s' % (where, e))
            continue
        lines = out.split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        for i, line in enumerate(lines, 1):
            w = sum(cw(c) for c in line)
            if w > n:
                problem('%s: line %d is %d cells wide: %r' % (where, i, w, line))
            if line and unicodedata.category(line[0]).startswith('M'):
                problem('%s: line %d starts with the mark U+%04X (%s): %r'
                        % (where, i, ord(line[0]), unicodedata.name(line[0], '?'), line))
        got = norm(''.join(lines))
        if got != want:
            k = 0
            while k < min(len(got), len(want)) and got[k] == want[k]:
                k += 1
            problem('%s: text differs from the file at character %d: file %r, dump %r'
                    % (where, k, want[max(0, k - 10):k + 20], got[max(0, k - 10):k + 20]))
        if len(problems) > 200:
            break
    if len(problems) > 200:
        break
pool.shutdown(wait=True, cancel_futures=True)

elapsed = time.monotonic() - start
print('wrap_check: %d files x %d widths = %d dumps in %.1f s, %d problems'
      % (len(files), len(widths), runs, elapsed, len(problems)))
for m in problems[:20]:
    print('  ' + m, file=sys.stderr)
if len(problems) > 20:
    print('  ... and %d more' % (len(problems) - 20), file=sys.stderr)
sys.exit(1 if problems else 0)
PYEOF
}

# --------------------------------------------------------------- screen vs dump
# dump_index DUMP SCREEN [FIRST LAST] - SCREEN is a capture (one row per
# line); rows FIRST..LAST (1-based, default 1 and the row before the last,
# which is the status line) hold the article.  Prints K, the 1-based index of
# the DUMP line shown on row FIRST, when rows FIRST..LAST show exactly dump
# lines K, K+1, ... (leading/trailing blanks ignored: the column is centred),
# with blank rows after the end of the dump.  Otherwise prints a diagnosis on
# stderr and returns 1.
dump_index() {
	python3 - "$@" <<'PYEOF'
import sys
dump = [l.strip() for l in open(sys.argv[1], encoding='utf-8').read().split('\n')]
if dump and dump[-1] == '':
    dump.pop()
rows = [l.strip() for l in open(sys.argv[2], encoding='utf-8', errors='replace').read().split('\n')]
if rows and rows[-1] == '' and len(sys.argv) <= 3:
    rows.pop()
first = int(sys.argv[3]) if len(sys.argv) > 3 else 1
last = int(sys.argv[4]) if len(sys.argv) > 4 else len(rows) - 1
shown = rows[first - 1:last]
def fits(k):
    for i, r in enumerate(shown):
        want = dump[k + i] if k + i < len(dump) else ''
        if r != want:
            return False
    return True
cands = [k for k in range(len(dump)) if fits(k)]
if not cands or not any(shown):
    # report the first row that does not follow the dump
    top = shown[0] if shown else ''
    ks = [k for k in range(len(dump)) if dump[k] == top and top]
    print('screen rows %d..%d do not show consecutive --dump lines' % (first, last), file=sys.stderr)
    if not ks:
        print('  row %d %r is no --dump line' % (first, top), file=sys.stderr)
    else:
        k = ks[0]
        for i, r in enumerate(shown):
            want = dump[k + i] if k + i < len(dump) else ''
            if r != want:
                print('  row %d: screen %r\n         dump   %r' % (first + i, r, want), file=sys.stderr)
                break
    sys.exit(1)
print(cands[0] + 1)
PYEOF
}

# --------------------------------------------------------------- pager screens
# wait_dump_top DUMP K [LAST] - poll until the article rows (1..LAST, default
# all but the status line) show the lines of DUMP from line K on (blank rows
# only after the end of DUMP).  On failure says which dump line is on top.
wait_dump_top() {
	_i=0 _k=
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen >"$T/screen" 2>/dev/null
		if [ -n "${3:-}" ]; then
			_k=$(dump_index "$1" "$T/screen" 1 "$3" 2>"$T/why")
		else
			_k=$(dump_index "$1" "$T/screen" 2>"$T/why")
		fi
		[ "$_k" = "$2" ] && return 0
		_i=$((_i + 1))
		_nap
	done
	[ -s "$T/why" ] && cat "$T/why" >&2
	echo "the top row shows dump line ${_k:-?}, want $2" >&2
	return 1
}

# wait_status TEXT - poll until the status line (the last row) contains
# TEXT; it is left in $T/status.
wait_status() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		screen | tail -n 1 >"$T/status"
		grep -F -q -- "$1" "$T/status" && return 0
		_i=$((_i + 1))
		_nap
	done
	printf 'status: [%s]\n' "$(cat "$T/status")" >&2
	return 1
}

# quits_with KEYS... - in a new 100x30 window on the seed, the keys make
# pathak exit with status 0 (each key is sent on its own).
quits_with() {
	tm_start 100 30 "'$PATHAK' $RENDER_OPT '$SEED'"
	wait_for 'जोंग' || fail_screen "pathak did not start"
	for _key in "$@"; do
		keys "$_key"
	done
	wait_exit || fail_screen "$* did not quit"
	[ "$EXIT_STATUS" = 0 ] || fail_screen "exit status $EXIT_STATUS after $*, want 0"
	tm kill-server >/dev/null 2>&1
}

# wait_flag FORMAT VALUE - poll until tmux's FORMAT (#{alternate_on},
# #{cursor_flag}) reads VALUE: tmux parses the last output a moment after
# the program has written it.
wait_flag() {
	_i=0
	while [ "$_i" -lt "$POLL_TRIES" ]; do
		[ "$(tm display-message -p -t pk "$1" 2>/dev/null)" = "$2" ] && return 0
		_i=$((_i + 1))
		_nap
	done
	return 1
}
