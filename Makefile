# One command each, from a fresh clone: `make run` (sample corpus → out/) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench clean evaluate models

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,dask,build]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/ruextract run corpus --out out

evaluate: run
	$(BIN)/ruextract evaluate out --gold tests/gold/corpus.jsonl

test: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q

# Every artefact in models/ (see models/README.md), rebuilt deterministically from sources.
models: $(STAMP)
	$(BIN)/python scripts/build_places.py

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf out build *.egg-info
