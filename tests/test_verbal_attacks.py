"""Attacks in words, insults and the targets of inquiries (issue 12): an attack by a politician on a person, an
institution or a policy is criticism (CAMEO 111), not force (190); calling someone a fool denounces them; an
inquiry is done to the one whose killing or conduct it looks into. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def named(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


def codes(result):
    return {e.cameo for e in result.events}


# An attack in words: by a person or a political body, on a person, an institution or a policy, with no word
# of force or harm in its clause, or saying what of its target.
def test_attack_saying_what_of_its_target_is_criticism(code):
    r = code("The former finance minister launched a scathing attack on the central bank on Friday, calling its board "
             "reckless.")
    assert "111" in codes(r) and not any(c.startswith("19") for c in codes(r))


def test_attack_on_a_government_by_a_minister_is_criticism(code):
    r = code("The Turkish foreign minister led the attacks on the Dutch government.")
    assert ("Turkish foreign minister", "111", "Dutch government") in named(r)


def test_politician_attacking_an_institution_is_criticism(code):
    r = code("Jair Bolsonaro attacked the Supreme Court on Thursday.", date="2021-09-10")
    assert any(c == "111" and t and "Court" in t for _, c, t in named(r))
    assert not any(c.startswith("19") for c in codes(r))


def test_attack_on_a_policy_is_criticism(code):
    r = code("The opposition leader will attack the government's pension reform in parliament.")
    assert not any(c.startswith("19") for c in codes(r))


def test_a_state_attacking_what_only_words_can_attack_criticises(code):
    r = code("Brazil attacked the new European Union tariffs on beef.")
    assert "111" in codes(r) and not any(c.startswith("19") for c in codes(r))


def test_a_state_attacking_a_nuclear_programme_uses_force(code):
    r = code("Israel attacked Iran's nuclear program.")
    assert "111" not in codes(r)


def test_attack_with_a_word_of_force_stays_force(code):
    r = code("The prime minister ordered air assaults on the rebels.")
    assert any(c.startswith("19") for c in codes(r)) and "111" not in codes(r)


def test_attack_that_kills_stays_force(code):
    r = code("The governor's attack on the village killed eleven people.")
    assert "111" not in codes(r)


def test_attack_with_a_weapon_stays_force(code):
    r = code("A ruling party lawmaker attacked a journalist with a stick in Kampala.")
    assert "111" not in codes(r)


def test_attack_coordinated_with_a_beating_stays_force(code):
    r = code("The senator attacked and beat the reporter.")
    assert "111" not in codes(r)


def test_attack_on_offices_stays_force(code):
    r = code("The president attacked the opposition party's offices.")
    assert "111" not in codes(r)


def test_attack_by_armed_forces_stays_force(code):
    r = code("Rebel fighters attacked the offices of the electoral commission.")
    assert "111" not in codes(r)


def test_attack_by_a_state_on_a_country_stays_force(code):
    r = code("Russia attacked Ukraine in February.")
    assert any(c.startswith("19") for c in codes(r)) and "111" not in codes(r)


# Insults: called, branded, described as a fool, traitors, incompetent → 111 with the one named as target.
def test_calling_someone_a_fool_denounces_them(code):
    r = code("Hugo Chavez called George Bush a liar.", date="2006-09-20")
    assert ("Hugo Chavez", "111", "George Bush") in named(r)
    assert not any(c == "041" for c in codes(r))  # no telephone call


def test_branding_the_compound_of_the_insult_is_the_target(code):
    r = code("Recep Tayyip Erdogan branded the opposition traitors.")
    assert any(c == "111" and t == "opposition" for _, c, t in named(r))


def test_describing_as_a_liar(code):
    r = code("The Ugandan president described the opposition leader as a liar.")
    assert any(c == "111" and t == "opposition leader" for _, c, t in named(r))


def test_calling_a_measure_illegal_is_criticism_not_an_appeal(code):
    r = code("Vladimir Putin called the new sanctions illegal.")
    assert "111" in codes(r) and not any(c.startswith("11") and c != "111" for c in codes(r))


def test_calling_talks_useful_is_no_insult(code):
    r = code("The foreign minister called the talks with Japan useful.")
    assert "111" not in codes(r)


# Inquiries: the one whose killing or conduct is looked into, even past a time phrase that splits it off.
def test_inquiry_against_named_officials(code):
    r = code("Prosecutors in Lima opened an investigation against former president Alan Garcia.", date="2018-11-20")
    assert any(c.startswith("09") and t == "Alan Garcia" for _, c, t in named(r))


def test_inquiry_into_a_killing_past_a_time_phrase(code):
    r = code("Kenyan police opened an investigation into the brutal murder last week of opposition lawmaker "
             "John Kamau.")
    assert any(c.startswith("09") and t == "John Kamau" for _, c, t in named(r))


def test_inquiry_into_an_abduction_on_a_named_day(code):
    r = code("Colombian prosecutors will begin a probe into the abduction on Friday of the journalist Maria Lopez.")
    assert any(c.startswith("09") and t == "Maria Lopez" for _, c, t in named(r))


# Condemning someone's act: its possessor or its "by" doer is the one condemned.
def test_condemning_an_act_by_its_doer(code):
    r = code("The European Union condemned the execution of two dissidents by the Iranian authorities.")
    assert any(c == "111" and t == "Iranian authorities" for _, c, t in named(r))
