"""accord.collect, step by step and without the model: URLs, sources, feeds, pages, polite fetching and
robots.txt, each against feeds and pages we write and a web site on 127.0.0.1 (``test_collect_site``)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from test_collect_site import Resp, Site, article_html, rss

from accord.collect.extract import canonical_url, extract_page, sane_date
from accord.collect.feeds import FeedError, gunzip, parse_feed, sniff
from accord.collect.fetch import Fetcher, FetchOptions, retry_after
from accord.collect.robots import Robots
from accord.collect.sources import Source, SourceError, read_sources
from accord.collect.urls import normalise, same_site

UA = "accord/test (+mailto:test@example.org)"


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def fetcher(**options) -> Fetcher:
    defaults = {"timeout": 2.0, "retries": 2, "backoff": 0.01, "max_retry_after": 2.0, "trust_env": False}
    return Fetcher(FetchOptions(user_agent=UA, **(defaults | options)))


# --------------------------------------------------------------------------------------------- urls


def test_urls_normalise_drops_tracking_fragment_default_port_and_sorts_the_query():
    assert normalise("HTTPS://Example.com:443/World/a?utm_source=rss&b=2&a=1&fbclid=x#top") == \
        "https://example.com/World/a?a=1&b=2"
    assert normalise("http://example.com") == "http://example.com/"
    assert normalise("http://example.com:8080/x?id=7") == "http://example.com:8080/x?id=7"


def test_urls_same_site_ignores_www_but_not_other_hosts():
    assert same_site("https://www.example.com/a", "https://example.com/b")
    assert not same_site("https://example.com/a", "https://example.org/a")


# ------------------------------------------------------------------------------------------ sources


def test_sources_file_has_one_url_a_line_with_an_optional_outlet(tmp_path):
    f = tmp_path / "sources.txt"
    f.write_text("# our outlets\nhttps://example.com/rss.xml   Example News\n\nhttps://example.org/story?utm_medium=x\n")
    assert read_sources([str(f), "https://example.com/rss.xml"]) == [
        Source("https://example.com/rss.xml", "Example News"), Source("https://example.org/story", None)]
    f.write_text("ftp://example.com/x\n")
    with pytest.raises(SourceError, match="line 1"):
        read_sources([str(f)])
    with pytest.raises(SourceError):
        read_sources(["no-such-file.txt"])


# -------------------------------------------------------------------------------------------- feeds

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Ceasefire agreed</title><link rel="alternate" href="/news/ceasefire"/>
<link rel="enclosure" href="/img.jpg"/><published>2024-05-02T10:00:00Z</published></entry>
<entry><title>No link but an id</title><id>https://example.com/news/id-only</id><updated>2024-05-01T10:00:00Z</updated></entry>
</feed>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.com/2024/05/03/summit</loc><news:news><news:publication>
<news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2024-05-03T06:00:00+00:00</news:publication_date><news:title>Summit opens</news:title>
</news:news></url>
<url><loc>https://example.com/about</loc><lastmod>2023-01-01</lastmod></url>
</urlset>"""


def test_feeds_read_rss_with_dates_and_titles():
    body = rss([("https://example.com/a", "Talks resume", "Fri, 03 May 2024 08:00:00 GMT"),
                ("/relative", "Relative link", "Thu, 02 May 2024 08:00:00 +0000")]).encode()
    feed = parse_feed(body, "https://example.com/rss.xml")
    assert (feed.kind, feed.title, feed.problem) == ("rss", "Example News", None)
    assert [(i.url, i.title, i.published) for i in feed.items] == [
        ("https://example.com/a", "Talks resume", "2024-05-03"),
        ("https://example.com/relative", "Relative link", "2024-05-02")]


def test_feeds_read_atom_alternate_links_and_ids():
    feed = parse_feed(ATOM.encode(), "https://example.com/atom.xml")
    assert feed.kind == "atom" and feed.title == "Example Atom"
    assert [(i.url, i.published) for i in feed.items] == [
        ("https://example.com/news/ceasefire", "2024-05-02"), ("https://example.com/news/id-only", "2024-05-01")]


def test_feeds_read_news_sitemaps_with_their_titles_and_publication_dates():
    feed = parse_feed(NEWS_SITEMAP.encode(), "https://example.com/sitemap-news.xml")
    assert feed.kind == "sitemap"
    assert [(i.url, i.title, i.published) for i in feed.items] == [
        ("https://example.com/2024/05/03/summit", "Summit opens", "2024-05-03"),
        ("https://example.com/about", None, "2023-01-01")]


def test_feeds_read_rss_1_rdf_and_sitemap_indexes():
    rdf = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"'
           ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>RDF news</title></channel>'
           '<item><title>One</title><link>https://example.com/1</link><dc:date>2024-05-01</dc:date></item></rdf:RDF>')
    feed = parse_feed(rdf.encode(), "https://example.com/")
    assert feed.kind == "rdf" and [(i.url, i.published) for i in feed.items] == [("https://example.com/1", "2024-05-01")]
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.com/s1.xml'
             '</loc><lastmod>2024-05-01</lastmod></sitemap></sitemapindex>')
    assert parse_feed(index.encode(), "https://example.com/").kind == "sitemapindex"


def test_feeds_broken_xml_keeps_what_can_be_recovered_and_rejects_what_cannot():
    truncated = rss([("https://example.com/a", "Fine", "Fri, 03 May 2024 08:00:00 GMT")])[:-30]
    feed = parse_feed(truncated.encode() + b"<item><title>AT&T</title", "https://example.com/")
    assert feed.problem and feed.problem.startswith("broken XML") and [i.url for i in feed.items] == ["https://example.com/a"]
    with pytest.raises(FeedError, match="broken XML"):
        parse_feed(b"<?xml version='1.0'?><rss><channel><<<>>>", "https://example.com/")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"<?xml version='1.0'?><opml/>", "https://example.com/")


def test_feeds_do_not_expand_entities():
    evil = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rss><channel><title>&x;</title><item><link>https://example.com/a</link></item></channel></rss>')
    feed = parse_feed(evil, "https://example.com/")
    assert "root:" not in (feed.title or "")


def test_feeds_gunzip_opens_gzipped_sitemaps_within_a_limit():
    import gzip

    assert gunzip(b"<urlset/>", 100) == b"<urlset/>"
    assert gunzip(gzip.compress(NEWS_SITEMAP.encode()), 10_000) == NEWS_SITEMAP.encode()
    with pytest.raises(FeedError, match="more than"):
        gunzip(gzip.compress(b" " * 1_000_000), 10_000)  # 1 MB of spaces packs to 1 KB


def test_feeds_sniff_tells_feeds_from_html():
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0">') == "rss"
    assert sniff(ATOM.encode()) == "atom" and sniff(NEWS_SITEMAP.encode()) == "sitemap"
    assert sniff(article_html("t", "b").encode()) is None and sniff(b"plain text") is None


# -------------------------------------------------------------------------------------------- pages


def test_extract_page_text_title_date_and_canonical_url():
    html = article_html("Iran and Russia sign deal", "Iran and Russia signed a trade agreement in Moscow.\n\n"
                        "The deal covers energy and transport.", canonical="/story/1?utm_campaign=x")
    page = extract_page(html.encode(), "https://example.com/amp/1", "https://example.com/rss.xml", content_type="text/html")
    a = page.article
    assert a is not None and a.id == "https://example.com/amp/1" and a.url == "https://example.com/story/1"
    assert a.title == "Iran and Russia sign deal" and a.date == "2024-05-03" and page.date_source == "page"
    assert "signed a trade agreement" in a.text and "Home | World" not in a.text and "Copyright" not in a.text
    assert a.source == "https://example.com/rss.xml" and a.meta["fetched_url"] == "https://example.com/amp/1"


def test_extract_page_uses_the_feeds_title_and_date_when_the_page_has_no_believable_ones():
    html = ("<html><body><p>Egypt condemned the attack on the convoy near the border on Friday, officials said."
            "</p><p>The ministry called for restraint.</p></body></html>")
    page = extract_page(html.encode(), "https://example.com/a", "feed", feed_title="Egypt condemns attack",
                        feed_date="2024-05-03")
    assert page.article.title == "Egypt condemns attack" and page.article.date == "2024-05-03"
    assert page.article.text.startswith("Egypt condemns attack\n\n") and page.date_source == "feed"
    future = article_html("Later", "Germany and France signed a treaty in Berlin.", date="2099-01-01")
    page = extract_page(future.encode(), "https://example.com/b", "feed", feed_date="2024-05-04")
    assert page.article.date == "2024-05-04"  # a date in 2099 is not believed


def test_extract_page_failures_are_values():
    assert extract_page(b"\x89PNG\r\n", "https://example.com/i", "f", content_type="image/png").error == "not HTML"
    assert extract_page(b"<html><body></body></html>", "https://example.com/e", "f").error == "no main text"


def test_extract_dates_are_sane_from_1990_to_tomorrow_and_canonicals_stay_on_the_site():
    today = dt.date(2024, 5, 3)
    assert sane_date("2024-05-04", today) == "2024-05-04" and sane_date("2024-05-05", today) is None
    assert sane_date("1970-01-01", today) is None and sane_date("garbage", today) is None
    assert canonical_url('<meta property="og:url" content="https://www.example.com/x">', "https://example.com/y") == \
        "https://www.example.com/x"
    assert canonical_url('<link rel="canonical" href="https://elsewhere.org/x">', "https://example.com/y") is None


# -------------------------------------------------------------------------------------------- fetch


def test_fetch_sends_the_user_agent_and_returns_the_body(site):
    site.add("/a", Resp(body="hello"))
    with fetcher() as f:
        got = f.get(site.url("/a"))
    assert got.ok and got.status == 200 and got.body == b"hello" and got.attempts == 1
    assert site.requests[0][1]["user-agent"] == UA


def test_fetch_retries_a_500_then_succeeds(site):
    site.add("/flaky", [Resp(500), Resp(502), Resp(body="finally")])
    with fetcher() as f:
        got = f.get(site.url("/flaky"))
    assert got.ok and got.body == b"finally" and got.attempts == 3 and site.hits["/flaky"] == 3


def test_fetch_waits_as_long_as_retry_after_says(site):
    site.add("/busy", [Resp(429, headers={"Retry-After": "1"}), Resp(body="ok")])
    with fetcher(backoff=0.0) as f:
        t = time.monotonic()
        got = f.get(site.url("/busy"))
        waited = time.monotonic() - t
    assert got.ok and got.attempts == 2 and waited >= 0.95


def test_fetch_gives_up_for_the_round_when_retry_after_is_too_long(site):
    site.add("/later", Resp(429, headers={"Retry-After": "3600"}))
    with fetcher() as f:
        got = f.get(site.url("/later"))
    assert got.reason == "rate limited" and got.transient and site.hits["/later"] == 1


def test_fetch_times_out_on_a_slow_page_and_tries_again(site):
    site.add("/slow", Resp(body="late", delay=1.5))
    with fetcher(timeout=0.3, retries=1) as f:
        t = time.monotonic()
        got = f.get(site.url("/slow"))
    assert got.reason == "timeout" and got.transient and got.attempts == 2 and time.monotonic() - t < 1.5


def test_fetch_stops_at_a_redirect_loop(site):
    site.add("/loop-a", Resp(302, headers={"Location": "/loop-b"}))
    site.add("/loop-b", Resp(302, headers={"Location": "/loop-a"}))
    with fetcher() as f:
        got = f.get(site.url("/loop-a"))
    assert got.reason == "redirect loop" and not got.transient and site.hits["/loop-a"] <= 4


def test_fetch_abandons_a_huge_page_announced_or_not(site):
    big = b"<p>" + b"x" * 300_000 + b"</p>"
    site.add("/huge", Resp(body=big))
    site.add("/chunked", lambda h: Resp(body=big))
    with fetcher(max_bytes=100_000) as f:
        assert f.get(site.url("/huge")).reason == "too large"
        assert f.get(site.url("/chunked")).reason == "too large"


def test_fetch_a_4xx_is_not_retried_and_a_refused_connection_is(site):
    site.add("/gone", Resp(410))
    with fetcher() as f:
        gone = f.get(site.url("/gone"))
        refused = f.get("http://127.0.0.1:9/")  # the discard port: nothing listens
    assert gone.reason == "http 410" and not gone.transient and gone.attempts == 1
    assert refused.reason == "connection" and refused.transient and refused.attempts == 3


def test_fetch_spaces_requests_to_one_host(site):
    site.add("/p", Resp(body="ok"))
    with fetcher() as f:
        t = time.monotonic()
        threads = [threading.Thread(target=f.get, args=(site.url("/p"),), kwargs={"delay": 0.2}) for _ in range(3)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    assert time.monotonic() - t >= 0.4 and site.hits["/p"] == 3  # 3 requests, 0.2 s apart at least


def test_fetch_retry_after_reads_seconds_and_http_dates():
    assert retry_after("120") == 120.0 and retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Fri, 03 May 2024 08:00:30 GMT", now=dt.datetime(2024, 5, 3, 8, 0, tzinfo=dt.UTC).timestamp()) == 30.0


# ------------------------------------------------------------------------------------------- robots


def test_robots_disallow_and_crawl_delay_for_accord(site):
    site.add("/robots.txt", Resp(body="User-agent: *\nDisallow: /private/\n\nUser-agent: accord\nDisallow: /no-accord/\n"
                                 "Crawl-delay: 0.5\n", ctype="text/plain"))
    with fetcher() as f:
        robots = Robots(f, "accord")
        assert robots.allowed(site.url("/news/1")) and not robots.allowed(site.url("/no-accord/1"))
        assert robots.crawl_delay(site.url("/")) == 0.5
        assert "disallowed for accord" in robots.why_not(site.url("/no-accord/1"))
    assert site.hits["/robots.txt"] == 1  # read once per host


def test_robots_missing_allows_everything_and_a_failing_one_nothing(site):
    with fetcher() as f:
        assert Robots(f).allowed(site.url("/anything"))  # 404: no rules
    site.add("/robots.txt", Resp(503))
    with fetcher(retries=0) as f:
        robots = Robots(f)
        assert not robots.allowed(site.url("/anything")) and "unreadable" in robots.why_not(site.url("/x"))
