#!/usr/bin/env python3
"""Score `pathak --json` entities against gold annotations.

usage: score_entities.py GOLD_DIR ARTICLES_DIR PATHAK [-v]

For each article with a <id>.ents.tsv in GOLD_DIR (columns surface, type,
count: every distinct surface form of a PER/LOC/ORG entity), the predicted
set is the distinct (text, type) pairs of the "entities" rows of
`pathak --json`; precision, recall and F1 of the two sets are computed per
article (NFC string equality) and averaged over articles (macro), and summed
over all (micro).  Each type is also scored on its own (micro).
"""
import csv
import glob
import json
import os
import subprocess
import sys
import unicodedata


def nfc(s):
    return unicodedata.normalize('NFC', s or '')


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    gold_dir, art_dir, pathak = sys.argv[1:4]
    verbose = '-v' in sys.argv[4:]
    rows, fs = [], []
    tot = [0, 0, 0]
    by_type = {t: [0, 0, 0] for t in ('PER', 'LOC', 'ORG')}
    for g in sorted(glob.glob(os.path.join(gold_dir, '*.ents.tsv'))):
        art = os.path.basename(g)[:-len('.ents.tsv')]
        path = os.path.join(art_dir, art + '.txt')
        gold = set()
        with open(g, encoding='utf-8', newline='') as f:
            rd = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
            next(rd, None)
            for r in rd:
                if len(r) >= 2 and r[1] in by_type:
                    gold.add((nfc(r[0]), r[1]))
        out = subprocess.run([pathak, '--json', path], capture_output=True, check=True).stdout
        doc = json.loads(out)
        pred = {(nfc(m['text']), m['type']) for m in doc['entities']}
        tp, fp, fn = len(gold & pred), len(pred - gold), len(gold - pred)
        for i, v in enumerate((tp, fp, fn)):
            tot[i] += v
        for t, c in by_type.items():
            gt = {x for x in gold if x[1] == t}
            pt = {x for x in pred if x[1] == t}
            c[0] += len(gt & pt)
            c[1] += len(pt - gt)
            c[2] += len(gt - pt)
        p, r, f1 = prf(tp, fp, fn)
        fs.append(f1)
        rows.append((art, len(gold), len(pred), tp, p, r, f1))
        if verbose:
            for x in sorted(pred - gold):
                print('  %s  extra   %s %s' % (art, x[1], x[0]))
            for x in sorted(gold - pred):
                print('  %s  missed  %s %s' % (art, x[1], x[0]))
    if not rows:
        print('entities: no <id>.ents.tsv in %s' % gold_dir)
        return 0
    print('%-30s %5s %5s %5s  %5s %5s %5s' % ('entities (surface, type)', 'gold', 'pred', 'tp', 'P', 'R', 'F1'))
    for art, ng, np_, tp, p, r, f1 in rows:
        print('%-30s %5d %5d %5d  %.3f %.3f %.3f' % (art[:30], ng, np_, tp, p, r, f1))
    p, r, f1 = prf(*tot)
    print('%-30s %5s %5s %5d  %.3f %.3f %.3f' % ('MICRO', '', '', tot[0], p, r, f1))
    print('%-30s %5s %5s %5s  %5s %5s %.3f' % ('MACRO (mean of articles)', '', '', '', '', '', sum(fs) / len(fs)))
    for t, c in by_type.items():
        p, r, f1 = prf(*c)
        print('  %s  P %.3f R %.3f F1 %.3f' % (t, p, r, f1))
    return 0


if __name__ == '__main__':
    sys.exit(main())
