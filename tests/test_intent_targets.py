"""Targets of intents, offers and agreements (CAMEO 03x, 057): "the target should be the recipient" of what is
promised; an intent that names no one is done to whom, or where, the intended act would be. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


# An offer of a thing promises the aid that giving it would be (CAMEO 033: "the target should be the
# prospective recipient of aid").
def test_offer_of_warships_is_military_aid_promised_to_the_indirect_object(code):
    r = code("Britain offered Kyiv two frigates.")
    assert ("GBR", "0332", "UKRGOV") in triples(r)


def test_offer_of_a_field_hospital_to_someone_is_humanitarian_aid_promised(code):
    r = code("Norway has offered to the United Nations a field hospital.")
    assert ("NOR", "0333", "IGOUNO") in triples(r)


def test_pledge_of_tents_is_humanitarian_aid_promised(code):
    r = code("Germany will pledge tents and blankets to Pakistan.")
    assert ("DEU", "0333", "PAK") in triples(r)


def test_offer_of_nothing_given_stays_a_plain_intent(code):
    r = code("Qatar offered Sudan a chance.")
    assert not any(c.startswith("033") for _, c, _ in triples(r))


# An intent to act with the source's own means ("its mission", "its police") is not done to those means, but
# to the place abroad the act happens in (CAMEO 0334: "the target represents the prospective location").
def test_extending_its_own_mission_abroad_targets_the_country(code):
    r = code("France agreed to extend its training mission in Mali.")
    assert ("FRA", "030", "MLI") in triples(r)
    assert not any(t == "FRAGOV" for _, _, t in triples(r))


def test_extending_its_own_mission_at_home_names_no_target(code):
    r = code("Britain agreed to extend its training mission in Britain.")
    assert not any(t and t.startswith("GBR") for _, _, t in triples(r))


def test_withdrawing_its_own_police_targets_the_place_left(code):
    r = code("Mexico is willing to pull its police out of a ten kilometre strip along the frontier.")
    assert ("Mexico", "0356", "ten kilometre strip") in named(r)


# A promise to sign is no signing (CAMEO 057 "excludes promises to sign"), also after a dateline.
def test_will_sign_after_a_dateline_is_an_intent_with_the_partner(code):
    r = code("Bhopal: The Madhya Pradesh government will sign an agreement with the Kerala government on water.")
    assert {c for _, c, _ in triples(r)} == {"030"}


# Opening borders for people, or letting people in, is done to them (CAMEO 075/0355: the prospective recipients).
def test_opening_borders_for_refugees_targets_the_refugees(code):
    r = code("Poland will open its borders for Ukrainian refugees.")
    assert any(c.startswith("03") and t == "UKRREF" for _, c, t in triples(r))


def test_allowing_aid_workers_expanded_access_targets_the_aid_workers(code):
    r = code("Ghana has agreed to allow foreign aid workers expanded access to the northern region.")
    assert any(c.startswith("035") and t and "aid workers" in t for _, c, t in named(r))


# Troops promised to an alliance's force abroad are forces for security (CAMEO 0334), done to where they go.
def test_troops_offered_to_an_alliance_force_abroad_target_the_place(code):
    r = code("Poland has offered to send troops to the NATO-led force in Afghanistan.")
    assert ("POL", "0334", "AFG") in triples(r)


def test_troops_promised_to_a_border_stay_a_plain_intent(code):
    r = code("Russia vowed to send more troops to the border.")
    assert not any(c == "0334" for _, c, _ in triples(r))
