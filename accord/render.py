"""Human-readable terminal views (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from accord.types import ArticleResult


def _actor(a) -> str:
    return a.code or a.name if a else "—"


def print_result_table(result: ArticleResult, console: Console | None = None) -> None:
    console = console or Console()
    head = f"[bold]{result.article.id}[/bold]"
    if result.error:
        console.print(f"{head}: [red]{result.error}[/red]")
        return
    table = Table(title=f"{result.article.id} — {len(result.events)} events", show_lines=False)
    for col in ("source", "cameo", "target", "plover", "mod", "date", "evidence", "why"):
        table.add_column(col, overflow="fold")
    for e in result.events:
        mod = ("NOT " if e.negated else "") + (e.modality if e.modality != "asserted" else "")
        table.add_row(_actor(e.source), e.cameo, _actor(e.target), e.plover_type or "", mod.strip(),
                      e.date or "", e.trigger or e.sentence[:60], e.rule)
    console.print(table)
    for q in result.quotes:
        console.print(f"  [cyan]quote[/cyan] {_actor(q.speaker)}: “{q.text[:100]}”")
    for a in result.amounts:
        console.print(f"  [green]amount[/green] {a.text} → {a.about or ''}")
