"""Targets inside the object: bans, embargoes, restrictions and aid act on whom their complement names, the
doer's own possessive passed over; people released with no releaser named. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


# A measure's complement, one or two levels down, past the doer's own "its".
def test_its_ban_on_flights_from_a_country_is_done_to_that_country(code):
    r = code("The Ugandan government will end its ban on flights from Rwanda next month.")
    assert any(s == "UGAGOV" and c[:2] in ("03", "08") and t == "RWA" for s, c, t in triples(r))


def test_its_ban_on_imports_of_goods_from_a_country(code):
    r = code("Seoul lifted its ban on imports of poultry from Brazil.")
    assert any(s == "KORGOV" and c.startswith("081") and t == "BRA" for s, c, t in triples(r))


def test_curbs_eased_are_restrictions_eased(code):
    r = code("The Vietnamese government relaxed curbs on coal exports to China.")
    assert any(s == "VNMGOV" and c == "081" and t == "CHN" for s, c, t in triples(r))


def test_a_boycott_law_repealed_eases_the_boycott_of_its_target(code):
    r = code("Bahrain repealed its Qatar boycott law.")
    assert ("BHR", "085", "QAT") in triples(r)


# Aid cut off or cut back is aid reduced (CAMEO 162), not aid given.
def test_aid_cut_off_is_reduced_aid(code):
    r = code("The Dutch government cut off development aid to Burundi.")
    assert any(s == "NLDGOV" and c.startswith("162") and t == "BDI" for s, c, t in triples(r))
    assert not any(c.startswith("07") for _, c, _ in triples(r))


def test_funding_cut_back_for_projects_in_a_place(code):
    r = code("Sweden cut back funding for schools in Ethiopia.")
    assert any(s == "SWE" and c == "162" and (t or "").startswith("ETH") for s, c, t in triples(r))


# Releases: with no releaser named, the country the captives were held in, else no source stated.
def test_captives_held_in_a_country_are_released_by_it(code):
    r = code("Four aid workers held in Niger were released on Tuesday.")
    assert any(s == "NER" and c == "0841" for s, c, _ in triples(r))


def test_freed_from_captivity_in_a_country(code):
    r = code("A Swiss missionary was freed from captivity in Burkina Faso.")
    assert ("BFA", "0841", "CHECVL") in triples(r) or any(s == "BFA" and c == "0841" for s, c, _ in triples(r))


def test_released_with_no_one_named_keeps_the_release_with_no_source(code):
    r = code("Three Canadian journalists were released last week.")
    assert (None, "0841", "CANMED") in triples(r)


def test_a_released_report_is_no_release_of_people(code):
    r = code("The report was released in Geneva on Monday.")
    assert not any(c == "0841" for _, c, _ in triples(r))


def test_a_detention_order_revoked_releases_the_detained(code):
    r = code("A court in Dhaka revoked the detention order against two opposition leaders.")
    assert any(c == "0841" for _, c, _ in triples(r))
    assert any(e.cameo == "0841" and e.target is not None and "leaders" in e.target.name for e in r.events)


# Property given back (CAMEO 0842): any thing, not only the listed kinds, returned "to" someone named.
def test_a_thing_returned_to_its_owner_is_property_returned(code):
    r = code("Italian police returned a looted bronze helmet to the government of Peru on Monday.")
    assert any(e.cameo == "0842" and e.target is not None and e.target.code == "PERGOV" for e in r.events)


@pytest.mark.parametrize("text", [
    "The Kenyan delegation returned to Nairobi on Monday.",  # went back
    "Government troops returned fire.",  # no one it goes to
    "The president returned the bill to parliament for review.",  # a paper sent back
])
def test_what_is_not_property_returned(code, text):
    assert not any(e.cameo == "0842" for e in code(text).events)
