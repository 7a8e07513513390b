"""accord.export: GDELT 2.0 events and mentions, PLOVER JSONL, Parquet and CSV of every table."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from analysis_fixture import EVENTS, build_store

from accord import export as ex


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("store") / "fixture.duckdb")


@pytest.fixture(scope="module")
def gdelt(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    ex.export(db, "gdelt", out)
    return pd.read_csv(out, sep="\t", header=None, names=list(ex.GDELT_EVENT_COLUMNS), dtype=str)


def test_export_gdelt_columns_are_gdelts_61_in_order(shared):
    path = shared / "reference" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    with path.open(encoding="utf-8") as fh:
        names = [row["tableId"] for row in csv.DictReader(fh)]
    assert len(names) == 61 and tuple(names) == ex.GDELT_EVENT_COLUMNS


def test_export_gdelt_one_row_per_happening_with_61_tab_fields(db, tmp_path):
    out = tmp_path / "e.tsv"
    ex.export(db, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 38  # 43 rows - 1 negated - 4 repeated reports
    assert all(line.count("\t") == 60 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # no header, as GDELT


def test_export_gdelt_codes_and_fips_read_back_with_pandas(gdelt):
    row = gdelt[(gdelt.Actor1Code == "USAGOV") & (gdelt.EventCode == "163") & (gdelt.SQLDATE == "20220315")]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r.NumMentions, r.NumArticles, r.NumSources) == ("3", "5", "3")
    assert (r.Actor1CountryCode, r.Actor2CountryCode) == ("USA", "IRN")  # ISO3 in actor fields
    assert (r.Actor1Geo_CountryCode, r.Actor2Geo_CountryCode) == ("US", "IR")  # FIPS in geo fields
    assert (r.Actor1Type1Code, r.Actor2Type1Code) == ("GOV", "GOV")
    assert (r.EventBaseCode, r.EventRootCode, r.QuadClass, r.GoldsteinScale) == ("163", "16", "4", "-6.5")
    assert (r.MonthYear, r.Year, r.FractionDate) == ("202203", "2022", "2022.2877")  # 2022 + (3*30+15)/365
    assert r.SOURCEURL == "https://wire.example/a07"
    assert r.DATEADDED == "20220315000000"  # reported: a07's publication date, not the time it was ingested
    assert r.GLOBALEVENTID.isdigit()


def test_export_gdelt_codes_keep_leading_zeros_and_action_geo_is_fips(gdelt):
    jan = gdelt[(gdelt.EventCode == "057") & (gdelt.SQLDATE == "20220110")].iloc[0]
    assert (jan.EventRootCode, jan.EventBaseCode) == ("05", "057")
    assert (jan.ActionGeo_CountryCode, jan.ActionGeo_FullName, jan.ActionGeo_Type) == ("RS", "Moscow, Russia", "4")
    assert (jan.NumMentions, jan.NumSources) == ("2", "2")
    iraq = gdelt[(gdelt.Actor1Code == "IRQMIL")].iloc[0]
    assert (iraq.Actor1Geo_CountryCode, iraq.Actor2Geo_CountryCode, iraq.ActionGeo_CountryCode) == ("IZ", "IR", "IZ")
    assert float(iraq.ActionGeo_Lat) == pytest.approx(33.34)
    un = gdelt[gdelt.Actor2Code == "IGOUNO"].iloc[0]
    assert un.Actor2KnownGroupCode == "UNO" and pd.isna(un.Actor2CountryCode) and pd.isna(un.Actor2Geo_CountryCode)
    assert set(gdelt.ActionGeo_CountryCode.dropna()) == {"RS", "IR", "IZ"}
    assert not gdelt.EventCode.str.len().lt(3).any()


def test_export_iso3_to_fips():
    assert [ex.iso3_to_fips(c) for c in ("RUS", "IRN", "IRQ", "UZB", "DEU")] == ["RS", "IR", "IZ", "UZ", "GM"]
    assert ex.iso3_to_fips("XXX") is None


def test_export_gdelt_mentions_one_row_per_counted_event(db, gdelt, tmp_path):
    out = tmp_path / "m.tsv"
    ex.export(db, "gdelt-mentions", out)
    df = pd.read_csv(out, sep="\t", header=None, names=list(ex.GDELT_MENTION_COLUMNS), dtype=str)
    assert len(df) == len(EVENTS) - 1  # every event row but the negated one
    assert set(df.GLOBALEVENTID) == set(gdelt.GLOBALEVENTID)  # every mention belongs to an exported event
    hot = df.GLOBALEVENTID.value_counts()
    assert hot.max() == 3
    a07 = df[df.MentionIdentifier == "https://wire.example/a07"].iloc[0]
    assert (a07.MentionType, a07.MentionSourceName, a07.SentenceID, a07.InRawText) == ("1", "wire.example", "1", "1")
    assert (a07.MentionDocLen, a07.MentionDocTone, a07.Confidence) == ("29", "-1.5", "100")


def test_export_plover_jsonl(db, tmp_path):
    out = tmp_path / "p.jsonl"
    ex.export(db, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(EVENTS)
    r = next(x for x in records if x["event_id"] == "a01-0")
    assert r["event_type"] == "SUPPORT" and r["cameo"] == "057"
    assert r["actor"] == {"text": "Russian government", "country": "RUS", "sector": "GOV", "code": "RUSGOV", "igo": None}
    assert r["recipient"]["code"] == "IRNGOV"
    assert r["location"] == {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert (r["publication_date"], r["event_date"], r["url"]) == ("2022-01-12", "2022-01-10", "https://reuters.example/a01")
    assert r["event_text"] == "RUSGOV 057 IRNGOV."
    assert isinstance(r["happening_id"], str)
    target_less = next(x for x in records if x["cameo"] == "010")
    assert target_less["recipient"] is None and target_less["location"] is None
    undated = next(x for x in records if x["event_id"] == "a04-0")
    assert undated["event_date"] == "2022-04-02"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_every_table(db, tmp_path, fmt):
    paths = ex.export(db, fmt, tmp_path / fmt)
    names = sorted(p.stem for p in paths)
    assert names == sorted(["amounts", "article_sources", "articles", "events", "feedback", "feeds", "happenings",
                            "locations", "quotes", "rejects", "runs"])
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    assert len(read(tmp_path / fmt / f"events.{fmt}")) == len(EVENTS)
    assert len(read(tmp_path / fmt / f"happenings.{fmt}")) == 38


def test_export_rejects_unknown_format(db, tmp_path):
    with pytest.raises(ValueError):
        ex.export(db, "xml", tmp_path / "x")


def test_export_gdelt_fields_never_break_the_tsv(tmp_path):
    import duckdb

    path = build_store(tmp_path / "s.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET source_name = 'Tab\there\nand newline' WHERE article_id = 'a01'")
        con.execute("UPDATE articles SET url = 'https://x.example/a\tb' WHERE id = 'a01'")
    ex.export(path, "gdelt", tmp_path / "e.tsv")
    ex.export(path, "gdelt-mentions", tmp_path / "m.tsv")
    assert all(line.count("\t") == 60 for line in (tmp_path / "e.tsv").read_text().splitlines())
    assert all(line.count("\t") == 15 for line in (tmp_path / "m.tsv").read_text().splitlines())
    assert "TAB HERE AND NEWLINE" in (tmp_path / "e.tsv").read_text()


def test_export_gdelt_sqldate_is_the_event_date_and_dateadded_the_report(tmp_path):
    from test_query import gulf_store

    gulf = gulf_store(tmp_path / "gulf.duckdb")
    ex.export(gulf, "gdelt", tmp_path / "g.tsv")
    g = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, names=list(ex.GDELT_EVENT_COLUMNS), dtype=str)
    assert g[["SQLDATE", "DATEADDED"]].values.tolist() == [
        ["19800922", "19870302000000"],  # "the war that began in 1980", reported in 1987
        ["19860501", "19870406000000"], ["19870301", "19870302000000"], ["19870405", "19870406000000"],
        ["19870501", "19870501000000"],  # no publication date: reported on the event's date
    ]
    ex.export(gulf, "gdelt-mentions", tmp_path / "m.tsv")
    m = pd.read_csv(tmp_path / "m.tsv", sep="\t", header=None, names=list(ex.GDELT_MENTION_COLUMNS), dtype=str)
    assert sorted(m.MentionTimeDate.str[:8]) == ["19870302", "19870302", "19870406", "19870406", "19870501"]
    ex.export(gulf, "plover", tmp_path / "p.jsonl")
    plover = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    old = [(r["event_date"], r["publication_date"]) for r in plover if r["historical"]]
    assert old == [("1980-09-22", "1987-03-02")]
    ex.export(gulf, "parquet", tmp_path / "pq")
    hap = pd.read_parquet(tmp_path / "pq" / "happenings.parquet")
    assert {"date", "reported", "historical"} <= set(hap.columns) and hap.historical.sum() == 1
