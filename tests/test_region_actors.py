"""Several countries named by their world region act and are acted on (accord/data/actors/world_regions.yaml).

"Several African countries condemned the coup" names no country, yet it is an act of African states: CAMEO
codes such actors with its region codes (AFR Africa, EUR Europe, WST the West, ARB the Arab states, PGS the
Persian Gulf states, SEA Southeast Asia, LAM Latin America, ...), with the sector of the noun after them.
A region's name or adjective makes an actor only

* as a noun phrase of its own: "the West", "Europe", "the Middle East";
* before a noun that makes it countries ("Arab states", "Western powers", "European allies": the region's
  code alone), or before a word of government, the military, parliaments or intelligence ("European leaders"
  EURGOV, "Western troops" WSTMIL).

Markets, diseases, companies and the longer names that hold a region's word (the European Commission, the
Arab League, the West Bank, Western Sahara, South Africa, the Central African Republic) are what they were.
The actor's ``country`` and ``igo`` are null and its ``region`` is the region's code.
"""

from __future__ import annotations

import re

import pytest

from accord import yamlio
from accord.actor_dictionary import DictionaryError, _entries_from
from accord.actors import ActorDictionary

pytestmark = pytest.mark.model


def _pairs(result) -> set[tuple[str | None, str, str | None]]:
    return {((e.source.code if e.source else None), e.cameo[:2], (e.target.code if e.target else None))
            for e in result.events}


def _codes(result) -> set[str | None]:
    return {a.code for e in result.events for a in (e.source, e.target) if a is not None}


# ---------------------------------------------------------------------------------------------- the data


def test_the_region_file_names_its_sources_and_uses_three_letter_codes():
    from importlib import resources

    data = yamlio.load(resources.files("accord.data").joinpath("actors/world_regions.yaml").read_text("utf-8"))
    assert "CAMEO" in data["source"] and "M49" in data["source"]
    codes = [r["code"] for r in data["regions"]]
    assert len(codes) == len(set(codes))
    assert {"EUR", "WST", "AFR", "ASA", "MEA", "ARB", "PGS", "LAM", "SEA", "SAS", "CAS", "WAF", "EAF"} <= set(codes)
    for r in data["regions"]:
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r
        assert set(r.get("with_article") or []) <= set(r.get("names") or []), r
        assert all(re.fullmatch(r"[A-Z]{3}", m) for m in r.get("members") or []), r
    assert set(data["roles"]) <= {"GOV", "MIL", "LEG", "SPY"}


def test_a_region_code_must_be_three_capital_letters():
    with pytest.raises(DictionaryError, match="region code"):
        _entries_from({"regions": [{"code": "Europe", "names": ["Europe"]}]}, "mine.yaml")


def test_the_heads_and_roles_are_rules_not_phrases():
    ad = ActorDictionary.build(_entries_from({"regions": [{"code": "EUR", "adjectives": ["European"]}],
                                              "heads": ["states"], "roles": ["GOV"]}, "mine.yaml"))
    assert ad.region_heads == {"states"} and ad.region_roles == {"GOV"}
    assert "states" not in ad.lower_index


# ---------------------------------------------------------------------------------------------- region actors


def test_countries_named_by_their_region_act(code):
    r = code("Several West African countries recalled their ambassadors from Mali after the coup.")
    src = next(e.source for e in r.events if e.cameo == "161")
    assert src.code == "WAF" and src.name == "Several West African countries"
    assert src.country is None and src.igo is None and src.region == "WAF"
    assert src.to_dict()["region"] == "WAF"


def test_a_region_before_a_sector_word_has_that_sector(code):
    assert ("ARBGOV", "11", "ISRGOV") in _pairs(code("Arab foreign ministers denounced the Israeli government."))
    assert ("LAMGOV", "02", "USAGOV") in _pairs(code("Latin American presidents appealed to Washington to end the blockade."))


def test_the_west_and_western_powers(code):
    assert ("WST", "11", "RUSGOV") in _pairs(code("Western powers accused the Kremlin of meddling in the vote."))
    assert ("SYRGOV", "11", "WST") in _pairs(code("The Syrian government blamed the West for the fighting."))


def test_gulf_states_and_southeast_asian_nations(code):
    assert ("PGS", "11", "IRN") in _pairs(code("The Gulf Arab states condemned Iran on Sunday."))
    assert any(s == "SEA" for s, _, _ in _pairs(code("Southeast Asian nations offered to mediate between Thailand and Cambodia.")))


def test_people_from_a_region_are_of_its_region(code):
    # "diplomats from European countries": the region is where they are from, as a country would be
    assert ("EURGOV", "04", "IRNGOV") in _pairs(code("Envoys from European countries met Iranian negotiators in Vienna."))


def test_a_region_acted_on(code):
    assert ("USA", "16", "EUR") in _pairs(code("The United States cut military aid to its European allies."))


# ---------------------------------------------------------------------------------------------- no region actor


@pytest.mark.parametrize("text", [
    "European shares fell sharply after the Chinese data.",
    "Asian currencies weakened against the dollar.",
    "African swine fever spread to farms across Vietnam.",
    "Western Digital sued Seagate over a patent.",
    "Kanye West criticised the mayor.",
    "Oil companies evacuated rigs in the Gulf of Mexico.",
])
def test_things_of_a_region_are_no_actors(code, text):
    assert not {c for c in _codes(code(text)) if c and c[:3] in {"EUR", "ASA", "AFR", "WST", "PGS"}}


def test_longer_names_win_over_a_region_word_inside_them(code):
    assert ("IGOEUREEC", "11", "RUSGOV") in _pairs(code("The European Commission criticised the Russian government."))
    assert ("IGOARBARL", "11", "ISRGOV") in _pairs(code("The Arab League condemned the Israeli government."))
    assert ("ISRMIL", "19", "PSE") in {(s, r, t) for s, r, t in _pairs(code("Israeli soldiers raided a camp in the West Bank."))}
    assert "ZAFCOP" in _codes(code("South African police arrested twelve miners."))
    assert "CAF" in _codes(code("The Central African Republic accused Chad of arming rebels."))


def test_a_region_acting_on_no_one_is_no_event(code):
    # like a name no dictionary places, and unlike a country's name: "Latin American governments protested"
    # says too little of who did what; with someone acted on it is an event (above)
    assert not code("Several Latin American governments protested loudly on Monday.").events
