#!/usr/bin/env python3
"""ner_score.py - exact-span+type micro P/R/F1 over PER/LOC/ORG.

Input (stdin or a file): `token<TAB>gold<TAB>predicted` a line, BIO tags,
blank line between sentences (the output of `ner-tool tag`).  Spans are read
conlleval-style: an I- tag that does not continue a span of its type starts one.
"""
import sys


def spans(tags):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        bio, _, ty = t.partition("-")
        if start is not None and (bio != "I" or ty != typ):
            out.add((start, i, typ))
            start = None
        if bio in ("B", "I") and start is None:
            start, typ = i, ty
    return out


def main():
    src = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    gold, pred, tp, ng, np_ = [], [], 0, 0, 0
    per = {}
    def flush():
        nonlocal tp, ng, np_
        g, p = spans(gold), spans(pred)
        tp += len(g & p); ng += len(g); np_ += len(p)
        for ty in ("PER", "LOC", "ORG"):
            c = per.setdefault(ty, [0, 0, 0])
            c[0] += len({s for s in g & p if s[2] == ty})
            c[1] += len({s for s in g if s[2] == ty})
            c[2] += len({s for s in p if s[2] == ty})
        gold.clear(); pred.clear()
    for line in src:
        line = line.rstrip("\n")
        if not line:
            flush(); continue
        f = line.split("\t")
        gold.append(f[-2]); pred.append(f[-1])
    flush()
    def prf(t, g, p):
        P = t / p if p else 0.0
        R = t / g if g else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        return P * 100, R * 100, F * 100
    for ty, (t, g, p) in per.items():
        print("%s  P %5.1f  R %5.1f  F1 %5.1f  (gold %d, predicted %d)" % ((ty,) + prf(t, g, p) + (g, p)))
    print("ALL  P %5.1f  R %5.1f  F1 %5.1f  (gold %d, predicted %d, correct %d)" % (prf(tp, ng, np_) + (ng, np_, tp)))


main()
