#!/usr/bin/env python3
"""Measure the precision of every (rule family, actors) class on the dev sets; write accord/data/confidence.yaml.

    .venv/bin/python scripts/calibrate_confidence.py [--shared ../shared] [--write]

PLV (actor pairs in real news sentences): an event linking the marked source to the marked target is
correct when its PLOVER root is the gold one. The seed article: an event is correct when it matches a gold
event (score.py's rule). Other events are not judged (PLV marks one pair per sentence). Precision is
smoothed towards the overall value (two pseudo-counts); classes with fewer than 8 judged events fall back
to their family, families with fewer than 8 to the overall precision.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from accord.confidence import actors_class, family
from accord.evaluate import _inside, _toks, event_matches, plv_type
from accord.pipeline import Resources, process
from accord.types import Actor, Article

ROOT = Path(__file__).resolve().parent.parent


def _actor(d: dict | None) -> Actor | None:
    return Actor(**{k: d.get(k) for k in ("name", "code", "country", "igo", "role")}) if d else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true", help="write accord/data/confidence.yaml")
    a = ap.parse_args()
    shared = Path(a.shared)
    res = Resources.load()
    judged: list[tuple[str, str, bool]] = []
    rows = list(csv.DictReader((shared / "gold/plv/PLV_train.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    done: dict[str, dict] = {}
    for r in rows:
        if r["sentence"] not in done:
            done[r["sentence"]] = process(Article(id="x", text=r["sentence"]), res).to_dict()
        gs, gt = _toks(r["source"]), _toks(r["target"])
        for e in done[r["sentence"]]["events"]:
            if _inside(gs, e.get("source")) and _inside(gt, e.get("target")):
                judged.append((family(e["rule"]), actors_class(_actor(e["source"]), _actor(e["target"])),
                               plv_type(e) == r["gold_root"]))
    gold = json.loads((shared / "gold/seed-article.gold.json").read_text())
    text = (shared / "seed/000_862d1585ab695d36.txt").read_text()
    for e in process(Article(id="seed", text=text, date=gold["publication_date"]), res).to_dict()["events"]:
        judged.append((family(e["rule"]), actors_class(_actor(e["source"]), _actor(e["target"])),
                       any(event_matches(g, e) for g in gold["events"])))
    n, ok = len(judged), sum(j[2] for j in judged)
    overall = ok / n
    fam_n, fam_ok, cls_n, cls_ok = Counter(), Counter(), Counter(), Counter()
    for f, c, good in judged:
        fam_n[f] += 1
        fam_ok[f] += good
        cls_n[f"{f}/{c}"] += 1
        cls_ok[f"{f}/{c}"] += good

    def smooth(k: int, m: int) -> float:
        return round((k + 2 * overall) / (m + 2), 3)

    families = {f: smooth(fam_ok[f], m) for f, m in sorted(fam_n.items()) if m >= 8}
    classes = {c: smooth(cls_ok[c], m) for c, m in sorted(cls_n.items()) if m >= 8}
    lines = [
        "# Confidence of an event by how it was found: the measured precision of its (rule family, actors) class",
        "# on the dev sets (PLV pairs linked with the right PLOVER root; seed-article events matching the gold).",
        "# Written by scripts/calibrate_confidence.py; see accord/confidence.py. Counts: judged events per class.",
        f"source: \"measured by scripts/calibrate_confidence.py on ../shared/gold (PLV_train.tsv, seed-article.gold.json); {n} judged events\"",
        f"overall: {round(overall, 3)}",
        "families:",
        *[f"  {f}: {v}   # {fam_n[f]} events" for f, v in families.items()],
        "classes:",
        *[f"  {c}: {v}   # {cls_n[c]} events" for c, v in classes.items()],
    ]
    out = "\n".join(lines) + "\n"
    if a.write:
        (ROOT / "accord/data/confidence.yaml").write_text(out)
    sys.stdout.write(out)


if __name__ == "__main__":
    main()
