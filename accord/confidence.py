"""How far to trust an event: a confidence in [0, 1] from how the coder found it.

An event's ``rule`` says which mechanism produced it (a verb pattern, a noun pattern, a control word
family such as ``intent`` or ``demand``, a negated or forward-looking form) and its actors say how they
were resolved (both from the dictionaries, one of them a name the dictionaries do not know, or no stated
source). The confidence of an event is the measured precision of its (family, actors) class on the
development sets, read from ``accord/data/confidence.yaml``; ``scripts/calibrate_confidence.py``
remeasures the table. A class seen too rarely to measure takes its family's value, then the overall one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from accord import yamlio
from accord.types import Actor, Event

_FAMILY = re.compile(r"[:' ]")
FORWARD = ("future", "hypothetical", "intent", "threaten", "prepare")


def family(rule: str) -> str:
    """The mechanism named at the start of a rule: verb, noun, intent, demand, negated, future, ..."""
    head = _FAMILY.split(rule.strip(), 1)[0] if rule else ""
    return head or "other"


def actors_class(source: Actor | None, target: Actor | None) -> str:
    """dictionary (every actor placed), named (an actor the dictionaries do not place) or sourceless."""
    if source is None:
        return "sourceless"
    if source.placed and (target is None or target.placed):
        return "dictionary"
    return "named"


@dataclass(frozen=True, slots=True)
class Calibration:
    overall: float = 0.7
    families: dict[str, float] = field(default_factory=dict)
    classes: dict[str, float] = field(default_factory=dict)  # "family/actors" → precision

    def confidence(self, event: Event) -> float:
        fam = family(event.rule)
        key = f"{fam}/{actors_class(event.source, event.target)}"
        value = self.classes.get(key, self.families.get(fam, self.overall))
        return round(min(1.0, max(0.0, float(value))), 3)


@cache
def load() -> Calibration:
    """The shipped calibration table."""
    data = yamlio.load(resources.files("accord.data").joinpath("confidence.yaml").read_text(encoding="utf-8")) or {}
    return Calibration(float(data.get("overall", 0.7)), {str(k): float(v) for k, v in (data.get("families") or {}).items()},
                       {str(k): float(v) for k, v in (data.get("classes") or {}).items()})
