"""Places: the offline gazetteer (countries, cities, ISO3 and FIPS codes) and an event's location."""

from __future__ import annotations

import pytest

from accord.places import Gazetteer, event_location
from accord.types import Actor, Location, Mention


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


def test_places_gazetteer_loads_once(gaz):
    assert Gazetteer.load() is gaz


@pytest.mark.parametrize("name,iso3,fips", [
    ("Iran", "IRN", "IR"), ("Russia", "RUS", "RS"), ("Uzbekistan", "UZB", "UZ"),
    ("the United States", "USA", "US"), ("Britain", "GBR", "UK"), ("Russian Federation", "RUS", "RS"),
])
def test_places_countries_have_iso3_fips_and_centroid(gaz, name, iso3, fips):
    p = gaz.lookup(name)
    assert (p.kind, p.iso3, p.fips) == ("country", iso3, fips)
    assert p.lat is not None and p.lon is not None


def test_places_uzbekistan_centroid_is_inside_the_country(gaz):
    p = gaz.lookup("Uzbekistan")
    assert 37 < p.lat < 46 and 56 < p.lon < 73


def test_places_cities_have_coordinates_and_country(gaz):
    p = gaz.lookup("Samarkand")
    assert (p.kind, p.iso3, p.fips) == ("city", "UZB", "UZ")
    assert p.lat == pytest.approx(39.65, abs=0.1)


def test_places_ambiguous_city_resolved_by_article_countries_before_population(gaz):
    assert gaz.lookup("Tripoli").iso3 == "LBY"  # most populous
    assert gaz.lookup("Tripoli", {"LB"}).iso3 == "LBN"  # the article is about Lebanon


def test_places_alternate_spelling_finds_city(gaz):
    assert gaz.lookup("Kiev").name == "Kyiv"


def test_places_event_location_prefers_place_after_in_at_near():
    locs = [Location("Iran", "IRN", span=(0, 4), kind="country"),
            Location("Uzbekistan", "UZB", span=(40, 50), kind="country", preposition="in"),
            Location("France", "FRA", span=(200, 206), kind="country", preposition="in")]
    assert event_location(locs, 0, 100).name == "Uzbekistan"
    assert event_location(locs[:1], 0, 100) is None  # Iran is named, but not as where it happened
    assert event_location(locs, 100, 150) is None


def test_places_event_location_prefers_city_over_its_country():
    locs = [Location("Samarkand", "UZB", span=(10, 19), kind="city", preposition="in"),
            Location("Uzbekistan", "UZB", span=(21, 31), kind="country", preposition="in")]
    assert event_location(locs, 0, 40).name == "Samarkand"


@pytest.mark.model
def test_places_find_locations_in_text(nlp, gaz):
    doc = nlp("Iran pledged to join the SCO as the summit began in Samarkand, Uzbekistan.")
    locs = gaz.find_locations(doc, [])
    assert [(x.name, x.kind, x.preposition) for x in locs] == [
        ("Iran", "country", None), ("Samarkand", "city", "in"), ("Uzbekistan", "country", "in")]
    assert event_location(locs, 0, len(doc.text)).name == "Samarkand"


@pytest.mark.model
def test_places_article_actors_disambiguate_cities(nlp, gaz):
    doc = nlp("Fighting broke out in Tripoli on Monday.")
    lebanon = Mention(0, 0, 0, 0, 0, Actor("Lebanon", "LBN", country="LBN"))
    assert gaz.find_locations(doc, [lebanon])[0].country == "LBN"
    assert gaz.find_locations(doc, [])[0].country == "LBY"


@pytest.mark.model
def test_places_only_place_entities_are_looked_up(nlp, gaz):
    doc = nlp("Paris Hilton met Jordan Peterson.")  # PERSON entities, though Paris and Jordan are places
    assert gaz.find_locations(doc, []) == []


def test_a_former_name_of_a_great_city_beats_a_village_of_that_name():
    from accord.places import Gazetteer

    gaz = Gazetteer.load()
    assert gaz.lookup("Calcutta").iso3 == "IND"  # Kolkata's old name; also a village in South Africa
    assert gaz.lookup("Salisbury").iso3 == "GBR"  # a real English city, not only Harare's old name
