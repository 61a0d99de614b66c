# FloorApp: two commands do all setup. `make demo` runs the app on a seeded demo warehouse; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck imports pytest bench bench-quick system-deps clean

$(STAMP): pyproject.toml
	@bash packaging/install-system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@bash packaging/install-system-deps.sh

demo: $(STAMP)
	$(VENV)/bin/floorapp demo $(DEMO_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check floorapp tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

imports: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck imports pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(BENCH_ARGS)

bench-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench --quick

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
