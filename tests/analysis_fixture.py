"""A small hand-made store for the analysis and export tests: 43 event rows whose counts are known.

The counts the tests assert, worked out by hand:

RUS→IRN (RUSGOV→IRNGOV), not negated, dated:
  2022-01: 057 on 01-10 (a01 and a02: one happening, 2 mentions, 2 articles, sources reuters+afp),
           036 on 01-12 (a01)                                → 2 events, quad1 2, goldstein 8.0+4.0
  2022-02: none                                             → zeros
  2022-03: 061 on 03-05, 163 on 03-20 (a03)                 → 2 events, quad2 1, quad4 1, 6.4-6.5
  2022-04: 112 undated in a04, published 04-02 (date falls back); 190 on 04-03 is negated (not counted)
                                                            → 1 event, quad3 1, -2.0
  2023-01: 057 on 2023-01-10 (a13)                          → 1 event
IRN→RUS: 042 on 2022-02-14 (IRNGOV→RUS, a05), 130 on 2022-04-20 (IRN→RUSGOV, a06)
USA→IRN (USAGOV→IRNGOV): 163 on 01-15, 02-15, 03-15, 05-15 and 112 on 02-01, 06-01 → 6 events;
  03-15 is reported by a07, a08 and a09 (3 mentions, 3 articles + 2 repeats of a07 = 5 documents,
  sources wire, ap, ap, bbc → 3 distinct)
IRN→USA: 112 on 2022-03-16 (a08)
USAGOV→IGOUNO 036 on 05-05; IGOUNO→IRN 070 on 06-10 (a10)
IRNGOV→IGOASISCO 057 on 06-15, twice in a11 (one happening, 2 mentions, 1 article)
IRQMIL→IRNMIL 190 and IRNMIL→IRQMIL 190 on the 1st of each month 2022-01..06 (a14..a19): 12 events
USAGOV→USAOPP 112 on the 5th of each month 2022-01..06 (a14..a19): 6 events
RUSGOV→(none) 010 on 01-20 (a01); RUSGOV→IRNGOV 042 with no date at all (a12, unpublished)

Confidence (CONFIDENCE below): every 112 accusation 0.3 (10 rows), the 130 threat 0.45, the rows of a12
and a13 none (stored before migration 007), the other 30 rows 0.9. So --min-confidence 0.5 keeps 30 rows
and RUS→IRN 2022-01..04 becomes 2, 0, 2, 0 events.

COVERAGE_EVENTS (build_coverage_store) are a separate store of actors the dictionaries do not know (a
null code with a name) and events with no stated agent (no source at all).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "accord" / "migrations"

ACTORS = {
    "RUSGOV": ("Russian government", "RUS", None, "GOV"),
    "RUS": ("Russia", "RUS", None, None),
    "IRNGOV": ("Iranian government", "IRN", None, "GOV"),
    "IRN": ("Iran", "IRN", None, None),
    "IRNMIL": ("Iranian army", "IRN", None, "MIL"),
    "IRQMIL": ("Iraqi army", "IRQ", None, "MIL"),
    "USAGOV": ("US government", "USA", None, "GOV"),
    "USAOPP": ("US opposition", "USA", None, "OPP"),
    "IGOUNO": ("United Nations", None, "UN", None),
    "IGOASISCO": ("Shanghai Cooperation Organisation", None, "SCO", None),
}
CAMEO = {  # code: (goldstein, quad_class, plover type)
    "010": (0.0, 1, None), "036": (4.0, 1, "AGREE"), "042": (1.9, 1, "CONSULT"), "057": (8.0, 1, "SUPPORT"),
    "061": (6.4, 2, "COOPERATE"), "070": (7.0, 2, "AID"), "112": (-2.0, 3, "ACCUSE"),
    "130": (-4.4, 3, "THREATEN"), "163": (-6.5, 4, "COERCE"), "190": (-10.0, 4, "ASSAULT"),
}
# id: (published, source, url)
ARTICLES = {
    "a01": ("2022-01-12", "reuters", "https://reuters.example/a01"),
    "a02": ("2022-01-11", "afp", "https://afp.example/a02"),
    "a03": ("2022-03-21", "reuters", "https://reuters.example/a03"),
    "a04": ("2022-04-02", "afp", "https://afp.example/a04"),
    "a05": ("2022-02-15", "tass", None),
    "a06": ("2022-04-21", "irna", "https://irna.example/a06"),
    "a07": ("2022-03-15", "wire", "https://wire.example/a07"),
    "a08": ("2022-03-16", "ap", "https://ap.example/a08"),
    "a09": ("2022-03-16", "ap", "https://ap.example/a09"),
    "a10": ("2022-06-10", "un.org", "https://un.example/a10"),
    "a11": ("2022-06-15", "tass", "https://tass.example/a11"),
    "a12": (None, "stdin", None),
    "a13": ("2023-01-10", "reuters", "https://reuters.example/a13"),
    **{f"a{13 + m}": (f"2022-{m:02d}-05", "wire", f"https://wire.example/m{m}") for m in range(1, 7)},
}
# (article, source code, cameo, target code, event_date, negated, location (name, iso3, fips, lat, lon))
TEHRAN = ("Tehran", "IRN", "IR", 35.69, 51.42)
MOSCOW = ("Moscow", "RUS", "RS", 55.75, 37.62)
BAGHDAD = ("Baghdad", "IRQ", "IZ", 33.34, 44.40)
EVENTS = [
    ("a01", "RUSGOV", "057", "IRNGOV", "2022-01-10", False, MOSCOW),
    ("a01", "RUSGOV", "036", "IRNGOV", "2022-01-12", False, None),
    ("a01", "RUSGOV", "010", None, "2022-01-20", False, None),
    ("a02", "RUSGOV", "057", "IRNGOV", "2022-01-10", False, MOSCOW),
    ("a03", "RUSGOV", "061", "IRNGOV", "2022-03-05", False, TEHRAN),
    ("a03", "RUSGOV", "163", "IRNGOV", "2022-03-20", False, None),
    ("a04", "RUSGOV", "112", "IRNGOV", None, False, None),
    ("a04", "RUSGOV", "190", "IRNGOV", "2022-04-03", True, None),
    ("a05", "IRNGOV", "042", "RUS", "2022-02-14", False, MOSCOW),
    ("a06", "IRN", "130", "RUSGOV", "2022-04-20", False, None),
    ("a07", "USAGOV", "163", "IRNGOV", "2022-03-15", False, None),
    ("a08", "USAGOV", "163", "IRNGOV", "2022-03-15", False, None),
    ("a08", "IRN", "112", "USAGOV", "2022-03-16", False, TEHRAN),
    ("a09", "USAGOV", "163", "IRNGOV", "2022-03-15", False, None),
    ("a09", "USAGOV", "163", "IRNGOV", "2022-01-15", False, None),
    ("a09", "USAGOV", "163", "IRNGOV", "2022-02-15", False, None),
    ("a09", "USAGOV", "163", "IRNGOV", "2022-05-15", False, None),
    ("a09", "USAGOV", "112", "IRNGOV", "2022-02-01", False, None),
    ("a09", "USAGOV", "112", "IRNGOV", "2022-06-01", False, None),
    ("a10", "USAGOV", "036", "IGOUNO", "2022-05-05", False, None),
    ("a10", "IGOUNO", "070", "IRN", "2022-06-10", False, TEHRAN),
    ("a11", "IRNGOV", "057", "IGOASISCO", "2022-06-15", False, None),
    ("a11", "IRNGOV", "057", "IGOASISCO", "2022-06-15", False, None),
    ("a12", "RUSGOV", "042", "IRNGOV", None, False, None),
    ("a13", "RUSGOV", "057", "IRNGOV", "2023-01-10", False, None),
]
for m in range(1, 7):
    EVENTS += [
        (f"a{13 + m}", "IRQMIL", "190", "IRNMIL", f"2022-{m:02d}-01", False, BAGHDAD),
        (f"a{13 + m}", "IRNMIL", "190", "IRQMIL", f"2022-{m:02d}-01", False, BAGHDAD),
        (f"a{13 + m}", "USAGOV", "112", "USAOPP", f"2022-{m:02d}-05", False, None),
    ]
# repeats of a07 seen from two more inputs (exact and near copies)
ARTICLE_SOURCES = [
    ("a07", "a07", "wire", "original"),
    ("a07", "a07-copy", "bbc", "exact"),
    ("a07", "a07-near", "wire", "near"),
]


def confidence(aid: str, cameo: str) -> float | None:
    """The fixture's confidence of an event row (see the module docstring)."""
    if aid in ("a12", "a13"):
        return None
    return {"112": 0.3, "130": 0.45}.get(cameo, 0.9)


def apply_migrations(con: duckdb.DuckDBPyConnection) -> None:
    """Every accord/migrations/NNN_*.sql in order (what accord.store does, without its bookkeeping)."""
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        sql = path.read_text(encoding="utf-8")
        con.execute(sql)


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """The rows above; a store older than migration 007 (no confidence column) gets them without one."""
    with_confidence = bool(con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'confidence'"
    ).fetchall()[0][0])
    for i, (aid, (published, source, url)) in enumerate(ARTICLES.items()):
        con.execute(
            "INSERT INTO articles (id, source, url, title, published, text, status, hash, tone, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'coded', ?, ?, TIMESTAMP '2024-05-01 12:00:00' + INTERVAL (?) MINUTE)",
            [aid, source, url, f"Title {aid}", published, f"Text of {aid}. Second sentence.", aid, -1.5, i],
        )
    con.executemany(
        "INSERT INTO article_sources (article_id, input_id, source, kind) VALUES (?, ?, ?, ?)", ARTICLE_SOURCES
    )
    counters: dict[str, int] = {}
    for aid, src, cameo, tgt, date, negated, loc in EVENTS:
        idx = counters.get(aid, 0)
        counters[aid] = idx + 1
        s = ACTORS[src] if src else (None, None, None, None)
        t = ACTORS[tgt] if tgt else (None, None, None, None)
        goldstein, quad, plover = CAMEO[cameo]
        name, country, fips, lat, lon = loc or (None, None, None, None, None)
        con.execute(
            f"""INSERT INTO events (article_id, idx, span_start, span_end, sentence, sentence_start, sentence_end,
                 source_code, source_name, source_country, source_igo, source_role,
                 target_code, target_name, target_country, target_igo, target_role,
                 cameo, cameo_root, quad_class, goldstein, plover_type, plover_mode, plover_context,
                 negated, modality, event_date, location_name, location_country, location_fips, lat, lon,
                 rule, trigger, tone{', confidence' if with_confidence else ''})
               VALUES (?, ?, 0, 4, ?, 0, 20, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL,
                       ?, 'asserted', ?, ?, ?, ?, ?, ?, 'test', 'verb', ?{', ?' if with_confidence else ''})""",
            [aid, idx, f"{src} {cameo} {tgt}.", src, *s, tgt, *t, cameo, cameo[:2], quad, goldstein, plover,
             negated, date, name, country, fips, lat, lon, -2.0 if quad >= 3 else 2.0,
             *([confidence(aid, cameo)] if with_confidence else [])],
        )


def build_store(path: Path) -> Path:
    """A store file at ``path`` holding the rows above; returns the path."""
    con = duckdb.connect(str(path))
    try:
        apply_migrations(con)
        fill(con)
    finally:
        con.close()
    return path


# ------------------------------------------------------------------------- actors beyond the dictionary

# (idx, source (code, name, country, role) or None, cameo, target (code, name, country, role) or None,
#  confidence), all in article c1 of 2024-03-05. By hand: 4 rows have an unknown actor (a null code with
# a name): 1, 2, 3 and 5 ("Naxalite insurgents" twice, "the electoral commission", "Gujarat police");
# rows 3 and 4 have no source at all (agentless); confidences 0.9, 0.4, 0.3, 0.6, 0.8, none: mean 0.6,
# 2 below 0.5.
COVERAGE_EVENTS = [
    (0, ("INDGOV", "Indian government", "IND", "GOV"), "042", ("PAKGOV", "Pakistani government", "PAK", "GOV"), 0.9),
    (1, (None, "Naxalite insurgents", "IND", "REB"), "190", ("INDCOP", "Indian police", "IND", "COP"), 0.4),
    (2, (None, "the electoral commission", "IND", None), "112", ("INDOPP", "Indian opposition", "IND", "OPP"),
     0.3),
    (3, None, "190", (None, "Naxalite insurgents", "IND", "REB"), 0.6),
    (4, None, "183", ("IND", "India", "IND", None), 0.8),
    (5, ("INDGOV", "Indian government", "IND", "GOV"), "173", (None, "Gujarat police", "IND", "COP"), None),
]


def build_coverage_store(path: Path) -> Path:
    """A store at ``path`` holding COVERAGE_EVENTS; returns the path."""
    con = duckdb.connect(str(path))
    try:
        apply_migrations(con)
        con.execute("INSERT INTO articles (id, source, url, published, text, status, hash)"
                    " VALUES ('c1', 'wire', 'https://wire.example/c1', DATE '2024-03-05', 'Text.', 'coded', 'c1')")
        for idx, src, cameo, tgt, conf in COVERAGE_EVENTS:
            s = src or (None, None, None, None)
            t = tgt or (None, None, None, None)
            con.execute(
                "INSERT INTO events (article_id, idx, sentence, source_code, source_name, source_country, source_role,"
                " target_code, target_name, target_country, target_role, cameo, cameo_root, quad_class, goldstein,"
                " negated, confidence) VALUES ('c1', ?, 'A sentence.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 4, -10.0,"
                " false, ?)",
                [idx, *s, *t, cameo, cameo[:2], conf],
            )
    finally:
        con.close()
    return path
