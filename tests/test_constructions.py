"""Constructions that carry an event's actors: pronouns of reported clauses, whose object it is, phone
calls, and coordinated actors cooperating about a topic. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo[:2], e.target.name if e.target else None) for e in result.events}


# "X said it/they would …": the pronoun is the reporting subject, even an actor with no country.
def test_pronoun_of_a_reported_clause_is_the_reporting_subject(code):
    r = code("The rebels said they would free the two hostages.")
    assert {(s, c) for s, c, _ in named(r)} >= {("rebels", "03")}


def test_it_of_a_reported_clause_is_a_singular_subject(code):
    r = code("The union said it will end the strike on Monday.")
    assert ("union", "03", None) in named(r)


def test_he_is_not_a_plural_subject(code):
    # "they" never refers to a single person reporting it
    r = code("The minister said they had attacked the village.")
    assert not any(s == "minister" and c == "19" for s, c, _ in named(r))


# Whose object it is: the possessor or maker of a thing acted on is the target.
def test_possessor_of_the_object_beats_a_phrase_inside_it(code):
    r = code("Angela Merkel welcomed Donald Trump's invitation to Vladimir Putin.", date="2018-07-20")
    assert ("DEUGOV", "051", "USAGOV") in triples(r)


def test_maker_of_the_object_by_a_participle(code):
    r = code("Iran rejected the threats made by the United States.")
    assert any(s == "IRN" and c.startswith("12") and t == "USA" for s, c, t in triples(r))


def test_sender_of_a_request_is_the_target(code):
    r = code("The minister refused to respond to a request from Germany.")
    assert any(c.startswith("12") and t == "DEU" for _, c, t in triples(r))


# "call": a person called to discuss something is a telephone call, "called on" is an appeal.
def test_call_a_person_to_discuss_is_a_phone_call(code):
    r = code("Narendra Modi called Vladimir Putin on Friday to discuss the war.")
    assert ("INDGOV", "041", "RUSGOV") in triples(r)
    assert not any(c.startswith("02") for _, c, _ in triples(r))


def test_called_on_is_still_an_appeal(code):
    r = code("The United Nations on Monday called on Israel to halt the strikes.")
    assert any(c.startswith("02") and t == "ISR" for _, c, t in triples(r))


def test_object_pronoun_is_not_the_clause_doer(code):
    r = code("Benjamin Netanyahu called Scott Morrison on Wednesday to congratulate him.", date="2018-08-25")
    assert ("ISRGOV", "051", "AUSGOV") in triples(r)


# Coordinated actors cooperating about a third party act on each other.
def test_coordinated_agreement_about_a_topic_is_mutual(code):
    r = code("Japan and India agreed to share intelligence on North Korea.")
    got = {(s, t) for s, c, t in triples(r) if c.startswith("03")}
    assert {("JPN", "IND"), ("IND", "JPN")} <= got


def test_coordinated_signing_with_a_third_party_stays_with_it(code):
    r = code("Russia and China signed a deal with Iran.")
    assert ("RUS", "057", "IRN") in triples(r) and ("CHN", "057", "IRN") in triples(r)


def test_coordinated_consultation_is_mutual(code):
    r = code("France and Germany discussed the crisis in Mali.")
    assert {("FRA", "040", "DEU"), ("DEU", "040", "FRA")} <= triples(r)
