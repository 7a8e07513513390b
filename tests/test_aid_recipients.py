"""Aid (CAMEO 07, PLOVER AID): who gives and who receives it. The giver named by a "from" phrase of what was
received, the people of a place abroad as recipients, refugees taken in. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


# Received from someone: the giver is the "from" phrase, also for the later noun of a coordination.
def test_support_received_after_another_gift_is_given_by_the_from_phrase(code):
    r = code("Kurdish fighters received weapons and logistical support from France.")
    assert ("France", "072", "Kurdish fighters") in named(r)


def test_financial_support_received_in_a_coordination(code):
    r = code("The rebels got training and financial support from Qatar last year.")
    assert ("QAT", "071") in {(s, c) for s, c, _ in triples(r)}


def test_criticism_received_after_protests_is_the_from_phrase_s(code):
    # not only aid: whatever a coordination of nouns received comes from the "from" phrase
    r = code("The government faced protests and criticism from the opposition.")
    assert ("opposition", "111", "government") in named(r)


# People no one places, given aid abroad, are the people of the place it is given in.
def test_people_helped_after_a_disaster_abroad_are_that_country_s(code):
    r = code("Washington provided tents to 300,000 people in the months after the earthquake in Nepal.")
    assert ("USAGOV", "073", "NPLCVL") in triples(r)


def test_families_hit_by_a_disaster_abroad_are_that_country_s(code):
    r = code("Japan delivered relief supplies to families hit by the floods in Pakistan.")
    assert ("JPN", "073", "PAKCVL") in triples(r)


def test_people_given_aid_at_home_are_not_placed_by_the_aid(code):
    # aid given in the giver's own country places no one: the rule is for aid abroad
    r = code("France sent medicines to the wounded, the ministry in Paris said.")
    assert not any(t and t.endswith("CVL") and t != "FRACVL" for _, _, t in triples(r))


# Funding and grants given to someone named are economic aid (CAMEO 071: "grants, gifts and credit").
def test_funding_provided_to_a_country_is_economic_aid(code):
    r = code("Britain has provided new funding to Yemen.")
    assert ("GBR", "071", "YEM") in triples(r)


def test_funding_with_no_one_named_is_a_budget(code):
    r = code("The ministry provided funding last year.")
    assert not any(c.startswith("07") for _, c, _ in triples(r))


def test_financing_a_bank_gives_a_company_is_no_aid(code):
    r = code("The bank provided financing to the company.")
    assert not any(c.startswith("07") for _, c, _ in triples(r))


# Aid named as the subject: whom it reached is the recipient; the donor is its possessor or adjective.
def test_aid_that_helped_people_abroad_goes_to_them(code):
    r = code("British aid helped 300,000 children in Sudan.")
    assert ("GBR", "070", "SDNCVL") in triples(r)


def test_a_package_consisting_of_supplies_abroad_goes_to_that_country(code):
    r = code("The Chinese government's relief package consisted of $10 million in food aimed at easing shortages in Malawi.")
    assert ("CHNGOV", "070", "MWI") in triples(r)


# People evacuated from a place, whom no one else places, are of that place; a state's own citizens stay its own.
def test_civilians_evacuated_from_a_place_are_its_people(code):
    r = code("Italy has evacuated hundreds of civilians from Gaza.")
    assert ("ITA", "073", "PSECVL") in triples(r)


def test_people_evacuated_by_an_agent_are_of_the_place_they_leave(code):
    r = code("About 4,000 people were evacuated from Lebanon by France.")
    assert ("FRA", "073", "LBNCVL") in triples(r)


def test_a_state_s_citizens_evacuated_from_abroad_remain_its_own(code):
    r = code("Britain evacuated 300 of its citizens from Sudan.")
    assert ("GBR", "073", "SDNCVL") not in triples(r)


# Peacekeepers beginning to deploy are deployed (CAMEO 074), to where they are bound for.
def test_peacekeepers_beginning_to_deploy_are_provided(code):
    r = code("Irish peacekeepers started arriving in Lebanon.")
    assert ("IRLMIL", "074", "LBN") in triples(r)
    assert not any(c == "042" for _, c, _ in triples(r))  # deployed there, not on a visit


def test_a_group_of_peacekeepers_bound_for_a_country_goes_to_it(code):
    r = code("Hundreds of Kenyan peacekeepers bound for Somalia began deploying on Monday.")
    assert ("KENMIL", "074", "SOM") in triples(r)


def test_soldiers_beginning_to_arrive_are_no_peacekeepers(code):
    r = code("Dozens of soldiers began arriving in Kabul.")
    assert not any(c == "074" for _, c, _ in triples(r))


def test_peacekeepers_destined_for_a_country_said_of_their_group(code):
    r = code("Scores of Turkish peacekeepers destined for Cyprus began deploying on Tuesday.")
    assert ("TURMIL", "074", "CYP") in triples(r)


# Who got what was given, named by a relative clause on it.
def test_weapons_a_country_obtained_were_supplied_to_it(code):
    r = code("Russia has supplied most of the weapons that Armenia has obtained since 2015.")
    assert ("RUS", "072", "ARM") in triples(r)


def test_rifles_an_army_received_were_delivered_to_it(code):
    r = code("France delivered the rifles the Lebanese army received last year.")
    assert ("FRA", "072", "LBNMIL") in triples(r)


# Aid named as the subject of a verb of coming: the giver is its "from" phrase.
def test_aid_that_came_from_a_country_is_its_aid(code):
    r = code("Humanitarian aid came to Gaza from Egypt.")
    assert ("EGY", "073", "PSE") in triples(r)


def test_the_kind_of_aid_is_never_its_giver(code):
    r = code("Humanitarian aid came to Gaza from Egypt.")
    assert all(s == "Egypt" for s, c, _ in named(r) if c.startswith("07"))
