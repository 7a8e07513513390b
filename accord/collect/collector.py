"""One polling round: fetch the feeds that are due, put their new items in the frontier, fetch the
pending pages, and code and store them exactly as ``accord ingest`` does.

Threads fetch (and parse and extract, which are pure); the calling thread is the only one that touches
the store. It writes articles with ``Store.write_batch`` (whole articles per transaction, the same dedup
and rejects as ingest), then records what became of each URL in ``frontier``. A crash between the two
is repaired by the next round, which finds the URL's article already stored and marks it without
fetching it again. Stopping (the ``stop`` event) lets the requests in flight finish, codes and stores
what was fetched, and leaves the rest ``pending`` for the next run.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from accord import __version__
from accord.collect import state as st
from accord.collect.extract import Page, extract_page
from accord.collect.feeds import FeedError, FeedItem, ParsedFeed, gunzip, parse_feed, sniff
from accord.collect.fetch import Fetched, Fetcher, FetchOptions
from accord.collect.robots import Robots
from accord.collect.sources import Source, read_sources
from accord.collect.urls import host_of, normalise, same_site
from accord.ingest import code_many
from accord.pipeline import Config, Resources
from accord.store import Store

AGENT = "accord"  # the product token robots.txt groups are matched against
MAX_BACKOFF = 24 * 3600.0  # a failing feed is polled at least once a day


@dataclass(frozen=True, slots=True)
class CollectConfig:
    """Everything that changes how collection behaves; one object, passed explicitly."""

    # an e-mail address or URL for site owners, sent in the User-Agent (default: $ACCORD_CONTACT)
    contact: str = field(default_factory=lambda: os.environ.get("ACCORD_CONTACT", ""))
    every: float = 900.0  # seconds between polls of a feed
    delay: float = 1.0  # seconds between two requests to one host at least (robots.txt may ask more)
    concurrency: int = 4  # requests in flight in all
    per_host: int = 1  # requests in flight to one host
    timeout: float = 20.0  # seconds for one response, body included
    max_bytes: int = 5_000_000  # a larger page or feed is not read
    retries: int = 2  # retries of one request after a timeout, 5xx or 429
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    max_retry_after: float = 120.0  # a longer Retry-After leaves the page for the next round
    max_attempts: int = 3  # rounds in which a page failing transiently is tried before it is given up
    max_pages: int | None = None  # pages fetched per round at most
    max_sitemaps: int = 20  # sitemaps followed from a sitemap index (the most recent first)
    max_items: int = 1000  # items taken from one feed or sitemap (the most recent first)
    batch_size: int = 16  # articles coded and stored together
    flush_seconds: float = 2.0  # ... or at least this often
    coding_timeout: float | None = 60.0  # seconds one article may take to code
    trust_env: bool = True  # use the proxies of HTTP(S)_PROXY / NO_PROXY
    pipeline: Config = field(default_factory=Config)

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"{AGENT}/{__version__} (news collection for political event coding{contact})"

    def fetch_options(self) -> FetchOptions:
        return FetchOptions(
            user_agent=self.user_agent, timeout=self.timeout, max_bytes=self.max_bytes, retries=self.retries,
            backoff=self.backoff, max_retry_after=self.max_retry_after, per_host=self.per_host,
            trust_env=self.trust_env,
        )


@dataclass
class PollReport:
    """What one round did."""

    feeds: int = 0  # feeds and sitemaps fetched
    not_modified: int = 0  # ... of which answered 304
    not_due: int = 0  # feeds polled too recently to poll again yet
    feed_failures: int = 0
    items: int = 0  # item URLs listed by the feeds fetched
    new: int = 0  # ... not seen before
    fetched: int = 0  # pages requested (whatever the answer)
    stored: int = 0  # new articles
    duplicates: int = 0  # pages whose article was stored already (another URL): one more source
    known: int = 0  # pages whose URL was already an article id
    skipped: int = 0  # pages robots.txt does not let us fetch
    retry: int = 0  # pages that failed transiently: tried again next round
    failed: dict[str, int] = field(default_factory=dict)  # pages given up, by reason
    events: int = 0
    seconds: float = 0.0
    stopped: bool = False
    run_id: str = ""

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    def summary(self) -> str:
        why = ", ".join(f"{n} {r}" for r, n in sorted(self.failed.items(), key=lambda x: (-x[1], x[0])))
        return (
            f"{self.feeds} feeds ({self.not_modified} not modified, {self.feed_failures} failed, "
            f"{self.not_due} not due), {self.items} items ({self.new} new); {self.fetched} pages fetched: "
            f"{self.stored} stored, {self.duplicates} duplicates, {self.known} already stored, "
            f"{self.skipped} disallowed, {self.retry} to retry, {self.failures} failed"
            + (f" ({why})" if why else "") + f"; {self.events} events; {self.seconds:.1f} s"
            + (" (stopped)" if self.stopped else "")
        )


@functools.lru_cache(maxsize=1)
def shared_resources(config: Config) -> Resources:
    """The model and dictionaries, loaded once per process for every round (read-only after loading)."""
    return Resources.load(config)


def poll(store: Store, sources: Iterable[Source | str], config: CollectConfig | None = None, *,
         stop: threading.Event | None = None, resources: Resources | None = None) -> PollReport:
    """One polling round over ``sources`` (``Source``s, URLs or files of them, see ``read_sources``)
    through the open ``store`` (the one writer); see the module docstring. ``stop`` ends the round early
    and cleanly; ``resources`` (already loaded) code the articles, else they are loaded on the first one
    (once per process). Raises ``SourceError`` for a source that is neither a URL nor a file of them."""
    config = config or CollectConfig()
    sources = list(sources)
    stop = stop or threading.Event()
    wanted = [Source(normalise(s.url), s.outlet) for s in sources if isinstance(s, Source)]
    wanted += read_sources([s for s in sources if not isinstance(s, Source)])
    report = PollReport()
    started = time.monotonic()
    report.run_id = store.start_run("accord collect " + " ".join(s.url for s in wanted))
    try:
        with Fetcher(config.fetch_options(), stop) as fetcher, \
                ThreadPoolExecutor(max(1, config.concurrency), thread_name_prefix="accord-collect") as pool:
            rnd = _Round(store, config, fetcher, Robots(fetcher, AGENT, config.delay), pool, stop, report, resources)
            rnd.poll_feeds(wanted)
            rnd.fetch_pages()
            rnd.flush()
    finally:
        report.stopped = stop.is_set()
        report.seconds = time.monotonic() - started
        store.finish_run(report.run_id, report.stored, report.duplicates,
                         report.failures + report.skipped + report.feed_failures)
    return report


@dataclass(frozen=True, slots=True)
class _FeedFetch:
    source: Source
    got: Fetched | None
    parsed: ParsedFeed | None = None
    error: str | None = None  # short reason
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class _PageFetch:
    page: st.PendingPage
    got: Fetched | None
    extracted: Page | None = None
    disallowed: str | None = None  # robots.txt's refusal


class _Round:
    """The state of one round; every method not named ``_fetch_*`` runs in the writer's thread."""

    def __init__(self, store: Store, config: CollectConfig, fetcher: Fetcher, robots: Robots,
                 pool: ThreadPoolExecutor, stop: threading.Event, report: PollReport,
                 resources: Resources | None) -> None:
        self.store, self.con, self.config = store, store.con, config
        self.fetcher, self.robots, self.pool, self.stop, self.report = fetcher, robots, pool, stop, report
        self.resources = resources
        self.batch: list[_PageFetch] = []
        self.aliases: set[str] = set()  # canonical URLs learnt this round: not to be fetched
        self.last_flush = time.monotonic()

    def delay(self, url: str) -> float:
        return max(self.config.delay, self.robots.crawl_delay(url) or 0.0)

    # ------------------------------------------------------------------------------------------ feeds

    def poll_feeds(self, sources: Sequence[Source]) -> None:
        for s in sources:
            st.register_feed(self.con, s.url, s.outlet)
        todo = [s for s in sources if self._due(s)]
        for _depth in range(3):  # a sitemap index, its sitemaps (an index of indexes at most)
            if not todo or self.stop.is_set():
                return
            futures = {self.pool.submit(self._fetch_feed, s, self._validators(s.url)): s for s in todo}
            todo = []
            for fut in as_completed(futures):
                todo += self._feed_done(fut.result())

    def _due(self, source: Source) -> bool:
        feed = st.feed_state(self.con, source.url)
        if feed is None:
            return True
        if feed.kind == "page":  # an article given as a source: its frontier row says what is left
            return False
        slack = dt.timedelta(seconds=0.1 * self.config.every)
        if feed.next_poll is not None and feed.next_poll > st.now() + slack:
            self.report.not_due += 1
            return False
        return True

    def _validators(self, url: str) -> dict[str, str]:
        feed = st.feed_state(self.con, url)
        headers = {}
        if feed is not None and feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed is not None and feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        return headers

    def _fetch_feed(self, source: Source, headers: dict[str, str]) -> _FeedFetch:
        if not self.robots.allowed(source.url):
            return _FeedFetch(source, None, error="robots.txt", detail=self.robots.why_not(source.url))
        got = self.fetcher.get(source.url, headers, delay=self.delay(source.url))
        if not got.ok:
            return _FeedFetch(source, got, error=got.reason, detail=got.detail)
        if got.not_modified:
            return _FeedFetch(source, got)
        try:
            body = gunzip(got.body, self.config.max_bytes)
            if sniff(body) is None:
                return _FeedFetch(source, got)  # HTML (or not a feed at all): the source is a page
            return _FeedFetch(source, got, parse_feed(body, got.final_url))
        except FeedError as exc:
            why = "broken XML" if "XML" in str(exc) else "not a feed"
            return _FeedFetch(source, got, error=why, detail=str(exc))

    def _feed_done(self, f: _FeedFetch) -> list[Source]:
        """Record one feed fetch; returns the sitemaps of a sitemap index, to fetch next.

        The feed's new validators (ETag, Last-Modified) and its new items are committed together: were
        they not, a crash in between would have the next round's 304 hide the items for good.
        """
        if f.got is not None and f.got.reason == "stopped":
            return []
        page: _PageFetch | None = None
        with st.transaction(self.con):
            if f.error:
                children = self._feed_failed(f)
            elif f.got is not None and f.got.not_modified:
                children = self._feed_not_modified(f)
            elif f.parsed is None:  # an HTML page: the source is an article itself
                children, page = [], self._feed_is_page(f)
            else:
                children = self._feed_parsed(f, f.parsed)
        if page is not None:
            self._page_done(page)
        return children

    def _next_poll(self, failures: int = 0) -> dt.datetime:
        wait = self.config.every if not failures else min(self.config.every * 2 ** (failures - 1), MAX_BACKOFF)
        return st.now() + dt.timedelta(seconds=wait)

    def _feed_failed(self, f: _FeedFetch) -> list[Source]:
        url = f.source.url
        feed = st.feed_state(self.con, url)
        failures = (feed.failures if feed else 0) + 1
        st.record_feed(self.con, url, status=f.error or "error", failed=True, next_poll=self._next_poll(failures))
        st.reject_feed(self.con, url, f"{f.error}: {f.detail}" if f.detail else (f.error or "error"))
        self.report.feeds += 1
        self.report.feed_failures += 1
        return []

    def _feed_not_modified(self, f: _FeedFetch) -> list[Source]:
        st.record_feed(self.con, f.source.url, status="304", not_modified=True, next_poll=self._next_poll())
        st.clear_feed_reject(self.con, f.source.url)
        self.report.feeds += 1
        self.report.not_modified += 1
        return []

    def _feed_is_page(self, f: _FeedFetch) -> _PageFetch | None:
        url, got = f.source.url, f.got
        assert got is not None
        st.record_feed(self.con, url, status=str(got.status), kind="page", next_poll=self._next_poll())
        if not st.add_items(self.con, url, f.source.outlet, [FeedItem(url)]):
            return None
        self.report.new += 1
        page = st.PendingPage(url, url, f.source.outlet, None, None, 0)
        return _PageFetch(page, got, self._extract(page, got))

    def _feed_parsed(self, f: _FeedFetch, parsed: ParsedFeed) -> list[Source]:
        url, got = f.source.url, f.got
        assert got is not None
        st.record_feed(self.con, url, status=str(got.status), kind=parsed.kind, title=parsed.title,
                       etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"),
                       items=len(parsed.items), next_poll=self._next_poll())
        if parsed.problem:
            st.reject_feed(self.con, url, f"{parsed.problem} ({len(parsed.items)} items recovered)")
        else:
            st.clear_feed_reject(self.con, url)
        self.report.feeds += 1
        outlet = f.source.outlet or st.feed_state(self.con, url).outlet  # type: ignore[union-attr]
        newest = sorted(parsed.items, key=lambda i: i.published or "", reverse=True)
        if parsed.kind == "sitemapindex":
            children = [Source(normalise(i.url), outlet) for i in newest[: self.config.max_sitemaps]]
            for child in children:
                st.register_feed(self.con, child.url, outlet, parent=url)
            return [c for c in children if self._due(c)]
        # a sitemap may list a whole site: only its newest items (feeds list far fewer than this)
        keep = set(newest[: self.config.max_items])
        kept = [i for i in parsed.items if i in keep]
        items = [FeedItem(normalise(i.url), i.title, i.published) for i in kept
                 if i.url.startswith(("http://", "https://"))]
        self.report.items += len(items)
        self.report.new += len(st.add_items(self.con, url, outlet, items))
        return []

    # ------------------------------------------------------------------------------------------ pages

    def fetch_pages(self) -> None:
        self.flush()  # articles given as sources were fetched with the feeds: store them first
        pending = st.pending_pages(self.con, self.config.max_pages)
        known = self.store.known_input_ids()
        repaired = [self._already(p.url) for p in pending if p.url in known]  # stored just before a crash
        st.mark_pages(self.con, repaired)
        self.report.known += sum(o.state == "known" for o in repaired)
        todo = _by_host_in_turn([p for p in pending if p.url not in known])
        futures: list[Future[_PageFetch]] = [self.pool.submit(self._fetch_page, p) for p in todo]
        for fut in as_completed(futures):
            if self.stop.is_set():
                for other in futures:
                    other.cancel()
            if fut.cancelled():
                continue
            self._page_done(fut.result())
            if len(self.batch) >= self.config.batch_size or time.monotonic() - self.last_flush >= self.config.flush_seconds:
                self.flush()

    def _already(self, url: str) -> st.PageOutcome:
        if self.store.has_article(url):
            return st.PageOutcome(url, "stored", article_id=url, fetched=False)
        return st.PageOutcome(url, "known", article_id=url, fetched=False)

    def _fetch_page(self, page: st.PendingPage) -> _PageFetch:
        if self.stop.is_set() or page.url in self.aliases:
            return _PageFetch(page, None)  # stopped: still pending; an alias: recorded as one already
        if not self.robots.allowed(page.url):
            why = self.robots.why_not(page.url)
            if self.robots.rules(page.url).unreachable:  # try again next round, as for a 5xx
                return _PageFetch(page, Fetched(page.url, page.url, reason="robots.txt unreadable", detail=why,
                                                transient=True, attempts=0))
            return _PageFetch(page, None, disallowed=why)
        got = self.fetcher.get(page.url, delay=self.delay(page.url))
        return _PageFetch(page, got, self._extract(page, got) if got.ok else None)

    def _extract(self, page: st.PendingPage, got: Fetched) -> Page:
        return extract_page(got.body, page.url, page.feed or page.url, content_type=got.headers.get("content-type", ""),
                            outlet=page.outlet, feed_title=page.title, feed_date=page.published)

    def _page_done(self, f: _PageFetch) -> None:
        p, got, report = f.page, f.got, self.report
        if f.disallowed:
            report.skipped += 1
            st.mark_pages(self.con, [st.PageOutcome(p.url, "skipped", "robots.txt", f.disallowed, fetched=False)])
            return
        if got is None or got.reason == "stopped":
            return  # stopped before it was fetched: still pending
        report.fetched += got.attempts > 0
        if not got.ok:
            last = p.attempts + 1 >= self.config.max_attempts or not got.transient
            detail = f"{got.reason}: {got.detail}" if got.detail else got.reason
            if last:
                report.failed[got.reason or "error"] = report.failed.get(got.reason or "error", 0) + 1
            else:
                report.retry += 1
            st.mark_pages(self.con, [st.PageOutcome(p.url, "failed" if last else "pending", got.reason, detail,
                                                    http_status=got.status or None)])
            return
        page = f.extracted
        assert page is not None
        if page.article is None:
            reason = page.error or "error"
            report.failed[reason] = report.failed.get(reason, 0) + 1
            st.mark_pages(self.con, [st.PageOutcome(p.url, "failed", reason, f"{reason}: {page.detail}",
                                                    http_status=got.status, canonical=page.canonical)])
            return
        self.batch.append(f)

    def flush(self) -> None:
        """Code the fetched pages and store them (one transaction), then record their outcomes."""
        self.last_flush = time.monotonic()
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        articles = [f.extracted.article for f in batch]  # type: ignore[union-attr]
        done = code_many(articles, self._resources(), self.config.coding_timeout)  # type: ignore[arg-type]
        outcomes = self.store.write_batch([r for r, _ in done], [fp for _, fp in done])
        marks = []
        for f, (result, _), outcome in zip(batch, done, outcomes, strict=True):
            state = {"stored": "stored", "exact": "duplicate", "near": "duplicate", "known": "known"}.get(outcome)
            r = self.report
            if state == "stored":
                r.stored += 1
                r.events += len(result.events)
            elif state == "duplicate":
                r.duplicates += 1
            elif state == "known":
                r.known += 1
            else:
                state = "failed"
                r.failed["coding error"] = r.failed.get("coding error", 0) + 1
            canonical = f.extracted.canonical if f.extracted else None  # type: ignore[union-attr]
            final = normalise(f.got.final_url) if f.got else None
            if not canonical and final and final != f.page.url and same_site(final, f.page.url):
                canonical = final  # redirected: the address it ended at is seen too
            if canonical:
                self.aliases.add(canonical)
            marks.append(st.PageOutcome(f.page.url, state, None if state != "failed" else "coding error",
                                        http_status=f.got.status if f.got else None,
                                        article_id=result.article.id, canonical=canonical))
        st.mark_pages(self.con, marks)

    def _resources(self) -> Resources:
        if self.resources is None:
            self.resources = shared_resources(self.config.pipeline)
        return self.resources


def _by_host_in_turn(pages: list[st.PendingPage]) -> list[st.PendingPage]:
    """Pages ordered host by host in turn, so that one slow or Crawl-delayed host does not hold every
    fetching thread while the others wait."""
    queues: dict[str, deque[st.PendingPage]] = {}
    for p in pages:
        queues.setdefault(host_of(p.url), deque()).append(p)
    out: list[st.PendingPage] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return out
