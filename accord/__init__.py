"""accord: political event data from news text.

>>> import accord
>>> result = accord.code("Iran on Thursday pledged to join the Shanghai Cooperation Organization.", date="2022-09-15")
>>> [(e.source.code, e.cameo, e.target.code) for e in result.events]  # doctest: +SKIP
"""

from __future__ import annotations

from accord.types import Actor, Amount, Article, ArticleResult, Event, Location, Mention, Quote

__version__ = "0.1.0"

_RESOURCES = None


def code(text: str, date: str | None = None, id: str = "text", title: str | None = None) -> ArticleResult:
    """Code one text with the default resources (loaded on first use)."""
    from accord.pipeline import Resources, process

    global _RESOURCES
    if _RESOURCES is None:
        _RESOURCES = Resources.load()
    return process(Article(id=id, text=text, date=date, title=title), _RESOURCES)


__all__ = ["Actor", "Amount", "Article", "ArticleResult", "Event", "Location", "Mention", "Quote", "code", "__version__"]
