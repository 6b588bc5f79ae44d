#!/bin/sh
# json.sh - `pathak --json` keeps the contract documented at the top of
# src/export.h: every key present, in order, with its type or null; blocks in
# document order, quotes by start offset, neither overlapping; offsets are
# bytes of the input as given (BOM counted, end exclusive) and slice it to the
# reported text and mention; the version is `pathak --version`'s.  Checked on
# the bundled article, on small inputs written here (a BOM, ill-formed UTF-8,
# NUL, stdin, an empty file) and on ../shared articles when they are present.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || exit 77
out=$("$PATHAK" --json "$SEED" 2>/dev/null)
rc=$?
if [ $rc -ne 0 ] && "$PATHAK" --help 2>&1 | grep -q -- --json; then
	fail "pathak --json exited $rc"
fi
[ $rc -eq 0 ] || exit 77   # --json not wired into this build yet

tmp=${TMPDIR:-/tmp}/pathak-json.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

version=$("$PATHAK" --version | sed -n '1s/^pathak //p')
[ -n "$version" ] || fail "pathak --version printed no version"

# check.py VERSION [INPUT SOURCE OUTPUT]... - check pathak's OUTPUT for
# INPUT; SOURCE is the name expected in "source" ("-" for null).  Prints the
# number of quotes of the last.
cat > "$tmp/check.py" <<'EOF'
import json, sys

SPEAKER_RULES = ("cue-before", "cue-after", "dash-signoff", "cue-in-sentence", "ne-before",
                 "topic-subject", "jab-subject", "prev-subject", "joint", "predicate", "antecedent", "last-speaker",
                 "def-descriptor", "cataphor", "continuation")
CLASS_RULES = ("clause", "fragment-cue", "fragment-shared-cue")

def check(inp, source, outp):
    global raw, where
    raw_out = open(outp, "rb").read()
    raw = open(inp, "rb").read()
    where = inp

    def need(cond, msg):
        if not cond:
            sys.stderr.write("%s: %s\n" % (where, msg))
            sys.exit(1)

    def decoded(a, b):
        # pk_decode()'s rule: maximal ill-formed subparts become U+FFFD (as
        # Python's "replace"), NUL becomes U+2400
        return raw[a:b].decode("utf-8", "replace").replace("\0", "\u2400")

    need(raw_out.endswith(b"\n") and raw_out.count(b"\n") == 1, "not one line ending in a newline")
    text_out = raw_out.decode("utf-8")
    doc = json.loads(text_out, object_pairs_hook=lambda kv: kv)
    # compact: re-encoding gives the same bytes
    need(json.dumps(json.loads(text_out), ensure_ascii=False, separators=(",", ":")) + "\n" == text_out,
       "not compact UTF-8 JSON")

    def obj(pairs, keys, what):
        need(isinstance(pairs, list) and [k for k, _ in pairs] == keys,
           "%s keys %r, want %r" % (what, [k for k, _ in pairs] if isinstance(pairs, list) else pairs, keys))
        return dict(pairs)

    def is_int(v):
        return isinstance(v, int) and not isinstance(v, bool)

    top = obj(doc, ["version", "source", "blocks", "quotes", "entities", "encoding"], "top level")
    need(top["version"] == version, "version %r, pathak --version says %r" % (top["version"], version))
    need(top["source"] == (None if source == "-" else source), "source %r" % top["source"])
    need(isinstance(top["blocks"], list) and isinstance(top["quotes"], list), "blocks/quotes not arrays")
    need(isinstance(top["entities"], list), "entities is not an array")

    n = len(raw)
    prev = 0
    for p in top["blocks"]:
        b = obj(p, ["type", "start", "end"], "block")
        need(b["type"] in ("paragraph", "title", "meta", "dateline", "caption", "byline"), b)
        need(is_int(b["start"]) and is_int(b["end"]), b)
        need(prev <= b["start"] < b["end"] <= n, "block out of order or out of the input: %r" % b)
        need(b"\n" not in raw[b["start"]:b["end"]], "block holds a line break: %r" % b)
        prev = b["end"]

    prev = 0
    for p in top["quotes"]:
        q = obj(p, ["start", "end", "text", "kind", "speaker", "mention",
                    "mention_start", "mention_end", "cue", "rule", "speaker_entity"], "quote")
        need(is_int(q["start"]) and is_int(q["end"]), q)
        need(prev <= q["start"] < q["end"] <= n, "quote out of order or out of the input: %r" % q)
        prev = q["end"]
        need(isinstance(q["text"], str) and q["text"] == decoded(q["start"], q["end"]),
           "text is not bytes[start:end]: %r" % q)
        need(q["kind"] in ("direct", "partial"), q)
        # the sieve that decided: one that finds a speaker when there is
        # one, else one that accepts a pair as a quotation
        need(isinstance(q["rule"], str) and q["rule"] != "", "rule: %r" % q)
        need(q["rule"] in (SPEAKER_RULES if q["speaker"] is not None else CLASS_RULES),
             "rule %r with speaker %r" % (q["rule"], q["speaker"]))
        for k in ("speaker", "cue"):
            need(q[k] is None or (isinstance(q[k], str) and q[k] != ""), "%s: %r" % (k, q))
        m = (q["mention"], q["mention_start"], q["mention_end"])
        need(all(v is None for v in m) or all(v is not None for v in m), "mention half null: %r" % q)
        if q["mention_start"] is not None:
            need(is_int(q["mention_start"]) and is_int(q["mention_end"]), q)
            need(0 <= q["mention_start"] < q["mention_end"] <= n, "mention outside the input: %r" % q)
            need(q["mention"] == decoded(q["mention_start"], q["mention_end"]),
               "mention is not bytes[mention_start:mention_end]: %r" % q)
        # the speaker's entity: a person (or organisation) row that names the speaker
        se = q["speaker_entity"]
        if se is not None:
            need(is_int(se) and 0 <= se < len(top["entities"]), "speaker_entity out of range: %r" % q)
            row = dict(top["entities"][se])
            need(row["type"] in ("PER", "ORG") and row["entity"] == q["speaker"],
                 "speaker_entity %r does not name the speaker: %r" % (row, q))

    prev = 0
    for p in top["entities"]:
        m = obj(p, ["start", "end", "text", "type", "entity"], "entity mention")
        need(is_int(m["start"]) and is_int(m["end"]), m)
        need(prev <= m["start"] < m["end"] <= n, "mention out of order or out of the input: %r" % m)
        prev = m["end"]
        need(m["text"] == decoded(m["start"], m["end"]), "text is not bytes[start:end]: %r" % m)
        need(m["type"] in ("PER", "LOC", "ORG"), m)
        need(isinstance(m["entity"], str) and m["entity"] != "", m)
    return len(top["quotes"])

version = sys.argv[1]
args = sys.argv[2:]
for i in range(0, len(args), 3):
    n = check(*args[i:i + 3])
print(n)
EOF

# check INPUT SOURCE [pathak args...] - run and check; prints the quote count
check() {
	in=$1 src=$2
	shift 2
	if [ "$src" = - ]; then
		"$PATHAK" --json --binary "$@" < "$in" > "$tmp/out" || fail "pathak --json exited $? on $in"
	else
		"$PATHAK" --json --binary "$@" > "$tmp/out" || fail "pathak --json exited $? on $in"
	fi
	python3 "$tmp/check.py" "$version" "$in" "$src" "$tmp/out" || fail "pathak --json output breaks the contract on $in"
}

# The bundled article: its ten quotations and their speakers.
n=$(check "$SEED" "$SEED" "$SEED") || exit 1
[ "$n" -eq 10 ] || fail "expected 10 quotes in the seed, got $n"
"$PATHAK" --json "$SEED" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
qs = doc["quotes"]
speakers = [q["speaker"] for q in qs]
assert speakers.count("किम जोंग उन") == 6 and speakers.count("व्लादिमीर पुतिन") == 4, speakers
rules = [q["rule"] for q in qs]
assert rules == ["cue-in-sentence", "ne-before", "cue-after", "ne-before", "cue-before",
                 "continuation", "cue-after", "cue-before", "cue-in-sentence", "ne-before"], rules
assert list(qs[0])[-2:] == ["rule", "speaker_entity"], list(qs[0])
ents = {(m["entity"], m["type"]) for m in doc["entities"]}
for e in [("व्लादिमीर पुतिन", "PER"), ("किम जोंग उन", "PER"), ("रूस", "LOC")]:
    assert e in ents, (e, sorted(ents))
assert all(q["speaker_entity"] is not None for q in qs), qs
' || fail "seed speakers or rules are wrong"

# A BOM counts in the offsets; ill-formed bytes and NUL are replaced in text.
printf '\357\273\277राम ने कहा, “मैं कल सुबह गांव जाऊंगा और वहां सबसे मिलूंगा.”\n\nसीता ने कहा, “यह \377 बात \0 ठीक है, मैं भी साथ चलूंगी.”\n' > "$tmp/bom.txt"
n=$(check "$tmp/bom.txt" "$tmp/bom.txt" "$tmp/bom.txt") || exit 1
[ "$n" -eq 2 ] || fail "expected 2 quotes with a BOM and bad bytes, got $n"
"$PATHAK" --json --binary "$tmp/bom.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)
raw = open(sys.argv[1], "rb").read()
q = d["quotes"][0]
assert q["start"] == raw.index("मैं".encode()), q
assert d["blocks"][0]["start"] == 3, d["blocks"][0]
assert "\ufffd" in d["quotes"][1]["text"] and "\u2400" in d["quotes"][1]["text"], d["quotes"][1]
assert d["quotes"][0]["speaker"] == "राम" and d["quotes"][0]["mention"] == "राम", q
' "$tmp/bom.txt" || fail "offsets with a BOM or bad bytes are wrong"

# stdin: source is null.  An empty file: empty arrays.
n=$(check "$tmp/bom.txt" -) || exit 1
: > "$tmp/empty.txt"
n=$(check "$tmp/empty.txt" "$tmp/empty.txt" "$tmp/empty.txt") || exit 1
[ "$n" -eq 0 ] || fail "quotes in an empty file"

# The shared articles, when present (not part of the project).
if [ -d "$SHARED_ARTICLES" ]; then
	set -- "$version"
	i=0
	for f in "$SHARED_ARTICLES"/*.txt; do
		i=$((i + 1))
		"$PATHAK" --json --binary "$f" > "$tmp/out.$i" || fail "pathak --json exited $? on $f"
		set -- "$@" "$f" "$f" "$tmp/out.$i"
	done
	python3 "$tmp/check.py" "$@" > /dev/null || fail "pathak --json output breaks the contract"
fi
exit 0
