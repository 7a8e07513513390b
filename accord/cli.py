"""The ``accord`` command line: a thin layer over the library. Only this module (and the web app) prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from accord import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accord")
def main() -> None:
    """accord: political event data (CAMEO and PLOVER) from news text.

    \b
    Quick look at one text:    accord code "Iran pledged to join the SCO." --date 2022-09-15
    Build a store:             accord ingest articles/ --db news.duckdb
    Check it:                  accord stats --db news.duckdb

    \b
    Environment:
      ACCORD_CACHE_DIR   where built lookup tables are kept between runs (default
                         ~/.cache/accord, about 110 MB); "off" builds them in every process
    """


def _read_code_inputs(text: str | None, input_path: str | None, date: str | None):
    """Articles for ``accord code``: a text argument, a plain-text file, or JSONL (file or stdin)."""
    from accord.readers import article_from_json_line
    from accord.types import Article

    if text is not None:
        yield Article(id="text", text=text, date=date)
        return
    if input_path is None:
        raise click.UsageError("give a TEXT argument or --input FILE (use '-' for JSONL on stdin)")
    if input_path == "-":
        lines = sys.stdin
        is_jsonl = True
        name = "stdin"
    else:
        p = Path(input_path)
        raw = p.read_bytes()
        body = raw.decode("utf-8", errors="replace")
        name = p.name
        is_jsonl = p.suffix in (".jsonl", ".ndjson") or (body.lstrip().startswith("{") and p.suffix != ".txt")
        if not is_jsonl:
            yield Article(id=name, text=body, date=date, source=str(p))
            return
        lines = body.splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield article_from_json_line(line, default_date=date, source=name, line_no=n)


@main.command("code")
@click.argument("text", required=False)
@click.option("--input", "input_path", metavar="FILE", help="Plain-text article, or JSONL ('-' = stdin).")
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date when the input has none.")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default=None,
    help="jsonl (default when stdout is not a terminal) or a readable table with a 'why' column.",
)
@click.option("--dict", "dicts", multiple=True, metavar="FILE", help="Extra actor/verb dictionary (YAML); repeatable.")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that can yield events (faster); --no-prefilter parses every sentence.")
@click.option("--model/--no-model", default=False, show_default=True,
              help="Also code sentences that link two actors with no dictionary trigger, by the shipped sentence "
                   "classifier (rule 'model:plover-lr p=...'); off by default: see README 'The sentence model'.")
@click.option("--max-chars", default=1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Characters of text an article may have; a longer one is an error with its length as the reason.")
def code_cmd(text: str | None, input_path: str | None, date: str | None, fmt: str | None, dicts: tuple[str, ...],
             prefilter: bool, model: bool, max_chars: int) -> None:
    """Code articles into events, quotes, amounts and places; prints, stores nothing.

    Output follows the contract in CONTRACT.md: one JSON object per article. Text wrapped at a fixed
    width is read as running text: a line break inside a sentence is a space, whatever the text's
    length; blank lines, indented lines, list items and title lines still separate.
    """
    from accord.errors import InputError
    from accord.pipeline import Config, Resources, process
    from accord.types import ArticleResult

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    try:
        res = Resources.load(Config(dictionaries=dicts, prefilter=prefilter, model=model, max_chars=max_chars))
    except Exception as exc:  # dictionary or model problems: a clean message, not a traceback
        raise click.ClickException(str(exc)) from exc
    for item in _read_code_inputs(text, input_path, date):
        if isinstance(item, InputError):
            result = ArticleResult(article=item.article(), error=item.reason, status="error")
        else:
            result = process(item, res)
        if fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            from accord.render import print_result_table

            print_result_table(result)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Score this JSONL output instead of running the coder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--dict", "dicts", multiple=True, metavar="FILE", help="Extra actor/verb dictionary (YAML); repeatable.")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that can yield events; --no-prefilter parses every sentence.")
def eval_cmd(gold: str, pred: str | None, fmt: str, dicts: tuple[str, ...], prefilter: bool) -> None:
    """Score the coder against a gold file (seed-article gold JSON, PLOVER gold-standard records, or PLV
    actor pairs as tab-separated values with a marked_sentence column).

    Prints recall and precision overall, by CAMEO root or PLOVER type, and for actors; the last line
    of text output is the summary, as ../shared/tools/score.py prints it.
    """
    from accord.evaluate import evaluate, format_score
    from accord.pipeline import Config, Resources, process
    from accord.types import Article

    pred_rows = None
    if pred:
        pred_rows = {str(r.get("id")): r for r in (json.loads(x) for x in Path(pred).read_text().splitlines() if x.strip())}

    def coder(articles):
        res = Resources.load(Config(dictionaries=dicts, prefilter=prefilter))
        for a in articles:
            yield process(Article(id=a["id"], text=a["text"], date=a.get("date")), res).to_dict()

    score = evaluate(gold, coder, pred_rows)
    if fmt == "json":
        click.echo(json.dumps(score.to_dict(), indent=2))
    else:
        text = format_score(score)
        lines = text.splitlines()
        # the summary line last, as the reference scorer prints it
        summary = next(x for x in lines if x.startswith(("seed:", "plover:", "plv:")))
        click.echo("\n".join([x for x in lines if x is not summary] + [summary]))


def _register() -> None:
    """Commands that live in their own modules, kept apart so each stays small."""
    from accord import cli_analysis, cli_collect, cli_store, cli_web

    for mod in (cli_store, cli_analysis, cli_collect, cli_web):
        for cmd in getattr(mod, "COMMANDS", []):
            main.add_command(cmd)


_register()

if __name__ == "__main__":
    main()
