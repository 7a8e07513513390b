"""``accord.collect.poll``: rounds of collection into a store, against feeds and pages we wrote, served on
127.0.0.1. The articles are coded with the session's model (``resources``)."""

from __future__ import annotations

import json
import threading

import pytest
from test_collect_site import Resp, Site, article_html, rss

from accord.collect import CollectConfig, Source, collection_stats, poll
from accord.store import Store

pytestmark = pytest.mark.model

STORIES = [
    "Iran and Russia signed a trade agreement in Moscow on Monday.\n\nThe deal covers energy and transport.",
    "Egypt condemned the attack on a convoy in Sinai on Friday.\n\nThe foreign ministry called for restraint.",
    "Germany and France signed a defence treaty in Berlin on Tuesday.\n\nBoth leaders praised the accord.",
    "Japan welcomed the ceasefire between Israel and Hamas on Wednesday.\n\nTokyo offered humanitarian aid.",
    "Turkey accused Greece of violating its airspace over the Aegean Sea.\n\nAthens rejected the claim.",
    "China warned the United States against arms sales to Taiwan.\n\nBeijing summoned the US ambassador.",
    "India and Pakistan agreed to resume talks on the Kashmir dispute.\n\nThe ministers will meet in June.",
    "Brazil expelled two Venezuelan diplomats after a border incident.\n\nCaracas promised to respond.",
]
DATE = "Fri, 03 May 2024 08:00:00 GMT"
FAST = CollectConfig(contact="test@example.org", every=0.0, delay=0.0, timeout=1.0, retries=1, backoff=0.01,
                     max_retry_after=2.0, trust_env=False, flush_seconds=0.2, max_attempts=2)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def page(n: int, title: str | None = None, **kw) -> Resp:
    return Resp(body=article_html(title or f"Story {n}", STORIES[n], **kw))


def conditional(body: str, ctype: str = "application/rss+xml", **validators: str):
    """A feed answering 304 when the request carries the validators it gave (ETag and/or Last-Modified)."""
    def route(headers: dict[str, str]) -> Resp:
        etag, modified = validators.get("etag"), validators.get("last_modified")
        if (etag and headers.get("if-none-match") == etag) or (modified and headers.get("if-modified-since") == modified):
            return Resp(304, ctype=ctype)
        given = {"ETag": etag} if etag else {}
        given |= {"Last-Modified": modified} if modified else {}
        return Resp(body=body, ctype=ctype, headers=given)
    return route


def rows(store: Store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def test_poll_stores_rss_atom_and_news_sitemap_items_and_a_second_round_fetches_no_page_again(site, tmp_path, resources):
    site.add("/rss.xml", conditional(rss([(site.url("/world/1?utm_source=rss"), "Trade deal", DATE),
                                          (site.url("/world/2"), "Convoy attack", DATE)]), etag='"v1"'))
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><entry><title>Treaty</title>'
            f'<link href="{site.url("/atom/1")}"/><published>2024-05-02T09:00:00Z</published></entry></feed>')
    site.add("/atom.xml", conditional(atom, "application/atom+xml", last_modified="Thu, 02 May 2024 09:00:00 GMT"))
    sitemap = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/'
               f'schemas/sitemap-news/0.9"><url><loc>{site.url("/news/1")}</loc><news:news><news:publication_date>'
               '2024-05-01</news:publication_date><news:title>Ceasefire</news:title></news:news></url></urlset>')
    site.add("/sitemap-news.xml", Resp(body=sitemap, ctype="application/xml"))
    site.add("/world/1", page(0, "Iran and Russia sign trade deal")).add("/world/2", page(1, date=None))
    site.add("/atom/1", page(2, date="2024-05-02")).add("/news/1", page(3, date="2024-05-01"))
    sources = [Source(site.url("/rss.xml"), "Example News"), Source(site.url("/atom.xml")),
               Source(site.url("/sitemap-news.xml"), "Example Daily")]

    with Store(tmp_path / "c.duckdb") as store:
        first = poll(store, sources, FAST, resources=resources)
        assert (first.feeds, first.items, first.new, first.fetched, first.stored) == (3, 4, 4, 4, 4)
        assert first.events > 0 and first.failures == 0
        articles = {r[0]: r[1:] for r in rows(store, "SELECT id, title, published::VARCHAR, source, meta FROM articles")}
        title, published, source, meta = articles[site.url("/world/1")]  # the tracking parameter is gone
        assert (title, published, source) == ("Iran and Russia sign trade deal", "2024-05-03", site.url("/rss.xml"))
        assert json.loads(meta)["outlet"] == "Example News"
        assert articles[site.url("/world/2")][1] == "2024-05-03"  # no date on the page: the feed's
        assert articles[site.url("/news/1")][1] == "2024-05-01"
        kinds = dict(rows(store, "SELECT url, kind FROM feeds"))
        assert sorted(kinds.values()) == ["atom", "rss", "sitemap"]
        assert dict(rows(store, "SELECT url, outlet FROM feeds"))[site.url("/atom.xml")] == "Atom News"

        second = poll(store, sources, FAST, resources=resources)
        assert (second.not_modified, second.new, second.fetched, second.stored) == (2, 0, 0, 0)
        counts = dict(rows(store, "SELECT url, not_modified FROM feeds"))
        assert counts[site.url("/rss.xml")] == 1 and counts[site.url("/atom.xml")] == 1
        assert store.stats()["articles"] == 4
        stats = collection_stats(store.con)
    assert (stats["feed_fetches"], stats["feed_not_modified"], stats["feed_not_modified_rate"]) == (6, 2, 0.333)
    assert all(site.hits[p] == 1 for p in ("/world/1", "/world/2", "/atom/1", "/news/1"))
    assert site.hits["/rss.xml"] == 2 and site.hits["/robots.txt"] == 2  # robots.txt is read once per round
    assert all(h["user-agent"].startswith("accord/") and "test@example.org" in h["user-agent"] for _, h in site.requests)


def test_poll_failures_become_rejects_with_the_url_and_the_reason(site, tmp_path, resources):
    site.add("/robots.txt", Resp(body="User-agent: *\nDisallow: /private/\n", ctype="text/plain"))
    paths = ["/private/1", "/gone", "/huge", "/loop", "/slow", "/flaky", "/busy"]
    site.add("/rss.xml", Resp(body=rss([(site.url(p), p, DATE) for p in paths]), ctype="application/rss+xml"))
    site.add("/broken.xml", Resp(body="<?xml version='1.0'?><rss><channel><item><<<", ctype="application/rss+xml"))
    site.add("/private/1", page(0)).add("/gone", Resp(404))
    site.add("/huge", Resp(body="<html><body><p>" + "word " * 400_000 + "</p></body></html>"))
    site.add("/loop", Resp(302, headers={"Location": "/loop2"})).add("/loop2", Resp(302, headers={"Location": "/loop"}))
    site.add("/slow", Resp(body=article_html("Slow", STORIES[1]), delay=1.5))
    site.add("/flaky", [Resp(500), page(2, "Flaky but there")])
    site.add("/busy", [Resp(429, headers={"Retry-After": "1"}), page(3, "Busy but there")])
    config = _with(FAST, max_bytes=1_000_000, timeout=0.6)
    sources = [site.url("/rss.xml"), site.url("/broken.xml")]

    with Store(tmp_path / "c.duckdb") as store:
        first = poll(store, sources, config, resources=resources)
        assert first.stored == 2 and first.skipped == 1 and first.feed_failures == 1 and first.retry == 1
        assert first.failed == {"http 404": 1, "too large": 1, "redirect loop": 1}
        second = poll(store, sources, config, resources=resources)
        assert second.failed == {"timeout": 1} and second.stored == 0  # the slow page's second and last try
        rejects = dict(rows(store, "SELECT input, reason FROM rejects"))
        stats = collection_stats(store.con)
    assert rejects[site.url("/private/1")].startswith("disallowed for accord by ")
    assert rejects[site.url("/gone")].startswith("http 404")
    assert rejects[site.url("/huge")].startswith("too large") and rejects[site.url("/loop")].startswith("redirect loop")
    assert rejects[site.url("/slow")].startswith("timeout") and rejects[site.url("/broken.xml")].startswith("broken XML")
    assert site.url("/flaky") not in rejects and site.url("/busy") not in rejects
    assert site.hits["/private/1"] == 0 and site.hits["/gone"] == 1 and site.hits["/slow"] == 4  # 2 rounds × 2 tries
    assert stats["failed_by_reason"] == {"http 404": 1, "redirect loop": 1, "timeout": 1, "too large": 1}
    assert stats["skipped_by_reason"] == {"robots.txt": 1} and stats["stored"] == 2 and stats["feeds_failing"] == 1


def test_poll_stores_the_same_story_under_two_urls_once_counted_as_two_sources(site, tmp_path, resources):
    canonical = site.url("/world/story")
    site.add("/a.xml", Resp(body=rss([(canonical, "Treaty", DATE)]), ctype="application/rss+xml"))
    site.add("/b.xml", Resp(body=rss([(site.url("/amp/story"), "Treaty", DATE),
                                      (canonical + "?utm_medium=social", "Treaty", DATE)]), ctype="application/rss+xml"))
    site.add("/world/story", Resp(body=article_html("Treaty signed", STORIES[2], canonical=canonical)))
    site.add("/amp/story", Resp(body=article_html("Treaty signed", STORIES[2], canonical=canonical, nav="AMP menu")))
    site.add("/m/7", Resp(body=article_html("Talks", STORIES[6], canonical="/news/7")))
    site.add("/c.xml", [Resp(body=rss([(site.url("/m/7"), "Talks", DATE)])),
                        Resp(body=rss([(site.url("/news/7"), "Talks", DATE)]))])  # later: the canonical URL

    with Store(tmp_path / "c.duckdb") as store:
        report = poll(store, [site.url(p) for p in ("/a.xml", "/b.xml", "/c.xml")], FAST, resources=resources)
        assert (report.items, report.new, report.stored, report.duplicates) == (4, 3, 2, 1)
        sources = rows(store, "SELECT a.url, s.input_id, s.kind FROM article_sources s JOIN articles a"
                              " ON a.id = s.article_id ORDER BY s.kind")
        again = poll(store, [site.url("/c.xml")], FAST, resources=resources)
        assert (again.items, again.new, again.fetched) == (1, 0, 0)  # /news/7 is /m/7's canonical: seen
        assert store.stats()["articles"] == 2
    story = [s for s in sources if s[0] == canonical]  # whichever URL answered first is the original
    assert [kind for _, _, kind in story] == ["exact", "original"]
    assert {input_id for _, input_id, _ in story} == {canonical, site.url("/amp/story")}
    assert site.hits["/world/story"] == 1 and site.hits["/news/7"] == 0


def test_poll_keeps_to_the_crawl_delay(site, tmp_path, resources):
    site.add("/robots.txt", Resp(body="User-agent: accord\nCrawl-delay: 0.5\n", ctype="text/plain"))
    site.add("/rss.xml", Resp(body=rss([(site.url(f"/p/{n}"), f"Story {n}", DATE) for n in range(3)])))
    for n in range(3):
        site.add(f"/p/{n}", page(n + 4))
    with Store(tmp_path / "c.duckdb") as store:
        report = poll(store, [site.url("/rss.xml")], _with(FAST, concurrency=3), resources=resources)
    assert report.stored == 3
    times = [t for _, t in site.times]  # robots.txt, the feed, three pages: all on one host
    gaps = [b - a for a, b in zip(times[1:], times[2:], strict=False)]
    # measured where the requests arrive, so with the jitter of a busy machine on top
    assert len(times) == 5 and min(gaps) >= 0.35 and sum(gaps) >= 1.4, gaps


def test_poll_stopped_stores_what_it_fetched_and_leaves_the_rest_for_the_next_round(site, tmp_path, resources):
    stop = threading.Event()
    site.add("/rss.xml", Resp(body=rss([(site.url(f"/s/{n}"), f"Story {n}", DATE) for n in range(4)])))

    def stopping(n: int):
        def route(headers: dict[str, str]) -> Resp:
            stop.set()  # Ctrl-C while this page is on its way
            return page(n)
        return route

    site.add("/s/0", page(0)).add("/s/1", stopping(1)).add("/s/2", page(2)).add("/s/3", page(3))
    with Store(tmp_path / "c.duckdb") as store:
        first = poll(store, [site.url("/rss.xml")], _with(FAST, delay=0.05), stop=stop, resources=resources)
        assert first.stopped and first.stored == 2
        assert dict(rows(store, "SELECT state, count(*) FROM frontier GROUP BY 1")) == {"stored": 2, "pending": 2}
        rest = poll(store, [site.url("/rss.xml")], FAST, resources=resources)
        assert rest.stored == 2 and store.stats()["articles"] == 4
    assert all(site.hits[f"/s/{n}"] == 1 for n in range(4))


def test_poll_takes_an_article_url_as_a_source_and_stats_report_the_collection(site, tmp_path, resources):
    from click.testing import CliRunner

    from accord.cli import main

    site.add("/story", page(7, "Brazil expels diplomats"))
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        assert poll(store, [site.url("/story")], FAST, resources=resources).stored == 1
        assert poll(store, [site.url("/story")], FAST, resources=resources).fetched == 0
    out = CliRunner().invoke(main, ["stats", "--db", str(db), "--format", "json"])
    collection = json.loads(out.output)["collection"]
    assert collection["stored"] == 1 and collection["items_seen"] == 1 and collection["feeds"] == 0
    assert site.hits["/story"] == 1


def _with(config: CollectConfig, **changes) -> CollectConfig:
    from dataclasses import replace

    return replace(config, **changes)


def test_poll_follows_a_sitemap_index_to_its_newest_sitemaps(site, tmp_path, resources):
    def sitemap(*paths: str) -> Resp:
        urls = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>2024-05-0{i + 1}</lastmod></url>" for i, p in enumerate(paths))
        return Resp(body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', ctype="application/xml")

    index = "".join(f"<sitemap><loc>{site.url(f'/sm/{n}.xml')}</loc><lastmod>2024-0{n}-01</lastmod></sitemap>" for n in (1, 2, 3))
    site.add("/index.xml", Resp(body=f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>',
                                ctype="application/xml"))
    site.add("/sm/1.xml", sitemap("/old")).add("/sm/2.xml", sitemap("/a", "/b")).add("/sm/3.xml", sitemap("/c"))
    for n, p in enumerate(("/a", "/b", "/c")):
        site.add(p, page(n))
    sources = tmp_path / "sources.txt"
    sources.write_text(f"{site.url('/index.xml')}  Example Sitemaps\n")
    with Store(tmp_path / "c.duckdb") as store:
        report = poll(store, [str(sources)], _with(FAST, max_sitemaps=2), resources=resources)
        feeds = rows(store, "SELECT url, kind, parent, outlet FROM feeds ORDER BY url")
    assert report.stored == 3 and site.hits["/sm/1.xml"] == 0 and site.hits["/old"] == 0  # the 2 newest sitemaps
    assert feeds[0] == (site.url("/index.xml"), "sitemapindex", None, "Example Sitemaps")
    assert {(k, p, o) for _, k, p, o in feeds[1:]} == {("sitemap", site.url("/index.xml"), "Example Sitemaps")}


def test_poll_leaves_pages_pending_when_their_host_asks_for_a_long_pause_or_its_robots_txt_fails(site, tmp_path, resources):
    other = Site()  # a second host whose robots.txt answers 503
    try:
        other.add("/robots.txt", Resp(503)).add("/x", page(5))
        site.add("/rss.xml", Resp(body=rss([(site.url("/p/1"), "1", DATE), (site.url("/p/2"), "2", DATE),
                                            (other.url("/x"), "x", DATE), (other.url("/y"), "y", DATE)])))
        site.add("/p/1", Resp(429, headers={"Retry-After": "600"})).add("/p/2", page(4))
        with Store(tmp_path / "c.duckdb") as store:
            report = poll(store, [site.url("/rss.xml")], _with(FAST, concurrency=1, max_attempts=3), resources=resources)
            states = dict(rows(store, "SELECT url, reason FROM frontier WHERE state = 'pending'"))
    finally:
        other.close()
    assert report.stored == 0 and report.retry == 4 and report.failures == 0
    assert states == {site.url("/p/1"): "rate limited", site.url("/p/2"): "rate limited",
                      other.url("/x"): "robots.txt unreadable", other.url("/y"): "robots.txt unreadable"}
    assert site.hits["/p/1"] == 1 and site.hits["/p/2"] == 0 and other.hits["/x"] == 0
    assert other.hits["/robots.txt"] == 2  # one request and its retry, for both pages of the round


def test_poll_does_not_fetch_a_pending_url_once_a_page_names_it_canonical(site, tmp_path, resources):
    site.add("/rss.xml", Resp(body=rss([(site.url("/m/8"), "Talks", DATE), (site.url("/news/8"), "Talks", DATE)])))
    site.add("/m/8", Resp(body=article_html("Talks", STORIES[6], canonical="/news/8"))).add("/news/8", page(6))
    with Store(tmp_path / "c.duckdb") as store:
        first = poll(store, [site.url("/rss.xml")], _with(FAST, max_pages=1), resources=resources)  # /m/8 only
        second = poll(store, [site.url("/rss.xml")], FAST, resources=resources)
        states = dict(rows(store, "SELECT url, state FROM frontier"))
    assert (first.stored, second.fetched) == (1, 0) and site.hits["/news/8"] == 0
    assert states == {site.url("/m/8"): "stored", site.url("/news/8"): "alias"}


def test_collect_polls_round_after_round_and_reads_gzipped_sitemaps(site, tmp_path, resources):
    import gzip

    from accord.collect import collect

    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.url("/g/1")}</loc></url></urlset>'
    site.add("/sitemap.xml.gz", Resp(body=gzip.compress(sitemap.encode()), ctype="application/x-gzip"))
    site.add("/g/1", page(5))
    seen = []
    with Store(tmp_path / "c.duckdb") as store:
        reports = collect(store, [site.url("/sitemap.xml.gz")], FAST, rounds=2, on_round=seen.append, resources=resources)
    assert [r.stored for r in reports] == [1, 0] and [r.feeds for r in reports] == [1, 1] and seen == reports
    assert site.hits["/g/1"] == 1
