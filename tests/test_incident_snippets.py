"""Short incident reports of violence (ACLED-notes style): who claimed an attack did it, the people of an
incident are of the country it is set in, and a state's strike is the state's. Sentences of our own;
benchmarks/incident_snippets.py scores many more."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None) for e in result.events}


# A claim of responsibility names the doer of an attack its sentence names no other doer of; a bomb's
# killing is a bombing (CAMEO 183x: roadside, car, suicide).
def test_an_attack_claimed_by_a_group_is_the_groups(code):
    r = code("A roadside bomb claimed by al-Shabaab killed four soldiers in Kismayo.")
    assert ("SOMREB", "18", "SOMMIL") in triples(r)


def test_a_hyphenated_claim_names_the_doer(code):
    r = code("An ISIS-claimed bombing killed six worshippers in Jalalabad.")
    assert ("IRQREB", "18", "AFGCVL") in triples(r)


# Unplaced armed men and victims are of the one country the incident happens in, a town the tagger
# does not know as a place included.
def test_gunmen_and_victims_of_an_incident_are_of_its_country(code):
    r = code("Four miners were killed when gunmen opened fire near Kayes.")
    assert ("MLIREB", "19", "MLICVL") in triples(r)


def test_victims_are_of_the_country_struck_not_the_attackers(code):
    r = code("A Russian missile hit a school in Zaporizhzhia, killing four civilians.")
    assert ("RUSMIL", "19", "UKRCVL") in triples(r)
    assert not any(t == "RUSCVL" for _, _, t in triples(r))


# An attack named by a state's modifier is that state's, not its weapon's.
def test_a_states_drone_strike_is_the_states(code):
    r = code("A Turkish drone strike killed two PKK commanders in Qandil.")
    assert any(s == "TUR" or (s or "").startswith("TUR") for s, c, _ in triples(r) if c == "19")
    assert not any((s or "").startswith("IRQ") for s, _, _ in triples(r))
