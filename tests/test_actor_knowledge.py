"""Actor knowledge files (accord/data/actors/*.yaml): every file validates, and dated group periods
(a party in government, then in opposition) give an article the role of its date.

The data checks and the reader checks need no spaCy model; the resolution examples at the end do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pycountry
import pytest
from knowledge_fixture import CONFLICT30, DATA, G20, ROLES, day, load

from accord.actor_dictionary import _entries_from
from accord.actors import ActorDictionary, DictionaryError, _active, find_mentions

FILES = sorted((DATA / "actors").glob("*.yaml"))
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
GROUP_KEYS = {"code", "id", "name", "names", "country", "role", "ambiguous", "periods", "note"}


@pytest.fixture(scope="module")
def knowledge() -> dict[str, dict]:
    return {p.name: load(p) for p in FILES}


def _groups(knowledge: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(name, g) for name, data in knowledge.items() for g in data.get("groups") or []]


# ---------------------------------------------------------------------------------------------- the files


def test_knowledge_files_exist_with_source_and_coverage(knowledge):
    assert {"parties.yaml", "security_forces.yaml", "agencies.yaml", "courts_elections.yaml", "unions.yaml",
            "armed_groups.yaml"} <= set(knowledge)
    for name, data in knowledge.items():
        assert isinstance(data.get("source"), str) and len(data["source"]) > 20, f"{name}: name the sources"
        cov = data.get("coverage") or []
        assert set(cov) <= ISO3 | {"EU"}, (name, set(cov) - ISO3)
        have = {g.get("country") for g in data.get("groups") or []} | ({"EU"} if data.get("organizations") else set())
        assert set(cov) <= have, f"{name}: coverage lists countries without entries: {sorted(set(cov) - have)}"


def test_knowledge_covers_the_g20_and_the_conflict_countries(knowledge):
    for name in ("security_forces.yaml", "agencies.yaml"):
        countries = {g["country"] for g in knowledge[name]["groups"]}
        assert G20 | CONFLICT30 <= countries, (name, sorted(G20 | CONFLICT30 - countries))
    parties = {g["country"] for g in knowledge["parties.yaml"]["groups"]}
    no_parties = {"SAU", "CHN"}  # no party system / the ruling party is in organizations.yaml
    assert G20 - no_parties <= parties, sorted(G20 - no_parties - parties)


def test_knowledge_groups_have_valid_codes_roles_and_names(knowledge):
    for where, g in _groups(knowledge):
        label = (where, g.get("name"))
        # an unquoted comma in a flow mapping ({..., note: a, b}) would split a value into stray keys
        assert set(g) <= GROUP_KEYS, (label, set(g) - GROUP_KEYS)
        country, role = g.get("country"), g.get("role")
        assert country is None or country in ISO3, label
        assert role in ROLES, label
        assert g.get("code") == (country or "IMG") + role, label
        assert isinstance(g.get("id"), str) and re.fullmatch(r"[A-Z0-9]{2,4}", g["id"]), label
        names = g.get("names")
        assert isinstance(names, list) and names and all(isinstance(n, str) and n == n.strip() and n for n in names), label
        # the name is one of the surface forms, or a label: "Democratic Party (Italy)", "Gaddafi's forces"
        assert g["name"] in names or re.search(r"\(|\b[a-z]", g["name"]), label
        assert len(names) == len(set(names)), (label, "repeated name")
        assert set(g.get("ambiguous") or []) <= set(names), label


def test_knowledge_ids_are_unique_per_country(knowledge):
    seen: dict[tuple, str] = {}
    core = load(DATA / "organizations.yaml")["groups"]
    for where, g in [("organizations.yaml", g) for g in core] + _groups(knowledge):
        key = (g.get("country"), g["id"])
        assert key not in seen, (key, seen.get(key), where, g["name"])
        seen[key] = g["name"]


def test_knowledge_periods_are_ordered_and_do_not_overlap(knowledge):
    for where, g in _groups(knowledge):
        label = (where, g["name"])
        periods = g.get("periods") or []
        previous_end: dt.date | None = None
        for i, p in enumerate(periods):
            start, end = day(p.get("start")), day(p.get("end"))
            assert p.get("role") in ROLES, label
            assert p.get("code") in (None, (g.get("country") or "IMG") + p["role"]), label
            assert start is None or dt.date(1900, 1, 1) <= start <= dt.date(2026, 12, 31), label
            assert start is None or end is None or start <= end, label
            if i:
                assert start is not None and previous_end is not None and previous_end < start, (label, p)
            assert end is not None or i == len(periods) - 1, (label, "only the last period is open-ended")
            previous_end = end
        assert not periods or {p["role"] for p in periods} != {g["role"]}, (label, "periods that repeat the role")


def test_knowledge_surface_forms_name_one_actor(knowledge):
    """A name or acronym points to one group: not to two, nor to an organisation, country or capital — unless
    the groups that share it each mark it ambiguous ("Maoist rebels": Nepal's and India's; the text's
    country decides)."""
    owners: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, int] = defaultdict(int)  # groups marking a name ambiguous
    core = load(DATA / "organizations.yaml")
    for o in core["organizations"]:
        for n in o["names"] + [o["name"]]:
            owners[n].add("igo:" + o["igo"])
    for g in core["groups"]:
        for n in g["names"] + [g["name"]]:
            owners[n].add(f"group:{g['code']}:{g['id']}")
        for n in g.get("ambiguous") or []:
            shared[n] += 1
    for c in load(DATA / "countries.yaml")["countries"]:
        for key in ("names", "adjectives", "demonyms", "capitals"):
            for n in c.get(key) or []:
                owners[n].add("country:" + c["iso3"])
        for n in c.get("metonyms") or {}:  # "Pentagon", "Mossad", "Scotland Yard"
            owners[n].add("metonym:" + c["iso3"])
    mine: dict[str, set[str]] = defaultdict(set)
    for data in knowledge.values():
        for g in data.get("groups") or []:
            for n in g["names"]:
                mine[n].add(f"group:{g['code']}:{g['id']}")
            for n in g.get("ambiguous") or []:
                shared[n] += 1
        for o in data.get("organizations") or []:
            for n in o["names"]:
                mine[n].add("igo:" + o["igo"])
    clashes = {n: sorted(v | owners.get(n, set())) for n, v in mine.items() if len(v | owners.get(n, set())) > 1}
    clashes = {n: v for n, v in clashes.items() if not (all(o.startswith("group:") for o in v) and shared[n] >= len(v))}
    assert not clashes, clashes


def test_knowledge_organizations_have_igo_codes(knowledge):
    igos = {o["igo"] for o in load(DATA / "organizations.yaml")["organizations"]}
    for where, data in knowledge.items():
        for o in data.get("organizations") or []:
            assert re.fullmatch(r"(IGO|NGO)[A-Z]+", o.get("code", "")), (where, o.get("name"))
            assert o.get("parent") is None or o["parent"] in igos, (where, o["name"])
            assert o.get("role") in ROLES and o["name"] in o["names"], (where, o["name"])


def test_knowledge_loads_into_the_actor_dictionary():
    ad = ActorDictionary.load()
    entries = [e for lst in ad.index.values() for _, es in lst for e in es]
    assert sum(1 for e in entries if e.kind == "group") >= 2000


# ---------------------------------------------------------------------------------------------- periods


LABOUR = {"code": "GBRPTY", "id": "LAB", "name": "Labour Party", "country": "GBR", "role": "PTY",
          "names": ["Labour Party", "Labour"], "ambiguous": ["Labour"],
          "periods": [{"start": "1979-05-04", "end": "1997-05-01", "role": "OPP"},
                      {"start": "1997-05-02", "end": "2010-05-10", "role": "GOV"},
                      {"start": "2010-05-11", "end": "2024-07-04", "role": "OPP"},
                      {"start": "2024-07-05", "end": None, "role": "GOV"}]}


def _codes_on(entries, phrase: str, day: dt.date | None) -> list[str]:
    return [e.code for p, e, _ in entries if p == phrase and _active(e, day)]


def test_periods_give_the_role_of_the_article_date():
    entries = _entries_from({"groups": [LABOUR]}, "test")
    assert _codes_on(entries, "Labour Party", dt.date(2005, 6, 1)) == ["GBRGOV"]
    assert _codes_on(entries, "Labour Party", dt.date(2012, 6, 1)) == ["GBROPP"]
    assert _codes_on(entries, "Labour Party", dt.date(1997, 5, 2)) == ["GBRGOV"]  # the day power changed hands
    assert _codes_on(entries, "Labour Party", dt.date(1975, 1, 1)) == ["GBRPTY"]  # before the periods: its own role


def test_periods_undated_article_gets_todays_role_first():
    entries = _entries_from({"groups": [LABOUR]}, "test")
    assert _codes_on(entries, "Labour Party", None)[0] == "GBRGOV"


def test_periods_ambiguous_forms_are_marked():
    entries = _entries_from({"groups": [LABOUR]}, "test")
    assert all(e.ambiguous for p, e, _ in entries if p == "Labour")
    assert not any(e.ambiguous for p, e, _ in entries if p == "Labour Party")


def test_periods_gaps_between_periods_keep_the_groups_own_role():
    g = {"code": "SDNREB", "id": "X", "name": "Force", "country": "SDN", "role": "REB", "names": ["Force"],
         "periods": [{"start": "2013-08-01", "end": "2023-04-14", "role": "MIL"}]}
    entries = _entries_from({"groups": [g]}, "test")
    assert _codes_on(entries, "Force", dt.date(2010, 1, 1)) == ["SDNREB"]
    assert _codes_on(entries, "Force", dt.date(2020, 1, 1)) == ["SDNMIL"]
    assert _codes_on(entries, "Force", dt.date(2024, 1, 1)) == ["SDNREB"]


@pytest.mark.parametrize("periods", [
    [{"start": "2000-01-01", "end": "2005-01-01", "role": "GOV"}, {"start": "2004-01-01", "end": None, "role": "OPP"}],
    [{"start": "2000-01-01", "end": None, "role": "GOV"}, {"start": "2004-01-01", "end": "2005-01-01", "role": "OPP"}],
    [{"start": "2006-01-01", "end": "2005-01-01", "role": "GOV"}],
    [{"start": "2006-01-01", "end": "2007-01-01"}],
])
def test_periods_overlapping_or_unordered_are_rejected(periods):
    g = {"code": "GBRPTY", "id": "X", "name": "Party", "country": "GBR", "role": "PTY", "names": ["Party"], "periods": periods}
    with pytest.raises(DictionaryError):
        _entries_from({"groups": [g]}, "test")


# ---------------------------------------------------------------------------------------------- resolution


@pytest.fixture(scope="module")
def actors():
    return ActorDictionary.load()


def _codes(nlp, actors, text: str, date: str) -> dict[str, str]:
    doc = nlp(text)
    return {doc.text[m.start : m.end]: m.actor.code for m in find_mentions(doc, actors, dt.date.fromisoformat(date))}


@pytest.mark.model
@pytest.mark.parametrize("text,date,phrase,code", [
    ("The opposition Conservative Party criticised the government.", "2005-03-01", "Conservative Party", "GBROPP"),
    ("The Labour Party criticised the government.", "2012-03-01", "Labour Party", "GBROPP"),
    ("The Labour Party defended its budget.", "2005-03-01", "Labour Party", "GBRGOV"),
    ("Boko Haram fighters attacked a village.", "2015-03-01", "Boko Haram", "NGAREB"),
    ("Naxalite insurgents ambushed a police patrol.", "2010-04-06", "Naxalite", "INDREB"),
    ("The Rapid Support Forces shelled El Fasher.", "2024-06-01", "Rapid Support Forces", "SDNREB"),
    ("The Rapid Support Forces patrolled Khartoum.", "2019-06-01", "Rapid Support Forces", "SDNMIL"),
    ("The Central Reserve Police Force arrested three men.", "2019-06-01", "Central Reserve Police Force", "INDCOP"),
    ("Border Guard Bangladesh detained 20 people.", "2019-06-01", "Border Guard Bangladesh", "BGDCOP"),
    ("The Bharatiya Janata Party won the election.", "2019-06-01", "Bharatiya Janata Party", "INDGOV"),
    ("The Bharatiya Janata Party lost the election.", "2009-06-01", "Bharatiya Janata Party", "INDOPP"),
    ("The Sinaloa Cartel killed two soldiers.", "2019-06-01", "Sinaloa Cartel", "MEXREB"),
    ("GCHQ warned of a cyber attack.", "2019-06-01", "GCHQ", "GBRSPY"),
    ("The Election Commission of India announced the dates.", "2019-06-01", "Election Commission of India", "INDGOV"),
    ("COSATU called a strike.", "2019-06-01", "COSATU", "ZAFLAB"),
    ("The Taliban captured the city.", "1998-08-08", "Taliban", "AFGGOV"),  # periods of organizations.yaml too
    ("The Taliban captured the city.", "2010-08-08", "Taliban", "AFGREB"),
    ("The Kuomintang criticised the plan.", "2005-03-01", "Kuomintang", "TWNOPP"),
])
def test_knowledge_resolves_named_organisations(nlp, actors, text, date, phrase, code):
    got = _codes(nlp, actors, text, date)
    hit = next((c for span, c in got.items() if phrase in span), None)
    assert hit == code, got
