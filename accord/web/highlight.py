"""Marking spans of a text for display: overlapping spans become flat segments, each with its kinds.

    segments(text, [Span(0, 4, "actor", "IRN"), Span(5, 12, "event", "031")])
    → [Segment("Iran", ("actor",), ("IRN",)), Segment(" ", (), ()), Segment("pledged", ("event",), ("031",)), ...]

The templates print each segment's text through Jinja's autoescape, so a hostile article (HTML,
``<script>``) is shown as text, never run; nothing here builds markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # event | trigger | source | target | quote | amount | place
    label: str = ""
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    link: str | None = None

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(x for x in self.labels if x)


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; spans outside the text or empty are dropped."""
    good = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in good), *(s.end for s in good)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in good if s.start <= a and b <= s.end]
        link = next((s.link for s in active if s.link), None)
        out.append(Segment(text[a:b], tuple(dict.fromkeys(s.kind for s in active)),
                           tuple(dict.fromkeys(s.label for s in active)), link))
    return out


def find(sentence: str, words: str | None, kind: str, label: str = "", offset: int = 0) -> list[Span]:
    """A span of the first occurrence of ``words`` in ``sentence`` (case-insensitive), shifted by ``offset``."""
    if not words or not sentence:
        return []
    at = sentence.lower().find(words.lower())
    return [] if at < 0 else [Span(offset + at, offset + at + len(words), kind, label)]
