"""Dates: relative expressions resolved against the publication date. STUB."""

from __future__ import annotations

import datetime as dt


def event_date(doc, start: int, end: int, pub: dt.date | None, modality: str = "asserted") -> str | None:
    return pub.isoformat() if pub else None
