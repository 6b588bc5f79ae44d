#!/usr/bin/env python3
"""Score `pathak --json` quotations against gold annotations.

usage: score_quotes.py GOLD_DIR ARTICLES_DIR PATHAK [-v]

GOLD_DIR is gold-dev or any directory of <id>.tsv files in its format (a
held-out set, say); <id>.ents.tsv and <id>.excluded.tsv are ignored.

Gold offsets are code points; pathak's are bytes, so gold spans are converted
to bytes of the file as stored.  Quotations are the gold rows of type direct or
partial; a predicted quote matches a gold one on exact byte span.  Speaker
accuracy is NFC string equality over matched quotes.  Right and wrong
speakers are also counted per sieve: the quote's "rule", the sieve that
found its speaker (or that accepted the quotation, when it has none).
"""
import collections
import csv
import glob
import json
import os
import subprocess
import sys
import unicodedata


def nfc(s):
    return unicodedata.normalize('NFC', s or '')


def byte_offsets(text):
    """Byte offset of every code point index (plus the end)."""
    offs, b = [], 0
    for ch in text:
        offs.append(b)
        b += len(ch.encode('utf-8'))
    offs.append(b)
    return offs


def main():
    gold_dir, art_dir, pathak = sys.argv[1:4]
    verbose = '-v' in sys.argv[4:]
    tot = dict(tp=0, fp=0, fn=0, sp_ok=0)
    by_rule = collections.defaultdict(lambda: [0, 0])   # rule -> [right, wrong]
    rows_out = []
    for g in sorted(glob.glob(os.path.join(gold_dir, '*.tsv'))):
        base = os.path.basename(g)
        if base.endswith('.ents.tsv') or base.endswith('.excluded.tsv'):
            continue
        art = base[:-4]
        path = os.path.join(art_dir, art + '.txt')
        raw = open(path, 'rb').read()
        text = raw.decode('utf-8', errors='surrogateescape')
        offs = byte_offsets(text)
        gold = {}
        with open(g, encoding='utf-8', newline='') as f:
            rd = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
            next(rd, None)
            for r in rd:
                if len(r) < 7 or r[6] not in ('direct', 'partial'):
                    continue
                s, e = int(r[0]), int(r[1])
                gold[(offs[s], offs[e])] = r
        out = subprocess.run([pathak, '--json', path], capture_output=True, check=True).stdout
        doc = json.loads(out)
        pred = {(q['start'], q['end']): q for q in doc['quotes']}
        tp = [k for k in pred if k in gold]
        fp = [k for k in pred if k not in gold]
        fn = [k for k in gold if k not in pred]
        sp_ok = sum(1 for k in tp if nfc(pred[k]['speaker']) == nfc(gold[k][3]))
        for k in tp:
            ok = nfc(pred[k]['speaker']) == nfc(gold[k][3])
            by_rule[pred[k].get('rule') or '(none)'][0 if ok else 1] += 1
        tot['tp'] += len(tp)
        tot['fp'] += len(fp)
        tot['fn'] += len(fn)
        tot['sp_ok'] += sp_ok
        rows_out.append((art, len(tp), len(fp), len(fn), sp_ok))
        if verbose:
            for k in sorted(fp):
                print('  FP %s %s' % (art, raw[k[0]:k[1]].decode('utf-8', 'replace')[:80]))
            for k in sorted(fn):
                print('  FN %s %s' % (art, gold[k][2][:80]))
            for k in sorted(tp):
                if nfc(pred[k]['speaker']) != nfc(gold[k][3]):
                    print('  SP %s gold=%s got=%s mention=%s cue=%s | %s' % (
                        art, gold[k][3], pred[k]['speaker'], pred[k]['mention'],
                        pred[k]['cue'], gold[k][2][:40]))

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    print('%-28s %4s %4s %4s  %5s %5s %5s  %s' % ('article', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'speaker'))
    for art, tp, fp, fn, sp in rows_out:
        p, r, f = prf(tp, fp, fn)
        acc = '%d/%d' % (sp, tp)
        print('%-28s %4d %4d %4d  %.3f %.3f %.3f  %s' % (art, tp, fp, fn, p, r, f, acc))
    p, r, f = prf(tot['tp'], tot['fp'], tot['fn'])
    acc = tot['sp_ok'] / tot['tp'] if tot['tp'] else 0.0
    print('%-28s %4d %4d %4d  %.3f %.3f %.3f  %.3f (%d/%d)' % (
        'OVERALL', tot['tp'], tot['fp'], tot['fn'], p, r, f, acc, tot['sp_ok'], tot['tp']))
    print()
    print('%-28s %5s %5s  %s' % ('speakers by sieve', 'right', 'wrong', 'accuracy'))
    for rule, (ok, bad) in sorted(by_rule.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        print('%-28s %5d %5d  %.3f' % (rule, ok, bad, ok / (ok + bad)))


if __name__ == '__main__':
    main()
