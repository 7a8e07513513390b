"""Feeds: RSS 2.0, RSS 1.0 (RDF), Atom, sitemaps and news sitemaps → the item URLs they list.

    parsed = parse_feed(body, "https://example.com/rss.xml")
    parsed.kind, parsed.title, [(i.url, i.title, i.published) for i in parsed.items]

Parsed with lxml here rather than with feedparser: feedparser fetches with no timeout of its own (we
fetch with ours, see :mod:`accord.collect.fetch`, and only need the parsing), and its sanitising of item
HTML is work we throw away — we keep an item's link, title and date and fetch the page itself. The
parser is hardened: no entity expansion, no network, no huge trees. Broken XML (a truncated download,
an unescaped ``&``) is parsed again in lxml's recovery mode; the items found that way are used and the
problem is reported with them, and a feed from which nothing can be recovered raises :class:`FeedError`.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from accord.readers import normalise_date

FEED_KINDS = ("rss", "rdf", "atom", "sitemap", "sitemapindex")
_ROOTS = {"rss": "rss", "RDF": "rdf", "feed": "atom", "urlset": "sitemap", "sitemapindex": "sitemapindex"}
_XML_ROOT = re.compile(rb"<(?:[\w.-]+:)?(rss|RDF|feed|urlset|sitemapindex)[\s>/]")
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


class FeedError(ValueError):
    """The body is not a feed we can read (the reason is the message)."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: the page's URL (absolute) with the feed's own title and date for it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    kind: str  # one of FEED_KINDS
    title: str | None
    items: tuple[FeedItem, ...]
    problem: str | None = None  # the XML was broken; these items were recovered despite it


def gunzip(body: bytes, limit: int) -> bytes:
    """``body`` itself, or, when it is a gzip file (``sitemap.xml.gz``), what it holds: ``limit`` bytes at
    most (else FeedError: a small file can unpack to gigabytes)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise FeedError(f"broken gzip: {exc}") from exc
    if len(out) > limit:
        raise FeedError(f"gzip holds more than {limit:,} bytes")
    return out


def sniff(body: bytes) -> str | None:
    """The feed kind the start of ``body`` announces (``rss``, ``atom``, ``sitemap``, ...), None for HTML
    or anything else."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML.search(head[:1024]):
        return None
    m = _XML_ROOT.search(head)
    return _ROOTS[m.group(1).decode()] if m else None


def parse_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Every item of an RSS/Atom feed or a (news) sitemap, links made absolute against ``base_url``."""
    problem = None
    try:
        root = etree.fromstring(body, _parser(recover=False))
    except etree.XMLSyntaxError as exc:
        problem = f"broken XML: {exc}"
        try:
            root = etree.fromstring(body, _parser(recover=True))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise FeedError(problem) from exc
    kind = _ROOTS.get(etree.QName(root).localname)
    if kind is None:
        raise FeedError(problem or f"not a feed: the document is <{etree.QName(root).localname}>")
    if kind in ("rss", "rdf"):
        title, items = _rss(root, base_url)
    elif kind == "atom":
        title, items = _atom(root, base_url)
    else:
        title, items = None, _sitemap(root, base_url)
    if problem and not items:
        raise FeedError(problem)
    return ParsedFeed(kind=kind, title=title, items=tuple(_unique(items)), problem=problem)


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=recover,
                           remove_comments=True, remove_pis=True)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _text(el: etree._Element, *names: str) -> str | None:
    """The stripped text of the first child named by any of ``names`` (namespaces ignored)."""
    for name in names:
        for c in _children(el, name):
            value = "".join(c.itertext()).strip()
            if value:
                return value
    return None


def _rss(root: etree._Element, base: str) -> tuple[str | None, list[FeedItem]]:
    channel = next(iter(_children(root, "channel")), root)
    # RSS 2.0 items sit in <channel>; RSS 1.0 items are siblings of <channel> under <rdf:RDF>
    entries = _children(channel, "item") + (_children(root, "item") if channel is not root else [])
    items = []
    for entry in entries:
        link = _text(entry, "link")
        if not link:
            guid = next(iter(_children(entry, "guid")), None)
            if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
                link = (guid.text or "").strip() or None
        if link:
            items.append(FeedItem(urljoin(base, link), _text(entry, "title"),
                                  normalise_date(_text(entry, "pubDate", "date", "published", "updated"))))
    return _text(channel, "title"), items


def _atom(root: etree._Element, base: str) -> tuple[str | None, list[FeedItem]]:
    items = []
    for entry in _children(root, "entry"):
        links = _children(entry, "link")
        best = next((x for x in links if x.get("rel", "alternate") == "alternate" and x.get("href")), None)
        href = best.get("href") if best is not None else _text(entry, "id")
        if href and href.startswith(("http://", "https://", "/")):
            items.append(FeedItem(urljoin(base, href.strip()), _text(entry, "title"),
                                  normalise_date(_text(entry, "published", "updated"))))
    return _text(root, "title"), items


def _sitemap(root: etree._Element, base: str) -> list[FeedItem]:
    """``<url>`` entries of a sitemap (with Google News' ``<news:news>`` title and date when present), or
    the ``<sitemap>`` entries of a sitemap index (their URLs are sitemaps, not pages)."""
    items = []
    for entry in _children(root, "url") + _children(root, "sitemap"):
        loc = _text(entry, "loc")
        if not loc:
            continue
        news = next(iter(_children(entry, "news")), None)
        title = _text(news, "title") if news is not None else None
        date = _text(news, "publication_date") if news is not None else None
        items.append(FeedItem(urljoin(base, loc), title, normalise_date(date or _text(entry, "lastmod"))))
    return items


def _unique(items: list[FeedItem]) -> list[FeedItem]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out
