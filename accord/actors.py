"""Actors: mentions in a parsed article resolved to CAMEO-style actor codes. (being written)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.types import Mention


@dataclass
class ActorDictionary:
    @classmethod
    def load(cls, extra: tuple[str, ...] = ()) -> ActorDictionary:
        return cls()


def find_mentions(doc, actors: ActorDictionary, pub: dt.date | None) -> list[Mention]:
    return []
