"""A small web site on 127.0.0.1 for the collect tests (feeds and pages we write ourselves), and the tests
of the site itself. Nothing here reaches any other address."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

HTML = "text/html; charset=utf-8"


@dataclass
class Resp:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    ctype: str = HTML


Route = Resp | list[Resp] | Callable[[dict[str, str]], Resp]


class Site:
    """``site.add("/feed.xml", Resp(body=...))``; a list of responses is served in turn (the last one
    again and again); a callable gets the request headers. ``site.hits[path]`` counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.times: list[tuple[str, float]] = []  # (path, time.monotonic()) of every request
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 — http.server's name
                site._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a client that hung up: not our problem
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> Site:
        self.routes[path] = route
        return self

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        headers = {k.lower(): v for k, v in h.headers.items()}
        with self.lock:
            self.hits[h.path] += 1
            self.requests.append((h.path, headers))
            self.times.append((h.path, time.monotonic()))
            route = self.routes.get(h.path, self.routes.get(h.path.split("?")[0]))
            if isinstance(route, list):
                resp = route.pop(0) if len(route) > 1 else route[0]
            elif callable(route):
                resp = route(headers)
            else:
                resp = route or Resp(404, "not here", ctype="text/plain")
        if resp.delay:
            time.sleep(resp.delay)
        body = resp.body.encode() if isinstance(resp.body, str) else resp.body
        try:
            h.send_response(resp.status)
            h.send_header("Content-Type", resp.ctype)
            if "content-length" not in {k.lower() for k in resp.headers}:
                h.send_header("Content-Length", str(len(body)))
            for k, v in resp.headers.items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        except OSError:
            pass


def article_html(title: str, body: str, date: str | None = "2024-05-03", canonical: str | None = None,
                 nav: str = "Home | World | Business | Sport") -> str:
    """A news page as outlets publish them: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if date else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}{link}</head><body>"
            f"<nav>{nav}</nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")


def rss(items: list[tuple[str, str, str]], title: str = "Example News") -> str:
    """RSS 2.0 with ``(link, title, pubDate)`` items."""
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for u, t, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


def test_site_serves_routes_in_turn_and_counts_hits():
    site = Site().add("/a", [Resp(500), Resp(body="ok")])
    try:
        codes = []
        for _ in range(3):
            try:
                with urlopen(site.url("/a"), timeout=5) as r:  # noqa: S310 — 127.0.0.1 only
                    codes.append(r.status)
            except Exception as exc:  # urllib raises on 500
                codes.append(getattr(exc, "code", 0))
        assert codes == [500, 200, 200] and site.hits["/a"] == 3
    finally:
        site.close()
