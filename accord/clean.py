"""Cleaning: boilerplate lines, language. STUB — to be replaced by the foundation work.

Contract: ``clean(text)`` returns a ``Cleaned`` whose ``text`` has exactly the length of the input,
with removed stretches blanked (each character → a space, newlines kept), so every offset into
``Cleaned.text`` is an offset into the input text as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.types import Span


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)
    removed_spans: list[Span] = field(default_factory=list)
    language: str | None = "en"
    language_reason: str | None = None
    is_english: bool = True


def clean(text: str, title: str | None = None) -> Cleaned:
    return Cleaned(text=text)
