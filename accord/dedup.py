"""Duplicate articles: exact (sha256 of the normalised text) and near (MinHash over the body's word 5-grams + LSH).

Near copies are compared without their headline: a re-sent story often changes the headline only.

    fp = fingerprint(text)                     # cheap enough to compute in the workers
    index = DedupIndex.from_rows(store_rows)   # rebuilt from the stored signatures on startup
    match = index.match(fp)                    # None, or Match(article_id, "exact" | "near", similarity)
    index.add(article_id, fp)

The signature is stored with the article (``articles.minhash``), so dedup works across runs without a
separate index file: the LSH index is a cache that the store rebuilds when it opens for writing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np

NUM_PERM = 128
THRESHOLD = 0.8  # estimated Jaccard similarity of the 5-gram sets at which two articles are one
SHINGLE = 5
SEED = 1
SCHEME = "affine64"  # datasketch >= 2: a bijective permutation, 64-bit values; stored with the article
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    hash: str  # sha256 hex of the normalised text
    minhash: bytes | None  # NUM_PERM little-endian uint64 values; None when the text has no words


@dataclass(frozen=True, slots=True)
class Match:
    article_id: str
    kind: str  # exact | near
    similarity: float


def normalise(text: str) -> str:
    """Case and whitespace folded: the same story re-wrapped or re-cased hashes the same."""
    return " ".join(text.lower().split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-grams of the lowercased text; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def minhash(text: str):
    """The datasketch MinHash of ``text``'s shingles, or None when it has no words."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(grams))
    return m


@cache
def _permutations():
    """The seeded permutations every MinHash uses, drawn once per process rather than once per article."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def body(text: str, title: str | None = None) -> str:
    """The text without its headline: the first line when it is the title, or a short unpunctuated line
    standing alone before a blank line."""
    first, sep, rest = text.lstrip().partition("\n")
    if not sep or not rest.strip():
        return text
    head = first.strip()
    if title and normalise(head) == normalise(title):
        return rest
    # a headline stands on its own line, a blank line before the body; the first line of hard-wrapped
    # text ("First Wisconsin National Bank said it") is not one
    own_line = rest.lstrip(" \t").startswith(("\n", "\r"))
    if own_line and len(head.split()) <= 15 and not head.endswith((".", "!", "?", '"', "”")):
        return rest
    return text


def fingerprint(text: str, title: str | None = None) -> Fingerprint:
    m = minhash(body(text, title))
    return Fingerprint(text_hash(text), m.hashvalues.astype("<u8").tobytes() if m is not None else None)


def _lean(sig: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(sig, dtype="<u8"), scheme=SCHEME)


class DedupIndex:
    """Exact hashes and an LSH index over MinHash signatures of the articles stored so far."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._hashes: dict[str, str] = {}
        self._sigs: dict[str, np.ndarray] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)

    @classmethod
    def from_rows(cls, rows, threshold: float = THRESHOLD) -> DedupIndex:
        """``rows``: (article_id, hash, minhash bytes or None), as ``articles`` stores them."""
        index = cls(threshold)
        for article_id, h, sig in rows:
            index.add(article_id, Fingerprint(h, bytes(sig) if sig is not None else None))
        return index

    def __len__(self) -> int:
        return len(self._hashes)

    def match(self, fp: Fingerprint) -> Match | None:
        """The stored article ``fp`` repeats, if any: an exact copy first, else the most similar near copy."""
        hit = self._hashes.get(fp.hash)
        if hit is not None:
            return Match(hit, "exact", 1.0)
        if fp.minhash is None:
            return None
        query = np.frombuffer(fp.minhash, dtype="<u8")
        best: Match | None = None
        for cand in self._lsh.query(_lean(fp.minhash)):
            sim = float(np.mean(self._sigs[cand] == query))
            if sim >= self.threshold and (best is None or sim > best.similarity or
                                          (sim == best.similarity and cand < best.article_id)):
                best = Match(cand, "near", round(sim, 4))
        return best

    def add(self, article_id: str, fp: Fingerprint) -> None:
        self._hashes.setdefault(fp.hash, article_id)
        if fp.minhash is not None and article_id not in self._sigs:
            self._sigs[article_id] = np.frombuffer(fp.minhash, dtype="<u8")
            self._lsh.insert(article_id, _lean(fp.minhash))
