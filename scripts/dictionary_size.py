#!/usr/bin/env python3
"""The size of the event dictionary per CAMEO root: patterns (verb, noun) and distinct trigger lemmas.

    .venv/bin/python scripts/dictionary_size.py [--markdown]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from accord.events import VerbDictionary
from accord.ontology import cameo_table


def sizes(vd: VerbDictionary) -> dict[str, dict[str, int]]:
    """root → {verb_patterns, noun_patterns, lemmas, codes}; a pattern shared by lemmas counts once."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"verb_patterns": 0, "noun_patterns": 0, "lemmas": 0, "codes": 0})
    lemmas: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    for kind, table in (("verb", vd.verbs), ("noun", vd.nouns)):
        seen: set[int] = set()
        for lemma, patterns in table.items():
            for p in patterns:
                root = p.code[:2]
                lemmas[root].add(lemma)
                codes[root].add(p.code)
                if id(p) not in seen:
                    seen.add(id(p))
                    out[root][f"{kind}_patterns"] += 1
    for root in out:
        out[root]["lemmas"] = len(lemmas[root])
        out[root]["codes"] = len(codes[root])
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    table = cameo_table()
    s = sizes(VerbDictionary.load())
    in_root = defaultdict(int)
    for code in table:
        in_root[code[:2]] += 1
    rows = [(r, v["verb_patterns"], v["noun_patterns"], v["lemmas"], v["codes"], in_root[r]) for r, v in s.items()]
    total = [sum(x[i] for x in rows) for i in range(1, 6)]
    if a.markdown:
        print("| root | verb patterns | noun patterns | trigger lemmas | codes with a pattern | codes in CAMEO |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print("| " + " | ".join(str(x) for x in r) + " |")
        print("| all | " + " | ".join(str(x) for x in total) + " |")
    else:
        for r in rows:
            print(f"{r[0]}  verbs={r[1]:4} nouns={r[2]:4} lemmas={r[3]:4} codes={r[4]:3}/{r[5]}")
        print(f"all verbs={total[0]} nouns={total[1]} lemmas={total[2]} codes={total[3]}/{total[4]}")


if __name__ == "__main__":
    main()
