"""The analysis CLI: thin commands whose output formats are contracts (CSV columns, GDELT TSV)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from analysis_fixture import build_coverage_store, build_store
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


# ----------------------------------------------------------------------- confidence (issue 12, item 8)


def test_cli_min_confidence_filters_every_analysis_command(db, tmp_path):
    rows = [json.loads(x) for x in run("events", "--db", db, "--min-confidence", "0.5", "--format", "jsonl").splitlines()]
    assert len(rows) == 30 and min(r["confidence"] for r in rows) == 0.9
    dyad = pd.read_csv(io.StringIO(run("dyad", "RUS", "IRN", "--db", db, "--to", "2022-04-30",
                                       "--min-confidence", "0.5", "--format", "csv")))
    assert dyad.events.tolist() == [2, 0, 2, 0]
    panel = pd.read_csv(io.StringIO(run("panel", "--db", db, "--by", "year", "--countries", "USA",
                                        "--min-confidence", "0.5", "--format", "csv")))
    assert panel.events.tolist() == [5]
    dyads = pd.read_csv(io.StringIO(run("dyads", "--db", db, "--top", "3", "--min-confidence", "0.5",
                                        "--format", "csv")))
    assert dyads.events.tolist() == [6, 6, 4]
    run("network", "--db", db, "--out", str(tmp_path / "n.json"), "--min-confidence", "0.5")
    assert len(json.loads((tmp_path / "n.json").read_text())["edges"]) == 8
    run("plot", "dyad", "RUS", "IRN", "--db", db, "--min-confidence", "0.5", "--out", str(tmp_path / "d.png"))
    run("plot", "map", "--db", db, "--min-confidence", "0.5", "--out", str(tmp_path / "m.png"))
    assert (tmp_path / "d.png").exists() and (tmp_path / "m.png").exists()


@pytest.mark.parametrize("value", ["1.5", "-0.2", "high"])
def test_cli_min_confidence_outside_0_to_1_is_a_usage_error(db, value):
    result = CliRunner().invoke(main, ["events", "--db", db, "--min-confidence", value])
    assert result.exit_code == 2 and "Invalid value for '--min-confidence'" in result.output


@pytest.mark.parametrize("command", [["events"], ["dyad"], ["panel"], ["dyads"], ["network"], ["plot", "dyad"],
                                     ["plot", "map"]])
def test_cli_analysis_commands_document_min_confidence(command):
    assert "--min-confidence FLOAT" in run(*command, "--help")


# ----------------------------------------------------------- actors beyond the dictionary (issue 12, items 1, 3)


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    return str(build_coverage_store(tmp_path_factory.mktemp("coverage") / "coverage.duckdb"))


def test_cli_stats_counts_unknown_actors_agentless_events_and_confidence(coverage):
    stats = json.loads(run("stats", "--db", coverage, "--format", "json"))
    assert stats["events"] == 6 and stats["unknown_actor_events"] == 4 and stats["agentless_events"] == 2
    assert stats["unknown_actors"] == {"Naxalite insurgents": 2, "Gujarat police": 1, "the electoral commission": 1}
    assert (stats["confidence_mean"], stats["low_confidence_events"], stats["events_without_confidence"]) == (0.6, 2, 1)
    table = run("stats", "--db", coverage, "--format", "table")
    assert "unknown_actors" in table and "Naxalite insurgents 2" in table


def test_cli_stats_table_of_an_empty_store_has_no_mean_confidence(tmp_path):
    from accord.store import Store

    Store(tmp_path / "empty.duckdb").close()
    table = run("stats", "--db", str(tmp_path / "empty.duckdb"), "--format", "table")
    assert "confidence_mean" in table


def test_cli_export_gdelt_gives_an_unknown_actor_its_name_and_role_and_no_code(coverage, tmp_path):
    out = tmp_path / "g.tsv"
    run("export", "--db", coverage, "--format", "gdelt", "--out", str(out))
    assert {line.count("\t") for line in out.read_text().splitlines()} == {60}  # 61 fields, no new column
    df = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_EVENT_COLUMNS), dtype=str, keep_default_na=False)
    by_code = df.set_index("EventCode")
    rebels = by_code.loc["190"].set_index("Actor1Name").loc["NAXALITE INSURGENTS"]
    assert (rebels.Actor1Code, rebels.Actor1CountryCode, rebels.Actor1Type1Code) == ("", "IND", "REB")
    assert (rebels.Actor2Code, rebels.Actor2Type1Code) == ("INDCOP", "COP")
    arrest = by_code.loc["173"]
    assert (arrest.Actor2Code, arrest.Actor2Name, arrest.Actor2Type1Code) == ("", "GUJARAT POLICE", "COP")
    agentless = by_code.loc["183"]  # a suicide bombing with no stated agent: no Actor1 at all
    assert (agentless.Actor1Code, agentless.Actor1Name, agentless.Actor2Code) == ("", "", "IND")


def test_cli_export_plover_and_tables_carry_confidence_and_unknown_actors(coverage, tmp_path):
    run("export", "--db", coverage, "--format", "plover", "--out", str(tmp_path / "p.jsonl"))
    records = {r["event_id"]: r for r in map(json.loads, (tmp_path / "p.jsonl").read_text().splitlines())}
    assert records["c1-1"]["actor"] == {"text": "Naxalite insurgents", "country": "IND", "sector": "REB",
                                        "code": None, "igo": None}
    assert records["c1-3"]["actor"] is None and records["c1-1"]["confidence"] == 0.4
    run("export", "--db", coverage, "--format", "csv", "--out", str(tmp_path / "csv"))
    events = pd.read_csv(tmp_path / "csv" / "events.csv")
    assert events.confidence.tolist()[:5] == [0.9, 0.4, 0.3, 0.6, 0.8] and pd.isna(events.confidence.iloc[5])
