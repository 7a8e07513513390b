#!/usr/bin/env bash
# Wheel smoke check: accord as a user gets it, with nothing of the repository on the path.
#
#   scripts/wheel_smoke.sh            (run by `make test` after pytest; PYTHON=... to build with another)
#
# 1. builds the wheel from a copy of the package's files (pyproject.toml, README.md, accord/), so no
#    build/ leftovers of the working tree can hide a file missing from package data;
# 2. installs it into a fresh venv (no --system-site-packages) with its dependencies from the index or
#    pip's cache, pinned to the versions of the project's .venv when there is one (the versions the
#    tests ran on; it also spares pip the resolving);
# 3. from a scratch directory outside the repository, with PYTHONPATH unset, runs `accord ingest` on
#    demo/corpus.jsonl, `stats`, `dyad`, `export` and `code`, and checks each exits 0 with results.
# Any missing data file (migrations, dictionaries, web assets) fails one of these steps.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/accord-wheel.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS

step() { printf 'wheel smoke: %s\n' "$*"; }
fail() { printf 'wheel smoke FAILED: %s\n' "$*" >&2; exit 1; }

step "building the wheel"
mkdir -p "$tmp/src" "$tmp/dist" "$tmp/work"
cp -R "$repo/pyproject.toml" "$repo/README.md" "$repo/accord" "$tmp/src/"
find "$tmp/src" -name __pycache__ -prune -exec rm -rf {} +
"$python" -m pip wheel "$tmp/src" --no-deps --quiet --wheel-dir "$tmp/dist" >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log" >&2; fail "pip wheel"; }
wheel="$(ls "$tmp"/dist/accord-*.whl)"
"$python" - "$wheel" "$tmp/src" <<'EOF' || fail "the wheel lacks package data"
# every file of the package that is not Python source (data, SQL, templates, assets) is in the wheel
import sys, zipfile
from pathlib import Path
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
src = Path(sys.argv[2])
need = sorted(str(f.relative_to(src)) for f in (src / "accord").rglob("*") if f.is_file() and f.suffix != ".py")
missing = [n for n in need if n not in names]
print(f"wheel smoke: {len(need)} package data files, {len(missing)} missing from the wheel")
sys.exit(f"missing from the wheel: {missing}" if missing else 0)
EOF

step "installing $(basename "$wheel") into a fresh venv"
"$python" -m venv "$tmp/venv"
pins=()
if [ -x "$repo/.venv/bin/pip" ]; then
  "$repo/.venv/bin/pip" freeze --exclude-editable 2>/dev/null | grep -v -i -e '^accord[= @]' -e ' @ ' >"$tmp/pins.txt" || true
  pins=(--constraint "$tmp/pins.txt")
fi
"$tmp/venv/bin/pip" install --quiet --no-compile "${pins[@]}" "$wheel" >"$tmp/install.log" 2>&1 \
  || { tail -30 "$tmp/install.log" >&2; fail "pip install"; }

cd "$tmp/work"
unset PYTHONPATH
accord="$tmp/venv/bin/accord"
ok() {  # ok NAME CMD...: the command must exit 0 (its output kept in $tmp/NAME.out, .err)
  local name="$1"; shift
  local rc=0
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  [ "$rc" -eq 0 ] || { cat "$tmp/$name.err" >&2; fail "$name exited $rc"; }
}
run() {  # run NAME CMD...: the command must exit 0 and print something
  ok "$@"
  [ -s "$tmp/$1.out" ] || { cat "$tmp/$1.err" >&2; fail "$1 printed nothing"; }
}

where="$("$tmp/venv/bin/python" -c 'import accord; print(accord.__file__)')"
case "$where" in "$tmp/venv/"*) ;; *) fail "accord imported from $where, not from the wheel" ;; esac

step "ingest, stats, dyad, export, code (in $tmp/work)"
run ingest "$accord" ingest "$repo/demo/corpus.jsonl" --db demo.duckdb --no-progress
run stats "$accord" stats --db demo.duckdb --format json
"$tmp/venv/bin/python" - "$tmp/stats.out" <<'EOF' || fail "stats: $(cat "$tmp/stats.out")"
import json, sys
stats = json.load(open(sys.argv[1]))
sys.exit(0 if stats["articles"] > 0 and stats["events"] > 0 else "no articles or no events stored")
EOF
run dyad "$accord" dyad RUS IRN --both --by month --db demo.duckdb --format csv
[ "$(grep -c . "$tmp/dyad.out")" -gt 1 ] || fail "dyad RUS IRN: no periods"
ok export "$accord" export --db demo.duckdb --format gdelt --out events.tsv
[ -s events.tsv ] || fail "export: events.tsv is empty"
ok parquet "$accord" export --db demo.duckdb --format parquet --out parquet
[ -n "$(ls parquet/*.parquet 2>/dev/null)" ] || fail "export --format parquet wrote no file"
run code "$accord" code "Iran on Thursday pledged to join the Shanghai Cooperation Organization." --date 2022-09-15
grep -q '"cameo"' "$tmp/code.out" || fail "code: no event in $(cat "$tmp/code.out")"

step "passed: $(cat "$tmp/ingest.out" | tail -1) ($((SECONDS - start)) s)"
