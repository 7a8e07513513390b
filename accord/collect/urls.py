"""URL normalisation: one spelling per page, so a URL seen before is recognised and not fetched again.

    normalise("HTTPS://Example.com:443/a/b?utm_source=rss&id=7#top")  →  "https://example.com/a/b?id=7"

Scheme and host are lower-cased, default ports, fragments and tracking parameters dropped, the
remaining query parameters sorted. The path is kept as given (servers may treat case as meaningful).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that say how a reader arrived, not which page it is (campaign tags of analytics tools,
# click ids of ad and social networks, newsletter tags). Prefixes end with "_".
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "hsa_", "oly_", "at_")
TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mkt_tok", "_ga", "_gl",
    "ocid", "cmpid", "smid", "taid", "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname",
    "ns_fee", "xtor", "ref_src", "wt.mc_id",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_NAMES or low.startswith(TRACKING_PREFIXES)


def normalise(url: str) -> str:
    """The one spelling of ``url`` used as its key in the frontier (see the module docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the URL's authority as it is
        port = None
    netloc = host
    if port and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """``host[:port]`` of a URL: the unit of politeness (robots.txt, rate and concurrency limits)."""
    parts = urlsplit(url)
    return parts.netloc.rsplit("@", 1)[-1].lower()


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on the same host, ``www.`` aside (a page may name only such a canonical URL)."""
    def bare(u: str) -> str:
        h = host_of(u)
        return h[4:] if h.startswith("www.") else h

    return bare(a) == bare(b) and urlsplit(a).scheme in ("http", "https") and urlsplit(b).scheme in ("http", "https")


def is_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
