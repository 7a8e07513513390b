"""What the vocabulary case files share: a case is a sentence of our own, the CAMEO code (or prefix) it must
yield, and who must do it to whom — an ISO3 country, "IGO" for an international organisation where a file
counts those, or None where the sentence names no one to check."""

from __future__ import annotations


def who(actor, igo: bool = True) -> str | None:
    """An actor as a case names it: its country, else "IGO" for an international organisation (with ``igo``)."""
    if actor is None:
        return None
    return actor.country or ("IGO" if igo and actor.igo else None)


def coded(result, igo: bool = True) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source, target) of every event of a result."""
    return [(e.cameo, who(e.source, igo), who(e.target, igo)) for e in result.events]


def yields(events: list[tuple[str, str | None, str | None]], cameo: str, source: str | None, target: str | None) -> bool:
    """Does one event have the case's code (or a code under it) and, where the case names them, its actors?"""
    return any(c.startswith(cameo) and source in (None, s) and target in (None, t) for c, s, t in events)
