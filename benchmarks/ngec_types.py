"""How often accord finds the PLOVER type of a story it was never tuned on: the NGEC synthetic stories.

    nice -n 19 .venv/bin/python benchmarks/ngec_types.py --sample A
    nice -n 19 .venv/bin/python benchmarks/ngec_types.py --sample B --save /tmp/ngec_B.jsonl
    .venv/bin/python benchmarks/ngec_types.py --load /tmp/ngec_B.jsonl --misses PROTEST

The corpus (Halterman's 4,500 synthetic stories, 2023) labels each story with one PLOVER type. For a
fixed seeded sample of ``--per-label`` stories per label this runs ``accord code`` (JSONL) and reports
per label: the share of stories with any event of the label's type (``plover.type``, CONCEDE and
RETREAT as they are), the share with any event at all, and the types found most often in the stories
that miss the label. Samples A and B are disjoint (A is the first ``--per-label`` of each label's seeded
shuffle, B the next), so one can be read for misses and the other kept for checking.

The corpus is read from ``--corpus`` (default: the shared copy); the package never needs it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path("/work/shared/corpora/ngec-synthetic-2023.csv.gz")
ACCORD = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "accord"


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    mode: str
    title: str
    text: str


def read_stories(path: Path) -> list[Story]:
    """Every story, with the first line of its prompt as title (the csv title keeps placeholders)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        Story(f"ngec-{i}", r["label"], r["mode"], (r["prompt"] or "").splitlines()[0].strip(), r["text"])
        for i, r in enumerate(rows)
    ]


def sample(stories: list[Story], per_label: int, part: str, seed: int) -> list[Story]:
    """Sample A or B: disjoint slices of each label's seeded shuffle (B is short when a label is small)."""
    by_label: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by_label[s.label].append(s)
    start = 0 if part == "A" else per_label
    chosen: list[Story] = []
    for label in sorted(by_label):
        group = by_label[label][:]
        random.Random(f"{seed}:{label}").shuffle(group)
        chosen.extend(group[start : start + per_label])
    return chosen


def code(stories: list[Story], accord: Path) -> dict[str, list[dict]]:
    """Events per story id, from one ``accord code --format jsonl`` run over all of them."""
    lines = "".join(json.dumps({"id": s.id, "title": s.title, "text": s.text}) + "\n" for s in stories)
    out = subprocess.run(
        [str(accord), "code", "--input", "-", "--format", "jsonl"],
        input=lines, capture_output=True, text=True, check=True,
    ).stdout
    events: dict[str, list[dict]] = {s.id: [] for s in stories}
    for line in out.splitlines():
        if line.startswith("{"):
            result = json.loads(line)
            events[result["id"]] = result.get("events") or []
    return events


def types_of(events: list[dict]) -> set[str]:
    return {(e.get("plover") or {}).get("type") for e in events} - {None}


def report(stories: list[Story], events: dict[str, list[dict]]) -> str:
    """A markdown table: per label, share with the label's type, share with any event, top wrong types."""
    rows = ["| label | stories | with label type | with any event | most common types when missed |",
            "|---|---:|---:|---:|---|"]
    by_label: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by_label[s.label].append(s)
    hit_all = any_all = 0
    for label in sorted(by_label):
        group = by_label[label]
        hit = sum(label in types_of(events[s.id]) for s in group)
        anyev = sum(bool(events[s.id]) for s in group)
        wrong = Counter(t for s in group if label not in types_of(events[s.id]) for t in types_of(events[s.id]))
        top = ", ".join(f"{t} {n}" for t, n in wrong.most_common(3)) or "-"
        rows.append(f"| {label} | {len(group)} | {hit / len(group):.2f} | {anyev / len(group):.2f} | {top} |")
        hit_all += hit
        any_all += anyev
    n = len(stories)
    rows.append(f"| **all** | {n} | {hit_all / n:.3f} | {any_all / n:.3f} | |")
    return "\n".join(rows)


def misses(stories: list[Story], events: dict[str, list[dict]], label: str) -> str:
    """The stories of one label that lack its type, with the events found in them, for reading."""
    out = []
    for s in stories:
        if s.label == label and label not in types_of(events[s.id]):
            found = "; ".join(f"{(e.get('plover') or {}).get('type')} '{e.get('trigger')}'" for e in events[s.id])
            out.append(f"## {s.id} [{s.mode or '-'}] {s.title}\n{s.text}\n-> {found or 'no events'}\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--accord", type=Path, default=ACCORD)
    ap.add_argument("--sample", choices=["A", "B"], default="A")
    ap.add_argument("--per-label", type=int, default=60)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--save", type=Path, help="write the coded events per story (JSON) here")
    ap.add_argument("--load", type=Path, help="read events saved by --save instead of running accord")
    ap.add_argument("--misses", metavar="LABEL", help="print the stories of LABEL that miss its type")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    chosen = sample(read_stories(args.corpus), args.per_label, args.sample, args.seed)
    if args.load:
        events = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        events = code(chosen, args.accord)
    if args.save:
        args.save.write_text(json.dumps(events), encoding="utf-8")
    print(misses(chosen, events, args.misses) if args.misses else report(chosen, events))


if __name__ == "__main__":
    main()
