"""Sub-national places (accord/data/regions.yaml) and their loader - no spaCy needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord import yamlio
from accord.regions import (
    KINDS,
    Region,
    RegionError,
    ambiguous_names,
    index_regions,
    load_region_entries,
    load_regions,
    parse_regions,
)

DATA = Path(__file__).resolve().parents[1] / "accord" / "data"
ISO3 = frozenset({"IND", "PAK", "NGA"})


def _doc(*rows: dict) -> dict:
    return {"source": "test", "regions": list(rows)}


def test_regions_names_give_their_country():
    regions = load_regions()
    assert regions["Gujarat"] == ["IND"]
    assert regions["Khyber Pakhtunkhwa"] == ["PAK"] and regions["NWFP"] == ["PAK"]
    assert regions["Borno"] == ["NGA"]
    assert regions["Helmand"] == ["AFG"] and regions["Tigray"] == ["ETH"]
    assert regions["North Kivu"] == ["COD"] and regions["Darfur"] == ["SDN"]
    assert regions["Mindanao"] == ["PHL"] and regions["Sinai"] == ["EGY"]
    assert regions["Chhattisgarh"] == ["IND"] and regions["Orissa"] == ["IND"]
    assert regions["Donbas"] == ["UKR"] and regions["Deir ez-Zor"] == ["SYR"]


def test_regions_shared_names_list_every_country_and_are_ambiguous():
    regions, ambiguous = load_regions(), ambiguous_names()
    assert regions["Punjab"] == ["IND", "PAK"] and "Punjab" in ambiguous
    assert regions["Kashmir"] == ["IND", "PAK"] and regions["Kurdistan"] == ["IRN", "IRQ"]
    assert regions["Amazonas"] == ["BRA", "COL", "VEN"]
    assert "Georgia" in ambiguous and "Victoria" in ambiguous  # a country; a first name
    assert "Gujarat" not in ambiguous


def test_regions_file_validates_with_the_countries_of_countries_yaml():
    entries = load_region_entries()
    assert len(entries) >= 700
    assert {r.kind for r in entries} == KINDS
    assert all(isinstance(r, Region) and len(r.country) == 3 for r in entries)


def test_regions_country_names_are_left_to_countries_yaml_unless_ambiguous():
    countries = yamlio.load((DATA / "countries.yaml").read_text(encoding="utf-8"))["countries"]
    country_names = {n for c in countries for k in ("names", "adjectives", "demonyms", "capitals") for n in c.get(k, [])}
    clashes = {n for r in load_region_entries() for n in r.names if n in country_names and n not in r.ambiguous}
    assert not clashes


def test_regions_parse_rejects_unknown_country():
    with pytest.raises(RegionError, match="ISO3"):
        parse_regions(_doc({"name": "Gujarat", "country": "XYZ", "kind": "admin1"}), ISO3)


def test_regions_parse_rejects_unknown_kind_and_missing_source():
    with pytest.raises(RegionError, match="kind"):
        parse_regions(_doc({"name": "Gujarat", "country": "IND", "kind": "state"}), ISO3)
    with pytest.raises(RegionError, match="source"):
        parse_regions({"regions": []}, ISO3)


def test_regions_parse_rejects_a_name_listed_twice_for_one_country():
    with pytest.raises(RegionError, match="twice"):
        parse_regions(_doc({"name": "Orissa", "country": "IND", "kind": "admin1"},
                           {"name": "Odisha", "country": "IND", "kind": "admin1", "aliases": ["Orissa"]}), ISO3)


def test_regions_parse_wants_shared_names_marked_ambiguous():
    rows = ({"name": "Punjab", "country": "IND", "kind": "admin1", "ambiguous": ["Punjab"]},
            {"name": "Punjab", "country": "PAK", "kind": "admin1"})
    with pytest.raises(RegionError, match="ambiguous"):
        parse_regions(_doc(*rows), ISO3)
    fixed = (rows[0], {**rows[1], "ambiguous": ["Punjab"]})
    assert index_regions(parse_regions(_doc(*fixed), ISO3)) == {"Punjab": ("IND", "PAK")}


def test_regions_parse_ambiguous_must_be_own_name():
    with pytest.raises(RegionError, match="lacks"):
        parse_regions(_doc({"name": "Borno", "country": "NGA", "kind": "admin1", "ambiguous": ["Bornu"]}), ISO3)
