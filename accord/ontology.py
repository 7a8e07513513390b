"""CAMEO codes with Goldstein scores, QuadClass and the PLOVER crosswalk, from ``data/cameo.csv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def quad_class(code: str) -> int:
    """GDELT's QuadClass from the CAMEO root: 01-05, 06-08, 09-13, 14-20."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@cache
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes keyed by their zero-padded string."""
    out: dict[str, CameoCode] = {}
    with resources.files("accord.data").joinpath("cameo.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            if not code.isdigit() or not 2 <= len(code) <= 4:
                raise ValueError(f"cameo.csv: bad code {code!r}")
            if int(row["quad_class"]) != quad_class(code):
                raise ValueError(f"cameo.csv: quad_class of {code} disagrees with its root")
            out[code] = CameoCode(
                code=code,
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
    return out


def lookup(code: str) -> CameoCode:
    """The entry for ``code``; raises KeyError with a clear message for an unknown code."""
    table = cameo_table()
    if code not in table:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return table[code]
