"""A statistical coder for what the dictionaries miss: a sentence that links two actors with no trigger.

The rule coder (:mod:`accord.events`) codes a sentence only when a verb or noun of its dictionaries
triggers an event. "The ACLU is suing the FBI" or "Seoul and Tokyo patched up their quarrel" link two
actors with words no dictionary lists. For such a sentence — the rules found nothing in it, yet it has a
source actor as a clause's subject and another actor below the same verb — a small classifier predicts
the sentence's PLOVER type, and when its probability clears the model's threshold an event is emitted
between the two actors, coded with the CAMEO root of that type (:func:`root_code`).

The model is a multinomial logistic regression over hashed features of the parsed sentence (lemmas with
named entities masked by their type, lemma bigrams, verbs, verb-object and verb-preposition pairs),
trained by ``scripts/train_sentence_model.py`` and shipped as package data in ``accord/data/model/``: the
weights (``plover_sentence.npz``) and a sidecar (``plover_sentence.json``) with the classes, the
threshold, the confidence table and the provenance (training data, date, held-out scores). Inference is
numpy only: a few dozen row lookups and one softmax per candidate sentence.

An event from the model says so in ``rule`` ("model:plover-lr p=0.87") and carries as confidence the
measured precision of model events at that probability on data the model was not trained on.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from accord.ontology import cameo_table
from accord.types import Actor, Event, Mention

MODEL_DIR = "model"
MODEL_NAME = "plover_sentence"
NONE = "NONE"  # the class of sentences that carry no event
# PLV merges CONCEDE and RETREAT (both CAMEO 08) into one root, as the model does
MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}

_ENTITY_TYPES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})
_SUBJECTS = frozenset({"nsubj"})
_CLIMB = frozenset({"compound", "appos", "flat", "amod", "conj", "cc", "nmod"})
_OBJECTS = frozenset({"dobj", "pobj", "dative", "attr", "obj", "iobj"})


# ---- features: the same function for training and coding -------------------------------------------------

def _word(tok) -> str:
    if tok.ent_type_ in _ENTITY_TYPES:
        return "E:" + tok.ent_type_
    if tok.like_num:
        return "NUM"
    return tok.lemma_.lower()


def features(sent) -> list[str]:
    """Feature strings of a parsed sentence (a spaCy ``Span``): what the model reads."""
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    words = [_word(t) for t in toks]
    out = [f"u:{w}" for t, w in zip(toks, words, strict=True) if not t.is_stop]
    out += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    for t in toks:
        if t.pos_ != "VERB":
            continue
        lemma = t.lemma_.lower()
        out.append(f"v:{lemma}")
        if t.dep_ == "ROOT":
            out.append(f"r:{lemma}")
        for c in t.children:
            if c.dep_ in ("dobj", "attr", "dative", "xcomp", "ccomp") and c.pos_ != "PRON":
                out.append(f"vo:{lemma}_{_word(c)}")
            elif c.dep_ == "prep":
                out.append(f"vp:{lemma}_{c.lower_}")
                out += [f"vpo:{lemma}_{c.lower_}_{_word(p)}" for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "prt":
                out.append(f"vt:{lemma}_{c.lower_}")
            elif c.dep_ == "neg":
                out.append("neg")
            elif c.dep_ == "auxpass":
                out.append(f"pass:{lemma}")
    return out


def bucket(feature: str, buckets: int) -> int:
    """The hashed column of a feature: stable across processes and Python versions (CRC-32)."""
    return zlib.crc32(feature.encode("utf-8")) % buckets


# ---- the model -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SentenceModel:
    """Weights of the used hash buckets (``index`` sorted), one column per class."""

    name: str
    classes: tuple[str, ...]
    buckets: int
    index: np.ndarray  # (n,) int64, sorted bucket ids with weights
    weights: np.ndarray  # (n, classes) float32
    bias: np.ndarray  # (classes,) float32
    threshold: float  # emit only at or above this probability
    calibration: tuple[tuple[float, float], ...] = ()  # (lowest probability, measured precision), ascending

    def probabilities(self, feats: Iterable[str]) -> np.ndarray:
        cols = np.unique(np.fromiter((bucket(f, self.buckets) for f in feats), dtype=np.int64))
        z = self.bias + self.weights[_hits(self.index, cols)].sum(axis=0)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, sent) -> tuple[str, float]:
        """The most probable class of a parsed sentence and its probability."""
        p = self.probabilities(features(sent))
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    def confidence(self, p: float) -> float:
        """The measured precision of model events at probability ``p`` (else ``p`` itself)."""
        value = p
        for low, precision in self.calibration:
            if p >= low:
                value = precision
        return round(min(1.0, max(0.0, value)), 3)


def _hits(index: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Rows of ``index`` holding the bucket ids ``cols`` (ids with no weights are skipped)."""
    pos = np.searchsorted(index, cols)
    ok = pos < len(index)
    pos, cols = pos[ok], cols[ok]
    return pos[index[pos] == cols]


def save(model: SentenceModel, directory, provenance: dict) -> None:
    """Write the weights (.npz) and the sidecar (.json) that :func:`load` reads."""
    from pathlib import Path

    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(d / f"{MODEL_NAME}.npz", index=model.index.astype(np.int32),
                        weights=model.weights.astype(np.float16), bias=model.bias.astype(np.float32))
    side = {"name": model.name, "classes": list(model.classes), "buckets": model.buckets,
            "threshold": model.threshold, "calibration": [list(c) for c in model.calibration], **provenance}
    (d / f"{MODEL_NAME}.json").write_text(json.dumps(side, indent=1) + "\n", encoding="utf-8")


def read(directory) -> SentenceModel:
    """A model from a directory holding ``plover_sentence.npz`` and ``.json`` (package data or a path)."""
    side = json.loads(directory.joinpath(f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    with directory.joinpath(f"{MODEL_NAME}.npz").open("rb") as fh, np.load(fh) as z:
        index, weights, bias = z["index"].astype(np.int64), z["weights"].astype(np.float32), z["bias"]
    if weights.shape != (len(index), len(side["classes"])) or np.any(np.diff(index) <= 0):
        raise ValueError(f"{MODEL_NAME}.npz: weights do not fit the sidecar's classes or the index is unsorted")
    return SentenceModel(name=side["name"], classes=tuple(side["classes"]), buckets=int(side["buckets"]),
                         index=index, weights=weights, bias=bias.astype(np.float32),
                         threshold=float(side["threshold"]),
                         calibration=tuple((float(a), float(b)) for a, b in side.get("calibration", [])))


@cache
def load() -> SentenceModel:
    """The shipped model (package data; never downloaded)."""
    return read(resources.files("accord.data").joinpath(MODEL_DIR))


@cache
def root_code(plover: str) -> str:
    """The CAMEO root of a PLOVER type: of the roots the crosswalk gives that type, the one most of
    whose codes have it (ACCUSE → 11, not 09; ASSAULT → 18; REQUEST → 10; YIELD → 08)."""
    wanted = {plover} if plover != "YIELD" else {"CONCEDE", "RETREAT"}
    counts: dict[str, int] = {}
    for code, c in cameo_table().items():
        if c.plover_type in wanted:
            counts[code[:2]] = counts.get(code[:2], 0) + 1
    if not counts:
        raise KeyError(f"no CAMEO root has PLOVER type {plover!r}")
    return max(sorted(counts), key=lambda r: counts[r])


# ---- the coder's hook ------------------------------------------------------------------------------------

def model_events(doc, mentions: list[Mention], events: list[Event], pub: dt.date | None,
                 model: SentenceModel | None = None) -> list[Event]:
    """Events the model finds in sentences of ``doc`` where ``events`` (the rules') have none."""
    model = model or load()
    coded = {e.sentence_span for e in events if e.sentence_span}
    out: list[Event] = []
    for sent in doc.sents:
        if (sent.start_char, sent.end_char) in coded or not sent.text.strip():
            continue
        pair = link(sent, [m for m in mentions if sent.start <= m.head < sent.end])
        if pair is None:
            continue
        label, p = model.predict(sent)
        if label == NONE or p < model.threshold:
            continue
        out.append(_event(doc, sent, pair, label, p, model, pub))
    return out


def _usable(m: Mention) -> bool:
    a = m.actor
    return m.how != "modifier" and not a.first_person and bool(a.name) and a.role != "BUS"


def link(sent, mentions: list[Mention]) -> tuple[Mention, Mention, object] | None:
    """(source, target, verb): a mention that is a verb's active subject and another mention below that
    verb (object or oblique, not inside the subject), nearest the verb; one of the two placed by the
    dictionaries (a country or an organisation). None when the sentence has no such pair."""
    doc = sent.doc
    usable = [m for m in mentions if _usable(m)]
    for src in usable:
        verb = _subject_of(doc[src.head])
        if verb is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        inside = {t.i for t in doc[src.head].subtree}
        best = None
        for tgt in usable:
            if tgt is src or tgt.head in inside or _same(src.actor, tgt.actor):
                continue
            depth = _depth_below(doc[tgt.head], verb)
            if depth is not None and (best is None or depth < best[0]):
                best = (depth, tgt)
        if best is not None and (src.actor.placed or best[1].actor.placed):
            return src, best[1], verb
    return None


def _subject_of(tok):
    """The verb whose active subject ``tok`` is (through compounds, appositions, conjuncts), or None."""
    for _ in range(4):
        if tok.dep_ in _SUBJECTS:
            return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _depth_below(tok, verb, limit: int = 5) -> int | None:
    """How many arcs up from ``tok`` to ``verb``, if ``tok`` hangs below it as an object or oblique."""
    depth, seen_object = 0, False
    while tok.i != verb.i and depth < limit:
        seen_object = seen_object or tok.dep_ in _OBJECTS
        if tok.head.i == tok.i or tok.dep_ in ("nsubj", "nsubjpass", "csubj", "relcl", "advcl", "ccomp"):
            return None
        tok, depth = tok.head, depth + 1
    return depth if tok.i == verb.i and seen_object else None


def _same(a: Actor, b: Actor) -> bool:
    return (a.code is not None and a.code == b.code) or a.name.lower() == b.name.lower()


def _event(doc, sent, pair, label: str, p: float, model: SentenceModel, pub: dt.date | None) -> Event:
    src, tgt, verb = pair
    code = root_code(label)
    cc = cameo_table()[code]
    return Event(
        source=src.actor, target=tgt.actor, cameo=code, sentence=sent.text.strip(),
        span=(verb.idx, verb.idx + len(verb)), rule=f"model:{model.name} p={p:.2f} ({label}; '{verb.lemma_}')",
        goldstein=cc.goldstein, quad_class=cc.quad_class, plover_type=cc.plover_type, plover_mode=cc.plover_mode,
        context=cc.plover_context, date=pub.isoformat() if pub else None,
        sentence_span=(sent.start_char, sent.end_char), trigger=verb.text, confidence=model.confidence(p),
    )
