"""``accord serve`` and ``accord feedback export``: thin commands over :mod:`accord.web`."""

from __future__ import annotations

import json

import click


@click.command("serve")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The accord store (DuckDB file).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but 127.0.0.1/localhost needs --token.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", default=None, help="Secret every request must carry (?token=..., then a cookie).")
@click.option("--watch", "watch_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Ingest files arriving in DIR, in this process, through the one writer.")
@click.option("--interval", default=2.0, show_default=True, type=click.FloatRange(0.05),
              help="With --watch: seconds between looks at DIR.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(0, 64),
              help="With --watch: processes coding the files, each loading the model once "
                   "(0: in the server process, which slows its pages).")
@click.option("--collect", "sources", multiple=True, metavar="SOURCE",
              help="Collect from SOURCE (feeds; repeatable) with accord.collect.poll, in the writer thread.")
@click.option("--every", default="15m", show_default=True, help="How often --collect polls (30s, 15m, 1h).")
@click.option("--contact", default="", envvar="ACCORD_CONTACT",
              help="For --collect: an e-mail or URL site owners can reach you at, sent in the User-Agent.")
@click.option("--snapshot/--no-snapshot", default=None,
              help="Serve a read-only copy refreshed as the file changes (default: only when another process writes it).")
@click.option("--refresh", default=30.0, show_default=True, help="Seconds between snapshot refreshes.")
@click.option("--readers", default=4, show_default=True, type=click.IntRange(1, 32), help="Reader threads.")
@click.option("--time-limit", default=5.0, show_default=True, type=click.FloatRange(0.1, 600),
              help="Seconds one HTTP query may run before it is stopped.")
@click.option("--dict", "dicts", multiple=True, metavar="FILE", help="Extra actor/verb dictionary for --watch ingest.")
def serve_cmd(db: str, host: str, port: int, token: str | None, watch_dir: str | None, interval: float, workers: int, sources: tuple[str, ...],
              every: str, contact: str, snapshot: bool | None, refresh: float, readers: int, time_limit: float,
              dicts: tuple[str, ...]) -> None:
    """Serve the dashboard and JSON API over a store (offline: every asset ships in the package).

    \b
    accord serve --db news.duckdb                         # http://127.0.0.1:8000/
    accord serve --db news.duckdb --watch incoming/       # live: new files are ingested as they arrive
    accord serve --db news.duckdb --host 0.0.0.0 --token SECRET

    This process owns the store: pages read on cursors of its connection (a bounded pool, each query
    stopped after --time-limit), and --watch/--collect write through its one writer. While another
    process (accord ingest) writes the file, the server shows a read-only snapshot it refreshes.
    """
    from accord.store import StoreError
    from accord.web.server import ServeError, ServeSettings, parse_every, serve

    try:
        settings = ServeSettings(db=db, host=host, port=port, token=token, watch=watch_dir, interval=interval, workers=workers,
                                 collect=sources,
                                 every=parse_every(every), snapshot=snapshot, refresh=refresh, readers=readers,
                                 time_limit=time_limit, dictionaries=dicts, contact=contact)
        serve(settings, log=lambda msg: click.echo(msg, err=True))
    except (ServeError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc


@click.group("feedback")
def feedback_group() -> None:
    """Corrections readers stored with the dashboard's "this coding is wrong" form."""


@feedback_group.command("export")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--gold", type=click.Path(dir_okay=False), help="Write PLOVER gold-standard records (accord eval reads them).")
@click.option("--dict", "dictionary", type=click.Path(dir_okay=False),
              help="Write user dictionary entries (verbs and actors, --dict format) to review.")
def feedback_export_cmd(db: str, gold: str | None, dictionary: str | None) -> None:
    """Write the stored corrections as a gold file and/or user dictionary entries; prints the counts."""
    import duckdb

    from accord.web import feedback as fb

    if not gold and not dictionary:
        raise click.UsageError("give --gold FILE, --dict FILE or both")
    try:
        con = duckdb.connect(db, read_only=True)
    except duckdb.Error as exc:
        raise click.ClickException(f"cannot open {db}: {exc}") from exc
    try:
        if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'feedback'").fetchone()[0]:
            raise click.ClickException(f"{db} has no feedback table: open it once with a current accord")
        click.echo(json.dumps(fb.export(con, gold, dictionary)))
    finally:
        con.close()


COMMANDS = [serve_cmd, feedback_group]
