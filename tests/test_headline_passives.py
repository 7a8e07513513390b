"""Headlines drop the auxiliary of a passive: "Five arrested for rioting" says five people were arrested,
not that five people arrested someone. A past form of a verb that needs an object, with a subject and no
object, is read as passive; active uses keep their doer. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def events(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


@pytest.mark.parametrize("text, cameo, victim", [
    ("Seven arrested after clashes in Kanpur", "173", "Seven"),
    ("Lawyer detained in Karachi over protest", "173", "Lawyer"),
    ("Two soldiers killed in ambush near Gao", "18", "two soldiers"),
    ("Shopkeeper shot dead in Ludhiana", "19", "Shopkeeper"),
])
def test_the_subject_of_a_headline_passive_is_the_one_acted_on(code, text, cameo, victim):
    got = [e for e in code(text).events if e.cameo.startswith(cameo[:2])]
    assert got, text
    assert all(e.target is not None and e.target.name.lower() == victim.lower() for e in got)
    assert all(e.source is None or e.source.name != e.target.name for e in got)


def test_a_headline_passive_after_a_comma_clause(code):
    # "Cops raid …, 14 arrested": the parser hangs the first half on the participle
    got = events(code("Cops raid gambling den in Indore, 14 arrested"))
    assert any(c == "173" and t == "14" for _, c, t in got)
    assert not any(s == "14" for s, _, _ in got)


def test_reported_headline_passive(code):
    got = events(code("Police said 12 detained after the rally in Dhaka."))
    assert any(c == "173" and t == "12" for _, c, t in got)


@pytest.mark.parametrize("text, doer", [
    ("Troops shot and killed four protesters in Lagos.", "Troops"),  # the object of the second verb is shared
    ("Riot police charged at the crowd outside parliament in Nairobi.", "Riot police"),  # "at": intransitive
])
def test_active_uses_keep_their_doer(code, text, doer):
    got = events(code(text))
    assert not any(t is not None and t.lower() == doer.lower() for _, _, t in got)


def test_an_order_that_someone_be_jailed_stays_the_order(code):
    # "ordered the officials jailed": the small clause belongs to the order
    got = events(code("A Madrid judge ordered four former officials jailed pending trial."))
    assert any(s is not None and "judge" in s and t is not None and "officials" in t for s, _, t in got)


# A present-tense headline verb the tagger took for a noun is a verb where the parser gives it a subject and
# an object; a noun with its own article stays a noun.
def test_a_headline_verb_tagged_as_a_noun_is_a_verb(code):
    r = code("Protesters storm Sri Lankan president's residence")
    assert any(e.cameo.startswith("19") and e.target and e.target.code == "LKAGOV" for e in r.events)


def test_a_storm_is_still_weather(code):
    assert not code("The storm hit the coast of Bangladesh.").events
