# One command each, from a fresh clone: `make run` (sample corpus → out/) and `make test`.
#
# Python: the newest of python3.13, python3.12, python3.11 on PATH that actually starts
# (a pyenv shim for a version that is not active is on PATH but fails), else python3;
# `make test PYTHON=/path/to/python3.x` chooses one. The environment is always .venv;
# when PYTHON's version is not the one .venv was made with, .venv is made again.
SUPPORTED_PYTHONS := python3.13 python3.12 python3.11
runs = $(shell $(1) -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1 && echo $(1))
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach py,$(SUPPORTED_PYTHONS) python3,$(call runs,$(py))))
endif
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(PYTHON_VERSION)

.PHONY: setup run test lint bench clean evaluate evaluate-real models scorer-facts

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "needs Python 3.11 or later: none of $(SUPPORTED_PYTHONS) python3 runs here (set PYTHON=...)"; exit 1; }
	@test -n "$(PYTHON_VERSION)" || { echo "$(PYTHON) does not run (set PYTHON=... to a Python 3.11 or later)"; exit 1; }
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null || { echo "$(PYTHON) is Python $(PYTHON_VERSION); ruextract needs 3.11 or later"; exit 1; }
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "$(PYTHON_VERSION)" ]; then \
		echo "$(VENV) is not Python $(PYTHON_VERSION): making it again"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,dask,build]'
	rm -f $(VENV)/.installed*
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
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q

# Every artefact in models/ (see models/README.md), rebuilt deterministically from sources.
models: $(STAMP)
	$(BIN)/python scripts/build_places.py
	$(BIN)/python scripts/build_scorer.py train

# The fact scorer's training facts, from the real development set (needs its text cache);
# `make models` then fits the model on them.
scorer-facts: $(STAMP)
	$(BIN)/python scripts/build_scorer.py collect

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/long_document.py

clean:
	rm -rf out build *.egg-info
