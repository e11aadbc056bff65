#!/usr/bin/env python3
"""Compares Heiiki's answers on the IAM corpus with the external simulator's and with the
golden decisions.

    compare.py HEIIKI.tsv ORACLE.tsv [--expected tests/data/iam-corpus/expected.tsv]
               [--notes tools/iam-corpus/oracle-notes.tsv] [--list]

HEIIKI.tsv is the output of `heiiki policy simulate --cases cases.jsonl`, ORACLE.tsv the
output of oracle.mjs. The notes file explains each known disagreement with the simulator:
regex<TAB>reason-id over case names (see docs/iam-conformance.md). Exit status 1 when a disagreement has no
note or Heiiki differs from the golden decision.
"""

import argparse
import collections
import re
import sys


def read_tsv(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, _, rest = line.partition("\t")
            out[name] = rest.split("\t")[0]
    return out


def read_notes(path):
    """(regex, reason) pairs; comments start with #."""
    rules = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                pattern, _, reason = line.partition("\t")
                rules.append((re.compile(pattern), reason))
    return rules


def note_for(rules, name, fallback):
    for pattern, reason in rules:
        if pattern.search(name):
            return reason
    return fallback


def main():
    p = argparse.ArgumentParser()
    p.add_argument("heiiki")
    p.add_argument("oracle")
    p.add_argument("--expected")
    p.add_argument("--notes")
    p.add_argument("--list", action="store_true", help="print every disagreement")
    args = p.parse_args()
    heiiki, oracle = read_tsv(args.heiiki), read_tsv(args.oracle)
    expected = read_tsv(args.expected) if args.expected else {}
    rules = read_notes(args.notes) if args.notes else []
    total = len(heiiki)
    answered = {n for n, d in oracle.items() if not d.startswith("Error")}
    agree = [n for n in heiiki if n in answered and oracle[n].split(" ")[0] == heiiki[n]]
    differ = [n for n in heiiki if n in answered and oracle[n].split(" ")[0] != heiiki[n]]
    errors = [n for n in heiiki if n not in answered]
    print(f"cases: {total}")
    print(f"simulator answered: {len(answered)} ({len(errors)} rejected as input errors)")
    print(f"agree: {len(agree)} ({100.0 * len(agree) / max(1, len(answered)):.1f}% of answered)")
    print(f"disagree: {len(differ)}")
    by_reason = collections.Counter(note_for(rules, n, "UNEXPLAINED") for n in differ)
    for reason, count in sorted(by_reason.items()):
        print(f"  {reason}: {count}")
    by_error = collections.Counter(note_for(rules, n, oracle.get(n, "missing")) for n in errors)
    for reason, count in sorted(by_error.items()):
        print(f"  rejected, {reason}: {count}")
    status = 0
    if args.list:
        for n in differ:
            print(f"{n}\theiiki={heiiki[n]}\toracle={oracle[n]}\t{note_for(rules, n, 'UNEXPLAINED')}")
    if "UNEXPLAINED" in by_reason:
        status = 1
    if expected:
        wrong = [n for n in heiiki if expected.get(n) != heiiki[n]]
        print(f"differs from the golden decisions: {len(wrong)}")
        for n in wrong[:50]:
            print(f"  {n}\theiiki={heiiki[n]}\texpected={expected.get(n)}")
        status = 1 if wrong else status
    return status


if __name__ == "__main__":
    sys.exit(main())
