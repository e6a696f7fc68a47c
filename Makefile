# The two commands: `make site` builds everything the site publishes, `make test` runs every test.
# Both create .venv and install the project on first use, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: site test serve validate schema bench sync lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/konexio build

test: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve

validate: $(STAMP)
	$(BIN)/konexio validate

schema: $(STAMP)
	$(BIN)/konexio schema

sync: $(STAMP)
	$(BIN)/konexio sync

# Times validate, pages, feeds, builds, preview and sync on synthetic networks (5, 50 and 200
# antennas) in a temporary folder; about 10 minutes on two cores. See tests/bench/run.py.
bench: $(STAMP)
	$(BIN)/python tests/bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

clean:
	rm -rf site .pytest_cache
