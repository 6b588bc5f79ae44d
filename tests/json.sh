#!/bin/sh
# json.sh - `pathak --json` on the bundled article is valid JSON whose byte
# offsets slice the input to the reported text.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || exit 77
out=$("$PATHAK" --json "$SEED" 2>/dev/null)
rc=$?
if [ $rc -ne 0 ] && "$PATHAK" --help 2>&1 | grep -q -- --json; then
	fail "pathak --json exited $rc"
fi
[ $rc -eq 0 ] || exit 77   # --json not wired into this build yet

printf '%s' "$out" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
raw = open(sys.argv[1], "rb").read()
for k in ("version", "source", "blocks", "quotes", "entities"):
    assert k in doc, "missing key " + k
for b in doc["blocks"]:
    assert 0 <= b["start"] < b["end"] <= len(raw), b
qs = doc["quotes"]
assert len(qs) == 10, "expected 10 quotes, got %d" % len(qs)
for q in qs:
    assert raw[q["start"]:q["end"]].decode("utf-8") == q["text"], q
    assert q["kind"] in ("direct", "partial"), q
    if q["mention_start"] is not None:
        assert raw[q["mention_start"]:q["mention_end"]].decode("utf-8") == q["mention"], q
speakers = [q["speaker"] for q in qs]
assert speakers.count("किम जोंग उन") == 6 and speakers.count("व्लादिमीर पुतिन") == 4, speakers
' "$SEED" || fail "pathak --json output is wrong"
exit 0
