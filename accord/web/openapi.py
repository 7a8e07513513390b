"""The OpenAPI 3.1 description of the JSON API (served at ``/openapi.json``, shown at ``/api``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from accord import __version__
from accord.web.filters import MAX_TEXT, MODALITIES, NEGATED, PLOVER_QUAD, SIDES

# The schemas say what the server accepts, no more: a request valid by them is never a 400.
CODE = {"type": "string", "pattern": "^[A-Za-z0-9]{2,24}$"}
ISO3 = {"type": "string", "pattern": "^[A-Za-z]{3}$"}
DAY = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
FILTER = [
    ("from", DAY, "first day (YYYY-MM-DD; YYYY-MM and YYYY are read as their first day too)"),
    ("to", DAY, "last day"),
    ("actor", CODE, "ISO3 country, organisation acronym or actor-code prefix (IRN, SCO, RUSGOV)"),
    ("side", SIDES, "where the actor must be: source, target or either"),
    ("country", ISO3, "ISO3: the source's, the target's or the place's country"),
    ("cameo", {"type": "string", "pattern": "^[0-9]{2,4}$"}, "CAMEO code or root prefix, 2-4 digits (19 = all fighting)"),
    ("plover", tuple(sorted(PLOVER_QUAD)), "PLOVER event type (AGREE, ASSAULT, ...)"),
    ("quad", {"type": "integer", "minimum": 1, "maximum": 4}, "QuadClass 1-4"),
    ("negated", NEGATED, "negated mentions: exclude (default), include, only"),
    ("modality", MODALITIES, "asserted, reported, intent, ..."),
    ("min_mentions", {"type": "integer", "minimum": 1, "maximum": 1_000_000},
     "corroboration: mentions of the happening across articles, at least"),
    ("min_conf", {"type": "integer", "minimum": 0, "maximum": 100},
     "confidence at least, in percent (0-100): the coder's calibrated precision of the event's rule"),
    ("q", {"type": "string", "maxLength": MAX_TEXT}, "words in the sentence (at most 200 characters)"),
]
ENDPOINTS = [  # path, summary, path parameters, extra query parameters, uses the filter
    ("/api/overview", "Store counts, timeline by quad class, top dyads and actors, countries, surges; rows: latest events",
     [], [], True),
    ("/api/events", "A page of event mentions (keyset pagination: pass `next` as `after`), facet counts",
     [], [("after", "string", "page token"), ("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "rows per page, 1-500"),
          ("facets", ("0", "1"), "0 to skip the facet counts")], True),
    ("/api/event/{article}/{idx}", "One coded event with its sentence and rule; rows: every mention of its happening",
     [("article", "string"), ("idx", {"type": "integer", "minimum": 0, "maximum": 1_000_000})], [], False),
    ("/api/happening/{id}", "One happening (GDELT's NumMentions, NumSources, NumArticles); rows: its mentions",
     [("id", {"type": "string", "pattern": "^[0-9]{1,18}$"})], [], False),
    ("/api/article/{id}", "An article's text, quotes, amounts, places and duplicates; rows: its events",
     [("id", "string")], [], False),
    ("/api/dyad", "Both directions of a dyad by period and quad class, CAMEO roots over time; rows: events",
     [], [("a", CODE, "first actor"), ("b", CODE, "second actor")], True),
    ("/api/actor/{code}", "An actor's partners, event types, quotes and places; rows: events",
     [("code", CODE)], [], True),
    ("/api/country/{iso3}", "A country's partners, event types, quotes and places; rows: events",
     [("iso3", ISO3)], [], True),
    ("/api/map", "Located events (rows) and events per country", [], [], True),
    ("/api/network", "The actor graph: rows are edges, data.nodes the actors", [], [], True),
    ("/api/sources", "The collector's feeds table, when it exists", [], [], False),
    ("/api/feedback", "Corrections stored from the 'this coding is wrong' form", [], [], False),
]
ENVELOPE = {
    "type": "object",
    "required": ["ok", "rows", "next", "truncated", "query_ms"],
    "properties": {
        "ok": {"type": "boolean"},
        "rows": {"type": "array", "items": {"type": "object"}},
        "next": {"type": ["string", "null"], "description": "token of the next page (pass as `after`)"},
        "truncated": {"type": "boolean", "description": "more rows matched than were returned"},
        "query_ms": {"type": "number"},
        "filter": {"type": "object"},
        "data": {"type": "object", "description": "the page's other parts"},
    },
}
ERROR = {"type": "object", "required": ["ok", "error"],
         "properties": {"ok": {"const": False}, "error": {"type": "string"}}}


def _param(name: str, kind: Any, where: str, text: str = "") -> dict[str, Any]:
    if isinstance(kind, dict):
        schema: dict[str, Any] = dict(kind)
    elif isinstance(kind, tuple):
        schema = {"type": "string", "enum": list(kind)}
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": kind}
    return {"name": name, "in": where, "required": where == "path", "description": text, "schema": schema}


@cache
def spec() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, summary, path_params, extra, filtered in ENDPOINTS:
        params = [_param(n, k, "path") for n, k in path_params]
        params += [_param(n, k, "query", t) for n, k, t in extra]
        if filtered:
            params += [_param(n, k, "query", t) for n, k, t in FILTER]
        if path == "/api/dyad":  # a dyad needs both its actors
            for p in params:
                p["required"] = p["required"] or p["name"] in ("a", "b")
        paths[path] = {"get": {
            "summary": summary, "parameters": params,
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Envelope"}}}},
                "400": {"description": "a bad parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "404": {"description": "not found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "503": {"description": "the query timed out", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            }}}
    paths["/export/{format}"] = {"get": {
        "summary": "The events of the filter as a download: csv, jsonl, gdelt (GDELT 2.0 events TSV), polecat (PLOVER JSONL)",
        "parameters": [_param("format", ("csv", "jsonl", "gdelt", "polecat"), "path")]
        + [_param(n, k, "query", t) for n, k, t in FILTER],
        # a download is a link the events page offers: a bad parameter is answered with a page, as browsers want
        "responses": {"200": {"description": "the file, streamed"},
                      "400": {"description": "a bad parameter: an HTML page that says which",
                              "content": {"text/html": {"schema": {"type": "string"}}}}}}}
    return {"openapi": "3.1.0",
            "info": {"title": "accord", "version": __version__,
                     "description": "Political event data from news: the JSON twin of every dashboard page."},
            "paths": paths, "components": {"schemas": {"Envelope": ENVELOPE, "Error": ERROR}}}
