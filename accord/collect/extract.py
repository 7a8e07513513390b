"""A fetched page → an :class:`~accord.types.Article`: main text, title and date by trafilatura (the same
``read_html`` that ``accord ingest`` uses for HTML files), the feed's title and date as fallbacks, and
the page's canonical URL (``<link rel="canonical">``, else ``og:url``).

    page = extract_page(html, url="https://example.com/a?id=1", feed_title="…", feed_date="2024-05-03")
    page.article, page.canonical, page.date_source      # or page.error (a reason for ``rejects``)

Dates are checked: a date before ``EARLIEST`` or more than a day after ``today`` is not believed (a
template's placeholder; a wrong time zone shifts a day at most), and when the feed gives a date, a page
date more than ``AGREE_DAYS`` from it is taken for a guess (trafilatura may read a copyright year as
January 1st) and the feed's is used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from html import unescape
from urllib.parse import urljoin

from accord.collect.urls import normalise, same_site
from accord.readers import decode, read_html
from accord.types import Article

EARLIEST = dt.date(1990, 1, 1)
AGREE_DAYS = 2  # a page date this close to the feed's is the page's own (the feed may give an update time)

_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True, slots=True)
class Page:
    article: Article | None
    canonical: str | None = None  # normalised, same site as the page
    date_source: str | None = None  # "page" | "feed" | None
    error: str | None = None  # short reason ("no main text", "not HTML", ...)
    detail: str | None = None


def sane_date(value: str | None, today: dt.date | None = None) -> str | None:
    """``value`` (YYYY-MM-DD) if it can be a publication date: from 1990 to tomorrow."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    today = today or dt.datetime.now(dt.UTC).date()
    return day.isoformat() if EARLIEST <= day <= today + dt.timedelta(days=1) else None


def canonical_url(html: str, page_url: str) -> str | None:
    """The page's own idea of its URL, if it names one on the same site (else we would let any page mark
    any other site's pages as seen)."""
    head = html[:300_000]
    found = None
    for tag in _LINK.findall(head):
        attrs = _attrs(tag)
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            found = attrs["href"]
            break
    if found is None:
        for tag in _META.findall(head):
            attrs = _attrs(tag)
            if attrs.get("property", attrs.get("name", "")).lower() == "og:url" and attrs.get("content"):
                found = attrs["content"]
                break
    if not found:
        return None
    url = normalise(urljoin(page_url, found.strip()))
    return url if same_site(url, page_url) else None


def extract_page(body: bytes, url: str, source: str, *, content_type: str = "", outlet: str | None = None,
                 feed_title: str | None = None, feed_date: str | None = None,
                 today: dt.date | None = None) -> Page:
    """The article in a fetched page (see the module docstring). ``url`` is the normalised URL fetched;
    it is the article's id and (unless the page names a canonical URL) its url."""
    kind = content_type.split(";")[0].strip().lower()
    if kind and not (kind in ("text/html", "application/xhtml+xml", "text/plain") or kind.endswith("+xml")):
        return Page(None, error="not HTML", detail=f"Content-Type {kind}")
    html, _, problem = decode(body)
    if problem:
        return Page(None, error="undecodable", detail=problem)
    canonical = canonical_url(html, url)
    item = read_html(html, source, url)
    if not isinstance(item, Article):
        reason = "no main text" if "no main text" in item.reason else "bad HTML"
        return Page(None, canonical=canonical, error=reason, detail=item.reason)
    page_date, fallback = sane_date(item.date, today), sane_date(feed_date, today)
    if page_date and fallback and abs(_days(page_date, fallback)) > AGREE_DAYS:
        page_date = None  # the feed's explicit date beats a page date that may be a guess (a copyright year)
    date = page_date or fallback
    title = item.title or feed_title
    text = item.text
    if title and not item.title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    meta = {k: v for k, v in {
        "format": "html", "fetched_url": url, "feed": source if source != url else None, "outlet": outlet,
        "feed_title": feed_title, "feed_date": feed_date,
    }.items() if v}
    article = replace(item, id=url, text=text, date=date, title=title, url=canonical or url, source=source,
                      meta=meta)
    return Page(article, canonical=canonical, date_source="page" if page_date else ("feed" if fallback else None))


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(tag)}
