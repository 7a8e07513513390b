"""Human-readable terminal views (rich)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from accord.types import ArticleResult


def _actor(a) -> str:
    return a.code or a.name if a else "—"


def print_result_table(result: ArticleResult, console: Console | None = None) -> None:
    # piped into a file or a pager, rich would assume 80 columns and fold every cell
    console = console or Console(width=None if sys.stdout.isatty() else 200)
    head = f"[bold]{result.article.id}[/bold]"
    if result.error:
        console.print(f"{head}: [red]{result.error}[/red]")
        return
    table = Table(title=f"{result.article.id} — {len(result.events)} events", show_lines=False)
    for col in ("source", "cameo", "target", "plover", "mod", "date"):
        table.add_column(col, no_wrap=True)
    table.add_column("evidence", overflow="fold", max_width=28)
    table.add_column("why", overflow="fold", ratio=1)
    for e in result.events:
        mod = ("NOT " if e.negated else "") + (e.modality if e.modality != "asserted" else "")
        table.add_row(_actor(e.source), e.cameo, _actor(e.target), e.plover_type or "", mod.strip(),
                      e.date or "", e.trigger or e.sentence[:60], e.rule)
    console.print(table)
    for q in result.quotes:
        console.print(f"  [cyan]quote[/cyan] {_actor(q.speaker)}: “{q.text[:100]}”")
    for a in result.amounts:
        console.print(f"  [green]amount[/green] {a.text} → {a.about or ''}")
