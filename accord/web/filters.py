"""The dashboard's shared filter: parsed from URL parameters, validated, turned into parameterised SQL.

    f = parse_filters({"from": "2024-08-01", "actor": "IRN", "quad": "4"})   # BadParam on a bad value
    sql, params = f.where()          # "... AND (source_country = ? OR ...)", [...]  over event_facts
    f.query()                        # the URL parameters again, for links that keep the filter

Every page and API call takes the same parameters; nothing from the URL reaches SQL but as a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from accord.ontology import PLOVER_QUAD

SIDES = ("any", "source", "target")
NEGATED = ("exclude", "include", "only")
MODALITIES = ("asserted", "reported", "intent", "hypothetical", "future", "conditional")
MAX_TEXT = 200
# An event's confidence in percent: the coder's measured precision of how it was found (accord.confidence,
# events.confidence in [0, 1]); an event stored before confidence existed has none and passes no threshold.
CONFIDENCE = "round(coalesce({p}confidence, 0) * 100)"
_CODE = re.compile(r"^[A-Za-z0-9]{2,24}$")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


class BadParam(ValueError):
    """A URL parameter that cannot be used; becomes a 400 with this message."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


@dataclass(frozen=True, slots=True)
class Filters:
    """The filter bar. Field names are the URL parameter names (``start``/``end`` are ``from``/``to``)."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None  # ISO3, organisation acronym or actor-code prefix
    side: str = "any"
    country: str | None = None  # ISO3: source, target or place
    cameo: str | None = None  # a CAMEO code prefix: "19" = root 19
    plover: str | None = None
    quad: int | None = None
    negated: str = "exclude"
    modality: str | None = None
    min_mentions: int | None = None  # corroboration: mentions of the happening across articles
    min_conf: int | None = None  # confidence in percent (0-100) of the coder's calibrated events.confidence
    q: str | None = None  # words in the sentence

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """``WHERE`` conditions over ``event_facts`` (no leading keyword; ``TRUE`` when empty)."""
        p = f"{alias}." if alias else ""
        out: list[str] = []
        params: list[Any] = []
        if self.start:
            out.append(f"{p}date >= ?")
            params.append(self.start)
        if self.end:
            out.append(f"{p}date <= ?")
            params.append(self.end)
        if self.actor:
            sides = ("source", "target") if self.side == "any" else (self.side,)
            parts = []
            for s in sides:
                parts.append(f"({p}{s}_country = ? OR upper({p}{s}_igo) = ? OR starts_with({p}{s}_code, ?))")
                params += [self.actor] * 3
            out.append("(" + " OR ".join(parts) + ")")
        if self.country:
            out.append(f"({p}source_country = ? OR {p}target_country = ? OR {p}location_country = ?)")
            params += [self.country] * 3
        if self.cameo:
            out.append(f"starts_with({p}cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            out.append(f"{p}plover_type = ?")
            params.append(self.plover)
        if self.quad:
            out.append(f"{p}quad_class = ?")
            params.append(self.quad)
        if self.negated == "exclude":
            out.append(f"NOT coalesce({p}negated, false)")
        elif self.negated == "only":
            out.append(f"coalesce({p}negated, false)")
        if self.modality:
            out.append(f"coalesce({p}modality, 'asserted') = ?")
            params.append(self.modality)
        if self.min_mentions and self.min_mentions > 1:
            out.append(f"{p}happening_id IN (SELECT happening_id FROM event_facts WHERE NOT coalesce(negated, false)"
                       " GROUP BY happening_id HAVING count(*) >= ?)")
            params.append(self.min_mentions)
        if self.min_conf:
            out.append(f"{CONFIDENCE.format(p=p)} >= ?")
            params.append(self.min_conf)
        if self.q:
            out.append(f"{p}sentence ILIKE ? ESCAPE '\\'")
            params.append("%" + re.sub(r"([%_\\])", r"\\\1", self.q) + "%")
        return (" AND ".join(out) or "TRUE"), params

    def params(self) -> dict[str, str]:
        """The non-default fields as URL parameters."""
        out = {}
        default = Filters()
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name) and value is not None:
                out[_URL_NAMES.get(f.name, f.name)] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out

    def query(self, **extra: Any) -> str:
        """A query string of this filter and ``extra`` (None drops a key)."""
        items = self.params()
        items.update({k: str(v) for k, v in extra.items() if v is not None})
        return urlencode(items)

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {_URL_NAMES.get(k, k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in d.items()}


_URL_NAMES = {"start": "from", "end": "to"}
FILTER_PARAMS = ("from", "to", "actor", "side", "country", "cameo", "plover", "quad", "negated", "modality",
                 "min_mentions", "min_conf", "q")


def parse_date(name: str, value: str) -> dt.date:
    """YYYY-MM-DD, YYYY-MM (its first day) or YYYY (1 January)."""
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}", v):
            return dt.date(int(v), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", v):
            return dt.date(int(v[:4]), int(v[5:]), 1)
        return dt.date.fromisoformat(v)
    except ValueError:
        raise BadParam(name, f"not a date (YYYY-MM-DD): {value[:40]!r}") from None


def parse_int(name: str, value: str, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise BadParam(name, f"not a whole number: {value[:40]!r}") from None
    if not lo <= n <= hi:
        raise BadParam(name, f"must be between {lo} and {hi}, not {n}")
    return n


def parse_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    v = value.strip().lower()
    if v not in choices:
        raise BadParam(name, f"must be one of {', '.join(choices)}, not {value[:40]!r}")
    return v


def parse_code(name: str, value: str) -> str:
    v = value.strip().upper()
    if not _CODE.fullmatch(v):
        raise BadParam(name, f"must be letters and digits (2-24), not {value[:40]!r}")
    return v


def parse_iso3(name: str, value: str) -> str:
    v = value.strip().upper()
    if not _ISO3.fullmatch(v):
        raise BadParam(name, f"must be an ISO3 country code such as IRN, not {value[:40]!r}")
    return v


def parse_filters(params: Mapping[str, str]) -> Filters:
    """The filter in ``params`` (URL query parameters; empty values are ignored). Raises BadParam."""
    get = {k: v for k, v in params.items() if k in FILTER_PARAMS and v is not None and str(v).strip() != ""}
    kw: dict[str, Any] = {}
    if "from" in get:
        kw["start"] = parse_date("from", get["from"])
    if "to" in get:
        kw["end"] = parse_date("to", get["to"])
    if kw.get("start") and kw.get("end") and kw["start"] > kw["end"]:
        raise BadParam("from", "is after 'to'")
    if "actor" in get:
        kw["actor"] = parse_code("actor", get["actor"])
    if "side" in get:
        kw["side"] = parse_choice("side", get["side"], SIDES)
    if "country" in get:
        kw["country"] = parse_iso3("country", get["country"])
    if "cameo" in get:
        v = get["cameo"].strip()
        if not re.fullmatch(r"\d{2,4}", v):
            raise BadParam("cameo", f"must be a CAMEO code or root of 2-4 digits, not {v[:40]!r}")
        kw["cameo"] = v
    if "plover" in get:
        v = get["plover"].strip().upper()
        if v not in PLOVER_QUAD:
            raise BadParam("plover", f"must be a PLOVER type ({', '.join(sorted(PLOVER_QUAD))}), not {v[:40]!r}")
        kw["plover"] = v
    if "quad" in get:
        kw["quad"] = parse_int("quad", get["quad"], 1, 4)
    if "negated" in get:
        kw["negated"] = parse_choice("negated", get["negated"], NEGATED)
    if "modality" in get:
        kw["modality"] = parse_choice("modality", get["modality"], MODALITIES)
    if "min_mentions" in get:
        kw["min_mentions"] = parse_int("min_mentions", get["min_mentions"], 1, 1_000_000)
    if "min_conf" in get:
        kw["min_conf"] = parse_int("min_conf", get["min_conf"], 0, 100)
    if "q" in get:
        v = get["q"].strip()
        if len(v) > MAX_TEXT:
            raise BadParam("q", f"at most {MAX_TEXT} characters")
        kw["q"] = v
    return Filters(**kw)
