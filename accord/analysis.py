"""The analysis API in one import: DataFrames from the store, exports and plots.

>>> from accord import analysis as aa
>>> aa.dyad_series("news.duckdb", "IRN", "IRQ", by="month", both=True)  # doctest: +SKIP

Every series, list and plot takes ``date_basis`` (``"reported"``, the default: the article's publication
date; ``"event"``: the date the event happened), ``include_historical`` and ``min_confidence`` (a
threshold in [0, 1] on every event's ``confidence``; ``None``, the default, keeps every event); see
:mod:`accord.query`.
"""

from __future__ import annotations

from accord.export import export
from accord.plots import map_points, plot_dyad, plot_map
from accord.query import (
    DATE_BASES,
    connect,
    dyad_series,
    events,
    network,
    panel,
    to_graph,
    top_dyads,
    write_network,
)

__all__ = ["DATE_BASES", "connect", "dyad_series", "events", "export", "map_points", "network", "panel",
           "plot_dyad", "plot_map", "to_graph", "top_dyads", "write_network"]
