"""Sub-national places that give their country: provinces, states, regions, districts and cities.

``accord/data/regions.yaml`` lists the admin-1 units (states, provinces, governorates, regions) of the
G20 and of the countries with most conflict news, plus well-known regions ("Darfur", "Mindanao",
"Sinai"), districts and cities that the offline gazetteer (:mod:`accord.places`, GeoNames cities of
15,000+ people) lacks or resolves to another country ("Borno" is not Borna in Germany). A name can
belong to more than one country ("Punjab": IND and PAK); such names, and names that are also common
words or names of countries ("Georgia", "Victoria"), are listed in the entry's ``ambiguous`` so a
caller can ask for more evidence before trusting them alone.

    >>> load_regions()["Gujarat"]
    ['IND']
    >>> load_regions()["Punjab"]
    ['IND', 'PAK']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from accord import yamlio

KINDS = frozenset({"admin1", "region", "district", "city"})


class RegionError(ValueError):
    """regions.yaml (or a user file in its schema) does not validate."""


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str  # ISO3
    kind: str  # admin1 | region | district | city
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()  # own names that another country shares or that are common words

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def load_regions() -> dict[str, list[str]]:
    """Every region name and alias → the ISO3 codes of the countries it belongs to (sorted)."""
    return {name: list(codes) for name, codes in _region_index().items()}


def ambiguous_names() -> frozenset[str]:
    """Names that should not give a country on their own (shared by countries, or common words)."""
    return frozenset(n for r in load_region_entries() for n in r.ambiguous)


@cache
def load_region_entries() -> tuple[Region, ...]:
    """The validated entries of the packaged ``regions.yaml``."""
    text = resources.files("accord.data").joinpath("regions.yaml").read_text(encoding="utf-8")
    return parse_regions(yamlio.load(text), _known_iso3(), "regions.yaml")


@cache
def _region_index() -> dict[str, tuple[str, ...]]:
    return index_regions(load_region_entries())


def index_regions(regions: tuple[Region, ...] | list[Region]) -> dict[str, tuple[str, ...]]:
    """Name → sorted ISO3 codes of the regions that carry it."""
    out: dict[str, set[str]] = {}
    for r in regions:
        for n in r.names:
            out.setdefault(n, set()).add(r.country)
    return {n: tuple(sorted(codes)) for n, codes in out.items()}


def parse_regions(data: Any, iso3: frozenset[str], where: str = "regions") -> tuple[Region, ...]:
    """Validate a regions document: a ``source``, known ISO3 codes and kinds, no name listed twice for
    one country, and every name shared by two countries marked ``ambiguous`` in both."""
    if not isinstance(data, dict) or not str(data.get("source") or "").strip():
        raise RegionError(f"{where}: expected a mapping with a 'source' and 'regions'")
    rows = data.get("regions")
    if not isinstance(rows, list):
        raise RegionError(f"{where}: 'regions' must be a list")
    regions = tuple(_region(row, iso3, f"{where}[{i}]") for i, row in enumerate(rows))
    _check_unique(regions, where)
    return regions


def _region(row: Any, iso3: frozenset[str], where: str) -> Region:
    if not isinstance(row, dict):
        raise RegionError(f"{where}: expected a mapping, got {row!r}")
    name, country, kind = row.get("name"), row.get("country"), row.get("kind")
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        raise RegionError(f"{where}: bad name {name!r}")
    if country not in iso3:
        raise RegionError(f"{where} ({name}): country {country!r} is not an ISO3 code of countries.yaml")
    if kind not in KINDS:
        raise RegionError(f"{where} ({name}): kind {kind!r} is not one of {sorted(KINDS)}")
    aliases, ambiguous = _strings(row.get("aliases"), where), _strings(row.get("ambiguous"), where)
    if name in aliases or len(set(aliases)) != len(aliases):
        raise RegionError(f"{where} ({name}): an alias repeats a name")
    if not set(ambiguous) <= {name, *aliases}:
        raise RegionError(f"{where} ({name}): ambiguous lists a name the entry lacks: {sorted(set(ambiguous) - {name, *aliases})}")
    return Region(name=name, country=str(country), kind=str(kind), aliases=aliases, ambiguous=ambiguous)


def _strings(v: Any, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() and x == x.strip() for x in v):
        raise RegionError(f"{where}: expected a list of names, got {v!r}")
    return tuple(v)


def _check_unique(regions: tuple[Region, ...], where: str) -> None:
    seen: dict[tuple[str, str], str] = {}
    holders: dict[str, list[Region]] = {}
    for r in regions:
        for n in r.names:
            if (n, r.country) in seen:
                raise RegionError(f"{where}: {n!r} listed twice for {r.country} ({seen[n, r.country]}, {r.name})")
            seen[n, r.country] = r.name
            holders.setdefault(n, []).append(r)
    for n, rs in holders.items():
        if len(rs) > 1 and not all(n in r.ambiguous for r in rs):
            raise RegionError(f"{where}: {n!r} belongs to {[r.country for r in rs]} but is not marked ambiguous in each")


@cache
def _known_iso3() -> frozenset[str]:
    text = resources.files("accord.data").joinpath("countries.yaml").read_text(encoding="utf-8")
    return frozenset(str(c["iso3"]).upper() for c in yamlio.load(text)["countries"])
