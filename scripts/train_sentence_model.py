#!/usr/bin/env python3
"""Train the sentence classifier of accord.classify and write it to accord/data/model/.

  .venv/bin/python scripts/train_sentence_model.py [--shared ../shared] [--out accord/data/model]

Training data (read from ../shared, never copied into the repo):
  * the lead sentence of each of the 4,500 synthetic NGEC stories, labelled with the story's PLOVER type
    (CONCEDE and RETREAT merged as YIELD, as PLV does);
  * NONE: the first two sentences of Reuters-21578 business articles (title with NET, QTR, DIVIDEND,
    EARNINGS, SHR or PROFIT as a word) *after* the first 2,000 such articles, which are the non-political
    test of issue 12 and are not trained on;
  * half of the PLV dev set (sentences whose CRC-32 mod 4 is 0 or 1; "train"), each sentence with its first
    pair's gold root, counted three times: the synthetic stories alone do not carry over to real news
    (PLV sentence accuracy 0.34 without PLV, 0.57 with it).
A quarter of PLV (CRC-32 mod 4 == 2; "select") chooses the L2 strength, the threshold and the confidence
table; the last quarter (mod 4 == 3; "report") is only measured. Model events are judged like score.py's
PLV pairs, on sentences coded by accord's rules and actors (without the prefilter). Needs scipy (present
with accord's dependencies) for L-BFGS.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import re
import sys
import time
import zlib
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from accord import classify

BUSINESS = re.compile(r"\b(NET|QTR|DIVIDEND|EARNINGS|SHR|PROFIT)\b")
BUCKETS = 1 << 20
TARGET_PRECISION = 0.82  # model events must not pull PLV's type_given_found under its floor


def synthetic(path: Path) -> list[tuple[str, str, str]]:
    """(lead paragraph, label, title) of each synthetic story."""
    csv.field_size_limit(1 << 26)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        lead = next((p.strip() for p in r["text"].split("\n") if p.strip()), "")
        if lead:
            out.append((lead, classify.MERGED.get(r["label"], r["label"]), r["title"]))
    return out


def business(path: Path, skip: int = 2000, take: int = 2000) -> list[str]:
    """First paragraphs of Reuters business articles after the first ``skip`` (the test's)."""
    out, seen = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if not BUSINESS.search(a.get("title") or ""):
                continue
            seen += 1
            if seen <= skip:
                continue
            out.append(" ".join((a.get("text") or "").split()[:80]))
            if len(out) >= take:
                break
    return out


def featurize(nlp, texts: list[str], sentences: int) -> list[list[list[str]]]:
    """Features of the first ``sentences`` sentences of each text."""
    return [[classify.features(s) for s in list(doc.sents)[:sentences]] for doc in nlp.pipe(texts, batch_size=64)]


def matrix(feats: list[list[str]]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, fs in enumerate(feats):
        cs = sorted({classify.bucket(f, BUCKETS) for f in fs})
        rows += [i] * len(cs)
        cols += cs
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(feats), BUCKETS))


def fit(X: sparse.csr_matrix, y: np.ndarray, k: int, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2 on the weights (not the bias), by L-BFGS."""
    used = np.unique(X.indices)
    Xu = X[:, used].tocsr()
    n, d = Xu.shape
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1

    def loss(theta):
        W, b = theta[: d * k].reshape(d, k), theta[d * k:]
        Z = Xu @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        f = -np.sum(Y * np.log(P + 1e-12)) / n + 0.5 * l2 * np.sum(W * W)
        G = (P - Y) / n
        return f, np.concatenate([(Xu.T @ G + l2 * W).ravel(), G.sum(axis=0)])

    res = optimize.minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    W = res.x[: d * k].reshape(d, k)
    keep = np.abs(W).max(axis=1) > 1e-3
    return used[keep], W[keep], res.x[d * k:]


def model_of(index, W, b, classes, threshold=0.0, calibration=()) -> classify.SentenceModel:
    return classify.SentenceModel(name="plover-lr", classes=tuple(classes), buckets=BUCKETS,
                                  index=np.asarray(index, dtype=np.int64), weights=W.astype(np.float32),
                                  bias=np.asarray(b, dtype=np.float32), threshold=threshold,
                                  calibration=tuple(calibration))


def plv_part(text: str) -> str:
    return ("train", "train", "select", "report")[zlib.crc32(text.encode("utf-8")) % 4]


def plv_sentences(shared: Path, nlp) -> list[tuple[str, str, list[str], str]]:
    """(sentence, its first gold root, its features, its part) of each PLV sentence."""
    sys.path.insert(0, str(shared / "tools"))
    import score

    rows = list(csv.DictReader(score.PLV_GOLD.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    first: dict[str, str] = {}
    for r in rows:
        first.setdefault(r["sentence"], r["gold_root"])
    return [(t, g, classify.features(doc[:]), plv_part(t)) for (t, g), doc in zip(first.items(), nlp.pipe(list(first)), strict=True)]


def plv_events(shared: Path, model: classify.SentenceModel) -> dict[str, list]:
    """Per PLV part: (probability, right?) of each event the model adds to a sentence the rules leave empty."""
    sys.path.insert(0, str(shared / "tools"))
    import score

    from accord.actors import find_mentions
    from accord.events import code_events
    from accord.pipeline import Resources

    res = Resources.load()
    rows = list(csv.DictReader(score.PLV_GOLD.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    by_sent: dict[str, list[dict]] = {}
    for r in rows:
        by_sent.setdefault(r["sentence"], []).append(r)
    out: dict[str, list] = {"train": [], "select": [], "report": []}
    texts = list(by_sent)
    for text, doc in zip(texts, res.nlp.pipe(texts, batch_size=64), strict=True):
        mentions = find_mentions(doc, res.actors, None, res.place_country)
        events = code_events(doc, mentions, res.verbs, None)
        half = plv_part(text)
        for e in classify.model_events(doc, mentions, events, None, model):
            p = float(e.rule.split("p=")[1].split()[0])
            ev = {"source": e.source.to_dict(), "target": e.target.to_dict(), "plover": {"type": e.plover_type}}
            ok = any(score.inside(score.toks(r["source"]), ev["source"]) and score.inside(score.toks(r["target"]), ev["target"])
                     and score.plv_type(ev) == r["gold_root"] for r in by_sent[text])
            out[half].append((p, ok))
    return out


def choose(judged: list[tuple[float, bool]]) -> tuple[float, list[tuple[float, float]]]:
    """The lowest threshold whose events (p >= it) reach TARGET_PRECISION, and precision per p band."""
    judged = sorted(judged, reverse=True)
    threshold, hits = 1.01, 0
    for i, (p, ok) in enumerate(judged, 1):
        hits += ok
        if i >= 5 and hits / i >= TARGET_PRECISION:
            threshold = p
    bands = []
    for low, high in ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)):
        sel = [ok for p, ok in judged if low <= p < high]
        if len(sel) >= 5:
            bands.append((low, round(sum(sel) / len(sel), 3)))
    for i in range(1, len(bands)):  # precision does not fall as probability rises
        bands[i] = (bands[i][0], max(bands[i][1], bands[i - 1][1]))
    return round(threshold, 3), bands


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "accord" / "data" / "model")
    a = ap.parse_args()
    from accord.nlp import load_model

    t0 = time.time()
    nlp = load_model()
    syn = synthetic(a.shared / "corpora" / "ngec-synthetic-2023.csv.gz")
    neg = business(a.shared / "corpora" / "reuters21578.jsonl.gz")
    syn_feats = [f[0] for f in featurize(nlp, [t for t, _, _ in syn], 1) if f]
    neg_feats = [s for f in featurize(nlp, neg, 2) for s in f]
    plv = plv_sentences(a.shared, nlp)
    classes = sorted({lab for _, lab, _ in syn}) + [classify.NONE]
    train = [(t, g, f) for t, g, f, part in plv if part == "train"]
    select = [(g, f) for _, g, f, part in plv if part == "select"]
    feats = syn_feats + neg_feats + [f for _, _, f in train] * 3
    y = np.array([classes.index(lab) for _, lab, _ in syn] + [len(classes) - 1] * len(neg_feats)
                 + [classes.index(g) for _, g, _ in train] * 3)
    X = matrix(feats)
    print(f"{len(syn_feats)} synthetic, {len(neg_feats)} business, {len(train)} PLV sentences, {time.time() - t0:.0f}s", flush=True)
    scores = {}
    for l2 in (3e-4, 1e-3, 3e-3):
        idx, W, b = fit(X, y, len(classes), l2)
        m = model_of(idx, W, b, classes)
        scores[l2] = (float(np.mean([classes[int(m.probabilities(f).argmax())] == g for g, f in select])), (idx, W, b))
        print(f"l2={l2:g}: PLV 'select' sentence accuracy {scores[l2][0]:.3f}", flush=True)
    l2 = max(scores, key=lambda k: scores[k][0])
    idx, W, b = scores[l2][1]
    raw = model_of(idx, W, b, classes)
    report_acc = float(np.mean([classes[int(raw.probabilities(f).argmax())] == g for _, g, f, part in plv if part == "report"]))
    judged = plv_events(a.shared, raw)
    threshold, bands = choose(judged["select"])
    report = {}
    for half, rows in judged.items():
        sel = [ok for p, ok in rows if p >= threshold]
        report[half] = {"candidates": len(rows), "events": len(sel), "right": int(sum(sel)),
                        "precision": round(sum(sel) / len(sel), 3) if sel else None}
    print(f"threshold {threshold}; bands {bands}; report accuracy {report_acc:.3f}; PLV {report}")
    model = model_of(idx, W, b, classes, threshold, bands)
    classify.save(model, a.out, {
        "trained": dt.date.today().isoformat(),
        "training_data": ["ngec-synthetic-2023.csv.gz: lead sentence of each story, its label (CONCEDE, RETREAT as YIELD)",
                          "reuters21578.jsonl.gz: first two sentences of business articles 2,001-4,000 (title NET/QTR/"
                          "DIVIDEND/EARNINGS/SHR/PROFIT), class NONE; the first 2,000 are the test and not used",
                          "PLV_train.tsv, sentences with CRC-32 mod 4 in (0, 1), first pair's gold root, weight 3"],
        "features": "hashed (CRC-32 mod 2^20): lemmas with entities masked by type, bigrams, verbs, verb-object, "
                    "verb-preposition(-object), particles, negation, passive (accord.classify.features)",
        "model": f"multinomial logistic regression, L2 {l2:g} chosen on PLV 'select' (CRC-32 mod 4 == 2)",
        "held_out": {"plv_select_sentence_accuracy": round(scores[l2][0], 3),
                     "plv_report_sentence_accuracy": round(report_acc, 3),
                     "model_events": report,
                     "note": "threshold: lowest probability at which model events on PLV 'select' reach precision "
                             f"{TARGET_PRECISION} (1.01: never reached, the model emits nothing); 'report' is "
                             "CRC-32 mod 4 == 3, never trained or selected on; the 'train' row is not held out"},
    })
    print(f"wrote {a.out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
