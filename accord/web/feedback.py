"""Corrections from readers: the "this coding is wrong" form, its CSRF token, and the export.

    c = parse_correction(form, event_row)        # BadParam on a bad field
    record(store, c)                             # one row in `feedback` (migrations/005_feedback.sql)
    export_gold(con, "gold.json"); export_dictionary(con, "corrections.yaml")

The gold file holds PLOVER gold-standard records (the format ``accord eval`` reads) for corrections that
give the right code; "no event" corrections are written as records of kind ``DOCUMENT`` with the
sentence, which ``accord eval`` skips but a reviewer sees. The dictionary file holds user dictionary
entries (``--dict``): a verb pattern for each corrected code (the trigger word as the verb, to review
before use) and an actor for each corrected actor code with the name coded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import yaml

from accord.ontology import cameo_table
from accord.store import Store
from accord.web.filters import BadParam

VERDICTS = ("wrong_code", "wrong_actors", "no_event")
_ACTOR = re.compile(r"^[A-Z0-9]{3,24}$")
TOKEN_SECONDS = 6 * 3600


@dataclass(frozen=True, slots=True)
class Correction:
    article_id: str
    idx: int
    verdict: str
    cameo: str | None = None
    source_code: str | None = None
    target_code: str | None = None
    note: str | None = None
    happening_id: int | None = None
    coded_cameo: str | None = None
    coded_source: str | None = None
    coded_target: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    sentence: str | None = None
    trigger: str | None = None
    event_date: str | None = None


# ------------------------------------------------------------------------------------------ CSRF


class Csrf:
    """Tokens bound to one form target and a time: ``hmac(secret, target|issued)``, valid TOKEN_SECONDS."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def _sig(self, target: str, issued: int) -> str:
        return hmac.new(self.secret, f"{target}|{issued}".encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self, target: str, now: float | None = None) -> str:
        issued = int(now if now is not None else time.time())
        return f"{issued}.{self._sig(target, issued)}"

    def check(self, target: str, token: str, now: float | None = None) -> bool:
        issued_s, _, sig = (token or "").partition(".")
        if not issued_s.isdigit():
            return False
        issued = int(issued_s)
        age = (now if now is not None else time.time()) - issued
        return 0 <= age <= TOKEN_SECONDS and hmac.compare_digest(sig, self._sig(target, issued))


# ------------------------------------------------------------------------------------------ the form


def _actor(name: str, value: str | None) -> str | None:
    v = (value or "").strip().upper()
    if not v:
        return None
    if not _ACTOR.fullmatch(v):
        raise BadParam(name, f"must be an actor code of 3-24 letters or digits, such as IRNGOV, not {v[:40]!r}")
    return v


def parse_correction(form: Mapping[str, str], event: Mapping[str, Any]) -> Correction:
    """A correction of ``event`` (an event_facts row) from the form's fields; raises BadParam."""
    verdict = (form.get("verdict") or "").strip()
    if verdict not in VERDICTS:
        raise BadParam("verdict", f"must be one of {', '.join(VERDICTS)}")
    cameo = (form.get("cameo") or "").strip() or None
    if cameo is not None and cameo not in cameo_table():
        raise BadParam("cameo", f"not a CAMEO code: {cameo[:10]!r}")
    source, target = _actor("source", form.get("source")), _actor("target", form.get("target"))
    if verdict == "wrong_code" and cameo is None:
        raise BadParam("cameo", "give the right CAMEO code")
    if verdict == "wrong_actors" and source is None and target is None:
        raise BadParam("source", "give the right source or target actor code")
    note = (form.get("note") or "").strip()[:1000] or None
    return Correction(
        article_id=str(event["article_id"]), idx=int(event["idx"]), verdict=verdict, cameo=cameo,
        source_code=source, target_code=target, note=note,
        happening_id=int(event["happening_id"]) if event.get("happening_id") is not None else None,
        coded_cameo=event.get("cameo"), coded_source=event.get("source_code"), coded_target=event.get("target_code"),
        source_name=event.get("source_name"), target_name=event.get("target_name"),
        sentence=event.get("sentence"), trigger=event.get("trigger"),
        event_date=str(event["date"]) if event.get("date") else None,
    )


def record(store: Store, c: Correction) -> str:
    """Store ``c``; returns its id."""
    fid = str(uuid.uuid4())
    d = asdict(c)
    cols = ["id", *d]
    store.con.execute(f"INSERT INTO feedback ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                      [fid, *d.values()])
    return fid


# ------------------------------------------------------------------------------------------ export


def corrections(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    res = con.execute("SELECT * FROM feedback ORDER BY created_at, id")
    names = [d[0] for d in res.description]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def _gold_actor(code: str | None) -> list[dict[str, str]]:
    if not code:
        return []
    return [{"actorText": code, "code": code[:3], **({"sector": code[3:6]} if len(code) > 3 else {})}]


def gold_records(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER gold-standard records of the corrections (see the module docstring)."""
    table = cameo_table()
    out = []
    for r in rows:
        rid = f"ACCORD-FEEDBACK-{r['id']}"
        date = r["event_date"].isoformat() if r.get("event_date") else None
        if r["verdict"] == "no_event":
            out.append({"id": rid, "event": "DOCUMENT", "comment": "no event: accord coded "
                        f"{r['coded_cameo']} {r['coded_source']}→{r['coded_target']}", "text": r["sentence"],
                        "article_id": r["article_id"], "idx": r["idx"]})
            continue
        cameo = r["cameo"] or r["coded_cameo"]
        entry = table.get(cameo)
        out.append({
            "id": rid, "date": date,
            "source": _gold_actor(r["source_code"] or r["coded_source"]),
            "target": _gold_actor(r["target_code"] or r["coded_target"]),
            "event": entry.plover_type if entry and entry.plover_type else "DOCUMENT",
            "cameo": cameo, "eventText": r["trigger"], "text": r["sentence"],
            "textInfo": {"markup": ""}, "language": "en", "coder": "accord feedback",
            "article_id": r["article_id"], "idx": r["idx"], "note": r["note"],
        })
    return out


def dictionary_entries(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """User dictionary entries (``--dict`` format): verbs for corrected codes, actors for corrected actors."""
    verbs, actors, seen = [], [], set()
    for r in rows:
        if r["verdict"] == "wrong_code" and r["cameo"] and r["trigger"]:
            word = r["trigger"].split()[-1].lower()
            key = ("verb", word, r["cameo"])
            if key not in seen:
                seen.add(key)
                verbs.append({"verb": word, "code": r["cameo"], "id": f"feedback-{r['id'][:8]}"})
        if r["verdict"] == "wrong_actors":
            for side in ("source", "target"):
                code, name = r[f"{side}_code"], r[f"{side}_name"]
                if code and name and ("actor", name, code) not in seen:
                    seen.add(("actor", name, code))
                    org = code.startswith(("IGO", "NGO"))
                    actors.append({"name": name, "code": code,
                                   **({} if org else {"country": code[:3], "role": code[3:6] or "GOV"})})
    out: dict[str, Any] = {"source": "accord feedback export (corrections by readers; review before use)"}
    if verbs:
        out["verbs"] = verbs
    if actors:
        out["actors"] = actors
    return out


def export(con: duckdb.DuckDBPyConnection, gold: str | Path | None, dictionary: str | Path | None) -> dict[str, int]:
    """Write the gold file and/or the dictionary file; returns counts."""
    rows = corrections(con)
    out = {"corrections": len(rows)}
    if gold:
        recs = gold_records(rows)
        Path(gold).write_text(json.dumps(recs, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        out["gold_records"] = len(recs)
    if dictionary:
        entries = dictionary_entries(rows)
        Path(dictionary).write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")
        out["verbs"], out["actors"] = len(entries.get("verbs", [])), len(entries.get("actors", []))
    return out
