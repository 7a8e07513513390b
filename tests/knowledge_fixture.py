"""What the knowledge-file tests share: where the data lives, the known roles, the countries covered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accord import yamlio

DATA = Path(__file__).resolve().parents[1] / "accord" / "data"
ROLES = set(yamlio.load((DATA / "sectors.yaml").read_text(encoding="utf-8"))["sectors"])
G20 = set("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split())
CONFLICT30 = set("AFG IRQ SYR YEM SOM NGA COD SDN SSD ETH MLI BFA NER LBY PAK MMR PHL COL UKR ISR PSE LBN IRN "
                 "EGY CMR MOZ CAF VEN HTI BGD".split())


def load(path: Path) -> dict:
    """One data file, which must be a mapping."""
    data = yamlio.load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def day(v) -> dt.date | None:
    """A YAML date (already a date, or ISO text) or None."""
    return None if v is None else v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))
