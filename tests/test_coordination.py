"""Coordination, control verbs and collective pronouns: coordinated event nouns share their possessor and
phrases, a commitment made with someone names them, a verb wrapped by "refused to"/"agreed to" keeps the one
it lets in, a body that reports is "they", and labour action called off is dissent eased. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo[:2], e.target.name if e.target else None) for e in result.events}


def full(result):
    return {(e.source.name if e.source else None, e.cameo, e.target.name if e.target else None) for e in result.events}


# 1. Coordinated event nouns: each noun is an event, with the first noun's possessor and phrases.
def test_each_coordinated_noun_is_an_event_with_the_shared_possessor_and_target(code):
    r = code("Turkey announced its rejection and denunciation of the Greek decision.")
    assert {("TUR", "120", "GRC"), ("TUR", "111", "GRC")} <= triples(r)


def test_a_shared_adjective_names_the_doer_of_both_acts(code):
    r = code("Israeli raids and arrests continued in Jenin on Tuesday.")
    assert {c for s, c, _ in triples(r) if s == "ISR"} >= {"190", "173"}


# 2. A commitment made with someone: the partner named by "with" is the target.
def test_agreed_with_a_partner_to_act_targets_the_partner(code):
    r = code("Egypt agreed with Jordan to hold joint exercises next spring.")
    assert ("EGY", "0312", "JOR") in triples(r)


def test_coordinated_subjects_of_a_joint_intent_are_each_others_partners(code):
    r = code("India and Japan pledged to deepen their economic ties.")
    assert {("IND", "032", "JPN"), ("JPN", "032", "IND")} <= triples(r)


def test_along_with_adds_a_partner_to_the_subject(code):
    r = code("Egypt, along with Jordan, agreed to hold joint exercises.")
    assert {("EGY", "0312", "JOR"), ("JOR", "0312", "EGY")} <= triples(r)


def test_together_with_makes_both_the_doers(code):
    r = code("Qatar, together with Turkey, condemned the raid on Gaza.")
    assert {s for s, c, _ in triples(r) if c == "111"} >= {"QAT", "TUR"}


# 3. Control verbs wrapping "allow": whoever is let in is the target of the refusal or the agreement.
def test_refused_to_allow_targets_the_one_not_allowed_in(code):
    r = code("Ethiopia refused to allow the WFP to deliver grain to the north.")
    assert ("ETH", "124", "IGOUNO") in triples(r)


def test_allowed_people_access_as_a_compound_names_who_gets_in(code):
    # the parser reads "aid workers access" as one noun phrase
    r = code("Sudan agreed to allow aid workers access.")
    assert ("Sudan", "0355", "aid workers") in full(r)


def test_allowed_people_access_as_a_small_clause_names_who_gets_in(code):
    r = code("Myanmar will allow Red Cross workers access to the prisons.")
    assert any(s == "MMR" and c.startswith("03") and t == "NGOICRC" for s, c, t in triples(r))


# 4. "they" of a body that reports: a singular organisation, never a person's title.
def test_they_of_a_reported_clause_can_be_a_singular_body(code):
    r = code("The opposition party said they would boycott the election.")
    assert ("opposition party", "13") in {(s, c) for s, c, _ in named(r)}


def test_they_is_still_not_a_person_reporting(code):
    r = code("The president said they would expel the Somali diplomats.")
    assert not any(s == "president" for s, _, _ in named(r))


# 5. Strikes: called off by strikers is dissent eased; refused to end, a refusal to ease it.
def test_strikers_calling_off_their_strike_ease_dissent(code):
    r = code("The dockers called off their strike on Friday.")
    assert ("dockers", "082", None) in full(r)


def test_miners_will_not_end_the_strike_until_the_government_acts(code):
    r = code("The miners will not end the strike until the government raises wages.")
    assert ("miners", "1242", "government") in full(r)


def test_access_of_people_to_act_names_who_gets_in(code):
    r = code("Serbia has agreed to allow access of Red Cross workers to reach the detainees.")
    assert any(s == "SRB" and c.startswith("035") and t == "NGOICRC" for s, c, t in triples(r))


def test_let_with_a_bare_infinitive_targets_its_subject(code):
    r = code("Russia refused to let UN monitors visit the camps.")
    assert ("RUS", "124", "IGOUNO") in triples(r)


# Who speaks for a body: its leaders and members are the body, not its country's government.
def test_leaders_of_a_group_are_the_group(code):
    r = code("Leaders of Hezbollah said they would free the captured soldiers.", date="2006-07-20")
    assert any(e.source and e.source.code == "LBNREB" for e in r.events)


def test_leaders_of_a_union_end_a_strike(code):
    r = code("Leaders of the Kenyan teachers union said they would end the strike.")
    assert any(e.source and e.source.code == "KENLAB" and e.cameo.startswith("03") for e in r.events)


# A noun of intent announced or made, with its own "to" clause: an intent, as the verb would be.
def test_announced_plans_to_act_jointly_is_a_mutual_intent(code):
    r = code("Egypt and Jordan announced plans to hold joint naval drills.")
    assert {("EGY", "0312", "JOR"), ("JOR", "0312", "EGY")} <= triples(r)


def test_a_pledge_made_to_withdraw_is_an_intent_to_yield(code):
    r = code("Russia made a pledge to withdraw its troops from Georgia.")
    assert ("RUS", "0356", "GEO") in triples(r)
