"""The analysis CLI: thin commands whose output formats are contracts (CSV columns, GDELT TSV)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from analysis_fixture import build_store
from click.testing import CliRunner

from accord.cli import main
from accord.export import GDELT_EVENT_COLUMNS


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_store(tmp_path_factory.mktemp("store") / "fixture.duckdb"))


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_dyad_csv_has_exactly_the_contract_columns(db):
    out = run("dyad", "RUS", "IRN", "--db", db, "--by", "month", "--to", "2022-04-30", "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "period,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,tone_mean"
    assert lines[1:] == [
        "2022-01,2,2,0,0,0,12.0,6.0,2.0",
        "2022-02,0,0,0,0,0,0.0,,",
        "2022-03,2,0,1,0,1,-0.1,-0.05,0.0",
        "2022-04,1,0,0,1,0,-2.0,-2.0,-2.0",
    ]


def test_cli_dyad_both_json_and_table(db):
    data = json.loads(run("dyad", "RUS", "IRN", "--db", db, "--both", "--by", "year", "--format", "json"))
    assert [(d["period"], d["events"]) for d in data] == [("2022", 7), ("2023", 1)]
    assert "RUS ↔ IRN" in run("dyad", "RUS", "IRN", "--db", db, "--both", "--format", "table")


def test_cli_events_filters_and_formats(db):
    out = run("events", "--db", db, "--source", "RUS", "--target", "IRN", "--cameo", "05", "--format", "csv")
    df = pd.read_csv(io.StringIO(out), dtype=str)
    assert df.cameo.tolist() == ["057", "057", "057"]
    lines = run("events", "--db", db, "--plover", "AGREE", "--from", "2022-05-01", "--format", "jsonl").splitlines()
    assert [json.loads(x)["target_code"] for x in lines] == ["IGOUNO"]
    assert len(run("events", "--db", db, "--limit", "2", "--format", "jsonl").splitlines()) == 2
    assert "RUSGOV" in run("events", "--db", db, "--source", "RUSGOV", "--format", "table")


def test_cli_panel_dyads_network(db, tmp_path):
    panel = pd.read_csv(io.StringIO(run("panel", "--db", db, "--countries", "IRQ", "--format", "csv")))
    assert panel.events.tolist()[:6] == [2] * 6 and set(panel.country) == {"IRQ"}
    dyads = pd.read_csv(io.StringIO(run("dyads", "--db", db, "--top", "2", "--level", "country", "--format", "csv")))
    assert dyads[["source", "target", "events"]].values.tolist() == [["RUS", "IRN", 7], ["USA", "IRN", 6]]
    run("network", "--db", db, "--out", str(tmp_path / "n.graphml"))
    assert (tmp_path / "n.graphml").read_text().startswith("<?xml")


def test_cli_export_gdelt_reads_back(db, tmp_path):
    out = tmp_path / "g.tsv"
    run("export", "--db", db, "--format", "gdelt", "--out", str(out))
    df = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_EVENT_COLUMNS), dtype=str)
    assert len(df) == 38 and df.EventRootCode.str.len().eq(2).all()
    run("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "pq"))
    assert (tmp_path / "pq" / "events.parquet").exists()


def test_cli_plots(db, tmp_path):
    run("plot", "dyad", "IRN", "IRQ", "--db", db, "--both", "--out", str(tmp_path / "d.png"))
    run("plot", "map", "--db", db, "--out", str(tmp_path / "m.png"))
    assert (tmp_path / "d.png").stat().st_size > 1000 and (tmp_path / "m.png").stat().st_size > 1000


@pytest.mark.parametrize("args", [
    ["dyad", "RUS", "IRN", "--db", "missing.duckdb"],
    ["events", "--db", "{db}", "--from", "2022-13-01"],
    ["network", "--db", "{db}", "--out", "net.txt"],
])
def test_cli_errors_are_clean_messages(db, args):
    result = CliRunner().invoke(main, [a.replace("{db}", db) for a in args])
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output


def test_cli_every_analysis_command_has_help():
    from accord.cli_analysis import COMMANDS

    for cmd in COMMANDS:
        assert cmd.help and cmd.help.strip(), cmd.name
        for sub in getattr(cmd, "commands", {}).values():
            assert sub.help and sub.help.strip(), sub.name


@pytest.fixture(scope="module")
def gulf(tmp_path_factory):
    from test_query import gulf_store

    return str(gulf_store(tmp_path_factory.mktemp("gulf") / "gulf.duckdb"))


def test_cli_dyad_of_a_1987_corpus_starts_in_1987_by_report_date(gulf):
    def periods(*extra: str) -> list[str]:
        out = run("dyad", "IRQ", "IRN", "--db", gulf, "--by", "month", "--format", "csv", *extra)
        return pd.read_csv(io.StringIO(out), dtype=str).period.tolist()

    assert periods() == periods("--date", "reported") == ["1987-03", "1987-04", "1987-05"]
    assert periods("--date", "event")[0] == "1986-05"  # the 1980 mention is historical: left out
    assert periods("--date", "event", "--include-historical")[0] == "1980-09"


def test_cli_events_and_dyads_take_the_date_basis(gulf):
    rows = [json.loads(x) for x in run("events", "--db", gulf, "--format", "jsonl").splitlines()]
    assert [r["historical"] for r in rows] == [False, True, False, False, False]
    assert rows[1]["date"] == "1980-09-22" and rows[1]["reported"] == "1987-03-02"
    assert len(run("events", "--db", gulf, "--date", "event", "--format", "jsonl").splitlines()) == 4
    dyads = pd.read_csv(io.StringIO(run("dyads", "--db", gulf, "--date", "event", "--format", "csv")))
    assert dyads[["events", "first_date"]].values.tolist() == [[4, "1986-05-01"]]
    panel = pd.read_csv(io.StringIO(run("panel", "--db", gulf, "--by", "year", "--format", "csv")), dtype=str)
    assert set(panel.period) == {"1987"}


@pytest.mark.parametrize("command", [["events"], ["dyad"], ["panel"], ["dyads"], ["plot", "dyad"], ["plot", "map"]])
def test_cli_series_commands_document_the_date_basis(command):
    out = run(*command, "--help")
    assert "--date [reported|event]" in out and "--include-historical" in out
