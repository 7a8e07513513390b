"""CLI commands for analysis and exports: thin wrappers over :mod:`accord.query`, :mod:`accord.export`
and :mod:`accord.plots` that open, call one function and print."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click
import pandas as pd

DB_OPTION = click.option("--db", required=True, type=click.Path(dir_okay=False), help="The accord DuckDB store.")
FROM_OPTION = click.option("--from", "start", metavar="YYYY-MM-DD", help="First date (inclusive).")
TO_OPTION = click.option("--to", "end", metavar="YYYY-MM-DD", help="Last date (inclusive).")
BY_OPTION = click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
                         show_default=True, help="Period; weeks are labelled by their Monday.")
ACTOR_HELP = "an ISO3 country (IRN), an organisation acronym (SCO) or an actor code prefix (RUSGOV)"
DATE_OPTION = click.option(
    "--date", "date_basis", type=click.Choice(["reported", "event"]), default="reported", show_default=True,
    help="Which date of an event periods, --from/--to and ordering use: reported = its article's publication "
         "date (a happening at its first report, as GDELT's DATEADDED); event = the date it is said to have "
         "happened.")
HISTORICAL_OPTION = click.option(
    "--include-historical", is_flag=True,
    help="With --date event, also count events dated more than a year before their article "
         "('the war that began in 1980'); they are always counted by reported date.")

CONFIDENCE_OPTION = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), metavar="FLOAT",
    help="Only events whose confidence (0..1: the measured precision of how the coder found them) is at "
         "least this; events stored without one are left out too. Default: every event.")


def _date_options(f):
    """--date, --include-historical and --min-confidence, shared by every command that dates events."""
    return DATE_OPTION(HISTORICAL_OPTION(CONFIDENCE_OPTION(f)))


def _clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's expected errors into one-line messages instead of tracebacks."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import duckdb

        try:
            return fn(*args, **kwargs)
        except (FileNotFoundError, ValueError, duckdb.Error) as exc:
            raise click.ClickException(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc

    return wrapper


def _dates_as_text(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object).where(out[col].notna(), None)
    return out


def _echo_frame(df: pd.DataFrame, fmt: str, title: str | None = None, columns: dict[str, str] | None = None) -> None:
    """Print ``df`` as a rich table, CSV, JSON (an array) or JSONL (one object a line).

    ``columns`` picks and renames the columns of the table view (CSV and JSON get every column).
    """
    if fmt == "csv":
        click.echo(df.to_csv(index=False, date_format="%Y-%m-%d"), nl=False)
    elif fmt in ("json", "jsonl"):
        records = [_json_record(r) for r in _dates_as_text(df).to_dict("records")]
        if fmt == "json":
            click.echo(json.dumps(records, ensure_ascii=False))
        else:
            for r in records:
                click.echo(json.dumps(r, ensure_ascii=False))
    else:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        shown = _dates_as_text(df[list(columns)] if columns else df)
        if columns:
            shown.columns = list(columns.values())
        table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
        for col in shown.columns:
            numeric = pd.api.types.is_numeric_dtype(shown[col]) and not pd.api.types.is_bool_dtype(shown[col])
            wide = col in ("sentence", "name")
            width = max([len(str(col))] + [len(str(v)) for v in shown[col].head(200)])
            table.add_column(col, justify="right" if numeric else "left", no_wrap=not wide,
                             min_width=min(width, 30 if wide else 12), overflow="fold")
        for row in shown.itertuples(index=False):
            table.add_row(*("" if v is None or (isinstance(v, float) and v != v) else str(v) for v in row))
        # piped tables are not squeezed to 80 columns
        Console(width=None if sys.stdout.isatty() else 200).print(table)


def _json_record(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, float) and v != v:
            v = None
        elif k == "happening_id" and v is not None:
            v = str(v)  # 60-bit ids do not survive JavaScript's doubles
        elif hasattr(v, "item"):
            v = v.item()
        out[k] = v
    return out


def _default_format(fmt: str | None, piped: str) -> str:
    return fmt or ("table" if sys.stdout.isatty() else piped)


@click.command("events")
@DB_OPTION
@click.option("--source", help=f"Source actor: {ACTOR_HELP}.")
@click.option("--target", help=f"Target actor: {ACTOR_HELP}.")
@click.option("--cameo", help="CAMEO code prefix: 05 = every code under root 05.")
@click.option("--plover", help="PLOVER event type, e.g. AGREE.")
@FROM_OPTION
@TO_OPTION
@click.option("--limit", type=click.IntRange(min=0), help="At most this many rows.")
@_date_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]),
              help="table (default on a terminal), csv, or jsonl (default when piped).")
@_clean_errors
def events_cmd(db: str, source: str | None, target: str | None, cameo: str | None, plover: str | None,
               start: str | None, end: str | None, limit: int | None, date_basis: str, include_historical: bool,
               min_confidence: float | None, fmt: str | None) -> None:
    """List coded events (every mention, negated ones flagged), oldest first.

    Every row has both dates: 'reported' (its article's publication date) and 'date' (when it is said
    to have happened); 'historical' flags an event dated more than a year before its article; 'conf' is
    its confidence.
    """
    from accord import query

    df = query.events(db, source=source, target=target, cameo=cameo, plover=plover, start=start, end=end,
                      limit=limit, date_basis=date_basis, include_historical=include_historical,
                      min_confidence=min_confidence)
    fmt = _default_format(fmt, "jsonl")
    columns = {"reported": "reported", "date": "date", "source_code": "source", "cameo": "cameo",
               "target_code": "target", "plover_type": "plover", "quad_class": "q", "goldstein": "gs",
               "negated": "neg", "historical": "hist", "confidence": "conf", "article_id": "article",
               "sentence": "sentence"}
    if fmt == "table":
        df = df.assign(negated=df.negated.map({True: "NOT", False: ""}),
                       historical=df.historical.map({True: "yes", False: ""}))
    _echo_frame(df, fmt, title=f"{len(df)} events", columns=columns)


def _dyad_options(f):
    """The arguments and options every dyad view shares: A B --db --by --both --from --to --date
    --include-historical --min-confidence."""
    for deco in reversed([click.argument("a"), click.argument("b"), DB_OPTION, BY_OPTION,
                          click.option("--both", is_flag=True, help="Count A→B and B→A."), FROM_OPTION, TO_OPTION,
                          DATE_OPTION, HISTORICAL_OPTION, CONFIDENCE_OPTION]):
        f = deco(f)
    return f


@click.command("dyad")
@_dyad_options
@click.option("--count", "count", type=click.Choice(["events", "mentions"]), default="events", show_default=True,
              help="events = one per happening; mentions = every report of it.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              help="table (default on a terminal), csv (default when piped), json.")
@_clean_errors
def dyad_cmd(a: str, b: str, db: str, by: str, both: bool, start: str | None, end: str | None,
             date_basis: str, include_historical: bool, min_confidence: float | None, count: str,
             fmt: str | None) -> None:
    """Events from A to B per period, by QuadClass, with Goldstein and tone.

    A and B are each an ISO3 country, an organisation acronym or an actor code prefix. Periods without
    events are listed with zero counts and empty means. Periods are of the reported date by default
    (--date event: of the date the event happened).
    """
    from accord import query

    df = query.dyad_series(db, a, b, by=by, both=both, start=start, end=end, count=count, date_basis=date_basis,
                           include_historical=include_historical, min_confidence=min_confidence)
    arrow = "↔" if both else "→"
    _echo_frame(df, _default_format(fmt, "csv"), title=f"{a.upper()} {arrow} {b.upper()} by {by} ({date_basis} date)")


@click.command("panel")
@DB_OPTION
@BY_OPTION
@click.option("--countries", metavar="ISO3,ISO3", help="Only these countries (comma-separated).")
@FROM_OPTION
@TO_OPTION
@_date_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              help="table (default on a terminal), csv (default when piped), json.")
@_clean_errors
def panel_cmd(db: str, by: str, countries: str | None, start: str | None, end: str | None, date_basis: str,
              include_historical: bool, min_confidence: float | None, fmt: str | None) -> None:
    """Country × period event counts by QuadClass (long format, every period present).

    An event counts for a country when the country is its source or its target.
    """
    from accord import query

    wanted = [c for c in (countries or "").split(",") if c.strip()] or None
    df = query.panel(db, by=by, countries=wanted, start=start, end=end, date_basis=date_basis,
                     include_historical=include_historical, min_confidence=min_confidence)
    _echo_frame(df, _default_format(fmt, "csv"), title=f"country panel by {by} ({date_basis} date)")


@click.command("dyads")
@DB_OPTION
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many dyads.")
@click.option("--level", type=click.Choice(["code", "country"]), default="code", show_default=True,
              help="Actor codes (RUSGOV) or their countries/organisations (RUS).")
@FROM_OPTION
@TO_OPTION
@_date_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              help="table (default on a terminal), csv (default when piped), json.")
@_clean_errors
def dyads_cmd(db: str, top: int, level: str, start: str | None, end: str | None, date_basis: str,
              include_historical: bool, min_confidence: float | None, fmt: str | None) -> None:
    """The most active directed dyads, with mentions and the QuadClass split (first_date and last_date
    of the --date basis)."""
    from accord import query

    df = query.top_dyads(db, top=top, level=level, start=start, end=end, date_basis=date_basis,
                         include_historical=include_historical, min_confidence=min_confidence)
    _echo_frame(df, _default_format(fmt, "csv"), title=f"top {top} dyads")


@click.command("network")
@DB_OPTION
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="file.graphml or file.json")
@click.option("--level", type=click.Choice(["code", "country"]), default="code", show_default=True,
              help="Actor codes (RUSGOV) or their countries/organisations (RUS).")
@CONFIDENCE_OPTION
@_clean_errors
def network_cmd(db: str, out: str, level: str, min_confidence: float | None) -> None:
    """Write the actor network: nodes are actors with event counts, edges are dyads with counts and the
    mean Goldstein score. GraphML for .graphml, node-link JSON for .json."""
    from accord import query

    g = query.write_network(db, out, level=level, min_confidence=min_confidence)
    click.echo(f"{out}: {g.number_of_nodes()} actors, {g.number_of_edges()} dyads", err=True)


@click.command("export")
@DB_OPTION
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gdelt", "gdelt-mentions", "plover", "parquet", "csv"]),
              help="gdelt (GDELT 2.0 events, TSV), gdelt-mentions, plover (JSONL), parquet or csv (a directory).")
@click.option("--out", required=True, type=click.Path(), help="Output file; a directory for parquet and csv.")
@_clean_errors
def export_cmd(db: str, fmt: str, out: str) -> None:
    """Export the store: GDELT 2.0 events (one row per happening) or mentions, POLECAT-style PLOVER JSONL,
    or every table as Parquet or CSV files."""
    from accord.export import export

    for path in export(db, fmt, out):
        click.echo(str(path), err=True)


@click.group("plot")
def plot_group() -> None:
    """Pictures of the store (PNG, SVG or PDF by the --out suffix)."""


@plot_group.command("dyad")
@_dyad_options
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Image file, e.g. dyad.png.")
@_clean_errors
def plot_dyad_cmd(a: str, b: str, db: str, by: str, both: bool, start: str | None, end: str | None,
                  date_basis: str, include_historical: bool, min_confidence: float | None, out: str) -> None:
    """Stacked QuadClass counts per period with the mean Goldstein score as a line."""
    from accord.plots import plot_dyad

    click.echo(str(plot_dyad(db, a, b, out, by=by, both=both, start=start, end=end, date_basis=date_basis,
                             include_historical=include_historical, min_confidence=min_confidence)), err=True)


@plot_group.command("map")
@DB_OPTION
@FROM_OPTION
@TO_OPTION
@_date_options
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Image file, e.g. map.png.")
@_clean_errors
def plot_map_cmd(db: str, start: str | None, end: str | None, date_basis: str, include_historical: bool,
                 min_confidence: float | None, out: str) -> None:
    """Event locations sized by count and coloured by mean Goldstein score."""
    from accord.plots import plot_map

    click.echo(str(plot_map(db, out, start=start, end=end, date_basis=date_basis,
                            include_historical=include_historical, min_confidence=min_confidence)), err=True)


COMMANDS: list[click.Command] = [events_cmd, dyad_cmd, panel_cmd, dyads_cmd, network_cmd, export_cmd, plot_group]
