#!/bin/sh
# scale_bench.sh SRCDIR PATHAK DOC_BENCH - time and peak memory of
# `pathak --json`, `pathak --dump` and quotation finding (doc_bench -q: the
# block index, then pk_quotes_find) at 100 MB, 300 MB and 1 GB of articles
# (../shared/data/articles repeated; skipped without them), and on
# adversarial inputs: 8 MB dense with speakers, 10^6 combining marks on one
# letter, 10^5 unbalanced quotation marks, one line of 200 MB.  Not a test:
# prints a table, then how much --json's peak grows per GB of input
# (above 16 MB --json finds quotations as it writes them and holds none:
# it should not grow).  Files go to $TMPDIR (about 1.3 GB at most, one at a
# time) and are deleted after.  SIZES="100 300" runs fewer sizes.
srcdir=${1:?usage: scale_bench.sh SRCDIR PATHAK DOC_BENCH}
pathak=${2:?usage: scale_bench.sh SRCDIR PATHAK DOC_BENCH}
docb=${3:?usage: scale_bench.sh SRCDIR PATHAK DOC_BENCH}
arts=$srcdir/../shared/data/articles
sizes=${SIZES:-100 300 1000}
tmp=${TMPDIR:-/tmp}/pathak-scale.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# run NAME FILE CMD... - one row: seconds (wall, user), peak RSS, MB/s
run() {
	name=$1 file=$2
	shift 2
	python3 - "$name" "$file" "$@" <<'PY'
import os, resource, subprocess, sys, time
name, f, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
mb = os.path.getsize(f) / 1e6
t = time.time()
r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.time() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
if os.environ.get("PEAKS"):
    open(os.environ["PEAKS"], "a").write("%s %f %f\n" % (name, mb, u.ru_maxrss / 1024))
print("%-34s %8.0f MB %8.2f s %8.2f s %8.0f MB %8.1f MB/s%s" % (
    name, mb, wall, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, mb / max(wall, 1e-6),
    "" if r.returncode == 0 else "  (exit %d)" % r.returncode))
PY
}

export PEAKS="$tmp/peaks"
printf '%-34s %11s %10s %10s %11s %13s\n' "what" "input" "wall" "cpu" "peak RSS" "rate"
if [ -d "$arts" ]; then
	cat "$arts"/*.txt > "$tmp/one"
	for mb in $sizes; do
		want=$((mb * 1000000))
		: > "$tmp/big"
		while [ "$(wc -c < "$tmp/big")" -lt "$want" ]; do
			cat "$tmp/one" "$tmp/one" "$tmp/one" "$tmp/one" >> "$tmp/big"
		done
		run "--json, articles" "$tmp/big" "$pathak" --json "$tmp/big"
		run "--dump, articles" "$tmp/big" "$pathak" --dump "$tmp/big"
		run "index + quotations, articles" "$tmp/big" "$docb" -q "$tmp/big"
		run "quotations streamed, articles" "$tmp/big" "$docb" -s "$tmp/big"
		rm -f "$tmp/big"
	done
	rm -f "$tmp/one"
	# the growth of --json's peak between the smallest and largest size
	PEAKS= python3 - "$tmp/peaks" <<'PY'
import sys
rows = {}
for l in open(sys.argv[1]):
    name, mb, peak = l.rsplit(" ", 2)
    rows.setdefault(name, []).append((float(mb), float(peak)))
for name, v in rows.items():
    if len(v) > 1:
        (m0, p0), (m1, p1) = min(v), max(v)
        print("%-34s peak grows %+.1f MB per GB (%.0f MB at %.0f MB, %.0f MB at %.0f MB)" % (
            name, (p1 - p0) / (m1 - m0) * 1000, p0, m0, p1, m1))
PY
else
	echo "no $arts: skipping the 100 MB / 300 MB / 1 GB runs"
fi

# 8 MB of `X Y ने कहा “…”` lines: every quotation has a speaker, and the
# same names recur in every window that resolution looks at
python3 - "$tmp/dense" <<'PY'
import random, sys
random.seed(1)
first = ["राहुल", "अमित", "सुनील", "प्रिया", "नरेंद्र", "अरविंद", "ममता", "योगी", "शिवराज", "अशोक", "कमल", "विजय"]
last = ["गांधी", "शाह", "शर्मा", "मोदी", "केजरीवाल", "बनर्जी", "सिंह", "चौहान", "गहलोत", "नाथ", "कुमार", "यादव"]
out, n = [], 0
while n < 8000000:
    l = "%s %s ने कहा “हम इस बार चुनाव जीतेंगे और देश को आगे ले जाएंगे।”\n" % (random.choice(first), random.choice(last))
    out.append(l)
    n += len(l.encode())
open(sys.argv[1], "w").write("".join(out))
PY
run "--json, 8 MB dense speakers" "$tmp/dense" "$pathak" --json "$tmp/dense"
run "quotations, 8 MB dense speakers" "$tmp/dense" "$docb" -q "$tmp/dense"
# three times over: above the entity limit, --json streams the quotations
cat "$tmp/dense" "$tmp/dense" "$tmp/dense" > "$tmp/dense3"
run "--json, 24 MB dense (streamed)" "$tmp/dense3" "$pathak" --json "$tmp/dense3"
rm -f "$tmp/dense" "$tmp/dense3"

python3 -c '
import sys
open(sys.argv[1], "w").write("शीर्षक\n\nक" + "\u0301" * 1000000 + " अंत।\n")' "$tmp/marks"
run "--json, 10^6 marks on one letter" "$tmp/marks" "$pathak" --json "$tmp/marks"
run "--dump, 10^6 marks on one letter" "$tmp/marks" "$pathak" --dump "$tmp/marks"
rm -f "$tmp/marks"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf (i % 3 ? "“क ख " : "” ग "); print "" }' > "$tmp/quotes"
run "--json, 10^5 stray quote marks" "$tmp/quotes" "$pathak" --json "$tmp/quotes"
rm -f "$tmp/quotes"

python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("शीर्षक\n\n")
    chunk = ("क" * 3000 + " ") * 20
    n = 0
    while n < 200000000:
        f.write(chunk)
        n += len(chunk.encode())
    f.write("\n")' "$tmp/line"
run "index + quotations, 200 MB line" "$tmp/line" "$docb" -q "$tmp/line"
run "--json, 200 MB line" "$tmp/line" "$pathak" --json "$tmp/line"
run "--dump, 200 MB line" "$tmp/line" "$pathak" --dump "$tmp/line"
rm -f "$tmp/line"
