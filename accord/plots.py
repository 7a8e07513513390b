"""Pictures of the store, drawn with matplotlib's Agg canvas (no display, no pyplot global state)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from accord.query import DB, DateLike, confidence_clauses, connect, date_column, dyad_series, range_clauses

# QuadClass colours: cooperation in blues, conflict in reds; material darker than verbal
QUAD_STYLE = {
    "quad1": ("verbal cooperation", "#9ecae1"),
    "quad2": ("material cooperation", "#3182bd"),
    "quad3": ("verbal conflict", "#fc9272"),
    "quad4": ("material conflict", "#de2d26"),
}


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def plot_dyad(
    db: DB,
    a: str,
    b: str,
    out: str | os.PathLike,
    by: str = "month",
    both: bool = False,
    start: DateLike = None,
    end: DateLike = None,
    date_basis: str = "reported",
    include_historical: bool = False,
    min_confidence: float | None = None,
) -> Path:
    """Stacked QuadClass counts per period with the mean Goldstein score as a line; writes ``out``.

    Periods are of ``date_basis``; ``min_confidence`` leaves out reports (see :func:`accord.query.dyad_series`)."""
    df = dyad_series(db, a, b, by=by, both=both, start=start, end=end, date_basis=date_basis,
                     include_historical=include_historical, min_confidence=min_confidence)
    arrow = "↔" if both else "→"
    title = f"{a.upper()} {arrow} {b.upper()}: events by {by} ({date_basis} date{_confidence_note(min_confidence)})"
    fig = _figure(max(7.0, min(16.0, 0.28 * len(df) + 4)), 4.8)
    ax = fig.add_subplot()
    if df.empty:
        ax.text(0.5, 0.5, "no dated events for this dyad", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title)
        return _save(fig, out)
    x = np.arange(len(df))
    bottom = np.zeros(len(df))
    for col, (label, colour) in QUAD_STYLE.items():
        ax.bar(x, df[col], bottom=bottom, color=colour, label=label, width=0.8, edgecolor="white", linewidth=0.4)
        bottom += df[col].to_numpy()
    ax.set_ylabel("events")
    ax.set_ylim(0, max(1.0, float(bottom.max())) * 1.08)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(-0.6, len(df) - 0.4)
    step = max(1, math.ceil(len(df) / 24))
    ax.set_xticks(x[::step], df.period.iloc[::step], rotation=45 if len(df) > 8 else 0, ha="right" if len(df) > 8 else "center")
    ax.spines[["top"]].set_visible(False)

    gx = ax.twinx()
    gx.plot(x, df.goldstein_mean, color="#333333", marker="o", markersize=3.5, linewidth=1.4, label="Goldstein mean")
    gx.axhline(0, color="#999999", linewidth=0.6, linestyle=":")
    gx.set_ylim(-10.5, 10.5)
    gx.set_ylabel("mean Goldstein score (−10 conflict … +10 cooperation)")
    gx.spines[["top"]].set_visible(False)

    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = gx.get_legend_handles_labels()
    fig.legend(handles + h2, labels + l2, loc="outside lower center", fontsize=8, frameon=False, ncols=3)
    fig.suptitle(f"{title} ({int(df.events.sum())} events)")
    return _save(fig, out)


def plot_map(db: DB, out: str | os.PathLike, start: DateLike = None, end: DateLike = None, label: int = 12,
             date_basis: str = "reported", include_historical: bool = False,
             min_confidence: float | None = None) -> Path:
    """Event locations as circles sized by count and coloured by mean Goldstein, on a lon/lat graticule.

    No offline country outlines ship with accord's dependencies, so the map is a plain equirectangular
    scatter; the ``label`` most frequent places are named.
    """
    df = map_points(db, start=start, end=end, date_basis=date_basis, include_historical=include_historical,
                    min_confidence=min_confidence)
    fig = _figure(11, 6)
    ax = fig.add_subplot()
    n = int(df["events"].sum()) if not df.empty else 0
    ax.set_title(f"Event locations ({n} events, {len(df)} places{_confidence_note(min_confidence)})")
    if df.empty:
        ax.text(0.5, 0.5, "no located events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _save(fig, out)
    x0, x1, y0, y1 = _extent(df)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    step = 30 if max(x1 - x0, y1 - y0) > 90 else 10 if max(x1 - x0, y1 - y0) > 30 else 5
    ax.set_xticks(np.arange(math.ceil(x0 / step) * step, x1 + 0.1, step))
    ax.set_yticks(np.arange(math.ceil(y0 / step) * step, y1 + 0.1, step))
    ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'E' if v > 0 else 'W' if v < 0 else ''}")
    ax.yaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'N' if v > 0 else 'S' if v < 0 else ''}")
    ax.grid(color="#cccccc", linewidth=0.6)
    ax.set_facecolor("#f4f8fb")
    size = 30 + 900 * np.sqrt(df["events"] / df["events"].max())
    sc = ax.scatter(df.lon, df.lat, s=size, c=df.goldstein_mean, cmap="RdYlBu", vmin=-10, vmax=10,
                    alpha=0.75, edgecolors="#333333", linewidths=0.5, zorder=3)
    fig.colorbar(sc, ax=ax, shrink=0.7, label="mean Goldstein score")
    for row in df.head(label).itertuples():
        ax.annotate(f"{row.name} ({row.events})", (row.lon, row.lat), xytext=(6, 6), textcoords="offset points",
                    fontsize=8, zorder=4)
    return _save(fig, out)


def map_points(db: DB, start: DateLike = None, end: DateLike = None, date_basis: str = "reported",
               include_historical: bool = False, min_confidence: float | None = None) -> pd.DataFrame:
    """Located happenings per place: name, country, lat, lon, events, goldstein_mean; most events first.

    ``start``/``end`` are of ``date_basis``; historical happenings count by report date only, unless asked;
    with ``min_confidence`` a happening counts when one of its (non-negated) reports reaches it."""
    column = date_column(date_basis)
    clauses: list[str] = ["lat IS NOT NULL", "lon IS NOT NULL"]
    params: list[Any] = []
    if column == "date" and not include_historical:
        clauses.append("NOT historical")
    if confident := confidence_clauses(min_confidence, params):
        clauses.append("happening_id IN (SELECT happening_id FROM event_facts"
                       f" WHERE NOT coalesce(negated, false) AND {confident[0]})")
    clauses += range_clauses(start, end, params, column)
    sql = f"""
    SELECT coalesce(any_value(location_name), '?') AS name, any_value(location_country) AS country,
           round(lat, 2) AS lat, round(lon, 2) AS lon, count(*) AS events, avg(goldstein) AS goldstein_mean
    FROM happenings WHERE {' AND '.join(clauses)}
    GROUP BY round(lat, 2), round(lon, 2)
    ORDER BY events DESC, name
    """
    with connect(db) as con:
        return con.execute(sql, params).df()


def _confidence_note(min_confidence: float | None) -> str:
    """", confidence ≥ 0.5" for a title, or nothing without a threshold."""
    return "" if min_confidence is None else f", confidence ≥ {min_confidence:g}"


def _extent(df: pd.DataFrame) -> tuple[float, float, float, float]:
    """The data's bounding box padded to at least 40° × 25°, clipped to the globe."""
    cx, cy = (df.lon.min() + df.lon.max()) / 2, (df.lat.min() + df.lat.max()) / 2
    w = max(40.0, (df.lon.max() - df.lon.min()) * 1.3)
    h = max(25.0, (df.lat.max() - df.lat.min()) * 1.3)
    x0, x1 = max(-180.0, cx - w / 2), min(180.0, cx + w / 2)
    y0, y1 = max(-90.0, cy - h / 2), min(90.0, cy + h / 2)
    return x0, x1, y0, y1


def _save(fig: Figure, out: str | os.PathLike) -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path
