"""Events: verb and noun patterns over the dependency parse → CAMEO, PLOVER. (being written)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.types import Event, Mention


@dataclass
class VerbDictionary:
    @classmethod
    def load(cls, extra: tuple[str, ...] = ()) -> VerbDictionary:
        return cls()


def code_events(doc, mentions: list[Mention], verbs: VerbDictionary, pub: dt.date | None) -> list[Event]:
    return []
