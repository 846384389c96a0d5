# The README's two commands:
#   make demo   set everything up and show the bundled demo agency
#   make test   set everything up and run the whole test suite
# Only Python 3.11+ is needed; the virtual environment lives in .venv/.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test

.PHONY: demo test setup lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/hirebook lint
	$(BIN)/hirebook show acme-tech

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check tooling tests
	$(BIN)/ruff format --check tooling tests

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis public
