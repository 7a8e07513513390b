"""Quotes and their speakers. STUB."""

from __future__ import annotations

from accord.types import Mention, Quote


def find_quotes(doc, mentions: list[Mention]) -> list[Quote]:
    return []
