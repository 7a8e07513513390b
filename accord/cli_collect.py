"""``accord collect``: feeds, sitemaps and article URLs into the store. Thin: parse, call, print."""

from __future__ import annotations

import re

import click

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s|ms)?")
_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, None: 1.0}


def parse_duration(text: str) -> float:
    """Seconds in "15m", "90s", "1h30m", "0.5s" or a bare number of seconds."""
    s = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(s):
        m = _DURATION.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(f"not a duration: {text!r} (try 15m, 90s, 1h)")
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    if not s:
        raise ValueError("empty duration")
    return total


class _Duration(click.ParamType):
    name = "DURATION"

    def convert(self, value, param, ctx):  # noqa: ANN001 — click's signature
        if isinstance(value, float | int):
            return float(value)
        try:
            return parse_duration(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command("collect")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", default="accord.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The accord DuckDB store (created if missing).")
@click.option("--contact", required=True, envvar="ACCORD_CONTACT", metavar="EMAIL|URL",
              help="How site owners reach you; sent in the User-Agent (or set ACCORD_CONTACT).")
@click.option("--every", type=_Duration(), default=None, metavar="DURATION",
              help="Keep polling, every DURATION (15m, 1h, 90s), until Ctrl-C or SIGTERM.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host at least (a robots.txt Crawl-delay may ask more).")
@click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Requests in flight at once, over all hosts (one per host).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds one response may take, body included.")
@click.option("--max-bytes", type=click.IntRange(min=1024), default=5_000_000, show_default=True,
              help="Pages and feeds larger than this are not read.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Retries of a request after a timeout, a 5xx or a 429 (with backoff, or as Retry-After says).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="Pages fetched per round at most (the rest wait for the next round).")
@click.option("--dict", "dicts", multiple=True, metavar="FILE", type=click.Path(exists=True, dir_okay=False),
              help="Extra actor/verb dictionary (YAML); repeatable.")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that can yield events (faster); --no-prefilter parses every sentence.")
def collect_cmd(sources: tuple[str, ...], db: str, contact: str, every: float | None, delay: float,
                concurrency: int, timeout: float, max_bytes: int, retries: int, max_pages: int | None,
                dicts: tuple[str, ...], prefilter: bool) -> None:
    """Collect news from SOURCE... (RSS or Atom feeds, news sitemaps, article URLs) into --db.

    \b
    SOURCE is an http(s) URL or a file of one URL a line, optionally followed by the outlet's
    name ('#' starts a comment). Every new item's page is fetched, its text, title and date
    extracted, and stored coded as `accord ingest` does (same dedup, rejects, transactions).
    robots.txt (with Crawl-delay) is honoured; feeds are fetched with conditional GET; a URL
    seen before (tracking parameters dropped, canonical URLs included) is never fetched again;
    every failure is a row in `rejects`. Interrupted? Run it again: it fetches nothing twice.

    \b
    Once:        accord collect feeds.txt --db news.duckdb --contact me@example.org
    Keep up:     accord collect feeds.txt --db news.duckdb --contact me@example.org --every 15m
    """
    import signal
    import threading

    from accord.collect import CollectConfig, SourceError, collect, read_sources
    from accord.pipeline import Config
    from accord.store import Store, StoreError

    try:
        wanted = read_sources(sources)
    except (SourceError, OSError) as exc:
        raise click.UsageError(str(exc)) from exc
    config = CollectConfig(contact=contact, every=every or 900.0, delay=delay, concurrency=concurrency,
                           timeout=timeout, max_bytes=max_bytes, retries=retries, max_pages=max_pages,
                           pipeline=Config(dictionaries=dicts, prefilter=prefilter))
    stop = threading.Event()

    def on_signal(signum, frame) -> None:  # noqa: ANN001
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        click.echo("stopping: finishing the pages in flight (Ctrl-C again to stop now)", err=True)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    if every:
        click.echo(f"collecting from {len(wanted)} sources every {every:g} s (Ctrl-C to stop)", err=True)
    try:
        with Store(db) as store:
            reports = collect(store, wanted, config, stop=stop, rounds=None if every else 1,
                              on_round=(lambda r: click.echo(r.summary(), err=True)) if every else None)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if reports and not every:
        click.echo(reports[-1].summary())


COMMANDS: list[click.Command] = [collect_cmd]
