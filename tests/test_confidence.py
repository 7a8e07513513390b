"""Every event carries a confidence in [0, 1]: the measured precision of how it was found."""

from __future__ import annotations

import pytest

from accord.confidence import Calibration, actors_class, family, load
from accord.types import Actor, Event


def _event(rule: str, source: Actor | None, target: Actor | None) -> Event:
    return Event(source=source, target=target, cameo="111", sentence="", span=(0, 1), rule=rule)


IRAN = Actor(name="Iran", code="IRN", country="IRN")
UNKNOWN = Actor(name="Lagumdzija", code=None)


def test_confidence_family_is_the_mechanism_named_first():
    assert family("verb:criticize: 'condemned' → 111; source: subject 'Egypt'") == "verb"
    assert family("intent: 'pledged … join' (verb:join 060 → 031)") == "intent"
    assert family("negated verb:visit: 'visit' → 042 → reject") == "negated"


def test_confidence_actor_classes():
    assert actors_class(IRAN, None) == "dictionary"
    assert actors_class(UNKNOWN, IRAN) == "named"
    assert actors_class(None, IRAN) == "sourceless"


def test_confidence_falls_back_from_class_to_family_to_overall():
    cal = Calibration(overall=0.5, families={"verb": 0.8}, classes={"verb/named": 0.6})
    assert cal.confidence(_event("verb:x", UNKNOWN, IRAN)) == 0.6
    assert cal.confidence(_event("verb:x", IRAN, IRAN)) == 0.8
    assert cal.confidence(_event("noun:x", IRAN, IRAN)) == 0.5


def test_confidence_shipped_table_is_a_probability_per_class():
    cal = load()
    assert 0 < cal.overall <= 1
    assert all(0 <= v <= 1 for v in [*cal.families.values(), *cal.classes.values()])


@pytest.mark.model
def test_confidence_is_on_every_coded_event(code):
    evs = code("Egypt condemned the killing of three Jordanian soldiers by gunmen.").events
    assert evs and all(e.confidence is not None and 0 <= e.confidence <= 1 for e in evs)
    assert "confidence" in evs[0].to_dict()
