"""Persons beyond heads of state (accord/data/actors/persons_*.yaml): every file validates like
leaders.yaml, no term is given twice, bare-surname aliases name one country's office holders, and a
dated article resolves a minister, governor or army chief to the office held on its date.

The data checks need no spaCy model; the resolution examples at the end do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
from knowledge_fixture import CONFLICT30, DATA, G20, ROLES, day, load

FILES = sorted((DATA / "actors").glob("persons_*.yaml"))
KEYS = {"name", "aliases", "country", "role", "office", "start", "end", "approx"}


def _overlap(a: dict, b: dict) -> bool:
    """Terms overlap by more than the hand-over day (a successor's start is the predecessor's end)."""
    far = dt.date(9999, 1, 1)
    return day(a["start"]) < (day(b.get("end")) or far) and day(b["start"]) < (day(a.get("end")) or far)


@pytest.fixture(scope="module")
def persons() -> list[tuple[str, dict]]:
    return [(p.name, e) for p in FILES for e in load(p)["leaders"]]


@pytest.fixture(scope="module")
def core() -> list[dict]:
    return load(DATA / "leaders.yaml")["leaders"] + load(DATA / "leaders_world.yaml")["leaders"]


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {c["iso3"] for c in load(DATA / "countries.yaml")["countries"]}


def test_persons_files_name_their_sources_and_cover_g20_and_conflict_countries(persons):
    assert {p.name for p in FILES} >= {"persons_americas.yaml", "persons_europe.yaml", "persons_asia.yaml",
                                       "persons_mideast_africa.yaml"}
    for p in FILES:
        data = load(p)
        assert isinstance(data.get("source"), str) and len(data["source"]) > 40, p.name
        assert set(data) == {"source", "leaders"}, p.name
    assert len(persons) >= 700
    countries = {e["country"] for _, e in persons}
    assert G20 | CONFLICT30 <= countries, sorted(G20 | CONFLICT30 - countries)


def test_persons_entries_are_well_formed(persons, iso3):
    for where, e in persons:
        label = (where, e.get("name"), e.get("office"), e.get("start"))
        assert set(e) <= KEYS, (label, set(e) - KEYS)
        assert isinstance(e.get("name"), str) and e["name"] == e["name"].strip() and e["name"], label
        aliases = e.get("aliases", [])
        assert isinstance(aliases, list) and all(isinstance(a, str) and a and a == a.strip() for a in aliases), label
        assert e["name"] not in aliases and len(set(aliases)) == len(aliases), label
        assert e.get("country") in iso3, label
        assert e.get("role") in ROLES, label
        assert isinstance(e.get("office"), str) and e["office"], label
        start, end = day(e.get("start")), day(e.get("end"))
        assert start is not None and dt.date(1960, 1, 1) <= start <= dt.date(2026, 12, 31), label
        assert "end" in e and (end is None or start <= end <= dt.date(2026, 12, 31)), label
        assert e.get("approx") in (None, True), label


def test_persons_no_term_is_given_twice(persons, core):
    """One name holds one office once at a time, here and against leaders*.yaml."""
    by_office: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
    for where, e in persons:
        by_office[e["name"], e["office"]].append((where, e))
    for key, terms in by_office.items():
        for i, (_, a) in enumerate(terms):
            for _, b in terms[i + 1:]:
                assert not _overlap(a, b), (key, a["start"], b["start"])
    for c in core:
        for where, e in by_office.get((c["name"], c["office"]), []):
            assert not _overlap(c, e), (where, c["name"], c["office"], "already in leaders*.yaml")


def test_persons_one_role_at_a_time(persons):
    """Two offices held at once by one name must agree on the role, or the article date cannot choose."""
    by_name: dict[str, list[dict]] = defaultdict(list)
    for _, e in persons:
        by_name[e["name"]].append(e)
    for name, terms in by_name.items():
        for i, a in enumerate(terms):
            for b in terms[i + 1:]:
                if _overlap(a, b):
                    assert a["role"] == b["role"], (name, a["office"], b["office"])


def test_persons_bare_surnames_name_one_country(persons, core, iso3):
    """A one-word alias ("Geithner", "Soleimani") is no other country's office holder, country or place."""
    countries = load(DATA / "countries.yaml")["countries"]
    places = {n for c in countries for k in ("names", "adjectives", "demonyms", "capitals") for n in c.get(k) or []}
    owners: dict[str, set[str]] = defaultdict(set)
    for e in core + [e for _, e in persons]:
        for n in [e["name"], *(e.get("aliases") or [])]:
            owners[n].add(e.get("country") or e.get("igo") or e.get("code") or "?")
    for where, e in persons:
        for a in e.get("aliases") or []:
            if re.fullmatch(r"[\w'’-]+", a):
                assert owners[a] == {e["country"]}, (where, e["name"], a, sorted(owners[a]))
                assert a not in places, (where, e["name"], a)


# ---------------------------------------------------------------------------------------------- resolution


@pytest.fixture(scope="module")
def actors():
    from accord.actors import ActorDictionary

    return ActorDictionary.load()


def _code(nlp, actors, text: str, date: str, phrase: str) -> str | None:
    """The code of the mention whose span holds ``phrase`` ("Foreign Minister Sergei Lavrov")."""
    from accord.actors import find_mentions

    doc = nlp(text)
    got = {doc.text[m.start : m.end]: m.actor.code for m in find_mentions(doc, actors, dt.date.fromisoformat(date))}
    return next((c for span, c in got.items() if phrase in span), None)


@pytest.mark.model
@pytest.mark.parametrize("text,date,phrase,code", [
    ("Foreign Minister Sergei Lavrov said Moscow would respond.", "2015-03-01", "Sergei Lavrov", "RUSGOV"),
    ("Chief Minister Narendra Modi visited the flood-hit districts.", "2005-08-01", "Narendra Modi", "INDGOV"),
    ("Treasury Secretary Timothy Geithner met Chinese officials.", "2010-05-24", "Timothy Geithner", "USAGOV"),
    ("General Qasem Soleimani travelled to Baghdad.", "2015-06-01", "Qasem Soleimani", "IRNMIL"),
    ("Home Secretary Theresa May announced new powers for the police.", "2014-03-01", "Theresa May", "GBRGOV"),
    ("Alexei Navalny called for protests across Russia.", "2017-03-20", "Alexei Navalny", "RUSOPP"),
    ("Valerii Zaluzhnyi said the front line was holding.", "2023-02-01", "Valerii Zaluzhnyi", "UKRMIL"),
    ("Baitullah Mehsud threatened new attacks.", "2008-06-01", "Baitullah Mehsud", "PAKREB"),
])
def test_persons_resolve_to_their_office_on_the_article_date(nlp, actors, text, date, phrase, code):
    assert _code(nlp, actors, text, date, phrase) == code


@pytest.mark.model
def test_persons_a_later_office_takes_over_on_its_date(nlp, actors):
    assert _code(nlp, actors, "Keir Starmer criticised the budget.", "2021-03-04", "Keir Starmer") == "GBROPP"
    assert _code(nlp, actors, "Keir Starmer defended the budget.", "2025-03-04", "Keir Starmer") == "GBRGOV"
    assert _code(nlp, actors, "Ehud Barak inspected the troops.", "1993-05-01", "Ehud Barak") == "ISRMIL"  # chief of staff
    assert _code(nlp, actors, "Ehud Barak met Yasser Arafat.", "2000-07-11", "Ehud Barak") == "ISRGOV"  # prime minister
