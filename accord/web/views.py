"""The HTML pages: each renders its ``api`` twin's data with a Jinja template (autoescaped).

Pages read well without JavaScript: every chart has a table of the same numbers beside it, and the
filter bar is a plain GET form, so all state is in the URL.
"""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from accord.ontology import QUAD_NAMES, cameo_table
from accord.web import api
from accord.web import feedback as fb
from accord.web import queries as Q
from accord.web.filters import MODALITIES, NEGATED, SIDES, BadParam, Filters, parse_filters, parse_int
from accord.web.highlight import Span, find, segments
from accord.web.owner import ReadOnlyStore
from accord.web.stream import FORMATS, stream

NAV = [("/", "Overview"), ("/events", "Events"), ("/map", "Map"), ("/network", "Network"), ("/dyad", "Dyad"),
       ("/sources", "Sources"), ("/api", "API")]


def environment() -> Environment:
    folder = resources.files("accord.web").joinpath("templates")
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(NAV=NAV, QUAD_NAMES=QUAD_NAMES, SIDES=SIDES, NEGATED=NEGATED, MODALITIES=MODALITIES,
                       FORMATS=FORMATS, cameo_name=cameo_name, facet_query=facet_query)
    env.filters["num"] = lambda v: "" if v is None else f"{v:,}" if isinstance(v, int) else v
    env.filters["urlpart"] = lambda v: quote(str(v), safe="")
    return env


FACET_PARAMS = {"cameo_root": ("cameo", None), "plover": ("plover", None), "quad": ("quad", None),
                "source": ("actor", "source"), "target": ("actor", "target"), "modality": ("modality", None)}


def facet_query(f: Filters, facet: str, value: str) -> str:
    """The query string of ``f`` narrowed to one facet value (source/target facets set the side)."""
    key, side = FACET_PARAMS[facet]
    return f.query(**{key: value, **({"side": side} if side else {})})


def cameo_name(code: str | None) -> str:
    if not code:
        return ""
    entry = cameo_table().get(code)
    return entry.name if entry else ""


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    try:
        f = parse_filters(request.query_params)
    except BadParam:
        f = parse_filters({})
    html = env.get_template(template).render(request=request, path=request.url.path, f=f,
                                             read_only=request.app.state.owner.read_only, **context)
    return HTMLResponse(html, status_code=status)


def page(name: str, template: str):
    data_fn = api.PAGES[name]

    async def endpoint(request: Request) -> Response:
        return render(request, template, d=await data_fn(request))

    endpoint.__name__ = f"page_{name}"
    return endpoint


# --------------------------------------------------------------------------------- pages with extras


async def event_page(request: Request) -> Response:
    d = await api.event_data(request)
    ev = d["data"]["event"]
    target = request.url.path
    return render(request, "event.html", d=d, ev=ev, sentence=sentence_segments(ev),
                  csrf=request.app.state.csrf.issue(target), saved=request.query_params.get("saved"))


def sentence_segments(ev: dict[str, Any]) -> list[Any]:
    """The event's sentence with its evidence, trigger, source and target marked."""
    sentence = ev.get("sentence") or ""
    base = ev.get("sentence_start") or 0
    spans: list[Span] = []
    if ev.get("span_start") is not None and ev.get("span_end") is not None:
        spans.append(Span(ev["span_start"] - base, ev["span_end"] - base, "event", "evidence"))
    spans += find(sentence, ev.get("source_name"), "source", f"source {ev.get('source_code') or ''}")
    spans += find(sentence, ev.get("target_name"), "target", f"target {ev.get('target_code') or ''}")
    spans += find(sentence, ev.get("trigger"), "trigger", f"trigger → {ev.get('cameo')}")
    return segments(sentence, spans)


async def happening_page(request: Request) -> Response:
    d = await api.happening_data(request)
    first = d["data"]["first"]
    return render(request, "happening.html", d=d, sentence=sentence_segments(first) if first else [])


async def article_page(request: Request) -> Response:
    d = await api.article_data(request)
    a = d["data"]["article"]
    spans = [Span(e["span_start"], e["span_end"], "event", f"{e['cameo']} {cameo_name(e['cameo'])}",
                  f"/event/{quote(a['id'], safe='')}/{e['idx']}")
             for e in d["rows"] if e.get("span_start") is not None and e.get("span_end") is not None]
    spans += [Span(q["span_start"], q["span_end"], "quote", f"quote: {q['speaker_name'] or '?'}")
              for q in a["quotes"] if q.get("span_start") is not None]
    spans += [Span(m["span_start"], m["span_end"], "amount", f"amount: {m['about'] or m['kind'] or ''}")
              for m in a["amounts"] if m.get("span_start") is not None]
    spans += [Span(p["span_start"], p["span_end"], "place", f"place: {p['name']} {p['country'] or ''}")
              for p in a["places"] if p.get("span_start") is not None]
    return render(request, "article.html", d=d, a=a, text=segments(a.get("text") or "", spans))


FORM_BYTES = 20_000


async def read_capped(request: Request, cap: int) -> bytes:
    """The request body, refused (BadParam → 400) past ``cap`` bytes without reading the rest."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise BadParam("form", f"larger than {cap:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def feedback_post(request: Request) -> Response:
    """The "this coding is wrong" form: CSRF-checked, validated, stored through the writer."""
    owner = request.app.state.owner
    article_id = request.path_params["article"]
    idx = parse_int("idx", request.path_params["idx"], 0, 10**6)
    body = (await read_capped(request, FORM_BYTES)).decode("utf-8", errors="replace")
    form = dict(parse_qsl(body, keep_blank_values=True))
    target = f"/event/{quote(article_id, safe='')}/{idx}"
    if not request.app.state.csrf.check(request.url.path.removesuffix("/feedback"), form.get("csrf", "")):
        return render(request, "error.html", status=403, status_code=403,
                      message="The form has expired or did not come from this server; reload the page and try again.")
    ev = await owner.read(lambda cur: Q.event(cur, article_id, idx))
    if ev is None:
        raise api.NotFound(f"no event {idx} in article {article_id!r}")
    correction = fb.parse_correction(form, ev)
    if owner.read_only:
        raise ReadOnlyStore("this server reads a snapshot of a store another process writes; it cannot store feedback")
    await owner.write(lambda store: fb.record(store, correction))
    return RedirectResponse(f"{target}?saved=1", status_code=303)


async def export_download(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        raise BadParam("format", f"must be one of {', '.join(FORMATS)}")
    f = parse_filters(request.query_params)
    media, suffix = FORMATS[fmt]
    return StreamingResponse(stream(request.app.state.owner, fmt, f), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="accord-events-{fmt}.{suffix}"'})


async def dyad_page(request: Request) -> Response:
    if not request.query_params.get("a") or not request.query_params.get("b"):
        return render(request, "dyad_pick.html")
    return render(request, "dyad.html", d=await api.dyad_data(request))


async def api_page(request: Request) -> Response:
    from accord.web.openapi import spec

    return render(request, "api.html", spec=spec())
