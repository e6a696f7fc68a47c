# The two commands: `make site` builds everything the site publishes, `make test` runs every test.
# Both create .venv and install the project on first use, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every install comes from uv.lock (exact versions and hashes), with uv itself pinned here.
# `uv lock` after editing the dependencies in pyproject.toml; --locked refuses a stale lock.
UV_VERSION := 0.13.8
UV_HOME := .venv-uv
UV := $(UV_HOME)/bin/uv
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Installed modules are compiled once, at install: Python never writes .pyc files where
# PYTHONDONTWRITEBYTECODE is set (as on our build machines), and then compiled every
# module of every run again (0.6 s of a small build for the holidays package alone).
export UV_COMPILE_BYTECODE := 1
COMPILE_OWN := $(BIN)/python -m compileall -q scripts/konexio

.PHONY: site test serve validate schema bench sync lint clean deps test-deps lock catalogs zensical

$(UV):
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet uv==$(UV_VERSION)

# What the site needs; --inexact keeps the test tools when they are already there.
deps: $(UV)
	$(UV) sync --locked --inexact --quiet
	$(COMPILE_OWN)

test-deps: $(UV)
	$(UV) sync --locked --extra test --extra zensical --quiet
	$(COMPILE_OWN)

# The second engine, for `konexio build --engine zensical` (README, "Two engines").
zensical: $(UV)
	$(UV) sync --locked --inexact --extra zensical --quiet
	$(COMPILE_OWN)

lock: $(UV)
	$(UV) lock

site: deps
	$(BIN)/konexio build

test: test-deps
	bash scripts/ensure-test-tools.sh
	$(BIN)/python -m pytest

# Live preview of one language (SITE_LANG=en or ar for the others): the data's pages are
# re-staged under .cache/stage/ on every edit and `mkdocs serve` rebuilds from there.
SITE_LANG ?=
serve: deps
	$(BIN)/konexio serve $(if $(SITE_LANG),--site-lang $(SITE_LANG))

validate: deps
	$(BIN)/konexio validate

schema: deps
	$(BIN)/konexio schema

sync: deps
	$(BIN)/konexio sync

# Times validate, pages, feeds, builds, preview and sync on synthetic networks (5, 25 and 80
# antennas) in a temporary folder (in memory when there is room), and runs Lighthouse
# (pinned in tests/bench/package-lock.json) on every page template; under 10 minutes on two
# cores. See tests/bench/run.py.
bench: test-deps
	bash scripts/ensure-test-tools.sh
	test -d tests/bench/node_modules/lighthouse || (cd tests/bench && npm ci --no-audit --no-fund)
	PYTHONHASHSEED=0 $(BIN)/python tests/bench/run.py

# The fixed words, one gettext catalog per language and domain (French is the source): the
# domains konexio (site and feeds), coordinators (what the commands print) and volunteers
# (mails and sheets), each extracted with scripts/babel-<domain>.cfg into its .pot, merged
# into each language's catalog (a new language of locale/languages.yml gets a new one), then
# compiled with --statistics as a check. Translate what is new in Poedit. The build compiles
# the .po files itself, in memory, so a stale .mo (never committed) cannot matter.
catalogs: deps
	$(BIN)/python -m konexio.catalogs

# The same checks run inside `make test` (tests/test_lint.py, tests/test_workflows.py).
# zizmor offline: no GitHub API call; actionlint finds shellcheck in .venv/bin.
lint: test-deps
	$(BIN)/ruff check scripts tests
	$(BIN)/zizmor --offline --min-severity medium .github/workflows
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/actionlint

clean:
	rm -rf site .pytest_cache
