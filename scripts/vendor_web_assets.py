"""Vendor the dashboard's browser assets into accord/web/static/vendor/ from the npm registry.

    python scripts/vendor_web_assets.py                    # the pinned versions below
    python scripts/vendor_web_assets.py --echarts 6.1.0 --world-atlas 2.0.2

Runs ``npm pack`` for each package in a temporary folder (the ordinary npm client, no install, no
scripts run), copies the one file the dashboard needs and the package's licence, and records name,
version, licence, the tarball's integrity and each file's sha256 in ``VENDORED.json`` (and a readable
``VENDORED.md``). The vendored files are package data: the server never fetches anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "accord" / "web" / "static" / "vendor"
# package -> (file inside the tarball, name in vendor/, licence file inside the tarball)
FILES = {
    "echarts": ("package/dist/echarts.min.js", "echarts.min.js", "package/LICENSE"),
    "world-atlas": ("package/countries-50m.json", "countries-50m.json", "package/LICENSE"),
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(name: str, version: str, tmp: Path) -> dict:
    """``npm pack name@version`` into ``tmp``; copies the needed files into VENDOR; returns the record."""
    out = subprocess.run(["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(tmp)],
                         check=True, capture_output=True, text=True, cwd=tmp)
    info = json.loads(out.stdout)[0]
    member, target, licence_member = FILES[name]
    with tarfile.open(tmp / info["filename"]) as tar:
        data = tar.extractfile(member).read()  # type: ignore[union-attr]
        licence = tar.extractfile(licence_member).read()  # type: ignore[union-attr]
        manifest = json.loads(tar.extractfile("package/package.json").read())  # type: ignore[union-attr]
    (VENDOR / target).write_bytes(data)
    (VENDOR / f"LICENSE.{name}").write_bytes(licence)
    return {"package": name, "version": manifest["version"], "license": manifest.get("license"),
            "file": target, "from": member.removeprefix("package/"), "sha256": sha256(data), "bytes": len(data),
            "licence_file": f"LICENSE.{name}", "tarball_integrity": info.get("integrity")}


def write_records(records: list[dict]) -> None:
    (VENDOR / "VENDORED.json").write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    lines = ["# Vendored browser assets", "",
             "Written by `scripts/vendor_web_assets.py` (`npm pack` from the npm registry); do not edit by hand.",
             "", "| package | version | licence | file | sha256 |", "|---|---|---|---|---|"]
    lines += [f"| {r['package']} | {r['version']} | {r['license']} | `{r['file']}` (from `{r['from']}`) | "
              f"`{r['sha256']}` |" for r in records]
    lines += ["", "world-atlas is derived from Natural Earth (public domain); its TopoJSON `id` is the ISO 3166-1 "
              "numeric code, mapped to ISO3 by the server with pycountry.", ""]
    (VENDOR / "VENDORED.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--echarts", default="6.1.0")
    ap.add_argument("--world-atlas", default="2.0.2")
    args = ap.parse_args()
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        records = [pack("echarts", args.echarts, Path(tmp)), pack("world-atlas", args.world_atlas, Path(tmp))]
    write_records(records)
    for r in records:
        print(f"{r['package']}@{r['version']} {r['file']} {r['bytes']:,} bytes sha256 {r['sha256'][:12]}…")


if __name__ == "__main__":
    main()
