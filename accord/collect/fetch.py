"""Polite HTTP: one GET with a time and size limit, retries with backoff, and per-host rate and
concurrency limits shared by every thread that fetches.

    fetcher = Fetcher(FetchOptions(user_agent="accord/0.1 (+mailto:me@example.org)"))
    got = fetcher.get("https://example.com/news/1", delay=1.0)   # delay: seconds between hits on the host
    got.ok, got.status, got.body, got.reason                     # reason: "timeout", "http 404", ...

A failure is a value (``Fetched.reason`` set), never an exception. Retried, with exponential backoff:
timeouts, connection failures, 5xx, 408 and 429; a ``Retry-After`` header (seconds or an HTTP date)
sets the wait instead, and a wait longer than ``max_retry_after`` gives up for this round ("rate
limited") rather than blocking the collector. Every wait on a host holds back the other threads that
want the same host too.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import httpx

from accord.collect.urls import host_of


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str
    timeout: float = 20.0  # seconds for the whole response (connect, headers and body)
    max_bytes: int = 5_000_000  # a larger body is abandoned ("too large")
    retries: int = 2  # further attempts after a transient failure
    backoff: float = 2.0  # seconds before the first retry; doubled each time
    max_retry_after: float = 120.0  # a longer Retry-After is not waited for this round
    max_redirects: int = 5
    per_host: int = 1  # requests in flight to one host at once
    trust_env: bool = True  # proxies from HTTP(S)_PROXY / NO_PROXY


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of one GET (after its retries)."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int = 0  # 0: no HTTP answer (timeout, connection failure, ...)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    reason: str | None = None  # short, for counting: "timeout", "http 503", "too large", "redirect loop"
    detail: str | None = None  # the longer story, for ``rejects``
    transient: bool = False  # worth trying again later
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.reason is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostGate:
    """Per-host concurrency (a semaphore each) and spacing (the earliest time of the next request)."""

    def __init__(self, per_host: int, stop: threading.Event) -> None:
        self.per_host = per_host
        self.stop = stop
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[bool]:
        """Wait for a free slot on ``host`` and for its spacing; yields False if stopped meanwhile."""
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        while not sem.acquire(timeout=0.1):
            if self.stop.is_set():
                yield False
                return
        try:
            while True:
                if self.stop.is_set():  # stopped while this request waited for its turn
                    yield False
                    return
                with self._lock:
                    wait = self._next.get(host, 0.0) - time.monotonic()
                    if wait <= 0:
                        self._next[host] = time.monotonic() + delay
                        break
                self.stop.wait(min(wait, 0.5))
            yield True
        finally:
            sem.release()

    def held_for(self, host: str) -> float:
        """Seconds until ``host`` may be asked again."""
        with self._lock:
            return max(0.0, self._next.get(host, 0.0) - time.monotonic())

    def hold(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` from now (a 429, a backoff)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)


class Fetcher:
    """GETs through one httpx client (thread-safe) and one :class:`HostGate`."""

    def __init__(self, options: FetchOptions, stop: threading.Event | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options
        self.stop = stop or threading.Event()
        self.gate = HostGate(options.per_host, self.stop)
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent}, follow_redirects=True,
            max_redirects=options.max_redirects, timeout=httpx.Timeout(options.timeout),
            trust_env=options.trust_env, transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None, delay: float = 0.0) -> Fetched:
        """GET ``url`` politely (``delay`` seconds after the previous request to its host), retrying
        transient failures; never raises."""
        host = host_of(url)
        o = self.options
        held = self.gate.held_for(host)
        if held > o.max_retry_after:  # the host asked us (Retry-After) to come back much later
            return Fetched(url, url, reason="rate limited", transient=True, attempts=0,
                           detail=f"the host asked for a pause of {held:.0f} s more")
        got = Fetched(url, url, reason="stopped", transient=True, attempts=0)
        for attempt in range(1, o.retries + 2):
            with self.gate.slot(host, delay) as allowed:
                if not allowed:
                    return _with(got, attempts=attempt - 1, reason="stopped", transient=True)
                got = _with(self._once(url, headers or {}), attempts=attempt)
            if not got.transient or attempt > o.retries:
                return got
            wait = retry_after(got.headers.get("retry-after")) if got.status in (429, 503) else None
            if wait is None:
                wait = o.backoff * 2 ** (attempt - 1)
            elif wait > o.max_retry_after:
                self.gate.hold(host, wait)
                return _with(got, reason="rate limited",
                             detail=f"HTTP {got.status} with Retry-After {wait:g} s (longer than {o.max_retry_after:g} s)")
            self.gate.hold(host, wait)
        return got

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        o = self.options
        deadline = time.monotonic() + o.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                final, status = str(r.url), r.status_code
                head = {k.lower(): v for k, v in r.headers.items()}
                length = head.get("content-length", "")
                if length.isdigit() and int(length) > o.max_bytes:
                    return Fetched(url, final, status, head, reason="too large",
                                   detail=f"Content-Length {int(length):,} bytes (limit {o.max_bytes:,})")
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > o.max_bytes:
                        return Fetched(url, final, status, head, reason="too large",
                                       detail=f"more than {o.max_bytes:,} bytes")
                    if time.monotonic() > deadline:
                        return Fetched(url, final, status, head, reason="timeout", transient=True,
                                       detail=f"the body took longer than {o.timeout:g} s")
        except httpx.TooManyRedirects as exc:
            return Fetched(url, url, reason="redirect loop", detail=f"more than {o.max_redirects} redirects: {exc}")
        except httpx.TimeoutException as exc:
            return Fetched(url, url, reason="timeout", transient=True,
                           detail=f"no answer within {o.timeout:g} s ({exc.__class__.__name__})")
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            return Fetched(url, url, reason="bad url", detail=str(exc))
        except httpx.HTTPError as exc:  # connection refused or reset, DNS, a broken response
            return Fetched(url, url, reason="connection", transient=True, detail=f"{exc.__class__.__name__}: {exc}")
        return _by_status(Fetched(url, final, status, head, bytes(body)))


def _by_status(got: Fetched) -> Fetched:
    s = got.status
    if 200 <= s < 300 or s == 304:
        return got
    transient = s >= 500 or s in (408, 429)
    return _with(got, reason=f"http {s}", detail=f"HTTP {s} from {got.final_url}", transient=transient)


def _with(got: Fetched, **changes: object) -> Fetched:
    return replace(got, **changes)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
