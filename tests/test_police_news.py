"""South Asian police and court news: who arrests, books and disperses whom, cased and lower-cased.
Sentences of our own; benchmarks/police_snippets.py scores many more."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None) for e in result.events}


# A city the tagger reads as an adjective still gives its police their country.
def test_a_citys_police_are_of_the_citys_country(code):
    r = code("Jaipur police nabbed two men for selling stolen phones.")
    assert ("INDCOP", "17", "INDCVL") in triples(r)


def test_a_city_gives_its_police_a_country_lower_cased(code):
    r = code("lahore police arrested four men for snatching mobile phones.")
    assert ("PAKCOP", "17", "PAKCVL") in triples(r)


# "lathi-charged" is one verb (175), not "charged" describing the crowd.
def test_lathi_charged_is_crowd_control(code):
    r = code("Police lathi-charged farmers marching towards the secretariat in Patna.")
    assert any(s == "INDCOP" and c == "17" and t and t.startswith("IND") for s, c, t in triples(r))


def test_charged_batons_is_a_baton_charge_not_an_accusation(code):
    r = code("Police charged batons on opposition supporters in Sylhet.")
    assert any(c == "17" for _, c, _ in triples(r))
    assert not any(c == "11" for _, c, _ in triples(r))


# A headline's "held for" an offence is a detention; a meeting held for days is none.
def test_held_for_an_offence_is_a_detention(code):
    r = code("Two held for robbery of jeweller in Surat")
    assert any(c == "17" and t and t.startswith("IND") for _, c, t in triples(r))


def test_a_meeting_held_for_days_is_no_detention(code):
    assert not any(c == "17" for _, c, _ in triples(code("The conference was held for three days in Chennai.")))


# A police case with no one named stands with no source, as an arrest does.
def test_an_fir_registered_against_someone_has_no_source(code):
    r = code("An FIR was registered against two men in Gorakhpur.")
    assert any(c == "11" and t == "INDCVL" for _, c, t in triples(r))


def test_an_accusation_with_no_one_named_is_still_dropped(code):
    assert not any(c == "11" for _, c, _ in triples(code("The contractor was accused of negligence.")))


# Police units the sector list knows: the cyber cell, the anti-corruption bureau.
def test_arrested_by_the_cyber_cell(code):
    r = code("A student was arrested by the cyber cell in Pune for circulating fake news.")
    assert any(s == "INDCOP" and c == "17" for s, c, _ in triples(r))


def test_nepal_police_arrest(code):
    r = code("Nepal Police arrested three men for smuggling red sandalwood in Birgunj.")
    assert ("NPLCOP", "17", "NPLCVL") in triples(r)


# A town the tagger leaves untagged after "in" still sets the sentence: the court and the man are Indian.
def test_an_untagged_town_after_in_gives_court_and_accused_their_country(code):
    r = code("A sessions court in Indore convicted a man of raping a minor.")
    assert ("INDJUD", "11", "INDCVL") in triples(r)
    assert ("INDJUD", "11", "INDCVL") in triples(code("a sessions court in indore convicted a man of raping a minor."))


def test_a_month_after_in_is_no_town(code):
    r = code("A court in March convicted a man of fraud.")  # March, Cambridgeshire, is a town of 22,000
    assert not any(s and s.startswith("GBR") for s, _, _ in triples(r))
