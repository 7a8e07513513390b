"""robots.txt, read once per host by each ``Robots`` (one per polling round; a day at most): may we fetch
a URL, and how slowly.

    robots = Robots(fetcher, agent="accord")
    robots.allowed("https://example.com/news/1")   # False if a group for accord (or *) disallows it
    robots.crawl_delay("https://example.com/")     # Crawl-delay for accord, else None

Parsed by protego (Google's and RFC 9309's matching rules, with ``Crawl-delay`` and ``Request-rate``).
What an unreadable robots.txt means follows RFC 9309: a 4xx answer (most often 404) allows
everything; a 5xx answer or no answer at all disallows the whole host until it is read again, by the
next round.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from accord.collect.fetch import Fetcher

TTL = 24 * 3600.0  # seconds a robots.txt read is trusted
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB; more is ignored


@dataclass(frozen=True, slots=True)
class HostRules:
    parser: Protego | None  # None: no rules (allow everything) or, with ``unreachable``, none at all
    unreachable: str | None = None  # why the host is disallowed wholesale
    read_at: float = 0.0


class Robots:
    def __init__(self, fetcher: Fetcher, agent: str = "accord", delay: float = 0.0, ttl: float = TTL) -> None:
        self.fetcher = fetcher
        self.agent = agent
        self.delay = delay
        self.ttl = ttl
        self._rules: dict[str, HostRules] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool:
        rules = self.rules(url)
        if rules.unreachable:
            return False
        return rules.parser is None or rules.parser.can_fetch(url, self.agent)

    def why_not(self, url: str) -> str:
        """The reason ``allowed(url)`` is False, for ``rejects``."""
        rules = self.rules(url)
        return rules.unreachable or f"disallowed for {self.agent} by {_robots_url(url)}"

    def crawl_delay(self, url: str) -> float | None:
        """Seconds between requests the host asks of us (``Crawl-delay``, else ``Request-rate``)."""
        parser = self.rules(url).parser
        if parser is None:
            return None
        delay = parser.crawl_delay(self.agent)
        if delay is not None:
            return float(delay)
        rate = parser.request_rate(self.agent)
        if rate is not None and rate.requests:
            return float(rate.seconds) / float(rate.requests)
        return None

    def rules(self, url: str) -> HostRules:
        key = _origin(url)
        with self._lock:
            lock = self._host_locks.setdefault(key, threading.Lock())
        with lock:  # one read per host, however many threads ask at once
            cached = self._rules.get(key)
            if cached is not None and (cached.unreachable or time.monotonic() - cached.read_at < self.ttl):
                return cached  # a failing host is not asked again by this object (a round)
            rules = self._read(url)
            self._rules[key] = rules
            return rules

    def _read(self, url: str) -> HostRules:
        got = self.fetcher.get(_robots_url(url), delay=self.delay)
        now = time.monotonic()
        if got.ok and 200 <= got.status < 300:
            text = got.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            return HostRules(Protego.parse(text), read_at=now)
        if 400 <= got.status < 500 and got.status != 429:
            return HostRules(None, read_at=now)
        why = got.detail or got.reason or f"HTTP {got.status}"
        return HostRules(None, unreachable=f"robots.txt unreadable ({why}): the host is not crawled", read_at=now)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _robots_url(url: str) -> str:
    return _origin(url) + "/robots.txt"
