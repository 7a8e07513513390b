"""CLI commands over the store: ``accord ingest`` and ``accord stats``. Thin: parse, call, print."""

from __future__ import annotations

import json
import sys

import click

DB_HELP = "The accord DuckDB store (created if missing; DuckDB 2.x storage format, see README)."


@click.command("ingest")
@click.argument("paths", nargs=-1, required=False, metavar="[PATH...]")
@click.option("--db", default="accord.duckdb", show_default=True, type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Processes coding articles; each loads the model once (with --dask local: Dask workers).")
@click.option("--dict", "dicts", multiple=True, metavar="FILE", type=click.Path(exists=True, dir_okay=False),
              help="Extra actor/verb dictionary (YAML); repeatable.")
@click.option("--date", "default_date", metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain-text files).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds one article may take to code before it is rejected (0: no limit).")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr: a bar on a terminal, a line a second otherwise (default: on a terminal).")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that can yield events (faster); --no-prefilter parses every sentence.")
@click.option("--model/--no-model", default=False, show_default=True,
              help="Also code sentences that link two actors with no dictionary trigger, by the shipped sentence "
                   "classifier (rule 'model:plover-lr p=...'); off by default: see README 'The sentence model'.")
@click.option("--max-chars", default=1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Characters of text an article may have; a longer one is rejected with its length as the reason.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster "
                   "of --workers processes. Results are staged as Parquet and merged into --db here.")
@click.option("--staging", metavar="DIR|URL",
              help="With --dask: where workers write Parquet partitions (default: DB.parts/; on a cluster a "
                   "shared folder or an fsspec URL such as s3://bucket/parts/).")
@click.option("--partition-size", default=200, show_default=True, type=click.IntRange(1, 100_000),
              help="With --dask: articles per task and per Parquet partition.")
@click.option("--watch", "watch_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Keep running: ingest files as they arrive in DIR (recursively; after PATH... if given) "
                   "until Ctrl-C or SIGTERM; a restart skips files already ingested.")
@click.option("--interval", default=2.0, show_default=True, type=click.FloatRange(min=0.05),
              help="With --watch: seconds between looks at DIR.")
def ingest_cmd(paths: tuple[str, ...], db: str, workers: int, dicts: tuple[str, ...], default_date: str | None,
               timeout: float, progress: bool | None, prefilter: bool, model: bool, max_chars: int, dask_address: str | None,
               staging: str | None, partition_size: int, watch_dir: str | None, interval: float) -> None:
    """Read articles from PATH... and store them, coded, in the store --db.

    \b
    PATH is a plain-text file (one article), an HTML page, JSONL or CSV (fields id, text, date, title,
    url; others kept as metadata), a .gz of any of these, a directory (read recursively), '-' for
    JSONL on stdin, or an fsspec URL (s3://…, gs://…) when the matching filesystem is installed.
    Articles already stored are skipped, repeats (exact or near) are counted as further sources, and
    bad items are recorded in the rejects table; the command exits 0 once every good article is
    stored. Interrupted? Run the same command again: it resumes.

    \b
    Scale out:   accord ingest corpus/ --db news.duckdb --dask local --workers 8
                 accord ingest s3://bucket/news/ --db news.duckdb --dask tcp://scheduler:8786 --staging s3://bucket/parts/
    Keep up:     accord ingest --watch incoming/ --db news.duckdb
    """
    from accord.ingest import WorkerLost
    from accord.pipeline import Config
    from accord.store import StoreError

    if not paths and not watch_dir:
        raise click.UsageError("give PATH... to ingest, or --watch DIR")
    if staging and not dask_address:
        raise click.UsageError("--staging goes with --dask")
    config = Config(dictionaries=dicts, prefilter=prefilter, model=model, max_chars=max_chars)
    command = "accord ingest " + " ".join(sys.argv[2:])
    show = sys.stderr.isatty() if progress is None else progress
    try:
        if paths:
            with _progress_bar(show) as bar:
                if dask_address:
                    from accord.distributed import ingest_dask

                    try:
                        report = ingest_dask(list(paths), db, dask_address, workers=workers, config=config,
                                             partition_size=partition_size, staging=staging, progress=bar,
                                             default_date=default_date, timeout=timeout or None,
                                             command=command)
                    except OSError as exc:  # the scheduler cannot be reached, the staging folder written, ...
                        raise click.ClickException(f"--dask {dask_address}: {exc} (what is stored stays; "
                                                   "run the same command again to resume)") from exc
                else:
                    from accord.ingest import ingest

                    report = ingest(list(paths), db, workers=workers, config=config, progress=bar,
                                    default_date=default_date, timeout=timeout or None, command=command)
            click.echo(report.summary())
        if watch_dir:
            _watch(watch_dir, db, config, interval, workers=workers, default_date=default_date,
                   timeout=timeout or None)
    except (StoreError, WorkerLost) as exc:
        raise click.ClickException(str(exc)) from exc


def _watch(directory: str, db: str, config, interval: float, **options) -> None:
    """Run the watcher until Ctrl-C or SIGTERM: the file being ingested is finished, then it stops
    (a second Ctrl-C stops at once; the open batch is rolled back and stored again on restart)."""
    import signal
    import threading

    from accord.watch import watch

    stop = threading.Event()

    def on_signal(signum, frame) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        click.echo("stopping after the current file (Ctrl-C again to stop now)", err=True)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    click.echo(f"watching {directory} (every {interval:g} s; Ctrl-C to stop)", err=True)
    report = watch(directory, db, interval=interval, config=config, stop=stop,
                   on_file=lambda path, r: click.echo(f"{path}: {r.summary()}", err=True), **options)
    click.echo(report.summary())


class _progress_bar:  # noqa: N801 — used as a context manager, like a function
    """Progress on stderr: a rich bar on a terminal, else a plain line a second (for logs); off when hidden."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar = None
        self.task = None
        self.last = 0.0
        self.plain = not sys.stderr.isatty()

    def __enter__(self):
        if not self.show:
            return None
        if self.plain:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:,.1f} articles/s"), TextColumn("{task.fields[what]}"),
            TimeElapsedColumn(), console=Console(stderr=True), transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=None, rate=0.0, what="")
        return self

    def __call__(self, report, total: int | None) -> None:
        import time

        now = time.monotonic()
        final = total is not None and report.done >= total
        if now - self.last < (1.0 if self.plain else 0.1) and not final:
            return
        self.last = now
        what = f"{report.stored:,} stored, {report.duplicates:,} duplicates, {report.rejects:,} rejects"
        if self.plain:
            of = f"/{total:,}" if total else ""
            click.echo(f"ingest: {report.done:,}{of} items, {what}, {report.rate:,.1f} articles/s", err=True)
            return
        self.bar.update(self.task, completed=report.done, total=max(total or 0, report.done) or None,
                        rate=report.rate, what=what)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@click.command("stats")
@click.option("--db", default="accord.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The accord DuckDB store.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default=None,
              help="json: the counts as one JSON object; table: readable (default on a terminal).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(0), help="Top dyads in the table view.")
def stats_cmd(db: str, fmt: str | None, top: int) -> None:
    """Counts of what the store holds: articles, events, rejects, duplicates, languages, ...

    Also what the coder found beyond its dictionaries and how far to trust it: events with an unknown
    actor (a name but no code) and the 10 most frequent such names, agentless events (no source), the
    mean confidence and the events below 0.5 (see --min-confidence of the analysis commands).
    """
    from accord.store import Store, StoreError

    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    try:
        with Store(db, read_only=True) as store:
            stats = store.stats()
            from accord.collect.state import collection_stats

            if collected := collection_stats(store.con):  # only once `accord collect` has run
                stats["collection"] = collected
            dyads = store.top_dyads(top) if fmt == "table" and top else []
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(stats))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"accord store {db}", show_header=False)
    flat = {k: v for k, v in stats.items() if k != "collection"}
    flat.update({f"collect {k}".replace("_", " "): v for k, v in stats.get("collection", {}).items()})
    for key, value in flat.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k} {v:,}" for k, v in value.items())
        else:
            shown = "" if value is None else f"{value:,}"  # a store with no confidences has no mean
        table.add_row(key, shown or "-")
    console = Console()
    console.print(table)
    if dyads:
        top_table = Table(title="top dyads (event mentions)")
        for col in ("source", "target", "events"):
            top_table.add_column(col)
        for d in dyads:
            top_table.add_row(d["source"], d["target"], f"{d['events']:,}")
        console.print(top_table)


COMMANDS: list[click.Command] = [ingest_cmd, stats_cmd]
