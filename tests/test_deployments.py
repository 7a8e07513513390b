"""Peacekeeping deployments (CAMEO 074), force posture aimed at someone or somewhere (152, 154), and support
voiced in a call (051). Issue 12, coder coverage. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def codes(result):
    return {e.cameo for e in result.events}


# A troop deployment whose purpose or phrases name a peacekeeping force provides peacekeepers (074), no build-up.
def test_troops_sent_to_join_a_un_force_are_peacekeepers(code):
    r = code("Bangladesh sent 300 soldiers to Cyprus to join the UN force.")
    assert ("BGD", "074", "CYP") in triples(r)
    assert "154" not in codes(r)


def test_troops_sent_to_serve_as_peacekeepers(code):
    r = code("Senegal has dispatched a battalion to Mali to serve as peacekeepers.")
    assert ("SEN", "074", "MLI") in triples(r)
    assert "154" not in codes(r)


def test_troops_sent_as_part_of_a_named_mission(code):
    r = code("Ireland deployed 350 troops to Lebanon as part of UNIFIL.")
    assert ("IRL", "074", "LBN") in triples(r)


def test_a_promised_peacekeeping_deployment_is_an_intent(code):
    r = code("Nepal will deploy 800 troops to South Sudan to serve as peacekeepers.")
    assert ("NPL", "0334", "SSD") in triples(r)


def test_troops_sent_to_fight_are_a_build_up(code):
    r = code("Nigeria sent troops to Borno to fight the insurgents.")
    assert "154" in codes(r) and "074" not in codes(r)


# Peacekeepers arriving are deployed there; a visit (042) is made by officials.
def test_peacekeepers_arriving_are_no_visit(code):
    r = code("A contingent of 200 Indonesian peacekeepers arrived in Lebanon on Monday.")
    assert "074" in codes(r)
    assert "042" not in codes(r)


# "called X to …" with a person called is a telephone call; its purpose is the caller's act, said to the callee.
def test_a_call_to_express_support_is_a_phone_call_and_support(code):
    r = code("Erdogan called his Qatari counterpart to express support for Doha.", date="2017-06-10")
    got = {(s, c) for s, c, _ in triples(r)}
    assert ("TURGOV", "041") in got and ("TURGOV", "051") in got
    assert "022" not in codes(r)


def test_solidarity_conveyed_in_a_call_is_with_the_one_called(code):
    r = code("The Jordanian king phoned the emir of Kuwait to convey his solidarity.")
    assert ("JORGOV", "051", "KWTGOV") in triples(r)


# An alert held in a place is coded with the place's country (PLACE_TARGET_ROOTS), even when the place hangs
# on the alert: "on high alert in the district of X".
def test_alert_in_a_district_of_a_named_place(code):
    r = code("Indian soldiers remained on high alert in the border district of Poonch.")
    assert ("INDMIL", "152", "IND") in triples(r)


# Respect for another's sovereignty or independence approves it (051); the owner is the target.
def test_respecting_a_countrys_sovereignty_is_support(code):
    r = code("Beijing respects the sovereignty of Kazakhstan.")
    assert ("CHNGOV", "051", "KAZ") in triples(r)


def test_a_future_respect_is_an_intent(code):
    r = code("The new president will respect the independence of Moldova.")
    assert any(c == "032" and t == "MDA" for _, c, t in triples(r))


# A restated commitment to act is coded by what is committed to (CAMEO 030: "indicate ... commitment to
# cooperate"), done to whom the complement names: a commitment to support is an intent of support (032).
def test_a_reaffirmed_commitment_to_support_names_the_supported(code):
    r = code("Egypt reaffirmed its commitment to support the Sudanese army.")
    assert ("EGY", "032", "SDNMIL") in triples(r)


def test_a_reiterated_commitment_to_withdraw(code):
    r = code("Kenya reiterated its commitment to withdraw its troops from Somalia.")
    assert ("KEN", "0356", "SOM") in triples(r)


def test_a_commitment_to_a_country_stays_an_intent(code):
    r = code("Germany reaffirmed its commitment to Ukraine.")
    assert ("DEU", "030", "UKR") in triples(r)


# A deployment named as a noun is peacekeeping when its phrases say so; its announcer or owner provides it.
def test_an_announced_deployment_on_a_peacekeeping_mission(code):
    r = code("Uruguay announced the deployment of an infantry battalion to Congo on a peacekeeping mission.")
    assert ("URY", "074", "COD") in triples(r)
    assert "154" not in codes(r)


# Force posture is aimed at whom the forces are readied against, even through what they are readied for.
def test_troops_mobilised_for_an_order_to_move_against_someone(code):
    r = code("Armenia mobilised its reservists for a possible order to advance against Azerbaijan's positions.")
    assert ("ARM", "154", "AZE") in triples(r)


# Forces of a state deployed with no one said to deploy them are deployed by their own side.
def test_soldiers_deployed_as_peacekeepers_with_no_agent(code):
    r = code("Some 400 Moroccan soldiers were deployed as peacekeepers in the Central African Republic.")
    assert ("MARMIL", "074", "CAF") in triples(r)


def test_troops_deployed_with_no_agent_are_a_build_up(code):
    r = code("Thousands of Pakistani troops were deployed in Karachi.")
    assert any(s == "PAKMIL" and c == "154" for s, c, _ in triples(r))


# The one telephoned that the parser took for a predicate ("called Prime Minister X on Friday to …").
def test_a_called_leader_parsed_as_predicate_is_still_called(code):
    r = code("Japanese Prime Minister Kishida, called Australian Prime Minister Albanese on Friday to convey "
             "Japan's support and solidarity, his office said.", date="2023-03-10")
    got = {(c, t) for _, c, t in triples(r)}
    assert ("041", "AUSGOV") in got and ("051", "AUSGOV") in got


def test_the_forces_deployed_are_not_their_own_target(code):
    r = code("Approximately 900 Kazakh soldiers were deployed as peacekeeping forces along the border.")
    assert [(e.cameo, e.target) for e in r.events if e.source and e.source.code == "KAZMIL"] == [("074", None)]
