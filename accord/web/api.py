"""The JSON API: one endpoint per page, the page's parameters, ``{ok, rows, next, truncated, query_ms}``.

Each ``*_data`` function gathers what a page shows (the HTML views render the same dicts), so a page
and its JSON twin cannot drift apart. ``rows`` is the page's main list; composite pages put their other
parts in ``data``. Errors are ``{ok: false, error}`` with a 4xx status (503 when a query timed out).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from accord.web import queries as Q
from accord.web.filters import BadParam, Filters, parse_code, parse_filters, parse_int, parse_iso3
from accord.web.owner import QueryTimeout, StoreOwner

FACET_SECONDS = 1.0  # each facet count gets this long, then says it timed out


def owner_of(request: Request) -> StoreOwner:
    return request.app.state.owner


def filters_of(request: Request) -> Filters:
    return parse_filters(request.query_params)


def cache_key(request: Request, name: str) -> tuple:
    return (name, tuple(sorted(request.path_params.items())), tuple(sorted(request.query_params.multi_items())))


def envelope(rows: list[Any], *, next: str | None = None, truncated: bool = False, started: float,
             **extra: Any) -> dict[str, Any]:
    return {"ok": True, "rows": rows, "next": next, "truncated": truncated,
            "query_ms": round((time.perf_counter() - started) * 1000, 1), **extra}


# ------------------------------------------------------------------------------------------ pages' data


def overview_parts(f: Filters) -> dict[str, Callable[[Any], Any]]:
    """The overview's queries; each runs on its own reader thread, cached on its own."""
    return {"counts": Q.store_counts, "matching": lambda cur: Q.count_events(cur, f),
            "timeline": lambda cur: Q.timeline(cur, f), "dyads": lambda cur: Q.top_dyads(cur, f),
            "actors": lambda cur: Q.top_actors(cur, f), "countries": lambda cur: Q.countries(cur, f),
            "surges": lambda cur: Q.surges(cur, f), "latest": lambda cur: Q.latest(cur, f)}


# what a part that timed out shows: the rest of the page still answers
EMPTY_PARTS: dict[str, Any] = {"counts": {}, "matching": {}, "timeline": {"unit": "month", "periods": [], "outside": 0},
                               "dyads": [], "actors": [], "countries": [], "surges": [], "latest": []}


async def overview(owner: StoreOwner, key: tuple, f: Filters, limit: float | None = None) -> dict[str, Any]:
    """The overview's parts; a part past the time limit is left empty and named in ``timed_out``."""
    parts = overview_parts(f)
    got = await asyncio.gather(*(owner.cached_read((key, name), fn, limit=limit) for name, fn in parts.items()),
                               return_exceptions=True)
    out: dict[str, Any] = {"timed_out": []}
    for name, res in zip(parts, got, strict=True):
        if isinstance(res, QueryTimeout):
            out[name] = EMPTY_PARTS[name]
            out["timed_out"].append(name)
        elif isinstance(res, BaseException):
            raise res
        else:
            out[name] = res
    out["approximate"] = await owner.read(lambda cur: Q.overview_approximate(cur, f))
    return out


WARM_SECONDS = 600.0


def warm(owner: StoreOwner) -> None:
    """Fill the cache with the unfiltered overview (the first page anyone opens), on the reader threads,
    with a long time limit: on a very large store the first visitor then finds it ready."""
    asyncio.run(overview(owner, ("overview", (), ()), Filters(), limit=WARM_SECONDS))


async def overview_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    data = await overview(owner, cache_key(request, "overview"), f)
    return envelope(data.pop("latest"), started=t0, filter=f.to_dict(), data=data)


async def events_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    qp = request.query_params
    after = Q.Cursor.decode(qp["after"]) if qp.get("after") else None
    limit = parse_int("limit", qp["limit"], 1, Q.MAX_PAGE) if qp.get("limit") else Q.PAGE
    page, nxt = await owner.cached_read(("events", f, after, limit), lambda cur: Q.events_page(cur, f, after, limit))
    matching = await owner.cached_read(("count", f), lambda cur: Q.count_events(cur, f))
    facets: dict[str, Any] = {}
    if qp.get("facets", "1") != "0":
        names = list(Q.FACETS)
        got = await asyncio.gather(*(owner.cached_read(("facet", n, f), lambda cur, n=n: Q.facet(cur, f, n),
                                                       limit=FACET_SECONDS) for n in names), return_exceptions=True)
        for name, res in zip(names, got, strict=True):
            if isinstance(res, QueryTimeout):
                facets[name] = {"rows": [], "timed_out": True}
            elif isinstance(res, BaseException):
                raise res
            else:
                facets[name] = {"rows": res, "timed_out": False}
    return envelope(page, next=nxt, truncated=nxt is not None, started=t0, filter=f.to_dict(),
                    data={"matching": matching, "facets": facets})


async def event_data(request: Request) -> dict[str, Any]:
    owner, t0 = owner_of(request), time.perf_counter()
    article_id = request.path_params["article"]
    idx = parse_int("idx", request.path_params["idx"], 0, 10**6)

    def read(cur: Any) -> dict[str, Any] | None:
        ev = Q.event(cur, article_id, idx)
        if ev is None:
            return None
        return {"event": ev, "mentions": Q.mentions(cur, ev),
                "feedback": Q.rows(cur, "SELECT verdict, cameo, source_code, target_code, note, created_at"
                                        " FROM feedback WHERE article_id = ? AND idx = ? ORDER BY created_at",
                                   [article_id, idx]) if Q.has_table(cur, "feedback") else []}

    data = await owner.read(read)
    if data is None:
        raise NotFound(f"no event {idx} in article {article_id!r}")
    return envelope(data.pop("mentions"), started=t0, data=data)


async def happening_data(request: Request) -> dict[str, Any]:
    owner, t0 = owner_of(request), time.perf_counter()
    hid = Q.parse_happening_id(request.path_params["id"])

    def read(cur: Any) -> dict[str, Any] | None:
        h = Q.happening(cur, hid)
        if h is None:
            return None
        return {"happening": h, "first": Q.event(cur, h["first_article_id"], h["first_idx"]),
                "mentions": Q.mentions(cur, h)}

    data = await owner.read(read)
    if data is None:
        raise NotFound(f"no happening {hid}")
    return envelope(data.pop("mentions"), started=t0, data=data)


async def article_data(request: Request) -> dict[str, Any]:
    owner, t0 = owner_of(request), time.perf_counter()
    article_id = request.path_params["id"]
    a = await owner.read(lambda cur: Q.article(cur, article_id))
    if a is None:
        raise NotFound(f"no article {article_id!r}")
    return envelope(a.pop("events"), started=t0, data={"article": a})


async def dyad_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    qp = request.query_params
    if not qp.get("a") or not qp.get("b"):
        raise BadParam("a", "give both actors: /dyad?a=IRN&b=IRQ")
    a, b = parse_code("a", qp["a"]), parse_code("b", qp["b"])
    # one read: the dyad's rows are scanned once and every part computed over them (Q.dyad)
    data = dict(await owner.cached_read(cache_key(request, "dyad"), lambda cur: Q.dyad(cur, f, a, b)))
    return envelope(data.pop("events"), started=t0, filter=f.to_dict(), data=data)


async def actor_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    code = parse_code("code", request.path_params["code"])
    data = dict(await owner.cached_read(cache_key(request, "actor"), lambda cur: Q.actor_profile(cur, f, code)))
    return envelope(data.pop("events"), started=t0, filter=f.to_dict(), data=data)


async def country_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    iso3 = parse_iso3("iso3", request.path_params["iso3"])
    data = dict(await owner.cached_read(cache_key(request, "country"),
                                        lambda cur: Q.actor_profile(cur, f, iso3, country=True)))
    return envelope(data.pop("events"), started=t0, filter=f.to_dict(), data=data)


async def map_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    limit = 5000
    pts, countries = await owner.cached_read(cache_key(request, "map"),
                                             lambda cur: (Q.points(cur, f, limit + 1), Q.countries(cur, f)))
    return envelope(pts[:limit], truncated=len(pts) > limit, started=t0, filter=f.to_dict(),
                    data={"countries": countries})


async def network_data(request: Request) -> dict[str, Any]:
    f, owner, t0 = filters_of(request), owner_of(request), time.perf_counter()
    limit = 150
    g = await owner.cached_read(cache_key(request, "network"), lambda cur: Q.network(cur, f, limit))
    return envelope(g["edges"], truncated=len(g["edges"]) >= limit, started=t0, filter=f.to_dict(),
                    data={"nodes": g["nodes"]})


async def sources_data(request: Request) -> dict[str, Any]:
    owner, t0 = owner_of(request), time.perf_counter()
    s = await owner.read(Q.sources)
    return envelope(s["rows"], started=t0, data={"available": s["available"], "columns": s["columns"]})


async def feedback_data(request: Request) -> dict[str, Any]:
    owner, t0 = owner_of(request), time.perf_counter()

    def read(cur: Any) -> list[dict[str, Any]]:
        if not Q.has_table(cur, "feedback"):
            return []
        return Q.rows(cur, "SELECT * FROM feedback ORDER BY created_at DESC LIMIT 500")

    return envelope(await owner.read(read), started=t0)


class NotFound(LookupError):
    """Nothing at this address: a 404 with this message."""


PAGES: dict[str, Callable[[Request], Awaitable[dict[str, Any]]]] = {
    "overview": overview_data, "events": events_data, "event": event_data, "happening": happening_data,
    "article": article_data, "dyad": dyad_data, "actor": actor_data, "country": country_data, "map": map_data,
    "network": network_data, "sources": sources_data, "feedback": feedback_data,
}


def json_endpoint(name: str) -> Callable[[Request], Awaitable[Response]]:
    page = PAGES[name]

    async def endpoint(request: Request) -> Response:
        return JSONResponse(await page(request))

    endpoint.__name__ = f"api_{name}"
    return endpoint
