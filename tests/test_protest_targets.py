"""Whom a protest or a strike is against (CAMEO 14: the target is who is protested against), and who a yield is
done to (CAMEO 08). Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def named(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


def coded(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


# What the protest answers: "in protest at …", "in response to …", its possessor when no actor itself.
def test_protest_in_response_to_a_decision_is_against_its_maker(code):
    r = code("Hundreds of workers are staging a sit-in in response to Siemens's decision to close the plant.")
    assert any(c == "141" and t == "Siemens" for _, c, t in named(r))


def test_what_a_protest_answers_outranks_the_capital_it_is_held_in(code):
    # "in Nairobi" stands for the government only when nothing else is named
    r = code("Kenyan teachers rallied in Nairobi in protest against the Health Ministry's new rules.")
    targets = {t for _, c, t in named(r) if c == "141"}
    assert targets and all("Ministry" in t for t in targets)


# Who the protesters demand something of.
def test_a_sit_in_demanding_that_the_government_act_is_against_the_government(code):
    r = code("Students staged a sit-in in Nairobi demanding that the Kenyan government free their classmate.")
    assert ("KENCVL", "141", "KENGOV") in coded(r)


def test_a_strike_demanding_that_someone_pay_is_against_them(code):
    r = code("Doctors will go on strike in Lagos on Tuesday, demanding that the federal government pay their salaries.")
    assert any(c.startswith("14") and t == "NGAGOV" for _, c, t in coded(r)) or any(
        t == "NGAGOV" for _, c, t in coded(r) if c.startswith("13"))


def test_the_one_a_demand_is_for_is_not_the_one_it_is_made_of(code):
    # "demanding that he be restored": he is who the protest is for, not against
    r = code("About 300 backers of the ousted mayor blocked roads in Harare demanding that he be restored to office.")
    assert not any(c.startswith("14") and t and "mayor" in t for _, c, t in named(r))


# The named workplace a strike is held at stands for whoever runs it; an unnamed one is only a place.
def test_a_strike_at_a_named_mine_is_against_the_mine(code):
    r = code("About 900 miners stopped work in a strike for higher wages on Friday at the Kansanshi copper mine in Zambia.")
    assert any(c == "143" and t and "Kansanshi" in t for _, c, t in named(r))


def test_a_strike_at_named_terminals_is_against_their_operator(code):
    r = code("Dock workers went on strike at the Maersk terminals on Monday.")
    assert any(c == "143" and t and "Maersk" in t for _, c, t in named(r))


def test_a_strike_at_an_unnamed_factory_is_no_workplace_target(code):
    r = code("Textile workers in Bangladesh went on strike at a garment factory on Sunday.")
    assert not any(t and "factory" in t for _, c, t in named(r))


def test_going_on_hunger_strike_is_a_hunger_strike(code):
    r = code("A group of migrants in Malta went on hunger strike on Monday.")
    assert any(c == "142" for _, c, _ in named(r))


# Yielding (CAMEO 08): ending dissent is done to the one it was against; a pardon to the pardoned.
def test_a_strike_called_off_after_an_agreement_is_a_yield_to_the_other_side(code):
    r = code("Kenyan lecturers called off their strike after the agreement with the Kenyan government.")
    assert ("KENEDU", "082", "KENGOV") in coded(r)


def test_a_strike_ended_after_a_deal_is_a_yield_to_the_other_side(code):
    r = code("South African truck drivers ended a three-day strike hours after reaching a deal with the South African government.")
    assert any(c == "082" and t == "ZAFGOV" for _, c, t in coded(r))


def test_a_protest_called_off_after_the_other_side_gave_way(code):
    r = code("Nigerian doctors called off their strike after the federal government agreed to pay arrears.")
    assert any(c == "082" and t == "NGAGOV" for _, c, t in coded(r))


def test_an_opposition_ending_its_boycott_eases_dissent(code):
    r = code("Kenya's opposition ended its boycott of parliament on Tuesday.")
    assert any(s == "KENOPP" and c == "082" for s, c, _ in coded(r))


def test_a_state_lifting_its_boycott_eases_a_sanction(code):
    r = code("Saudi Arabia lifted its boycott of Qatari goods.")
    assert ("SAU", "085", "QAT") in coded(r)


def test_a_pardon_issued_by_someone_acts_for_them(code):
    r = code("A pardon issued by the Moroccan king freed two journalists.")
    assert any(s == "MARGOV" and c == "0841" for s, c, _ in coded(r))


def test_whoever_issued_a_pardon_is_not_pardoned(code):
    r = code("Two Moroccan journalists were freed after the Moroccan cabinet approved a pardon issued by King Mohammed.")
    assert not any(c == "0841" and t == "King Mohammed" for _, c, t in named(r))
    assert any(s == "Moroccan cabinet" and c == "0841" and t and "journalists" in t for s, c, t in named(r))


def test_the_pardoned_pronoun_is_who_the_main_clause_frees(code):
    r = code("The Kenyan activist Boniface Mwangi was released on Saturday after President Ruto pardoned him.")
    assert any(s == "Ruto" and c == "0841" and t == "Boniface Mwangi" for s, c, t in named(r))


def test_a_pardon_of_a_named_person(code):
    r = code("President Ruto pardoned the opposition leader Raila Odinga.")
    assert any(c == "0841" and t == "Raila Odinga" for _, c, t in named(r))


def test_the_other_side_of_a_strike_called_off_in_a_clause_about_the_strike(code):
    # the parser hangs "after …" on the clause describing the strike
    r = code("Public workers in Chile call off a strike that had been causing disruption across the country "
             "after the Chilean government accepted a pay deal.")
    assert ("CHLCVL", "082", "CHLGOV") in coded(r)
