# The two commands that matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)

.PHONY: run test lint proto bench serve clean-data

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

## Sets everything up on the embedded default (SQLite in ./data), loads the
## demo instansi, starts the four services and opens the terminal UI.
run: $(STAMP)
	@scripts/run.sh

## The whole test suite, on SQLite and on PostgreSQL (127.0.0.1:5432 when reachable).
test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 --dist loadfile -q --durations=15

## Static checks, each failing on a finding: ruff's lint rules and its format,
## the import-linter contracts (the layer rules), mypy (strict on
## services/*/domain and services/shared; configuration in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=.:gen $(BIN)/lint-imports
	$(BIN)/mypy

## Regenerates gen/ from proto/ (a test fails when gen/ is stale).
proto: $(STAMP)
	$(BIN)/python scripts/gen_proto.py

bench: $(STAMP)
	$(BIN)/python -m bench

serve: $(STAMP)
	$(BIN)/ekinerja serve --migrate

clean-data:
	rm -rf data
