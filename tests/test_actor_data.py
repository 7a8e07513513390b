"""Checks on the actor data files (countries, organizations, leaders) - no spaCy needed."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from accord import yamlio

DATA = Path(__file__).resolve().parents[1] / "accord" / "data"
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
ROLES = {"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "BUS", "CVL", "MED", "REL", "EDU"}


def _load(name: str) -> dict:
    data = yamlio.load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), name
    assert isinstance(data.get("source"), str) and data["source"].strip(), f"{name}: missing source"
    return data


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return _load("countries.yaml")["countries"]


@pytest.fixture(scope="module")
def orgs() -> dict:
    return _load("organizations.yaml")


@pytest.fixture(scope="module")
def leaders() -> list[dict]:
    return _load("leaders.yaml")["leaders"] + _load("leaders_world.yaml")["leaders"]


def _strs(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) and x and x == x.strip() for x in v)


def _date(v) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


# ---------------------------------------------------------------------------------------------- countries


def test_countries_keys_and_types(countries):
    assert len(countries) >= 250
    for c in countries:
        where = c.get("name")
        assert isinstance(c.get("iso3"), str) and re.fullmatch(r"[A-Z]{3}", c["iso3"]), where
        assert isinstance(c.get("name"), str) and c["name"], c
        for key in ("names", "adjectives", "demonyms", "capitals", "ambiguous"):
            assert _strs(c.get(key, [])), (where, key)
        assert c["name"] in c["names"], where
        if c.get("historical"):
            assert c["historical"] is True and isinstance(c.get("note"), str) and c["note"], where
        else:
            assert "fips" in c, where
            for k in ("lat", "lon"):
                assert isinstance(c.get(k), (int, float)), (where, k)
            assert -90 <= c["lat"] <= 90 and -180 <= c["lon"] <= 180, where
        met = c.get("metonyms") or {}
        assert isinstance(met, dict) and all(isinstance(k, str) and v in ROLES for k, v in met.items()), where
        own = set(c["names"]) | set(c["adjectives"]) | set(c["demonyms"]) | set(c["capitals"])
        assert set(c["ambiguous"]) <= own, (where, set(c["ambiguous"]) - own)


def test_countries_iso3_valid_and_complete(countries):
    codes = [c["iso3"] for c in countries]
    assert all(code in ISO3 for code in codes), sorted(set(codes) - ISO3)
    current = [c["iso3"] for c in countries if not c.get("historical")]
    assert len(current) == len(set(current)), "duplicate current country entries"
    assert set(current) == ISO3, sorted(ISO3 - set(current))


def test_countries_fips(countries):
    seen = {}
    for c in countries:
        fips = c.get("fips")
        assert fips is None or (isinstance(fips, str) and re.fullmatch(r"[A-Z]{2}", fips)), (c["name"], fips)
        if fips:
            assert fips not in seen, (fips, seen.get(fips), c["name"])
            seen[fips] = c["name"]
    assert seen.get("IR") == "Iran" and seen.get("UK") == "United Kingdom" and seen.get("KV") == "Kosovo"


def test_country_names_unique(countries):
    where = defaultdict(list)
    for i, c in enumerate(countries):
        for key in ("names", "adjectives", "demonyms", "capitals"):
            for n in set(c.get(key, [])):
                if i not in [j for j, _ in where[n]]:
                    where[n].append((i, n in (c.get("ambiguous") or [])))
    clashes = {n: v for n, v in where.items() if sum(1 for _, amb in v if not amb) > 1}
    assert not clashes, {n: [countries[i]["name"] for i, _ in v] for n, v in clashes.items()}


def test_country_spot_checks(countries):
    by_name = {}
    for c in countries:
        for n in c["names"]:
            by_name.setdefault(n, c)
    assert by_name["U.S."]["iso3"] == "USA" and by_name["Russian Federation"]["iso3"] == "RUS"
    assert by_name["Soviet Union"]["iso3"] == "RUS" and by_name["Soviet Union"]["historical"]
    assert by_name["Burma"]["iso3"] == "MMR" and not by_name["Burma"].get("historical")
    assert by_name["Holy See"]["iso3"] == "VAT" and by_name["Gaza"]["iso3"] == "PSE"
    assert "Georgia" in by_name["Georgia"]["ambiguous"]
    usa = next(c for c in countries if c["iso3"] == "USA" and not c.get("historical"))
    assert usa["metonyms"]["Pentagon"] == "MIL"


# ---------------------------------------------------------------------------------------------- organizations


def test_organizations(orgs):
    items = orgs["organizations"]
    assert len(items) >= 60
    acronyms = set()
    for o in items:
        where = o.get("name")
        assert isinstance(o.get("code"), str) and re.fullmatch(r"(IGO|NGO)[A-Z0-9]+", o["code"]), where
        assert isinstance(o.get("igo"), str) and o["igo"], where
        assert isinstance(o.get("name"), str) and o["name"], where
        assert _strs(o.get("names")) and _strs(o.get("ambiguous", [])), where
        assert set(o.get("ambiguous") or []) <= set(o["names"]) | {o["name"]}, where
        assert o.get("role") is None or o["role"] in ROLES, where
        acronyms.add(o["igo"])
    for o in items:
        assert o.get("parent") is None or o["parent"] in acronyms, (o["name"], o.get("parent"))
    for needed in ("UN", "UNSC", "EU", "NATO", "OPEC", "SCO", "AU", "Arab League", "GCC", "IAEA", "WHO", "IMF",
                   "World Bank", "WTO", "ICC", "ICJ", "ICRC"):
        assert needed in acronyms, needed
    by_igo = {o["igo"]: o for o in items}
    assert by_igo["SCO"]["code"] == "IGOASASCO" and by_igo["EU"]["code"] == "IGOEUREEC"
    assert "GATT" in by_igo["WTO"]["names"] and "OAU" in by_igo["AU"]["names"]


def test_groups(orgs):
    groups = orgs["groups"]
    assert len(groups) >= 40
    for g in groups:
        where = g.get("name")
        assert isinstance(g.get("code"), str) and g["code"], where
        assert _strs(g.get("names")), where
        assert g.get("country") is None or g["country"] in ISO3, where
        assert g.get("role") in ROLES, where
        assert g["code"] == (g["country"] or "IMG") + g["role"], where
        for p in g.get("periods") or []:
            s, e = _date(p.get("start")), _date(p.get("end"))
            assert s is None or e is None or s <= e, where
            assert p.get("role") in ROLES, where
    names = {n for g in groups for n in g["names"]}
    for needed in ("Hamas", "Hezbollah", "Taliban", "al-Qaeda", "ISIS", "Houthis", "PKK", "FARC", "Wagner Group"):
        assert needed in names, needed


# ---------------------------------------------------------------------------------------------- leaders


def test_leaders(leaders):
    assert len(leaders) >= 2500
    igos = {o["igo"] for o in _load("organizations.yaml")["organizations"]}
    for p in leaders:
        where = (p.get("name"), p.get("office"), p.get("start"))
        assert isinstance(p.get("name"), str) and p["name"], where
        assert _strs(p.get("aliases", [])), where
        assert isinstance(p.get("office"), str) and p["office"], where
        assert p.get("role", "GOV") in ROLES, where
        if p.get("country") is not None:
            assert p["country"] in ISO3 and p.get("igo") is None, where
        elif p.get("igo") is not None:
            assert p["igo"] in igos, where
        else:
            assert p.get("code"), where  # transnational non-state leaders carry an explicit code
        s, e = _date(p.get("start")), _date(p.get("end"))
        assert s is not None and dt.date(1900, 1, 1) <= s <= dt.date(2026, 12, 31), where
        assert e is None or s <= e, where
        assert p.get("approx") in (None, True), where


def _holder(leaders, country, office, on, igo=None):
    day = dt.date.fromisoformat(on)
    hits = [p["name"] for p in leaders
            if p.get("country") == country and p.get("igo") == igo and p["office"] == office
            and _date(p["start"]) <= day and (p.get("end") is None or day <= _date(p["end"]))]
    return hits


@pytest.mark.parametrize("country,office,on,who,igo", [
    ("USA", "President", "1987-06-01", "Ronald Reagan", None),
    ("UGA", "President", "2005-06-01", "Yoweri Museveni", None),
    ("DZA", "President", "2005-06-01", "Abdelaziz Bouteflika", None),
    ("USA", "Secretary of State", "1987-06-01", "George Shultz", None),
    ("RUS", "General Secretary of the CPSU", "1987-06-01", "Mikhail Gorbachev", None),
    ("RUS", "Foreign Minister", "1987-06-01", "Eduard Shevardnadze", None),
    ("GBR", "Prime Minister", "1987-06-01", "Margaret Thatcher", None),
    ("DEU", "Chancellor", "1987-06-01", "Helmut Kohl", None),
    ("FRA", "Prime Minister", "1987-06-01", "Jacques Chirac", None),
    ("IRN", "Supreme Leader", "1987-06-01", "Ruhollah Khomeini", None),
    ("IRN", "President", "1987-06-01", "Ali Khamenei", None),
    ("ISR", "Prime Minister", "1987-06-01", "Yitzhak Shamir", None),
    ("ISR", "Defence Minister", "1987-06-01", "Yitzhak Rabin", None),
    (None, "Secretary-General", "1987-06-01", "Javier Perez de Cuellar", "UN"),
    ("RUS", "President", "2022-06-01", "Vladimir Putin", None),
    ("RUS", "Foreign Minister", "2022-06-01", "Sergei Lavrov", None),
    ("IRN", "President", "2022-06-01", "Ebrahim Raisi", None),
    ("IRN", "Foreign Minister", "2022-06-01", "Hossein Amir-Abdollahian", None),
    ("IRN", "Supreme Leader", "2022-06-01", "Ali Khamenei", None),
    ("USA", "Secretary of State", "2022-06-01", "Antony Blinken", None),
    ("CHN", "Foreign Minister", "2022-06-01", "Wang Yi", None),
    ("TUR", "President", "2022-06-01", "Recep Tayyip Erdogan", None),
])
def test_leader_spot_checks(leaders, country, office, on, who, igo):
    assert _holder(leaders, country, office, on, igo) == [who]


def test_east_asian_leaders_go_by_their_family_name(leaders):
    # Chinese and Korean names put the family name first: "Xi" is Xi Jinping, "Jinping" alone is never
    # written, and an alias "Gang" (for Qin Gang) would turn "a gang of thieves" into China's government
    for p in leaders:
        if p["country"] not in ("CHN", "TWN", "PRK", "KOR"):
            continue
        given = p["name"].split()[-1]
        assert given not in (p.get("aliases") or []), p["name"]
