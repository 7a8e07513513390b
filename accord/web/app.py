"""The Starlette application: routes, security headers, the token check and clean errors.

    app = create_app(owner, token=None)          # owner: accord.web.owner.StoreOwner
    uvicorn.run(app, host="127.0.0.1", port=8000)

Every response carries ``Content-Security-Policy: default-src 'self'`` (no page can load anything from
elsewhere; all assets are package data). With a ``token`` every request must carry it (``?token=``
once, then a cookie, or ``Authorization: Bearer``). Errors are 4xx with a message, JSON under
``/api/`` and a page elsewhere; only a bug is a 500.
"""

from __future__ import annotations

import hmac
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.web import api, views
from accord.web.feedback import Csrf
from accord.web.filters import BadParam
from accord.web.openapi import spec
from accord.web.owner import QueryTimeout, ReadOnlyStore, StoreOwner

CSP = "default-src 'self'"
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
TOKEN_COOKIE = "accord_token"


class Guard:
    """ASGI middleware: security headers on every response; the token when one is set."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    def _same(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "replace"), (self.token or "").encode())

    def _authorised(self, request: Request) -> tuple[bool, bool]:
        """(allowed, came in the URL: set the cookie)."""
        if self.token is None:
            return True, False
        given = request.query_params.get("token")
        if given is not None and self._same(given):
            return True, True
        auth = request.headers.get("authorization", "")
        if auth.startswith("Bearer ") and self._same(auth[7:]):
            return True, False
        return self._same(request.cookies.get(TOKEN_COOKIE, "")), False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        allowed, set_cookie = self._authorised(Request(scope))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + HEADERS
                if set_cookie:
                    headers.append((b"set-cookie", f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict".encode()))
                message["headers"] = headers
            await send(message)

        if not allowed:
            response = JSONResponse({"ok": False, "error": "this server needs its token: add ?token=... to the URL"},
                                    status_code=401)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"ok": False, "error": message}, status_code=status)
    return views.render(request, "error.html", status=status, status_code=status, message=message)


async def _bad_param(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc) or "nothing here")


async def _timeout(request: Request, exc: Exception) -> Response:
    return _error(request, 503, f"{exc}; narrow the filter (dates, actor, country) and try again")


async def _read_only(request: Request, exc: Exception) -> Response:
    return _error(request, 409, str(exc))


async def _http(request: Request, exc: Any) -> Response:
    return _error(request, exc.status_code, exc.detail or "error")


async def _openapi(request: Request) -> Response:
    return JSONResponse(spec())


async def _health(request: Request) -> Response:
    owner: StoreOwner = request.app.state.owner
    writer = owner.writer
    return JSONResponse({"ok": True, "store": str(owner.path), "read_only": owner.read_only,
                         "writer_error": writer.last_error if writer else None,
                         "collect_polls": writer.polls if writer else 0})


def routes() -> list[Any]:
    static = StaticFiles(directory=str(resources.files("accord.web").joinpath("static")))
    out: list[Any] = [
        Route("/", views.page("overview", "overview.html")),
        Route("/events", views.page("events", "events.html")),
        Route("/event/{article:str}/{idx:str}", views.event_page),
        Route("/event/{article:str}/{idx:str}/feedback", views.feedback_post, methods=["POST"]),
        Route("/happening/{id:str}", views.happening_page),
        Route("/article/{id:str}", views.article_page),
        Route("/dyad", views.dyad_page),
        Route("/actor/{code:str}", views.page("actor", "profile.html")),
        Route("/country/{iso3:str}", views.page("country", "profile.html")),
        Route("/map", views.page("map", "map.html")),
        Route("/network", views.page("network", "network.html")),
        Route("/sources", views.page("sources", "sources.html")),
        Route("/feedback", views.page("feedback", "feedback.html")),
        Route("/export/{fmt:str}", views.export_download),
        Route("/api", views.api_page),
        Route("/openapi.json", _openapi),
        Route("/health", _health),
        Mount("/static", app=static, name="static"),
    ]
    for name in api.PAGES:
        path = {"event": "/api/event/{article:str}/{idx:str}", "happening": "/api/happening/{id:str}",
                "article": "/api/article/{id:str}", "actor": "/api/actor/{code:str}",
                "country": "/api/country/{iso3:str}"}.get(name, f"/api/{name}")
        out.append(Route(path, api.json_endpoint(name)))
    return out


def create_app(owner: StoreOwner, *, token: str | None = None, csrf: Csrf | None = None) -> ASGIApp:
    """The dashboard over ``owner``; ``token`` makes every request prove it knows it."""
    from starlette.exceptions import HTTPException

    app = Starlette(routes=routes(), exception_handlers={
        BadParam: _bad_param, api.NotFound: _not_found, QueryTimeout: _timeout, ReadOnlyStore: _read_only,
        HTTPException: _http,
    })
    app.state.owner = owner
    app.state.csrf = csrf or Csrf()
    app.state.templates = views.environment()
    return Guard(app, token)
