# One command each, from a fresh clone: `make run` (sample corpus → out/) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench clean evaluate evaluate-real

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/ruextract run corpus --out out

evaluate: run
	$(BIN)/ruextract evaluate out --gold tests/gold/corpus.jsonl

# The real development set (tests/gold/real/README.md): needs its local text cache.
evaluate-real: $(STAMP)
	for split in dev heldout; do \
	  $(BIN)/python scripts/realset.py export --split $$split --out build/real-$$split && \
	  rm -rf build/real-$$split/out && \
	  $(BIN)/ruextract run build/real-$$split/texts --out build/real-$$split/out && \
	  $(BIN)/ruextract evaluate build/real-$$split/out --gold build/real-$$split/gold.jsonl \
	    --json build/real-$$split/scores.json || exit 1; \
	done

test: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf out build *.egg-info
