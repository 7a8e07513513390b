"""Tone on GDELT's scale. STUB."""

from __future__ import annotations


def tone(text: str) -> float | None:
    return None
