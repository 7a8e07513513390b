"""accord: political event data from news text.

>>> import accord
>>> result = accord.code("Iran on Thursday pledged to join the Shanghai Cooperation Organization.", date="2022-09-15")
>>> [(e.source.code, e.cameo, e.target.code) for e in result.events]  # doctest: +SKIP
"""

from __future__ import annotations

import os as _os
import sys as _sys

# The same text codes the same way on every run: a multi-threaded BLAS sums in an order that depends on
# the machine's load, and spaCy's parses (so events) can differ in rare sentences between two runs. One
# BLAS thread costs nothing here (the model's matrices are small; more cores go to --workers). Only
# effective when accord is imported before numpy; set the variables yourself to choose otherwise.
if "numpy" not in _sys.modules:
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        _os.environ.setdefault(_var, "1")

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
