# Quick start: `make demo` then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test smoke lint eval bench clean

$(BIN)/accord: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/accord

demo: $(BIN)/accord
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/accord ingest demo/corpus.jsonl --db demo.duckdb
	$(BIN)/accord stats --db demo.duckdb --format table

test: $(BIN)/accord
	$(BIN)/python -m pytest -q
	bash scripts/wheel_smoke.sh

# the built wheel in a fresh venv, run from outside the repository (also the last step of `make test`)
smoke: $(BIN)/accord
	bash scripts/wheel_smoke.sh

lint: $(BIN)/accord
	$(BIN)/ruff check accord tests

eval: $(BIN)/accord
	$(BIN)/accord eval ../shared/gold/seed-article.gold.json
	$(BIN)/accord eval ../shared/gold/plover-gsr/PLOVER_GSR_CAMEO.txt

bench: $(BIN)/accord
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal
