"""Scoring accord against gold annotations: the seed-article gold JSON, the PLOVER gold-standard records
and PLV (actor pairs in real news sentences, tab-separated, with their PLOVER roots).

The matching rules are those of ``shared/tools/score.py`` (the project's reference scorer), so the
numbers agree; this module adds breakdowns by CAMEO root, by PLOVER type and for actors.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

Coder = Callable[[list[dict[str, Any]]], Iterable[dict[str, Any]]]


@dataclass
class Score:
    kind: str  # seed | plover | plv
    summary: dict[str, float | int | str] = field(default_factory=dict)
    by_root: dict[str, dict[str, float]] = field(default_factory=dict)
    by_type: dict[str, dict[str, float]] = field(default_factory=dict)
    actors: dict[str, float] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "summary": self.summary, "by_root": self.by_root, "by_type": self.by_type,
                "actors": self.actors}


def gold_kind(data: Any) -> str:
    if isinstance(data, dict) and "events" in data and "article" in data:
        return "seed"
    if isinstance(data, list) and data and isinstance(data[0], dict) and "event" in data[0]:
        return "plover"
    raise ValueError("unrecognised gold file: expected the seed-article gold JSON or PLOVER gold-standard records")


def evaluate(gold_path: str | Path, coder: Coder, pred: dict[str, dict[str, Any]] | None = None) -> Score:
    """Score ``coder`` (articles → contract JSON objects) or precomputed ``pred`` against a gold file."""
    path = Path(gold_path)
    raw = path.read_text(encoding="utf-8")
    if raw.split("\n", 1)[0].count("\t") and "marked_sentence" in raw.split("\n", 1)[0]:
        rows_plv = list(csv.DictReader(raw.splitlines(), delimiter="\t"))
        sents: dict[str, str] = {}
        for r in rows_plv:
            sents.setdefault(r["sentence"], f"plv-{len(sents)}")
        arts = [{"id": i, "text": t, "date": None} for t, i in sents.items()]
        got = pred or {str(r["id"]): r for r in coder(arts)}
        return score_plv(rows_plv, sents, got)
    data = json.loads(raw)
    kind = gold_kind(data)
    if kind == "seed":
        text = (path.parent.parent / data["article"]).read_text(encoding="utf-8")
        arts = [{"id": "seed", "text": text, "date": data.get("publication_date")}]
        rows = pred or {str(r["id"]): r for r in coder(arts)}
        return score_seed(data, rows.get("seed") or next(iter(rows.values()), {}))
    recs = [r for r in data if r.get("event") != "DOCUMENT"]
    arts = [{"id": r["id"], "text": r["text"], "date": None} for r in recs]
    rows = pred or {str(r["id"]): r for r in coder(arts)}
    return score_plover(recs, rows)


# -- seed ---------------------------------------------------------------------------------------


def actor_matches(gold: dict | None, pred: dict | None) -> bool:
    if gold is None:
        return True
    if not pred:
        return False
    if gold.get("country"):
        return (pred.get("country") or "").upper() == gold["country"].upper()
    if gold.get("igo"):
        want = gold["igo"].upper()
        return (pred.get("igo") or "").upper() == want or want in (pred.get("code") or "").upper()
    return True


def event_matches(gold: dict, ev: dict) -> bool:
    code = str(ev.get("cameo") or "")
    if not any(code.startswith(p) for p in gold.get("cameo_accept", [])):
        return False
    pairs = [(gold.get("source"), gold.get("target"))]
    if gold.get("symmetric"):
        pairs.append((gold.get("target"), gold.get("source")))
    return any(actor_matches(s, ev.get("source")) and actor_matches(t, ev.get("target")) for s, t in pairs)


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def score_seed(gold: dict, pred: dict) -> Score:
    events = pred.get("events", [])
    required = [g for g in gold["events"] if g.get("required")]
    found = [g for g in required if any(event_matches(g, e) for e in events)]
    correct = [e for e in events if any(event_matches(g, e) for g in gold["events"])]
    bad = [e for e in events for m in gold.get("must_not", [])
           if actor_matches(m["source"], e.get("source")) and actor_matches(m["target"], e.get("target"))]
    quotes_ok = 0
    for q in gold.get("quotes", []):
        want = _norm(q["starts_with"])[:40]
        last = q["speaker"].split()[-1].lower()
        if any(want in _norm(p.get("text", "")) and last in ((p.get("speaker") or {}).get("name") or "").lower()
               for p in pred.get("quotes", [])):
            quotes_ok += 1
    amounts_ok = sum(1 for a in gold.get("amounts", [])
                     if any(_num(p.get("value")) and abs(float(p["value"]) - a["value"]) < 1e-9 for p in pred.get("amounts", [])))
    removed = " ".join(_norm(r) for r in pred.get("removed", []))
    boiler_ok = sum(1 for b in gold.get("boilerplate", []) if _norm(b) in removed)
    recall = len(found) / len(required) if required else 0.0
    precision = len(correct) / len(events) if events else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    s = Score("seed")
    s.summary = {"recall": round(recall, 3), "precision": round(precision, 3), "f1": round(f1, 3),
                 "events": len(events), "correct": len(correct), "quotes": quotes_ok, "quotes_total": len(gold.get("quotes", [])),
                 "amounts": amounts_ok, "amounts_total": len(gold.get("amounts", [])), "boilerplate": boiler_ok,
                 "boilerplate_total": len(gold.get("boilerplate", [])), "must_not": len(bad)}
    # by CAMEO root: recall over required gold events, precision over predicted events
    roots: dict[str, Counter] = defaultdict(Counter)
    for g in required:
        r = g["cameo_accept"][0][:2]
        roots[r]["gold"] += 1
        roots[r]["found"] += g in found
    for e in events:
        r = str(e.get("cameo", ""))[:2]
        roots[r]["pred"] += 1
        roots[r]["correct"] += e in correct
    s.by_root = {r: _pr(c) for r, c in sorted(roots.items())}
    src_ok = sum(1 for e in correct if (e.get("source") or {}).get("code"))
    s.actors = {"events_with_resolved_source": round(src_ok / len(events), 3) if events else 0.0,
                "events_with_target": round(sum(1 for e in events if e.get("target")) / len(events), 3) if events else 0.0}
    for e in events:
        mark = "ok" if e in correct else "--"
        src, tgt = e.get("source") or {}, e.get("target") or {}
        s.details.append(f"{mark} {src.get('code')} -> {tgt.get('code')} {e.get('cameo')} {(e.get('plover') or {}).get('type')}: {str(e.get('sentence'))[:80]}")
    s.details.append(f"required missed: {[g['id'] for g in required if g not in found]}")
    return s


def _pr(c: Counter) -> dict[str, float]:
    out: dict[str, float] = {}
    if c["gold"]:
        out["recall"] = round(c["found"] / c["gold"], 3)
        out["gold"] = c["gold"]
    if c["pred"]:
        out["precision"] = round(c["correct"] / c["pred"], 3)
        out["predicted"] = c["pred"]
    return out


def _num(v: Any) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


# -- PLOVER --------------------------------------------------------------------------------------


def _codes(actors: Any) -> list[str]:
    return [a.get("code") or "" for a in actors] if isinstance(actors, list) else []


def plover_actor_ok(codes: list[str], pred: dict | None) -> bool:
    if not codes:
        return True
    if not pred:
        return False
    for c in codes:
        if c.startswith("IGO"):
            if pred.get("igo") or (pred.get("code") or "").startswith("IGO"):
                return True
        elif (pred.get("country") or "").upper() == c[:3].upper():
            return True
    return False


def score_plover(recs: list[dict], pred: dict[str, dict]) -> Score:
    type_hit = full_hit = n_events = with_events = src_hit = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    for r in recs:
        want = PLOVER_RENAMES.get(r["event"], r["event"])
        srcs, tgts = _codes(r.get("source")), _codes(r.get("target"))
        evs = pred.get(r["id"], {}).get("events", [])
        n_events += len(evs)
        with_events += bool(evs)
        typed = [e for e in evs if (e.get("plover") or {}).get("type") == want]
        hit = bool(typed)
        full = any(
            (plover_actor_ok(srcs, e.get("source")) and plover_actor_ok(tgts, e.get("target")))
            or (plover_actor_ok(srcs, e.get("target")) and plover_actor_ok(tgts, e.get("source")) and "SRC/TAR" in r["textInfo"]["markup"])
            for e in typed
        )
        type_hit += hit
        full_hit += full
        src_hit += any(plover_actor_ok(srcs, e.get("source")) for e in evs) if srcs else 0
        per_type[want]["gold"] += 1
        per_type[want]["found"] += hit
        for t in {(e.get("plover") or {}).get("type") for e in evs}:
            if t:
                per_type[t]["pred"] += 1
                per_type[t]["correct"] += t == want
    n = len(recs)
    s = Score("plover")
    s.summary = {"sentences": n, "with_events": with_events, "events": n_events,
                 "type": round(type_hit / n, 3), "type_actors": round(full_hit / n, 3),
                 "events_per_sentence": round(n_events / n, 2)}
    s.by_type = {t: _pr(c) for t, c in sorted(per_type.items())}
    with_src = sum(1 for r in recs if _codes(r.get("source")))
    s.actors = {"source_found": round(src_hit / with_src, 3) if with_src else 0.0}
    return s


# -- PLV ------------------------------------------------------------------------------------------

_STOP = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "its", "his", "her", "their", "s"}


def _toks(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", (text or "").lower()) if t not in _STOP}


def _inside(gold: set[str], actor: dict | None) -> bool:
    """The actor's name lies mostly within the marked span: at least half of its words are the span's."""
    got = _toks(actor.get("name") or "") if actor else set()
    return bool(got) and len(got & gold) * 2 >= len(got)


def plv_type(event: dict) -> str | None:
    """PLV's 15 roots merge PLOVER's CONCEDE and RETREAT into YIELD (CAMEO root 08)."""
    t = (event.get("plover") or {}).get("type")
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def score_plv(rows: list[dict], sents: dict[str, str], pred: dict[str, dict]) -> Score:
    """A pair counts when an event runs from an actor named within the marked source to one named within
    the marked target, with the gold PLOVER root (the reference scorer's rule)."""
    found = right = sent_type = 0
    per: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        evs = pred.get(sents[r["sentence"]], {}).get("events", [])
        gs, gt = _toks(r["source"]), _toks(r["target"])
        linked = [e for e in evs if _inside(gs, e.get("source")) and _inside(gt, e.get("target"))]
        ok = any(plv_type(e) == r["gold_root"] for e in linked)
        found += bool(linked)
        right += ok
        sent_type += any(plv_type(e) == r["gold_root"] for e in evs)
        per[r["gold_root"]]["gold"] += 1
        per[r["gold_root"]]["correct"] += ok
        for e in linked:
            if (t := plv_type(e)) is not None:
                per[t]["pred"] += 1
                per[t]["pred_correct"] += t == r["gold_root"]
    n = len(rows)
    s = Score("plv")
    s.summary = {"pairs": n, "pair_recall": round(right / n, 3), "pair_found": round(found / n, 3),
                 "type_given_found": round(right / found, 3) if found else 0.0,
                 "sentence_type_recall": round(sent_type / n, 3)}
    s.by_type = {t: {"recall": round(c["correct"] / c["gold"], 3) if c["gold"] else float("nan"), "gold": c["gold"],
                     "precision": round(c["pred_correct"] / c["pred"], 3) if c["pred"] else float("nan"),
                     "predicted": c["pred"]} for t, c in sorted(per.items())}
    return s


def format_score(s: Score) -> str:
    lines = []
    if s.kind == "plv":
        m = s.summary
        lines.append(f"plv: pair_recall={m['pair_recall']:.3f} pair_found={m['pair_found']:.3f} "
                     f"type_given_found={m['type_given_found']:.3f} sentence_type_recall={m['sentence_type_recall']:.3f}")
    elif s.kind == "seed":
        m = s.summary
        lines += s.details
        lines.append(f"seed: recall={m['recall']:.2f} precision={m['precision']:.2f} f1={m['f1']:.2f} "
                     f"quotes={m['quotes']}/{m['quotes_total']} amounts={m['amounts']}/{m['amounts_total']} "
                     f"boilerplate={m['boilerplate']}/{m['boilerplate_total']} must_not={m['must_not']}")
    else:
        m = s.summary
        lines.append(f"plover: type={m['type']:.3f} type+actors={m['type_actors']:.3f} "
                     f"events_per_sentence={m['events_per_sentence']} (sentences {m['sentences']}, with events {m['with_events']})")
    if s.kind == "plv":
        lines.append(f"{'PLOVER root':<12} {'recall':>7} {'gold':>5} {'precision':>9} {'linked':>6}")
        for k, v in s.by_type.items():
            lines.append(f"{k:<12} {v['recall']:>7.2f} {v['gold']:>5} {v['precision']:>9.2f} {v['predicted']:>6}")
        return "\n".join(lines)
    table = s.by_root if s.kind == "seed" else s.by_type
    label = "CAMEO root" if s.kind == "seed" else "PLOVER type"
    lines.append(f"{label:<12} {'recall':>7} {'gold':>5} {'precision':>9} {'pred':>5}")
    for k, v in table.items():
        lines.append(f"{k:<12} {v.get('recall', float('nan')):>7.2f} {v.get('gold', 0):>5} "
                     f"{v.get('precision', float('nan')):>9.2f} {v.get('predicted', 0):>5}")
    lines.append("actors: " + ", ".join(f"{k}={v}" for k, v in s.actors.items()))
    return "\n".join(lines)
