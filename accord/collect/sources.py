"""What to collect: URLs given on the command line, or files of one source a line.

A sources file holds one URL a line, optionally followed by the outlet's name (after spaces or a tab);
blank lines and lines starting with ``#`` are ignored::

    # feeds of the outlets we follow
    https://example.com/world/rss.xml      Example News
    https://example.org/sitemap-news.xml   Example Daily
    https://example.net/2024/05/03/story.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from accord.collect.urls import is_http, normalise

_SPLIT = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Source:
    """A feed, sitemap or article page to collect from, with the outlet's name if known."""

    url: str
    outlet: str | None = None


class SourceError(ValueError):
    """A source that is neither an http(s) URL nor a readable file of them."""


def parse_line(line: str) -> Source | None:
    """One line of a sources file (None for blank lines and comments)."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    url, *rest = _SPLIT.split(line, maxsplit=1)
    if not is_http(url):
        raise SourceError(f"not an http(s) URL: {url!r}")
    outlet = rest[0].strip() if rest and rest[0].strip() else None
    return Source(normalise(url), outlet)


def read_sources(args: Iterable[str]) -> list[Source]:
    """Sources from URLs and files of URLs, in order, each once."""
    out: dict[str, Source] = {}
    for arg in args:
        if is_http(arg):
            found = [Source(normalise(arg))]
        elif Path(arg).is_file():
            found = []
            for n, line in enumerate(Path(arg).read_text(encoding="utf-8").splitlines(), 1):
                try:
                    source = parse_line(line)
                except SourceError as exc:
                    raise SourceError(f"{arg}, line {n}: {exc}") from exc
                if source:
                    found.append(source)
        else:
            raise SourceError(f"not an http(s) URL nor a file: {arg!r}")
        for source in found:
            if source.url not in out or source.outlet:
                out[source.url] = source
    return list(out.values())
